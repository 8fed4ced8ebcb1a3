//! When YAML does not parse, libyaml's message names a token ("found character that cannot start
//! any token") and often the line after the mistake. Editors make a handful of mistakes; this
//! finds them in the text itself, at their own line, and gives the corrected line in Dutch.

use crate::codes::Code;
use crate::diagnostics::Diagnostic;

/// A mistake found in the YAML text: 1-based line (within the YAML) and column, Dutch message
/// and hint.
#[derive(Debug, PartialEq, Eq)]
pub struct Mistake {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
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
pub fn find(yaml: &str) -> Option<Mistake> {
    let lines: Vec<&str> = yaml.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        if let Some(col) = line.find('\t').filter(|c| line[..*c].trim().is_empty()) {
            return Some(Mistake {
                line: n,
                column: col + 1,
                message: "er staat een tab aan het begin van de regel; YAML accepteert alleen spaties om in te springen".into(),
                hint: format!("vervang de tab door spaties: `{}`", line.replace('\t', "  ")),
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
                message: "op deze regel ontbreekt de dubbele punt na de veldnaam".into(),
                hint: format!("schrijf `{}`", fixed.trim_end()),
            });
        };
        if !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || key.is_empty() {
            continue;
        }
        if !rest.is_empty() && !rest.starts_with([' ', '\t']) && !rest.starts_with("//") {
            return Some(Mistake {
                line: n,
                column: key.len() + 2,
                message: format!("na `{key}:` ontbreekt een spatie"),
                hint: format!("schrijf `{key}: {}`", rest.trim()),
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
                    message: format!("de waarde van `{key}` staat tussen aanhalingstekens en bevat zelf hetzelfde aanhalingsteken, zodat de tekst te vroeg eindigt"),
                    hint: format!("schrijf `{fixed}`"),
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
                message: format!(
                    "de waarde van `{key}` bevat `: `; YAML leest dat als een nieuw veld"
                ),
                hint: format!("zet de waarde tussen aanhalingstekens: `{fixed}`"),
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
                        message: format!("deze regel springt in, maar `{key}` heeft al een waarde; YAML kan hem nergens onder plaatsen"),
                        hint: format!("haal de spaties aan het begin weg: `{trimmed}`"),
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

    fn mistake(yaml: &str) -> Mistake {
        assert!(
            serde_yaml::from_str::<serde_yaml::Value>(yaml).is_err(),
            "{yaml} should not parse"
        );
        find(yaml).unwrap()
    }

    #[test]
    fn a_tab_is_named() {
        let m = mistake("title: T\n\tadded: 2026-01-02\n");
        assert_eq!((m.line, m.column), (2, 1));
        assert!(m.message.starts_with("er staat een tab"));
    }

    #[test]
    fn a_colon_in_a_title_gets_the_quoted_line() {
        let m = mistake("title: Wonen: samen\nadded: 2026-01-02\n");
        assert_eq!(m.line, 1);
        assert_eq!(
            m.hint,
            "zet de waarde tussen aanhalingstekens: `title: \"Wonen: samen\"`"
        );
    }

    #[test]
    fn quotes_inside_a_quoted_title_get_the_other_quotes() {
        let m = mistake("title: \"Het \"buddy\" project\"\n");
        assert_eq!(m.hint, "schrijf `title: 'Het \"buddy\" project'`");
    }

    #[test]
    fn a_missing_colon_or_space_is_found_at_its_own_line() {
        let m = mistake("title: T\nadded 2026-01-02\norder: 3\n");
        assert_eq!(
            (m.line, m.hint.as_str()),
            (2, "schrijf `added: 2026-01-02`")
        );
        let m = find("title:Mijn titel\n").unwrap();
        assert_eq!(
            (m.line, m.hint.as_str()),
            (1, "schrijf `title: Mijn titel`")
        );
    }

    #[test]
    fn a_bad_indent_is_found() {
        let m = mistake("title: T\n  added: 2026-01-02\n");
        assert_eq!(
            (m.line, m.hint.as_str()),
            (2, "haal de spaties aan het begin weg: `added: 2026-01-02`")
        );
    }

    #[test]
    fn valid_yaml_has_no_mistake() {
        assert_eq!(find("title: \"Wonen: samen\"\nlinks:\n  - url: https://x.nl/\n    label: X\ntags: [a, b]\n"), None);
    }
}
