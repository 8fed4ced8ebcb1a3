//! Watching `content/` and `themes/` with notify; the main loop gathers the events of one save.
//!
//! A folder that appears (`git stash pop`, or moved back in whole) is reported with every file
//! in it: the files were written before the watcher could watch the new folder, or were moved in
//! with it, and give no events of their own. When `content/` or `themes/` itself is removed and
//! made again (`git checkout`, `git stash`), it is watched again.

use super::Message;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

/// The folders whose files the build reads.
pub(crate) const WATCHED: &[&str] = &["content", "themes"];

/// The watcher, and which of the [`WATCHED`] folders it watches now.
pub(crate) struct Watch {
    watcher: RecommendedWatcher,
    root: PathBuf,
    /// The watched folders, each with the identity of the folder watched, so that a folder
    /// removed and made again (`git checkout`, `git stash`) is watched again.
    watching: Vec<(PathBuf, Option<FolderId>)>,
}

/// What tells a folder from another of the same name: its device and inode on Unix.
type FolderId = (u64, u64);

fn folder_id(path: &Path) -> Option<FolderId> {
    let meta = std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0))
    }
}

/// What went wrong with watching, in words of the catalogue.
pub(crate) fn detail(e: &notify::Error) -> crate::messages::Message {
    match &e.kind {
        notify::ErrorKind::Io(io) => crate::messages::io_detail(io),
        notify::ErrorKind::PathNotFound => crate::msg!("io-not-found"),
        notify::ErrorKind::MaxFilesWatch => crate::msg!("serve-watch-limit"),
        _ => crate::messages::Message::raw(e.to_string()),
    }
}

/// Starts watching; events go to `tx` until the returned watcher is dropped. The project
/// folder itself is watched too (not its subfolders), to see `content/` or `themes/` come back
/// after they were removed: [`Watch::refresh`] then watches them again.
pub(crate) fn start(root: &Path, tx: Sender<Message>) -> notify::Result<Watch> {
    let roots: Vec<PathBuf> = WATCHED.iter().map(|d| root.join(d)).collect();
    let watcher =
        notify::recommended_watcher(move |result: notify::Result<notify::Event>| match result {
            Ok(event) if changes_files(&event.kind) && !event.paths.is_empty() => {
                // From the project folder's own watch, only what happens to the watched folders.
                let paths: Vec<PathBuf> = event
                    .paths
                    .into_iter()
                    .filter(|p| roots.iter().any(|r| p.starts_with(r)))
                    .collect();
                if paths.is_empty() {
                    return;
                }
                let paths = if may_add_folder(&event.kind) {
                    with_files_of_folders(paths)
                } else {
                    paths
                };
                let _ = tx.send(Message::Changed(paths));
            }
            Ok(_) => {}
            Err(e) => {
                let _ = tx.send(Message::WatchError(detail(&e)));
            }
        })?;
    let mut watch = Watch {
        watcher,
        root: root.to_path_buf(),
        watching: Vec::new(),
    };
    watch.watcher.watch(root, RecursiveMode::NonRecursive)?;
    watch.refresh()?;
    Ok(watch)
}

impl Watch {
    /// Watches each of the [`WATCHED`] folders that exists and is not watched yet, or was
    /// removed and made again since it was watched.
    pub(crate) fn refresh(&mut self) -> notify::Result<()> {
        for dir in WATCHED {
            let path = self.root.join(dir);
            let id = folder_id(&path);
            let known = self.watching.iter().position(|(p, _)| *p == path);
            if let Some(i) = known {
                if self.watching[i].1 == id {
                    continue;
                }
                // Gone, or another folder now: the old watch ended with the folder it watched.
                let _ = self.watcher.unwatch(&path);
                self.watching.remove(i);
            }
            if id.is_some() {
                self.watcher.watch(&path, RecursiveMode::Recursive)?;
                self.watching.push((path, id));
            }
        }
        Ok(())
    }

    /// Whether a change to `paths` may have removed or brought back a watched folder.
    pub(crate) fn touches_watched_folder(&self, paths: &[PathBuf]) -> bool {
        paths.iter().any(|p| {
            WATCHED
                .iter()
                .any(|d| p.as_path() == self.root.join(d).as_path())
        })
    }
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
