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
