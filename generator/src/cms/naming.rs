//! The file name of a practice made in the CMS. Decap CMS makes it from the title with its own
//! rules, which drop a name Windows reserves (`Con` → an empty name, so `.md`), keep a title of
//! 300 characters whole and leave nothing of a title without letters. `kennisbank new`, `check`
//! and `mv` name a practice `text::slugify(title)`; a new practice whose name from the CMS is not
//! such a slug gets that name instead, so the CMS and the command line agree (`Con` →
//! `con-praktijk.md`).

use crate::content::{frontmatter, PRACTICES_DIR};
use crate::text::{is_slug, slugify};

/// The path to save a new practice at, given the path the CMS chose and the file's text:
/// `Ok(None)` keeps the CMS's path; `Ok(Some(path))` is the path with `slugify(title)` as its
/// name; `Err` is a Dutch sentence when the title has no letter or digit to name the file by.
/// Not a practice, or no title to be read: `Ok(None)` (the checks report what is wrong).
pub fn new_practice_path(rel: &str, raw: &str) -> Result<Option<String>, String> {
    let Some(rest) = rel
        .strip_prefix(PRACTICES_DIR)
        .and_then(|r| r.strip_prefix('/'))
    else {
        return Ok(None);
    };
    let Some((category, file)) = rest.split_once('/') else {
        return Ok(None);
    };
    let Some(id) = file.strip_suffix(".md") else {
        return Ok(None);
    };
    if category.is_empty() || file.contains('/') || is_slug(id) {
        return Ok(None);
    }
    let Some(title) = title_of(raw) else {
        return Ok(None);
    };
    let slug = slugify(&title);
    if slug.is_empty() {
        return Err(crate::msg!("cms-title-no-name", title = title.trim()).to_string());
    }
    Ok(Some(format!("{PRACTICES_DIR}/{category}/{slug}.md")))
}

/// The `title:` of a practice's front matter, if it can be read.
fn title_of(raw: &str) -> Option<String> {
    let split = frontmatter::split(raw.strip_prefix('\u{feff}').unwrap_or(raw)).ok()?;
    let yaml: serde_yaml::Value = serde_yaml::from_str(split.yaml).ok()?;
    yaml.get("title")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn practice(title: &str) -> String {
        format!("---\ntitle: {title}\nadded: 2026-03-01\n---\nTekst.\n")
    }

    #[test]
    fn a_name_windows_reserves_becomes_the_name_new_gives() {
        // Decap drops `con` whole: the file it asks for is `.md`.
        for (asked, title, want) in [
            ("content/praktijken/algemeen/.md", "Con", "con-praktijk"),
            ("content/praktijken/algemeen/.md", "AUX", "aux-praktijk"),
            ("content/praktijken/medisch/con.md", "con", "con-praktijk"),
        ] {
            assert_eq!(
                new_practice_path(asked, &practice(title)),
                Ok(Some(format!(
                    "content/praktijken/{}/{want}.md",
                    asked.split('/').nth(2).unwrap()
                ))),
                "{title}"
            );
            assert_eq!(slugify(title), want, "the same name as `new`");
        }
    }

    #[test]
    fn a_long_title_is_cut_as_new_cuts_it() {
        let title = "Woningdelen ".repeat(25);
        let decap = title.trim().to_lowercase().replace(' ', "-");
        let path = new_practice_path(
            &format!("content/praktijken/algemeen/{decap}.md"),
            &practice(&title),
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            path,
            format!("content/praktijken/algemeen/{}.md", slugify(&title))
        );
        assert!(path.len() < 120);
    }

    #[test]
    fn a_good_name_is_kept() {
        assert_eq!(
            new_practice_path(
                "content/praktijken/algemeen/buddy-s.md",
                &practice("Buddy’s")
            ),
            Ok(None)
        );
        assert_eq!(
            new_practice_path("content/site.yaml", "title: Con\n"),
            Ok(None)
        );
    }

    #[test]
    fn a_title_without_letters_is_refused_naming_the_field() {
        for title in ["'!!!'", "🏠🏠", "'...'"] {
            let e =
                new_practice_path("content/praktijken/algemeen/.md", &practice(title)).unwrap_err();
            assert!(e.contains("Titel"), "{e}");
            assert!(e.contains("letter of cijfer"), "{e}");
        }
    }
}
