//! Small text helpers: slugs, URLs, summaries.
use crate::messages::Message;

/// Longest slug (a practice's id, a category, a tag's address): a file name must stay well
/// under the 255 bytes file systems allow, and an address readable.
pub const MAX_SLUG_CHARS: usize = 80;

/// What [`slugify`] appends to a name Windows reserves (`con` → `con-praktijk`).
pub const RESERVED_NAME_SUFFIX: &str = "-praktijk";

/// Names Windows reserves for devices, with any extension and in any case (`con`, `NUL.md`,
/// `com1.txt`): such a file cannot be made or opened there, nor unpacked from a zip file.
const RESERVED_ON_WINDOWS: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Whether `name` (a file name, with or without extension) cannot exist on Windows or in a zip
/// file unpacked there: a reserved device name, or a name ending in a dot or a space, which
/// Windows strips (so `x.` and `x` would be one file).
pub fn breaks_on_windows(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end_matches([' ', '.']);
    name.ends_with(['.', ' '])
        || RESERVED_ON_WINDOWS
            .iter()
            .any(|r| stem.eq_ignore_ascii_case(r))
}

/// Whether `id` is a slug but for being a name Windows reserves (`con`, not `CON` or `con.`):
/// an existing file `kennisbank mv` can rename to `slugify(id)`.
pub fn is_reserved_slug(id: &str) -> bool {
    breaks_on_windows(id) && is_slug(&format!("{id}{RESERVED_NAME_SUFFIX}"))
}

/// A URL-safe slug: lowercase ASCII letters, digits and single hyphens (`Grote woningen` →
/// `grote-woningen`), at most [`MAX_SLUG_CHARS`] long (cut after a whole word when it can be).
/// It is also a file name that works everywhere: a name Windows reserves gets
/// [`RESERVED_NAME_SUFFIX`] (`Con` → `con-praktijk`), so `new`, the CMS and `mv` agree.
pub fn slugify(text: &str) -> String {
    let mut out = url_slug(text);
    if breaks_on_windows(&out) {
        out.push_str(RESERVED_NAME_SUFFIX);
    }
    out
}

/// The URL-safe part of [`slugify`]: lowercase ASCII letters, digits and single hyphens, at most
/// [`MAX_SLUG_CHARS`] long; no file-name rules (the anchors of a text's headings use it).
pub fn url_slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in textkit::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > MAX_SLUG_CHARS {
        // ASCII only, so any byte index is a character boundary.
        let whole_word = out.as_bytes()[MAX_SLUG_CHARS] == b'-';
        out.truncate(MAX_SLUG_CHARS);
        if !whole_word {
            if let Some(hyphen) = out.rfind('-') {
                out.truncate(hyphen);
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// `text` with control characters (other than those in `keep`) written as `\u{..}`, so that
/// a file name or value cannot move the cursor, change colours or hide text in a terminal.
pub fn escape_controls(text: &str, keep: &[char]) -> String {
    if !text.chars().any(|c| c.is_control() && !keep.contains(&c)) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && !keep.contains(&c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Whether `id` is a slug as `slugify` makes them.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty() && slugify(id) == id
}

/// Checks an address that must be a web page (`https://…`, not `mailto:`). `Err` is the whole
/// sentence: "the URL `…` is not valid: …".
pub fn check_web_url(url: &str) -> Result<(), Message> {
    check_external_url(url).map_err(|why| crate::msg!("url-invalid", url = url, why = why))?;
    if url.starts_with("https://") || url.starts_with("http://") {
        Ok(())
    } else {
        Err(crate::msg!("url-not-web", url = url))
    }
}

/// Checks an external link target; `Err` says what is wrong. Accepts `http(s)://host/...` and `mailto:address`.
pub fn check_external_url(url: &str) -> Result<(), Message> {
    if url.trim() != url {
        return Err(crate::msg!("url-spaces-around"));
    }
    if url.chars().any(char::is_whitespace) {
        return Err(crate::msg!("url-space-inside"));
    }
    if let Some(address) = url.strip_prefix("mailto:") {
        return check_email(address);
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| crate::msg!("url-no-scheme"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let name = host.split(':').next().unwrap_or(host);
    if name.is_empty() {
        return Err(crate::msg!("url-no-host"));
    }
    if let Some(port) = host.split_once(':').map(|(_, p)| p) {
        if port.parse::<u16>().is_err() {
            return Err(crate::msg!("url-bad-port", port = port));
        }
    }
    let labels_ok = name
        .split('.')
        .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    if !labels_ok || (!name.contains('.') && name != "localhost") {
        return Err(crate::msg!("url-bad-host", host = name));
    }
    Ok(())
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it.
pub fn check_email(address: &str) -> Result<(), Message> {
    match address.split_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && domain.split('.').all(|l| {
                    !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-')
                }) =>
        {
            Ok(())
        }
        _ => Err(crate::msg!("email-invalid", address = address)),
    }
}

/// The first sentence of a plain text, at most about `max` characters (cut at a word, with an ellipsis).
pub fn first_sentence(text: &str, max: usize) -> String {
    let text = text.trim();
    let mut end = text.len();
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(['.', '!', '?']) {
        // A sentence ends at a mark followed by a space and a capital, or at the end; not in "o.a." or "bijv.".
        let after = &text[i + 1..];
        let next_is_capital = after
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
        let abbreviation = i >= 1
            && bytes[i - 1].is_ascii_lowercase()
            && (i < 2 || bytes[i - 2] == b'.' || bytes[i - 2] == b' ');
        if (after.is_empty() || next_is_capital) && !abbreviation {
            end = i + 1;
            break;
        }
    }
    let sentence = &text[..end];
    if sentence.chars().count() <= max {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_cut_after_a_whole_word_at_the_limit() {
        // 10,000 letters made a file name the file system refuses ("File name too long").
        assert_eq!(slugify(&"a".repeat(10_000)), "a".repeat(MAX_SLUG_CHARS));
        let words = "woning ".repeat(30);
        let slug = slugify(&words);
        assert!(
            slug.len() <= MAX_SLUG_CHARS && slug.ends_with("woning"),
            "{slug}"
        );
        assert!(!is_slug(&"a".repeat(MAX_SLUG_CHARS + 1)));
    }

    #[test]
    fn names_windows_reserves_get_a_suffix_and_are_no_slug() {
        for title in [
            "Con", "PRN", "aux", "Nul", "com1", "COM9", "lpt1", "Lpt9", "nul.",
        ] {
            let slug = slugify(title);
            assert_eq!(
                slug,
                format!("{}-praktijk", title.trim_end_matches('.').to_lowercase())
            );
            assert!(is_slug(&slug) && !breaks_on_windows(&slug), "{slug}");
        }
        for name in ["con", "nul", "lpt5"] {
            assert!(!is_slug(name) && is_reserved_slug(name), "{name}");
        }
        for name in ["CON", "con.", "con.txt", "console"] {
            assert!(!is_reserved_slug(name), "{name}");
        }
        for file in [
            "con.md",
            "CON.md",
            "Aux.txt.md",
            "nul .md",
            "com3",
            "x.",
            "x ",
            "lpt2. ",
        ] {
            assert!(breaks_on_windows(file), "{file}");
        }
        for fine in [
            "console",
            "com10",
            "nulmeting",
            "con-praktijk",
            "com",
            "x.md",
            "auxiliair",
        ] {
            assert!(!breaks_on_windows(fine), "{fine}");
            assert_eq!(slugify(fine), fine.replace(".md", "-md"));
        }
    }

    #[test]
    fn slugify_folds_diacritics_and_punctuation() {
        assert_eq!(slugify("Grote woningen"), "grote-woningen");
        assert_eq!(slugify("Verhuiscoördinator!"), "verhuiscoordinator");
        assert_eq!(slugify("  COA / J&V  "), "coa-j-v");
        assert_eq!(slugify("Fryslân"), "fryslan");
        assert!(is_slug("leegstandwet-2"));
        assert!(!is_slug("Leegstandwet"));
        assert!(!is_slug("a--b"));
    }

    #[test]
    fn external_urls_are_checked_without_network() {
        assert!(check_external_url("https://vng.nl/ondersteuning-en-advies-asiel-otav").is_ok());
        assert!(check_external_url("http://www.transformatieteam.nl/").is_ok());
        assert!(check_external_url("mailto:vincentwitlox@coa.nl").is_ok());
        assert!(check_external_url("www.vng.nl").is_err());
        assert!(check_external_url("https://").is_err());
        assert!(check_external_url("https://vng nl/").is_err());
        assert!(check_external_url("https://vng").is_err());
        assert!(check_external_url("mailto:vincent").is_err());
        assert!(check_external_url("https://example.org:99999/").is_err());
    }

    #[test]
    fn first_sentence_skips_abbreviations_and_shortens() {
        assert_eq!(
            first_sentence(
                "Stel een verordening vast voor o.a. vergunninghouders. Monitor dit.",
                200
            ),
            "Stel een verordening vast voor o.a. vergunninghouders."
        );
        assert_eq!(
            first_sentence("Een twee drie vier vijf zes.", 14),
            "Een twee drie…"
        );
        assert_eq!(first_sentence("Geen punt", 50), "Geen punt");
    }
}
