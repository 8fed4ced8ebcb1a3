//! What a build was made from, in one hash: every file under `content/` and `themes/` (path and
//! bytes), the `kennisbank` program itself (by its size, times and inode: reading the whole
//! binary cost more than the rest of an unchanged build), the base URL and
//! `SOURCE_DATE_EPOCH`. The build reads
//! nothing else, so when this hash and the output are those of the last build, which found no
//! problem, building again would give the same files and the same (empty) report: it is skipped.
//! A new input of the build must be added here.

use rayon::prelude::*;
use std::path::Path;
use xxhash_rust::xxh3::{xxh3_128, Xxh3};

/// The folders of the project the build reads.
const INPUT_FOLDERS: [&str; 2] = ["content", "themes"];

/// The fingerprint of a build of `root` for `base_url`; `None` when an input cannot be read
/// (then the build runs and reports it).
pub fn of(root: &Path, base_url: &str) -> Option<String> {
    let mut files = Vec::new();
    for folder in INPUT_FOLDERS {
        for entry in walkdir::WalkDir::new(root.join(folder)).sort_by_file_name() {
            let entry = entry.ok()?;
            // Only plain files are read: a link, a FIFO (which would block) or a device makes
            // the build run, and report it.
            if entry.file_type().is_dir() {
                continue;
            }
            if !entry.file_type().is_file() {
                return None;
            }
            files.push(entry.into_path());
        }
    }
    let hashes: Vec<(String, u128)> = files
        .par_iter()
        .map(|path| {
            // A file the build refuses for its size is not read here either.
            let size = std::fs::symlink_metadata(path).ok()?.len();
            if size > crate::content::MAX_FILE_BYTES {
                return None;
            }
            let bytes = std::fs::read(path).ok()?;
            let rel = path.strip_prefix(root).ok()?.to_string_lossy().into_owned();
            Some((rel, xxh3_128(&bytes)))
        })
        .collect::<Option<_>>()?;
    let mut all = Xxh3::new();
    all.update(&file_stamp(&std::env::current_exe().ok()?)?);
    for part in [
        base_url.to_owned(),
        std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default(),
    ] {
        all.update(&(part.len() as u64).to_le_bytes());
        all.update(part.as_bytes());
    }
    for (rel, hash) in hashes {
        all.update(&(rel.len() as u64).to_le_bytes());
        all.update(rel.as_bytes());
        all.update(&hash.to_le_bytes());
    }
    Some(format!("{:032x}", all.digest128()))
}

/// What identifies a file (here the program's) without reading it: its length, the time it was
/// last modified (to the nanosecond) and, on Unix, its device, inode and status-change time
/// (which no one can set back, so a binary copied over with its old times still counts as new).
/// Installing or building a new `kennisbank` changes at least one of them.
fn file_stamp(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::metadata(path).ok()?;
    let changed = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let mut stamp = Vec::with_capacity(40);
    stamp.extend_from_slice(&meta.len().to_le_bytes());
    stamp.extend_from_slice(&changed.as_nanos().to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        stamp.extend_from_slice(&meta.dev().to_le_bytes());
        stamp.extend_from_slice(&meta.ino().to_le_bytes());
        stamp.extend_from_slice(&meta.ctime().to_le_bytes());
        stamp.extend_from_slice(&meta.ctime_nsec().to_le_bytes());
    }
    Some(stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_file_put_in_place_again_has_another_stamp() {
        let tmp = tempfile::tempdir().unwrap();
        let program = tmp.path().join("kennisbank");
        std::fs::write(&program, "versie 1").unwrap();
        let first = file_stamp(&program).unwrap();
        assert_eq!(file_stamp(&program), Some(first.clone()));
        // How `cargo build` and `install` put a new binary in place: a new file, renamed over.
        let new = tmp.path().join("kennisbank.new");
        std::fs::write(&new, "versie 2").unwrap();
        std::fs::rename(&new, &program).unwrap();
        assert_ne!(
            file_stamp(&program).unwrap(),
            first,
            "same length, other file"
        );
        let second = file_stamp(&program).unwrap();
        std::fs::write(&program, "versie 3 langer").unwrap();
        assert_ne!(file_stamp(&program).unwrap(), second, "other length");
        assert_eq!(file_stamp(&tmp.path().join("weg")), None);
    }

    #[test]
    fn changes_with_every_input_and_only_with_them() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("content/praktijken/a")).unwrap();
        std::fs::create_dir_all(root.join("themes/default/static")).unwrap();
        std::fs::write(root.join("content/praktijken/a/x.md"), "x").unwrap();
        std::fs::write(root.join("themes/default/static/s.css"), "s").unwrap();
        let first = of(root, "/").unwrap();
        assert_eq!(of(root, "/"), Some(first.clone()));
        std::fs::create_dir_all(root.join("public")).unwrap();
        std::fs::write(root.join("public/index.html"), "out").unwrap();
        assert_eq!(of(root, "/"), Some(first.clone()), "the output is no input");
        assert_ne!(of(root, "/kb/").unwrap(), first);
        std::fs::write(root.join("themes/default/static/s.css"), "t").unwrap();
        let second = of(root, "/").unwrap();
        assert_ne!(second, first);
        std::fs::rename(
            root.join("content/praktijken/a/x.md"),
            root.join("content/praktijken/a/y.md"),
        )
        .unwrap();
        assert_ne!(of(root, "/").unwrap(), second);
        // A link or a FIFO is never read (a FIFO would block): the build runs and reports it.
        std::os::unix::fs::symlink("/proc/self/environ", root.join("content/env")).unwrap();
        assert_eq!(of(root, "/"), None);
        std::fs::remove_file(root.join("content/env")).unwrap();
        let fifo = root.join("content/fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(of(root, "/"), None);
        }
    }
}
