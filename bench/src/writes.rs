//! The builds a user runs, in the order a user meets them: a clean build (no output yet), the same
//! build again with no change, a build after editing one practice, a build after changing a
//! template, and the first build after an edit that follows a clean build (for kennisbank the one
//! that has no spare tree yet). Each case changes the kennisbank project and the Hugo site alike before a run.

use std::io;
use std::path::Path;

/// One kind of build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Clean,
    Unchanged,
    OnePractice,
    Template,
    /// A clean build (outside the timing), one edited practice, then the timed build.
    FirstEdit,
    /// A clean build on a disk that has settled since the output was removed, as after a fresh
    /// clone: the removal is written back (`sync`) and [`SETTLE_SECS`] pass before the run. Not
    /// in [`Case::ALL`] (it waits a minute per run): `compare --only settled`.
    CleanSettled,
}

/// How long [`Case::CleanSettled`] waits after the removal and `sync`. Without a journal, ext4
/// does not give out an inode freed in the last 60 seconds once its inode-table block is written
/// back (360 while it is not), and scans past every such inode for each new file: a build right
/// after a mass removal pays for the removal (BENCHMARKS.md, "Why the clean build on the VM's
/// disk varies"). A clean build after a clone or on a new machine follows no such removal.
pub const SETTLE_SECS: u64 = 61;

impl Case {
    pub const ALL: [Case; 5] = [
        Case::Clean,
        Case::Unchanged,
        Case::OnePractice,
        Case::Template,
        Case::FirstEdit,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Case::Clean => "clean build (no output yet)",
            Case::Unchanged => "again, no change",
            Case::OnePractice => "after editing one practice",
            Case::Template => "after a template change",
            Case::FirstEdit => "first edit after a clean build",
            Case::CleanSettled => "clean build, disk settled (no removal in the last minute)",
        }
    }
}

const EDIT: &str = "\n\nBewerkt in ronde ";

/// Rounds of [`Case::FirstEdit`] are numbered from here, so that its edit never gives the text
/// the practice already has from the rounds of [`Case::OnePractice`] before it (a build with
/// nothing to do would be measured).
pub const FIRST_EDIT_ROUNDS: usize = 1_000_000;
const TEMPLATE_MARK: &str = "<!-- bench-template ";

/// The text of a practice file with its last paragraph saying `round`: a different page each round.
pub fn edited_practice(text: &str, round: usize) -> String {
    let base = match text.find(EDIT) {
        Some(at) => &text[..at],
        None => text.trim_end(),
    };
    format!("{base}{EDIT}{round}.\n")
}

/// A template with a comment naming `round` before `</body>`: every page changes each round.
pub fn edited_template(text: &str, round: usize) -> String {
    let mut base = text.to_owned();
    if let Some(at) = base.find(TEMPLATE_MARK) {
        if let Some(end) = base[at..].find("-->") {
            base.replace_range(at..at + end + 3, "");
        }
    }
    base.replacen("</body>", &format!("{TEMPLATE_MARK}{round} --></body>"), 1)
}

/// Applies `edit` to the file at `path` in place.
pub fn edit_file(path: &Path, edit: impl Fn(&str) -> String) -> io::Result<()> {
    let text = std::fs::read_to_string(path)?;
    std::fs::write(path, edit(&text))
}

/// Writes everything back to the disks (`sync`) and waits [`SETTLE_SECS`]: see
/// [`Case::CleanSettled`].
pub fn settle() -> Result<(), String> {
    let status = std::process::Command::new("sync")
        .status()
        .map_err(|e| format!("cannot run `sync`: {e}"))?;
    if !status.success() {
        return Err(format!("`sync` failed: {status}"));
    }
    std::thread::sleep(std::time::Duration::from_secs(SETTLE_SECS));
    Ok(())
}

/// The kind of filesystem `dir` is on (`ext2/ext3` stands for ext4 too, `tmpfs`), by `stat -f`.
pub fn filesystem(dir: &Path) -> String {
    std::process::Command::new("stat")
        .args(["-f", "-c", "%T"])
        .arg(dir)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_round_gives_a_different_practice_with_one_edit_line() {
        let text = "---\ntitle: X\n---\nTekst.\n";
        let one = edited_practice(text, 1);
        let two = edited_practice(&one, 2);
        assert_eq!(two, "---\ntitle: X\n---\nTekst.\n\nBewerkt in ronde 2.\n");
        assert_ne!(one, two);
    }

    #[test]
    fn each_round_gives_a_different_template_with_one_comment() {
        let text = "<body>x</body>\n";
        let two = edited_template(&edited_template(text, 1), 2);
        assert_eq!(two, "<body>x<!-- bench-template 2 --></body>\n");
    }
}
