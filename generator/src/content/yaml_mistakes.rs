//! When YAML does not parse, libyaml's message names a token ("found character that cannot start
//! any token") and often the line after the mistake. Editors make a handful of mistakes; this
//! finds them in the text itself, at their own line, and gives the corrected line in Dutch.

use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::msg;
use std::collections::BTreeMap;

/// A mistake found in the YAML text: 1-based line (within the YAML) and column, message and
/// hint (with the corrected line).
#[derive(Debug, PartialEq, Eq)]
pub struct Mistake {
    pub line: usize,
    pub column: usize,
    pub message: Message,
    pub hint: Message,
}

impl Mistake {
    /// The `yaml-syntax` error of this mistake in a file whose YAML starts after `line_offset`
    /// lines of `file_text`.
    pub fn diagnostic(self, path: &str, line_offset: usize, file_text: &str) -> Diagnostic {
        Diagnostic::error(Code::YamlSyntax, path, self.message)
            .at(self.line + line_offset, self.column)
            .hint(self.hint)
            .with_source(file_text)
    }
}

/// The first known mistake in `yaml`, if any.
/// `line_offset`: the lines of the file before the YAML, for the line numbers in messages.
pub fn find(yaml: &str, line_offset: usize) -> Option<Mistake> {
    let lines: Vec<&str> = yaml.lines().collect();
    // Top-level field → the line it is first on.
    let mut keys: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        if let Some((_, column, c)) =
            textkit::hidden::first_where(line, |c| c.is_control() && !matches!(c, '\t' | '\r'))
        {
            let code = textkit::hidden::code_point(c);
            let cleaned: String = line
                .chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect();
            return Some(Mistake {
                line: n,
                column,
                message: msg!("yaml-control-character", code = code),
                hint: msg!("yaml-control-character-hint", fixed = cleaned.trim_end()),
            });
        }
        if let Some(col) = line.find('\t').filter(|c| line[..*c].trim().is_empty()) {
            // After a field with its value on its own line (`title: T`), an indented field
            // belongs at the start of the line: two spaces instead of the tab would still be
            // wrong.
            let previous = lines[..i]
                .iter()
                .rev()
                .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
            let after_value = previous.is_some_and(|p| {
                !p.starts_with([' ', '\t', '-'])
                    && p.split_once(':').is_some_and(|(_, v)| !v.trim().is_empty())
            });
            let field = line.trim_start();
            let hint = if after_value && !field.starts_with('-') && field.contains(':') {
                msg!("yaml-tab-hint-top", fixed = field.trim_end())
            } else {
                msg!("yaml-tab-hint", fixed = line.replace('\t', "  "))
            };
            return Some(Mistake {
                line: n,
                column: col + 1,
                message: msg!("yaml-tab"),
                hint,
            });
        }
        if line.trim().is_empty()
            || line.trim_start().starts_with('#')
            || line.starts_with([' ', '-'])
        {
            continue;
        }
        let Some((key, rest)) = line.split_once(':') else {
            let word: String = line
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let value = line[word.len()..].trim();
            let fixed = if word.is_empty() {
                line.to_string()
            } else {
                format!("{word}: {value}")
            };
            return Some(Mistake {
                line: n,
                column: word.len() + 1,
                message: msg!("yaml-missing-colon"),
                hint: msg!("yaml-write", fixed = fixed.trim_end()),
            });
        };
        if !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || key.is_empty() {
            continue;
        }
        if let Some(&first) = keys.get(key) {
            return Some(Mistake {
                line: n,
                column: 1,
                message: msg!("yaml-duplicate-key", key = key, first = first + line_offset),
                hint: msg!(
                    "yaml-duplicate-key-hint",
                    key = key,
                    first = first + line_offset
                ),
            });
        }
        keys.insert(key, n);
        if !rest.is_empty() && !rest.starts_with([' ', '\t']) && !rest.starts_with("//") {
            return Some(Mistake {
                line: n,
                column: key.len() + 2,
                message: msg!("yaml-missing-space", key = key),
                hint: msg!("yaml-write", fixed = format!("{key}: {}", rest.trim())),
            });
        }
        let value = rest.trim();
        if let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let inner = &value[1..];
            let ends_early = inner.find(q).is_some_and(|c| {
                let after = inner[c + 1..].trim();
                !after.is_empty() && !after.starts_with('#')
            });
            if ends_early {
                let text = &value[1..value.len() - usize::from(value.ends_with(q))];
                let fixed = if q == '"' && !text.contains('\'') {
                    format!("{key}: '{text}'")
                } else {
                    format!(
                        "{key}: \"{}\"",
                        text.replace('\\', "\\\\").replace('"', "\\\"")
                    )
                };
                return Some(Mistake {
                    line: n,
                    column: key.len() + 3,
                    message: msg!("yaml-quote-inside", key = key),
                    hint: msg!("yaml-write", fixed = fixed),
                });
            }
            continue;
        }
        if value.starts_with(['[', '{', '|', '>', '&', '*', '!']) {
            continue;
        }
        if let Some(at) = value.find(": ") {
            let fixed = format!(
                "{key}: \"{}\"",
                value.replace('\\', "\\\\").replace('"', "\\\"")
            );
            return Some(Mistake {
                line: n,
                column: line.len() - value.len() + at + 1,
                message: msg!("yaml-colon-in-value", key = key),
                hint: msg!("lint-yaml-comment-hint", fixed = fixed),
            });
        }
        // A line indented below a field that already has its value on its own line.
        if !value.is_empty() {
            if let Some(next) = lines.get(i + 1) {
                let trimmed = next.trim_start();
                if next.starts_with(' ')
                    && trimmed.split_once(':').is_some_and(|(k, _)| {
                        k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !k.is_empty()
                    })
                {
                    return Some(Mistake {
                        line: n + 1,
                        column: 1,
                        message: msg!("yaml-bad-indent", key = key),
                        hint: msg!("yaml-bad-indent-hint", fixed = trimmed),
                    });
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    fn mistake(yaml: &str) -> Mistake {
        assert!(
            serde_yaml::from_str::<serde_yaml::Value>(yaml).is_err(),
            "{yaml} should not parse"
        );
        find(yaml, 0).unwrap()
    }

    #[test]
    fn a_tab_is_named() {
        let m = mistake("title: T\n\tadded: 2026-01-02\n");
        assert_eq!((m.line, m.column), (2, 1));
        assert!(m.message.render(Lang::Nl).starts_with("er staat een tab"));
        // `added` belongs at the start of the line, not indented by spaces.
        assert_eq!(
            m.hint.render(Lang::Nl),
            "haal de tab weg: een veld bovenaan begint aan het begin van de regel: `added: 2026-01-02`"
        );
        let m = mistake("contact:\n\tname: Jan\n");
        assert_eq!(
            m.hint.render(Lang::Nl),
            "vervang de tab door spaties: `  name: Jan`"
        );
    }

    #[test]
    fn a_colon_in_a_title_gets_the_quoted_line() {
        let m = mistake("title: Wonen: samen\nadded: 2026-01-02\n");
        assert_eq!(m.line, 1);
        assert_eq!(
            m.hint.render(Lang::Nl),
            "zet de waarde tussen aanhalingstekens: `title: \"Wonen: samen\"`"
        );
    }

    #[test]
    fn quotes_inside_a_quoted_title_get_the_other_quotes() {
        let m = mistake("title: \"Het \"buddy\" project\"\n");
        assert_eq!(
            m.hint.render(Lang::Nl),
            "schrijf `title: 'Het \"buddy\" project'`"
        );
    }

    #[test]
    fn a_missing_colon_or_space_is_found_at_its_own_line() {
        let m = mistake("title: T\nadded 2026-01-02\norder: 3\n");
        assert_eq!(
            (m.line, &*m.hint.render(Lang::Nl)),
            (2, "schrijf `added: 2026-01-02`")
        );
        let m = find("title:Mijn titel\n", 0).unwrap();
        assert_eq!(
            (m.line, &*m.hint.render(Lang::Nl)),
            (1, "schrijf `title: Mijn titel`")
        );
    }

    #[test]
    fn a_bad_indent_is_found() {
        let m = mistake("title: T\n  added: 2026-01-02\n");
        assert_eq!(
            (m.line, &*m.hint.render(Lang::Nl)),
            (2, "haal de spaties aan het begin weg: `added: 2026-01-02`")
        );
    }

    #[test]
    fn a_field_written_twice_is_found_at_its_second_line() {
        let text = "---\ntitle: Een\nadded: 2026-01-02\ntitle: Twee\n---\nTekst.\n";
        let yaml = "title: Een\nadded: 2026-01-02\ntitle: Twee\n";
        let d = crate::content::yaml::YamlDoc::parse("x.md", text, yaml, 1)
            .err()
            .expect("a duplicate key does not parse");
        assert_eq!((d.code, d.line), ("yaml-syntax", 4));
        assert_eq!(
            d.message.render(Lang::Nl),
            "het veld `title` staat er twee keer: ook op regel 2"
        );
        assert_eq!(d.source_line.as_deref(), Some("title: Twee"));
    }

    #[test]
    fn a_control_character_is_found_at_its_own_line() {
        let text = "---\ntitle: T\nsummary: Kort\u{7} verhaal\n---\nTekst.\n";
        let yaml = "title: T\nsummary: Kort\u{7} verhaal\n";
        let d = crate::content::yaml::YamlDoc::parse("x.md", text, yaml, 1)
            .err()
            .expect("a control character does not parse");
        assert_eq!((d.line, d.column), (3, 14));
        assert_eq!(
            d.message.render(Lang::Nl),
            "er staat een onzichtbaar stuurteken (U+0007) op deze regel; YAML accepteert dat niet"
        );
        assert!(d
            .hint
            .unwrap()
            .render(Lang::Nl)
            .ends_with("`summary: Kort verhaal`"));
    }

    #[test]
    fn valid_yaml_has_no_mistake() {
        assert_eq!(find("title: \"Wonen: samen\"\nlinks:\n  - url: https://x.nl/\n    label: X\ntags: [a, b]\n", 0), None);
    }
}
