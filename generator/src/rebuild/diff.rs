//! Which served pages a change of the views touches.

use crate::render::views::{PracticeSummary, Views};
use crate::routes::Route;
use std::collections::{HashMap, HashSet};

/// Pages whose content the comparison of views does not follow (the search page, the checker,
/// the statement, anything unknown): rendered again on every change.
pub(super) fn always_rendered(path: &str) -> bool {
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
pub(super) fn dirty_pages(
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
