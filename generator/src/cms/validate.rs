//! A file the CMS saves is checked with `check`'s rules before it is written: the parser of its
//! kind, and for a practice the checks across files (ids, `related`, links) against the other
//! practices on disk.

use crate::content::{self, practice, settings, stappenplan, synonyms};
use crate::diagnostics::Diagnostic;
use crate::model::Content;
use std::path::Path;

/// The problems `check` would report in the file `rel` if its text were `raw`. `replaces` is
/// the file it is renamed from, if any. `Err` is a Dutch sentence when the file cannot be
/// checked at all (not a content file, or the settings are broken).
pub fn check_file(
    root: &Path,
    rel: &str,
    raw: &str,
    replaces: Option<String>,
) -> Result<Vec<Diagnostic>, String> {
    match rel {
        settings::PATH => return Ok(settings::parse(raw).1),
        stappenplan::PATH => return Ok(stappenplan::parse(raw).1),
        synonyms::PATH => return Ok(synonyms::parse(raw).1),
        _ => {}
    }
    let Some((category, id)) = practice_location(rel) else {
        let files = [settings::PATH, stappenplan::PATH, synonyms::PATH].join(", ");
        let why = crate::msg!(
            "cms-cannot-save-kind",
            path = rel,
            dir = content::PRACTICES_DIR,
            files = files
        );
        return Err(why.to_string());
    };
    let settings = crate::editing::load_settings(root)?;
    crate::editing::check_category(&settings, category)?;
    let (parsed, mut diags) = practice::parse(rel, category, id, raw);
    let Some(new) = parsed else {
        return Ok(diags);
    };
    let stappenplan = content::read_text(root, &root.join(stappenplan::PATH))
        .ok()
        .and_then(|text| stappenplan::parse(&text).0);
    if let Some(stappenplan) = stappenplan {
        let (mut practices, _) = content::load_practices(root, &settings);
        practices.retain(|p| p.path != rel && Some(&p.path) != replaces.as_ref());
        practices.push(new);
        let content = Content {
            settings,
            practices,
            stappenplan,
            synonyms: Vec::new(),
            search_pages: Vec::new(),
            source_texts: Vec::new(),
        };
        diags.extend(
            crate::validate::validate(&content)
                .into_iter()
                .filter(|d| d.path == rel),
        );
    }
    crate::diagnostics::sort(&mut diags);
    Ok(diags)
}

/// `(category, id)` of `content/praktijken/<category>/<id>.md`.
fn practice_location(rel: &str) -> Option<(&str, &str)> {
    let rest = rel
        .strip_prefix(content::PRACTICES_DIR)?
        .strip_prefix('/')?;
    let (category, file) = rest.split_once('/')?;
    let id = file.strip_suffix(".md")?;
    (!category.is_empty() && !id.is_empty() && !file.contains('/')).then_some((category, id))
}

/// The CMS writes a field left empty as `updated: ''` or `order:`; `check` reads that as a
/// value that is not a date or number. A practice's empty optional fields are left out instead.
pub fn tidy(rel: &str, raw: &str) -> String {
    if practice_location(rel).is_none() {
        return raw.to_string();
    }
    let optional: Vec<&str> = crate::content::schema::PRACTICE
        .iter()
        .filter(|f| !f.required)
        .map(|f| f.name)
        .collect();
    let mut out = String::with_capacity(raw.len());
    let mut in_front = false;
    let mut pos = 0;
    for (i, line) in raw.split_inclusive('\n').enumerate() {
        pos += line.len();
        let bare = line.trim_end();
        if bare == "---" {
            in_front = i == 0;
            out.push_str(line);
            continue;
        }
        if in_front {
            if let Some((key, value)) = bare.split_once(':') {
                let empty = matches!(value.trim(), "" | "''" | "\"\"" | "null" | "~" | "[]");
                let nested_follows = value.trim().is_empty()
                    && raw[pos..]
                        .lines()
                        .next()
                        .is_some_and(|next| next.starts_with([' ', '-']));
                if empty && !nested_follows && optional.contains(&key) {
                    continue;
                }
            }
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_optional_fields_are_left_out() {
        let raw = "---\ntitle: T\nadded: 2026-01-02\nupdated: ''\norder:\ntags: []\ncontact:\n  name: X\n---\nTekst\nupdated: ''\n";
        assert_eq!(
            tidy("content/praktijken/a/x.md", raw),
            "---\ntitle: T\nadded: 2026-01-02\ncontact:\n  name: X\n---\nTekst\nupdated: ''\n"
        );
        assert_eq!(tidy("content/site.yaml", "url: ''\n"), "url: ''\n");
    }

    #[test]
    fn practice_paths_are_recognised() {
        assert_eq!(
            practice_location("content/praktijken/a/x.md"),
            Some(("a", "x"))
        );
        assert_eq!(practice_location("content/praktijken/x.md"), None);
        assert_eq!(practice_location("content/praktijken/a/b/x.md"), None);
        assert_eq!(practice_location("content/site.yaml"), None);
    }
}
