//! Hot paths of search: writing the index at build time, and evaluating queries as the
//! WebAssembly module does in the browser (same code, native here).
//!
//! cargo bench -p kennisbank --bench search

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use search::{build_index, Filters, Searcher};
use std::collections::HashMap;
use std::hint::black_box;

fn index_writing(c: &mut Criterion) {
    let mut group = c.benchmark_group("index_writing");
    group.sample_size(10);
    for n in [23, 1000, 10_000] {
        let docs = common::documents(&common::scaled_content(n));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("practices", n), &docs, |b, docs| {
            b.iter(|| black_box(build_index(black_box(docs))))
        });
    }
    group.finish();
}

/// A searcher with every file the query needs loaded, as the browser has after fetching them.
fn loaded_searcher(files: &HashMap<String, Vec<u8>>, query: &str) -> Searcher {
    let meta = &files["meta.bin"];
    let mut searcher = match Searcher::new(meta) {
        Ok(s) => s,
        Err(e) => panic!("the index metadata does not decode: {}", e.message),
    };
    let filters = Filters::default();
    // A query needs at most a few rounds: words, then compound parts, then documents.
    for _ in 0..8 {
        let needed = searcher.needed_files(query, &filters, 10);
        if needed.is_empty() {
            break;
        }
        for path in needed {
            if let Some(bytes) = files.get(&path) {
                if let Err(e) = searcher.add_file(&path, bytes) {
                    panic!("`{path}` does not decode: {}", e.message);
                }
            }
        }
    }
    searcher
}

fn query_evaluation(c: &mut Criterion) {
    let docs = common::documents(&common::scaled_content(10_000));
    let files: HashMap<String, Vec<u8>> = build_index(&docs).into_iter().collect();
    let mut group = c.benchmark_group("query_evaluation_10000_practices");
    for query in [
        "huurtoeslag",
        "leegstand",
        "grote gezinnen",
        "bijzondere bijstand",
    ] {
        let searcher = loaded_searcher(&files, query);
        group.bench_with_input(BenchmarkId::from_parameter(query), query, |b, q| {
            b.iter(|| black_box(searcher.search(black_box(q), &Filters::default(), 10)))
        });
    }
    group.finish();
}

criterion_group!(benches, index_writing, query_evaluation);
criterion_main!(benches);
