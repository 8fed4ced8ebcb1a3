//! The staging folders of earlier versions of `build` (`.public.new-PID`, `.public.old-PID`),
//! which a killed build could leave beside the output.

use std::path::Path;

/// Removes such folders when their process is gone. A build still running keeps its folder: on
/// Linux its process is looked up in `/proc`; where there is no `/proc`, nothing is removed.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_what_a_killed_build_left_behind_but_not_a_running_ones() {
        let tmp = tempfile::tempdir().unwrap();
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
    fn reads_the_pid_of_staging_folders_only() {
        assert_eq!(leftover_pid(".public.new-123", "public"), Some(123));
        assert_eq!(leftover_pid(".public.old-9", "public"), Some(9));
        assert_eq!(leftover_pid(".public.new-x", "public"), None);
        assert_eq!(leftover_pid(".publicx.new-1", "public"), None);
        assert_eq!(leftover_pid("public", "public"), None);
    }
}
