//! Watching `content/` and `themes/` with notify; the main loop gathers the events of one save.

use super::Message;
use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc::Sender;

/// The folders whose files the build reads.
pub(crate) const WATCHED: &[&str] = &["content", "themes"];

/// Starts watching; events go to `tx` until the returned watcher is dropped.
pub(crate) fn start(root: &Path, tx: Sender<Message>) -> notify::Result<RecommendedWatcher> {
    let mut watcher =
        notify::recommended_watcher(move |result: notify::Result<notify::Event>| match result {
            Ok(event) if changes_files(&event.kind) && !event.paths.is_empty() => {
                let _ = tx.send(Message::Changed(event.paths));
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

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind};

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
