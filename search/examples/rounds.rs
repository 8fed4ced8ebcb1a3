//! The rounds of fetching a query costs, as the search page runs it: per round the files asked
//! for, and what HTTP/1.1 with six connections per host makes of them (waves of six requests,
//! each about one round trip). Cold: a fresh searcher (meta loaded); warm: after `--warmup`.
//! "In vain": documents the cold query fetched that are not among its hits.
//!
//! With `--bundle K`, also what documents in bundles of K consecutive ids (one file per bundle
//! instead of one per document) would cost the cold query: the bundles its documents fall in,
//! their raw bytes, and the index's file count for documents.
//!
//! cargo run --release -p search --example rounds -- INDEX_DIR [--warmup gemeente] [--limit 10] [--bundle K] QUERY...

use std::collections::HashSet;
use std::path::Path;

use search::{Filters, Searcher};

/// Requests a browser sends at once to one host over HTTP/1.1.
const CONNECTIONS: usize = 6;

/// Runs `query` to the end; per round the files fetched (files in `have` are not fetched again).
fn run(
    dir: &Path,
    searcher: &mut Searcher,
    have: &mut HashSet<String>,
    query: &str,
    limit: usize,
) -> Vec<Vec<(String, usize)>> {
    let filters = Filters::default();
    let mut rounds = Vec::new();
    for _ in 0..8 {
        let needed = searcher.needed_files(query, &filters, limit);
        if needed.is_empty() {
            break;
        }
        let mut round = Vec::new();
        for path in needed {
            let bytes = std::fs::read(dir.join(&path)).expect("index file");
            searcher.add_file(&path, &bytes).expect("decodes");
            if have.insert(path.clone()) {
                round.push((path, bytes.len()));
            }
        }
        rounds.push(round);
    }
    rounds
}

fn describe(rounds: &[Vec<(String, usize)>]) -> String {
    let waves: usize = rounds.iter().map(|r| r.len().div_ceil(CONNECTIONS)).sum();
    let files: usize = rounds.iter().map(Vec::len).sum();
    let bytes: usize = rounds.iter().flatten().map(|(_, b)| b).sum();
    let per_round: Vec<String> = rounds
        .iter()
        .map(|r| {
            let docs = r.iter().filter(|(p, _)| p.starts_with("d/")).count();
            format!("{}+{}d", r.len() - docs, docs)
        })
        .collect();
    format!(
        "{} rounds [{}], {waves} waves, {files} files, {:.1} KB raw",
        rounds.len(),
        per_round.join(" "),
        bytes as f64 / 1000.0
    )
}

/// Waves until the documents of the first page are in: the rounds up to the last one with
/// documents; with `defer`, that round's other files (fragments of compound parts) counted
/// after it.
fn first_page_waves(rounds: &[Vec<(String, usize)>], defer: bool) -> usize {
    let Some(last) = rounds
        .iter()
        .rposition(|r| r.iter().any(|(p, _)| p.starts_with("d/")))
    else {
        return rounds.iter().map(|r| r.len().div_ceil(CONNECTIONS)).sum();
    };
    let before: usize = rounds[..last]
        .iter()
        .map(|r| r.len().div_ceil(CONNECTIONS))
        .sum();
    let files = if defer {
        rounds[last]
            .iter()
            .filter(|(p, _)| p.starts_with("d/"))
            .count()
    } else {
        rounds[last].len()
    };
    before + files.div_ceil(CONNECTIONS)
}

/// The documents of `rounds` as bundles of `k` consecutive ids would fetch them.
fn bundled(dir: &Path, rounds: &[Vec<(String, usize)>], k: usize, docs: u32) -> String {
    let ids: Vec<usize> = rounds
        .iter()
        .flatten()
        .filter_map(|(p, _)| p.strip_prefix("d/")?.strip_suffix(".bin")?.parse().ok())
        .collect();
    let alone: usize = rounds
        .iter()
        .flatten()
        .filter(|(p, _)| p.starts_with("d/"))
        .map(|(_, b)| b)
        .sum();
    let mut blocks: Vec<usize> = ids.iter().map(|id| id / k).collect();
    blocks.sort_unstable();
    blocks.dedup();
    let mut bytes = 0;
    for b in &blocks {
        for id in b * k..((b + 1) * k).min(docs as usize) {
            bytes +=
                std::fs::metadata(dir.join(format!("d/{id}.bin"))).map_or(0, |m| m.len() as usize);
        }
    }
    format!(
        "bundles of {k}: {} documents in {} bundle files, {:.1} KB raw (one file each: {:.1} KB); {} document files in the index (one each: {docs})",
        ids.len(),
        blocks.len(),
        bytes as f64 / 1000.0,
        alone as f64 / 1000.0,
        (docs as usize).div_ceil(k)
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("INDEX_DIR");
    let dir = Path::new(&dir);
    let (mut warmup, mut limit, mut queries) = ("gemeente".to_string(), 10usize, Vec::new());
    let mut bundle = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--warmup" => warmup = args.next().expect("--warmup WORD"),
            "--limit" => limit = args.next().and_then(|n| n.parse().ok()).expect("--limit N"),
            "--bundle" => {
                bundle = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--bundle K")
            }
            _ => queries.push(a),
        }
    }
    let meta = std::fs::read(dir.join("meta.bin")).expect("meta.bin");
    for q in &queries {
        let mut s = Searcher::new(&meta).expect("meta decodes");
        let cold = run(dir, &mut s, &mut HashSet::new(), q, limit);
        let result = s.search(q, &Filters::default(), limit);
        let shown = result.hits.len();
        let fetched = cold
            .iter()
            .flatten()
            .filter(|(p, _)| p.starts_with("d/"))
            .count();
        let mut s = Searcher::new(&meta).expect("meta decodes");
        let mut have = HashSet::new();
        run(dir, &mut s, &mut have, &warmup, limit);
        let warm = run(dir, &mut s, &mut have, q, limit);
        println!(
            "{q:?}\n  cold: {}, {} in vain\n  warm: {}",
            describe(&cold),
            fetched.saturating_sub(shown),
            describe(&warm)
        );
        let settled = result.exact_total >= limit && fetched == shown;
        println!(
            "  first page, warm: {} waves; {}",
            first_page_waves(&warm, false),
            if settled {
                format!(
                    "{} if the fragments beside its documents waited until after it ({} exact matches)",
                    first_page_waves(&warm, true),
                    result.exact_total
                )
            } else {
                "the fragments beside its documents are needed for it".to_string()
            }
        );
        if bundle > 0 {
            println!("  {}", bundled(dir, &cold, bundle, s.meta().doc_count));
        }
    }
}
