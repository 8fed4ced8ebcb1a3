//! Characters a reader cannot see: zero-width characters, the soft hyphen, a byte order mark in
//! the text, control characters, and the controls that change the reading direction (bidi). In a
//! title, tag or link label they make two texts look the same while they differ, or show text in
//! another order than it is written (a spoofing risk on a government site). In a field of a YAML
//! file they are an error; in a practice's text (Markdown) a warning, and only for the characters
//! that have no use in Dutch running text (the soft hyphen and the zero-width (non-)joiner are
//! left alone there: they hyphenate long words and join emoji). In a document's template
//! (`content/herverdeling/*.html`) an error too: it would stand, unseen, in every document an
//! official signs.
//!
//! Which characters these are, and how a line shows them (`<U+200B>`), is textkit's
//! ([`textkit::hidden`]), shared with the herverdelingscheck; the messages are the catalogue's.

use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use std::ops::Range;
use textkit::hidden::{code_point, kind, visible, Kind};

/// Whether `c` is reported in running text (a practice's Markdown): everything but the soft
/// hyphen and the zero-width non-joiner and joiner, which have uses there.
fn reported_in_text(c: char) -> bool {
    !matches!(c, '\u{00AD}' | '\u{200C}' | '\u{200D}')
}

/// The Dutch words for what `c` is, as the message argument `what` (the catalogue chooses).
fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Invisible => "invisible",
        Kind::Direction => "direction",
        Kind::Control => "control",
    }
}

/// The key whose value holds the end of `before` (a line's text up to a character): the last
/// `key: ` outside quotes, so `title: …`, `- title: …` and `{ naam: …, cbs: … }` all name theirs.
fn key_before(before: &str) -> Option<String> {
    let mut quote: Option<char> = None;
    let mut last = None;
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == ':' && chars.get(n + 1).is_none_or(|&(_, next)| next == ' ') => {
                last = Some(i)
            }
            None => {}
        }
    }
    let head = &before[..last?];
    let key = head
        .rsplit(['{', ',', '[', '\t'])
        .next()?
        .trim()
        .trim_start_matches("- ")
        .trim()
        .trim_matches(['"', '\'']);
    (!key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-')))
    .then(|| key.to_string())
}

/// The field a character of a YAML line belongs to (`before`: the line up to it): the key on
/// the line before it, else the key of the nearest line above that is indented less (a list
/// item or a block of text).
fn field_of(lines: &[&str], at: usize, before: &str) -> String {
    let key_of = |line: &str| -> Option<String> {
        let t = line.trim_start().trim_start_matches("- ").trim_start();
        let (key, _) = t.split_once(':')?;
        let key = key.trim().trim_matches(['"', '\'']);
        (!key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-')))
        .then(|| key.to_string())
    };
    if let Some(k) = key_before(before) {
        return k;
    }
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut limit = indent(lines[at]);
    for line in lines[..at].iter().rev() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let i = indent(line);
        // A `- item` at the same indentation as its key's line still belongs to that key.
        if i < limit || (i == limit && !line.trim_start().starts_with("- ")) {
            if let Some(k) = key_of(line) {
                return k;
            }
            limit = i;
        }
    }
    String::new()
}

/// The first hidden character of `line` that `report` accepts, and its column (from 1).
fn first_hidden(line: &str, report: impl Fn(char) -> bool) -> Option<(char, Kind, usize)> {
    line.chars()
        .enumerate()
        .find_map(|(col, c)| kind(c).filter(|_| report(c)).map(|k| (c, k, col + 1)))
}

/// Errors for the hidden characters in the fields of a YAML text that starts `line_offset` lines
/// into its file: one per line, naming the line's field and its first hidden character.
pub fn in_yaml(path: &str, yaml: &str, line_offset: usize) -> Vec<Diagnostic> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim_start().starts_with('#') {
            continue; // a comment ends up nowhere
        }
        let Some((c, k, column)) = first_hidden(line, |_| true) else {
            continue;
        };
        let before: String = line.chars().take(column - 1).collect();
        let field = field_of(&lines, i, &before);
        out.push(
            Diagnostic::error(
                Code::HiddenCharacter,
                path,
                crate::msg!(
                    "hidden-character-field",
                    key = field,
                    code = code_point(c),
                    what = kind_name(k)
                ),
            )
            .at(i + 1 + line_offset, column)
            .hint(crate::msg!("hidden-character-hint", code = code_point(c)))
            .with_line_text(&visible(line)),
        );
    }
    out
}

/// Warnings for the hidden characters in a practice's Markdown text, which starts at file line
/// `first_line`: the direction controls, zero-width space, word joiner, byte order mark and
/// control characters.
pub fn in_text(path: &str, text: &str, first_line: usize) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some((c, k, column)) = first_hidden(line, reported_in_text) else {
            continue;
        };
        out.push(
            Diagnostic::warning(
                Code::HiddenCharacter,
                path,
                crate::msg!(
                    "hidden-character-text",
                    code = code_point(c),
                    what = kind_name(k)
                ),
            )
            .at(i + first_line, column)
            .hint(crate::msg!("hidden-character-hint", code = code_point(c)))
            .with_line_text(&visible(line)),
        );
    }
    out
}

/// Named HTML character references that make a hidden character (the numeric ones, `&#x202E;`
/// and `&#8238;`, are read by their number).
const HIDDEN_NAMED: &[(&str, char)] = &[
    ("shy", '\u{00AD}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("ZeroWidthSpace", '\u{200B}'),
    ("NegativeVeryThinSpace", '\u{200B}'),
    ("NegativeThinSpace", '\u{200B}'),
    ("NegativeMediumSpace", '\u{200B}'),
    ("NegativeThickSpace", '\u{200B}'),
    ("NoBreak", '\u{2060}'),
    ("af", '\u{2061}'),
    ("ApplyFunction", '\u{2061}'),
    ("it", '\u{2062}'),
    ("InvisibleTimes", '\u{2062}'),
    ("ic", '\u{2063}'),
    ("InvisibleComma", '\u{2063}'),
];

/// The character reference at the start of `s` (`&#x202E;`, `&#8238;`, `&rlm;`), when it makes a
/// hidden character: the reference as written and the character. As a browser reads them: a
/// number may have any leading zeros and needs no `;`, and `&shy` none either.
fn hidden_reference(s: &str) -> Option<(&str, char)> {
    let rest = s.strip_prefix('&')?;
    let (c, len) = if let Some(number) = rest.strip_prefix('#') {
        let hex = number.starts_with(['x', 'X']);
        let digits = &number[usize::from(hex)..];
        let n = digits
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        let significant = digits[..n].trim_start_matches('0');
        if n == 0 || significant.len() > 8 {
            return None;
        }
        let value = u32::from_str_radix(significant, if hex { 16 } else { 10 }).ok()?;
        if (0x80..=0x9F).contains(&value) {
            // A browser reads these as Windows-1252 (`&#150;` is "–"), not as control characters.
            return None;
        }
        let len = 2 + usize::from(hex) + n;
        let len = len + usize::from(s[len..].starts_with(';'));
        (char::from_u32(value)?, len)
    } else {
        // The longest name is 21 letters: looking no further keeps a line of many `&` linear.
        let name_len = rest
            .bytes()
            .take(32)
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        let name = &rest[..name_len];
        let (_, c) = HIDDEN_NAMED.iter().find(|(n, _)| *n == name)?;
        let closed = rest[name_len..].starts_with(';');
        if !closed && name != "shy" {
            return None;
        }
        (*c, 1 + name_len + usize::from(closed))
    };
    kind(c).map(|_| (&s[..len], c))
}

/// Errors for the hidden characters in a document's template (`content/herverdeling/*.html`):
/// one per line, at its first character outside `comments` (the byte ranges of the template's
/// `{# … #}` comments, which end up in no document). A character reference that makes one
/// (`&#x202E;`, `&rlm;`) counts too: the letter on the page, its print and its HTML download
/// show the character, not the reference.
pub fn in_template(path: &str, text: &str, comments: &[Range<usize>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, with_end) in text.split_inclusive('\n').enumerate() {
        let line = with_end.trim_end_matches(['\n', '\r']);
        let found = line.char_indices().enumerate().find_map(|(col, (at, c))| {
            let offset = start + at;
            if comments.iter().any(|r| r.contains(&offset)) {
                return None;
            }
            match kind(c) {
                Some(k) => Some((c, k, col + 1, None)),
                None if c == '&' => {
                    let (written, c) = hidden_reference(&line[at..])?;
                    Some((c, kind(c)?, col + 1, Some(written)))
                }
                None => None,
            }
        });
        start += with_end.len();
        let Some((c, k, column, reference)) = found else {
            continue;
        };
        let (code, hint) = match reference {
            Some(written) => (
                format!("`{written}` ({})", code_point(c)),
                crate::msg!(
                    "hidden-character-reference-hint",
                    reference = written,
                    code = code_point(c)
                ),
            ),
            None => (
                code_point(c),
                crate::msg!("hidden-character-hint", code = code_point(c)),
            ),
        };
        out.push(
            Diagnostic::error(
                Code::HiddenCharacter,
                path,
                crate::msg!(
                    "hidden-character-template",
                    code = code,
                    what = kind_name(k)
                ),
            )
            .at(i + 1, column)
            .hint(hint)
            .with_line_text(&visible(line)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;
    use crate::messages::Lang;

    fn nl(d: &Diagnostic) -> String {
        d.message.render(Lang::Nl)
    }

    #[test]
    fn a_zero_width_space_in_a_title_is_an_error_at_its_line_naming_the_code_point() {
        let yaml = "title: Tijdelijke\u{200B} woningen\nadded: 2026-01-10\n";
        let d = in_yaml("content/praktijken/algemeen/x.md", yaml, 1);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!(d[0].code, Code::HiddenCharacter.as_str());
        assert_eq!((d[0].line, d[0].column), (2, 18));
        let m = nl(&d[0]);
        assert!(m.contains("`title`") && m.contains("U+200B"), "{m}");
        assert!(m.contains("een onzichtbaar teken"), "{m}");
        let hint = d[0].hint.as_ref().unwrap().render(Lang::Nl);
        // The line is shown with the character written out, not hidden again.
        let shown = d[0].source_line.as_deref().unwrap();
        assert!(shown.contains("Tijdelijke<U+200B> woningen"), "{shown}");
        assert!(
            hint.contains("verwijder") && hint.contains("U+200B"),
            "{hint}"
        );
    }

    #[test]
    fn a_direction_control_is_named_as_one() {
        let yaml = "tags:\n  - woning\n  - \u{202E}gninow\n";
        let d = in_yaml("x.md", yaml, 1);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 4);
        let m = nl(&d[0]);
        assert!(m.contains("`tags`") && m.contains("U+202E"), "{m}");
        assert!(m.contains("leesrichting"), "{m}");
    }

    #[test]
    fn nested_fields_and_every_listed_character_are_found() {
        let yaml = "steps:\n  - title: Stap\u{2066}een\n    text: |\n      Uitleg\u{0007}\n";
        let d = in_yaml("content/stappenplan.yaml", yaml, 0);
        assert_eq!(d.len(), 2);
        assert!(nl(&d[0]).contains("`title`"), "{}", nl(&d[0]));
        assert!(nl(&d[1]).contains("`text`") && nl(&d[1]).contains("U+0007"));
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{202A}',
            '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}', '\u{200E}', '\u{200F}', '\u{0001}', '\u{007F}', '\u{0085}',
        ] {
            assert!(kind(c).is_some(), "U+{:04X}", c as u32);
        }
        for c in ['a', 'é', ' ', '\u{00A0}', '—', '€', '\t'] {
            assert!(kind(c).is_none(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_field_is_the_key_before_the_character_on_its_line() {
        let yaml = "gemeenten:\n  - { naam: Ame\u{00AD}land, cbs: GM0060 }\n  - { naam: Urk, provincie: Flevo\u{200B}land }\n  - naam: \"Sint: Anna\u{200B}\"\nsite:\n  title: x\n  tags: [a, b\u{2060}]\n";
        let d = in_yaml("content/gemeenten.yaml", yaml, 0);
        let fields: Vec<String> = d.iter().map(nl).collect();
        assert_eq!(d.len(), 4, "{fields:#?}");
        assert!(fields[0].contains("`naam`"), "{}", fields[0]);
        assert!(fields[1].contains("`provincie`"), "{}", fields[1]);
        assert!(fields[2].contains("`naam`"), "{}", fields[2]);
        assert!(fields[3].contains("`tags`"), "{}", fields[3]);
    }

    #[test]
    fn plain_text_and_comments_pass() {
        assert!(in_yaml(
            "x.md",
            "title: Één café — 's-Hertogenbosch\n# \u{200B}\n",
            1
        )
        .is_empty());
        assert!(in_text(
            "x.md",
            "Zacht\u{00AD}afbreekstreepje en 👨\u{200D}👩\u{200D}👧.\n",
            5
        )
        .is_empty());
        // An emoji's variation selector (❤ as the emoji ❤️) is no hidden character in the
        // site's files; a Hangul filler, which shows as nothing, is.
        assert!(in_text("x.md", "Met ❤\u{FE0F} gedaan.\n", 5).is_empty());
        assert!(in_yaml("x.md", "title: Met ❤\u{FE0F} gedaan\n", 1).is_empty());
        let d = in_yaml("x.md", "title: Buddy\u{3164}project\n", 1);
        assert_eq!(d.len(), 1);
        assert!(nl(&d[0]).contains("U+3164"), "{}", nl(&d[0]));
    }

    #[test]
    fn a_template_reports_each_line_at_its_first_character_outside_comments() {
        let text = "{# Uitleg\u{200B}\n   over \u{202E} #}\r\n<p>Geachte {# x\u{200B} #}heer\u{200B},</p>\r\n<p>Geacht\u{00AD}e</p>\n<p>{{ naam }}\u{0007}</p>\n{% raw %}{# \u{2066} #}{% endraw %}";
        let comments = crate::render::template_check::comment_ranges(text);
        let d = in_template("content/herverdeling/brief-coa.html", text, &comments);
        let at: Vec<(usize, usize)> = d.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(3, 24), (4, 10), (5, 14), (6, 13)], "{d:#?}");
        assert!(d.iter().all(|d| d.severity == Severity::Error));
        let m = nl(&d[0]);
        assert!(
            m.starts_with("het sjabloon bevat U+200B, een onzichtbaar teken"),
            "{m}"
        );
        let shown = d[0].source_line.as_deref().unwrap();
        assert!(shown.contains("heer<U+200B>,"), "{shown}");
        assert!(nl(&d[2]).contains("U+0007, een onzichtbaar stuurteken"));
        assert!(nl(&d[3]).contains("U+2066, een teken dat de leesrichting omdraait"));
    }

    #[test]
    fn a_character_reference_that_makes_a_hidden_character_is_reported_in_a_template() {
        let text = "<p>Geachte &#x202E;heer,&#150;&#0;</p>\n<p>&amp; &#233; &nbsp; &#8238;</p>\n<p>a&rlm;b &shy;</p>\n{# &#x202e; #}<p>&#X200b; &#xZZ; &#99999999;</p>\n<p>&rlmx; &#x41; &#x0000000000000000202E</p>\n";
        let comments = crate::render::template_check::comment_ranges(text);
        let d = in_template("content/herverdeling/brief-coa.html", text, &comments);
        let at: Vec<(usize, usize)> = d.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(1, 12), (2, 24), (3, 5), (4, 18), (5, 18)], "{d:#?}");
        let m = nl(&d[0]);
        assert!(
            m.starts_with(
                "het sjabloon bevat `&#x202E;` (U+202E), een teken dat de leesrichting omdraait"
            ),
            "{m}"
        );
        let hint = d[0].hint.as_ref().unwrap().render(Lang::Nl);
        assert!(
            hint.contains("`&#x202E;`") && hint.contains("U+202E"),
            "{hint}"
        );
        assert!(nl(&d[1]).contains("`&#8238;` (U+202E)"), "{}", nl(&d[1]));
        assert!(nl(&d[2]).contains("`&rlm;` (U+200F)"), "{}", nl(&d[2]));
        assert!(nl(&d[3]).contains("`&#X200b;` (U+200B)"), "{}", nl(&d[3]));
        // Leading zeros and no `;`, as a browser reads it.
        assert!(
            nl(&d[4]).contains("`&#x0000000000000000202E` (U+202E)"),
            "{}",
            nl(&d[4])
        );
        // A line of many `&` is read once.
        let many = "&".repeat(200_000) + &"&#x".repeat(100_000);
        assert!(in_template("x.html", &many, &[]).is_empty());
    }

    #[test]
    fn a_direction_control_in_the_text_is_a_warning_at_its_line() {
        let d = in_text("x.md", "Eerste regel.\n\nBel \u{202E}0123\n", 8);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(d[0].line, 10);
        assert!(nl(&d[0]).contains("U+202E"), "{}", nl(&d[0]));
    }
}
