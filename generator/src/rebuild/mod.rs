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

use crate::build::{self, Session};
use crate::content::{self, practice};
use crate::diagnostics::Diagnostic;
use crate::model::{Content, Practice};
use crate::render::views::{PracticeSummary, PracticeView, ViewCache, Views};
use crate::render::{self, OutputFile};
use crate::routes::Route;
use crate::search_index;
use crate::validate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
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

/// What a rebuild did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every problem of the content as it is now, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the served site now matches the files (false: errors; the last good site stays).
    pub ok: bool,
    /// Whether the whole site was built.
    pub full: bool,
    /// Whether there was anything to do.
    pub rebuilt: bool,
    /// Files published.
    pub files: usize,
    /// From the start of the rebuild to the first files being published.
    pub first_published: Option<Duration>,
    /// The edited pages were published, the rest is left for the next rebuild (a newer change
    /// was waiting).
    pub deferred: bool,
    /// The search index to make, when the rebuilder leaves it to the caller.
    pub index_job: Option<IndexJob>,
    /// Whether practices changed, so the search index is to be made again.
    index_due: bool,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
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

/// How a changed path is handled.
#[derive(Debug, PartialEq, Eq)]
enum Change {
    /// A practice file: (path shown, category, id).
    Practice(String, String, String),
    /// A file of the theme's `static/` folder: (path below `static/`, file).
    Static(String, PathBuf),
    /// Nothing to do (a file the build does not read).
    Nothing,
    /// Anything else: build everything.
    Whole,
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
    /// Pages of the practices edited since the search index was last made.
    unindexed: BTreeSet<String>,
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
            unindexed: BTreeSet::new(),
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
        let mut outcome = Outcome {
            full: true,
            rebuilt: true,
            ..Outcome::default()
        };
        match (built.has_errors(), session, built.content.take()) {
            (false, Some(session), Some(content)) => {
                let checks = &mut self.text_checks;
                let validated = validate::validate_with(&content, |p| cached_check(checks, p));
                let base_diags = without(&built.diagnostics, &validated);
                let pages = render::page_paths(&session.views, &session.theme)
                    .into_iter()
                    .collect();
                let index_files = built
                    .files
                    .iter()
                    .filter(|f| is_index_file(&f.path))
                    .map(|f| f.path.clone())
                    .collect();
                outcome.files = built.files.len();
                publish(Step {
                    kind: StepKind::Full,
                    files: std::mem::take(&mut built.files),
                    removed: Vec::new(),
                });
                outcome.first_published = Some(started.elapsed());
                outcome.ok = true;
                self.state = Some(State {
                    content,
                    session,
                    base_diags,
                    file_diags: BTreeMap::new(),
                    pages,
                    index_files,
                    pending: Pending::Nothing,
                });
                self.needs_full = false;
                // The whole build made the index: results of older jobs are out of date.
                self.index_generation += 1;
                self.index_served = self.index_generation;
                self.unindexed.clear();
            }
            _ => self.needs_full = true,
        }
        outcome.diagnostics = built.diagnostics;
        outcome.elapsed = started.elapsed();
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
                .filter_map(|p| self.relative(p))
                .filter(|rel| seen.insert(rel.clone()))
                .map(|rel| self.classify(&rel))
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
            return Outcome {
                ok: !self.needs_full,
                ..Outcome::default()
            };
        }
        if self.needs_full || self.state.is_none() || changes.contains(&Change::Whole) {
            return self.full(publish);
        }
        let mut outcome = Outcome {
            rebuilt: true,
            ok: true,
            ..Outcome::default()
        };
        let mut practices = Vec::new();
        let mut statics = Vec::new();
        let mut removed_statics = Vec::new();
        for change in changes {
            match change {
                Change::Practice(shown, category, id) => practices.push((shown, category, id)),
                Change::Static(rel, file) => match std::fs::read(&file) {
                    Ok(bytes) => statics.push(OutputFile {
                        path: format!("static/{rel}"),
                        bytes,
                    }),
                    Err(_) => removed_statics.push(format!("static/{rel}")),
                },
                Change::Nothing | Change::Whole => {}
            }
        }
        if !statics.is_empty() || !removed_statics.is_empty() {
            outcome.files += statics.len();
            publish(Step {
                kind: StepKind::Static,
                files: statics,
                removed: removed_statics,
            });
            outcome.first_published = Some(started.elapsed());
        }
        // Pages left out by the last rebuild are made now, even when only other files changed.
        if !practices.is_empty() || pending {
            self.practices_changed(&practices, publish, newer_change, started, &mut outcome);
            if outcome.index_due && outcome.ok {
                self.update_index(publish, newer_change, &mut outcome);
            }
        } else if let Some(state) = &self.state {
            outcome.diagnostics = current_diagnostics(state, &mut self.text_checks);
        }
        outcome.elapsed = started.elapsed();
        self.had_errors = outcome.has_errors();
        outcome
    }

    fn relative(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.root).ok()?;
        let rel = rel.to_string_lossy().replace('\\', "/");
        // Hidden files (editors' swap files, `.git`) are not read by the build.
        if rel.is_empty() || rel.split('/').any(|part| part.starts_with('.')) {
            return None;
        }
        Some(rel)
    }

    fn classify(&self, rel: &str) -> Change {
        let Some(state) = &self.state else {
            return Change::Whole;
        };
        let abs = self.root.join(rel);
        let parts: Vec<&str> = rel.split('/').collect();
        let categories = &state.content.settings.categories;
        let is_category = |slug: &str| categories.iter().any(|c| c.slug == slug);
        let theme_dir = ["themes", state.content.settings.theme.as_str()];
        match parts.as_slice() {
            ["content", "praktijken"] => Change::Nothing,
            ["content", "praktijken", category] if is_category(category) && abs.is_dir() => {
                Change::Nothing
            }
            ["content", "praktijken", category, file] if is_category(category) => {
                match file.strip_suffix(".md") {
                    Some(id) if !abs.is_dir() => {
                        Change::Practice(rel.to_string(), category.to_string(), id.to_string())
                    }
                    // A file the loader ignores with a warning: rebuild when it is there, so the
                    // warning shows; a temporary file that came and went changes nothing.
                    _ if abs.exists() => Change::Whole,
                    _ => Change::Nothing,
                }
            }
            [t, name, "static", rest @ ..] if [*t, *name] == theme_dir && !rest.is_empty() => {
                if abs.is_dir() {
                    Change::Whole
                } else {
                    Change::Static(rest.join("/"), abs)
                }
            }
            ["themes", name, ..] if *name != theme_dir[1] => Change::Nothing,
            _ => Change::Whole,
        }
    }

    fn practices_changed(
        &mut self,
        changed: &[(String, String, String)],
        publish: &mut dyn FnMut(Step),
        newer_change: &dyn Fn() -> bool,
        started: Instant,
        outcome: &mut Outcome,
    ) {
        let Some(state) = self.state.as_mut() else {
            return;
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
        self.unindexed.extend(edited.iter().cloned());
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
                    outcome.files += files.len();
                    publish(Step {
                        kind: StepKind::EditedPages,
                        files,
                        removed: Vec::new(),
                    });
                    outcome.first_published.get_or_insert(started.elapsed());
                    patched = Some((page, view));
                }
            }
        }

        outcome.diagnostics = current_diagnostics(state, &mut self.text_checks);
        if outcome.has_errors() {
            // The content now differs from the served views in ways only a comparison finds.
            state.pending =
                std::mem::replace(&mut state.pending, Pending::Nothing).and(Pending::Any);
            outcome.ok = false;
            return;
        }
        // The served views stay as they are, so the next rebuild compares against them and
        // makes everything left out here.
        let this = match (&in_place, &patched) {
            (Some(path), Some(_)) => Pending::InPlace(path.clone()),
            _ => Pending::Any,
        };
        if newer_change() {
            state.pending = std::mem::replace(&mut state.pending, Pending::Nothing).and(this);
            outcome.deferred = true;
            return;
        }
        let pending = std::mem::replace(&mut state.pending, Pending::Nothing).and(this);
        if let (Pending::InPlace(_), Some((page, view))) = (&pending, &patched) {
            in_place_rest(
                state,
                base,
                page.clone(),
                view.clone(),
                publish,
                started,
                outcome,
            );
            return;
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
                Ok(files) => {
                    outcome.files += files.len();
                    publish(Step {
                        kind: StepKind::EditedPages,
                        files,
                        removed: removed_pages,
                    });
                    outcome.first_published.get_or_insert(started.elapsed());
                }
                Err(d) => {
                    outcome.diagnostics.extend(d);
                    outcome.ok = false;
                    return;
                }
            }
        }
        if newer_change() {
            state.pending = Pending::Any;
            outcome.deferred = true;
            return;
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
                outcome.diagnostics.extend(d);
                outcome.ok = false;
                return;
            }
        };
        if newer_change() {
            // The pages rendered are published; the comparison is made again next time.
            state.pending = Pending::Any;
            outcome.deferred = true;
            if !files.is_empty() {
                outcome.files += files.len();
                publish(Step {
                    kind: StepKind::Rest,
                    files,
                    removed: Vec::new(),
                });
            }
            return;
        }
        if anything_changed || pending != Pending::Nothing {
            files.extend(render::derived_files(
                &state.content,
                &views,
                &state.session.theme,
                base,
            ));
            outcome.index_due = true;
        }
        if !files.is_empty() {
            outcome.files += files.len();
            publish(Step {
                kind: StepKind::Rest,
                files,
                removed: Vec::new(),
            });
            outcome.first_published.get_or_insert(started.elapsed());
        }
        state.pages = page_list.into_iter().collect();
        state.session.views = views;
    }

    /// Makes the search index after a rebuild that changed practices: at once, or as a job
    /// for another thread when [`Rebuilder::set_background_index`] is on.
    fn update_index(
        &mut self,
        publish: &mut dyn FnMut(Step),
        newer_change: &dyn Fn() -> bool,
        outcome: &mut Outcome,
    ) {
        let Some(state) = self.state.as_mut() else {
            return;
        };
        if self.background_index {
            self.index_generation += 1;
            outcome.index_job = Some(IndexJob {
                content: state.content.clone(),
                base: self.base.clone(),
                edited: self.unindexed.iter().cloned().collect(),
                generation: self.index_generation,
            });
        } else if newer_change() {
            // The index takes longest: with another change waiting, it is made after that one.
            state.pending =
                std::mem::replace(&mut state.pending, Pending::Nothing).and(Pending::Index);
            outcome.deferred = true;
        } else {
            let edited: Vec<String> = std::mem::take(&mut self.unindexed).into_iter().collect();
            let files = search_index_update(&state.content, &self.base, &edited);
            outcome.files += files.len();
            apply_index(state, files, publish);
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
        for page in &done.edited {
            self.unindexed.remove(page);
        }
        apply_index(state, done.files, publish);
        true
    }

    /// Whether rebuilds leave the search index to [`IndexJob`]s run by the caller, so that a
    /// change is never kept waiting by the index of the one before (`serve` runs them on
    /// another thread).
    pub fn set_background_index(&mut self, on: bool) {
        self.background_index = on;
    }
}

/// Making the search index for the content as it was after a rebuild.
pub struct IndexJob {
    content: Content,
    base: String,
    edited: Vec<String>,
    generation: u64,
}

impl IndexJob {
    pub fn run(self) -> IndexDone {
        IndexDone {
            files: search_index_update(&self.content, &self.base, &self.edited),
            edited: self.edited,
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
    edited: Vec<String>,
    generation: u64,
}

/// Serves a new search index: its files, and removes the served ones it no longer has.
fn apply_index(state: &mut State, files: Vec<OutputFile>, publish: &mut dyn FnMut(Step)) {
    let now: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut removed: Vec<String> = state
        .index_files
        .iter()
        .filter(|p| !now.contains(p.as_str()))
        .cloned()
        .collect();
    removed.sort();
    state.index_files = now.iter().map(|p| p.to_string()).collect();
    publish(Step {
        kind: StepKind::Rest,
        files,
        removed,
    });
}

/// The rest of a rebuild after an edit that left the practice in place (see [`same_place`]),
/// whose page is published from `view`: the served views take the new view, and the pages that
/// show its title or summary, the feeds and the search index are made again. This skips making
/// all views and comparing them, which at 10,000 practices takes longer than the rest.
#[allow(clippy::too_many_arguments)]
fn in_place_rest(
    state: &mut State,
    base: &str,
    page: String,
    view: PracticeView,
    publish: &mut dyn FnMut(Step),
    started: Instant,
    outcome: &mut Outcome,
) {
    let served = &mut state.session.views;
    let Some(slot) = served
        .practices
        .iter()
        .position(|v| v.summary.id == view.summary.id)
    else {
        return;
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
            outcome.diagnostics.extend(d);
            outcome.ok = false;
            return;
        }
    };
    files.extend(render::derived_files(
        &state.content,
        served,
        &state.session.theme,
        base,
    ));
    outcome.files += files.len();
    publish(Step {
        kind: StepKind::Rest,
        files,
        removed: Vec::new(),
    });
    outcome.first_published.get_or_insert(started.elapsed());
    outcome.index_due = true;
}

/// Whether an edited practice has problems of its own: in its file, its `related` ids or the
/// links in its text. For an edit in place (see [`same_place`]) of content that had no errors,
/// these are the only errors a whole check could find.
fn own_errors(
    state: &State,
    p: &Practice,
    checks: &mut HashMap<String, (String, Vec<Diagnostic>)>,
) -> bool {
    let in_file = state
        .file_diags
        .get(&p.path)
        .is_some_and(|d| d.iter().any(Diagnostic::is_error));
    let unknown_related = p
        .related
        .iter()
        .any(|r| !state.content.practices.iter().any(|q| q.id == *r));
    in_file || unknown_related || cached_check(checks, p).iter().any(Diagnostic::is_error)
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

/// The seam for the search index after practices changed (`edited`: the output paths of their
/// pages). For now the whole index is made again, exactly as `build` makes it, and the served
/// files no longer in it are removed; a partial update may return the complete new set of index
/// files made from the fragments of the changed practices and the unchanged rest.
pub fn search_index_update(content: &Content, base: &str, edited: &[String]) -> Vec<OutputFile> {
    let _ = edited;
    search_index::files(content, base)
}

fn is_index_file(path: &str) -> bool {
    path.strip_prefix(search_index::INDEX_DIR)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The link check of one practice text, from the cache when the text did not change.
fn cached_check(
    checks: &mut HashMap<String, (String, Vec<Diagnostic>)>,
    p: &Practice,
) -> Vec<Diagnostic> {
    if let Some((body, diags)) = checks.get(&p.path) {
        if *body == p.body {
            return diags.clone();
        }
    }
    let diags = validate::text_links(p);
    checks.insert(p.path.clone(), (p.body.clone(), diags.clone()));
    diags
}

/// Every problem of the content as the partial rebuild knows it, sorted.
fn current_diagnostics(
    state: &State,
    checks: &mut HashMap<String, (String, Vec<Diagnostic>)>,
) -> Vec<Diagnostic> {
    let mut diags = state.base_diags.clone();
    diags.extend(state.file_diags.values().flatten().cloned());
    diags.extend(validate::validate_with(&state.content, |p| {
        cached_check(checks, p)
    }));
    crate::diagnostics::sort(&mut diags);
    diags
}

/// `all` without one occurrence of each of `remove`.
fn without(all: &[Diagnostic], remove: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut left = all.to_vec();
    for d in remove {
        if let Some(i) = left.iter().position(|x| x == d) {
            left.remove(i);
        }
    }
    left
}

/// Pages whose content the comparison of views does not follow (the search page, the checker,
/// the statement, anything unknown): rendered again on every change.
fn always_rendered(path: &str) -> bool {
    !matches!(
        Route::from_output_path(path),
        Some(
            Route::Home
                | Route::AllPractices
                | Route::Recent
                | Route::Category(_)
                | Route::Practice { .. }
                | Route::TagIndex
                | Route::Stappenplan
                | Route::Tag(_)
                | Route::NotFound,
        )
    )
}

/// The pages (of `pages`, the pages the new views make) whose content differs between the
/// served views `old` and the new views; `served` are the pages being served.
fn dirty_pages(
    old: &Views,
    new: &Views,
    pages: &[String],
    served: &HashSet<String>,
) -> HashSet<String> {
    // What every page shows (the common context): site texts, categories with their counts.
    let everything = old.site != new.site
        || old.categories != new.categories
        || old.stappenplan != new.stappenplan
        || old.new_days != new.new_days
        || old.reference_date != new.reference_date;
    if everything {
        return pages.iter().cloned().collect();
    }
    let summaries_changed = old.practices.len() != new.practices.len()
        || old
            .practices
            .iter()
            .zip(&new.practices)
            .any(|(a, b)| a.summary != b.summary);
    let tags_changed = old.tags != new.tags;
    let old_by_id: HashMap<&str, _> = old
        .practices
        .iter()
        .map(|p| (p.summary.id.as_str(), p))
        .collect();
    let new_by_id: HashMap<&str, _> = new
        .practices
        .iter()
        .map(|p| (p.summary.id.as_str(), p))
        .collect();
    let tag_view = |views: &Views, slug: &str| views.tags.iter().find(|t| t.slug == slug).cloned();
    pages
        .iter()
        .filter(|path| {
            if !served.contains(path.as_str()) {
                return true;
            }
            let Some(route) = Route::from_output_path(path) else {
                return true;
            };
            match route {
                Route::Home => tags_changed || old.practices.len() != new.practices.len(),
                Route::AllPractices | Route::Recent => summaries_changed,
                Route::Category(slug) => in_category(old, slug) != in_category(new, slug),
                Route::Practice { id, .. } => old_by_id.get(id) != new_by_id.get(id),
                Route::TagIndex | Route::Stappenplan => tags_changed,
                Route::Tag(slug) => {
                    tag_view(old, slug) != tag_view(new, slug)
                        || tag_members(old, slug) != tag_members(new, slug)
                }
                Route::NotFound => false,
                _ => true,
            }
        })
        .cloned()
        .collect()
}

fn in_category<'a>(views: &'a Views, slug: &str) -> Vec<&'a PracticeSummary> {
    views
        .practices
        .iter()
        .map(|p| &p.summary)
        .filter(|s| s.category == slug)
        .collect()
}

fn tag_members<'a>(views: &'a Views, slug: &str) -> Vec<&'a PracticeSummary> {
    views
        .tag_members
        .get(slug)
        .map(|members| {
            members
                .iter()
                .filter_map(|&i| views.practices.get(i).map(|p| &p.summary))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_the_views_do_not_describe_are_always_rendered() {
        assert!(!always_rendered("index.html"));
        assert!(!always_rendered("praktijken/algemeen/flexwonen/index.html"));
        assert!(!always_rendered("tags/huur/index.html"));
        assert!(!always_rendered("404.html"));
        assert!(always_rendered("zoeken/index.html"));
        assert!(always_rendered("herverdeling/index.html"));
        assert!(always_rendered("onbekend/index.html"));
    }
}
