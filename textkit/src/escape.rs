//! Escaping text for HTML and XML.

/// HTML escaping for text and quoted attribute values: `&`, `<`, `>`, `"` and `'`. Unlike many
/// escapers it leaves `/` alone, so URLs stay readable.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// XML 1.0 escaping for text and attribute values; characters XML does not allow at all
/// (control characters other than tab and newlines, U+FFFE, U+FFFF) are left out, so the
/// document stays well-formed whatever the text holds.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes_but_not_slashes() {
        assert_eq!(
            escape_html(r#"<a href="/x/?a=1&b='2'">"#),
            "&lt;a href=&quot;/x/?a=1&amp;b=&#39;2&#39;&quot;&gt;"
        );
        assert_eq!(escape_html("Één woning"), "Één woning");
    }

    #[test]
    fn xml_drops_characters_xml_does_not_allow() {
        assert_eq!(escape_xml("a & b\u{1}\tc'"), "a &amp; b\tc&apos;");
        assert_eq!(escape_xml("\u{fffe}<x>"), "&lt;x&gt;");
    }
}
