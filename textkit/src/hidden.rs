//! Characters a reader cannot see: zero-width characters, the soft hyphen, a byte order mark in
//! the text, tag characters, control characters, and the controls that change the reading
//! direction (bidi). In a name or a title they make two texts look the same while they differ, or
//! show text in another order than it is written. The site's checks (the generator) and the
//! herverdelingscheck (the calculator) both classify them here.
//!
//! [`kind`] covers Unicode's default ignorable code points (characters shown as nothing) but
//! the variation selectors, which choose how the character before them looks: U+FE0F makes ❤
//! the emoji ❤️, and may stand in a practice's text. [`kind_strict`] adds them, for a value
//! such as a municipality's name, where a variation selector only makes a second text that
//! looks the same as the first.

/// What a hidden character is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Takes no space (zero-width characters, the word joiner, a byte order mark, tag characters).
    Invisible,
    /// Changes the direction text is shown in.
    Direction,
    /// A control character (C0 other than tab and line ends, DEL, C1).
    Control,
}

impl Kind {
    /// What the character is, in Dutch, to follow its code point: "U+200B, een onzichtbaar teken".
    pub fn dutch(self) -> &'static str {
        match self {
            Kind::Invisible => "een onzichtbaar teken",
            Kind::Direction => "een teken dat de leesrichting omdraait",
            Kind::Control => "een onzichtbaar stuurteken",
        }
    }
}

/// The kind of `c`, when it is a character a reader cannot see.
pub fn kind(c: char) -> Option<Kind> {
    match c {
        '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Some(Kind::Direction),
        _ if is_variation_selector(c) => None,
        '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2065}'
        | '\u{206A}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{034F}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{17B4}'
        | '\u{17B5}'
        | '\u{180E}'
        | '\u{3164}'
        | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFF8}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}' => Some(Kind::Invisible),
        '\t' | '\n' | '\r' => None,
        c if c.is_control() => Some(Kind::Control),
        _ => None,
    }
}

/// Whether `c` is a variation selector: U+FE00–U+FE0F, U+E0100–U+E01EF and the Mongolian
/// ones (U+180B–U+180D, U+180F).
pub fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{180B}'..='\u{180D}' | '\u{180F}')
}

/// [`kind`], and a variation selector as [`Kind::Invisible`]: for values that are names,
/// references or addresses rather than running text.
pub fn kind_strict(c: char) -> Option<Kind> {
    match kind(c) {
        None if is_variation_selector(c) => Some(Kind::Invisible),
        k => k,
    }
}

/// The code point as written in messages: `U+200B`, `U+E0041`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// The first hidden character of `text`: its position in characters (from 0), the character and
/// its kind.
pub fn first(text: &str) -> Option<(usize, char, Kind)> {
    text.chars()
        .enumerate()
        .find_map(|(i, c)| kind(c).map(|k| (i, c, k)))
}

/// The first character of `text` for which `wanted` holds, with its 1-based line and column (in
/// characters): where a message about it points.
pub fn first_where(text: &str, wanted: impl Fn(char) -> bool) -> Option<(usize, usize, char)> {
    let at = text.find(&wanted)?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Some((line, column, text[at..].chars().next()?))
}

/// [`first`] by [`kind_strict`].
pub fn first_strict(text: &str) -> Option<(usize, char, Kind)> {
    text.chars()
        .enumerate()
        .find_map(|(i, c)| kind_strict(c).map(|k| (i, c, k)))
}

/// `text` with every hidden character written out as `<U+200B>`, so that a message that shows it
/// neither hides the character nor turns the text around. Text without one comes back as it is.
pub fn visible(text: &str) -> String {
    visible_by(text, kind)
}

/// [`visible`] by [`kind_strict`]: a variation selector is written out too.
pub fn visible_strict(text: &str) -> String {
    visible_by(text, kind_strict)
}

fn visible_by(text: &str, kind: fn(char) -> Option<Kind>) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match kind(c) {
            Some(_) => {
                out.push('<');
                out.push_str(&code_point(c));
                out.push('>');
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_character_is_hidden_and_ordinary_text_is_not() {
        for c in [
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{2064}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{180E}',
            '\u{E0001}',
            '\u{E007F}',
            '\u{0001}',
            '\u{007F}',
            '\u{0085}',
            '\u{034F}',
            '\u{115F}',
            '\u{1160}',
            '\u{17B4}',
            '\u{17B5}',
            '\u{2065}',
            '\u{206A}',
            '\u{3164}',
            '\u{FFA0}',
            '\u{1BCA0}',
            '\u{1D173}',
            '\u{E0080}',
            '\u{E0FFF}',
        ] {
            assert!(
                matches!(kind(c), Some(Kind::Invisible | Kind::Control)),
                "{}",
                code_point(c)
            );
        }
        for c in [
            '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}',
        ] {
            assert_eq!(kind(c), Some(Kind::Direction), "{}", code_point(c));
        }
        for c in [
            'a', 'é', 'â', ' ', '\u{00A0}', '—', '€', '\'', '\t', '\n', '\r',
        ] {
            assert_eq!(kind(c), None, "{}", code_point(c));
        }
    }

    #[test]
    fn variation_selectors_are_hidden_only_in_strict_values() {
        for c in [
            '\u{FE0E}',
            '\u{FE0F}',
            '\u{FE00}',
            '\u{E0100}',
            '\u{E01EF}',
            '\u{180B}',
            '\u{180F}',
        ] {
            assert_eq!(kind(c), None, "{}", code_point(c));
            assert_eq!(kind_strict(c), Some(Kind::Invisible), "{}", code_point(c));
        }
        assert_eq!(kind_strict('\u{3164}'), Some(Kind::Invisible));
        assert_eq!(kind_strict('a'), None);
        assert_eq!(first("❤\u{FE0F} zorg"), None);
        assert_eq!(
            first_strict("Heerenveen\u{FE0F}"),
            Some((10, '\u{FE0F}', Kind::Invisible))
        );
        assert_eq!(visible("❤\u{FE0F}"), "❤\u{FE0F}");
        assert_eq!(visible_strict("❤\u{FE0F}"), "❤<U+FE0F>");
    }

    #[test]
    fn the_code_point_has_at_least_four_digits_in_capitals() {
        assert_eq!(code_point('\u{AD}'), "U+00AD");
        assert_eq!(code_point('\u{202E}'), "U+202E");
        assert_eq!(code_point('\u{E0041}'), "U+E0041");
    }

    #[test]
    fn the_first_hidden_character_is_found_by_its_place_in_characters() {
        assert_eq!(
            first("Súd\u{200B}west\u{202E}"),
            Some((3, '\u{200B}', Kind::Invisible))
        );
        assert_eq!(first("Súdwest-Fryslân"), None);
    }

    #[test]
    fn visible_writes_each_hidden_character_out_and_leaves_the_rest() {
        assert_eq!(
            visible("Ame\u{200B}land \u{202E}dnal"),
            "Ame<U+200B>land <U+202E>dnal"
        );
        assert_eq!(visible("'s-Hertogenbosch"), "'s-Hertogenbosch");
    }

    #[test]
    fn the_first_wanted_character_is_placed_at_its_line_and_column() {
        let text = "periode: 2026-1\ngemeenten:\n  - { naam: Heeren\u{1}veen }\n";
        assert_eq!(
            first_where(text, |c| c.is_control() && c != '\n'),
            Some((3, 19, '\u{1}'))
        );
        assert_eq!(
            first_where("één\u{7f}", |c| c == '\u{7f}'),
            Some((1, 4, '\u{7f}'))
        );
        assert_eq!(first_where("geen", char::is_control), None);
    }
}
