//! Which build of the index a file belongs to.
//!
//! A search page keeps `meta.bin` in memory for as long as it is open, and a browser caches
//! index files (GitHub Pages serves them with `max-age=600`). After the site is deployed
//! again, a page could read a new term fragment against the old `meta.bin`: where each
//! fragment begins and how documents are numbered have moved, so a word is looked for in the
//! wrong fragment and found nowhere, or a posting names another document. Nothing fails; the
//! results are quietly wrong.
//!
//! So every index file that depends on `meta.bin`'s layout begins with the stamp of the
//! `meta.bin` it was built with: [`STAMP_BYTES`] bytes of a hash of that file's bytes. A
//! searcher refuses a file with another stamp ([`DecodeError::is_other_build`]); the page then
//! fetches `meta.bin` again and repeats the query (`static/zoeken.js`), and asks for files with
//! the stamp in the URL (`?v=`), so that the browser's cache never mixes two builds.
//!
//! Documents (`d/N.bin`) carry no stamp: a page asks for one only after a fragment or answer of
//! the same build said which, under that build's `?v=`, and an edit that keeps `meta.bin` as it
//! was keeps the numbering too. Stamping them would rewrite every document's file whenever
//! `meta.bin` changes, which is most builds.

use crate::codec::DecodeError;
use crate::format::META_FILE;

/// Length of the stamp at the start of a stamped file.
pub const STAMP_BYTES: usize = 4;

/// The stamp of the index whose `meta.bin` is `meta` (FNV-1a, 32 bits).
pub fn of_meta(meta: &[u8]) -> [u8; STAMP_BYTES] {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in meta {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash.to_be_bytes()
}

/// The stamp as the page writes it in a URL (`?v=…`): eight hexadecimal digits.
pub fn hex(stamp: [u8; STAMP_BYTES]) -> String {
    stamp.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether the file at `path` (relative to the index folder) begins with a stamp.
pub fn is_stamped(path: &str) -> bool {
    path != META_FILE && !path.starts_with("d/")
}

/// `files` (one build's index, `meta.bin` among them) with the stamp put before every file
/// that takes one.
pub fn stamp_all(files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    let Some((_, meta)) = files.iter().find(|(path, _)| path == META_FILE) else {
        return files;
    };
    let stamp = of_meta(meta);
    files
        .into_iter()
        .map(|(path, bytes)| {
            if !is_stamped(&path) {
                return (path, bytes);
            }
            let mut stamped = Vec::with_capacity(STAMP_BYTES + bytes.len());
            stamped.extend_from_slice(&stamp);
            stamped.extend_from_slice(&bytes);
            (path, stamped)
        })
        .collect()
}

/// The file's bytes after its stamp, when the stamp is `expected`; for a file without one,
/// the bytes as they are.
pub fn strip<'a>(
    path: &str,
    bytes: &'a [u8],
    expected: [u8; STAMP_BYTES],
) -> Result<&'a [u8], DecodeError> {
    if !is_stamped(path) {
        return Ok(bytes);
    }
    match bytes.split_first_chunk::<STAMP_BYTES>() {
        Some((stamp, rest)) if *stamp == expected => Ok(rest),
        Some(_) => Err(DecodeError::other_build(path)),
        None => Err(DecodeError::new(format!("{path}: shorter than its stamp"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_the_same_build_opens_and_one_of_another_is_refused_as_such() {
        let files = vec![
            (META_FILE.to_string(), b"meta one".to_vec()),
            ("t/0.bin".to_string(), b"fragment".to_vec()),
            ("d/0.bin".to_string(), b"document".to_vec()),
        ];
        let stamped = stamp_all(files.clone());
        let stamp = of_meta(b"meta one");
        assert_eq!(stamped[0], files[0], "meta.bin is not stamped");
        assert_eq!(stamped[2], files[2], "documents are not stamped");
        assert_eq!(strip("t/0.bin", &stamped[1].1, stamp).unwrap(), b"fragment");
        assert_eq!(strip("d/0.bin", b"document", stamp).unwrap(), b"document");

        let other = of_meta(b"meta two");
        assert_ne!(stamp, other);
        let refused = strip("t/0.bin", &stamped[1].1, other).unwrap_err();
        assert!(refused.is_other_build());
        let short = strip("t/0.bin", b"ab", stamp).unwrap_err();
        assert!(!short.is_other_build());
        assert_eq!(hex([0, 0xab, 0x10, 0xff]), "00ab10ff");
    }
}
