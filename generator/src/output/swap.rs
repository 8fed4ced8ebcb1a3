//! Putting a finished tree in the output's place in one step, and keeping two builds of the same
//! output from working at once.

use std::fs::File;
use std::io;
use std::path::Path;

/// Puts the folder `new` where `out` is, and `out` where `new` was. Where the system can swap two
/// folders in one step (Linux `renameat2(RENAME_EXCHANGE)`), a reader of `out` sees the one tree
/// or the other, never neither. Elsewhere it takes three renames through `parked` (in our state
/// folder); [`recover`] completes them after a kill.
pub fn exchange(new: &Path, out: &Path, parked: &Path) -> io::Result<()> {
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(new, out);
    }
    #[cfg(target_os = "linux")]
    {
        match exchange_linux(new, out) {
            Ok(()) => return Ok(()),
            // Filesystems without the call fall back to renames.
            Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {}
            Err(e) => return Err(e),
        }
    }
    std::fs::rename(out, parked)?;
    super::abort_point("parked");
    if let Err(e) = std::fs::rename(new, out) {
        let _ = std::fs::rename(parked, out);
        return Err(e);
    }
    std::fs::rename(parked, new)
}

#[cfg(target_os = "linux")]
fn exchange_linux(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let b = CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Completes an [`exchange`] by renames that was killed halfway: with the output missing, the
/// parked previous output goes back; with both present, the parked tree becomes the spare.
pub fn recover(out: &Path, spare: &Path, parked: &Path) -> io::Result<()> {
    if std::fs::symlink_metadata(parked).is_err() {
        return Ok(());
    }
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(parked, out);
    }
    if std::fs::symlink_metadata(spare).is_err() {
        return std::fs::rename(parked, spare);
    }
    // Both trees are in place: the parked one is an older copy of ours.
    std::fs::remove_dir_all(parked)
}

/// Held while a build writes beside an output folder; released when dropped or when the
/// process ends in any way.
pub struct Lock {
    _file: File,
}

/// Takes the lock file `path`, or `None` when another running build holds it.
pub fn lock(path: &Path) -> io::Result<Option<Lock>> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        // SAFETY: the descriptor belongs to `file`, which is open for the call.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            let e = io::Error::last_os_error();
            return if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
                Ok(None)
            } else {
                Err(e)
            };
        }
    }
    Ok(Some(Lock { _file: file }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_swaps_two_folders_and_moves_one_into_a_missing_place() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b, parked) = (
            tmp.path().join("a"),
            tmp.path().join("b"),
            tmp.path().join("p"),
        );
        std::fs::create_dir(&a).unwrap();
        std::fs::write(a.join("f"), "a").unwrap();
        exchange(&a, &b, &parked).unwrap();
        assert!(!a.exists());
        assert_eq!(std::fs::read_to_string(b.join("f")).unwrap(), "a");
        std::fs::create_dir(&a).unwrap();
        std::fs::write(a.join("f"), "nieuw").unwrap();
        exchange(&a, &b, &parked).unwrap();
        assert_eq!(std::fs::read_to_string(b.join("f")).unwrap(), "nieuw");
        assert_eq!(std::fs::read_to_string(a.join("f")).unwrap(), "a");
        assert!(!parked.exists());
    }

    #[test]
    fn recover_puts_a_parked_output_back() {
        let tmp = tempfile::tempdir().unwrap();
        let (out, spare, parked) = (
            tmp.path().join("o"),
            tmp.path().join("s"),
            tmp.path().join("p"),
        );
        std::fs::create_dir(&parked).unwrap();
        std::fs::create_dir(&spare).unwrap();
        recover(&out, &spare, &parked).unwrap();
        assert!(out.is_dir() && spare.is_dir() && !parked.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_second_lock_is_refused_while_the_first_is_held() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("lock");
        let first = lock(&path).unwrap();
        assert!(first.is_some());
        assert!(lock(&path).unwrap().is_none());
        drop(first);
        assert!(lock(&path).unwrap().is_some());
    }
}
