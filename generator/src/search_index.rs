//! The search index of the site: one document per practice, written under `zoeken/index/` by the
//! `search` crate, whose WebAssembly build answers queries in the page.

use crate::markdown;
use crate::model::Content;
use crate::render::OutputFile;
use crate::routes::Route;
use rayon::prelude::*;

pub const INDEX_DIR: &str = "zoeken/index";

/// The search documents for the practices, in content order. URLs include the base.
pub fn documents(content: &Content, base: &str) -> Vec<search::Document> {
    content
        .practices
        .par_iter()
        .map(|p| {
            let body = markdown::to_plain_text(&p.body);
            let category_title = content
                .settings
                .categories
                .iter()
                .find(|c| c.slug == p.category)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            search::Document {
                url: Route::practice(p).url(base),
                title: p.title.clone(),
                category: p.category.clone(),
                category_title,
                tags: p.tags.clone(),
                // Only an editor's own summary: the default one is the body's first sentence,
                // which would show twice in snippets and count twice in ranking.
                summary: p.summary.clone().unwrap_or_default(),
                body,
            }
        })
        .collect()
}

pub fn files(content: &Content, base: &str) -> Vec<OutputFile> {
    search::build_index_with_synonyms(&documents(content, base), &content.synonyms)
        .into_iter()
        .map(|(path, bytes)| OutputFile {
            path: format!("{INDEX_DIR}/{path}"),
            bytes,
        })
        .collect()
}
