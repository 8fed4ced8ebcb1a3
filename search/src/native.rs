//! Answering a query from an index directory on disk.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::codec::DecodeError;
use crate::format::META_FILE;
use crate::searcher::{Filters, Results, Searcher};

/// Why an index on disk could not answer.
#[derive(Debug)]
pub enum SearchError {
    /// `meta.bin` is not there: the site was not built (yet).
    MissingIndex {
        dir: PathBuf,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Corrupt {
        path: PathBuf,
        source: DecodeError,
    },
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SearchError::MissingIndex { dir } => {
                write!(f, "no search index in {}", dir.display())
            }
            SearchError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            SearchError::Corrupt { path, source } => {
                write!(f, "{}: damaged search index: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for SearchError {}

/// The most rounds of fetching: words, compound parts, documents, and slack.
const MAX_ROUNDS: usize = 6;

/// Loads what `query` needs from the index in `dir` (the folder with
/// `meta.bin`) and answers it, as the search page would.
pub fn search_dir(
    dir: &Path,
    query: &str,
    filters: &Filters,
    limit: usize,
) -> Result<Results, SearchError> {
    let meta_path = dir.join(META_FILE);
    let meta = match std::fs::read(&meta_path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SearchError::MissingIndex {
                dir: dir.to_path_buf(),
            })
        }
        Err(source) => {
            return Err(SearchError::Io {
                path: meta_path,
                source,
            })
        }
    };
    let mut searcher = Searcher::new(&meta).map_err(|source| SearchError::Corrupt {
        path: meta_path.clone(),
        source,
    })?;
    for _ in 0..MAX_ROUNDS {
        let needed = searcher.needed_files(query, filters, limit);
        if needed.is_empty() {
            break;
        }
        for rel in needed {
            let path = dir.join(&rel);
            let bytes = std::fs::read(&path).map_err(|source| SearchError::Io {
                path: path.clone(),
                source,
            })?;
            searcher
                .add_file(&rel, &bytes)
                .map_err(|source| SearchError::Corrupt { path, source })?;
        }
    }
    Ok(searcher.search(query, filters, limit))
}
