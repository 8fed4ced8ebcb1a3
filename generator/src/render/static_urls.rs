//! The URLs templates give for the site's static files, each with a hash of its bytes:
//! `{{ static_url["style.css"] }}` is `/static/style.css?h=3f9a0c1e`.
//!
//! A browser keeps static files for a while (GitHub Pages: ten minutes), and a page deployed
//! since names files that changed with it. The search engine's glue and its WebAssembly must be
//! of one build, and a new engine reads a new index format: with the old glue from the cache and
//! the new module, or the old engine and the new `meta.bin`, the search page said "De zoekfunctie
//! is niet beschikbaar" until the cache expired. With the hash in the URL, a page asks for the
//! files of its own build; a file that did not change keeps its URL, and its cached copy. The
//! herverdelingscheck's data files (its municipalities and document templates) are named the same
//! way ([`crate::herverdeling::file_urls`]).

use super::theme::Theme;
use std::collections::BTreeMap;
use xxhash_rust::xxh3::xxh3_64;

/// Hexadecimal digits of the hash in a URL: 32 bits, enough to tell two builds of one file apart.
const HASH_DIGITS: usize = 8;

/// Path below `static/` → URL with `base` and the hash, for every static file of `theme` and
/// the engines' files (`wasm/…`, [`crate::assets`]).
pub fn of(theme: &Theme, base: &str) -> BTreeMap<String, String> {
    let engines = crate::assets::WASM_FILES
        .iter()
        .map(|(name, bytes)| (format!("wasm/{name}"), *bytes));
    let theme_files = theme
        .static_files
        .iter()
        .map(|(path, bytes)| (path.clone(), bytes.as_slice()));
    engines
        .chain(theme_files)
        .map(|(path, bytes)| {
            let url = versioned(&format!("{base}static/{path}"), bytes);
            (path, url)
        })
        .collect()
}

/// `url` with the hash of the file's `bytes` after it (`?h=…`).
pub fn versioned(url: &str, bytes: &[u8]) -> String {
    let hash = format!("{:016x}", xxh3_64(bytes));
    format!("{url}?h={}", &hash[..HASH_DIGITS])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(files: &[(&str, &[u8])]) -> Theme {
        Theme {
            tera: tera::Tera::default(),
            templates: Vec::new(),
            static_files: files
                .iter()
                .map(|(p, b)| (p.to_string(), b.to_vec()))
                .collect(),
        }
    }

    #[test]
    fn a_url_changes_with_its_file_only() {
        let before = of(&theme(&[("style.css", b"a"), ("zoeken.js", b"x")]), "/kb/");
        let after = of(&theme(&[("style.css", b"b"), ("zoeken.js", b"x")]), "/kb/");
        assert!(before["style.css"].starts_with("/kb/static/style.css?h="));
        assert_eq!(
            before["style.css"].len(),
            "/kb/static/style.css?h=".len() + 8
        );
        assert_ne!(before["style.css"], after["style.css"]);
        assert_eq!(before["zoeken.js"], after["zoeken.js"]);
        assert!(before["wasm/search_bg.wasm"].starts_with("/kb/static/wasm/search_bg.wasm?h="));
    }
}
