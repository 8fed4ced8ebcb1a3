//! The files `serve` serves, updated by the steps a rebuild publishes, and the URLs of the pages
//! a step changed (for the browsers showing them).

use crate::rebuild::{Step, StepKind};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The URL paths of the pages whose files `changed` (as [`SiteFiles::apply`] returns them), for
/// the browsers showing them; `*` when a style sheet or script changed, which every page uses.
pub fn reload_urls(changed: &[String]) -> Vec<String> {
    if changed
        .iter()
        .any(|p| p.ends_with(".css") || p.ends_with(".js"))
    {
        return vec!["*".into()];
    }
    changed
        .iter()
        .filter(|p| p.ends_with(".html"))
        .map(|p| url_of(p))
        .collect()
}

/// The URL path a browser shows for an output path: `praktijken/x/index.html` → `/praktijken/x/`.
pub fn url_of(path: &str) -> String {
    match path.strip_suffix("index.html") {
        Some(dir) => format!("/{dir}"),
        None => format!("/{path}"),
    }
}

/// The files being served, updated step by step.
#[derive(Default, Clone)]
pub struct SiteFiles {
    files: HashMap<String, Arc<Vec<u8>>>,
}

impl SiteFiles {
    /// Serves the files of `step`; returns the paths whose bytes changed (added, replaced by
    /// other bytes, or removed), so that only pages that really changed are reloaded.
    pub fn apply(&mut self, step: Step) -> Vec<String> {
        let mut changed = Vec::new();
        if step.kind == StepKind::Full {
            let kept: HashSet<&str> = step.files.iter().map(|f| f.path.as_str()).collect();
            self.files.retain(|path, _| {
                let keep = kept.contains(path.as_str());
                if !keep {
                    changed.push(path.clone());
                }
                keep
            });
        }
        for path in step.removed {
            if self.files.remove(&path).is_some() {
                changed.push(path);
            }
        }
        for f in step.files {
            if self.files.get(&f.path).is_some_and(|old| **old == f.bytes) {
                continue;
            }
            changed.push(f.path.clone());
            self.files.insert(f.path, Arc::new(f.bytes));
        }
        changed.sort();
        changed
    }

    pub fn get(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        self.files.get(path).cloned()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every file, sorted by path (for tests and comparisons).
    pub fn sorted(&self) -> Vec<(&str, &[u8])> {
        let mut all: Vec<(&str, &[u8])> = self
            .files
            .iter()
            .map(|(p, b)| (p.as_str(), b.as_slice()))
            .collect();
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::OutputFile;

    #[test]
    fn only_changed_files_are_reported_and_style_sheets_reload_every_page() {
        let file = |path: &str, text: &str| OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        };
        let mut site = SiteFiles::default();
        let step = |kind, files| Step {
            kind,
            files,
            removed: Vec::new(),
        };
        site.apply(step(
            StepKind::Full,
            vec![file("index.html", "a"), file("x/index.html", "b")],
        ));
        let changed = site.apply(step(
            StepKind::Rest,
            vec![file("index.html", "a"), file("x/index.html", "c")],
        ));
        assert_eq!(changed, ["x/index.html"]);
        assert_eq!(reload_urls(&changed), ["/x/"]);
        let changed = site.apply(step(StepKind::Full, vec![file("index.html", "a")]));
        assert_eq!(
            changed,
            ["x/index.html"],
            "a whole build removes what it lacks"
        );
        let changed = site.apply(step(StepKind::Static, vec![file("static/s.css", "d")]));
        assert_eq!(reload_urls(&changed), ["*"]);
    }

    #[test]
    fn urls_of_output_paths() {
        assert_eq!(url_of("index.html"), "/");
        assert_eq!(url_of("praktijken/a/b/index.html"), "/praktijken/a/b/");
        assert_eq!(url_of("404.html"), "/404.html");
    }
}
