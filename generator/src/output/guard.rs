//! Which folder `build` may replace. Every check works on real paths (symlinks resolved), so a
//! link cannot lead the output into the project, and runs before anything is written.

use crate::messages::Message;
use crate::msg;
use std::path::{Path, PathBuf};

/// The file `build` puts in every output folder it writes; a folder holding it is ours to replace.
pub const MARKER: &str = ".kennisbank-output";
/// The first word of [`MARKER`]'s text.
pub const MARKER_TAG: &str = "kennisbank-output";

/// An output folder that passed the checks, by its real path.
#[derive(Debug, Clone)]
pub struct Target {
    /// The output folder (its real path; it may not exist yet).
    pub out: PathBuf,
    /// The folder holding `out` and our hidden state folder beside it.
    pub parent: PathBuf,
    /// The output folder's name, such as `public`.
    pub name: String,
}

impl Target {
    /// The hidden folder beside the output that holds the spare tree, the manifests and the lock.
    pub fn state_dir(&self) -> PathBuf {
        self.parent.join(format!(".{}.kennisbank", self.name))
    }
}

/// Checks that `out` may be written by a build of the project at `root`: it must not hold the
/// project or be inside `content/`, `themes/`, `generator/` or `.git/`, and it must be missing,
/// empty, or a folder an earlier build wrote (it holds [`MARKER`]). Nothing is written here.
pub fn check(root: &Path, out: &Path) -> Result<Target, Message> {
    let root_real = std::fs::canonicalize(root).map_err(|e| {
        msg!(
            "output-cannot-open-project",
            path = root.display().to_string(),
            detail = crate::messages::io_detail(&e)
        )
    })?;
    let real = resolve(out).map_err(|e| {
        msg!(
            "output-cannot-resolve",
            path = out.display().to_string(),
            detail = crate::messages::io_detail(&e)
        )
    })?;
    let shown = out.display().to_string();
    if root_real.starts_with(&real) {
        return Err(msg!("output-contains-project", out = &shown));
    }
    for protected in ["content", "themes", "generator", ".git"] {
        // The protected folder may itself be a link to elsewhere: compare with where it leads.
        let lexical = root_real.join(protected);
        let target = std::fs::canonicalize(&lexical).unwrap_or(lexical.clone());
        for p in [&lexical, &target] {
            if real.starts_with(p) {
                return Err(msg!(
                    "output-inside-protected",
                    out = &shown,
                    folder = protected,
                    real = real.display().to_string()
                ));
            }
            if p.starts_with(&real) {
                return Err(msg!(
                    "output-contains-protected",
                    out = &shown,
                    folder = protected,
                    real = real.display().to_string()
                ));
            }
        }
    }
    let name = match real.file_name() {
        Some(n) => n.to_string_lossy().into_owned(),
        None => return Err(msg!("output-root-folder", out = &shown)),
    };
    let parent = real.parent().map(Path::to_path_buf).unwrap_or_default();
    let target = Target {
        out: real,
        parent,
        name,
    };
    check_ours(&target.out, &shown)?;
    if is_mount_point(&target.out, &target.parent) {
        // The finished tree is swapped in by renaming, which a mount point refuses (EBUSY): found
        // now, before the whole build is done for nothing.
        return Err(msg!(
            "output-mount-point",
            out = &shown,
            inside = out.join("site").display().to_string()
        ));
    }
    let state = target.state_dir();
    if let Ok(meta) = std::fs::symlink_metadata(&state) {
        if !meta.is_dir() {
            return Err(msg!(
                "output-state-not-ours",
                path = state.display().to_string()
            ));
        }
        let spare = state.join(super::SPARE);
        check_ours(&spare, &shown).map_err(|e| {
            if e.id == "output-foreign-files" {
                msg!("output-spare-foreign", path = spare.display().to_string())
            } else {
                e
            }
        })?;
    }
    Ok(target)
}

/// A folder is ours to replace when it does not exist, is empty, or holds our [`MARKER`].
fn check_ours(dir: &Path, shown: &str) -> Result<(), Message> {
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(cannot_read(dir, &e)),
    };
    if !meta.is_dir() {
        return Err(msg!(
            "output-not-a-folder",
            path = dir.display().to_string()
        ));
    }
    if is_marked(dir) {
        return Ok(());
    }
    let mut entries = std::fs::read_dir(dir).map_err(|e| cannot_read(dir, &e))?;
    if entries.next().is_none() {
        return Ok(());
    }
    Err(msg!(
        "output-foreign-files",
        out = shown,
        real = dir.display().to_string()
    ))
}

fn cannot_read(path: &Path, e: &std::io::Error) -> Message {
    msg!(
        "output-cannot-read",
        path = path.display().to_string(),
        detail = crate::messages::io_detail(e)
    )
}

/// Whether the folder `dir` is a mount point: on another device than `parent`, or (a bind mount of
/// the same filesystem) listed as one in `/proc/self/mountinfo`.
fn is_mount_point(dir: &Path, parent: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(d), Ok(p)) = (std::fs::metadata(dir), std::fs::metadata(parent)) {
            if d.is_dir() && d.dev() != p.dev() {
                return true;
            }
        } else {
            return false;
        }
    }
    std::fs::read_to_string("/proc/self/mountinfo").is_ok_and(|info| listed_in(&info, dir))
}

/// Whether `/proc/self/mountinfo` text lists `dir` as a mount point (its fifth field, with space,
/// tab, newline and backslash written as octal escapes).
fn listed_in(mountinfo: &str, dir: &Path) -> bool {
    let Some(dir) = dir.to_str() else {
        return false;
    };
    mountinfo.lines().any(|line| {
        line.split(' ').nth(4).is_some_and(|point| {
            point
                .replace("\\040", " ")
                .replace("\\011", "\t")
                .replace("\\012", "\n")
                .replace("\\134", "\\")
                == dir
        })
    })
}

/// Whether `dir` holds a marker file written by a build.
pub fn is_marked(dir: &Path) -> bool {
    std::fs::read(dir.join(MARKER)).is_ok_and(|text| text.starts_with(MARKER_TAG.as_bytes()))
}

/// The real path of `path`: the longest part that exists with every link resolved, followed by
/// the rest (which holds no links, since it does not exist yet).
pub(crate) fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.clone();
    let mut rest = Vec::new();
    loop {
        match std::fs::canonicalize(&existing) {
            Ok(real) => {
                let mut out = real;
                for part in rest.into_iter().rev() {
                    if part == ".." {
                        out.pop();
                    } else if part != "." {
                        out.push(part);
                    }
                }
                return Ok(out);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let Some(last) = existing.components().next_back() else {
                    return Err(e);
                };
                rest.push(last.as_os_str().to_owned());
                if !existing.pop() {
                    return Err(e);
                }
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn refuses_to_replace_the_project_or_its_sources() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("content/praktijken")).unwrap();
        assert!(check(root, root).is_err());
        assert!(check(&root.join("content"), root).is_err());
        assert!(check(root, &root.join("content")).is_err());
        assert!(check(root, &root.join("content/praktijken")).is_err());
        assert!(check(root, &root.join("themes/x")).is_err());
        assert!(check(root, &root.join("public")).is_ok());
        assert!(check(root, &root.join("a/b/../public")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_into_the_content_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("content/praktijken")).unwrap();
        std::os::unix::fs::symlink(root.join("content"), root.join("link")).unwrap();
        let err = check(root, &root.join("link/praktijken")).unwrap_err();
        assert_eq!(err.id, "output-inside-protected");
        let text = err.render(Lang::Nl);
        assert!(text.contains("ligt in `content/`"), "{text}");
        // Not yet existing below the link: still inside content.
        assert!(check(root, &root.join("link/nieuw/public")).is_err());
    }

    #[test]
    fn mount_points_are_read_from_mountinfo() {
        let info = "45 27 0:40 / /tmp/mnt rw,relatime - tmpfs tmpfs rw\n\
                    46 27 8:1 /srv /var/www/mijn\\040site rw - ext4 /dev/sda1 rw\n";
        assert!(listed_in(info, Path::new("/tmp/mnt")));
        assert!(listed_in(info, Path::new("/var/www/mijn site")));
        assert!(!listed_in(info, Path::new("/tmp")));
        assert!(!listed_in(info, Path::new("/tmp/mnt/site")));
    }

    #[test]
    fn an_empty_mount_point_is_refused_before_anything_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("project");
        std::fs::create_dir_all(&root).unwrap();
        let mnt = tmp.path().join("www");
        std::fs::create_dir(&mnt).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(&mnt)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("skipped: cannot mount a tmpfs here (not root)");
            return;
        }
        let result = check(&root, &mnt);
        let inside = check(&root, &mnt.join("site")).is_ok();
        let _ = std::process::Command::new("umount").arg(&mnt).status();
        let err = result.unwrap_err();
        assert_eq!(err.id, "output-mount-point");
        let text = err.render(Lang::Nl);
        assert!(
            text.contains(&format!("--out {}", mnt.join("site").display())),
            "{text}"
        );
        assert!(inside, "a folder inside the mount point may be used");
    }

    #[test]
    fn a_folder_with_foreign_files_is_refused_an_empty_or_marked_one_is_not() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("project");
        std::fs::create_dir_all(&root).unwrap();
        let docs = tmp.path().join("Documenten");
        std::fs::create_dir_all(&docs).unwrap();
        assert!(check(&root, &docs).is_ok(), "an empty folder may be used");
        std::fs::write(docs.join("brief.odt"), "x").unwrap();
        let err = check(&root, &docs).unwrap_err().render(Lang::En);
        assert!(
            err.contains("Documenten") && err.contains("did not write"),
            "{err}"
        );
        std::fs::write(docs.join(MARKER), "not ours").unwrap();
        assert!(check(&root, &docs).is_err(), "a marker must say it is ours");
        std::fs::write(docs.join(MARKER), MARKER_TAG).unwrap();
        assert!(check(&root, &docs).is_ok());
        std::fs::write(tmp.path().join("bestand"), "x").unwrap();
        assert!(check(&root, &tmp.path().join("bestand")).is_err());
    }
}
