//! A file the CMS saves is checked with `check`'s rules before it is written: the parser of its
//! kind, and for a practice the checks across files (ids, `related`, links) against the other
//! practices on disk.

use crate::content::{self, practice, settings, stappenplan, synonyms};
use crate::diagnostics::Diagnostic;
use crate::model::Content;
use std::path::Path;
use textkit::Date;

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
    if let Some(today) = crate::new_practice::today() {
        diags.extend(future_dates(rel, raw, &new, today));
    }
    let stappenplan = content::read_text(root, &root.join(stappenplan::PATH))
        .ok()
        .and_then(|text| stappenplan::parse(&text).0);
    if let Some(stappenplan) = stappenplan {
        let (mut practices, problems) = content::load_practices(root, &settings);
        practices.retain(|p| p.path != rel && Some(&p.path) != replaces.as_ref());
        practices.push(new);
        let content = Content {
            settings,
            practices,
            stappenplan,
            synonyms: Vec::new(),
            search_pages: Vec::new(),
            theme_ids: Default::default(),
            source_texts: Vec::new(),
            unread_practices: content::unread_ids(&problems),
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

/// A practice's `added` or `updated` after `today`: with the default `reference_date` (the
/// newest date in the content) the whole site would take it as "now", so the other practices
/// lose their "Nieuw" mark. Checked on a save in the CMS only (a build never reads the clock);
/// most often a typo in the year.
pub fn future_dates(
    rel: &str,
    raw: &str,
    p: &crate::model::Practice,
    today: Date,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (key, date) in [("added", Some(p.added)), ("updated", p.updated)] {
        let Some(date) = date.filter(|d| *d > today) else {
            continue;
        };
        let label = content::schema::PRACTICE
            .iter()
            .find(|f| f.name == key)
            .map_or(key, |f| f.label);
        let line = raw
            .lines()
            .position(|l| l.starts_with(&format!("{key}:")))
            .map_or(0, |i| i + 1);
        diags.push(
            Diagnostic::error(
                crate::codes::Code::FutureDate,
                rel,
                crate::msg!(
                    "date-in-future",
                    key = key,
                    date = date.to_string(),
                    today = today.to_string()
                ),
            )
            .at(line, 0)
            .hint(crate::msg!("date-in-future-hint", field = label)),
        );
    }
    diags
}

/// The label of the form field whose value is on file line `line` of `raw` (the top-level key at
/// or above it), for a file the CMS edits; `None` in a practice's text or outside a field.
pub fn field_label_at(rel: &str, raw: &str, line: usize) -> Option<&'static str> {
    let (fields, front_matter) = match rel {
        settings::PATH => (content::schema::SITE, false),
        stappenplan::PATH => (content::schema::STAPPENPLAN, false),
        synonyms::PATH => (content::schema::SYNONYMS, false),
        _ if practice_location(rel).is_some() => (content::schema::PRACTICE, true),
        _ => return None,
    };
    let lines: Vec<&str> = raw.lines().take(line).collect();
    if lines.len() < line || (front_matter && line == 1) {
        return None;
    }
    for l in lines.iter().skip(usize::from(front_matter)).rev() {
        if front_matter && l.trim_end() == "---" {
            return None; // in the text below the fields
        }
        if l.starts_with([' ', '\t', '-', '#']) || l.trim().is_empty() {
            continue;
        }
        let key = l.split_once(':')?.0.trim();
        return fields.iter().find(|f| f.name == key).map(|f| f.label);
    }
    None
}

/// The line within a practice's text (the form field [`super::config::TEXT_LABEL`]) of file line
/// `line` of `raw`, when that line is below the fields: an editor sees the text apart from them.
pub fn text_line_at(rel: &str, raw: &str, line: usize) -> Option<usize> {
    practice_location(rel)?;
    let parts = crate::content::frontmatter::split(raw).ok()?;
    (line >= parts.body_line).then(|| line - parts.body_line + 1)
}

/// `(category, id)` of `content/praktijken/<category>/<id>.md`.
pub(crate) fn practice_location(rel: &str) -> Option<(&str, &str)> {
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
    fn a_date_after_today_is_refused_naming_the_field() {
        let rel = "content/praktijken/algemeen/x.md";
        let raw = "---\ntitle: X\nadded: 2026-03-01\nupdated: 2062-03-01\n---\nTekst.\n";
        let p = practice::parse(rel, "algemeen", "x", raw).0.unwrap();
        let today = Date::new(2026, 12, 2).unwrap();
        let diags = future_dates(rel, raw, &p, today);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 4);
        assert!(diags[0].is_error());
        let hint = diags[0].hint_text().unwrap();
        assert!(hint.contains("Bijgewerkt op"), "{hint}");
        assert!(future_dates(rel, raw, &p, Date::new(2062, 3, 1).unwrap()).is_empty());
    }

    #[test]
    fn a_line_is_named_by_its_form_field() {
        let rel = "content/praktijken/algemeen/x.md";
        let raw = "---\ntitle: X\nadded: 2026-03-01\ntags:\n  - Wonen\n  - wonen\n---\nTekst.\n";
        assert_eq!(field_label_at(rel, raw, 6), Some("Tags"));
        assert_eq!(field_label_at(rel, raw, 3), Some("Toegevoegd op"));
        assert_eq!(field_label_at(rel, raw, 8), None, "the text");
        assert_eq!(field_label_at(rel, raw, 1), None);
        assert_eq!(field_label_at("content/x.txt", raw, 3), None);
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
