//! A small site's index comes whole, in one file: a page asks for it once, whatever the query,
//! and answers every query after it the same as the sharded index would, without a request.

#[path = "common/synthetic.rs"]
mod synthetic;

use std::collections::HashMap;

use search::format::Meta;
use search::whole::{WHOLE_FILE, WHOLE_MAX_BYTES};
use search::{build_index, build_site_index, Filters, Searcher};

type Files = HashMap<String, Vec<u8>>;

/// What a page does: ask, fetch what is named, until nothing is; the paths fetched.
fn fetch_all(
    files: &Files,
    s: &mut Searcher,
    query: &str,
    filters: &Filters,
    limit: usize,
) -> Vec<String> {
    let mut fetched = Vec::new();
    for _ in 0..8 {
        let needed = s.needed_files(query, filters, limit);
        if needed.is_empty() {
            return fetched;
        }
        for path in needed {
            s.add_file(&path, &files[&path]).unwrap();
            fetched.push(path);
        }
    }
    panic!("{query:?}: still fetching after 8 rounds: {fetched:?}");
}

#[test]
fn a_small_index_is_one_file_fetched_once_with_the_results_of_the_sharded_one() {
    // Ten synthetic practices make 58 KB of index files; the real content's 45 pages and
    // sections 42 KB.
    let docs = synthetic::synthetic_docs(10);
    let whole: Files = build_site_index(&docs, &[]).into_iter().collect();
    let mut names: Vec<&str> = whole.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["all.bin", "meta.bin"]);
    assert!(whole[WHOLE_FILE].len() <= WHOLE_MAX_BYTES + 1024);
    let meta = Meta::decode(&whole["meta.bin"]).unwrap();
    assert!(meta.whole && meta.answers.is_empty());

    let sharded: Files = build_index(&docs).into_iter().collect();
    let category = Filters {
        category: Some(meta.categories[0].slug.clone()),
        tag: None,
    };
    let tag = Filters {
        category: None,
        tag: meta.tags.first().map(|t| t.name.clone()),
    };
    let none = Filters::default();
    let mut page = Searcher::new(&whole["meta.bin"]).unwrap();
    // The header box, while the visitor types: the whole file, then nothing.
    assert_eq!(page.needed_index_files("huur"), [WHOLE_FILE]);
    let mut first = true;
    for (query, filters, limit) in [
        ("huurtoeslag", &none, 10),
        ("gemeente", &none, 10),
        ("regionaal overleg", &none, 10),
        ("woningcorporatie", &none, 20),
        ("gemeente", &category, 10),
        ("gemeente", &tag, 10),
        ("huurtoslag", &none, 10),
        ("statushouder", &none, 10),
        ("xyzzy", &none, 10),
    ] {
        let fetched = fetch_all(&whole, &mut page, query, filters, limit);
        if first {
            assert_eq!(fetched, [WHOLE_FILE], "{query:?}");
            first = false;
        } else {
            assert!(fetched.is_empty(), "{query:?} fetched {fetched:?}");
        }
        let mut fresh = Searcher::new(&sharded["meta.bin"]).unwrap();
        fetch_all(&sharded, &mut fresh, query, filters, limit);
        fresh.add_file("tags.bin", &sharded["tags.bin"]).unwrap();
        assert_eq!(
            page.search(query, filters, limit),
            fresh.search(query, filters, limit),
            "{query:?} {filters:?} {limit}"
        );
    }
    assert!(page.needed_index_files("woning").is_empty());
}

#[test]
fn a_large_index_stays_sharded_with_its_answers() {
    let files: Files = build_site_index(&synthetic::synthetic_docs(20), &[])
        .into_iter()
        .collect();
    assert!(!files.contains_key(WHOLE_FILE));
    let meta = Meta::decode(&files["meta.bin"]).unwrap();
    assert!(!meta.whole && !meta.answers.is_empty());
    assert!(files.keys().filter(|p| p.starts_with("d/")).count() == 20);
}

#[test]
fn a_damaged_whole_file_is_refused_and_names_the_file() {
    let files: Files = build_site_index(&synthetic::synthetic_docs(5), &[])
        .into_iter()
        .collect();
    let bytes = &files[WHOLE_FILE];
    let mut s = Searcher::new(&files["meta.bin"]).unwrap();
    let err = s
        .add_file(WHOLE_FILE, &bytes[..bytes.len() / 2])
        .unwrap_err();
    assert!(err.message.starts_with("all.bin: "), "{}", err.message);
    // Still asked for: a page may fetch it again.
    assert_eq!(
        s.needed_files("gemeente", &Filters::default(), 10),
        [WHOLE_FILE]
    );
}
