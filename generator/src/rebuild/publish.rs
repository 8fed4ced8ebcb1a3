//! Publishing a rebuild's files step by step, with the bookkeeping every step needs: the files
//! counted and the moment the first step went out noted, once, here.

use crate::render::OutputFile;
use std::time::{Duration, Instant};

/// What a published step holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// A whole build: its files replace everything served.
    Full,
    /// The pages of the edited practices.
    EditedPages,
    /// The other pages that changed, the feeds, the sitemap and the search index.
    Rest,
    /// Files of the theme's `static/` folder.
    Static,
}

/// Files to serve from now on.
#[derive(Debug)]
pub struct Step {
    pub kind: StepKind,
    pub files: Vec<OutputFile>,
    /// Output paths no longer in the site.
    pub removed: Vec<String>,
}

/// Hands steps to the server, counting their files and noting when the first one went out.
pub(super) struct Publisher<'p> {
    publish: &'p mut dyn FnMut(Step),
    started: Instant,
    files: usize,
    first: Option<Duration>,
}

impl<'p> Publisher<'p> {
    pub fn new(publish: &'p mut dyn FnMut(Step), started: Instant) -> Publisher<'p> {
        Publisher {
            publish,
            started,
            files: 0,
            first: None,
        }
    }

    /// Serves `files` from now on, and stops serving `removed`.
    pub fn step(&mut self, kind: StepKind, files: Vec<OutputFile>, removed: Vec<String>) {
        self.files += files.len();
        (self.publish)(Step {
            kind,
            files,
            removed,
        });
        self.first.get_or_insert_with(|| self.started.elapsed());
    }

    /// How many files were published.
    pub fn files(&self) -> usize {
        self.files
    }

    /// From the start of the rebuild to the first step published.
    pub fn first_published(&self) -> Option<Duration> {
        self.first
    }
}
