//! Rebuilding after a change, for `serve`: a partial rebuild where the change can be narrowed
//! down, else the whole build in memory (the same [`build::build_session`] as `build`, so every
//! file a build makes is served).
//!
//! A change to practice files re-reads only those files, checks the content again (reusing the
//! link check of every unchanged text), makes the views again (reusing the markdown of every
//! unchanged text), and compares them with the views of the pages being served: a page is
//! rendered again only when something it shows changed. The edited practices' own pages are
//! published first, so the page an editor looks at is served before the lists that mention it,
//! the feeds and the search index are made again.
//!
//! Templates, settings, the stappenplan, the municipalities list and anything else the partial
//! rebuild does not know lead to a whole rebuild. A build with errors publishes nothing: the
//! last good site stays served while the errors are shown.

mod checks;
mod classify;
mod diff;
mod index;
mod publish;

pub use index::{IndexDone, IndexJob};
pub use publish::{Step, StepKind};

use crate::build::{self, Session};
use crate::content::{self, practice};
use crate::diagnostics::Diagnostic;
use crate::model::{Content, Practice};
use crate::render::views::{PracticeView, ViewCache};
use crate::render::{self, OutputFile};
use crate::routes::Route;
use checks::{cached_check, current_diagnostics, own_errors};
use classify::Change;
use diff::{always_rendered, dirty_pages};
use index::{is_index_file, IndexUpdate};
use publish::Publisher;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How a rebuild ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing the build reads changed, so nothing was done. `broken`: the last whole build
    /// failed, so the served site still lags behind the files.
    Unchanged { broken: bool },
    /// The whole site was built and is served.
    Built,
    /// What a change touched was made again and is served.
    Rebuilt,
    /// The edited pages are served; the rest is left for the next rebuild, because a newer
    /// change was waiting.
    Deferred,
    /// The content has errors: the last good site stays served. `whole`: a whole build was
    /// tried.
    Failed { whole: bool },
}

/// What a rebuild did.
#[derive(Debug)]
pub struct Outcome {
    pub status: Status,
    /// Every problem of the content as it is now, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Files published.
    pub files: usize,
    /// From the start of the rebuild to the first files being published.
    pub first_published: Option<Duration>,
    /// The search index to make, when the rebuilder leaves it to the caller.
    pub index_job: Option<IndexJob>,
    pub elapsed: Duration,
}

impl Outcome {
    fn new(status: Status, publisher: &Publisher, started: Instant) -> Outcome {
        Outcome {
            status,
            diagnostics: Vec::new(),
            files: publisher.files(),
            first_published: publisher.first_published(),
            index_job: None,
            elapsed: started.elapsed(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Whether the served site now matches the files (false: errors; the last good site stays).
    pub fn ok(&self) -> bool {
        !matches!(
            self.status,
            Status::Failed { .. } | Status::Unchanged { broken: true }
        )
    }

    /// Whether the whole site was built.
    pub fn full(&self) -> bool {
        matches!(self.status, Status::Built | Status::Failed { whole: true })
    }

    /// Whether there was anything to do.
    pub fn rebuilt(&self) -> bool {
        !matches!(self.status, Status::Unchanged { .. })
    }

    /// Whether the pages after the edited ones were left for the next rebuild.
    pub fn deferred(&self) -> bool {
        self.status == Status::Deferred
    }
}

/// How the partial rebuild of practices ended.
#[derive(Debug, PartialEq, Eq)]
enum PartEnd {
    /// Everything published; `index_due`: practices changed, so the search index is made again.
    Done { index_due: bool },
    /// The rest is left for the next rebuild.
    Deferred,
    /// Errors: the rest is not published.
    Failed,
}

/// What the partial rebuild keeps between changes.
struct State {
    content: Content,
    /// The theme, the page data and the views of the pages being served.
    session: Session,
    /// Problems of the last whole build that the partial rebuild does not recompute: those of
    /// the settings, the stappenplan, the checker's files, and practice files not read since.
    base_diags: Vec<Diagnostic>,
    /// Problems of each practice file read since the last whole build.
    file_diags: BTreeMap<String, Vec<Diagnostic>>,
    /// Output paths of the pages being served.
    pages: HashSet<String>,
    /// Output paths of the search index being served.
    index_files: HashSet<String>,
    /// Output paths of the redirect pages of old addresses (`aliases:`) being served.
    redirects: HashSet<String>,
    /// What the served views lack: changes whose other pages a rebuild left for the next one.
    pending: Pending,
}

/// Changes published only in part (see [`Rebuilder::changed_until`]).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pending {
    Nothing,
    /// Edits of this practice file that left it in place: its own page is served.
    InPlace(String),
    /// Only the search index: every page is served.
    Index,
    /// Anything else: the next rebuild compares all views.
    Any,
}

impl Pending {
    fn and(self, other: Pending) -> Pending {
        match (self, other) {
            (Pending::Nothing, p) | (p, Pending::Nothing) => p,
            // The rest of an in-place edit includes the index.
            (Pending::Index, p) | (p, Pending::Index) => p,
            (Pending::InPlace(a), Pending::InPlace(b)) if a == b => Pending::InPlace(a),
            _ => Pending::Any,
        }
    }
}

pub struct Rebuilder {
    root: PathBuf,
    base: String,
    cache: ViewCache,
    /// The link check of each practice text: path → (text, problems).
    text_checks: HashMap<String, (String, Vec<Diagnostic>)>,
    state: Option<State>,
    /// Set when a whole build failed: the next change builds everything again.
    needs_full: bool,
    /// Whether the last rebuild found errors (then only a change can fix them).
    had_errors: bool,
    background_index: bool,
    /// The number of the last index job made, and of the last index served.
    index_generation: u64,
    index_served: u64,
}

impl Rebuilder {
    pub fn new(root: &Path, base_url: &str) -> Rebuilder {
        Rebuilder {
            root: root.to_path_buf(),
            base: render::normalize_base(base_url),
            cache: ViewCache::default(),
            text_checks: HashMap::new(),
            state: None,
            needs_full: true,
            had_errors: false,
            background_index: false,
            index_generation: 0,
            index_served: 0,
        }
    }

    /// The project folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Builds everything, publishing the site when it has no errors.
    pub fn full(&mut self, publish: &mut dyn FnMut(Step)) -> Outcome {
        let started = Instant::now();
        let (mut built, session) = build::build_session(&self.root, &self.base, &mut self.cache);
        let mut publisher = Publisher::new(publish, started);
        let status = match (built.has_errors(), session, built.content.take()) {
            (false, Some(session), Some(content)) => {
                // The partial rebuilds check only the texts that change.
                for p in &content.practices {
                    cached_check(&mut self.text_checks, p);
                }
                let base_diags = session.loading_diagnostics.clone();
                let pages = render::page_paths(&session.views, &session.theme)
                    .into_iter()
                    .collect();
                let index_files = built
                    .files
                    .iter()
                    .filter(|f| is_index_file(&f.path))
                    .map(|f| f.path.clone())
                    .collect();
                let redirects = crate::redirects::paths(&content).collect();
                publisher.step(StepKind::Full, std::mem::take(&mut built.files), Vec::new());
                self.state = Some(State {
                    content,
                    session,
                    base_diags,
                    file_diags: BTreeMap::new(),
                    pages,
                    index_files,
                    redirects,
                    pending: Pending::Nothing,
                });
                self.needs_full = false;
                // The whole build made the index: results of older jobs are out of date.
                self.index_generation += 1;
                self.index_served = self.index_generation;
                Status::Built
            }
            _ => {
                self.needs_full = true;
                Status::Failed { whole: true }
            }
        };
        let mut outcome = Outcome::new(status, &publisher, started);
        outcome.diagnostics = built.diagnostics;
        self.had_errors = outcome.has_errors();
        outcome
    }

    /// Rebuilds after `paths` (files or folders below the root, as the watcher reports them)
    /// changed. Publishes in steps: the edited practice pages first.
    pub fn changed(&mut self, paths: &[PathBuf], publish: &mut dyn FnMut(Step)) -> Outcome {
        self.changed_until(paths, publish, &|| false)
    }

    /// [`Rebuilder::changed`], leaving the pages after the edited ones (the lists, the feeds, the
    /// search index) for the next rebuild when `newer_change` says another change is waiting:
    /// then the editor's next page is served without waiting for the lists of the last one.
    pub fn changed_until(
        &mut self,
        paths: &[PathBuf],
        publish: &mut dyn FnMut(Step),
        newer_change: &dyn Fn() -> bool,
    ) -> Outcome {
        let started = Instant::now();
        let changes: Vec<Change> = {
            let mut seen = BTreeSet::new();
            paths
                .iter()
                .filter_map(|p| classify::relative(&self.root, p))
                .filter(|rel| seen.insert(rel.clone()))
                .map(|rel| match &self.state {
                    Some(state) => classify::classify(&self.root, &state.content, &rel),
                    None => Change::Whole,
                })
                .filter(|c| *c != Change::Nothing)
                .collect()
        };
        // Pages a rebuild left for later are made even when no file the build reads changed.
        let pending = !self.had_errors
            && self
                .state
                .as_ref()
                .is_some_and(|s| s.pending != Pending::Nothing);
        if changes.is_empty() && !pending {
            let status = Status::Unchanged {
                broken: self.needs_full,
            };
            return Outcome::new(status, &Publisher::new(publish, started), started);
        }
        if self.needs_full || self.state.is_none() || changes.contains(&Change::Whole) {
            return self.full(publish);
        }
        let mut publisher = Publisher::new(publish, started);
        let mut diagnostics = Vec::new();
        let mut index_job = None;
        let mut practices = Vec::new();
        let mut statics = Vec::new();
        let mut removed_statics = Vec::new();
        for change in changes {
            match change {
                Change::Practice(shown, category, id) => practices.push((shown, category, id)),
                Change::Static(rel, file) if std::fs::symlink_metadata(&file).is_err() => {
                    removed_statics.push(format!("static/{rel}"))
                }
                // Read with the theme's rules (no links, plain files, the size limit); a file
                // they refuse is reported by a whole build, which keeps the last good site.
                Change::Static(rel, file) => match crate::source::read_static(&self.root, &file) {
                    Ok(bytes) => statics.push(OutputFile {
                        path: format!("static/{rel}"),
                        bytes,
                    }),
                    Err(_) => return self.full(publish),
                },
                Change::Nothing | Change::Whole => {}
            }
        }
        if !statics.is_empty() || !removed_statics.is_empty() {
            // Served at once, whatever the content (its errors keep the pages as they were)...
            publisher.step(StepKind::Static, statics, removed_statics);
            // ... and every page names the theme's files with a hash of their bytes
            // (`render::static_urls`): the pages, and the theme kept for the next rebuild,
            // are made again, as a build would make them.
            return self.full(publish);
        }
        let mut status = Status::Rebuilt;
        // Pages left out by the last rebuild are made now, even when only other files changed.
        if !practices.is_empty() || pending {
            let end =
                self.practices_changed(&practices, &mut publisher, newer_change, &mut diagnostics);
            status = match end {
                PartEnd::Done { index_due: true } => {
                    match self.update_index(&mut publisher, newer_change) {
                        IndexUpdate::Served => Status::Rebuilt,
                        IndexUpdate::Deferred => Status::Deferred,
                        IndexUpdate::Job(job) => {
                            index_job = Some(*job);
                            Status::Rebuilt
                        }
                    }
                }
                PartEnd::Done { index_due: false } => Status::Rebuilt,
                PartEnd::Deferred => Status::Deferred,
                PartEnd::Failed => Status::Failed { whole: false },
            };
        } else if let Some(state) = &self.state {
            diagnostics = current_diagnostics(state, &mut self.text_checks);
        }
        let mut outcome = Outcome::new(status, &publisher, started);
        outcome.diagnostics = diagnostics;
        outcome.index_job = index_job;
        self.had_errors = outcome.has_errors();
        outcome
    }

    /// Reads the changed practice files again and publishes what they touch; `diagnostics`
    /// gets every problem of the content as it is now.
    fn practices_changed(
        &mut self,
        changed: &[(String, String, String)],
        publisher: &mut Publisher,
        newer_change: &dyn Fn() -> bool,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> PartEnd {
        let Some(state) = self.state.as_mut() else {
            return PartEnd::Done { index_due: false };
        };
        let mut edited: Vec<String> = Vec::new();
        // The one edited practice when it kept its place in the site (see `same_place`).
        let mut in_place: Option<String> = None;
        for (shown, category, id) in changed {
            let abs = self.root.join(shown);
            state.base_diags.retain(|d| d.path != *shown);
            if !abs.is_file() {
                state.content.practices.retain(|p| p.path != *shown);
                state.file_diags.remove(shown);
                continue;
            }
            let (parsed, diags) = match content::read_text(&self.root, &abs) {
                Ok(text) => practice::parse(shown, category, id, &text),
                Err(d) => (None, vec![d]),
            };
            state.file_diags.insert(shown.clone(), diags);
            // A file with errors keeps its last good version in the content until it is fixed.
            if let Some(p) = parsed {
                edited.push(page_of(&p));
                match state
                    .content
                    .practices
                    .iter_mut()
                    .find(|q| q.path == p.path)
                {
                    Some(slot) => {
                        if changed.len() == 1 && same_place(slot, &p) {
                            in_place = Some(p.path.clone());
                        }
                        *slot = p;
                    }
                    None => state.content.practices.push(p),
                }
            }
        }
        content::sort_practices(&mut state.content.practices, &state.content.settings);
        let base = self.base.as_str();

        // The page the editor looks at first, from the served views with only its own view
        // made again: making all views and comparing them takes longer than the rest together.
        // Checking all content takes long too; an in-place edit of content without errors can
        // only bring errors of its own, so those are checked first (see `own_errors`).
        let mut patched: Option<(String, PracticeView)> = None;
        let first_in_place = in_place
            .as_ref()
            .filter(|_| !self.had_errors)
            .and_then(|path| state.content.practices.iter().find(|p| p.path == *path))
            .filter(|p| !own_errors(state, p, &mut self.text_checks));
        if let Some(p) = first_in_place {
            let served = &mut state.session.views;
            let view =
                render::views::patched_practice(served, p, &state.content, base, &mut self.cache);
            let slot = served.practices.iter().position(|v| v.summary.id == p.id);
            if let (Some(view), Some(slot)) = (view, slot) {
                let page = page_of(p);
                let previous = std::mem::replace(&mut served.practices[slot], view);
                let rendered = render::render_pages(
                    &state.content,
                    served,
                    &state.session.theme,
                    base,
                    &state.session.page_data,
                    &|path| path == page,
                );
                let view = std::mem::replace(&mut served.practices[slot], previous);
                if let Ok(files) = rendered {
                    publisher.step(StepKind::EditedPages, files, Vec::new());
                    patched = Some((page, view));
                }
            }
        }

        *diagnostics = current_diagnostics(state, &mut self.text_checks);
        if diagnostics.iter().any(Diagnostic::is_error) {
            // The content now differs from the served views in ways only a comparison finds.
            state.pending =
                std::mem::replace(&mut state.pending, Pending::Nothing).and(Pending::Any);
            return PartEnd::Failed;
        }
        // The served views stay as they are, so the next rebuild compares against them and
        // makes everything left out here.
        let this = match (&in_place, &patched) {
            (Some(path), Some(_)) => Pending::InPlace(path.clone()),
            _ => Pending::Any,
        };
        if newer_change() {
            state.pending = std::mem::replace(&mut state.pending, Pending::Nothing).and(this);
            return PartEnd::Deferred;
        }
        let pending = std::mem::replace(&mut state.pending, Pending::Nothing).and(this);
        if let (Pending::InPlace(_), Some((page, view))) = (&pending, &patched) {
            return in_place_rest(
                state,
                base,
                page.clone(),
                view.clone(),
                publisher,
                diagnostics,
            );
        }
        let views = render::views::build_cached(&state.content, base, &mut self.cache);
        let page_list = render::page_paths(&views, &state.session.theme);
        let removed_pages: Vec<String> = {
            let now: HashSet<&str> = page_list.iter().map(String::as_str).collect();
            let mut gone: Vec<String> = state
                .pages
                .iter()
                .filter(|p| !now.contains(p.as_str()))
                .cloned()
                .collect();
            gone.sort();
            gone
        };
        // Published already when the view it was made from is the one the new views hold.
        let done: Option<&str> = patched.as_ref().and_then(|(page, view)| {
            let now = views
                .practices
                .iter()
                .find(|v| v.summary.id == view.summary.id);
            (now == Some(view)).then_some(page.as_str())
        });
        let render = |select: &(dyn Fn(&str) -> bool + Sync)| {
            render::render_pages(
                &state.content,
                &views,
                &state.session.theme,
                base,
                &state.session.page_data,
                select,
            )
        };
        // The edited practices' own pages first, before comparing the views: that is what the
        // editor is looking at.
        let listed: HashSet<&str> = page_list.iter().map(String::as_str).collect();
        let first: HashSet<&str> = edited
            .iter()
            .map(String::as_str)
            .filter(|p| listed.contains(*p) && Some(*p) != done)
            .collect();
        let pages_gone = !removed_pages.is_empty();
        if !first.is_empty() || pages_gone {
            match render(&|p| first.contains(p)) {
                Ok(files) => publisher.step(StepKind::EditedPages, files, removed_pages),
                Err(d) => {
                    diagnostics.extend(d);
                    return PartEnd::Failed;
                }
            }
        }
        if newer_change() {
            state.pending = Pending::Any;
            return PartEnd::Deferred;
        }
        let mut dirty = dirty_pages(&state.session.views, &views, &page_list, &state.pages);
        let anything_changed = !dirty.is_empty() || pages_gone;
        dirty.retain(|p| !first.contains(p.as_str()) && Some(p.as_str()) != done);
        let rest: HashSet<&str> = dirty
            .iter()
            .map(String::as_str)
            .filter(|p| !first.contains(p))
            .collect();
        let mut files = match render(&|p| rest.contains(p)) {
            Ok(files) => files,
            Err(d) => {
                diagnostics.extend(d);
                return PartEnd::Failed;
            }
        };
        if newer_change() {
            // The pages rendered are published; the comparison is made again next time.
            state.pending = Pending::Any;
            if !files.is_empty() {
                publisher.step(StepKind::Rest, files, Vec::new());
            }
            return PartEnd::Deferred;
        }
        let index_due = anything_changed || pending != Pending::Nothing;
        let mut stale_redirects = Vec::new();
        if index_due {
            files.extend(render::derived_files(
                &state.content,
                &views,
                &state.session.theme,
                base,
            ));
            // The redirect pages of old addresses: a renamed practice brings one, and one whose
            // alias went is no longer served (unless a page took its place).
            let redirects = crate::redirects::files(&state.content, base);
            let now: HashSet<String> = crate::redirects::paths(&state.content).collect();
            stale_redirects = state
                .redirects
                .iter()
                .filter(|p| !now.contains(*p) && !listed.contains(p.as_str()))
                .cloned()
                .collect();
            stale_redirects.sort();
            files.extend(redirects);
            state.redirects = now;
        }
        if !files.is_empty() || !stale_redirects.is_empty() {
            publisher.step(StepKind::Rest, files, stale_redirects);
        }
        state.pages = page_list.into_iter().collect();
        state.session.views = views;
        PartEnd::Done { index_due }
    }

    /// Whether rebuilds leave the search index to [`IndexJob`]s run by the caller, so that a
    /// change is never kept waiting by the index of the one before (`serve` runs them on
    /// another thread).
    pub fn set_background_index(&mut self, on: bool) {
        self.background_index = on;
    }
}

/// The rest of a rebuild after an edit that left the practice in place (see [`same_place`]),
/// whose page is published from `view`: the served views take the new view, and the pages that
/// show its title or summary, the feeds and the search index are made again. This skips making
/// all views and comparing them, which at 10,000 practices takes longer than the rest.
fn in_place_rest(
    state: &mut State,
    base: &str,
    page: String,
    view: PracticeView,
    publisher: &mut Publisher,
    diagnostics: &mut Vec<Diagnostic>,
) -> PartEnd {
    let served = &mut state.session.views;
    let Some(slot) = served
        .practices
        .iter()
        .position(|v| v.summary.id == view.summary.id)
    else {
        return PartEnd::Done { index_due: false };
    };
    let summary_changed = served.practices[slot].summary != view.summary;
    let summary = view.summary.clone();
    served.practices[slot] = view;
    // Pages this module does not know are made again on every change, as in `dirty_pages`.
    let mut dirty: HashSet<String> = state
        .pages
        .iter()
        .filter(|p| always_rendered(p))
        .cloned()
        .collect();
    if summary_changed {
        for v in served.practices.iter_mut() {
            let mut shows_it = false;
            for r in v.related.iter_mut().filter(|r| r.id == summary.id) {
                *r = summary.clone();
                shows_it = true;
            }
            if shows_it {
                dirty.insert(
                    Route::Practice {
                        category: &v.summary.category,
                        id: &v.summary.id,
                    }
                    .output_path(),
                );
            }
        }
        dirty.insert(Route::AllPractices.output_path());
        dirty.insert(Route::Category(&summary.category).output_path());
        dirty.insert(Route::Recent.output_path());
        for t in &summary.tags {
            dirty.insert(Route::Tag(&t.slug).output_path());
        }
    }
    dirty.remove(&page);
    dirty.retain(|p| state.pages.contains(p));
    let served = &state.session.views;
    let mut files = match render::render_pages(
        &state.content,
        served,
        &state.session.theme,
        base,
        &state.session.page_data,
        &|p| dirty.contains(p),
    ) {
        Ok(files) => files,
        Err(d) => {
            diagnostics.extend(d);
            return PartEnd::Failed;
        }
    };
    files.extend(render::derived_files(
        &state.content,
        served,
        &state.session.theme,
        base,
    ));
    publisher.step(StepKind::Rest, files, Vec::new());
    PartEnd::Done { index_due: true }
}

/// The output path of a practice's page.
fn page_of(p: &Practice) -> String {
    Route::practice(p).output_path()
}

/// Whether an edit left a practice where it was: the same page, place in its category, dates
/// (so the same "Nieuw" marks and reference date) and tags (so the same tag pages and counts).
/// Then only its own view changes, and other pages only through its title and summary.
fn same_place(before: &Practice, after: &Practice) -> bool {
    before.id == after.id
        && before.category == after.category
        && before.order == after.order
        && before.added == after.added
        && before.updated == after.updated
        && before.tags == after.tags
}
