//! The pipeline: load → validate → render → (write). `check` runs it without writing.

use crate::diagnostics::Diagnostic;
use crate::model::Content;
use crate::render::{self, normalize_base, OutputFile};
use crate::{assets, content, herverdeling, search_index};
use std::path::Path;

/// The outcome of running the pipeline in memory.
pub struct Built {
    pub content: Option<Content>,
    pub files: Vec<OutputFile>,
    /// Every problem found, errors and warnings, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

impl Built {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads, validates and renders the whole site in memory.
pub fn build_in_memory(root: &Path, base_url: &str) -> Built {
    let base = normalize_base(base_url);
    let (content, mut diagnostics) = content::load(root);
    let theme_name = content
        .as_ref()
        .map(|c| c.settings.theme.clone())
        .unwrap_or_else(|| "default".into());
    let theme = render::theme::load(root, &theme_name);
    let (checker, checker_diags) = herverdeling::load(root);
    diagnostics.extend(checker_diags);
    let mut files = Vec::new();
    match (&content, theme, &checker) {
        (Some(content), Ok(theme), Some(checker)) => {
            let page_data = [("herverdeling.html", "municipalities", checker.page_data())];
            // The pages and the search index do not depend on each other: make them side by side.
            let (pages, index) = rayon::join(
                || render::render_site(content, &theme, &base, &page_data),
                || search_index::files(content, &base),
            );
            match pages {
                Ok(f) => {
                    files = f;
                    files.extend(index);
                    files.extend(checker.files());
                    files.extend(assets::files());
                }
                Err(d) => diagnostics.extend(d),
            }
        }
        (_, Err(d), _) => diagnostics.extend(d),
        _ => {}
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    crate::diagnostics::sort(&mut diagnostics);
    Built {
        content,
        files,
        diagnostics,
    }
}
