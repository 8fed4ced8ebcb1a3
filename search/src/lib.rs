//! Dutch full-text search for the kennisbank.
//!
//! One implementation of normalisation, indexing and query evaluation: the
//! generator calls [`build_index`] at build time, the search page runs the
//! same [`Searcher`] compiled to WebAssembly (`src/wasm.rs`), and the CLI
//! calls [`search_dir`]. See `README.md` for the file format and the limits.

pub mod answer;
pub mod build_stamp;
pub mod codec;
pub mod compound;
pub mod format;
pub mod index;
pub mod json;
pub mod normalize;
pub mod searcher;
pub mod snippet;
pub mod stem;
pub mod whole;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use codec::DecodeError;
pub use index::{
    build_index, build_index_with_synonyms, build_site_index, normalize_synonyms, Document,
};
#[cfg(not(target_arch = "wasm32"))]
pub use native::{search_dir, SearchError};
pub use searcher::{Filters, Hit, Results, Searcher};
