//! Builds a search index from a JSON array of documents (the fields of
//! `search::Document`) and writes it to a folder, for trying the engine
//! without the generator.
//!
//! cargo run -p search --example index_json -- DOCS.json OUT_DIR

use std::process::ExitCode;

use search::{build_index, Document};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [docs_path, out] = args.as_slice() else {
        eprintln!("usage: index_json DOCS.json OUT_DIR");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(docs_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {docs_path}: {e}");
            return ExitCode::from(2);
        }
    };
    let docs: Vec<Document> = match serde_json::from_str(&text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {docs_path}: {e}");
            return ExitCode::from(2);
        }
    };
    let out = std::path::Path::new(out);
    for (rel, bytes) in build_index(&docs) {
        let path = out.join(rel);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, bytes));
        if let Err(e) = written {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    eprintln!("indexed {} documents into {}", docs.len(), out.display());
    ExitCode::SUCCESS
}
