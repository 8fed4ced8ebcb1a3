//! `kennisbank build`: validates the content and writes the site, or nothing at all.

use super::{print_diagnostics, print_report, Exit};
use crate::build::build_into;
use crate::diagnostics::{self, Format};
use crate::output;
use crate::render::views::ViewCache;
use std::path::PathBuf;

pub fn run(root: PathBuf, out: PathBuf, base_url: &str, format: Format) -> Exit {
    let base_url = match crate::base_url::parse(base_url) {
        Ok(b) => b,
        Err(why) => {
            eprintln!("{}: {why}", crate::msg!("label-error"));
            return Exit::Failed;
        }
    };
    let base_url = base_url.as_str();
    // A relative output folder is relative to the project, like everything else the project holds.
    let out = if out.is_relative() {
        root.join(&out)
    } else {
        out
    };
    let shown = out.display().to_string();
    let started = std::time::Instant::now();
    small_pages();
    // Pages go to disk as they are rendered, into a spare tree beside `out` that is swapped in
    // only when the whole build succeeded (see `output`).
    let update = match output::Update::begin(&root, &out) {
        Ok(u) => u,
        Err(why) => {
            eprintln!("{}: {why}", crate::msg!("label-error"));
            return Exit::Failed;
        }
    };
    // The fingerprint covers the output format too: the report kept with it is printed in it.
    let fingerprint = output::fingerprint::of(&root, base_url).map(|f| {
        format!(
            "{f}-{}-{}",
            format.name(),
            crate::messages::Lang::current().code()
        )
    });
    if let Some(report) = update.up_to_date(fingerprint.as_deref()) {
        print_report(&report, format);
        let ms = started.elapsed().as_millis() as u64;
        eprintln!(
            "{}",
            crate::msg!("build-up-to-date", out = shown.as_str(), ms = ms)
        );
        return Exit::Success;
    }
    let (built, _) = build_into(&root, base_url, &mut ViewCache::for_one_build(), &update);
    print_diagnostics(&built.diagnostics, format);
    if built.has_errors() {
        update.abandon();
        eprintln!("{}", crate::msg!("build-failed", out = shown.as_str()));
        // A file that could not be written (a full disk) is no error in the content.
        let cannot_write = crate::codes::Code::CannotWrite.as_str();
        if built.diagnostics.iter().any(|d| d.code == cannot_write) {
            return Exit::Failed;
        }
        return Exit::Problems;
    }
    // A build without errors may be skipped next time; its warnings are kept to be shown again.
    let report = diagnostics::render(&built.diagnostics, format);
    let changes = match update.commit(fingerprint.as_deref(), report.as_bytes()) {
        Ok(output::Outcome::Unchanged) => crate::msg!("build-changes-none"),
        Ok(output::Outcome::Replaced {
            written,
            linked,
            removed,
            kept,
        }) => crate::msg!(
            "build-changes",
            written = written,
            linked = linked,
            removed = removed,
            kept = kept
        ),
        Err(e) => {
            let detail = crate::messages::io_detail(&e);
            // The file or folder that failed, when known (a missing one, a full disk).
            let path = output::failed_path(&e).map_or(shown.clone(), |p| p.display().to_string());
            eprintln!(
                "{}: {}",
                crate::msg!("label-error"),
                crate::msg!("build-cannot-write", out = path, detail = detail)
            );
            return Exit::Failed;
        }
    };
    for note in update.notices() {
        eprintln!("{}: {note}", crate::msg!("label-warning"));
    }
    let practices = built.content.as_ref().map_or(0, |c| c.practices.len());
    let ms = started.elapsed().as_millis() as u64;
    eprintln!(
        "{}",
        crate::msg!(
            "build-done",
            files = built.file_count,
            practices = practices,
            out = shown.as_str(),
            ms = ms,
            changes = changes
        )
    );
    Exit::Success
}

/// Asks Linux for no transparent huge pages in this process. Where they are on for every program
/// (`/sys/kernel/mm/transparent_hugepage/enabled` says `always`, as on Debian), memory the
/// allocator has freed but not returned stays resident in 2 MiB pages: at 10,000 practices the
/// build's peak was 10-25 MiB higher. The price is about a tenth more CPU time in user mode
/// (2.5 against 2.8 s there; BENCHMARKS.md): the memory goal is the one a build missed. Elsewhere
/// this does nothing.
fn small_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: sets a flag of this process; no memory is passed or touched.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
