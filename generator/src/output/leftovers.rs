//! The staging folders of earlier versions of `build` (`.public.new-PID`, `.public.old-PID`),
//! which a killed build could leave beside the output.

use std::path::Path;

/// Removes such folders when their process is gone and they hold the marker of a build tree
/// ([`super::MARKER`]): a folder that merely has such a name (a backup made by hand or by a
/// deploy script as `public.old-$$`) is not ours and stays. (The versions that made such folders
/// wrote no marker into them, so theirs stay too: a few old folders left are better than one
/// backup lost.) A build still running keeps its
/// folder: on Linux its process is looked up in `/proc`; where there is no `/proc`, nothing is
/// removed.
pub fn remove(parent: &Path, name: &str) {
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
        if pid != ours
            && !Path::new(&format!("/proc/{pid}")).exists()
            && super::is_marked(&entry.path())
        {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_what_a_killed_build_left_behind_but_not_a_running_ones() {
        let tmp = tempfile::tempdir().unwrap();
        // A pid far above any pid_max is a process that cannot be running.
        let dead = tmp.path().join(".public.new-4999999");
        let dead_old = tmp.path().join(".public.old-4999998");
        std::fs::create_dir_all(dead.join("praktijken")).unwrap();
        std::fs::create_dir_all(&dead_old).unwrap();
        for d in [&dead, &dead_old] {
            std::fs::write(d.join(super::super::MARKER), "kennisbank-output x\n").unwrap();
        }
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
            std::fs::write(r.join(super::super::MARKER), "kennisbank-output x\n").unwrap();
        }
        let other = tmp.path().join(".andere.new-4999999");
        std::fs::create_dir_all(&other).unwrap();

        remove(tmp.path(), "public");

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
    fn a_folder_with_such_a_name_but_no_marker_is_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let backup = tmp.path().join(".public.old-4999999");
        std::fs::create_dir_all(&backup).unwrap();
        std::fs::write(backup.join("belangrijk.txt"), "backup van vorige week").unwrap();
        let notes = tmp.path().join(".public.new-4999998");
        std::fs::create_dir_all(&notes).unwrap();
        std::fs::write(notes.join("notitie.txt"), "x").unwrap();
        // A marker that is not a build's is no marker.
        std::fs::write(notes.join(super::super::MARKER), "iets anders").unwrap();
        remove(tmp.path(), "public");
        assert_eq!(
            std::fs::read_to_string(backup.join("belangrijk.txt")).unwrap(),
            "backup van vorige week"
        );
        assert!(notes.join("notitie.txt").exists());
    }

    #[test]
    fn reads_the_pid_of_staging_folders_only() {
        assert_eq!(leftover_pid(".public.new-123", "public"), Some(123));
        assert_eq!(leftover_pid(".public.old-9", "public"), Some(9));
        assert_eq!(leftover_pid(".public.new-x", "public"), None);
        assert_eq!(leftover_pid(".publicx.new-1", "public"), None);
        assert_eq!(leftover_pid("public", "public"), None);
    }
}
