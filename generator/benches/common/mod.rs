//! Inputs of the micro-benchmarks: the real content of this repository, and a bigger site made
//! by repeating its practices under new ids (text, tags and links stay real).

// Each bench file uses only part of these helpers.
#![allow(dead_code)]

use kennisbank::model::Content;
use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// The repository's own content; the benchmarks are meaningless without it, so fail loudly.
pub fn real_content() -> Content {
    let (content, diags) = kennisbank::content::load(&root());
    match content {
        Some(c) => c,
        None => panic!(
            "the repository content does not load: {} problems",
            diags.len()
        ),
    }
}

/// The real practices repeated until there are `n`, each copy with its own id.
pub fn scaled_content(n: usize) -> Content {
    let mut content = real_content();
    let originals = content.practices.clone();
    content.practices = (0..n)
        .map(|i| {
            let mut p = originals[i % originals.len()].clone();
            let copy = i / originals.len();
            if copy > 0 {
                p.id = format!("{}-{copy}", p.id);
                p.related = p.related.iter().map(|r| format!("{r}-{copy}")).collect();
            }
            p
        })
        .collect();
    content
}

/// The search documents of a content, as the generator indexes practices.
pub fn documents(content: &Content) -> Vec<search::Document> {
    content
        .practices
        .iter()
        .map(|p| search::Document {
            url: format!("praktijken/{}/{}/", p.category, p.id),
            title: p.title.clone(),
            category: p.category.clone(),
            category_title: content
                .settings
                .categories
                .iter()
                .find(|c| c.slug == p.category)
                .map(|c| c.title.clone())
                .unwrap_or_default(),
            tags: p.tags.clone(),
            summary: p.summary.clone().unwrap_or_default(),
            body: kennisbank::markdown::to_plain_text(&p.body),
            section: String::new(),
        })
        .collect()
}
