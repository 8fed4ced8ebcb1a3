//! Characters a reader cannot see: zero-width characters, the soft hyphen, a byte order mark in
//! the text, tag characters, control characters, and the controls that change the reading
//! direction (bidi). In a name or a title they make two texts look the same while they differ, or
//! show text in another order than it is written. The site's checks (the generator) and the
//! herverdelingscheck (the calculator) both classify them here.

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
        '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{180E}'
        | '\u{E0000}'..='\u{E007F}' => Some(Kind::Invisible),
        '\t' | '\n' | '\r' => None,
        c if c.is_control() => Some(Kind::Control),
        _ => None,
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

/// `text` with every hidden character written out as `<U+200B>`, so that a message that shows it
/// neither hides the character nor turns the text around. Text without one comes back as it is.
pub fn visible(text: &str) -> String {
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
}
