//! The search index of the site, written under `zoeken/index/` by the `search` crate, whose
//! WebAssembly build answers queries in the page: one document per practice (and one per section
//! of a practice whose text has headings, see [`crate::heading_anchors`]), and one per
//! section of the site's own pages (the stappenplan, the herverdelingscheck, the accessibility
//! statement, the home page's intro), read from their rendered HTML.

use crate::heading_anchors;
use crate::model::Content;
use crate::render::theme::Theme;
use crate::render::views::Views;
use crate::render::{self, OutputFile, PageData};
use crate::routes::Route;
use crate::search_sections::{page_title, sections};
use rayon::prelude::*;

pub const INDEX_DIR: &str = "zoeken/index";

/// The site's own pages whose sections are searched, by output path. Their templates mark
/// what is not text of the page (the checker's form, the home page's lists) with
/// `data-search-ignore`; see [`crate::search_sections`].
pub const SECTION_PAGES: &[&str] = &[
    "index.html",
    "stappenplan/index.html",
    "herverdeling/index.html",
    "toegankelijkheid/index.html",
];
/// The category the site's own pages are filed under in the search.
pub const PAGES_CATEGORY: (&str, &str) = ("paginas", "Pagina's van de kennisbank");

/// The search documents: the practices in content order, then the sections of the site's own
/// pages ([`Content::search_pages`]). URLs include the base.
pub fn documents(content: &Content, base: &str) -> Vec<search::Document> {
    let mut docs: Vec<search::Document> = content
        .practices
        .par_iter()
        .flat_map_iter(|p| {
            let url = Route::practice(p).url(base);
            let category_title = content
                .settings
                .categories
                .iter()
                .find(|c| c.slug == p.category)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            // The text before its first heading, then a section per heading (most practices
            // have none: one document, the whole text).
            heading_anchors::sections(&p.body, &content.theme_ids)
                .into_iter()
                .map(move |s| search::Document {
                    url: match &s.anchor {
                        Some(a) => format!("{url}#{a}"),
                        None => url.clone(),
                    },
                    title: p.title.clone(),
                    section: s.title,
                    category: p.category.clone(),
                    category_title: category_title.clone(),
                    tags: p.tags.clone(),
                    // Only an editor's own summary, on the practice's first part: the default one
                    // is the body's first sentence, which would show twice in snippets and count
                    // twice in ranking.
                    summary: match s.anchor {
                        None => p.summary.clone().unwrap_or_default(),
                        Some(_) => String::new(),
                    },
                    body: s.text,
                })
        })
        .collect();
    docs.extend(content.search_pages.iter().cloned());
    docs
}

/// The documents of the sections of rendered pages (`path`, HTML) under `base`.
pub fn page_documents(pages: &[OutputFile], base: &str) -> Vec<search::Document> {
    let mut docs = Vec::new();
    for page in pages {
        let html = String::from_utf8_lossy(&page.bytes);
        let url = format!(
            "{base}{}",
            page.path.strip_suffix("index.html").unwrap_or(&page.path)
        );
        let title = page_title(&html);
        for s in sections(&html) {
            docs.push(search::Document {
                url: match &s.anchor {
                    Some(a) => format!("{url}#{a}"),
                    None => url.clone(),
                },
                title: title.clone(),
                section: s.title,
                category: PAGES_CATEGORY.0.to_string(),
                category_title: PAGES_CATEGORY.1.to_string(),
                tags: Vec::new(),
                summary: String::new(),
                body: s.text,
            });
        }
    }
    docs
}

/// Renders the [`SECTION_PAGES`] and reads their sections; nothing when a template fails
/// (the site's own rendering reports it).
pub fn theme_pages(
    content: &Content,
    views: &Views,
    theme: &Theme,
    base: &str,
    page_data: &PageData,
) -> Vec<search::Document> {
    let select = |path: &str| SECTION_PAGES.contains(&path);
    match render::render_pages(content, views, theme, base, page_data, &select) {
        Ok(pages) => page_documents(&pages, base),
        Err(_) => Vec::new(),
    }
}

pub fn files(content: &Content, base: &str) -> Vec<OutputFile> {
    search::build_site_index(&documents(content, base), &content.synonyms)
        .into_iter()
        .map(|(path, bytes)| OutputFile {
            path: format!("{INDEX_DIR}/{path}"),
            bytes,
        })
        .collect()
}
