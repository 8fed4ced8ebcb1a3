//! Writing the built site to disk: safely, and only what changed.
//!
//! Beside the output (`public`) lives a hidden state folder `.public.kennisbank/` with a spare
//! tree (the build before the current one), one manifest per tree (every file's hash) and a lock.
//! A build brings the spare up to date by writing only the files whose hash differs from what the
//! spare holds, removes what is no longer made, and then swaps spare and output in one step
//! ([`swap::exchange`]); the old output becomes the next spare. So a reader of the output always
//! sees one whole build, a failing build never touches the output, and a build that changes
//! nothing writes nothing.
//!
//! A tree's marker file ([`guard::MARKER`]) names its manifest, or says `dirty` while the tree is
//! being changed; a dirty spare (a killed build) is removed and made again. Only folders holding
//! the marker (or empty ones) are ever replaced or removed. Files someone put into the output
//! (a `CNAME`, another tool's index) are no build's: each build carries them into the new output
//! as links, and stops, naming one, when it would write a file at its place.
//!
//! When the output's manifest is gone (the state folder was deleted, or `public/` was copied
//! here without it), which of its files a build wrote is unknown: every file this build does not
//! write is carried over, and the old tree is kept aside (`previous-output-N` in the state
//! folder, named to the user) unless each of its files is equal to one this build wrote.

pub mod fingerprint;
mod guard;
mod leftovers;
mod manifest;
mod swap;

pub(crate) use guard::resolve;
pub use guard::{check, is_marked, Target, MARKER};

use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::render::{OutputFile, Sink};
use guard::MARKER_TAG;
use manifest::{Entry, Manifest};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

/// The spare tree's name inside the state folder.
const SPARE: &str = "spare";
/// Where the output waits during an exchange by renames (systems without `RENAME_EXCHANGE`).
const PARKED: &str = "parked";
/// Where a tree whose content is not known is kept aside: `previous-output-N`.
const ASIDE_PREFIX: &str = "previous-output-";
/// A tree being removed: `trash-PID`, renamed away first so that a kill halfway leaves no spare
/// without its marker, only trash that the next build removes.
const TRASH_PREFIX: &str = "trash-";
const LOCK: &str = "lock";
const MANIFEST_PREFIX: &str = "manifest-";
/// The fingerprint of the last build's inputs and the id of the output it made.
const INPUTS: &str = "inputs";
/// What that build reported (its warnings, as printed), shown again when a build is skipped.
const REPORT: &str = "report";
/// The largest report kept; a build with a longer one is not skipped next time.
const MAX_REPORT: usize = 1 << 20;

/// What a finished build did to the output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The output already held exactly these files: nothing was written.
    Unchanged,
    /// The output was replaced by the updated spare tree.
    Replaced {
        /// Files written into the spare tree.
        written: usize,
        /// Files linked into the spare tree from the output (equal there, missing in the spare).
        linked: usize,
        /// Files removed from it, no longer made.
        removed: usize,
        /// Files and folders someone put into the output (a `CNAME`, another tool's index),
        /// carried into the new output as they are.
        kept: usize,
    },
}

/// Writes `files` as the complete new content of `out`, for a project at `root`.
pub fn write_site(root: &Path, out: &Path, files: &[OutputFile]) -> Result<Outcome, String> {
    let update = Update::begin(root, out).map_err(|m| m.to_string())?;
    files
        .par_iter()
        .try_for_each(|f| update.write(&f.path, &f.bytes))
        .map_err(|e| format!("cannot write into `{}`: {e}", out.display()))?;
    update
        .commit(None, b"")
        .map_err(|e| format!("cannot write `{}`: {e}", out.display()))
}

/// One build's writing of an output folder: files arrive through [`Sink::put`] (from several
/// threads), then [`Update::commit`] puts them in place, or [`Update::abandon`] leaves the
/// output as it was.
pub struct Update {
    target: Target,
    state: PathBuf,
    spare: PathBuf,
    _lock: swap::Lock,
    /// The spare tree is made by this build (none was there, or only an empty or dirty one):
    /// it holds only what this build writes, so it need not be searched for other files.
    new_spare: bool,
    /// What the output holds (empty when unknown).
    out_files: Manifest,
    /// Whether `out_files` is what the output holds: false when it is marked but its manifest is
    /// gone. Then every file of it that this build does not write is kept.
    out_known: bool,
    /// With `out_known` false: the output holds, at a place this build writes, something else
    /// than what it writes (an older version, or a file of the user's): after the exchange the
    /// old tree is kept aside instead of becoming the spare.
    superseded: AtomicBool,
    /// Trees of unknown content set aside in the state folder, to be named to the user.
    aside: Mutex<Vec<PathBuf>>,
    /// How many of the output's files and folders were kept because its manifest was gone.
    kept_unknown: AtomicUsize,
    /// What the spare tree holds now, kept up to date as files are written into it.
    spare_files: Mutex<Manifest>,
    /// The files of this build.
    new_files: Mutex<Manifest>,
    /// Files equal to the output's: copied into the spare (as links) only if the output changes.
    same_as_out: Mutex<Vec<String>>,
    /// Whether the spare has been marked dirty, which comes before changing anything in it.
    opened: Mutex<bool>,
    /// A write into the spare failed: it is left dirty, to be made again by the next build.
    failed: AtomicBool,
    /// Folders (relative to the spare) known to exist: each is made once, not once per file.
    made: Mutex<HashSet<PathBuf>>,
    written: AtomicUsize,
    linked: AtomicUsize,
}

impl Update {
    /// Checks the output folder ([`guard::check`]), takes the lock and reads what the output and
    /// the spare hold. Refusals write nothing and name the folder.
    pub fn begin(root: &Path, out: &Path) -> Result<Update, Message> {
        let target = guard::check(root, out)?;
        let state = target.state_dir();
        let shown = out.display().to_string();
        let state_shown = state.display().to_string();
        let detail = |e: io::Error| crate::messages::io_detail(&e);
        std::fs::create_dir_all(&state).map_err(|e| {
            crate::msg!(
                "output-cannot-make",
                path = &state_shown,
                detail = detail(e)
            )
        })?;
        let lock = swap::lock(&state.join(LOCK))
            .map_err(|e| {
                crate::msg!(
                    "output-cannot-lock",
                    path = &state_shown,
                    detail = detail(e)
                )
            })?
            .ok_or_else(|| crate::msg!("output-locked", out = &shown))?;
        abort_point("locked");
        leftovers::remove(&target.parent, &target.name);
        remove_trash(&state);
        let spare = state.join(SPARE);
        swap::recover(&target.out, &spare, &state.join(PARKED))
            .map_err(|e| crate::msg!("output-cannot-restore", path = &shown, detail = detail(e)))?;
        // An unmarked output is missing or empty (see `guard::check`): it holds nothing.
        let (out_files, out_known) = match read_manifest(&state, &target.out) {
            Some(m) => (m, true),
            None => (Manifest::new(), !guard::is_marked(&target.out)),
        };
        let mut new_spare = true;
        let mut aside = Vec::new();
        let spare_files = match std::fs::symlink_metadata(&spare) {
            Err(_) => Manifest::new(),
            Ok(_) => match read_manifest(&state, &spare) {
                Some(m) => {
                    new_spare = false;
                    m
                }
                None if marker_word(&spare).as_deref() == Some(DIRTY) => {
                    // Left dirty by a killed build: it held a known tree (a build's files, and
                    // links to what was carried into the output), so it is made again.
                    discard(&state, &spare).map_err(|e| {
                        crate::msg!(
                            "output-cannot-remove",
                            path = spare.display().to_string(),
                            detail = detail(e)
                        )
                    })?;
                    Manifest::new()
                }
                None if guard::is_marked(&spare) => {
                    // A sealed tree whose manifest is gone (an output whose manifest was unknown
                    // when it was replaced): which files of it a build wrote is not known, so it
                    // is kept aside, never removed.
                    aside.push(set_aside(&state, &spare).map_err(|e| {
                        crate::msg!(
                            "output-cannot-remove",
                            path = spare.display().to_string(),
                            detail = detail(e)
                        )
                    })?);
                    Manifest::new()
                }
                None => {
                    let empty = std::fs::read_dir(&spare).is_ok_and(|mut d| d.next().is_none());
                    if !empty {
                        return Err(crate::msg!(
                            "output-spare-foreign",
                            path = spare.display().to_string()
                        ));
                    }
                    Manifest::new()
                }
            },
        };
        let made = spare_files
            .keys()
            .flat_map(|p| Path::new(p).ancestors().skip(1).map(Path::to_path_buf))
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        Ok(Update {
            target,
            state,
            spare,
            _lock: lock,
            new_spare,
            out_files,
            out_known,
            superseded: AtomicBool::new(false),
            aside: Mutex::new(aside),
            kept_unknown: AtomicUsize::new(0),
            spare_files: Mutex::new(spare_files),
            new_files: Mutex::new(Manifest::new()),
            same_as_out: Mutex::new(Vec::new()),
            opened: Mutex::new(false),
            failed: AtomicBool::new(false),
            made: Mutex::new(made),
            written: AtomicUsize::new(0),
            linked: AtomicUsize::new(0),
        })
    }

    /// The output folder, by its real path.
    pub fn out(&self) -> &Path {
        &self.target.out
    }

    /// Takes one file of the build; writes it into the spare only when neither the output nor the
    /// spare holds it already (safe to call from several threads at once).
    pub fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let entry = Entry::of(bytes);
        lock(&self.new_files).insert(path.to_owned(), entry);
        if self.out_files.get(path) == Some(&entry) || self.same_in_unknown_output(path, bytes) {
            lock(&self.same_as_out).push(path.to_owned());
            return Ok(());
        }
        let present = match lock(&self.spare_files).get(path) {
            Some(e) if *e == entry => return Ok(()),
            Some(_) => true,
            None => false,
        };
        let to = self.spare.join(path);
        let result = self
            .open_spare()
            .map_err(at(&self.spare))
            .and_then(|()| {
                self.make_parent(path)?;
                write_file(&to, bytes, present)
            })
            .map_err(at(&to));
        if result.is_err() {
            self.failed.store(true, Ordering::SeqCst);
            return result;
        }
        lock(&self.spare_files).insert(path.to_owned(), entry);
        if self.written.fetch_add(1, Ordering::SeqCst) == 0 {
            abort_point("file-written");
        }
        Ok(())
    }

    /// With the output's manifest unknown: whether the output holds exactly `bytes` at `path`
    /// (then it is taken from there, as from a known output). Anything else there is noted as
    /// superseded (see [`Update::superseded`]).
    fn same_in_unknown_output(&self, path: &str, bytes: &[u8]) -> bool {
        if self.out_known {
            return false;
        }
        let at = self.target.out.join(path);
        let same = match std::fs::symlink_metadata(&at) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return false,
            // Only a plain file of the same length is read (a link or a FIFO never is).
            Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
                std::fs::read(&at).is_ok_and(|old| old == bytes)
            }
            _ => false,
        };
        if !same {
            self.superseded.store(true, Ordering::SeqCst);
        }
        same
    }

    /// The trees of unknown content that were kept aside in the state folder instead of being
    /// removed, and what was kept in the output because its manifest was gone: to tell the user
    /// (after [`Update::commit`]).
    pub fn notices(&self) -> Vec<Message> {
        let state = self.state.display().to_string();
        let out = self.target.out.display().to_string();
        let mut notes = Vec::new();
        let kept = self.kept_unknown.load(Ordering::SeqCst);
        if kept > 0 {
            notes.push(crate::msg!(
                "output-unknown-kept",
                state = &state,
                out = &out,
                count = kept
            ));
        }
        for path in lock(&self.aside).iter() {
            notes.push(crate::msg!(
                "output-previous-kept",
                path = path.display().to_string(),
                state = &state
            ));
        }
        notes
    }

    /// Marks the spare dirty (making it when missing) before its first change.
    fn open_spare(&self) -> io::Result<()> {
        let mut opened = lock(&self.opened);
        if !*opened {
            std::fs::create_dir_all(&self.spare)?;
            like_the_output(&self.target.out, &self.spare);
            self.put_marker(DIRTY)?;
            abort_point("spare-opened");
            *opened = true;
        }
        Ok(())
    }

    fn make_parent(&self, path: &str) -> io::Result<()> {
        let Some(parent) = Path::new(path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        else {
            return Ok(());
        };
        if lock(&self.made).contains(parent) {
            return Ok(());
        }
        std::fs::create_dir_all(self.spare.join(parent))?;
        let mut made = lock(&self.made);
        for dir in parent.ancestors().filter(|p| !p.as_os_str().is_empty()) {
            made.insert(dir.to_path_buf());
        }
        Ok(())
    }

    /// Replaces the spare's marker in one step, through a file in the state folder (a half-written
    /// file inside the tree would end up in the output).
    fn put_marker(&self, id: &str) -> io::Result<()> {
        let text = format!(
            "{MARKER_TAG} {id}\n# Written by `kennisbank build`, which replaces this folder as a whole.\n"
        );
        replace_file(&self.state, &self.spare.join(MARKER), text.as_bytes())
    }

    /// Whether the output was made by the last build, from inputs with this [`fingerprint`],
    /// and that build found no error: then building again is not needed. `Some` holds what that
    /// build reported (its warnings as printed, often nothing), to be shown again.
    pub fn up_to_date(&self, fingerprint: Option<&str>) -> Option<Vec<u8>> {
        let (fingerprint, out_id) = (fingerprint?, marker_id(&self.target.out)?);
        let text = std::fs::read_to_string(self.state.join(INPUTS)).ok()?;
        let mut parts = text.split_whitespace();
        if parts.next() != Some(fingerprint) || parts.next() != Some(out_id.as_str()) {
            return None;
        }
        std::fs::read(self.state.join(REPORT)).ok()
    }

    /// Puts the new files in the output's place: brings the spare up to date, seals it with its
    /// manifest and swaps it with the output. When the output holds exactly these files already,
    /// nothing is written. `fingerprint` is that of the inputs, for a build without errors, and
    /// `report` what it printed (see [`Update::up_to_date`]).
    pub fn commit(&self, fingerprint: Option<&str>, report: &[u8]) -> io::Result<Outcome> {
        let outcome = self.put_in_place()?;
        let record = self.state.join(INPUTS);
        let kept = self.state.join(REPORT);
        match (fingerprint, marker_id(&self.target.out)) {
            (Some(fingerprint), Some(id)) if report.len() <= MAX_REPORT => {
                // The report first: a record never points at a report of another build.
                remove_if_there(&record)?;
                replace_file(&self.state, &kept, report)?;
                replace_file(
                    &self.state,
                    &record,
                    format!("{fingerprint} {id}\n").as_bytes(),
                )?
            }
            _ => remove_if_there(&record)?,
        }
        Ok(outcome)
    }

    fn put_in_place(&self) -> io::Result<Outcome> {
        let new_files = std::mem::take(&mut *lock(&self.new_files));
        let opened = *lock(&self.opened);
        if self.out_known
            && !opened
            && new_files == self.out_files
            && guard::is_marked(&self.target.out)
        {
            return Ok(Outcome::Unchanged);
        }
        self.open_spare().map_err(at(&self.spare))?;
        let same: Vec<String> = std::mem::take(&mut *lock(&self.same_as_out));
        same.par_iter().try_for_each(|path| -> io::Result<()> {
            let entry = new_files.get(path).copied();
            let present = match lock(&self.spare_files).get(path) {
                Some(e) if Some(*e) == entry => return Ok(()),
                Some(_) => true,
                None => false,
            };
            let to = self.spare.join(path);
            self.make_parent(path).map_err(at(&to))?;
            if present {
                remove_if_there(&to).map_err(at(&to))?;
            }
            // A link shares the output's file; it is never changed in place (see `write_file`).
            if std::fs::hard_link(self.target.out.join(path), &to).is_err() {
                std::fs::copy(self.target.out.join(path), &to).map_err(at(&to))?;
            }
            self.linked.fetch_add(1, Ordering::SeqCst);
            Ok(())
        })?;
        let spare_files = std::mem::take(&mut *lock(&self.spare_files));
        let mut gone: Vec<&String> = spare_files
            .keys()
            .filter(|p| !new_files.contains_key(*p))
            .collect();
        gone.sort_unstable();
        let mut emptied = HashSet::new();
        for path in &gone {
            let at_path = self.spare.join(path);
            remove_if_there(&at_path).map_err(at(&at_path))?;
            emptied.extend(
                Path::new(path.as_str())
                    .ancestors()
                    .skip(1)
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(Path::to_path_buf),
            );
        }
        // Deepest first, so a folder emptied by removing its last subfolder goes too.
        let mut emptied: Vec<PathBuf> = emptied.into_iter().collect();
        emptied.sort_unstable_by_key(|p| std::cmp::Reverse(p.components().count()));
        for dir in emptied {
            // Fails, as it should, for a folder that still holds files.
            if std::fs::remove_dir(self.spare.join(&dir)).is_ok() {
                lock(&self.made).remove(&dir);
            }
        }
        // Walking a whole tree costs an `open` and a `getdents` per folder (10,000 at 10,000
        // practices): only a tree that was the output before can hold files put there by hand.
        // (What it removes was carried over from the output before, and is carried again below
        // when it is still there: no file of the build, so not counted as removed.)
        if !self.new_spare {
            remove_unlisted(&self.spare, &new_files)?;
        }
        // Files put into the output by hand are no build's to remove: they go along (and, when
        // its manifest is gone, every file this build does not write).
        let kept = if std::fs::symlink_metadata(&self.target.out).is_ok() {
            self.keep_foreign(&new_files)?
        } else {
            0
        };
        if !self.out_known {
            self.kept_unknown.store(kept, Ordering::SeqCst);
        }
        abort_point("spare-updated");
        let id = self.seal(&new_files).map_err(at(&self.spare))?;
        abort_point("sealed");
        let mut previous_out = marker_id(&self.target.out);
        like_the_output(&self.target.out, &self.spare);
        swap::exchange(&self.spare, &self.target.out, &self.state.join(PARKED))
            .map_err(at(&self.target.out))?;
        abort_point("exchanged");
        if !self.out_known {
            // The old tree is now the spare. When each of its files is one this build wrote too
            // (linked into the new output) or was carried over, it is known and stays the spare;
            // otherwise it is kept aside. Either may fail or be killed: the next build finds a
            // sealed spare without manifest and keeps it aside.
            previous_out = None;
            if self.superseded.load(Ordering::SeqCst) {
                if let Ok(path) = set_aside(&self.state, &self.spare) {
                    lock(&self.aside).push(path);
                }
            } else {
                let built: Manifest = same
                    .iter()
                    .filter_map(|p| Some((p.clone(), *new_files.get(p)?)))
                    .collect();
                previous_out = self.seal(&built).ok();
            }
        }
        let keep: Vec<String> = std::iter::once(id).chain(previous_out).collect();
        self.remove_old_manifests(&keep);
        Ok(Outcome::Replaced {
            written: self.written.load(Ordering::SeqCst),
            linked: self.linked.load(Ordering::SeqCst),
            removed: gone.len(),
            kept,
        })
    }

    /// Links into the spare every file and folder of the output that no build wrote (not in its
    /// manifest), so that the exchange keeps them; returns how many. One that this build would
    /// write over (the same path, or a folder or file where it has the other) stops the build,
    /// naming it: it is never replaced.
    fn keep_foreign<'a>(&'a self, new_files: &'a Manifest) -> io::Result<usize> {
        let folders = |files: &'a Manifest| -> HashSet<&'a Path> {
            files
                .keys()
                .flat_map(|p| Path::new(p.as_str()).ancestors().skip(1))
                .collect()
        };
        let new_folders = folders(new_files);
        let out_folders = folders(&self.out_files);
        let mut kept = 0;
        let mut stack = vec![PathBuf::new()];
        while let Some(rel) = stack.pop() {
            let out_dir = self.target.out.join(&rel);
            for entry in std::fs::read_dir(&out_dir).map_err(at(&out_dir))? {
                let entry = entry.map_err(at(&out_dir))?;
                let path = rel.join(entry.file_name());
                let is_dir = entry.file_type().map_err(at(&entry.path()))?.is_dir();
                // A name that is not UTF-8 is no name the build writes: foreign, and in no one's way.
                let name = path
                    .to_str()
                    .map(|p| p.replace('\\', "/"))
                    .unwrap_or_default();
                if name == MARKER || self.out_files.contains_key(&name) {
                    continue;
                }
                if is_dir
                    && (new_folders.contains(path.as_path())
                        || out_folders.contains(path.as_path()))
                {
                    stack.push(path);
                    continue;
                }
                // Foreign: nothing of this build may be at its place or above it.
                let above_is_file = path
                    .ancestors()
                    .skip(1)
                    .filter_map(Path::to_str)
                    .any(|a| new_files.contains_key(a));
                if new_files.contains_key(&name)
                    || new_folders.contains(path.as_path())
                    || above_is_file
                {
                    if self.out_known {
                        return Err(self.foreign_in_the_way(&path));
                    }
                    // Unknown output: most likely an earlier build's file at the place of one of
                    // this build's. A plain file there was compared in `write`; anything else
                    // keeps the old tree aside.
                    if is_dir || !new_files.contains_key(&name) {
                        self.superseded.store(true, Ordering::SeqCst);
                    }
                    continue;
                }
                // Not through `make_parent`'s list: the folder may have been removed from the
                // spare just now, emptied of the build's files (few files are kept: cheap).
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    let parent = self.spare.join(parent);
                    std::fs::create_dir_all(&parent).map_err(at(&parent))?;
                }
                let to = self.spare.join(&path);
                if is_dir {
                    copy_tree_as_links(&entry.path(), &to).map_err(at(&to))?;
                } else {
                    remove_if_there(&to).map_err(at(&to))?;
                    std::fs::hard_link(entry.path(), &to).map_err(at(&to))?;
                }
                kept += 1;
            }
        }
        Ok(kept)
    }

    fn foreign_in_the_way(&self, path: &Path) -> io::Error {
        io::Error::other(
            crate::msg!(
                "output-foreign-in-the-way",
                path = self.target.out.join(path).display().to_string()
            )
            .to_string(),
        )
    }

    /// Leaves the output as it was (the build failed). The spare keeps what was written into it,
    /// recorded in its manifest, so the next build does not write it again.
    pub fn abandon(self) {
        if *lock(&self.opened) && !self.failed.load(Ordering::SeqCst) {
            let files = std::mem::take(&mut *lock(&self.spare_files));
            let _ = self.seal(&files);
        }
    }

    /// Writes the manifest of the spare tree and names it in the spare's marker; returns its id.
    fn seal(&self, files: &Manifest) -> io::Result<String> {
        let text = manifest::to_text(files);
        let id = manifest::id(&text);
        replace_file(
            &self.state,
            &self.state.join(format!("{MANIFEST_PREFIX}{id}")),
            text.as_bytes(),
        )?;
        self.put_marker(&id)?;
        Ok(id)
    }

    fn remove_old_manifests(&self, keep: &[String]) {
        let Ok(entries) = std::fs::read_dir(&self.state) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(id) = name.strip_prefix(MANIFEST_PREFIX) {
                if !keep.iter().any(|k| k == id) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }
}

impl Sink for Update {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.write(&file.path, &file.bytes).map_err(|e| {
            let path =
                failed_path(&e).map_or_else(|| self.spare.join(&file.path), Path::to_path_buf);
            cannot_write(&path, &e)
        })
    }
}

/// The error for an output file that could not be written (a full disk, no permission): the
/// build reports the first and counts the others (see `render`).
pub fn cannot_write(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::CannotWrite,
        path.to_string_lossy().into_owned(),
        crate::msg!("cannot-write", detail = crate::messages::io_detail(e)),
    )
    .hint(crate::msg!("cannot-write-hint"))
}

/// An I/O error with the path it happened at (see [`failed_path`]); it reads as the error itself.
#[derive(Debug)]
struct AtPath {
    path: PathBuf,
    source: io::Error,
}

impl std::fmt::Display for AtPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.source.fmt(f)
    }
}

impl std::error::Error for AtPath {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Gives an error the path it happened at, unless it has one already (the innermost is the one
/// that failed).
fn at(path: &Path) -> impl FnOnce(io::Error) -> io::Error + '_ {
    move |e| {
        if failed_path(&e).is_some() {
            return e;
        }
        io::Error::new(
            e.kind(),
            AtPath {
                path: path.to_owned(),
                source: e,
            },
        )
    }
}

/// The file or folder at which writing the output failed, when known: to name it, rather than the
/// output folder, in the message.
pub fn failed_path(e: &io::Error) -> Option<&Path> {
    Some(e.get_ref()?.downcast_ref::<AtPath>()?.path.as_path())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// What a marker says of a tree that is being changed.
const DIRTY: &str = "dirty";

/// The word after the tag in the marker in `dir`: a manifest id, or [`DIRTY`].
fn marker_word(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(MARKER)).ok()?;
    Some(
        text.lines()
            .next()?
            .strip_prefix(MARKER_TAG)?
            .trim()
            .to_owned(),
    )
}

/// The manifest id named by the marker in `dir`, unless it is missing or dirty.
fn marker_id(dir: &Path) -> Option<String> {
    let id = marker_word(dir)?;
    (id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())).then_some(id)
}

/// Removes the tree `dir` (ours) so that a kill halfway cannot leave it without its marker (which
/// `remove_dir_all` may delete first): it is renamed to `trash-PID` in the state folder first.
fn discard(state: &Path, dir: &Path) -> io::Result<()> {
    let trash = state.join(format!("{TRASH_PREFIX}{}", std::process::id()));
    std::fs::rename(dir, &trash)?;
    std::fs::remove_dir_all(&trash)
}

/// Finishes removing what [`discard`] began in a build that was killed (the caller holds the
/// lock, so no build is removing it now). Only `trash-PID` folders in our state folder are
/// touched: nothing but `discard` makes them.
fn remove_trash(state: &Path) {
    let Ok(entries) = std::fs::read_dir(state) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let is_trash = name
            .to_str()
            .and_then(|n| n.strip_prefix(TRASH_PREFIX))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        if is_trash && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Moves the tree `dir` to the first free `previous-output-N` in the state folder; returns where.
fn set_aside(state: &Path, dir: &Path) -> io::Result<PathBuf> {
    for n in 1.. {
        let to = state.join(format!("{ASIDE_PREFIX}{n}"));
        if std::fs::symlink_metadata(&to).is_err() {
            std::fs::rename(dir, &to)?;
            return Ok(to);
        }
    }
    unreachable!("a free name is found")
}

/// What the tree `dir` holds, from the manifest its marker names; `None` when unknown.
fn read_manifest(state: &Path, dir: &Path) -> Option<Manifest> {
    let id = marker_id(dir)?;
    let text = std::fs::read_to_string(state.join(format!("{MANIFEST_PREFIX}{id}"))).ok()?;
    (manifest::id(&text) == id).then(|| manifest::parse(&text))?
}

/// Writes `path` in one step: a new file in `scratch` (same filesystem), renamed over it.
fn replace_file(scratch: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = scratch.join(format!(".tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// Removes from the spare tree `dir` what is not among `files`: what someone put into the output
/// by hand (or another tool, such as a search indexer) while it was the output. Those are carried
/// into every new output from the output itself ([`Update::keep_foreign`]), so a file removed
/// from the output by hand does not come back from the spare. Returns how many files and folders
/// were removed.
fn remove_unlisted(dir: &Path, files: &Manifest) -> io::Result<usize> {
    let folders: HashSet<&Path> = files
        .keys()
        .flat_map(|p| Path::new(p.as_str()).ancestors().skip(1))
        .collect();
    let mut removed = 0;
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let at_dir = dir.join(&rel);
        for entry in std::fs::read_dir(&at_dir).map_err(at(&at_dir))? {
            let entry = entry.map_err(at(&at_dir))?;
            let path = rel.join(entry.file_name());
            let is_dir = entry.file_type().map_err(at(&entry.path()))?.is_dir();
            let known = if is_dir {
                folders.contains(path.as_path())
            } else {
                path.to_str()
                    .is_some_and(|p| files.contains_key(p) || p == MARKER)
            };
            if known && is_dir {
                stack.push(path);
            } else if !known {
                removed += 1;
                if is_dir {
                    std::fs::remove_dir_all(entry.path()).map_err(at(&entry.path()))?;
                } else {
                    std::fs::remove_file(entry.path()).map_err(at(&entry.path()))?;
                }
            }
        }
    }
    Ok(removed)
}

/// Makes `to` a copy of the folder `from` whose files are links to `from`'s (symbolic links
/// copied as links).
fn copy_tree_as_links(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree_as_links(&entry.path(), &target)?;
        } else {
            std::fs::hard_link(entry.path(), &target)?;
        }
    }
    Ok(())
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Writes a file of the spare tree. An existing file is rewritten in place (on ext4 far cheaper
/// than a new file), unless it is shared with the output through a link: then it is replaced.
fn write_file(path: &Path, bytes: &[u8], present: bool) -> io::Result<()> {
    if present {
        match std::fs::OpenOptions::new().write(true).open(path) {
            Ok(mut f) if !is_shared(&f)? => {
                f.set_len(0)?;
                return f.write_all(bytes);
            }
            Ok(_) => std::fs::remove_file(path)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    std::fs::write(path, bytes)
}

#[cfg(unix)]
fn is_shared(f: &std::fs::File) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    Ok(f.metadata()?.nlink() > 1)
}

#[cfg(not(unix))]
fn is_shared(_: &std::fs::File) -> io::Result<bool> {
    Ok(true)
}

/// A test hook: with `KENNISBANK_TEST_ABORT_AT=STEP` in the environment, the process is killed
/// (SIGKILL: no clean-up runs) when the write reaches `STEP`. The steps, in order: `locked`,
/// `spare-opened`, `file-written`, `spare-updated`, `sealed`, (`parked`, only without
/// `RENAME_EXCHANGE`), `exchanged`.
fn abort_point(step: &str) {
    static AT: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let at = AT.get_or_init(|| std::env::var("KENNISBANK_TEST_ABORT_AT").ok());
    if at.as_deref() == Some(step) {
        eprintln!("KENNISBANK_TEST_ABORT_AT={step}: killed here");
        #[cfg(unix)]
        // SAFETY: sends a signal to this process; no memory is touched.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
        std::process::abort();
    }
}

/// Gives the spare tree the output folder's permissions, owner and group, so that the exchange
/// does not change what a web server sees: an output made for it (`chmod 2775`, group `www-data`)
/// stays so after every build. Best effort: without the right to set them, the spare keeps its
/// own (a build by another user could not have made the folder otherwise either).
fn like_the_output(out: &Path, spare: &Path) {
    let Ok(meta) = std::fs::metadata(out) else {
        return;
    };
    if !meta.is_dir() {
        return;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let _ = std::os::unix::fs::chown(spare, Some(meta.uid()), Some(meta.gid()));
        // After the owner: changing it clears the setgid bit. The owner keeps the right to write
        // into it and to move it (which the next build needs).
        let mode = meta.permissions().mode() | 0o700;
        let _ = std::fs::set_permissions(spare, std::fs::Permissions::from_mode(mode));
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

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_output_and_drops_stale_files_and_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let first = [
            file("index.html", "een"),
            file("oud/diep/index.html", "weg"),
        ];
        assert!(matches!(
            write_site(tmp.path(), &out, &first).unwrap(),
            Outcome::Replaced {
                written: 2,
                linked: 0,
                removed: 0,
                kept: 0
            }
        ));
        let second = [file("index.html", "twee"), file("a/b/c.txt", "c")];
        write_site(tmp.path(), &out, &second).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "twee"
        );
        assert!(!out.join("oud").exists());
        assert_eq!(std::fs::read_to_string(out.join("a/b/c.txt")).unwrap(), "c");
        // The third build updates the first one's tree: its stale folders go too.
        let third = [file("index.html", "drie"), file("a/b/c.txt", "c")];
        write_site(tmp.path(), &out, &third).unwrap();
        assert_eq!(listing(&out), [MARKER, "a", "index.html"]);
        assert_eq!(listing(tmp.path()), [".public.kennisbank", "public"]);
        let spare = tmp.path().join(".public.kennisbank/spare");
        assert_eq!(listing(&spare), [MARKER, "a", "index.html"]);
    }

    #[test]
    fn the_same_files_again_write_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let files = [file("index.html", "een"), file("a/b.txt", "b")];
        write_site(tmp.path(), &out, &files).unwrap();
        assert_eq!(
            write_site(tmp.path(), &out, &files).unwrap(),
            Outcome::Unchanged
        );
        let changed = [file("index.html", "twee"), file("a/b.txt", "b")];
        // No spare yet: the unchanged file is linked from the output, the changed one written.
        assert_eq!(
            write_site(tmp.path(), &out, &changed).unwrap(),
            Outcome::Replaced {
                written: 1,
                linked: 1,
                removed: 0,
                kept: 0
            }
        );
        assert_eq!(
            write_site(tmp.path(), &out, &changed).unwrap(),
            Outcome::Unchanged
        );
        let again = [file("index.html", "drie"), file("a/b.txt", "b")];
        assert_eq!(
            write_site(tmp.path(), &out, &again).unwrap(),
            Outcome::Replaced {
                written: 1,
                linked: 0,
                removed: 0,
                kept: 0
            }
        );
    }

    #[test]
    fn a_file_shared_with_the_output_is_never_changed_in_place() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(tmp.path(), &out, &[file("a.txt", "a"), file("b.txt", "b")]).unwrap();
        // a.txt is linked into the new output from the first one.
        write_site(tmp.path(), &out, &[file("a.txt", "a"), file("b.txt", "B")]).unwrap();
        // Now the spare (the first output) and the output share a.txt; changing it in the spare
        // must not change the output's copy before the swap, nor the old tree after it.
        write_site(tmp.path(), &out, &[file("a.txt", "A"), file("b.txt", "B")]).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "A");
        let spare = tmp.path().join(".public.kennisbank/spare");
        assert_eq!(std::fs::read_to_string(spare.join("a.txt")).unwrap(), "a");
    }

    #[test]
    fn an_abandoned_build_leaves_the_output_and_records_the_spare() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(tmp.path(), &out, &[file("a.txt", "a")]).unwrap();
        let update = Update::begin(tmp.path(), &out).unwrap();
        update.write("a.txt", b"half").unwrap();
        update.abandon();
        assert_eq!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "a");
        assert_eq!(listing(&out), [MARKER, "a.txt"]);
        // The spare already holds the new a.txt: the next build does not write it again.
        let outcome = write_site(tmp.path(), &out, &[file("a.txt", "half")]).unwrap();
        assert_eq!(
            outcome,
            Outcome::Replaced {
                written: 0,
                linked: 0,
                removed: 0,
                kept: 0
            }
        );
        assert_eq!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "half");
    }

    #[test]
    fn files_put_into_the_output_by_hand_are_kept_by_every_build() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(tmp.path(), &out, &[file("a/index.html", "a")]).unwrap();
        std::fs::create_dir_all(out.join("pagefind/x")).unwrap();
        std::fs::write(out.join("pagefind/x/f"), "x").unwrap();
        std::fs::write(out.join("a/extra.txt"), "x").unwrap();
        std::fs::write(out.join("CNAME"), "kennisbank.example.nl").unwrap();
        std::fs::create_dir(out.join("leeg")).unwrap();
        for text in ["b", "c", "d"] {
            let outcome = write_site(tmp.path(), &out, &[file("a/index.html", text)]).unwrap();
            assert!(
                matches!(
                    outcome,
                    Outcome::Replaced {
                        kept: 4,
                        removed: 0,
                        ..
                    }
                ),
                "{outcome:?}"
            );
            assert_eq!(listing(&out), [MARKER, "CNAME", "a", "leeg", "pagefind"]);
            assert_eq!(listing(&out.join("a")), ["extra.txt", "index.html"]);
            assert_eq!(
                std::fs::read_to_string(out.join("a/index.html")).unwrap(),
                text
            );
            assert_eq!(
                std::fs::read_to_string(out.join("pagefind/x/f")).unwrap(),
                "x"
            );
            assert_eq!(
                std::fs::read_to_string(out.join("CNAME")).unwrap(),
                "kennisbank.example.nl"
            );
        }
        // Removed by hand, it stays removed.
        std::fs::remove_file(out.join("CNAME")).unwrap();
        write_site(tmp.path(), &out, &[file("a/index.html", "e")]).unwrap();
        write_site(tmp.path(), &out, &[file("a/index.html", "f")]).unwrap();
        assert_eq!(listing(&out), [MARKER, "a", "leeg", "pagefind"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_of_ones_own_with_a_name_that_is_not_utf8_is_kept_too() {
        use std::os::unix::ffi::OsStrExt;
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(tmp.path(), &out, &[file("a/index.html", "a")]).unwrap();
        let odd = std::ffi::OsStr::from_bytes(b"verslag-\xff.pdf");
        std::fs::write(out.join("a").join(odd), "mine").unwrap();
        for text in ["b", "c"] {
            write_site(tmp.path(), &out, &[file("a/index.html", text)]).unwrap();
            assert_eq!(std::fs::read(out.join("a").join(odd)).unwrap(), b"mine");
        }
    }

    #[test]
    fn a_file_put_where_the_build_writes_stops_it_and_is_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(tmp.path(), &out, &[file("a/index.html", "a")]).unwrap();
        std::fs::write(out.join("b.html"), "mine").unwrap();
        std::fs::create_dir(out.join("c")).unwrap();
        std::fs::write(out.join("c/eigen.txt"), "mine").unwrap();
        for new in ["b.html", "c/eigen.txt", "b.html/index.html"] {
            let err = write_site(
                tmp.path(),
                &out,
                &[file("a/index.html", "a"), file(new, "built")],
            )
            .unwrap_err();
            assert!(err.contains("niet door kennisbank gemaakt"), "{new}: {err}");
            assert_eq!(std::fs::read_to_string(out.join("b.html")).unwrap(), "mine");
            assert_eq!(
                std::fs::read_to_string(out.join("c/eigen.txt")).unwrap(),
                "mine"
            );
        }
    }

    #[test]
    fn without_the_state_folder_every_file_the_build_does_not_write_is_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let state = tmp.path().join(".public.kennisbank");
        write_site(tmp.path(), &out, &[file("a/index.html", "a")]).unwrap();
        std::fs::write(out.join("CNAME"), "kennisbank.example.nl").unwrap();
        std::fs::create_dir(out.join("rapporten")).unwrap();
        std::fs::write(out.join("rapporten/jaarverslag.pdf"), "%PDF").unwrap();
        // Deleted to save space, or `public/` restored alone by a CI cache.
        std::fs::remove_dir_all(&state).unwrap();
        let outcome = write_site(tmp.path(), &out, &[file("a/index.html", "a")]).unwrap();
        assert_eq!(
            outcome,
            Outcome::Replaced {
                written: 0,
                linked: 1,
                removed: 0,
                kept: 2
            }
        );
        for text in ["b", "c", "d"] {
            write_site(tmp.path(), &out, &[file("a/index.html", text)]).unwrap();
            assert_eq!(listing(&out), [MARKER, "CNAME", "a", "rapporten"]);
            assert_eq!(
                std::fs::read_to_string(out.join("rapporten/jaarverslag.pdf")).unwrap(),
                "%PDF"
            );
            assert_eq!(
                std::fs::read_to_string(out.join("CNAME")).unwrap(),
                "kennisbank.example.nl"
            );
        }
        // Every file of the old tree was built again or carried over: nothing needed keeping.
        assert_eq!(
            listing(&state)
                .iter()
                .filter(|n| n.starts_with(ASIDE_PREFIX))
                .count(),
            0
        );
    }

    #[test]
    fn an_output_copied_here_without_its_state_is_kept_aside_where_the_build_differs() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let state = tmp.path().join(".public.kennisbank");
        write_site(
            tmp.path(),
            &out,
            &[file("index.html", "oud"), file("weg.html", "w")],
        )
        .unwrap();
        // A page edited by hand, at a place the build writes.
        std::fs::write(out.join("index.html"), "met de hand bijgewerkt").unwrap();
        std::fs::write(out.join("CNAME"), "x").unwrap();
        std::fs::remove_dir_all(&state).unwrap();
        let update = Update::begin(tmp.path(), &out).unwrap();
        update.write("index.html", b"nieuw").unwrap();
        update.commit(None, b"").unwrap();
        let notes: Vec<String> = update
            .notices()
            .iter()
            .map(|m| m.render(crate::messages::Lang::Nl))
            .collect();
        drop(update);
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "nieuw"
        );
        // Not known to be built: kept in the output, and named.
        assert_eq!(listing(&out), [MARKER, "CNAME", "index.html", "weg.html"]);
        let aside = state.join("previous-output-1");
        assert_eq!(
            std::fs::read_to_string(aside.join("index.html")).unwrap(),
            "met de hand bijgewerkt"
        );
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("alle 2 bestanden en mappen"), "{notes:?}");
        assert!(notes[1].contains("previous-output-1"), "{notes:?}");
        // Later builds leave it alone.
        write_site(tmp.path(), &out, &[file("index.html", "twee")]).unwrap();
        write_site(tmp.path(), &out, &[file("index.html", "drie")]).unwrap();
        assert!(aside.join("index.html").exists());
        assert_eq!(listing(&out), [MARKER, "CNAME", "index.html", "weg.html"]);
    }

    #[test]
    fn a_sealed_spare_whose_manifest_is_gone_is_kept_aside_not_removed() {
        // What an earlier version left after building an output whose manifest was gone: the
        // user's files only in the spare.
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(tmp.path(), &out, &[file("a.txt", "a")]).unwrap();
        let state = tmp.path().join(".public.kennisbank");
        let spare = state.join(SPARE);
        std::fs::create_dir_all(spare.join("rapporten")).unwrap();
        std::fs::write(
            spare.join(MARKER),
            format!("{MARKER_TAG} {}\n", "0".repeat(32)),
        )
        .unwrap();
        std::fs::write(spare.join("rapporten/jaarverslag.pdf"), "%PDF").unwrap();
        write_site(tmp.path(), &out, &[file("b.txt", "b")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(state.join("previous-output-1/rapporten/jaarverslag.pdf"))
                .unwrap(),
            "%PDF"
        );
    }

    #[test]
    fn removing_a_page_whose_folder_holds_a_file_of_ones_own_keeps_it_at_once() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let page = |text: &str| file("praktijken/a/index.html", text);
        write_site(tmp.path(), &out, &[page("a"), file("p/x/index.html", "p")]).unwrap();
        // A second build, so that the spare holds the page's folder.
        write_site(tmp.path(), &out, &[page("b"), file("p/x/index.html", "p")]).unwrap();
        std::fs::write(out.join("p/x/bijlage.pdf"), "eigen bijlage").unwrap();
        // The practice is removed: its page goes, the file of one's own stays.
        write_site(tmp.path(), &out, &[page("b")]).unwrap();
        assert_eq!(listing(&out.join("p/x")), ["bijlage.pdf"]);
        assert_eq!(
            std::fs::read_to_string(out.join("p/x/bijlage.pdf")).unwrap(),
            "eigen bijlage"
        );
    }

    #[test]
    fn a_failed_write_names_the_file_that_failed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(tmp.path(), &out, &[file("a.txt", "a")]).unwrap();
        let update = Update::begin(tmp.path(), &out).unwrap();
        update.write("b/c.txt", b"c").unwrap();
        // Something removes the spare's folder behind the build's back.
        std::fs::remove_dir_all(tmp.path().join(".public.kennisbank/spare/b")).unwrap();
        update.write("b/d.txt", b"d").unwrap_err();
        let err = update.write("b/e.txt", b"e").unwrap_err();
        assert_eq!(
            failed_path(&err),
            Some(
                tmp.path()
                    .join(".public.kennisbank/spare/b/e.txt")
                    .as_path()
            )
        );
    }

    #[test]
    fn a_dirty_spare_is_made_again() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(tmp.path(), &out, &[file("a.txt", "a")]).unwrap();
        let spare = tmp.path().join(".public.kennisbank/spare");
        std::fs::create_dir_all(&spare).unwrap();
        std::fs::write(spare.join(MARKER), format!("{MARKER_TAG} dirty\n")).unwrap();
        std::fs::write(spare.join("stale.txt"), "x").unwrap();
        write_site(tmp.path(), &out, &[file("b.txt", "b")]).unwrap();
        assert_eq!(listing(&out), [MARKER, "b.txt"]);
    }

    #[test]
    fn a_dirty_spare_is_removed_through_the_trash_and_a_killed_removal_is_finished() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(tmp.path(), &out, &[file("a.txt", "a")]).unwrap();
        let state = tmp.path().join(".public.kennisbank");
        // What a build killed while removing a dirty spare leaves now: trash, its marker gone.
        let trash = state.join("trash-4999999");
        std::fs::create_dir_all(trash.join("zoeken")).unwrap();
        std::fs::write(trash.join("zoeken/x.bin"), "x").unwrap();
        let spare = state.join(SPARE);
        std::fs::create_dir_all(&spare).unwrap();
        std::fs::write(spare.join(MARKER), format!("{MARKER_TAG} dirty\n")).unwrap();
        std::fs::write(spare.join("stale.txt"), "x").unwrap();
        write_site(tmp.path(), &out, &[file("b.txt", "b")]).unwrap();
        assert_eq!(listing(&out), [MARKER, "b.txt"]);
        assert!(
            listing(&state).iter().all(|n| !n.starts_with(TRASH_PREFIX)),
            "{:?}",
            listing(&state)
        );
    }

    #[test]
    fn a_spare_without_marker_is_refused_naming_it_and_how_to_fix_it() {
        // What a build of an earlier version left when killed while removing a dirty spare.
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(tmp.path(), &out, &[file("a.txt", "a")]).unwrap();
        let spare = tmp.path().join(".public.kennisbank/spare");
        std::fs::create_dir_all(spare.join("zoeken")).unwrap();
        std::fs::write(spare.join("zoeken/x.bin"), "x").unwrap();
        let err = write_site(tmp.path(), &out, &[file("b.txt", "b")]).unwrap_err();
        assert!(
            err.contains(&format!("`{}`", spare.display()))
                && err.contains("verwijder de map")
                && !err.contains("uitvoermap `"),
            "{err}"
        );
        assert!(spare.join("zoeken/x.bin").exists());
    }

    #[test]
    fn a_spare_with_foreign_files_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let spare = tmp.path().join(".public.kennisbank/spare");
        std::fs::create_dir_all(&spare).unwrap();
        std::fs::write(spare.join("eigen.txt"), "x").unwrap();
        assert!(write_site(tmp.path(), &out, &[file("a.txt", "a")]).is_err());
        assert!(spare.join("eigen.txt").exists());
        assert!(!out.exists());
    }
}
