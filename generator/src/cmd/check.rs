//! `kennisbank check`: validates everything (content, templates, links) without writing.

use super::{print_diagnostics, Exit};
use crate::build::build_session;
use crate::diagnostics::{self, Format};
use crate::linkcheck::{self, CHECK_BASE};
use crate::render::views::ViewCache;
use std::path::PathBuf;

pub fn run(root: PathBuf, format: Format) -> Exit {
    let (mut built, session) = build_session(&root, CHECK_BASE, &mut ViewCache::default());
    // The links are checked in the rendered pages, so only when everything rendered.
    if let (false, Some(content), Some(session)) = (built.has_errors(), &built.content, &session) {
        let links = linkcheck::check(content, &session.theme, &built.files, CHECK_BASE);
        built.diagnostics.extend(links);
        diagnostics::sort(&mut built.diagnostics);
    }
    print_diagnostics(&built.diagnostics, format);
    if built.has_errors() {
        Exit::Problems
    } else {
        if format == Format::Human {
            let practices = built.content.as_ref().map_or(0, |c| c.practices.len());
            let summary = crate::msg!(
                "check-all-good",
                practices = practices,
                pages = built.files.len()
            );
            eprintln!("{summary}");
        }
        Exit::Success
    }
}
