//! `content/synoniemen.yaml` (optional): groups of words that the search treats as the same, so
//! that someone who types `statushouder` finds the practices that say `vergunninghouder`.

use super::yaml::YamlDoc;
use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use search::normalize::NotOneWord;
use serde_yaml::Value;
use std::collections::{BTreeMap, BTreeSet};

pub const PATH: &str = "content/synoniemen.yaml";
const KEY: &str = "synoniemen";
const EXAMPLE: &str = "- [statushouder, vergunninghouder]";

/// The groups as the editors wrote them (trimmed), or `None` when the file has errors.
pub fn parse(text: &str) -> (Option<Vec<Vec<String>>>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if let Some(d) = groups_without_key(text) {
        return (None, vec![d]);
    }
    let doc = match YamlDoc::parse(PATH, text, text, 0) {
        Ok(d) => d,
        Err(d) => return (None, vec![d]),
    };
    doc.check_keys(&[KEY], &[KEY], crate::msg!("what-synonyms"), &mut diags);
    diags.extend(super::hidden::in_yaml(PATH, text, 0));
    let items = match doc.value(KEY) {
        None => return (None, diags),
        Some(Value::Null) => Vec::new(),
        Some(Value::Sequence(items)) => items.clone(),
        Some(_) => {
            diags.push(
                doc.error_at(
                    Code::InvalidValue,
                    doc.key_line(KEY),
                    crate::msg!("synonyms-not-a-list", key = KEY),
                )
                .hint(crate::msg!("synonyms-not-a-list-hint", example = EXAMPLE)),
            );
            return (None, diags);
        }
    };
    let lines = group_lines(text, doc.key_line(KEY), items.len());
    // Split once: looking a word's line up from the start of the file for every word took
    // minutes for 60,000 groups.
    let file_lines: Vec<&str> = text.lines().collect();
    // Folded word → line of the group it is in, to find a word in two groups.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut groups = Vec::with_capacity(items.len());
    for (item, &line) in items.iter().zip(&lines) {
        if let Some(group) = group(&doc, &file_lines, item, line, &mut seen, &mut diags) {
            groups.push(group);
        }
    }
    let ok = !diags.iter().any(Diagnostic::is_error);
    (ok.then_some(groups), diags)
}

/// Most words in one group: words that mean the same are a handful (the longest group of the
/// PHV list has three).
pub const MAX_GROUP_WORDS: usize = 50;

/// One group of words at `line`: its words as written, or `None` when it is not a list. Words
/// already in an earlier group (`seen`: folded word → line) are reported and left out.
fn group(
    doc: &YamlDoc,
    lines: &[&str],
    item: &Value,
    line: usize,
    seen: &mut BTreeMap<String, usize>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let Value::Sequence(words) = item else {
        diags.push(
            doc.error_at(
                Code::InvalidSynonyms,
                line,
                crate::msg!("synonyms-group-not-a-list"),
            )
            .hint(crate::msg!("synonyms-write-as", example = EXAMPLE)),
        );
        return None;
    };
    if words.len() > MAX_GROUP_WORDS {
        // The search's handling of a group grows with the square of its size (60,000 words: 13 s).
        diags.push(
            doc.error_at(
                Code::InvalidSynonyms,
                line,
                crate::msg!(
                    "synonyms-group-too-large",
                    count = words.len(),
                    max = MAX_GROUP_WORDS
                ),
            )
            .hint(crate::msg!("synonyms-group-too-large-hint")),
        );
        return None;
    }
    let mut group: Vec<String> = Vec::new();
    let mut folded_in_group: BTreeSet<String> = BTreeSet::new();
    for word in words {
        let word = match word {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            _ => {
                diags.push(
                    doc.error_at(
                        Code::InvalidSynonyms,
                        line,
                        crate::msg!("synonyms-words-only"),
                    )
                    .hint(crate::msg!("synonyms-write-as", example = EXAMPLE)),
                );
                continue;
            }
        };
        // Found only for a message: most words have none.
        let at = || word_line(lines, line, &word);
        let folded = match folded_word(doc, &word, at) {
            Ok(folded) => folded,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        if folded_in_group.contains(&folded) {
            diags.push(
                doc.warning_at(
                    Code::DuplicateSynonym,
                    at(),
                    crate::msg!("synonym-twice-in-group", word = word.as_str()),
                )
                .hint(crate::msg!("synonym-twice-in-group-hint")),
            );
            continue;
        }
        if let Some(&first) = seen.get(&folded) {
            diags.push(
                doc.error_at(
                    Code::DuplicateSynonym,
                    at(),
                    crate::msg!("synonym-in-two-groups", word = word.as_str(), line = first),
                )
                .hint(crate::msg!("synonym-in-two-groups-hint")),
            );
            continue;
        }
        seen.insert(folded.clone(), line);
        folded_in_group.insert(folded);
        group.push(word);
    }
    if group.len() < 2 && words.len() < 2 {
        diags.push(
            doc.error_at(
                Code::InvalidSynonyms,
                line,
                crate::msg!("synonyms-group-too-small"),
            )
            .hint(crate::msg!(
                "synonyms-group-too-small-hint",
                example = EXAMPLE
            )),
        );
    }
    Some(group)
}

/// The groups written without the key: say what is missing, not that YAML wants a mapping.
fn groups_without_key(text: &str) -> Option<Diagnostic> {
    let Ok(Value::Sequence(_)) = serde_yaml::from_str::<Value>(text) else {
        return None;
    };
    let first = text
        .lines()
        .position(|l| l.trim_start().starts_with('-'))
        .map_or(1, |i| i + 1);
    Some(
        Diagnostic::error(
            Code::MissingField,
            PATH,
            crate::msg!("synonyms-without-key", key = KEY),
        )
        .at(first, 1)
        .hint(crate::msg!(
            "synonyms-without-key-hint",
            key = KEY,
            example = EXAMPLE
        ))
        .with_source(text),
    )
}

/// The word of a group as the search folds it, or why it cannot be a synonym (`at`: its line).
fn folded_word(doc: &YamlDoc, word: &str, at: impl Fn() -> usize) -> Result<String, Diagnostic> {
    search::normalize::single_word(word).map_err(|why| match why {
        NotOneWord::Empty => doc
            .error_at(Code::InvalidSynonyms, at(), crate::msg!("synonym-empty"))
            .hint(crate::msg!("synonym-empty-hint")),
        NotOneWord::Several => doc
            .error_at(
                Code::InvalidSynonyms,
                at(),
                crate::msg!("synonym-several-words", word = word),
            )
            .hint(crate::msg!("synonym-several-words-hint")),
        NotOneWord::Ignored => doc
            .error_at(
                Code::InvalidSynonyms,
                at(),
                crate::msg!("synonym-ignored", word = word),
            )
            .hint(crate::msg!("synonym-ignored-hint")),
    })
}

/// The file line of each of the `count` groups below the key on `key_line`: the lines that start
/// with `-` at the indentation of the first one (deeper `-` lines are words of a block list).
fn group_lines(text: &str, key_line: usize, count: usize) -> Vec<usize> {
    let mut indent = None;
    let mut lines = Vec::with_capacity(count);
    for (i, line) in text.lines().enumerate().skip(key_line) {
        let trimmed = line.trim_start();
        if !trimmed.starts_with('-') {
            continue;
        }
        let depth = line.len() - trimmed.len();
        if *indent.get_or_insert(depth) == depth {
            lines.push(i + 1);
        }
    }
    lines.resize(count.max(lines.len()), key_line);
    lines
}

/// The first line at or after `from` that contains `word` (else `from`).
fn word_line(lines: &[&str], from: usize, word: &str) -> usize {
    let start = from.saturating_sub(1).min(lines.len());
    lines[start..]
        .iter()
        .position(|l| !word.is_empty() && l.contains(word))
        .map_or(from, |i| start + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_flow_and_block_groups() {
        let text = "# Synoniemen\nsynoniemen:\n  - [statushouder, Vergunninghouder]\n  -\n    - huurtoeslag\n    - huursubsidie\n";
        let (groups, diags) = parse(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            groups.unwrap(),
            [
                vec!["statushouder".to_string(), "Vergunninghouder".into()],
                vec!["huurtoeslag".to_string(), "huursubsidie".into()]
            ]
        );
    }

    #[test]
    fn problems_name_their_line() {
        let text = "synoniemen:\n  - [statushouder, vergunninghouder]\n  - [tijdelijke woning, flexwoning]\n  - [huurtoeslag]\n  - [Statushouder, nieuwkomer]\n  - [corporatie, de]\n  - gewoon\n";
        let (groups, diags) = parse(text);
        assert!(groups.is_none());
        let found: Vec<(usize, String)> = diags.iter().map(|d| (d.line, d.text())).collect();
        let expected = [
            (
                3,
                "`tijdelijke woning` is meer dan één woord; synoniemen zijn losse woorden",
            ),
            (4, "een groep synoniemen heeft minstens twee woorden nodig"),
            (5, "`Statushouder` staat ook in de groep op regel 2"),
            (
                6,
                "`de` is een woord dat de zoekfunctie overslaat (een stopwoord of een losse letter)",
            ),
            (
                7,
                "een groep synoniemen moet een lijst van woorden tussen haken zijn",
            ),
        ];
        assert_eq!(found, expected.map(|(l, t)| (l, t.to_string())),);
        assert!(diags.iter().all(|d| d.path == PATH && d.hint.is_some()));
    }

    #[test]
    fn unknown_keys_and_bad_yaml_are_reported() {
        let (_, diags) = parse("synonymen:\n  - [a, b]\n");
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["unknown-field", "missing-field"]);
        assert!(diags[0]
            .hint_text()
            .as_deref()
            .unwrap()
            .contains("synoniemen"));
        let (_, diags) = parse("synoniemen:\n  - [statushouder, vergunninghouder\n");
        assert_eq!(diags[0].code, "yaml-syntax");
        assert_eq!(diags[0].line, 2);
    }

    #[test]
    fn groups_without_the_key_say_which_key() {
        let (groups, diags) = parse("# Synoniemen\n- [statushouder, vergunninghouder]\n");
        assert!(groups.is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 2);
        assert!(
            diags[0].text().contains("`synoniemen:`"),
            "{}",
            diags[0].message
        );
    }

    #[test]
    fn big_files_are_read_at_once_and_a_huge_group_is_refused() {
        // 60,000 groups took minutes (each word's line was looked up from the top of the file).
        let many: String = (0..60_000)
            .map(|i| format!("  - [w{i}a, w{i}b]\n"))
            .collect();
        let (groups, diags) = parse(&format!("synoniemen:\n{many}"));
        assert_eq!(groups.map(|g| g.len()), Some(60_000), "{diags:?}");
        let words: Vec<String> = (0..=MAX_GROUP_WORDS).map(|i| format!("w{i}")).collect();
        let text = format!(
            "synoniemen:\n  - [huis, woning]\n  - [{}]\n",
            words.join(", ")
        );
        let (groups, diags) = parse(&text);
        assert!(groups.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!((diags[0].code, diags[0].line), ("invalid-synonyms", 3));
        assert!(
            diags[0].text().contains("51 woorden"),
            "{}",
            diags[0].text()
        );
    }

    #[test]
    fn an_empty_list_is_fine() {
        let (groups, diags) = parse("synoniemen:\n");
        assert!(diags.is_empty());
        assert_eq!(groups.unwrap(), Vec::<Vec<String>>::new());
    }
}
