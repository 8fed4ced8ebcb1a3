//! `kennisbank new CATEGORY "TITLE"`: the file of a new practice, with every front matter field
//! present (the optional ones commented out, with examples taken from the content) so an editor
//! sees what is possible. The file it writes passes `check`.

use crate::content::{self, settings};
use crate::diagnostics::{suggest, Diagnostic};
use crate::model::Practice;
use crate::text::slugify;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use textkit::date::Date;

/// The text a new practice starts with; `check` warns while it is still there.
pub const PLACEHOLDER: &str =
    "Beschrijf hier de praktijk: wat doet de gemeente, met wie, en wat levert het op?";

/// Why no file was written.
#[derive(Debug)]
pub enum NewError {
    /// `content/site.yaml` cannot be read or has errors.
    Settings(Vec<Diagnostic>),
    UnknownCategory {
        given: String,
        known: Vec<String>,
        suggestion: Option<String>,
    },
    /// The title has no letters or digits to make an id from.
    EmptyTitle,
    /// A practice with this id exists (ids are unique over all categories).
    Exists(String),
    Io(String),
}

impl NewError {
    /// The exit status: 1 for content errors, 2 for usage and I/O errors.
    pub fn exit_code(&self) -> i32 {
        match self {
            NewError::Settings(_) => 1,
            _ => 2,
        }
    }
}

impl fmt::Display for NewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NewError::Settings(_) => {
                write!(
                    f,
                    "{}",
                    crate::msg!("new-settings-broken", path = settings::PATH)
                )
            }
            NewError::UnknownCategory {
                given,
                known,
                suggestion,
            } => {
                write!(
                    f,
                    "{}",
                    crate::msg!("category-unknown", name = given.as_str())
                )?;
                if let Some(s) = suggestion {
                    write!(f, "; {}", crate::msg!("did-you-mean", name = s.as_str()))?;
                }
                let list = crate::msg!("new-categories-are", categories = known.join(", "));
                write!(f, "\n{list}")
            }
            NewError::EmptyTitle => write!(f, "{}", crate::msg!("new-empty-title")),
            NewError::Exists(path) => {
                write!(f, "{}", crate::msg!("new-exists", path = path.as_str()))
            }
            NewError::Io(why) => write!(f, "{why}"),
        }
    }
}

/// Today's date in UTC: the only place the generator reads the clock, for `added` (`new`) and
/// for the CMS's refusal of a date after today (`cms::validate::future_dates`).
pub fn today() -> Option<Date> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let days = i64::try_from(seconds / 86_400).ok()?;
    Date::new(1970, 1, 1).ok()?.add_days(days)
}

/// Creates `content/praktijken/<category>/<id>.md` below `root`, the id made from `title`, and
/// returns its path relative to `root`. Never overwrites.
pub fn create(root: &Path, category: &str, title: &str, added: Date) -> Result<String, NewError> {
    let settings_path = root.join(settings::PATH);
    let text = content::read_text(root, &settings_path).map_err(|d| NewError::Settings(vec![d]))?;
    let (settings, diags) = settings::parse(&text);
    let settings = settings.ok_or(NewError::Settings(diags))?;
    let known: Vec<&str> = settings
        .categories
        .iter()
        .map(|c| c.slug.as_str())
        .collect();
    if !known.contains(&category) {
        return Err(NewError::UnknownCategory {
            given: category.to_string(),
            suggestion: suggest(category, &known).map(str::to_owned),
            known: known.iter().map(|s| s.to_string()).collect(),
        });
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let id = slugify(&title);
    if id.is_empty() {
        return Err(NewError::EmptyTitle);
    }
    let (practices, _) = content::load_practices(root, &settings);
    let rel = format!("{}/{category}/{id}.md", content::PRACTICES_DIR);
    if let Some(p) = practices.iter().find(|p| p.id == id) {
        return Err(NewError::Exists(p.path.clone()));
    }
    for other in &known {
        let path = format!("{}/{other}/{id}.md", content::PRACTICES_DIR);
        if root.join(&path).exists() {
            return Err(NewError::Exists(path));
        }
    }
    let text = file_text(&title, added, &Examples::from(&practices, category));
    let path: PathBuf = root.join(&rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            NewError::Io(
                crate::msg!(
                    "new-cannot-create",
                    path = dir.display().to_string(),
                    detail = crate::messages::io_detail(&e)
                )
                .to_string(),
            )
        })?;
    }
    // `create_new`: a file made meanwhile by someone else is not overwritten either.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => NewError::Exists(rel.clone()),
            _ => NewError::Io(
                crate::msg!(
                    "new-cannot-write",
                    path = rel.as_str(),
                    detail = crate::messages::io_detail(&e)
                )
                .to_string(),
            ),
        })?;
    file.write_all(text.as_bytes()).map_err(|e| {
        NewError::Io(
            crate::msg!(
                "new-cannot-write",
                path = rel.as_str(),
                detail = crate::messages::io_detail(&e)
            )
            .to_string(),
        )
    })?;
    Ok(rel)
}

/// Examples for the commented fields, from the practices already in the category, so that an
/// editor who uncomments them gets a valid file with tags spelt as elsewhere.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Examples {
    pub next_order: i64,
    pub tags: Vec<String>,
    pub related: Option<String>,
}

impl Examples {
    pub fn from(practices: &[Practice], category: &str) -> Examples {
        let in_category: Vec<&Practice> = practices
            .iter()
            .filter(|p| p.category == category)
            .collect();
        let next_order = in_category
            .iter()
            .filter_map(|p| p.order)
            .max()
            .map_or(10, |m| m + 10);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &in_category {
            for t in &p.tags {
                *counts.entry(t.as_str()).or_default() += 1;
            }
        }
        let mut by_count: Vec<(&str, usize)> = counts.into_iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        Examples {
            next_order,
            tags: by_count
                .into_iter()
                .take(2)
                .map(|(t, _)| t.to_string())
                .collect(),
            related: in_category.first().map(|p| p.id.clone()),
        }
    }
}

/// A YAML scalar for any text: a double-quoted string (JSON's escaping is valid YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// The text of a new practice file.
pub fn file_text(title: &str, added: Date, examples: &Examples) -> String {
    let tags = if examples.tags.is_empty() {
        "woningcorporaties, regionale samenwerking".to_string()
    } else {
        examples
            .tags
            .iter()
            .map(|t| {
                if t.contains([',', '[', ']', ':', '#']) {
                    quoted(t)
                } else {
                    t.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let related = match &examples.related {
        Some(id) => format!("# related: [{id}]\n"),
        None => String::new(),
    };
    // The comments are messages of the catalogue, in the language of the process.
    let c = |m: crate::messages::Message| -> String {
        m.to_string().lines().map(|l| format!("# {l}\n")).collect()
    };
    format!(
        "---
{c_title}title: {title}
{c_added}added: {added}
{c_updated}# updated: {added}
{c_order}# order: {order}
{c_summary}# summary: \"Korte samenvatting van de praktijk.\"
{c_tags}# tags: [{tags}]
{c_links}# links:
#   - url: https://www.voorbeeld.nl/pagina
#     label: \"Omschrijving van de pagina\"
{c_related}{related}{c_contact}# contact:
#   name: Voornaam Achternaam
#   role: Beleidsmedewerker wonen
#   email: naam@gemeente.nl
#   phone: 030 123 45 67
---
{PLACEHOLDER}
",
        title = quoted(title),
        order = examples.next_order,
        c_title = c(crate::msg!("new-comment-title")),
        c_added = c(crate::msg!("new-comment-added")),
        c_updated = c(crate::msg!("new-comment-updated")),
        c_order = c(crate::msg!("new-comment-order")),
        c_summary = c(crate::msg!("new-comment-summary")),
        c_tags = c(crate::msg!("new-comment-tags")),
        c_links = c(crate::msg!("new-comment-links")),
        c_related = c(crate::msg!("new-comment-related")),
        c_contact = c(crate::msg!("new-comment-contact")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_parses_as_a_practice_with_title_and_date() {
        let added = Date::parse("2026-03-04").unwrap();
        let text = file_text("Wonen: \"samen\" # en meer", added, &Examples::default());
        let (p, d) = crate::content::practice::parse(
            "content/praktijken/algemeen/x.md",
            "algemeen",
            "x",
            &text,
        );
        // Only the reminder to replace the placeholder text.
        let codes: Vec<&str> = d.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["placeholder-text"], "{d:?}");
        let p = p.unwrap();
        assert_eq!(p.title, "Wonen: \"samen\" # en meer");
        assert_eq!(p.added, added);
        assert!(p.tags.is_empty() && p.updated.is_none() && p.order.is_none());
        // The explanations are Dutch comments, one `#` line each.
        assert!(text.contains(
            "\n# De titel: de kop van de pagina en de naam in elke lijst (verplicht).\ntitle: "
        ));
        assert!(text.contains("\n# De datum waarop de praktijk is toegevoegd, als JJJJ-MM-DD (verplicht). Praktijken die binnen\n# `new_days` dagen"));
    }

    #[test]
    fn today_is_a_plausible_date() {
        let d = today().unwrap();
        assert!(d.year() >= 2025, "{d}");
    }
}
