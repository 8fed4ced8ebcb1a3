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
            } else if !by_id.contains_key(r.as_str()) {
                // A unique id that starts with what was written (`buddy` for `buddyproject`).
                let by_prefix = || {
                    let mut m = ids.iter().filter(|id| id.starts_with(r.as_str()));
                    m.next().filter(|_| m.next().is_none()).copied()
                };
                let hint = match suggest(r, &ids).or_else(by_prefix) {
                    Some(s) => crate::msg!("did-you-mean", name = s),
                    None => crate::msg!("related-unknown-hint"),
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
        for t in &p.tags {
            let slug = slugify(t);
            if slug.is_empty() {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidTag,
                        p.path.clone(),
                        crate::msg!("tag-no-letters", tag = t.as_str()),
                    )
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
                    .hint(crate::msg!("tag-spelling-hint")),
                ),
                Some(_) => {}
                None => {
                    tags.insert(slug, (t, &p.path));
                }
            }
        }
    }
    diags.extend(crate::content::lint::tag_variants(&content.practices));
    diags.extend(crate::content::lint::alias_clashes(&content.practices));
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
