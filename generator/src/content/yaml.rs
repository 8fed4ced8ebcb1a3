//! A YAML mapping read from a file, with what we need to point at lines: top-level keys and their
//! lines, typed access that reports type errors at the key's line, and unknown-key checks.

use super::practice::field_synonym;
use crate::codes::Code;
use crate::diagnostics::{suggest, Diagnostic};
use crate::lines::LineIndex;
use crate::messages::Message;
use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;

pub use textkit::yaml_nesting::{too_deep, MAX_NESTING};

/// The 1-based line and column of the first alias (`*name`) in `yaml` outside comments.
fn first_alias(yaml: &str) -> Option<(usize, usize)> {
    yaml.lines().enumerate().find_map(|(i, line)| {
        let code = line.split(" #").next().unwrap_or(line);
        code.char_indices()
            .find(|(at, c)| {
                *c == '*'
                    && code[..*at].ends_with([' ', '[', ',', '-', ':'])
                    && code[at + 1..].starts_with(|n: char| n.is_alphanumeric())
            })
            .map(|(at, _)| (i + 1, code[..at].chars().count() + 1))
    })
}

/// A YAML mapping from one file (or from the front matter of one file).
pub struct YamlDoc<'a> {
    /// Path for messages (relative to the project root).
    pub path: &'a str,
    /// The whole file's text, for showing the offending line.
    file_text: &'a str,
    /// Its lines, indexed once for all the problems of the file.
    lines: LineIndex<'a>,
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
        if let Some((line, column)) = too_deep(yaml) {
            return Err(Diagnostic::error(
                Code::YamlTooDeep,
                path,
                crate::msg!("yaml-too-deep", max = MAX_NESTING),
            )
            .at(line + line_offset, column)
            .hint(crate::msg!("yaml-too-deep-hint"))
            .with_source(file_text));
        }
        let value: Value = if yaml.trim().is_empty() {
            Value::Mapping(Mapping::new())
        } else {
            serde_yaml::from_str(yaml).map_err(|e| {
                if let Some(m) = super::yaml_mistakes::find(yaml, line_offset) {
                    return m.diagnostic(path, line_offset, file_text);
                }
                let (mut line, mut column) = e
                    .location()
                    .map(|l| (l.line() + line_offset, l.column()))
                    .unwrap_or((line_offset + 1, 0));
                let full = e.to_string();
                if full.starts_with("repetition limit exceeded") {
                    // serde_yaml stops an alias bomb (`&a [x, x]`, `&b [*a, *a]`, …) but says so in
                    // English at the start of the file; the first alias is where to look.
                    let (l, c) = first_alias(yaml).unwrap_or((1, 1));
                    return Diagnostic::error(Code::YamlSyntax, path, crate::msg!("yaml-aliases"))
                        .at(l + line_offset, c)
                        .hint(crate::msg!("yaml-aliases-hint"))
                        .with_source(file_text);
                }
                // In Dutch, what the parser's English message means (textkit::parser_message).
                let detail = crate::messages::Arg::parser(&full);
                let mut message = crate::msg!("yaml-invalid", detail = detail.clone());
                // libyaml finds an unclosed `[` or quote only at the end; the construct's start is where to look.
                if let Some((what, position)) = full
                    .split_once(", while ")
                    .and_then(|(_, rest)| rest.split_once(" at line "))
                {
                    if let Some((l, c)) = position.split_once(" column ") {
                        if let (Ok(l), Ok(c)) =
                            (l.trim().parse::<usize>(), c.trim().parse::<usize>())
                        {
                            if what.contains("block") {
                                // A block's start is only context: the problem is where libyaml stopped.
                                message = crate::msg!(
                                    "yaml-invalid-in-block",
                                    detail = detail.clone(),
                                    line = l + line_offset
                                );
                            } else {
                                line = l + line_offset;
                                column = c;
                                message = crate::msg!(
                                    "yaml-invalid-starts-here",
                                    detail = detail.clone(),
                                    what = Self::construct(what)
                                );
                            }
                        }
                    }
                }
                Diagnostic::error(Code::YamlSyntax, path, message)
                    .at(line, column)
                    .hint(crate::msg!(
                        "yaml-parser-fix",
                        fix = crate::messages::Arg::ParserFix(full.clone())
                    ))
                    .with_source(file_text)
            })?
        };
        let mapping = match value {
            Value::Mapping(m) => m,
            Value::Null => Mapping::new(),
            _ => {
                if let Some(m) = super::yaml_mistakes::find(yaml, line_offset) {
                    return Err(m.diagnostic(path, line_offset, file_text));
                }
                return Err(Diagnostic::error(
                    Code::YamlShape,
                    path,
                    crate::msg!("yaml-not-fields"),
                )
                .at(line_offset + 1, 1)
                .hint(crate::msg!("yaml-not-fields-hint"))
                .with_source(file_text));
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
            lines: LineIndex::new(file_text),
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

    /// The file line of the `n`th (0-based) item of the block list under `key` (its `- ` line),
    /// else the key's line (a list written `[a, b]`, or fewer items found).
    pub fn nth_item_line(&self, key: &str, n: usize) -> usize {
        let start = self.key_line(key);
        let mut seen = 0;
        for (i, line) in self.file_text.lines().enumerate().skip(start) {
            let t = line.trim();
            if t.starts_with("---") || !(line.starts_with([' ', '\t', '-']) || t.is_empty()) {
                break; // the next key, or the end of the fields
            }
            if t.starts_with('-') {
                if seen == n {
                    return i + 1;
                }
                seen += 1;
            }
        }
        start
    }

    /// The file line of `field:` inside the block under `key` (`contact:` then `  emial: …`),
    /// else the key's line.
    pub fn inner_key_line(&self, key: &str, field: &str) -> usize {
        let start = self.key_line(key);
        for (i, line) in self.file_text.lines().enumerate().skip(start) {
            let t = line.trim();
            if t.starts_with("---") || !(line.starts_with([' ', '\t']) || t.is_empty()) {
                break;
            }
            let t = t.trim_start_matches(['-', ' ']);
            if t.strip_prefix(field)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
            {
                return i + 1;
            }
        }
        start
    }

    /// The file line of `item` in the list under `key`: its `- item` line when the list is
    /// written one item a line (quotes aside), else the first line at or after the key that holds
    /// it (a list written `[a, b]`). Unlike [`YamlDoc::line_of`], `- buddy wonen` is not taken
    /// for `wonen`.
    pub fn item_line(&self, key: &str, item: &str) -> usize {
        let start = self.key_line(key);
        for (i, line) in self.file_text.lines().enumerate().skip(start) {
            let t = line.trim();
            if t.starts_with("---") || !(line.starts_with([' ', '\t', '-']) || t.is_empty()) {
                break; // the next key, or the end of the fields
            }
            if let Some(rest) = t.strip_prefix('-') {
                if rest.trim().trim_matches(['"', '\'']).trim() == item {
                    return i + 1;
                }
            }
        }
        self.line_of(key, item)
    }

    /// A diagnostic at the given file line, with the line shown.
    pub fn error_at(
        &self,
        code: Code,
        line: usize,
        message: impl Into<crate::messages::Message>,
    ) -> Diagnostic {
        let text = self.lines.line(line);
        let column = text.map_or(0, |l| l.len() - l.trim_start().len() + 1);
        let d = Diagnostic::error(code, self.path, message).at(line, column);
        match text {
            Some(text) => d.with_line_text(text),
            None => d,
        }
    }

    pub fn warning_at(
        &self,
        code: Code,
        line: usize,
        message: impl Into<crate::messages::Message>,
    ) -> Diagnostic {
        Diagnostic {
            severity: crate::diagnostics::Severity::Warning,
            ..self.error_at(code, line, message)
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.mapping.contains_key(key)
    }

    /// What libyaml names in "while scanning a quoted scalar", in the reader's words.
    fn construct(what: &str) -> Message {
        if what.contains("quoted") {
            crate::msg!("yaml-construct-quoted")
        } else if what.contains("flow sequence") {
            crate::msg!("yaml-construct-brackets")
        } else if what.contains("flow mapping") {
            crate::msg!("yaml-construct-braces")
        } else {
            crate::msg!("yaml-construct-other", what = what)
        }
    }

    /// Reports keys that are not in `known` (with a "did you mean") and `required` keys that are missing.
    pub fn check_keys(
        &self,
        known: &[&str],
        required: &[&str],
        what: Message,
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
            let hint = unknown_field_hint(&name, known, &what);
            diags.push(
                self.error_at(
                    Code::UnknownField,
                    self.key_line(&name),
                    crate::msg!("field-unknown", name = name.as_str(), what = what.clone()),
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
                        crate::msg!("field-missing", key = *key, what = what.clone()),
                    )
                    .at(line, 0)
                    .hint(crate::msg!("field-missing-hint", key = *key))
                    .with_source(self.file_text),
                );
            }
        }
    }

    /// Reads a key as `T`; a value of the wrong type is reported at the key's line and gives `None`.
    pub fn get<T: DeserializeOwned>(
        &self,
        key: &str,
        expected: Message,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<T> {
        let value = self.mapping.get(key)?;
        match serde_yaml::from_value::<T>(value.clone()) {
            Ok(v) => Some(v),
            Err(e) => {
                let detail = crate::messages::Arg::parser(e);
                diags.push(
                    self.error_at(
                        Code::InvalidValue,
                        self.key_line(key),
                        crate::msg!("field-invalid-value", key = key, detail = detail),
                    )
                    .hint(crate::msg!(
                        "field-must-be",
                        key = key,
                        expected = expected
                    )),
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

/// The hint for a field `name` that `what` (a practice, the `contact` block, …) does not have:
/// the field meant ("bedoelde u `email`?", also for Dutch names such as `telefoon`), or the list.
pub fn unknown_field_hint(name: &str, known: &[&str], what: &Message) -> Message {
    let close = suggest(name, known).or_else(|| field_synonym(&name.to_lowercase(), known));
    let fields = known.join(", ");
    match close {
        Some(k) => crate::msg!(
            "field-unknown-did-you-mean",
            field = k,
            what = what.clone(),
            fields = fields
        ),
        None => crate::msg!("field-unknown-remove", what = what.clone(), fields = fields),
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
    fn the_parsers_words_are_dutch_for_editors_and_kept_in_english() {
        use crate::messages::Lang;
        // libyaml: "found character that cannot start any token"; serde: "invalid type: …".
        let text = "title: T\nsummary: @gemeente\n";
        let err = YamlDoc::parse("site.yaml", text, text, 0).err().unwrap();
        let nl = err.message.render(Lang::Nl);
        let hint = err.hint.as_ref().unwrap().render(Lang::Nl);
        assert!(
            nl.contains("een waarde kan niet beginnen met het teken"),
            "{nl}"
        );
        assert!(hint.contains("tussen dubbele aanhalingstekens"), "{hint}");
        assert!(!nl.contains("found") && !nl.contains("token"), "{nl}");
        let en = err.message.render(Lang::En);
        assert!(en.contains("cannot start any token"), "{en}");
        assert!(!en.contains(" at line "), "{en}");

        let doc = YamlDoc::parse("x.md", "order: tien\n", "order: tien\n", 0).unwrap();
        let mut diags = Vec::new();
        let _ = doc.get::<i64>("order", crate::msg!("expect-whole-number"), &mut diags);
        let nl = diags[0].message.render(Lang::Nl);
        assert!(
            nl.contains("hier staat de tekst `tien`, maar er hoort een heel getal"),
            "{nl}"
        );
        assert!(!nl.contains("invalid type"), "{nl}");
    }

    #[test]
    fn error_inside_a_block_is_reported_at_its_own_line() {
        let text = "title: T\ncategories:\n  - slug: a\n    title: A\n   bad: x\n";
        let err = YamlDoc::parse("site.yaml", text, text, 0).err().unwrap();
        assert_eq!(err.line, 5, "{err:?}");
        assert!(err.text().contains("begint op regel 3"), "{err:?}");
    }

    #[test]
    fn an_alias_bomb_is_named_at_its_first_alias() {
        let mut yaml = String::from("title: T\na: &a [x, x, x, x, x, x, x, x, x]\n");
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for pair in names.windows(2) {
            let refs = vec![format!("*{}", pair[0]); 9].join(", ");
            yaml.push_str(&format!("{0}: &{0} [{refs}]\n", pair[1]));
        }
        let err = YamlDoc::parse("site.yaml", &yaml, &yaml, 0).err().unwrap();
        assert_eq!(
            (err.code, err.line, err.column),
            ("yaml-syntax", 3, 8),
            "{err:?}"
        );
        assert!(err.text().contains("verwijzingen"), "{err:?}");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let yaml = format!("title: a\ntags: {}\n", "[".repeat(100_000));
        let text = format!("---\n{yaml}---\n");
        let err = YamlDoc::parse("x.md", &text, &yaml, 1).err().unwrap();
        assert_eq!(
            (err.code, err.line, err.column),
            ("yaml-too-deep", 3, 7 + MAX_NESTING)
        );
        let dashes = format!("a:\n{}x\n", "- ".repeat(10_000));
        assert_eq!(too_deep(&dashes), Some((2, 1)));
        // Brackets in quotes and comments are text; real nesting of a few levels is fine.
        assert_eq!(
            too_deep(&format!("a: '{0}'\nb: \"{0}\" # {0}\n", "[".repeat(100))),
            None
        );
        assert_eq!(too_deep("a: [[1, 2], {b: [3]}]\nc:\n  - - x\n"), None);
        // A quote or bracket inside plain text starts nothing.
        let prose = format!(
            "intro: >-\n  De gemeente's aanpak {}\nb: x\n",
            "[".repeat(100)
        );
        assert_eq!(too_deep(&prose), None);
        let after_prose = format!("title: it's\ntags: {}\n", "[".repeat(100));
        assert_eq!(too_deep(&after_prose), Some((2, 7 + MAX_NESTING)));
    }

    #[test]
    fn unknown_key_is_reported_at_its_line_with_suggestion() {
        let text = "---\ntitel: a\n---\n";
        let doc = YamlDoc::parse("x.md", text, "titel: a\n", 1).unwrap();
        let mut diags = vec![];
        doc.check_keys(
            &["title", "added"],
            &["title"],
            crate::msg!("what-practice"),
            &mut diags,
        );
        assert_eq!(diags.len(), 2);
        assert_eq!(diags[0].line, 2);
        assert!(diags[0]
            .hint_text()
            .as_deref()
            .unwrap()
            .contains("bedoelde u `title`"));
        assert_eq!(diags[1].code, "missing-field");
    }

    #[test]
    fn wrong_type_is_reported_at_the_key() {
        let text = "---\ntitle: a\norder: tien\n---\n";
        let doc = YamlDoc::parse("x.md", text, "title: a\norder: tien\n", 1).unwrap();
        let mut diags = vec![];
        assert_eq!(
            doc.get::<i64>("order", crate::msg!("expect-whole-number"), &mut diags),
            None
        );
        assert_eq!(diags[0].line, 3);
        assert_eq!(diags[0].source_line.as_deref(), Some("order: tien"));
    }
}
