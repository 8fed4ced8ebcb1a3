//! Reading the project's files: the one owner of the rules every reader follows. A path through
//! a symbolic link below the root is refused (it may lead anywhere: `/proc/self/environ`, a file
//! outside the project), so is anything but a plain file (a FIFO would block) and a file over its
//! size limit. `content` reads its texts here, the theme its templates and static files.

use crate::codes::Code;
use crate::diagnostics::{display_path, Diagnostic};
use std::path::{Path, PathBuf};

/// Largest file the generator reads (a practice, a settings file, a template): far above any
/// real one (the whole PHV list is about 100 KB), small enough that a pasted blob or a
/// generated file is refused before it costs time or memory.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Reads a file of the project as UTF-8 text, without a leading byte order mark. Refused, each
/// with its own message: a path through a symbolic link below `root` (it may lead anywhere:
/// `/proc/self/environ`, a file outside the project), something other than a plain file (a
/// FIFO would block), a file over [`MAX_FILE_BYTES`]. A non-UTF-8 file is reported at the line
/// of its first bad byte.
pub fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let (mut bytes, size, shown) = read_limited(root, path, MAX_FILE_BYTES)?;
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            Code::FileTooLarge,
            shown,
            crate::msg!(
                "file-too-large",
                mb = MAX_FILE_BYTES / 1024 / 1024,
                bytes = size.to_string()
            ),
        )
        .hint(crate::msg!("file-too-large-hint")));
    }
    if bytes.starts_with(b"\xef\xbb\xbf") {
        // Some Windows editors start UTF-8 files with a byte order mark; it is not text.
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..valid];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = valid
            - before
                .iter()
                .rposition(|b| *b == b'\n')
                .map(|p| p + 1)
                .unwrap_or(0)
            + 1;
        Diagnostic::error(Code::NotUtf8, shown, crate::msg!("not-utf8"))
            .at(line, column)
            .hint(crate::msg!("not-utf8-hint"))
    })
}

/// The first symbolic link on the way from `root` (exclusive) to `path` (inclusive), if any.
pub fn symlink_below(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(root).ok()?;
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some(at);
        }
    }
    None
}

/// The error for a symbolic link in the project: it is never followed, whether it leads into
/// the project or out of it (where it could publish, or print, any file of the machine).
pub fn symlink_error(root: &Path, link: &Path) -> Diagnostic {
    Diagnostic::error(
        Code::Symlink,
        display_path(root, link),
        crate::msg!("symlink"),
    )
    .hint(crate::msg!("symlink-hint"))
}

/// Largest static file of a theme (a picture, a font, a script): far above any real one, small
/// enough that a video or an archive dropped in `static/` by mistake is refused before the site
/// carries it.
pub const MAX_STATIC_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a static file of a theme as bytes, with the rules of [`read_text`] and the limit
/// [`MAX_STATIC_BYTES`].
pub fn read_static(root: &Path, path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let (bytes, size, shown) = read_limited(root, path, MAX_STATIC_BYTES)?;
    if size > MAX_STATIC_BYTES {
        return Err(Diagnostic::error(
            Code::FileTooLarge,
            shown,
            crate::msg!(
                "static-too-large",
                mb = MAX_STATIC_BYTES / 1024 / 1024,
                bytes = size.to_string()
            ),
        )
        .hint(crate::msg!("static-too-large-hint")));
    }
    Ok(bytes)
}

/// The first `limit + 1` bytes of the plain file `path`, its size (the larger of what the
/// metadata says and what was read: the file may grow between the two) and its path as shown.
/// Refuses a symbolic link on the way and anything but a plain file.
fn read_limited(
    root: &Path,
    path: &Path,
    limit: u64,
) -> Result<(Vec<u8>, u64, String), Diagnostic> {
    let shown = display_path(root, path);
    if let Some(link) = symlink_below(root, path) {
        return Err(symlink_error(root, &link));
    }
    let unreadable = |e: std::io::Error| {
        let message = match e.kind() {
            std::io::ErrorKind::NotFound => crate::msg!("file-not-found"),
            _ => crate::msg!("file-unreadable", detail = crate::messages::io_detail(&e)),
        };
        Diagnostic::error(Code::UnreadableFile, shown.clone(), message)
            .hint(crate::msg!("file-unreadable-hint"))
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(
            Diagnostic::error(Code::NotAFile, shown, crate::msg!("not-a-file"))
                .hint(crate::msg!("not-a-file-hint")),
        );
    }
    let mut bytes = Vec::new();
    let file = std::fs::File::open(path).map_err(unreadable)?;
    // `take`: the size may change between the check and the read.
    std::io::Read::read_to_end(&mut std::io::Read::take(file, limit + 1), &mut bytes)
        .map_err(unreadable)?;
    let size = meta.len().max(bytes.len() as u64);
    Ok((bytes, size, shown))
}
