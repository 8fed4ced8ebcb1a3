//! The pipeline, stage by stage in [`build_into`]: load → validate → views → render → write (to a
//! [`Sink`]). `check` and `serve` run it into memory.

use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use crate::model::Content;
use crate::render::theme::Theme;
use crate::render::views::{ViewCache, Views};
use crate::render::{self, normalize_base, Collect, OutputFile, Sink};
use crate::{assets, content, herverdeling, search_index, validate};
use std::path::Path;
use textkit::date::Date;

/// The outcome of running the pipeline in memory.
pub struct Built {
    pub content: Option<Content>,
    /// The files made, sorted by path; empty when they went to another [`Sink`] (see [`build_into`]).
    pub files: Vec<OutputFile>,
    /// How many files were made.
    pub file_count: usize,
    /// Every problem found, errors and warnings, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

impl Built {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// What `serve` keeps of a successful build to rebuild parts of it later (see `rebuild`).
pub struct Session {
    pub theme: Theme,
    pub views: Views,
    pub page_data: Vec<(&'static str, &'static str, serde_json::Value)>,
    /// The problems found while loading (not by the checks across files), which a partial
    /// rebuild keeps for the files it does not read again.
    pub loading_diagnostics: Vec<Diagnostic>,
}

/// Loads, validates and renders the whole site in memory.
pub fn build_in_memory(root: &Path, base_url: &str) -> Built {
    build_session(root, base_url, &mut ViewCache::default()).0
}

/// [`build_in_memory`], reusing `cache` for the practice texts, and returning what a later
/// partial rebuild needs when the build succeeded.
pub fn build_session(
    root: &Path,
    base_url: &str,
    cache: &mut ViewCache,
) -> (Built, Option<Session>) {
    let sink = Collect::default();
    let (mut built, session) = build_into(root, base_url, cache, &sink);
    built.files = sink.into_sorted();
    (built, session)
}

/// The pipeline, handing every file to `sink` as soon as it is made (`build` writes them out
/// at once, so a big site is never all in memory). Nothing reaches `sink` when the content or
/// theme has errors; a template failing while pages are rendered can leave part of the files
/// in it, so a sink that writes must be thrown away when the result has errors.
pub fn build_into(
    root: &Path,
    base_url: &str,
    cache: &mut ViewCache,
    sink: &dyn Sink,
) -> (Built, Option<Session>) {
    let base = normalize_base(base_url);

    // Load: every file read and parsed; nothing after this reads `content/`.
    let (mut content, mut diagnostics) = content::load(root);
    if let Some(content) = &mut content {
        apply_source_date_epoch(content, &mut diagnostics);
    }
    let theme_name = content
        .as_ref()
        .map(|c| c.settings.theme.clone())
        .unwrap_or_else(|| "default".into());
    let theme = render::theme::load(root, &theme_name);
    let (checker, checker_diags) = herverdeling::load(root);
    diagnostics.extend(checker_diags);
    let loading_diagnostics = diagnostics.clone();

    // Validate: the checks across files. Nothing is built from content with errors.
    if let Some(content) = &content {
        diagnostics.extend(validate::validate(content));
    }
    let content_ok = !diagnostics.iter().any(Diagnostic::is_error);
    let mut content = content.filter(|_| content_ok);

    let mut session = None;
    let mut file_count = 0;
    match (&mut content, theme, &checker) {
        (Some(content), Ok(theme), Some(checker)) => {
            // Views: what the pages show, made once.
            // The checker's files, made once: written below, and named by hash on its page.
            let checker_files = checker.files();
            let page_data = vec![
                ("herverdeling.html", "municipalities", checker.page_data()),
                (
                    "herverdeling.html",
                    "herverdeling_url",
                    crate::herverdeling::file_urls(&checker_files, &base),
                ),
            ];
            content.theme_ids = theme.ids();
            let views = render::views::build_cached(content, &base, cache);
            content.search_pages =
                search_index::theme_pages(content, &views, &theme, &base, &page_data);
            let content = &*content;
            // Render and write: every file goes to `sink` as it is made. The search index
            // first, on its own: made side by side with the pages, its working memory came on
            // top of theirs (the peak of a big build); written at once, its files are not kept.
            let index = search_index::files(content, &base);
            let index_count = index.len();
            let written = render::put_all(sink, index)
                .and_then(|()| {
                    render::render_site_into(content, &views, &theme, &base, &page_data, sink)
                })
                .and_then(|count| {
                    let mut rest = Vec::new();
                    rest.extend(checker_files);
                    rest.extend(assets::files());
                    rest.extend(crate::cms::files(content));
                    rest.extend(crate::redirects::files(content, &base));
                    let total = index_count + count + rest.len();
                    render::put_all(sink, rest).map(|()| total)
                });
            match written {
                Ok(count) => {
                    file_count = count;
                    session = Some(Session {
                        theme,
                        views,
                        page_data,
                        loading_diagnostics,
                    });
                }
                Err(d) => diagnostics.extend(d),
            }
        }
        (_, Err(d), _) => diagnostics.extend(d),
        _ => {}
    }
    crate::diagnostics::sort(&mut diagnostics);
    let built = Built {
        content,
        files: Vec::new(),
        file_count,
        diagnostics,
    };
    (built, session)
}

/// Without `reference_date` in the settings, "Nieuw" is measured from `SOURCE_DATE_EPOCH` when
/// it is set (reproducible-builds.org: the time of the last change, in seconds since 1970), and
/// else from the newest date in the content.
fn apply_source_date_epoch(content: &mut Content, diagnostics: &mut Vec<Diagnostic>) {
    if content.settings.reference_date.is_some() {
        return;
    }
    let Ok(value) = std::env::var("SOURCE_DATE_EPOCH") else {
        return;
    };
    let problem = match value.trim().parse::<i64>() {
        Ok(seconds) => match Date::new(1970, 1, 1)
            .ok()
            .and_then(|epoch| epoch.add_days(seconds.div_euclid(86_400)))
        {
            Some(date) => {
                content.settings.reference_date = Some(date);
                return;
            }
            None => crate::msg!("epoch-out-of-calendar"),
        },
        Err(e)
            if matches!(
                e.kind(),
                std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow
            ) =>
        {
            crate::msg!("epoch-too-large")
        }
        Err(_) => crate::msg!("epoch-not-a-number"),
    };
    let shown = crate::text::escape_controls(&value, &[]);
    diagnostics.push(
        Diagnostic::warning(
            Code::InvalidSourceDateEpoch,
            "SOURCE_DATE_EPOCH",
            crate::msg!("epoch-ignored", value = shown, problem = problem),
        )
        .hint(crate::msg!("epoch-ignored-hint")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A disk that fills up once the search index is written: every page fails alike.
    struct FullDisk;

    impl Sink for FullDisk {
        fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
            if !file.path.ends_with(".html") {
                return Ok(());
            }
            let e = std::io::Error::from(std::io::ErrorKind::StorageFull);
            Err(crate::output::cannot_write(
                &Path::new("public").join(&file.path),
                &e,
            ))
        }
    }

    #[test]
    fn a_full_disk_is_one_error_with_the_count_of_the_files_it_stopped() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let (built, _) = build_into(root, "/", &mut ViewCache::default(), &FullDisk);
        let errors: Vec<&Diagnostic> = built.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].code, "cannot-write");
        assert!(
            errors[0].text().contains("schijf is vol"),
            "{}",
            errors[0].text()
        );
        let hint = errors[0].hint_text().unwrap();
        let pages = built.content.as_ref().map_or(0, |c| c.practices.len());
        let more: usize = hint
            .split_whitespace()
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no count in {hint:?}"));
        assert!(hint.starts_with("nog "), "{hint}");
        assert!(more >= pages, "{more} of {pages} practices in {hint:?}");
        assert!(
            hint.ends_with(&crate::msg!("cannot-write-hint").to_string()),
            "{hint}"
        );
    }
}
