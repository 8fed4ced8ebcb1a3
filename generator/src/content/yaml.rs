//! A YAML mapping read from a file, with what we need to point at lines: top-level keys and their
//! lines, typed access that reports type errors at the key's line, and unknown-key checks.

use super::practice::field_synonym;
use crate::codes::Code;
use crate::diagnostics::{suggest, Diagnostic};
use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;

/// A YAML mapping from one file (or from the front matter of one file).
pub struct YamlDoc<'a> {
    /// Path for messages (relative to the project root).
    pub path: &'a str,
    /// The whole file's text, for showing the offending line.
    file_text: &'a str,
    /// How many file lines come before the YAML text (1 for front matter after `---`).
    line_offset: usize,
    mapping: Mapping,
    key_lines: BTreeMap<String, usize>,
}

impl<'a> YamlDoc<'a> {
    /// Parses `yaml`, which starts `line_offset` lines into `file_text`. A syntax error or a document
    /// that is not a mapping is returned as a diagnostic.
    pub fn parse(
        path: &'a str,
        file_text: &'a str,
        yaml: &str,
        line_offset: usize,
    ) -> Result<Self, Diagnostic> {
        let value: Value = if yaml.trim().is_empty() {
            Value::Mapping(Mapping::new())
        } else {
            serde_yaml::from_str(yaml).map_err(|e| {
                let (mut line, mut column) = e.location().map(|l| (l.line() + line_offset, l.column())).unwrap_or((line_offset + 1, 0));
                let full = e.to_string();
                let mut message = full.split(" at line ").next().unwrap_or(&full).to_string();
                // libyaml finds an unclosed `[` or quote only at the end; the construct's start is where to look.
                if let Some((what, position)) = full.split_once(", while ").and_then(|(_, rest)| rest.split_once(" at line ")) {
                    if let Some((l, c)) = position.split_once(" column ") {
                        if let (Ok(l), Ok(c)) = (l.trim().parse::<usize>(), c.trim().parse::<usize>()) {
                            line = l + line_offset;
                            column = c;
                            message = format!("{message} ({what} that starts here)");
                        }
                    }
                }
                Diagnostic::error(Code::YamlSyntax, path, format!("invalid YAML: {message}"))
                    .at(line, column)
                    .hint(
                        "check the indentation and that text containing `: ` or starting with a special character \
                         (such as `[`, `{`, `*`, `&`, `#`, `'` or `\"`) is put between quotes",
                    )
                    .with_source(file_text)
            })?
        };
        let mapping = match value {
            Value::Mapping(m) => m,
            Value::Null => Mapping::new(),
            _ => {
                return Err(Diagnostic::error(
                    Code::YamlShape,
                    path,
                    "expected `field: value` lines",
                )
                .at(line_offset + 1, 1)
                .hint("write one field per line, such as `title: Mijn titel`")
                .with_source(file_text))
            }
        };
        let mut key_lines = BTreeMap::new();
        for (i, line) in yaml.lines().enumerate() {
            if line.starts_with([' ', '\t', '#', '-']) {
                continue;
            }
            if let Some((key, _)) = line.split_once(':') {
                let key = key.trim().trim_matches(['"', '\'']);
                key_lines
                    .entry(key.to_string())
                    .or_insert(i + 1 + line_offset);
            }
        }
        Ok(YamlDoc {
            path,
            file_text,
            line_offset,
            mapping,
            key_lines,
        })
    }

    /// The file line of a top-level key (the first line of the YAML when not found).
    pub fn key_line(&self, key: &str) -> usize {
        self.key_lines
            .get(key)
            .copied()
            .unwrap_or(self.line_offset + 1)
    }

    /// The first file line at or after `key`'s line that contains `needle`.
    pub fn line_of(&self, key: &str, needle: &str) -> usize {
        let start = self.key_line(key);
        self.file_text
            .lines()
            .enumerate()
            .skip(start - 1)
            .find(|(_, l)| l.contains(needle))
            .map(|(i, _)| i + 1)
            .unwrap_or(start)
    }

    /// A diagnostic at the given file line, with the line shown.
    pub fn error_at(&self, code: Code, line: usize, message: impl Into<String>) -> Diagnostic {
        let column = self
            .file_text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.len() - l.trim_start().len() + 1)
            .unwrap_or(0);
        Diagnostic::error(code, self.path, message)
            .at(line, column)
            .with_source(self.file_text)
    }

    pub fn warning_at(&self, code: Code, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: crate::diagnostics::Severity::Warning,
            ..self.error_at(code, line, message)
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.mapping.contains_key(key)
    }

    /// Reports keys that are not in `known` (with a "did you mean") and `required` keys that are missing.
    pub fn check_keys(
        &self,
        known: &[&str],
        required: &[&str],
        what: &str,
        diags: &mut Vec<Diagnostic>,
    ) {
        for key in self.mapping.keys() {
            let name = match key {
                Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            };
            if known.contains(&name.as_str()) {
                continue;
            }
            let lower = name.to_lowercase();
            let close = suggest(&name, known).or_else(|| field_synonym(&lower, known));
            let hint = match close {
                Some(k) => format!(
                    "did you mean `{k}`? The fields of {what} are: {}",
                    known.join(", ")
                ),
                None => format!(
                    "remove it, or use one of the fields of {what}: {}",
                    known.join(", ")
                ),
            };
            diags.push(
                self.error_at(
                    Code::UnknownField,
                    self.key_line(&name),
                    format!("unknown field `{name}` in {what}"),
                )
                .hint(hint),
            );
        }
        for key in required {
            if !self.has(key) {
                let line = self.line_offset.max(1);
                diags.push(
                    Diagnostic::error(
                        Code::MissingField,
                        self.path,
                        format!("required field `{key}` is missing in {what}"),
                    )
                    .at(line, 0)
                    .hint(format!("add a line `{key}: …`"))
                    .with_source(self.file_text),
                );
            }
        }
    }

    /// Reads a key as `T`; a value of the wrong type is reported at the key's line and gives `None`.
    pub fn get<T: DeserializeOwned>(
        &self,
        key: &str,
        expected: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<T> {
        let value = self.mapping.get(key)?;
        match serde_yaml::from_value::<T>(value.clone()) {
            Ok(v) => Some(v),
            Err(e) => {
                let detail = e.to_string();
                diags.push(
                    self.error_at(
                        Code::InvalidValue,
                        self.key_line(key),
                        format!("field `{key}` has an invalid value: {detail}"),
                    )
                    .hint(format!("`{key}` must be {expected}")),
                );
                None
            }
        }
    }

    /// The raw value of a key.
    pub fn value(&self, key: &str) -> Option<&Value> {
        self.mapping.get(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_names_the_file_line() {
        let text = "---\ntitle: a\nadded: [2026\n---\nbody\n";
        let yaml = "title: a\nadded: [2026\n";
        let err = YamlDoc::parse("x.md", text, yaml, 1).err().unwrap();
        assert_eq!(err.code, "yaml-syntax");
        assert_eq!(err.line, 3, "{err:?}");
    }

    #[test]
    fn unknown_key_is_reported_at_its_line_with_suggestion() {
        let text = "---\ntitel: a\n---\n";
        let doc = YamlDoc::parse("x.md", text, "titel: a\n", 1).unwrap();
        let mut diags = vec![];
        doc.check_keys(&["title", "added"], &["title"], "a practice", &mut diags);
        assert_eq!(diags.len(), 2);
        assert_eq!(diags[0].line, 2);
        assert!(diags[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("did you mean `title`"));
        assert_eq!(diags[1].code, "missing-field");
    }

    #[test]
    fn wrong_type_is_reported_at_the_key() {
        let text = "---\ntitle: a\norder: tien\n---\n";
        let doc = YamlDoc::parse("x.md", text, "title: a\norder: tien\n", 1).unwrap();
        let mut diags = vec![];
        assert_eq!(doc.get::<i64>("order", "a whole number", &mut diags), None);
        assert_eq!(diags[0].line, 3);
        assert_eq!(diags[0].source_line.as_deref(), Some("order: tien"));
    }
}
