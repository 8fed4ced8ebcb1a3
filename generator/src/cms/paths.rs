//! Which files the CMS may touch: only those below `content/`, named by a plain relative path,
//! and never through a symbolic link that leads out of it.

use std::path::{Component, Path, PathBuf};

/// The folder the CMS is confined to, relative to the project root.
pub const CONTENT: &str = "content";

/// Resolves `rel` (as the CMS sends it, such as `content/praktijken/algemeen/x.md`) below
/// `root`. The file itself need not exist. `Err` is a Dutch sentence saying why it is refused.
pub fn resolve(root: &Path, rel: &str) -> Result<PathBuf, String> {
    let refused = || crate::msg!("cms-path-refused", path = rel).to_string();
    if rel.is_empty() || rel.contains(['\\', '\0']) || rel.starts_with('/') {
        return Err(refused());
    }
    let path = Path::new(rel);
    let mut parts = path.components();
    if parts.next() != Some(Component::Normal(CONTENT.as_ref())) {
        return Err(refused());
    }
    if !parts.all(|c| matches!(c, Component::Normal(_))) || rel.split('/').any(|s| s == "..") {
        return Err(refused());
    }
    let content = root.join(CONTENT).canonicalize().map_err(|e| {
        crate::msg!(
            "cms-content-unreadable",
            detail = crate::messages::io_detail(&e)
        )
        .to_string()
    })?;
    let full = root.join(path);
    // The deepest part that exists decides where the path really goes (a symlink may point out).
    let mut existing = full.as_path();
    let mut missing = Vec::new();
    while std::fs::symlink_metadata(existing).is_err() {
        missing.push(existing.file_name().ok_or_else(refused)?);
        existing = existing.parent().ok_or_else(refused)?;
    }
    let real = existing.canonicalize().map_err(|_| refused())?;
    if !real.starts_with(&content) {
        return Err(refused());
    }
    let mut out = real;
    for part in missing.into_iter().rev() {
        out.push(part);
    }
    Ok(out)
}

/// The path for messages and for the CMS: relative to the root, with `/`.
pub fn shown(root: &Path, path: &Path) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    crate::diagnostics::display_path(&root, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_below_content_are_accepted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/praktijken/a")).unwrap();
        assert!(resolve(dir.path(), "content/praktijken/a/x.md").is_ok());
        assert!(resolve(dir.path(), "content/nieuw/map/x.md").is_ok());
        for bad in [
            "Cargo.toml",
            "/etc/passwd",
            "content/../Cargo.toml",
            "content/praktijken/../../x",
            "./content/x.md",
            "content\\x.md",
            "",
            "contentx/y.md",
        ] {
            let e = resolve(dir.path(), bad).unwrap_err();
            assert!(e.contains("buiten de map content/"), "{bad}: {e}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_out_of_content_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("content/uit")).unwrap();
        assert!(resolve(dir.path(), "content/uit/x.md").is_err());
        std::fs::write(outside.path().join("f.md"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path().join("f.md"), dir.path().join("content/f.md"))
            .unwrap();
        assert!(resolve(dir.path(), "content/f.md").is_err());
    }
}
