//! The WebAssembly face of the searcher: thin glue, all logic is in the core.

use wasm_bindgen::prelude::*;

use crate::json::{meta_json, results_json};
use crate::searcher::{Filters, Searcher};

fn filters(category: Option<String>, tag: Option<String>) -> Filters {
    Filters {
        category: category.filter(|c| !c.is_empty()),
        tag: tag.filter(|t| !t.is_empty()),
    }
}

/// A search index in the browser. Usage: `new SearchIndex(metaBytes)`, then
/// loop `needed(q, cat, tag, limit)` (newline-separated relative paths) →
/// fetch each → `addFile(path, bytes)` until it returns "", then
/// `search(q, cat, tag, limit)` (JSON text).
#[wasm_bindgen]
pub struct SearchIndex {
    inner: Searcher,
}

#[wasm_bindgen]
impl SearchIndex {
    #[wasm_bindgen(constructor)]
    pub fn new(meta: &[u8]) -> Result<SearchIndex, JsValue> {
        Searcher::new(meta)
            .map(|inner| SearchIndex { inner })
            .map_err(|e| JsValue::from_str(&e.message))
    }

    /// Categories and tags with their document counts, as JSON text.
    pub fn meta(&self) -> String {
        meta_json(self.inner.meta())
    }

    pub fn needed(
        &self,
        query: &str,
        category: Option<String>,
        tag: Option<String>,
        limit: usize,
    ) -> String {
        self.inner
            .needed_files(query, &filters(category, tag), limit)
            .join("\n")
    }

    /// The index files `query` needs, without its documents (see
    /// `Searcher::needed_index_files`), one per line.
    #[wasm_bindgen(js_name = neededIndex)]
    pub fn needed_index(&self, query: &str) -> String {
        self.inner.needed_index_files(query).join("\n")
    }

    /// Adds a fetched file: `true`; `false` when it is whole but from another build of the
    /// index than the `meta.bin` this index was made from (the site was deployed again: fetch
    /// `meta.bin` anew); throws when it cannot be read.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(&mut self, path: &str, bytes: &[u8]) -> Result<bool, JsValue> {
        match self.inner.add_file(path, bytes) {
            Ok(()) => Ok(true),
            Err(e) if e.is_other_build() => Ok(false),
            Err(e) => Err(JsValue::from_str(&e.message)),
        }
    }

    /// Where to fetch `path`, relative to the index folder: with this build's stamp (`?v=`),
    /// so that a browser's cache never hands a file of one build to a page reading another.
    #[wasm_bindgen(js_name = fileUrl)]
    pub fn file_url(&self, path: &str) -> String {
        format!("{path}?v={}", self.inner.build_stamp())
    }

    pub fn search(
        &self,
        query: &str,
        category: Option<String>,
        tag: Option<String>,
        limit: usize,
    ) -> String {
        results_json(&self.inner.search(query, &filters(category, tag), limit))
    }
}
