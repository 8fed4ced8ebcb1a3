//! Checks that need more than one file: unique ids, `related` ids, links in texts.

use crate::codes::Code;
use crate::diagnostics::{suggest, Diagnostic};
use crate::markdown::{self, is_external};
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
                Diagnostic::error(Code::DuplicateId, p.path.clone(), format!("the id `{}` is also used by {first}", p.id))
                    .hint("ids are file names and must be unique over all categories: rename one of the files"),
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
                        format!("`related` lists the practice itself (`{r}`)"),
                    )
                    .at(line, 0)
                    .hint("remove it"),
                );
            } else if !by_id.contains_key(r.as_str()) {
                let hint = match suggest(r, &ids) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "use the file name (without `.md`) of an existing practice".to_string(),
                };
                diags.push(
                    Diagnostic::error(
                        Code::UnknownRelated,
                        p.path.clone(),
                        format!("`related` names `{r}`, but no practice has that id"),
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
                        format!("the tag `{t}` has no letters or digits"),
                    )
                    .hint("use a word as tag"),
                );
                continue;
            }
            match tags.get(&slug) {
                Some((other, path)) if *other != t.as_str() => diags.push(
                    Diagnostic::warning(
                        Code::TagSpelling,
                        p.path.clone(),
                        format!("the tag `{t}` is written `{other}` in {path}"),
                    )
                    .hint("use one spelling, so the tag page shows one name"),
                ),
                Some(_) => {}
                None => {
                    tags.insert(slug, (t, &p.path));
                }
            }
        }
    }
    diags
}

/// The links in a practice's text: external ones well formed, none running a script.
pub fn text_links(p: &Practice) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for link in markdown::links(&p.body) {
        if is_external(&link.url) {
            if let Err(why) = check_external_url(&link.url) {
                let line = p.body_line + markdown::line_of_offset(&p.body, link.offset) - 1;
                diags.push(
                    Diagnostic::error(
                        Code::InvalidUrl,
                        p.path.clone(),
                        format!("the link `{}` in the text is not valid: {why}", link.url),
                    )
                    .at(line, 0)
                    .hint("write the full address, such as `https://www.voorbeeld.nl/pagina`"),
                );
            }
        } else if link
            .url
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("javascript:")
        {
            let line = p.body_line + markdown::line_of_offset(&p.body, link.offset) - 1;
            diags.push(
                Diagnostic::error(
                    Code::UnsafeLink,
                    p.path.clone(),
                    "links may not run scripts (`javascript:`)",
                )
                .at(line, 0)
                .hint("link to a page instead"),
            );
        }
    }
    diags
}
