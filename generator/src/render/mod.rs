//! Rendering: content → views → one HTML page per output path, in parallel.

pub mod feeds;
pub mod sitemap;
pub mod static_urls;
pub mod template_check;
pub mod template_range;
pub mod template_recursion;
pub mod theme;
pub mod views;

use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use crate::model::Content;
use crate::routes::{Route, OPTIONAL_PAGES};
use rayon::prelude::*;
use serde::Serialize;
use std::sync::Mutex;
use tera::Context;
use theme::{tera_message, Theme};
use views::Views;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative path with `/` separators, e.g. `praktijken/algemeen/x/index.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where finished files go: kept in memory ([`Collect`], for `check` and `serve`) or written
/// out as they are made (`build`, so a big site's pages are never all in memory at once).
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic>;
}

/// A [`Sink`] that keeps every file.
#[derive(Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files, sorted by path.
    pub fn into_sorted(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

/// Normalises a base URL to start (unless absolute) and end with `/`.
pub fn normalize_base(base: &str) -> String {
    let mut b = base.trim().to_string();
    if !b.contains("://") && !b.starts_with('/') {
        b.insert(0, '/');
    }
    if !b.ends_with('/') {
        b.push('/');
    }
    b
}

/// A page to render: output path, template, and how to make its context. Contexts are made
/// when their page is rendered, not all before: each holds a copy of every value its page
/// shows, and holding all of them at once was most of the memory of a big build.
struct Page<'a> {
    path: String,
    template: &'static str,
    context: Box<dyn Fn() -> Context + Send + Sync + 'a>,
}

/// Extra context for one page template: (template, key, value).
pub type PageData<'a> = [(&'a str, &'a str, serde_json::Value)];

pub fn render_site(
    content: &Content,
    theme: &Theme,
    base: &str,
    page_data: &PageData,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    render_site_with(
        content,
        &views::build(content, base),
        theme,
        base,
        page_data,
    )
}

/// [`render_site`] from views already built: every page, the feeds, the sitemap and the theme's
/// static files.
pub fn render_site_with(
    content: &Content,
    views: &Views,
    theme: &Theme,
    base: &str,
    page_data: &PageData,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let sink = Collect::default();
    render_site_into(content, views, theme, base, page_data, &sink)?;
    Ok(sink.into_sorted())
}

/// [`render_site_with`], handing each file to `sink` as soon as it is made; returns how many.
pub fn render_site_into(
    content: &Content,
    views: &Views,
    theme: &Theme,
    base: &str,
    page_data: &PageData,
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let mut count = render_pages_into(content, views, theme, base, page_data, &|_| true, sink)?;
    let mut more = derived_files(content, views, theme, base);
    more.extend(static_files(theme));
    count += more.len();
    put_all(sink, more)?;
    Ok(count)
}

/// Hands `files` to `sink`, stopping at the first failure.
pub fn put_all(sink: &dyn Sink, files: Vec<OutputFile>) -> Result<(), Vec<Diagnostic>> {
    files
        .into_par_iter()
        .try_for_each(|f| sink.put(f))
        .map_err(|d| vec![d])
}

/// The files made from the views besides the pages: the feeds, the sitemap and `robots.txt`.
pub fn derived_files(
    content: &Content,
    views: &Views,
    theme: &Theme,
    base: &str,
) -> Vec<OutputFile> {
    let mut files = feeds::files(&content.settings, views, base);
    files.extend(sitemap::files(
        &content.settings,
        views,
        base,
        &page_paths(views, theme),
    ));
    files
}

/// The output paths of every page the views and theme make, in no particular order.
pub fn page_paths(views: &Views, theme: &Theme) -> Vec<String> {
    let common = Context::new();
    pages(views, &common, theme)
        .into_iter()
        .map(|p| p.path)
        .collect()
}

/// Renders the pages whose output path `select` accepts (`serve` re-renders only what changed),
/// in page order.
pub fn render_pages(
    content: &Content,
    views: &Views,
    theme: &Theme,
    base: &str,
    page_data: &PageData,
    select: &(dyn Fn(&str) -> bool + Sync),
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let sink = Collect::default();
    render_pages_into(content, views, theme, base, page_data, select, &sink)?;
    Ok(sink.into_sorted())
}

/// [`render_pages`], handing each page to `sink` as soon as it is rendered; returns how many.
/// A template that fails is reported once, however many pages use it.
pub fn render_pages_into(
    content: &Content,
    views: &Views,
    theme: &Theme,
    base: &str,
    page_data: &PageData,
    select: &(dyn Fn(&str) -> bool + Sync),
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let mut common = Context::new();
    common.insert("base", base);
    common.insert("static_url", &static_urls::of(theme, base));
    common.insert("site", &views.site);
    common.insert("categories", &views.categories);
    common.insert("stappenplan", &views.stappenplan);
    let mut pages = pages(views, &common, theme);
    pages.retain(|p| select(&p.path));
    let count = pages.len();
    let failures: Vec<Diagnostic> = pages
        .into_par_iter()
        .filter_map(|page| {
            let mut context = (page.context)();
            for (template, key, value) in page_data {
                if *template == page.template {
                    context.insert(*key, value);
                }
            }
            let rendered = theme.tera.render(page.template, &context).map_err(|e| {
                let message = tera_message(&e);
                let theme_dir = format!("themes/{}/templates", content.settings.theme);
                if let Some(d) = template_check::undefined_in_render(
                    &message,
                    &context.clone().into_json(),
                    &theme.templates,
                    &theme_dir,
                ) {
                    return d;
                }
                Diagnostic::error(
                    Code::TemplateRender,
                    format!(
                        "themes/{}/templates/{}",
                        content.settings.theme, page.template
                    ),
                    crate::msg!(
                        "template-render",
                        page = page.path.as_str(),
                        detail = message
                    ),
                )
                .hint(crate::msg!("template-render-hint"))
            });
            rendered
                .and_then(|html| {
                    sink.put(OutputFile {
                        path: page.path,
                        bytes: html.into_bytes(),
                    })
                })
                .err()
        })
        .collect();
    let mut diags: Vec<Diagnostic> = Vec::new();
    // A full disk fails every page alike: one error, with the count of the others.
    let mut same_write_failure: usize = 0;
    for d in failures {
        let repeated = d.code == Code::CannotWrite.as_str()
            && diags
                .iter()
                .any(|x| x.code == d.code && x.message == d.message);
        if repeated {
            same_write_failure += 1;
        } else if !diags.iter().any(|x| x.path == d.path) {
            diags.push(d);
        }
    }
    if same_write_failure > 0 {
        if let Some(first) = diags
            .iter_mut()
            .find(|x| x.code == Code::CannotWrite.as_str())
        {
            first.hint = Some(crate::msg!(
                "cannot-write-more",
                count = same_write_failure,
                hint = crate::msg!("cannot-write-hint")
            ));
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(count)
}

/// The theme's `static/` files, as loaded with the theme.
pub fn static_files(theme: &Theme) -> Vec<OutputFile> {
    theme
        .static_files
        .iter()
        .map(|(rel, bytes)| OutputFile {
            path: format!("static/{rel}"),
            bytes: bytes.clone(),
        })
        .collect()
}

fn with<T: Serialize + ?Sized>(common: &Context, pairs: &[(&str, &T)], route: &Route) -> Context {
    let mut c = common.clone();
    for (k, v) in pairs {
        c.insert(*k, v);
    }
    c.insert("page_path", &route.site_path());
    c
}

impl<'a> Page<'a> {
    fn new(route: Route, context: impl Fn() -> Context + Send + Sync + 'a) -> Page<'a> {
        Page {
            path: route.output_path(),
            template: route.template().unwrap_or_default(),
            context: Box::new(context),
        }
    }
}

fn pages<'a>(views: &'a Views, common: &'a Context, theme: &Theme) -> Vec<Page<'a>> {
    let mut pages = Vec::with_capacity(views.practices.len() + views.tags.len() + 16);
    let all: Vec<&views::PracticeSummary> = views.practices.iter().map(|p| &p.summary).collect();
    pages.push(Page::new(Route::Home, move || {
        let mut home = with(common, &[("tags", &views.tags)], &Route::Home);
        home.insert("practice_count", &views.practices.len());
        home
    }));
    let everything = all.clone();
    pages.push(Page::new(Route::AllPractices, move || {
        with(common, &[("practices", &everything)], &Route::AllPractices)
    }));
    for cat in &views.categories {
        let members: Vec<&views::PracticeSummary> = all
            .iter()
            .copied()
            .filter(|p| p.category == cat.slug)
            .collect();
        let route = Route::Category(&cat.slug);
        pages.push(Page::new(route, move || {
            let mut c = with(common, &[("practices", &members)], &route);
            c.insert("category", cat);
            c
        }));
    }
    for p in &views.practices {
        let route = Route::Practice {
            category: &p.summary.category,
            id: &p.summary.id,
        };
        pages.push(Page::new(route, move || {
            let mut c = with(common, &[("practice", p)], &route);
            if let Some(cat) = views
                .categories
                .iter()
                .find(|c| c.slug == p.summary.category)
            {
                c.insert("category", cat);
            }
            c
        }));
    }
    pages.push(Page::new(Route::Stappenplan, move || {
        with(common, &[("tags", &views.tags)], &Route::Stappenplan)
    }));
    pages.push(Page::new(Route::TagIndex, move || {
        with(common, &[("tags", &views.tags)], &Route::TagIndex)
    }));
    for tag in &views.tags {
        let members: Vec<&views::PracticeSummary> = views.tag_members[&tag.slug]
            .iter()
            .map(|&i| &views.practices[i].summary)
            .collect();
        let route = Route::Tag(&tag.slug);
        pages.push(Page::new(route, move || {
            let mut c = with(common, &[("practices", &members)], &route);
            c.insert("tag", tag);
            c
        }));
    }
    pages.push(Page::new(Route::NotFound, move || {
        with(common, &[("x", &0)], &Route::NotFound)
    }));
    let names: Vec<&str> = theme.tera.get_template_names().collect();
    for route in OPTIONAL_PAGES {
        if !route.template().is_some_and(|t| names.contains(&t)) {
            continue;
        }
        if route == Route::Recent {
            pages.push(Page::new(route, move || {
                let months = feeds::recent_by_month(views);
                let mut c = with(common, &[("months", &months)], &route);
                c.insert("new_days", &views.new_days);
                c
            }));
        } else {
            pages.push(Page::new(route, move || with(common, &[("x", &0)], &route)));
        }
    }
    pages
}
