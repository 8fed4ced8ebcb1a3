//! A query downloads only a small part of a large index.

#[path = "common/synthetic.rs"]
mod synthetic;

use std::collections::HashMap;

use search::{build_index, Filters, Searcher};

#[test]
fn one_word_query_needs_few_of_many_fragments() {
    let files: HashMap<String, Vec<u8>> = build_index(&synthetic::synthetic_docs(3000))
        .into_iter()
        .collect();
    let fragments = files.keys().filter(|p| p.starts_with("t/")).count();
    assert!(
        fragments >= 100,
        "expected a split index, got {fragments} fragments"
    );
    for query in [
        "gemeente ",
        "vergunninghouders ",
        "toeslag",
        "woningcorporatie ",
    ] {
        let mut s = Searcher::new(&files["meta.bin"]).unwrap();
        let mut fetched_fragments = 0;
        let mut fetched_docs = 0;
        for _ in 0..6 {
            let needed = s.needed_files(query, &Filters::default(), 10);
            if needed.is_empty() {
                break;
            }
            for path in needed {
                if path.starts_with("t/") {
                    fetched_fragments += 1;
                } else {
                    fetched_docs += 1;
                }
                s.add_file(&path, &files[&path]).unwrap();
            }
        }
        let r = s.search(query, &Filters::default(), 10);
        assert!(r.total > 0, "{query:?} found nothing");
        assert!(
            fetched_fragments <= 6,
            "{query:?} fetched {fetched_fragments} of {fragments} fragments"
        );
        assert!(
            fetched_docs <= 10,
            "{query:?} fetched {fetched_docs} documents"
        );
        assert_eq!(r.hits.len(), r.total.min(10));
    }
}

/// Runs `query` on a fresh searcher as the page would: the files it fetched, and the results.
fn first_visit(files: &HashMap<String, Vec<u8>>, query: &str) -> (Vec<String>, search::Results) {
    let mut s = Searcher::new(&files["meta.bin"]).unwrap();
    let mut fetched = Vec::new();
    for _ in 0..6 {
        let needed = s.needed_files(query, &Filters::default(), 10);
        if needed.is_empty() {
            break;
        }
        for path in needed {
            s.add_file(&path, &files[&path]).unwrap();
            fetched.push(path);
        }
    }
    (fetched, s.search(query, &Filters::default(), 10))
}

#[test]
fn a_typo_in_the_first_letters_is_found_by_the_word_s_end() {
    let files: HashMap<String, Vec<u8>> = build_index(&synthetic::synthetic_docs(3000))
        .into_iter()
        .collect();
    let marks_word = |r: &search::Results, word: &str| {
        r.hits
            .iter()
            .any(|h| h.marks.iter().any(|m| m.to_lowercase() == word))
    };
    // Replaced, dropped and swapped first letters: each moves the word to another fragment.
    for (typo, word) in [
        ("xuurtoeslag ", "huurtoeslag"),
        ("uurtoeslag ", "huurtoeslag"),
        ("uhurtoeslag ", "huurtoeslag"),
        ("hemeentelijke ", "gemeentelijke"),
        ("bergunninghouders ", "vergunninghouders"),
    ] {
        let (fetched, r) = first_visit(&files, typo);
        assert!(marks_word(&r, word), "{typo:?} did not find {word}");
        assert_eq!(r.suggestion.as_deref(), Some(word), "{typo:?}");
        let lists = fetched.iter().filter(|p| p.starts_with("r/")).count();
        assert_eq!(lists, 1, "{typo:?} fetched {fetched:?}");
    }
    // A word that matches is not looked up by its end: no list is fetched.
    for query in ["huurtoeslag ", "gemeentelijke ", "vergunninghouders "] {
        let (fetched, r) = first_visit(&files, query);
        assert!(r.total > 0);
        assert!(
            fetched.iter().all(|p| !p.starts_with("r/")),
            "{query:?} fetched {fetched:?}"
        );
    }
}
