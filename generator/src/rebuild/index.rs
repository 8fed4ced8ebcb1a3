//! The search index after a rebuild: made at once, or as an [`IndexJob`] the caller runs on
//! another thread, whose result is served unless a newer index is served already.
//!
//! For now the whole index is made again, exactly as `build` makes it, and the served files no
//! longer in it are removed; a partial update would make the complete new set of index files
//! from the fragments of the changed practices and the unchanged rest.

use super::publish::{Publisher, StepKind};
use super::{Pending, Rebuilder, State, Step};
use crate::model::Content;
use crate::render::OutputFile;
use crate::search_index;
use std::collections::HashSet;
use std::time::Instant;

/// What became of the search index after a rebuild.
pub(super) enum IndexUpdate {
    /// Made and published.
    Served,
    /// Left for the next rebuild, as another change is waiting.
    Deferred,
    /// Left to the caller.
    Job(Box<IndexJob>),
}

impl Rebuilder {
    /// Makes the search index after a rebuild that changed practices: at once, or as a job
    /// for another thread when [`Rebuilder::set_background_index`] is on.
    pub(super) fn update_index(
        &mut self,
        publisher: &mut Publisher,
        newer_change: &dyn Fn() -> bool,
    ) -> IndexUpdate {
        let Some(state) = self.state.as_mut() else {
            return IndexUpdate::Served;
        };
        if self.background_index {
            self.index_generation += 1;
            IndexUpdate::Job(Box::new(IndexJob {
                content: state.content.clone(),
                base: self.base.clone(),
                generation: self.index_generation,
            }))
        } else if newer_change() {
            // The index takes longest: with another change waiting, it is made after that one.
            state.pending =
                std::mem::replace(&mut state.pending, Pending::Nothing).and(Pending::Index);
            IndexUpdate::Deferred
        } else {
            let files = search_index::files(&state.content, &self.base);
            apply_index(state, files, publisher);
            IndexUpdate::Served
        }
    }

    /// Serves the index a job made, unless a newer one is served already. Returns whether it
    /// was served.
    pub fn index_ready(&mut self, done: IndexDone, publish: &mut dyn FnMut(Step)) -> bool {
        let Some(state) = self.state.as_mut() else {
            return false;
        };
        if done.generation <= self.index_served {
            return false;
        }
        self.index_served = done.generation;
        apply_index(
            state,
            done.files,
            &mut Publisher::new(publish, Instant::now()),
        );
        true
    }
}

/// Making the search index for the content as it was after a rebuild.
pub struct IndexJob {
    content: Content,
    base: String,
    generation: u64,
}

impl IndexJob {
    pub fn run(self) -> IndexDone {
        IndexDone {
            files: search_index::files(&self.content, &self.base),
            generation: self.generation,
        }
    }
}

impl std::fmt::Debug for IndexJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IndexJob #{}", self.generation)
    }
}

/// The files an [`IndexJob`] made.
pub struct IndexDone {
    files: Vec<OutputFile>,
    generation: u64,
}

/// Serves a new search index: its files, and removes the served ones it no longer has.
fn apply_index(state: &mut State, files: Vec<OutputFile>, publisher: &mut Publisher) {
    let now: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut removed: Vec<String> = state
        .index_files
        .iter()
        .filter(|p| !now.contains(p.as_str()))
        .cloned()
        .collect();
    removed.sort();
    state.index_files = now.iter().map(|p| p.to_string()).collect();
    publisher.step(StepKind::Rest, files, removed);
}

/// Whether an output path is a file of the search index.
pub(super) fn is_index_file(path: &str) -> bool {
    path.strip_prefix(search_index::INDEX_DIR)
        .is_some_and(|rest| rest.starts_with('/'))
}
