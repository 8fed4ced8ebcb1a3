//! How often one typo is found, by where in the word it is, on the synthetic corpus, and what
//! finding it costs. Each typo is searched for as the page would (a fresh searcher, the loop of
//! `needed_files` and `add_file`, then `search` for 10 results); it is found when a hit marks
//! the word the typo was made in.
//!
//! cargo run --release -p search --example typo_reach -- [DOCS]
//!
//! For a sample of indexed words of 5+ letters, each typo (a letter replaced by the next one of
//! the alphabet, the first two letters swapped, the first letter dropped) that is not itself an
//! indexed word. Also printed per kind: the index files (fragments and word lists, documents
//! left out) and their raw bytes a query fetched, and its rounds of fetching, as medians.

use std::collections::HashMap;

use search::build_index;
use search::format::{Fragment, META_FILE};
use search::normalize::tokens;
use search::{Filters, Searcher};

#[path = "../tests/common/synthetic.rs"]
mod synthetic;
use synthetic::synthetic_docs;

/// Makes a typo in a word.
type Typo = Box<dyn Fn(&str) -> String>;

fn next_letter(c: char) -> char {
    if c == 'z' {
        'a'
    } else {
        ((c as u8) + 1) as char
    }
}

fn replace_at(word: &str, i: usize) -> String {
    word.chars()
        .enumerate()
        .map(|(j, c)| if j == i { next_letter(c) } else { c })
        .collect()
}

/// Whether a search for `typo` marks `word`; the index files (not documents), their bytes and
/// the rounds it took.
fn search_typo(
    files: &HashMap<String, Vec<u8>>,
    word: &str,
    typo: &str,
) -> (bool, usize, usize, usize) {
    let mut searcher = Searcher::new(&files[META_FILE]).expect("meta decodes");
    let query = format!("{typo} ");
    let filters = Filters::default();
    let (mut count, mut bytes, mut rounds) = (0, 0, 0);
    loop {
        let needed = searcher.needed_files(&query, &filters, 10);
        if needed.is_empty() || rounds == 8 {
            break;
        }
        rounds += 1;
        for path in needed {
            let data = &files[&path];
            if !path.starts_with("d/") {
                count += 1;
                bytes += data.len();
            }
            searcher.add_file(&path, data).expect("file decodes");
        }
    }
    let results = searcher.search(&query, &filters, 10);
    let found = results.hits.iter().any(|h| {
        h.marks
            .iter()
            .any(|m| tokens(m).iter().any(|t| t.term == word))
    });
    (found, count, bytes, rounds)
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let files: HashMap<String, Vec<u8>> = build_index(&synthetic_docs(count)).into_iter().collect();
    let mut words: Vec<String> = Vec::new();
    let mut fragments = 0;
    let mut lists = 0;
    for (path, bytes) in &files {
        if path.starts_with("r/") {
            lists += 1;
        }
        if !path.starts_with("t/") {
            continue;
        }
        fragments += 1;
        let bytes = &bytes[search::build_stamp::STAMP_BYTES..];
        let f = Fragment::decode(bytes).expect("fragment decodes");
        for g in &f.groups {
            for s in &g.surfaces {
                if s.term.len() >= 5 && s.term.bytes().all(|b| b.is_ascii_lowercase()) {
                    words.push(s.term.clone());
                }
            }
        }
    }
    words.sort();
    let indexed: std::collections::HashSet<&str> = words.iter().map(String::as_str).collect();
    let step = (words.len() / 2000).max(1);
    let sample: Vec<&String> = words.iter().step_by(step).collect();
    let kinds: Vec<(&str, Typo)> = vec![
        ("1st letter replaced", Box::new(|w: &str| replace_at(w, 0))),
        ("2nd letter replaced", Box::new(|w: &str| replace_at(w, 1))),
        ("3rd letter replaced", Box::new(|w: &str| replace_at(w, 2))),
        (
            "middle letter replaced",
            Box::new(|w: &str| replace_at(w, w.len() / 2)),
        ),
        (
            "last letter replaced",
            Box::new(|w: &str| replace_at(w, w.len() - 1)),
        ),
        (
            "first two swapped",
            Box::new(|w: &str| {
                let mut c: Vec<char> = w.chars().collect();
                c.swap(0, 1);
                c.into_iter().collect()
            }),
        ),
        ("1st letter dropped", Box::new(|w: &str| w[1..].to_string())),
    ];
    println!(
        "{count} documents, {fragments} fragments, {lists} word lists spelt backwards, {} words of 5+ letters, {} sampled",
        words.len(),
        sample.len()
    );
    let median = |v: &mut Vec<usize>| {
        v.sort_unstable();
        v.get(v.len() / 2).copied().unwrap_or(0)
    };
    for (name, typo) in &kinds {
        let (mut tried, mut hits) = (0, 0);
        let (mut counts, mut sizes, mut rounds) = (Vec::new(), Vec::new(), Vec::new());
        for w in &sample {
            let t = typo(w);
            if t == w.as_str() || indexed.contains(t.as_str()) {
                continue;
            }
            tried += 1;
            let (found, n, b, r) = search_typo(&files, w, &t);
            hits += usize::from(found);
            counts.push(n);
            sizes.push(b);
            rounds.push(r);
        }
        println!(
            "  {name:<24} found {:5.1}% of {tried}; files {}, {:.1} KB raw, {} rounds (medians)",
            100.0 * hits as f64 / tried.max(1) as f64,
            median(&mut counts),
            median(&mut sizes) as f64 / 1000.0,
            median(&mut rounds)
        );
    }
}
