//! Measures the index on a synthetic corpus of Dutch-like practices built
//! from the words of the seed list (plus compounds of them), and what a
//! one-word query costs to fetch and to answer.
//!
//! cargo run --release -p search --example synthetic -- [DOCS] [OUT_DIR]
//!
//! Writes the index to OUT_DIR (default /tmp/kennisbank-synthetic) and prints
//! sizes; gzip sizes come from `gzip -9` as a web server would serve them.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use search::{build_index, Filters, Searcher};

#[path = "../tests/common/synthetic.rs"]
mod synthetic;
use synthetic::synthetic_docs;

fn gzip_size(path: &Path) -> u64 {
    let out = Command::new("gzip").arg("-9c").arg(path).output();
    match out {
        Ok(o) => o.stdout.len() as u64,
        Err(_) => 0,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let out = Path::new(
        args.get(2)
            .map(String::as_str)
            .unwrap_or("/tmp/kennisbank-synthetic"),
    );
    let docs = synthetic_docs(count);
    let text_bytes: usize = docs
        .iter()
        .map(|d| d.body.len() + d.summary.len() + d.title.len())
        .sum();

    let t = Instant::now();
    let files = build_index(&docs);
    let build_time = t.elapsed();
    let _ = std::fs::remove_dir_all(out);
    let mut per_kind: BTreeMap<&str, (usize, u64)> = BTreeMap::new();
    for (rel, bytes) in &files {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create index dir");
        }
        std::fs::write(&path, bytes).expect("write index file");
        let kind = if rel.starts_with("t/") {
            "term fragments"
        } else if rel.starts_with("d/") {
            "documents"
        } else {
            rel.as_str()
        };
        let e = per_kind.entry(kind).or_default();
        e.0 += 1;
        e.1 += bytes.len() as u64;
    }
    println!("documents: {count}, text {:.1} MB", text_bytes as f64 / 1e6);
    println!("build_index: {:.2} s", build_time.as_secs_f64());
    for (kind, (n, bytes)) in &per_kind {
        println!("  {kind}: {n} files, {:.1} KB raw", *bytes as f64 / 1024.0);
    }
    let meta_path = out.join("meta.bin");
    println!(
        "meta.bin: {} B raw, {} B gzip; tags.bin: {} B gzip",
        std::fs::metadata(&meta_path).map(|m| m.len()).unwrap_or(0),
        gzip_size(&meta_path),
        gzip_size(&out.join("tags.bin"))
    );

    let meta = std::fs::read(&meta_path).expect("read meta");
    let queries = [
        "vergunninghouders",
        "woningcorporatie",
        "toeslag",
        "verzorgingshuis",
        "kamerverhuur",
        "leegstandswet",
        "huisv",
        "gemeente",
        "coordinator",
        "alleenstaande",
    ];
    println!(
        "one-word first queries (limit 10): files, gzip KB of fragments + documents, native time"
    );
    let mut searcher = Searcher::new(&meta).expect("meta decodes");
    for q in queries {
        let mut fresh = Searcher::new(&meta).expect("meta decodes");
        let (mut frag_gz, mut doc_gz, mut frags, mut docs_n) = (0u64, 0u64, 0, 0);
        for _ in 0..6 {
            let needed = fresh.needed_files(q, &Filters::default(), 10);
            if needed.is_empty() {
                break;
            }
            for rel in needed {
                let path = out.join(&rel);
                let bytes = std::fs::read(&path).expect("read file");
                fresh.add_file(&rel, &bytes).expect("file decodes");
                searcher.add_file(&rel, &bytes).expect("file decodes");
                if rel.starts_with("d/") {
                    docs_n += 1;
                    doc_gz += gzip_size(&path);
                } else {
                    frags += 1;
                    frag_gz += gzip_size(&path);
                }
            }
        }
        let t = Instant::now();
        let rounds = 20;
        let mut total = 0;
        for _ in 0..rounds {
            total = fresh.search(q, &Filters::default(), 10).total;
        }
        let per_query = t.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
        println!(
            "  {q:<18} {frags} fragments {:.1} KB + {docs_n} docs {:.1} KB = {:.1} KB gzip; {total} matches; {per_query:.2} ms",
            frag_gz as f64 / 1024.0,
            doc_gz as f64 / 1024.0,
            (frag_gz + doc_gz) as f64 / 1024.0
        );
    }
    let fragments = per_kind.get("term fragments").map(|k| k.0).unwrap_or(0);
    println!("(of {fragments} fragments in all)");
}
