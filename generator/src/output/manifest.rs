//! What a written tree holds: every file's path, length and content hash. A build compares the
//! files it makes with it instead of reading the tree back, and writes only what differs.

use std::collections::HashMap;

/// One file of a tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub hash: u128,
    pub len: u64,
}

impl Entry {
    pub fn of(bytes: &[u8]) -> Entry {
        Entry {
            hash: xxhash_rust::xxh3::xxh3_128(bytes),
            len: bytes.len() as u64,
        }
    }
}

/// The files of one tree, by path relative to it (with `/`).
pub type Manifest = HashMap<String, Entry>;

/// The manifest as text, one `HASH LEN PATH` line per file, sorted by path: the same files
/// give the same text.
pub fn to_text(manifest: &Manifest) -> String {
    let mut files: Vec<(&String, &Entry)> = manifest.iter().collect();
    files.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut text = String::from("kennisbank-manifest 1\n");
    for (path, e) in files {
        text.push_str(&format!("{:032x} {} {path}\n", e.hash, e.len));
    }
    text
}

/// The manifest in `text`, or `None` when it is not one (then the tree's content is unknown).
pub fn parse(text: &str) -> Option<Manifest> {
    let mut lines = text.lines();
    if lines.next()? != "kennisbank-manifest 1" {
        return None;
    }
    let mut manifest = Manifest::new();
    for line in lines {
        let mut parts = line.splitn(3, ' ');
        let hash = u128::from_str_radix(parts.next()?, 16).ok()?;
        let len = parts.next()?.parse().ok()?;
        let path = parts.next()?;
        if path.is_empty() {
            return None;
        }
        manifest.insert(path.to_owned(), Entry { hash, len });
    }
    Some(manifest)
}

/// A name for a tree's content: the hash of its manifest's text.
pub fn id(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_is_the_same_for_the_same_files() {
        let mut a = Manifest::new();
        a.insert("index.html".into(), Entry::of(b"een"));
        a.insert("praktijken/x y/index.html".into(), Entry::of(b"twee"));
        a.insert("a.css".into(), Entry::of(b""));
        let text = to_text(&a);
        assert_eq!(parse(&text), Some(a.clone()));
        let mut items: Vec<_> = a.iter().collect();
        items.sort_by(|x, y| y.0.cmp(x.0));
        let b: Manifest = items.into_iter().map(|(k, v)| (k.clone(), *v)).collect();
        assert_eq!(to_text(&b), text);
        assert!(text.find("a.css").unwrap() < text.find("index.html").unwrap());
    }

    #[test]
    fn damaged_text_is_no_manifest() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("kennisbank-manifest 1\nzz 3 a\n"), None);
        assert_eq!(parse("kennisbank-manifest 1\n00 3\n"), None);
        assert_eq!(parse("iets anders\n"), None);
        assert_eq!(parse("kennisbank-manifest 1\n"), Some(Manifest::new()));
    }
}
