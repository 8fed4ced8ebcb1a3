//! The local backend of the CMS: the JSON actions of Decap CMS's proxy protocol (as answered by
//! `decap-server`'s local file system middleware) on the files of `content/`.
//!
//! Every save is checked with `check`'s rules first; a file with errors is refused with the
//! messages and nothing is written. A save is written to a temporary file of its own beside the
//! target and renamed over it, so a file is never half-written; and the actions that change files
//! run one at a time ([`WRITES`]), so what a save checks on disk (the version the editor's form
//! was loaded from, a name that must still be free) is still so when it writes.

use super::naming::new_practice_path;
use super::paths::{resolve, shown};
use super::validate::{check_file, tidy};
use crate::diagnostics::{display_path, Diagnostic};
use serde::Deserialize;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Held by every action that changes files, from its checks to its last write: the server's
/// workers answer requests at the same time (two tabs, a double-clicked *Publiceren*), and two
/// saves of one file that interleave would each pass the check of the version and one would
/// erase the other's change.
static WRITES: Mutex<()> = Mutex::new(());

fn writing() -> MutexGuard<'static, ()> {
    // Nothing the lock guards can be left half-done by a panic: the data is on disk.
    WRITES.lock().unwrap_or_else(|e| e.into_inner())
}

/// An answer: HTTP status and JSON body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Reply {
    fn ok(body: Value) -> Reply {
        Reply { status: 200, body }
    }

    /// A refusal the CMS shows to the editor (in Dutch).
    fn refused(message: impl Into<String>) -> Reply {
        Reply {
            status: 422,
            body: json!({ "error": message.into() }),
        }
    }
}

#[derive(Deserialize)]
struct Request {
    action: String,
    #[serde(default)]
    params: Value,
}

#[derive(Deserialize)]
struct DataFile {
    path: String,
    raw: String,
    #[serde(default, rename = "newPath")]
    new_path: Option<String>,
}

/// Answers one request body.
pub fn handle(root: &Path, body: &[u8]) -> Reply {
    let request: Request = match serde_json::from_slice(body) {
        Ok(r) => r,
        Err(e) => {
            return Reply::refused(
                crate::msg!("cms-bad-request", detail = e.to_string()).to_string(),
            )
        }
    };
    let p = &request.params;
    let _writing = matches!(
        request.action.as_str(),
        "persistEntry" | "deleteFile" | "deleteFiles" | "renamePractice"
    )
    .then(writing);
    let text = |key: &str| {
        p.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let result = match request.action.as_str() {
        "info" => Ok(json!({
            "repo": root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            "publish_modes": ["simple"],
            "type": "local_fs",
        })),
        "entriesByFolder" => {
            let depth = p.get("depth").and_then(Value::as_u64).unwrap_or(1) as usize;
            list(root, &text("folder"), &text("extension"), depth)
                .map(|files| Value::Array(files.iter().map(|f| entry(root, f, None)).collect()))
        }
        "entriesByFiles" => {
            let files = p
                .get("files")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            files
                .iter()
                .map(|f| {
                    let rel = f.get("path").and_then(Value::as_str).unwrap_or_default();
                    let label = f.get("label").and_then(Value::as_str);
                    resolve(root, rel).map(|path| entry(root, &path, label))
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array)
        }
        "getEntry" => resolve(root, &text("path")).map(|path| entry(root, &path, None)),
        "persistEntry" => return persist_entry(root, p),
        "getMedia" => list(root, &text("mediaFolder"), "", 1)
            .map(|files| Value::Array(files.iter().filter_map(|f| media(root, f)).collect())),
        "getMediaFile" => resolve(root, &text("path")).and_then(|path| {
            media(root, &path).ok_or_else(|| crate::msg!("cms-no-such-file").to_string())
        }),
        "persistMedia" => Err(crate::msg!("cms-no-media").to_string()),
        "deleteFile" => delete(root, &text("path")),
        "deleteFiles" => {
            let paths: Vec<String> = p
                .get("paths")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            delete_all(root, &paths)
        }
        "getDeployPreview" => Ok(Value::Null),
        // Not Decap's: the rename page (`/admin/hernoemen.html`) of `kennisbank serve`.
        "practices" => Ok(practices(root)),
        "renamePractice" => rename(
            root,
            &text("id"),
            &text("newId"),
            Some(text("category")).filter(|c| !c.trim().is_empty()),
        ),
        other => Err(crate::msg!("cms-unknown-action", action = other).to_string()),
    };
    match result {
        Ok(body) => Reply::ok(body),
        Err(message) => Reply::refused(message),
    }
}

/// The files below `folder` (at most `depth` folders deep) whose names end in `extension`.
fn list(root: &Path, folder: &str, extension: &str, depth: usize) -> Result<Vec<PathBuf>, String> {
    let dir = resolve(root, folder.trim_end_matches('/'))?;
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for e in walkdir::WalkDir::new(&dir)
        .min_depth(1)
        .max_depth(depth.max(1))
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .flatten()
    {
        // Symbolic links are not followed out of content/ (walkdir does not follow them).
        if e.file_type().is_file() && e.file_name().to_string_lossy().ends_with(extension) {
            files.push(e.into_path());
        }
    }
    Ok(files)
}

/// An entry as the CMS expects it: the text and `{path, label, id}`; `data` is null when the
/// file cannot be read.
fn entry(root: &Path, path: &Path, label: Option<&str>) -> Value {
    let rel = shown(root, path);
    match read_plain(path) {
        Some(bytes) => json!({
            "data": String::from_utf8_lossy(&bytes),
            "file": { "path": rel, "label": label, "id": content_id(&bytes) },
        }),
        None => json!({ "data": null, "file": { "path": rel, "label": label, "id": null } }),
    }
}

fn media(root: &Path, path: &Path) -> Option<Value> {
    let bytes = read_plain(path)?;
    Some(json!({
        "id": content_id(&bytes),
        "content": base64(&bytes),
        "encoding": "base64",
        "path": shown(root, path),
        "name": path.file_name()?.to_string_lossy(),
    }))
}

/// The bytes of a plain file of at most [`crate::source::MAX_STATIC_BYTES`]; `None` for anything
/// else. A FIFO would block the worker that reads it for good (four of them, the whole server),
/// and a huge file would be copied into memory, and into the answer, whole.
fn read_plain(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > crate::source::MAX_STATIC_BYTES {
        return None;
    }
    std::fs::read(path).ok()
}

/// A stable id of a file's contents (the CMS uses it to see changes, not for security).
fn content_id(bytes: &[u8]) -> String {
    // FNV-1a, 64 bits.
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}-{}", bytes.len())
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn persist_entry(root: &Path, p: &Value) -> Reply {
    let files: Vec<DataFile> = match p
        .get("dataFiles")
        .filter(|v| v.is_array())
        .or_else(|| p.get("entry"))
        .map(|v| {
            if v.is_array() {
                serde_json::from_value(v.clone())
            } else {
                serde_json::from_value(v.clone()).map(|f| vec![f])
            }
        }) {
        Some(Ok(files)) if !files.is_empty() => files,
        _ => return Reply::refused(crate::msg!("cms-save-no-file").to_string()),
    };
    if p.get("assets")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty())
    {
        return Reply::refused(crate::msg!("cms-no-media").to_string());
    }
    // A new entry, or one moved to another name, never replaces a file that is there: that
    // would be another practice (its text lost) or something kennisbank did not write.
    let new_entry = p
        .pointer("/options/newEntry")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    // Check every file before writing any.
    let mut plan = Vec::new();
    for f in &files {
        let from = match resolve(root, &f.path) {
            Ok(p) => p,
            Err(e) => return Reply::refused(e),
        };
        // The version the editor's form was loaded from (sent by the admin page's script, not
        // by Decap): a file saved by someone else since is not written over.
        if let Some(base) = p
            .pointer("/baseIds")
            .and_then(|b| b.get(&f.path))
            .and_then(Value::as_str)
        {
            if read_plain(&from).map(|b| content_id(&b)).as_deref() != Some(base) {
                let why = crate::msg!("cms-changed-meanwhile", path = shown(root, &from));
                return Reply::refused(why.to_string());
            }
        }
        let to = match f.new_path.as_deref().map(|n| resolve(root, n)) {
            Some(Ok(p)) => p,
            Some(Err(e)) => return Reply::refused(e),
            None => from.clone(),
        };
        let to = if new_entry {
            match new_practice_path(&shown(root, &to), &f.raw) {
                Ok(None) => to,
                Ok(Some(named)) => match resolve(root, &named) {
                    Ok(p) => p,
                    Err(e) => return Reply::refused(e),
                },
                Err(why) => return Reply::refused(why),
            }
        } else {
            to
        };
        let rel = shown(root, &to);
        if (new_entry || from != to) && std::fs::symlink_metadata(&to).is_ok() {
            return Reply::refused(crate::msg!("cms-path-taken", path = rel.as_str()).to_string());
        }
        let raw = tidy(&rel, &f.raw);
        let diags = match check_file(root, &rel, &raw, (from != to).then(|| shown(root, &from))) {
            Ok(d) => d,
            Err(why) => return Reply::refused(why),
        };
        if diags.iter().any(Diagnostic::is_error) {
            return Reply::refused(refusal(&rel, &raw, &diags));
        }
        plan.push((from, to, raw));
    }
    let saved: Vec<String> = plan.iter().map(|(_, to, _)| shown(root, to)).collect();
    let ids: Vec<String> = plan
        .iter()
        .map(|(_, _, raw)| content_id(raw.as_bytes()))
        .collect();
    for (from, to, raw) in plan {
        if let Err(e) = write_atomically(&to, raw.as_bytes()) {
            let why = crate::msg!(
                "cms-cannot-save",
                path = shown(root, &to),
                detail = crate::messages::io_detail(&e)
            );
            return Reply::refused(why.to_string());
        }
        if from != to && from.exists() {
            if let Err(e) = std::fs::remove_file(&from) {
                let why = crate::msg!(
                    "cms-old-file-left",
                    path = shown(root, &to),
                    old = shown(root, &from),
                    detail = crate::messages::io_detail(&e)
                );
                return Reply::refused(why.to_string());
            }
        }
    }
    // `paths` and `ids`: where the files went and their versions (not Decap's: for the admin
    // page's script, which opens a practice saved under another name than the CMS chose, see
    // `cms::naming`, and sends the version with the next save).
    Reply::ok(json!({ "message": "entry persisted", "paths": saved, "ids": ids }))
}

/// The Dutch message of a refused save, with each error at its line and, in the fields, with
/// the form field's label as the editor sees it (`regel 5, veld ‘Tags’`).
pub fn refusal(rel: &str, raw: &str, diags: &[Diagnostic]) -> String {
    let mut out = crate::msg!("cms-save-refused", path = rel).to_string();
    for d in diags.iter().filter(|d| d.is_error()) {
        out.push_str("\n• ");
        if d.line > 0 {
            let at = match (
                super::validate::text_line_at(rel, raw, d.line),
                super::validate::field_label_at(rel, raw, d.line),
            ) {
                (Some(line), _) => crate::msg!(
                    "cms-save-refused-text-line",
                    line = line,
                    field = super::config::TEXT_LABEL
                ),
                (None, Some(field)) => {
                    crate::msg!("cms-save-refused-line-field", line = d.line, field = field)
                }
                (None, None) => crate::msg!("cms-save-refused-line", line = d.line),
            };
            out.push_str(&at.to_string());
            out.push_str(": ");
        }
        out.push_str(&d.text());
        if let Some(h) = d.hint_text() {
            out.push_str(" — ");
            out.push_str(&h);
        }
    }
    out
}

/// Writes `bytes` to a hidden temporary file beside `path` and renames it over `path`. The
/// temporary file is this write's own (the process id and a counter in its name, and created only
/// if it is not there), so two writes at once never write into one file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("no folder"))?;
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A name left by a killed process with the same id is skipped.
    let (tmp, mut f) = loop {
        let tmp = dir.join(format!(
            ".{name}.kennisbank-{}-{}.tmp",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    };
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    drop(f);
    let written = written.and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// The file `rel` names, when the CMS may delete it: a practice the site loads, that is a `.md`
/// directly in the folder of one of the settings' categories (`content/praktijken/<categorie>/<id>.md`).
/// Anything else there (a `LEESMIJ.md` beside the categories, an archive folder inside one) is not
/// the CMS's to delete, nor are the settings, the stappenplan and the synonyms.
fn deletable(root: &Path, rel: &str) -> Result<(PathBuf, String), String> {
    let path = resolve(root, rel)?;
    let shown_path = shown(root, &path);
    let refused = || {
        crate::msg!(
            "cms-cannot-delete-kind",
            path = shown_path.as_str(),
            dir = crate::content::PRACTICES_DIR
        )
        .to_string()
    };
    let Some((category, id)) = super::validate::practice_location(&shown_path) else {
        return Err(refused());
    };
    if id.starts_with('.') {
        return Err(refused());
    }
    let settings = crate::editing::load_settings(root)?;
    if !settings.categories.iter().any(|c| c.slug == category) {
        return Err(refused());
    }
    Ok((path, shown_path))
}

/// Deletes a file [`deletable`] allowed; one that is gone already counts as deleted.
fn remove(path: &Path, shown_path: &str) -> Result<(), String> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(crate::msg!(
            "cms-cannot-delete",
            path = shown_path,
            detail = crate::messages::io_detail(&e)
        )
        .to_string()),
    }
}

/// Deletes a practice file.
fn delete(root: &Path, rel: &str) -> Result<Value, String> {
    let (path, shown_path) = deletable(root, rel)?;
    remove(&path, &shown_path)?;
    // The success answer is the proxy protocol's (decap-server answers the same words): Decap's
    // `deleteFiles` discards it and returns to the list, `opslaan.js` reads only the path, and the
    // terminal does not log it, so no editor reads it. A refusal's `error` is what Decap shows (in
    // its "onFailToDelete" notice), and that is Dutch.
    Ok(json!({ "message": format!("deleted file {shown_path}") }))
}

/// Deletes several practice files: every path is checked before any file is deleted, and when
/// one cannot be deleted after others were, the refusal names those that are gone.
fn delete_all(root: &Path, rels: &[String]) -> Result<Value, String> {
    let files = rels
        .iter()
        .map(|rel| deletable(root, rel))
        .collect::<Result<Vec<_>, _>>()?;
    let mut deleted: Vec<&str> = Vec::new();
    for (path, shown_path) in &files {
        if let Err(why) = remove(path, shown_path) {
            if deleted.is_empty() {
                return Err(why);
            }
            let why = crate::msg!(
                "cms-deleted-before-failure",
                error = why,
                deleted = deleted.join(", ")
            );
            return Err(why.to_string());
        }
        deleted.push(shown_path);
    }
    Ok(json!({ "message": "deleted files" }))
}

/// Every practice as `{id, title, category}` (sorted by category, then id), and the categories.
fn practices(root: &Path) -> Value {
    let Ok(settings) = crate::editing::load_settings(root) else {
        return json!({ "practices": [], "categories": [] });
    };
    let (mut found, _) = crate::content::load_practices(root, &settings);
    found.sort_by(|a, b| (&a.category, &a.id).cmp(&(&b.category, &b.id)));
    json!({
        "practices": found.iter().map(|p| json!({ "id": p.id, "title": p.title, "category": p.category })).collect::<Vec<_>>(),
        "categories": settings.categories.iter().map(|c| json!({ "slug": c.slug, "title": c.title })).collect::<Vec<_>>(),
    })
}

/// Renames a practice as `kennisbank mv` does: the file moves, `related` entries and links
/// follow, and the old address goes into `aliases:` so it keeps leading to the page.
fn rename(root: &Path, old: &str, new: &str, category: Option<String>) -> Result<Value, String> {
    let plan = crate::mv::plan(
        root,
        old.trim(),
        new.trim(),
        category.as_deref().map(str::trim),
    )?;
    crate::mv::apply(&plan).map_err(|e| {
        crate::msg!("mv-failed", detail = crate::messages::io_detail(&e)).to_string()
    })?;
    let moved = plan
        .write
        .first()
        .map(|(path, _)| display_path(root, path))
        .unwrap_or_default();
    Ok(json!({
        "from": display_path(root, &plan.remove),
        "to": moved,
        "updated": plan.write.iter().skip(1).map(|(path, _)| display_path(root, path)).collect::<Vec<_>>(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_of_one_file_at_the_same_time_each_use_their_own_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("praktijk.md");
        let texts: Vec<Vec<u8>> = [30_000usize, 5, 9_000, 1, 2_000, 70]
            .iter()
            .enumerate()
            .map(|(who, n)| format!("{who}").repeat(*n).into_bytes())
            .collect();
        for round in 0..20 {
            let start = std::sync::Barrier::new(texts.len());
            let results: Vec<std::io::Result<()>> = std::thread::scope(|s| {
                let handles: Vec<_> = texts
                    .iter()
                    .map(|t| {
                        let (start, path) = (&start, &path);
                        s.spawn(move || {
                            start.wait();
                            write_atomically(path, t)
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            for r in &results {
                assert!(r.is_ok(), "round {round}: a write failed: {r:?}");
            }
            let on_disk = std::fs::read(&path).unwrap();
            assert!(texts.contains(&on_disk), "round {round}: a mixed file");
            let files = std::fs::read_dir(dir.path()).unwrap().count();
            assert_eq!(files, 1, "round {round}: temporary files left");
        }
    }

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
