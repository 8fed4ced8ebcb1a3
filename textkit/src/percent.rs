//! Percent-decoding (RFC 3986 `%XX` escapes) of URL paths and fragments.

/// A `%` not followed by two hexadecimal digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrokenEscape {
    /// Byte offset of the `%`.
    pub at: usize,
}

impl std::fmt::Display for BrokenEscape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "broken %-escape at byte {}", self.at)
    }
}

impl std::error::Error for BrokenEscape {}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The byte `%XX` at `i` stands for, if it is one.
fn escape_at(bytes: &[u8], i: usize) -> Option<u8> {
    let hi = hex_digit(*bytes.get(i + 1)?)?;
    let lo = hex_digit(*bytes.get(i + 2)?)?;
    Some(hi << 4 | lo)
}

/// Decodes every `%XX`; a `%` without two hex digits is an error. The bytes may not be UTF-8.
pub fn percent_decode(text: &str) -> Result<Vec<u8>, BrokenEscape> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(escape_at(bytes, i).ok_or(BrokenEscape { at: i })?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Ok(out)
}

/// Decodes every `%XX`, keeping a `%` without two hex digits as it is and replacing bytes that
/// are not UTF-8 with U+FFFD: for comparing addresses, where nothing is refused.
pub fn percent_decode_lossy(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i] == b'%').then(|| escape_at(bytes, i)).flatten() {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_decoded_to_bytes() {
        assert_eq!(percent_decode("a%20b%C3%A9").unwrap(), "a bé".as_bytes());
        assert_eq!(percent_decode("%41").unwrap(), b"A");
        assert_eq!(percent_decode("100%"), Err(BrokenEscape { at: 3 }));
        assert_eq!(percent_decode("%zz"), Err(BrokenEscape { at: 0 }));
        assert_eq!(percent_decode("%+1"), Err(BrokenEscape { at: 0 }));
    }

    #[test]
    fn lossy_decoding_keeps_what_is_not_an_escape() {
        assert_eq!(percent_decode_lossy("100%25 en 5%"), "100% en 5%");
        assert_eq!(percent_decode_lossy("caf%C3%A9"), "café");
        assert_eq!(percent_decode_lossy("%FF"), "\u{fffd}");
    }
}
