//! A small index as one file: on a site of a few dozen pages the whole index (term fragments,
//! word lists, tags and documents) is smaller than the engine itself, and fetching it at once,
//! beside nothing else, leaves every query after it without a request.
//!
//! The sharded index needs a round trip for a query's fragments and one or two for its ten
//! documents (six requests at a time on HTTP/1.1): on a phone with Slow 4G's 0.56 s latency
//! that is 1.7 s for each new word. When the files the pages would fetch add up to at most
//! [`WHOLE_MAX_BYTES`], the build writes them into `all.bin` instead, and `meta.bin` says so
//! ([`Meta::whole`]): a searcher then asks for that one file, whatever the query, and has all
//! it will ever need. Larger sites keep the shards and the build's answers
//! ([`crate::answer`]).

use crate::codec::{DecodeError, Reader, Writer};
use crate::format::{Meta, META_FILE};

/// The file that holds the whole index.
pub const WHOLE_FILE: &str = "all.bin";

/// The largest index shipped whole, in bytes before compression: 64 KiB, about 22 KB with gzip
/// (the search engine is 40 KB), what some 40 practices of the PHV list's length and the
/// stappenplan make. The real content's index is 42 KB (16 KB gzip).
pub const WHOLE_MAX_BYTES: usize = 64 * 1024;

const WHOLE_VERSION: u8 = 1;

/// `files` as the site ships them: when the index files other than `meta.bin` add up to at
/// most [`WHOLE_MAX_BYTES`], `meta.bin` (marked whole) and [`WHOLE_FILE`] holding the rest;
/// otherwise `None` (ship them as they are).
pub fn bundle(meta: &Meta, files: &[(String, Vec<u8>)]) -> Option<Vec<(String, Vec<u8>)>> {
    let parts: Vec<&(String, Vec<u8>)> = files.iter().filter(|(p, _)| p != META_FILE).collect();
    let size: usize = parts.iter().map(|(_, bytes)| bytes.len()).sum();
    if size > WHOLE_MAX_BYTES {
        return None;
    }
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
        .collect();
    let meta = Meta {
        whole: true,
        answers: Vec::new(),
        ..meta.clone()
    };
    Some(vec![
        (META_FILE.to_string(), meta.encode()),
        (WHOLE_FILE.to_string(), encode(&parts)),
    ])
}

/// [`WHOLE_FILE`] holding `parts`, as `(path, bytes)`.
fn encode(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = Writer::new();
    w.u8(WHOLE_VERSION);
    w.usize(parts.len());
    for (path, bytes) in parts {
        w.str(path);
        w.usize(bytes.len());
        w.bytes(bytes);
    }
    w.buf
}

/// The files inside [`WHOLE_FILE`], as `(path, bytes)`; never `meta.bin` or another whole file.
pub fn unbundle(data: &[u8]) -> Result<Vec<(&str, &[u8])>, DecodeError> {
    let mut r = Reader::new(data);
    if r.u8()? != WHOLE_VERSION {
        return Err(DecodeError::new("whole index of another format version"));
    }
    let n = r.count()?;
    let mut parts = Vec::with_capacity(n.min(data.len()));
    for _ in 0..n {
        let path = r.str()?;
        if path == META_FILE || path == WHOLE_FILE {
            return Err(DecodeError::new(format!("{path} inside the whole index")));
        }
        let len = r.count()?;
        parts.push((path, r.bytes(len)?));
    }
    if !r.at_end() {
        return Err(DecodeError::new("trailing bytes after the whole index"));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_read_back_and_a_file_that_would_replace_the_metadata_is_refused() {
        let data = encode(&[("t/0.bin", b"abc"), ("d/3.bin", b"")]);
        assert_eq!(
            unbundle(&data).unwrap(),
            [("t/0.bin", &b"abc"[..]), ("d/3.bin", &b""[..])]
        );
        assert!(unbundle(&encode(&[("meta.bin", b"x")])).is_err());
        assert!(unbundle(&encode(&[("all.bin", b"x")])).is_err());
        let mut trailing = data.clone();
        trailing.push(0);
        assert!(unbundle(&trailing).is_err());
        assert!(unbundle(&data[..data.len() - 1]).is_err());
    }

    #[test]
    fn only_an_index_within_the_bound_is_bundled() {
        let meta = Meta::decode(&crate::build_index(&[])[0].1).unwrap();
        let small = vec![
            (META_FILE.to_string(), meta.encode()),
            ("t/0.bin".to_string(), vec![1; WHOLE_MAX_BYTES]),
        ];
        let bundled = bundle(&meta, &small).unwrap();
        assert_eq!(bundled[1].0, WHOLE_FILE);
        assert!(Meta::decode(&bundled[0].1).unwrap().whole);
        let mut large = small;
        large.push(("d/0.bin".to_string(), vec![1]));
        assert!(bundle(&meta, &large).is_none());
    }
}
