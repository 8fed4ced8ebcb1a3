//! Which changed paths a partial rebuild can handle, and how.

use crate::content::{practice_entry, PracticeEntry, PRACTICES_DIR};
use crate::model::Content;
use std::path::{Path, PathBuf};

/// How a changed path is handled.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Change {
    /// A practice file: (path shown, category, id).
    Practice(String, String, String),
    /// A file of the theme's `static/` folder: (path below `static/`, file).
    Static(String, PathBuf),
    /// Nothing to do (a file the build does not read).
    Nothing,
    /// Anything else: build everything.
    Whole,
}

/// `path` relative to the project folder `root`, with `/` separators; `None` for a path outside
/// it or a hidden file.
pub(super) fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let rel = rel.to_string_lossy().replace('\\', "/");
    // Hidden files (editors' swap files, `.git`) are not read by the build.
    if rel.is_empty() || rel.split('/').any(|part| part.starts_with('.')) {
        return None;
    }
    Some(rel)
}

/// How the change of `rel` (relative to `root`) is handled, for the content being served.
pub(super) fn classify(root: &Path, content: &Content, rel: &str) -> Change {
    let abs = root.join(rel);
    if let Some(below) = rel.strip_prefix(PRACTICES_DIR) {
        let Some(below) = below.strip_prefix('/') else {
            return if below.is_empty() {
                Change::Nothing
            } else {
                Change::Whole
            };
        };
        let slugs: Vec<&str> = content
            .settings
            .categories
            .iter()
            .map(|c| c.slug.as_str())
            .collect();
        return match practice_entry(below, abs.is_dir(), &slugs) {
            PracticeEntry::CategoryFolder { known: true, .. } => Change::Nothing,
            PracticeEntry::Practice { category, id } => {
                Change::Practice(rel.to_string(), category.to_string(), id.to_string())
            }
            // A file the loader ignores with a warning: rebuild when it is there, so the
            // warning shows; a temporary file that came and went changes nothing.
            PracticeEntry::Ignored if !abs.exists() => Change::Nothing,
            _ => Change::Whole,
        };
    }
    let parts: Vec<&str> = rel.split('/').collect();
    let theme_dir = ["themes", content.settings.theme.as_str()];
    match parts.as_slice() {
        [t, name, "static", rest @ ..] if [*t, *name] == theme_dir && !rest.is_empty() => {
            if abs.is_dir() {
                Change::Whole
            } else {
                Change::Static(rest.join("/"), abs)
            }
        }
        ["themes", name, ..] if *name != theme_dir[1] => Change::Nothing,
        _ => Change::Whole,
    }
}
