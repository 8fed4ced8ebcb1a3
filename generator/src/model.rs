//! The site's content as typed values, after loading and validation.

use serde::{Deserialize, Serialize};
use textkit::date::Date;

/// Site-wide settings and texts (`content/site.yaml`).
#[derive(Debug, Clone)]
pub struct Settings {
    pub title: String,
    pub publisher: String,
    pub description: String,
    /// Markdown.
    pub intro: String,
    pub categories: Vec<Category>,
    /// Practices added or updated within this many days of the reference date are marked "Nieuw".
    pub new_days: u32,
    /// The date "Nieuw" is measured from; when absent, the newest date in the content (never the clock).
    pub reference_date: Option<Date>,
    pub allow_raw_html: bool,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// The address the site is published at (`https://…/`), for the absolute links of the feeds
    /// and the sitemap.
    pub url: Option<String>,
    /// How readers reach the publisher (the accessibility statement and the footer).
    pub contact: Option<SiteContact>,
    /// Where the published CMS at `/admin/` saves; without it, `build` writes no `/admin/`.
    pub cms: Option<CmsSettings>,
}

/// The git host the published CMS works on (`cms:` in `content/site.yaml`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CmsSettings {
    /// `github` or `gitlab`.
    pub backend: String,
    /// `organisatie/kennisbank`.
    pub repo: String,
    #[serde(default = "default_branch")]
    pub branch: String,
    /// GitLab: the id of the OAuth application, for sign-in without a server of our own (PKCE).
    #[serde(default)]
    pub app_id: Option<String>,
    /// GitHub: the address of the OAuth gateway that signs editors in.
    #[serde(default)]
    pub base_url: Option<String>,
}

fn default_branch() -> String {
    "main".into()
}

/// The publisher's address for readers: an e-mail address, a web page (a contact form), or both.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct SiteContact {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Category {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub order: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub url: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

/// One best practice: a markdown file `content/praktijken/<category>/<id>.md`.
#[derive(Debug, Clone)]
pub struct Practice {
    /// The file stem: a slug, unique over all categories.
    pub id: String,
    /// Category slug (the folder).
    pub category: String,
    /// Path relative to the project root, for messages.
    pub path: String,
    pub title: String,
    /// File line of `title`, for messages (0 when not known).
    pub title_line: usize,
    pub added: Date,
    pub updated: Option<Date>,
    pub order: Option<i64>,
    /// File line of `order`, for messages (0 without one).
    pub order_line: usize,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    pub links: Vec<Link>,
    pub related: Vec<String>,
    /// File line of each `related` entry, for messages.
    pub related_lines: Vec<usize>,
    /// File line of each tag, for messages.
    pub tag_lines: Vec<usize>,
    pub contact: Option<Contact>,
    /// Old addresses (`praktijken/<category>/<id>/`, without the base) that redirect here.
    pub aliases: Vec<String>,
    /// File line of each alias, for messages.
    pub alias_lines: Vec<usize>,
    /// Markdown.
    pub body: String,
    /// File line where the body starts.
    pub body_line: usize,
}

impl Practice {
    /// The date a reader cares about: last change, else when it was added.
    pub fn changed(&self) -> Date {
        self.updated.unwrap_or(self.added).max(self.added)
    }
}

/// The BIJLAGE: the stappenplan and its uitgangspunten (`content/stappenplan.yaml`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Stappenplan {
    pub title: String,
    #[serde(default)]
    pub intro: String,
    pub steps: Vec<Step>,
    pub uitgangspunten: Vec<Uitgangspunt>,
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: String,
    /// Who acts.
    pub actor: String,
    /// Markdown.
    pub text: String,
    #[serde(default)]
    pub deadline: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Uitgangspunt {
    pub title: String,
    /// Markdown; `[^id]` refers to a footnote.
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub id: String,
    pub text: String,
}

/// Everything the site is built from.
#[derive(Debug, Clone)]
pub struct Content {
    pub settings: Settings,
    /// Sorted by category order, then `order`, then `added`, then id.
    pub practices: Vec<Practice>,
    pub stappenplan: Stappenplan,
    /// Groups of words the search treats as the same (`content/synoniemen.yaml`), as written.
    pub synonyms: Vec<Vec<String>>,
    /// The sections of the site's own pages for the search index (the stappenplan, the
    /// herverdelingscheck, ...): read from their rendered HTML by `build` once the theme is
    /// loaded (`search_index::theme_pages`); empty until then. Kept here so that the index a
    /// partial rebuild makes from the content is the whole build's.
    pub search_pages: Vec<search::Document>,
    /// The ids the theme's templates give elements themselves (`id="inhoud"`), which the
    /// anchors of a practice's headings avoid: set by `build` once the theme is loaded (see
    /// `Theme::ids`); empty until then.
    pub theme_ids: std::collections::BTreeSet<String>,
    /// (path, text) of the YAML files read (`content/site.yaml`, …), so that later stages can
    /// point at a line in them without reading the disk again.
    pub source_texts: Vec<(String, String)>,
    /// Ids of practice files that could not be read or have errors (each reported on its own):
    /// a `related` naming one is not reported as unknown as well.
    pub unread_practices: Vec<String>,
}

impl Content {
    /// The date "Nieuw" marks are measured from: the setting, else the newest content date.
    pub fn reference_date(&self) -> Option<Date> {
        self.settings
            .reference_date
            .or_else(|| self.practices.iter().map(Practice::changed).max())
    }
}
