//! Reading a request head: where it ends, its method, target and host, and whether the host is
//! one this preview answers to. Pure functions over bytes; the sockets are in `listen.rs`.
//!
//! Only files of the build are ever served: a request path is decoded once, and a path with a
//! `.` or `..` segment (also written as `%2e%2e`, or with `%2f` or `%5c` for the slash) is
//! refused before anything is looked up.

use std::net::IpAddr;

/// Longest request head read; a longer one is refused (browsers send about 1 KB).
pub(crate) const MAX_HEAD: usize = 16 * 1024;

/// A request line and the one header the preview needs.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Head {
    pub method: String,
    /// The target in origin form (`/path?query`), also when it was sent as an absolute URL.
    pub target: String,
    /// The host the request is for: the authority of an absolute-form target, else the `Host:`
    /// header (RFC 9112, section 3.2.2).
    pub host: Option<String>,
}

/// Where a complete head ends (the index after its blank line), if it is complete.
pub(crate) fn head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4);
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Parses a head; `Err` is the Dutch text of a 400 answer.
pub(crate) fn parse_head(bytes: &[u8]) -> Result<Head, &'static str> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let line = lines.next().unwrap_or_default();
    let mut parts = line.split(' ').filter(|p| !p.is_empty());
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("Ongeldig verzoek: dit is geen HTTP-verzoek");
    };
    if !version.starts_with("HTTP/1.") {
        return Err("Ongeldig verzoek: alleen HTTP/1.0 en HTTP/1.1 worden beantwoord");
    }
    let mut host = None;
    for header in lines.take_while(|l| !l.is_empty()) {
        let Some((name, value)) = header.split_once(':') else {
            return Err("Ongeldig verzoek: een kopregel zonder dubbele punt");
        };
        if name.trim().eq_ignore_ascii_case("host") {
            if host.is_some() {
                return Err("Ongeldig verzoek: meer dan één Host-kopregel");
            }
            host = Some(value.trim().to_string());
        }
    }
    let target = match absolute_form(target) {
        Some((authority, path)) => {
            host = Some(authority.to_string());
            path.to_string()
        }
        None => target.to_string(),
    };
    Ok(Head {
        method: method.to_string(),
        target,
        host,
    })
}

/// `http://host:port/path?q` as (`host:port`, `/path?q`); an empty path is `/`.
fn absolute_form(target: &str) -> Option<(&str, &str)> {
    let scheme_end = target.find("://")?;
    let scheme = &target[..scheme_end];
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let rest = &target[scheme_end + 3..];
    let path_start = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(path_start);
    // Credentials in the authority (`user@host`) are not a host.
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let path = if path.is_empty() { "/" } else { path };
    if path.starts_with('?') {
        return None;
    }
    Some((authority, path))
}

/// Whether the preview answers a request for `host` (with or without a port): `localhost`,
/// `127.0.0.1`, `[::1]` and the address it is bound to. A page on another site that makes its
/// name point at 127.0.0.1 (DNS rebinding) sends its own name, and is refused. When bound to
/// every interface (`--bind 0.0.0.0`), any IP address is accepted: other computers reach the
/// preview by an address the server cannot know, and rebinding needs a name, never an address.
pub(crate) fn host_allowed(host: &str, bound: IpAddr) -> bool {
    let name = strip_port(host).to_ascii_lowercase();
    let name = name.strip_suffix('.').unwrap_or(&name);
    if name == "localhost" {
        return true;
    }
    let literal = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    let Ok(ip) = literal.parse::<IpAddr>() else {
        return false;
    };
    // An IPv6 address in a Host header must be in brackets.
    if ip.is_ipv6() && literal == name {
        return false;
    }
    ip.is_loopback() || ip == bound || bound.is_unspecified()
}

/// `host:port` without `:port`; `[v6]:port` keeps its brackets.
fn strip_port(host: &str) -> &str {
    if host.starts_with('[') {
        return match host.find(']') {
            Some(end) => &host[..=end],
            None => host,
        };
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// The request target's path, percent-decoded, without its leading `/`; `Err` says in Dutch why
/// it is refused.
pub(crate) fn decode_target(target: &str) -> Result<String, &'static str> {
    const LEAVES: &str = "Ongeldig verzoek: het pad gaat buiten de site";
    let Some(path) = target.strip_prefix('/') else {
        return Err("Ongeldig verzoek: alleen paden die met / beginnen worden beantwoord");
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let decoded = textkit::percent_decode(path)
        .map_err(|_| "Ongeldig verzoek: een onvolledige %-code in het pad")?;
    let decoded =
        String::from_utf8(decoded).map_err(|_| "Ongeldig verzoek: het pad is geen UTF-8-tekst")?;
    if decoded.contains(['\\', '\0']) {
        return Err(LEAVES);
    }
    if decoded.split('/').any(|s| s == ".." || s == ".") {
        return Err(LEAVES);
    }
    // Escapes left after decoding once are a second layer meant for a server that decodes twice.
    let lower = decoded.to_ascii_lowercase();
    if ["%2e", "%2f", "%5c", "%00"]
        .iter()
        .any(|e| lower.contains(e))
    {
        return Err(LEAVES);
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCAL: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    #[test]
    fn paths_leaving_the_site_are_refused_in_every_spelling() {
        for bad in [
            "/../Cargo.toml",
            "/static/../../etc/passwd",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/%2e%2e/etc/passwd",
            "/static/..%2f..%2fetc%2fpasswd",
            "/static/%2e%2e%5c%2e%2e%5cwindows",
            "/..\\..\\etc",
            "/static/%252e%252e/%252e%252e/etc/passwd",
            "/./index.html",
            "/index.html%00.css",
            "http://example.org/",
            "*",
        ] {
            assert!(decode_target(bad).is_err(), "{bad} must be refused");
        }
    }

    #[test]
    fn ordinary_paths_are_decoded() {
        assert_eq!(decode_target("/").unwrap(), "");
        assert_eq!(
            decode_target("/praktijken/algemeen/?q=1#x").unwrap(),
            "praktijken/algemeen/"
        );
        assert_eq!(decode_target("/a%20b.txt").unwrap(), "a b.txt");
        assert!(decode_target("/a%zz").is_err());
        // `u8::from_str_radix` would read `+f` as 15.
        assert!(decode_target("/a%+f").is_err());
    }

    #[test]
    fn a_head_ends_at_its_first_blank_line() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n"), None);
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nbody\r\n\r\n"), Some(18));
        assert_eq!(head_end(b"GET / HTTP/1.0\n\n"), Some(16));
    }

    #[test]
    fn absolute_form_targets_give_their_path_and_host() {
        let head =
            parse_head(b"GET http://127.0.0.1:1111/praktijken/?q=a HTTP/1.1\r\nHost: evil\r\n\r\n")
                .unwrap();
        assert_eq!(head.target, "/praktijken/?q=a");
        assert_eq!(head.host.as_deref(), Some("127.0.0.1:1111"));
        let head = parse_head(b"HEAD HTTP://localhost HTTP/1.1\r\n\r\n").unwrap();
        assert_eq!((head.method.as_str(), head.target.as_str()), ("HEAD", "/"));
        let head = parse_head(b"GET / HTTP/1.1\r\nhOsT:  [::1]:8080 \r\n\r\n").unwrap();
        assert_eq!(head.host.as_deref(), Some("[::1]:8080"));
    }

    #[test]
    fn malformed_heads_are_refused() {
        for bad in [
            &b"GET /\r\n\r\n"[..],
            b"GET / HTTP/2\r\n\r\n",
            b"GET / HTTP/1.1 extra\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
        ] {
            assert!(parse_head(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn only_local_names_and_the_bound_address_are_answered() {
        for ok in [
            "localhost",
            "localhost:1111",
            "LOCALHOST.",
            "127.0.0.1",
            "127.0.0.1:1",
            "[::1]",
            "[::1]:1111",
        ] {
            assert!(host_allowed(ok, LOCAL), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "::1",
            "",
            "192.168.1.5:1111",
            "[::1",
        ] {
            assert!(!host_allowed(bad, LOCAL), "{bad}");
        }
        let lan: IpAddr = "192.168.1.5".parse().unwrap();
        assert!(host_allowed("192.168.1.5:1111", lan));
        assert!(!host_allowed("192.168.1.6", lan));
        let any: IpAddr = "0.0.0.0".parse().unwrap();
        assert!(host_allowed("10.0.0.7:1111", any));
        assert!(!host_allowed("rebind.evil.example", any));
    }
}
