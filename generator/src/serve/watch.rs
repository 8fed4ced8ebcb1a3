//! Watching `content/` and `themes/` with notify; the main loop gathers the events of one save.
//!
//! A folder that appears (`git stash pop`, or moved back in whole) is reported with every file
//! in it: the files were written before the watcher could watch the new folder, or were moved in
//! with it, and give no events of their own.

use super::Message;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

/// The folders whose files the build reads.
pub(crate) const WATCHED: &[&str] = &["content", "themes"];

/// Starts watching; events go to `tx` until the returned watcher is dropped.
pub(crate) fn start(root: &Path, tx: Sender<Message>) -> notify::Result<RecommendedWatcher> {
    let mut watcher =
        notify::recommended_watcher(move |result: notify::Result<notify::Event>| match result {
            Ok(event) if changes_files(&event.kind) && !event.paths.is_empty() => {
                let paths = if may_add_folder(&event.kind) {
                    with_files_of_folders(event.paths)
                } else {
                    event.paths
                };
                let _ = tx.send(Message::Changed(paths));
            }
            Ok(_) => {}
            Err(e) => {
                let _ = tx.send(Message::WatchError(e.to_string()));
            }
        })?;
    for dir in WATCHED {
        let path = root.join(dir);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok(watcher)
}

/// Opening and reading files (the build's own reads among them) change nothing; closing a file
/// written to and every create, modify, rename or remove may.
fn changes_files(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Events that can bring a folder with files into the tree.
fn may_add_folder(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_) | ModifyKind::Any)
    )
}

/// Most files reported for folders that appeared in one event: far more than `content/` holds.
const MAX_FOLDER_FILES: usize = 100_000;

/// The paths, and for each that is a folder now, the files under it (symbolic links are not
/// followed; the build decides what it reads).
fn with_files_of_folders(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        if path.is_dir() {
            let files = walkdir::WalkDir::new(&path)
                .min_depth(1)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| !e.file_type().is_dir())
                .map(walkdir::DirEntry::into_path)
                .take(MAX_FOLDER_FILES);
            out.extend(files);
        }
        out.push(path);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::CreateKind;

    #[test]
    fn a_folder_that_appears_brings_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("medisch");
        std::fs::create_dir_all(folder.join("sub")).unwrap();
        std::fs::write(folder.join("a.md"), "a").unwrap();
        std::fs::write(folder.join("sub/b.md"), "b").unwrap();
        let file = dir.path().join("los.md");
        std::fs::write(&file, "c").unwrap();
        let mut paths = with_files_of_folders(vec![folder.clone(), file.clone()]);
        paths.sort();
        assert_eq!(
            paths,
            vec![
                file,
                folder.clone(),
                folder.join("a.md"),
                folder.join("sub/b.md")
            ]
        );
        assert!(may_add_folder(&EventKind::Create(CreateKind::Folder)));
        assert!(may_add_folder(&EventKind::Modify(ModifyKind::Name(
            notify::event::RenameMode::To
        ))));
        assert!(!may_add_folder(&EventKind::Modify(ModifyKind::Data(
            notify::event::DataChange::Content
        ))));
    }

    #[test]
    fn reads_are_not_changes() {
        assert!(!changes_files(&EventKind::Access(AccessKind::Open(
            AccessMode::Read
        ))));
        assert!(changes_files(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(changes_files(&EventKind::Modify(ModifyKind::Any)));
        assert!(changes_files(&EventKind::Create(CreateKind::File)));
    }
}
