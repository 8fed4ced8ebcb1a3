//! Which changed paths a partial rebuild can handle, and how.

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
    let parts: Vec<&str> = rel.split('/').collect();
    let categories = &content.settings.categories;
    let is_category = |slug: &str| categories.iter().any(|c| c.slug == slug);
    let theme_dir = ["themes", content.settings.theme.as_str()];
    match parts.as_slice() {
        ["content", "praktijken"] => Change::Nothing,
        ["content", "praktijken", category] if is_category(category) && abs.is_dir() => {
            Change::Nothing
        }
        ["content", "praktijken", category, file] if is_category(category) => {
            match file.strip_suffix(".md") {
                Some(id) if !abs.is_dir() => {
                    Change::Practice(rel.to_string(), category.to_string(), id.to_string())
                }
                // A file the loader ignores with a warning: rebuild when it is there, so the
                // warning shows; a temporary file that came and went changes nothing.
                _ if abs.exists() => Change::Whole,
                _ => Change::Nothing,
            }
        }
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
