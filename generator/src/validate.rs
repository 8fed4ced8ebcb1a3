//! Checks that need more than one file: unique ids, `related` ids, links in texts.

use crate::codes::Code;
use crate::diagnostics::{suggest, Diagnostic};
use crate::lines::LineIndex;
use crate::markdown::{self, is_external};
use crate::messages::Message;
use crate::model::{Content, Practice};
use crate::text::{check_external_url, slugify};
use std::collections::BTreeMap;

pub fn validate(content: &Content) -> Vec<Diagnostic> {
    validate_with(content, text_links)
}

/// [`validate`], with the check of each practice's text supplied by the caller: `serve` reuses
/// the results for texts that did not change, since parsing every text is most of the work.
pub fn validate_with(
    content: &Content,
    mut check_text: impl FnMut(&Practice) -> Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut by_id: BTreeMap<&str, &str> = BTreeMap::new();
    for p in &content.practices {
        if let Some(first) = by_id.insert(&p.id, &p.path) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    p.path.clone(),
                    crate::msg!("id-duplicate", id = p.id.as_str(), other = first),
                )
                .hint(crate::msg!("id-duplicate-hint")),
            );
        }
    }
    let ids: Vec<&str> = by_id.keys().copied().collect();
    for p in &content.practices {
        for (r, &line) in p.related.iter().zip(&p.related_lines) {
            if r == &p.id {
                diags.push(
                    Diagnostic::warning(
                        Code::RelatedSelf,
                        p.path.clone(),
                        crate::msg!("related-self", id = r.as_str()),
                    )
                    .at(line, 0)
                    .hint(crate::msg!("related-self-hint")),
                );
            } else if !by_id.contains_key(r.as_str())
                && !content.unread_practices.iter().any(|u| u == r)
            {
                // A unique id that starts with what was written (`buddy` for `buddyproject`).
                // Never the practice itself: it cannot be its own "Zie ook".
                let others: Vec<&str> = ids.iter().copied().filter(|id| *id != p.id).collect();
                let by_prefix = || {
                    let mut m = others.iter().filter(|id| id.starts_with(r.as_str()));
                    m.next().filter(|_| m.next().is_none()).copied()
                };
                // A near name may be a typo, or a practice that was removed (with a sibling).
                let hint = match (suggest(r, &others), by_prefix()) {
                    (Some(s), _) => {
                        crate::msg!("related-unknown-did-you-mean", name = s, id = r.as_str())
                    }
                    (None, Some(s)) => crate::msg!("did-you-mean", name = s),
                    (None, None) => crate::msg!("related-unknown-hint"),
                };
                diags.push(
                    Diagnostic::error(
                        Code::UnknownRelated,
                        p.path.clone(),
                        crate::msg!("related-unknown", id = r.as_str()),
                    )
                    .at(line, 0)
                    .hint(hint),
                );
            }
        }
        diags.extend(check_text(p));
    }
    // Tags that differ only in spelling share a page; say so, so editors pick one spelling.
    let mut tags: BTreeMap<String, (&str, &str)> = BTreeMap::new();
    for p in &content.practices {
        for (t, &line) in p.tags.iter().zip(&p.tag_lines) {
            let slug = slugify(t);
            if slug.is_empty() {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidTag,
                        p.path.clone(),
                        crate::msg!("tag-no-letters", tag = t.as_str()),
                    )
                    .at(line, 0)
                    .hint(crate::msg!("tag-no-letters-hint")),
                );
                continue;
            }
            match tags.get(&slug) {
                Some((other, path)) if *other != t.as_str() => diags.push(
                    Diagnostic::warning(
                        Code::TagSpelling,
                        p.path.clone(),
                        crate::msg!(
                            "tag-spelling",
                            tag = t.as_str(),
                            other = *other,
                            path = *path
                        ),
                    )
                    .at(line, 0)
                    .hint(crate::msg!("tag-spelling-hint")),
                ),
                Some(_) => {}
                None => {
                    tags.insert(slug, (t, &p.path));
                }
            }
        }
    }
    diags.extend(orders_taken(&content.practices));
    diags.extend(titles_taken(&content.practices));
    diags.extend(crate::content::lint::tag_variants(&content.practices));
    diags.extend(crate::content::lint::alias_clashes(&content.practices));
    diags
}

/// Two practices of a category with the same `order`: which comes first then depends on the
/// date added, which is rarely what the editor meant (a new practice put "at 10" to come first).
/// A warning at the `order:` line of each but the first (by file name).
fn orders_taken(practices: &[Practice]) -> Vec<Diagnostic> {
    let mut first: BTreeMap<(&str, i64), &Practice> = BTreeMap::new();
    let mut sorted: Vec<&Practice> = practices.iter().filter(|p| p.order.is_some()).collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut diags = Vec::new();
    for p in sorted {
        let Some(order) = p.order else { continue };
        match first.get(&(p.category.as_str(), order)) {
            Some(other) => {
                // A free number next to it, when there is one (steps of 10 leave room).
                let taken = |n: i64| {
                    practices
                        .iter()
                        .any(|q| q.category == p.category && q.order == Some(n))
                };
                let free = [5, -5, 1, -1, 2, -2, 3, -3, 4, -4]
                    .into_iter()
                    .map(|d| order + d)
                    .find(|n| *n >= 0 && !taken(*n))
                    .unwrap_or(order + 1);
                diags.push(
                    Diagnostic::warning(
                        Code::OrderTaken,
                        p.path.clone(),
                        crate::msg!("order-taken", order = order, other = other.path.as_str()),
                    )
                    .at(p.order_line, 0)
                    .hint(crate::msg!("order-taken-hint", suggestion = free)),
                );
            }
            None => {
                first.insert((p.category.as_str(), order), p);
            }
        }
    }
    diags
}

/// Two practices with the same title (but for capitals and accents): readers see two equal
/// entries in search results, lists and "Zie ook" and cannot tell them apart. A warning at the
/// `title:` line of each but the first (by file name).
fn titles_taken(practices: &[Practice]) -> Vec<Diagnostic> {
    let mut sorted: Vec<&Practice> = practices.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut first: BTreeMap<String, &Practice> = BTreeMap::new();
    let mut diags = Vec::new();
    for p in sorted {
        let key = textkit::fold(p.title.trim());
        match first.get(&key) {
            Some(other) => diags.push(
                Diagnostic::warning(
                    Code::TitleTaken,
                    p.path.clone(),
                    crate::msg!(
                        "title-taken",
                        title = p.title.as_str(),
                        other = other.path.as_str()
                    ),
                )
                .at(p.title_line, 0)
                .hint(crate::msg!("title-taken-hint")),
            ),
            None => {
                first.insert(key, p);
            }
        }
    }
    diags
}

/// The links in a practice's text: external ones well formed, none running a script.
pub fn text_links(p: &Practice) -> Vec<Diagnostic> {
    let lines = LineIndex::new(&p.body);
    markdown_links(&p.path, &p.body, crate::msg!("where-text"), |offset, _| {
        p.body_line + lines.line_of(offset) - 1
    })
}

/// The links in a markdown `text` of the file at `path` (`what` names the text in messages):
/// external ones well formed, none with a scheme other than `https:`, `http:`, `mailto:` and
/// `tel:` (`javascript:` runs a script). `line` gives the file line of a link from its byte
/// offset in `text` and its address.
pub fn markdown_links(
    path: &str,
    text: &str,
    what: Message,
    line: impl Fn(usize, &str) -> usize,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for link in markdown::links(text) {
        if let Some(scheme) = markdown::unsafe_scheme(&link.url) {
            diags.push(
                Diagnostic::error(
                    Code::UnsafeLink,
                    path,
                    crate::msg!(
                        "link-unsafe",
                        url = link.url.as_str(),
                        what = what.clone(),
                        scheme = scheme
                    ),
                )
                .at(line(link.offset, &link.url), 0)
                .hint(crate::msg!("link-unsafe-hint")),
            );
        } else if is_external(&link.url) {
            if let Err(why) = check_external_url(&link.url) {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidUrl,
                        path,
                        crate::msg!(
                            "link-in-text-invalid",
                            url = link.url.as_str(),
                            what = what.clone(),
                            why = why
                        ),
                    )
                    .at(line(link.offset, &link.url), 0)
                    .hint(crate::msg!("link-in-text-invalid-hint")),
                );
            }
        }
    }
    diags
}
