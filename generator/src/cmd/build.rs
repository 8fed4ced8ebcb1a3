//! `kennisbank build`: validates the content and writes the site, or nothing at all.

use super::{print_diagnostics, Exit};
use crate::build::build_into;
use crate::diagnostics::Format;
use crate::output;
use crate::render::views::ViewCache;
use std::path::PathBuf;

pub fn run(root: PathBuf, out: PathBuf, base_url: &str, format: Format) -> Exit {
    // A relative output folder is relative to the project, like everything else the project holds.
    let out = if out.is_relative() {
        root.join(&out)
    } else {
        out
    };
    if let Err(why) = output::check_out_dir(&root, &out) {
        eprintln!("error: {why}");
        return Exit::Failed;
    }
    let started = std::time::Instant::now();
    // Pages go to disk as they are rendered, into a new folder that replaces `out` only when
    // the whole build succeeded.
    let staging = match output::Staging::begin(&out) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot write beside `{}`: {e}", out.display());
            return Exit::Failed;
        }
    };
    let (built, _) = build_into(&root, base_url, &mut ViewCache::default(), &staging);
    print_diagnostics(&built.diagnostics, format);
    if built.has_errors() {
        drop(staging);
        eprintln!(
            "Build failed: nothing was written; `{}` is unchanged.",
            out.display()
        );
        return Exit::Problems;
    }
    if let Err(e) = staging.commit() {
        eprintln!("error: cannot write `{}`: {e}", out.display());
        return Exit::Failed;
    }
    let practices = built.content.as_ref().map_or(0, |c| c.practices.len());
    eprintln!(
        "Built {} files ({practices} practices) into `{}` in {} ms.",
        built.file_count,
        out.display(),
        started.elapsed().as_millis()
    );
    Exit::Success
}
