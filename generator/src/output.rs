//! Writing the built site: into a fresh folder beside the target, then swapped in, so a failed
//! build leaves the previous output as it was and no stale file survives.

use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use crate::render::{OutputFile, Sink};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Refuses output folders whose replacement would destroy the project (`--out .`, `--out content`).
pub fn check_out_dir(root: &Path, out: &Path) -> Result<(), String> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, out) = (abs(root), abs(out));
    let norm = |p: &Path| -> PathBuf { p.components().collect() };
    let (root, out) = (norm(&root), norm(&out));
    if root.starts_with(&out) {
        return Err(format!(
            "the output folder `{}` contains the project itself; choose a folder such as `public`",
            out.display()
        ));
    }
    for protected in ["content", "themes", "generator", ".git"] {
        if out.starts_with(root.join(protected)) {
            return Err(format!(
                "the output folder `{}` is inside `{protected}/`; choose a folder such as `public`",
                out.display()
            ));
        }
    }
    if out.exists() && !out.is_dir() {
        return Err(format!("`{}` exists and is not a folder", out.display()));
    }
    Ok(())
}

/// Writes `files` as the complete new content of `out`.
pub fn write_atomically(out: &Path, files: &[OutputFile]) -> io::Result<()> {
    let staging = Staging::begin(out)?;
    files.par_iter().try_for_each(|f| staging.write(f))?;
    staging.commit()
}

/// A new output folder being filled beside the target (`.public.new-PID` for `public`): swapped
/// in by [`Staging::commit`]; removed, leaving the target as it was, when dropped uncommitted.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    previous: PathBuf,
    committed: bool,
    /// Folders (relative to `dir`) known to exist: each is made once, not once per file in it.
    /// On a slow disk a `mkdir` of an existing folder costs as much as writing a small file.
    made: Mutex<HashSet<PathBuf>>,
}

impl Staging {
    pub fn begin(out: &Path) -> io::Result<Staging> {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        remove_leftovers(&parent, &name);
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.new-{pid}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            previous: parent.join(format!(".{name}.old-{pid}")),
            committed: false,
            made: Mutex::new(HashSet::new()),
        })
    }

    /// Writes one file into the new folder (safe to call from several threads at once).
    pub fn write(&self, file: &OutputFile) -> io::Result<()> {
        if let Some(parent) = Path::new(&file.path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            let known = self.made.lock().is_ok_and(|made| made.contains(parent));
            if !known {
                std::fs::create_dir_all(self.dir.join(parent))?;
                if let Ok(mut made) = self.made.lock() {
                    made.insert(parent.to_path_buf());
                }
            }
        }
        std::fs::write(self.dir.join(&file.path), &file.bytes)
    }

    /// Puts the new folder in the target's place.
    pub fn commit(mut self) -> io::Result<()> {
        swap_in(&self.dir, &self.out, &self.previous)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.write(&file).map_err(|e| {
            Diagnostic::error(
                Code::CannotWrite,
                self.out.join(&file.path).to_string_lossy().into_owned(),
                format!("cannot write the file: {e}"),
            )
            .hint("check that the output folder's disk has room and that you may write there")
        })
    }
}

/// Removes the half-written folders (`.public.new-PID`, `.public.old-PID`) of earlier builds that
/// were killed before they could clean up (Ctrl-C, a power cut), when their process is gone.
/// A build still running keeps its folder: on Linux its process is looked up in `/proc`; where
/// there is no `/proc`, nothing is removed.
fn remove_leftovers(parent: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let ours = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = leftover_pid(&file_name.to_string_lossy(), name) else {
            continue;
        };
        if pid != ours && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The process id in a staging folder's name, `.NAME.new-PID` or `.NAME.old-PID`.
fn leftover_pid(file_name: &str, name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_prefix(name)?;
    let pid = rest
        .strip_prefix(".new-")
        .or_else(|| rest.strip_prefix(".old-"))?;
    pid.parse().ok()
}

fn swap_in(staging: &Path, out: &Path, previous: &Path) -> io::Result<()> {
    if out.exists() {
        let _ = std::fs::remove_dir_all(previous);
        std::fs::rename(out, previous)?;
        if let Err(e) = std::fs::rename(staging, out) {
            // Put the old output back rather than leave nothing.
            let _ = std::fs::rename(previous, out);
            return Err(e);
        }
        // The old tree is gone from view; removing it may take a moment for big sites.
        let _ = std::fs::remove_dir_all(previous);
        Ok(())
    } else {
        std::fs::rename(staging, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_output_and_drops_stale_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_atomically(
            &out,
            &[file("index.html", "een"), file("oud/index.html", "weg")],
        )
        .unwrap();
        write_atomically(&out, &[file("index.html", "twee"), file("a/b/c.txt", "c")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "twee"
        );
        assert!(!out.join("oud").exists());
        assert_eq!(std::fs::read_to_string(out.join("a/b/c.txt")).unwrap(), "c");
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn removes_what_a_killed_build_left_behind_but_not_a_running_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        // A pid far above any pid_max is a process that cannot be running.
        let dead = tmp.path().join(".public.new-4999999");
        std::fs::create_dir_all(dead.join("praktijken")).unwrap();
        std::fs::create_dir_all(tmp.path().join(".public.old-4999998")).unwrap();
        // Our parent process is running: its folder stays.
        let parent_pid = std::fs::read_to_string("/proc/self/stat")
            .ok()
            .and_then(|s| {
                s.rsplit(')')
                    .next()?
                    .split_whitespace()
                    .nth(1)?
                    .parse::<u32>()
                    .ok()
            });
        let running = parent_pid.map(|pid| tmp.path().join(format!(".public.new-{pid}")));
        if let Some(r) = &running {
            std::fs::create_dir_all(r).unwrap();
        }
        let other = tmp.path().join(".andere.new-4999999");
        std::fs::create_dir_all(&other).unwrap();

        write_atomically(&out, &[file("index.html", "een")]).unwrap();

        assert!(!dead.exists());
        assert!(!tmp.path().join(".public.old-4999998").exists());
        assert!(
            other.exists(),
            "another output folder's staging is not ours to remove"
        );
        if let Some(r) = running {
            assert!(r.exists(), "a running build's folder must stay");
        }
    }

    #[test]
    fn reads_the_pid_of_staging_folders_only() {
        assert_eq!(leftover_pid(".public.new-123", "public"), Some(123));
        assert_eq!(leftover_pid(".public.old-9", "public"), Some(9));
        assert_eq!(leftover_pid(".public.new-x", "public"), None);
        assert_eq!(leftover_pid(".publicx.new-1", "public"), None);
        assert_eq!(leftover_pid("public", "public"), None);
    }

    #[test]
    fn refuses_to_replace_the_project() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(check_out_dir(tmp.path(), tmp.path()).is_err());
        assert!(check_out_dir(&tmp.path().join("sub"), tmp.path()).is_err());
        assert!(check_out_dir(tmp.path(), &tmp.path().join("content")).is_err());
        assert!(check_out_dir(tmp.path(), &tmp.path().join("public")).is_ok());
    }
}
