//! The `--base-url` a site is served under: a path such as `/kennisbank/`, or a full address such
//! as `https://www.voorbeeld.nl/kennisbank/`. Every page's links start with it, so a value that is
//! not a plain path (`//` from an empty `/${REPO}/`, `?`, `#`, a space, `..`, another scheme) would
//! break every page, or load the site's style and scripts from another host: it is refused.

use crate::messages::Message;

/// The base as pages use it (starting and ending with `/`, or a full `http(s)://host/…/`
/// address), or why `raw` cannot be one.
pub fn parse(raw: &str) -> Result<String, Message> {
    let value = raw.trim();
    let refuse = |why: Message| Err(crate::msg!("base-url-invalid", value = raw, why = why));
    let path = match value.split_once("://") {
        Some((scheme, rest)) => {
            if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
                return refuse(crate::msg!("base-url-why-scheme", scheme = scheme));
            }
            let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            if !valid_host(host) {
                return refuse(crate::msg!("base-url-why-host", host = host));
            }
            path
        }
        None => value,
    };
    if path.starts_with("//") || path.contains("//") {
        return refuse(crate::msg!("base-url-why-empty-folder"));
    }
    if let Some(c) = path
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.' | '_' | '~' | '%')))
    {
        let shown = if c == ' ' {
            "spatie".to_string()
        } else {
            c.to_string()
        };
        return refuse(crate::msg!("base-url-why-char", char = shown));
    }
    if path.split('/').any(|part| part == "." || part == "..") {
        return refuse(crate::msg!("base-url-why-dots"));
    }
    if !percent_escapes_are_whole(path) {
        return refuse(crate::msg!("base-url-why-percent"));
    }
    Ok(crate::render::normalize_base(value))
}

/// `host` or `host:port`, the host made of letters, digits, `-` and `.`.
fn valid_host(host: &str) -> bool {
    let (name, port) = host.rsplit_once(':').unwrap_or((host, "1"));
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.'))
        && !port.is_empty()
        && port.len() <= 5
        && port.chars().all(|c| c.is_ascii_digit())
}

/// Every `%` starts an escape of two hexadecimal digits.
fn percent_escapes_are_whole(path: &str) -> bool {
    let b = path.as_bytes();
    (0..b.len()).all(|i| {
        b[i] != b'%'
            || (i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_full_addresses_are_taken_as_pages_use_them() {
        for (raw, base) in [
            ("/", "/"),
            ("", "/"),
            ("kennisbank", "/kennisbank/"),
            ("/kennis-bank/v2/", "/kennis-bank/v2/"),
            (" /kb ", "/kb/"),
            ("/caf%C3%A9/", "/caf%C3%A9/"),
            (
                "https://www.voorbeeld.nl/kennisbank/",
                "https://www.voorbeeld.nl/kennisbank/",
            ),
            ("http://localhost:8080", "http://localhost:8080/"),
        ] {
            assert_eq!(
                parse(raw).map_err(|m| m.to_string()),
                Ok(base.to_string()),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn values_that_would_break_every_page_are_refused_with_the_reason() {
        for (raw, reason) in [
            ("//", "lege map"),
            ("///", "lege map"),
            ("//evil.example/", "lege map"),
            ("/a//b/", "lege map"),
            ("http://", "servernaam"),
            ("ftp://x.nl/", "`ftp://`"),
            ("javascript:alert(1)//", "lege map"),
            ("javascript:alert(1)", "`:`"),
            ("?x=1", "`?`"),
            ("#frag", "`#`"),
            ("/kennis bank/", "spatie"),
            ("/a/../b/", "`..`"),
            ("/a/%zz/", "`%`"),
            ("/\"><script>/", "`\"`"),
        ] {
            let why = parse(raw).expect_err(raw).to_string();
            assert!(why.contains(reason), "{raw:?}: {why}");
            assert!(
                why.contains(&format!("`--base-url {raw}`")),
                "{raw:?}: {why}"
            );
        }
    }
}
