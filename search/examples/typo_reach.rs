//! How often one typo is found, by where in the word it is, on the synthetic corpus; and what
//! looking further would cost. Typo matching reads only the fragments of the typed word and of
//! its stem (`Lookup::match_typos`), so a typo that moves the word to another fragment (one in
//! its first letters, mostly) is not found.
//!
//! cargo run --release -p search --example typo_reach -- [DOCS]
//!
//! For a sample of indexed words of 5+ letters, each typo (a letter replaced by the next one of
//! the alphabet, the first two letters swapped, the first letter dropped) is "found" when the
//! fragment holding the word's stem group is one of those two fragments. The cost of a fix that
//! also reads every fragment a first-letter typo could come from (the 26 words with another first
//! letter, and the word without its first letter) is the number and size of those fragments.

use std::collections::BTreeSet;

use search::build_index;
use search::format::{Fragment, Meta};
use search::stem::stem;

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

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let files = build_index(&synthetic_docs(count));
    let meta_bytes = &files.iter().find(|(p, _)| p == "meta.bin").expect("meta").1;
    let meta = Meta::decode(meta_bytes).expect("meta decodes");
    let mut sizes = vec![0usize; meta.fragment_starts.len()];
    let mut words: Vec<String> = Vec::new();
    for (path, bytes) in &files {
        let Some(i) = path
            .strip_prefix("t/")
            .and_then(|p| p.strip_suffix(".bin"))
            .and_then(|n| n.parse::<usize>().ok())
        else {
            continue;
        };
        sizes[i] = bytes.len();
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
    let step = (words.len() / 2000).max(1);
    let sample: Vec<&String> = words.iter().step_by(step).collect();
    let found = |word: &str, typo: &str| {
        let home = meta.fragment_of(&stem(word));
        home == meta.fragment_of(typo) || home == meta.fragment_of(&stem(typo))
    };
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
        "{count} documents, {} fragments, {} words of 5+ letters, {} sampled",
        sizes.len(),
        words.len(),
        sample.len()
    );
    for (name, typo) in &kinds {
        let hits = sample
            .iter()
            .filter(|w| {
                let t = typo(w);
                t != w.as_str() && found(w, &t)
            })
            .count();
        println!(
            "  {name:<24} found {:5.1}%",
            100.0 * hits as f64 / sample.len() as f64
        );
    }
    // The fix's cost: the fragments of every word a first-letter typo of `typo` could be.
    let mut extra_counts: Vec<usize> = Vec::new();
    let mut extra_bytes: Vec<usize> = Vec::new();
    for w in &sample {
        let typo = replace_at(w, 0);
        let own: BTreeSet<usize> = [meta.fragment_of(&typo), meta.fragment_of(&stem(&typo))].into();
        let mut more: BTreeSet<usize> = BTreeSet::new();
        let rest = &typo[1..];
        for c in 'a'..='z' {
            let candidate = format!("{c}{rest}");
            more.insert(meta.fragment_of(&candidate));
            more.insert(meta.fragment_of(&stem(&candidate)));
        }
        more.insert(meta.fragment_of(rest));
        let more: Vec<usize> = more.difference(&own).copied().collect();
        extra_counts.push(more.len());
        extra_bytes.push(more.iter().map(|&i| sizes[i]).sum());
    }
    extra_counts.sort_unstable();
    extra_bytes.sort_unstable();
    let median = |v: &[usize]| v[v.len() / 2];
    println!(
        "  reading every first-letter neighbour: {} more fragments, {:.0} KB raw (median; max {} / {:.0} KB)",
        median(&extra_counts),
        median(&extra_bytes) as f64 / 1000.0,
        extra_counts.last().unwrap_or(&0),
        *extra_bytes.last().unwrap_or(&0) as f64 / 1000.0
    );
}
