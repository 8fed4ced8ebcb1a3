//! A query downloads only a small part of a large index.

#[path = "common/synthetic.rs"]
mod synthetic;

use std::collections::HashMap;

use search::{build_index, Document, Filters, Searcher};

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

/// With more than a page of exact matches, the first page is known once the query's own
/// fragments are loaded: its documents come in one round (with the fragments of compound
/// parts), none in vain. Here the separate words `leeg` and `stand` of the last practices
/// (which would move them up, once the fragment of `stand` is there) do not reorder the exact
/// matches; `leegstand` on the bench's 10,000 practices took a third round for one document
/// that way.
#[test]
fn the_first_page_of_exact_matches_is_fetched_once() {
    let mut docs = synthetic::synthetic_docs(400);
    for i in 0..20 {
        let title = if i >= 16 {
            "Een leeg pand, stand van zaken"
        } else {
            "Een pand"
        };
        docs.push(Document {
            url: format!("leeg/{i:02}/"),
            title: title.into(),
            category: "zzz".into(),
            category_title: "Zzz".into(),
            body: "Gebruik de leegstand van kantoren.".into(),
            ..Document::default()
        });
    }
    let files: HashMap<String, Vec<u8>> = build_index(&docs).into_iter().collect();
    let (meta, own, rest) = {
        let s = Searcher::new(&files["meta.bin"]).unwrap();
        let m = s.meta();
        (
            m.fragment_starts.len(),
            m.fragment_of("leegstand"),
            m.fragment_of("stand"),
        )
    };
    assert!(
        meta > 20 && own != rest,
        "{meta} fragments; leegstand in {own}, stand in {rest}"
    );
    for limit in [10, 15] {
        let mut s = Searcher::new(&files["meta.bin"]).unwrap();
        let mut doc_rounds = 0;
        let mut docs = 0;
        for _ in 0..6 {
            let needed = s.needed_files("leegstand", &Filters::default(), limit);
            if needed.is_empty() {
                break;
            }
            let n = needed.iter().filter(|p| p.starts_with("d/")).count();
            doc_rounds += usize::from(n > 0);
            docs += n;
            for path in needed {
                s.add_file(&path, &files[&path]).unwrap();
            }
        }
        let r = s.search("leegstand", &Filters::default(), limit);
        assert_eq!(r.exact_total, 20);
        assert_eq!(r.hits.len(), limit);
        assert_eq!(
            doc_rounds, 1,
            "limit {limit}: documents in {doc_rounds} rounds"
        );
        assert_eq!(docs, limit, "limit {limit}: {docs} documents fetched");
    }
}

/// What the header search box fetches while the visitor types: the index files of the words
/// typed so far, never a document; after them, the query needs its documents only, and finds
/// the same results as a page that fetched everything itself.
#[test]
fn files_fetched_while_typing_are_the_querys_index_files_and_no_documents() {
    let files: HashMap<String, Vec<u8>> = build_index(&synthetic::synthetic_docs(3000))
        .into_iter()
        .collect();
    for query in ["leegstand", "woningcorporatie regionaal", "huurtoeslag"] {
        let mut s = Searcher::new(&files["meta.bin"]).unwrap();
        // As typed, letter by letter, each prefix's files fetched before the next letter.
        let mut typed = String::new();
        let mut fetched = 0;
        for c in query.chars() {
            typed.push(c);
            for _ in 0..6 {
                let needed = s.needed_index_files(&typed);
                if needed.is_empty() {
                    break;
                }
                for path in needed {
                    assert!(
                        !path.starts_with("d/"),
                        "{typed:?} asked for document {path}"
                    );
                    s.add_file(&path, &files[&path]).unwrap();
                    fetched += 1;
                }
            }
        }
        assert!(fetched > 0, "{query:?}: nothing to fetch while typing");
        assert!(s.needed_index_files(query).is_empty());
        // Only documents are left (none, for a word whose first page the build worked out).
        let rest = s.needed_files(query, &Filters::default(), 10);
        assert!(
            rest.iter().all(|p| p.starts_with("d/")),
            "{query:?}: after typing, still needed {rest:?}"
        );
        let mut rest = rest;
        for _ in 0..6 {
            for path in &rest {
                assert!(
                    path.starts_with("d/"),
                    "{query:?}: after typing, still needed {path}"
                );
                s.add_file(path, &files[path]).unwrap();
            }
            rest = s.needed_files(query, &Filters::default(), 10);
        }
        assert!(rest.is_empty(), "{query:?}: still needed {rest:?}");
        let (_, fresh) = first_visit(&files, query);
        assert_eq!(s.search(query, &Filters::default(), 10), fresh, "{query:?}");
    }
}

/// The first page of the most frequent words, asked alone, and of the most frequent phrases of
/// two words, is worked out by the build: a fresh page fetches that one file and shows what the
/// usual path (fragments, then documents) shows, counts of categories and tags included;
/// anything else never fetches an answer.
#[test]
fn a_frequent_word_or_phrase_is_answered_by_one_file_with_the_usual_results() {
    use search::answer::{answer_path, MAX_ANSWERS};
    use search::build_stamp;
    use search::format::Meta;
    let files: HashMap<String, Vec<u8>> = build_index(&synthetic::synthetic_docs(3000))
        .into_iter()
        .collect();
    let meta = Meta::decode(&files["meta.bin"]).unwrap();
    assert!(
        !meta.answers.is_empty() && meta.answers.len() <= MAX_ANSWERS,
        "{} answers",
        meta.answers.len()
    );
    let phrases = meta.answers.iter().filter(|a| a.contains(' ')).count();
    assert!(
        phrases > 0 && phrases < meta.answers.len(),
        "{phrases} phrases among {} answers",
        meta.answers.len()
    );
    // The usual path over the whole index, as the build answers: the index without answers.
    let mut no_answers = meta.clone();
    no_answers.answers.clear();
    let no_answers = no_answers.encode();
    let mut usual = Searcher::new(&no_answers).unwrap();
    // The files are stamped with the build's meta.bin: stamped again for this one.
    let restamped = |path: &str| {
        let bytes =
            build_stamp::strip(path, &files[path], build_stamp::of_meta(&files["meta.bin"]));
        let mut bytes = bytes.unwrap().to_vec();
        if build_stamp::is_stamped(path) {
            bytes.splice(0..0, build_stamp::of_meta(&no_answers));
        }
        bytes
    };
    for path in files.keys() {
        if !path.starts_with("a/") && path != "tags.bin" && path != "meta.bin" {
            usual.add_file(path, &restamped(path)).unwrap();
        }
    }
    let none = Filters::default();
    for (i, word) in meta.answers.iter().enumerate() {
        let typed = word.to_uppercase();
        let (fetched, answered) = first_visit(&files, &typed);
        assert_eq!(fetched, vec![answer_path(i)], "{typed:?}");
        let expected = usual.search(word, &none, 10);
        assert!(expected.total >= 10, "{word:?}: {} matches", expected.total);
        assert_eq!(answered, expected, "{word:?}");
    }
    // With the tag file, as the page loads it after the first results: the tags counted too.
    usual.add_file("tags.bin", &restamped("tags.bin")).unwrap();
    for word in meta.answers.iter().step_by(7) {
        let mut s = Searcher::new(&files["meta.bin"]).unwrap();
        for path in s.needed_files(word, &none, 10) {
            s.add_file(&path, &files[&path]).unwrap();
        }
        s.add_file("tags.bin", &files["tags.bin"]).unwrap();
        let expected = usual.search(word, &none, 10);
        assert!(!expected.tag_counts.is_empty(), "{word:?}: no tags counted");
        assert_eq!(s.search(word, &none, 10), expected, "{word:?} with tags");
    }
    // Not answered: a word with a space after it, two words, the next page, a filter.
    let word = &meta.answers[0];
    let category = Filters {
        category: Some(meta.categories[0].slug.clone()),
        tag: None,
    };
    for (query, filters, limit) in [
        (format!("{word} "), &none, 10),
        (format!("{word} zzzonbekend"), &none, 10),
        (format!("{word} en zzzonbekend"), &none, 10),
        (word.clone(), &none, 20),
        (word.clone(), &category, 10),
    ] {
        let s = Searcher::new(&files["meta.bin"]).unwrap();
        let needed = s.needed_files(&query, filters, limit);
        assert!(
            !needed.is_empty() && needed.iter().all(|p| !p.starts_with("a/")),
            "{query:?} {filters:?} {limit}: {needed:?}"
        );
    }
}
