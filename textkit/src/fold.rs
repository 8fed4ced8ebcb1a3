//! Folding case and diacritics, for comparing and indexing words and for slugs.

/// Lower-cases `c` and strips diacritics, appending the result to `out`.
///
/// A hand-written table instead of Unicode decomposition: it covers the Latin
/// letters that occur in Dutch text and names, and keeps the WebAssembly
/// module free of normalisation tables.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let u = c as u32;
    // Full-width Latin letters and digits (`ＣＯＡ`, typed with an East Asian input method or
    // pasted from such a text) are the ASCII ones.
    if matches!(u, 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A) {
        if let Some(a) = char::from_u32(u - 0xFEE0) {
            out.push(a.to_ascii_lowercase());
        }
        return;
    }
    let folded: &str = match c {
        // Typographic ligatures, as text copied from a PDF has them (`ﬁnanciën`, `ﬂexwonen`).
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "e",
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
            "i"
        }
        'ĳ' | 'Ĳ' => "ij",
        'ł' | 'Ł' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'ř' | 'Ŕ' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű'
        | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => {
            out.push(lower_other(c));
            return;
        }
    };
    out.push_str(folded);
}

/// Folds a whole string (case and diacritics), keeping every other character.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Lower case for the capitals of Greek and Cyrillic; other scripts are
/// kept as they are. Arithmetic instead of `char::to_lowercase`, whose
/// tables would weigh more than the rest of the tokeniser in WebAssembly.
fn lower_other(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x0391..=0x03A9 | 0x0410..=0x042F => u + 0x20,
        0x0400..=0x040F => u + 0x50,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(fold("Café Één ĲSSEL Straße"), "cafe een ijssel strasse");
        assert_eq!(fold("Søren Łódź Œuvre"), "soren lodz oeuvre");
    }

    #[test]
    fn ligatures_and_full_width_letters_are_plain_letters() {
        assert_eq!(
            fold("ﬁnanciën ﬂexwonen aﬀaire eﬃciënt"),
            "financien flexwonen affaire efficient"
        );
        assert_eq!(fold("ＣＯＡ ａｒｔ．２９"), "coa art．29");
    }

    #[test]
    fn other_scripts_are_lower_cased_and_kept() {
        assert_eq!(fold("ΑΒΓ Привет"), "αβγ привет");
        assert_eq!(fold("日本"), "日本");
    }
}
