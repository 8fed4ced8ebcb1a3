//! Runs a list of queries against an index on disk with the native engine
//! and prints the results in the shape `tests/wasm_node.mjs` prints them, so
//! the WebAssembly module can be compared with native code query by query,
//! filters included (`kennisbank search` has no filter options).
//!
//! cargo run -p search --example query_index -- INDEX_DIR QUERIES.json [--limit N]
//!
//! QUERIES.json: an array of strings, or of objects {"q", "category", "tag",
//! "limit"} (other fields are ignored). Output: an array of {"query",
//! "total", "exact_total", "shown", "suggestion", "hits": [{"url","link","title","section","exact","category","score","snippet","more"}],
//! "category_counts", "tag_counts"}.

use std::path::Path;
use std::process::ExitCode;

use search::json::results_json;
use search::{search_dir, Filters};
use serde_json::{json, Value};

fn main() -> ExitCode {
    let mut positional = Vec::new();
    let mut default_limit = 10usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--limit" {
            match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => default_limit = n,
                _ => return usage(),
            }
        } else {
            positional.push(arg);
        }
    }
    let [dir, queries_path] = positional.as_slice() else {
        return usage();
    };
    let queries: Vec<Value> = match std::fs::read_to_string(queries_path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(q) => q,
        Err(e) => {
            eprintln!("error: {queries_path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = Vec::with_capacity(queries.len());
    for entry in &queries {
        let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_string);
        let Some(q) = entry.as_str().map(str::to_string).or_else(|| text("q")) else {
            eprintln!("error: {queries_path}: a query without \"q\": {entry}");
            return ExitCode::from(2);
        };
        let filters = Filters {
            category: text("category").filter(|c| !c.is_empty()),
            tag: text("tag").filter(|t| !t.is_empty()),
        };
        let limit = entry
            .get("limit")
            .and_then(Value::as_u64)
            .map_or(default_limit, |n| n as usize);
        let results = match search_dir(Path::new(dir), &q, &filters, limit) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        // Through the same JSON writer as the WebAssembly module.
        let r: Value = match serde_json::from_str(&results_json(&results)) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("error: results of {q:?} are not JSON: {e}");
                return ExitCode::from(2);
            }
        };
        let hits: Vec<Value> = r["hits"]
            .as_array()
            .map(|hits| {
                hits.iter()
                    .map(|h| {
                        json!({
                            "url": h["url"], "link": h["link"], "title": h["title"],
                            "section": h["section"], "exact": h["exact"],
                            "category": h["category"], "score": h["score"], "snippet": h["snippet"],
                            "more": h["more"],
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push(json!({
            "query": q,
            "total": r["total"],
            "exact_total": r["exact_total"],
            "shown": r["shown"],
            "suggestion": r["suggestion"],
            "hits": hits,
            "category_counts": r["category_counts"],
            "tag_counts": r["tag_counts"],
        }));
    }
    match serde_json::to_string_pretty(&out) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: query_index INDEX_DIR QUERIES.json [--limit N]");
    ExitCode::from(2)
}
