//! `/admin/config.yml`: Decap CMS's description of the collections and their forms, made from
//! [`crate::content::schema`] (the fields `check` enforces) and from the content itself (the
//! categories, the practices `related` can name, the tags in use).

use crate::content::schema::{self, Field, Kind};
use crate::content::{self, settings, stappenplan, synonyms};
use crate::model::{Practice, Settings};
use serde_json::{json, Map, Value};

/// What an old address of a practice looks like (see `content::practice::parse_alias`).
const ALIAS_PATTERN: &str = "^/praktijken/[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*/$";

/// Where the CMS reads and saves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// `kennisbank serve`: the files on this computer, through `/api/v1`.
    Local,
    /// A git host: `github` or `gitlab`, with the repository (`organisatie/kennisbank`) and branch.
    Git {
        name: String,
        repo: String,
        branch: String,
        /// GitLab's OAuth application id (sign-in with PKCE).
        app_id: Option<String>,
        /// GitHub's OAuth gateway.
        base_url: Option<String>,
    },
}

/// The folder of the practice collection for a category.
pub fn practice_folder(category: &str) -> String {
    format!("{}/{category}", content::PRACTICES_DIR)
}

/// The name of the CMS collection of a category's practices.
pub fn collection_name(category: &str) -> String {
    format!("praktijken-{category}")
}

/// The configuration as a value (see [`to_yaml`]).
pub fn config(settings: &Settings, practices: &[Practice], backend: &Backend) -> Value {
    let mut root = Map::new();
    match backend {
        Backend::Local => {
            root.insert(
                "backend".into(),
                json!({ "name": "proxy", "proxy_url": "/api/v1", "branch": "main" }),
            );
        }
        Backend::Git {
            name,
            repo,
            branch,
            app_id,
            base_url,
        } => {
            let mut b = json!({ "name": name, "repo": repo, "branch": branch });
            if let Some(id) = app_id {
                b["auth_type"] = json!("pkce");
                b["app_id"] = json!(id);
            }
            if let Some(url) = base_url {
                b["base_url"] = json!(url);
            }
            root.insert("backend".into(), b);
            // Every change becomes a pull (merge) request that CI checks before it is published.
            root.insert("publish_mode".into(), json!("editorial_workflow"));
        }
    }
    root.insert("locale".into(), json!("nl"));
    // Ids are file names: lowercase ASCII letters, digits and hyphens (`check`'s `is_slug`).
    root.insert(
        "slug".into(),
        json!({ "encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-" }),
    );
    root.insert("media_folder".into(), json!("content/media"));
    root.insert("public_folder".into(), json!("/media"));
    if let Some(url) = &settings.url {
        root.insert("site_url".into(), json!(url));
    }
    let mut collections: Vec<Value> = settings
        .categories
        .iter()
        .map(|c| {
            json!({
                "name": collection_name(&c.slug),
                "label": c.title,
                "label_singular": "praktijk",
                "description": format!("Praktijken in de categorie ‘{}’ (map {}).", c.title, practice_folder(&c.slug)),
                "folder": practice_folder(&c.slug),
                "extension": "md",
                "format": "frontmatter",
                "create": true,
                "delete": true,
                "slug": "{{slug}}",
                "identifier_field": "title",
                "summary": "{{title}}",
                "sortable_fields": ["title", "added", "order"],
                "fields": practice_fields(practices),
            })
        })
        .collect();
    collections.push(json!({
        "name": "instellingen",
        "label": "Instellingen en bijlagen",
        "delete": false,
        "editor": { "preview": false },
        "files": [
            file_collection("site", "Site (titel, inleiding, categorieën)", settings::PATH, schema::SITE),
            file_collection("stappenplan", "Stappenplan herverdeling", stappenplan::PATH, schema::STAPPENPLAN),
            file_collection("synoniemen", "Synoniemen voor de zoekfunctie", synonyms::PATH, schema::SYNONYMS),
        ],
    }));
    root.insert("collections".into(), Value::Array(collections));
    Value::Object(root)
}

/// The configuration as `config.yml` text.
pub fn to_yaml(config: &Value) -> String {
    let body = serde_yaml::to_string(config).unwrap_or_default();
    format!("# Made by kennisbank from the content schema (generator/src/content/schema.rs); do not edit.\n{body}")
}

fn file_collection(name: &str, label: &str, path: &str, fields: &[Field]) -> Value {
    json!({
        "name": name,
        "label": label,
        "file": path,
        "fields": fields.iter().map(|f| widget(f, &[])).collect::<Vec<_>>(),
    })
}

/// The label of a practice's text in the form (the markdown below its fields).
pub const TEXT_LABEL: &str = "Tekst";

/// The form of a practice: its front matter fields, then the text.
fn practice_fields(practices: &[Practice]) -> Vec<Value> {
    let mut fields: Vec<Value> = schema::PRACTICE
        .iter()
        .map(|f| widget(f, practices))
        .collect();
    fields.push(json!({
        "name": "body",
        "label": TEXT_LABEL,
        "widget": "markdown",
        "hint": "De tekst van de praktijk. Koppen beginnen met ## (niveau 2), dan ###.",
        "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"],
        "editor_components": [],
        "modes": ["rich_text", "raw"],
    }));
    fields
}

/// The CMS widget of one field.
fn widget(field: &Field, practices: &[Practice]) -> Value {
    let mut w = Map::new();
    w.insert("name".into(), json!(field.name));
    w.insert("label".into(), json!(field.label));
    if !field.required {
        w.insert("required".into(), json!(false));
    }
    let mut hint = field.hint.to_string();
    match field.kind {
        Kind::Text => {
            w.insert("widget".into(), json!("string"));
        }
        Kind::LongText => {
            w.insert("widget".into(), json!("text"));
        }
        Kind::Markdown => {
            w.insert("widget".into(), json!("markdown"));
        }
        Kind::Date => {
            w.insert("widget".into(), json!("datetime"));
            w.insert("format".into(), json!("YYYY-MM-DD"));
            w.insert("date_format".into(), json!("YYYY-MM-DD"));
            w.insert("time_format".into(), json!(false));
            w.insert("picker_utc".into(), json!(true));
        }
        Kind::Integer => {
            w.insert("widget".into(), json!("number"));
            w.insert("value_type".into(), json!("int"));
        }
        Kind::Bool => {
            w.insert("widget".into(), json!("boolean"));
            w.insert("default".into(), json!(false));
        }
        Kind::Url => {
            w.insert("widget".into(), json!("string"));
            w.insert(
                "pattern".into(),
                json!([
                    "^https?://[^\\s]+$",
                    "Een volledig adres zonder spaties, beginnend met https://"
                ]),
            );
        }
        Kind::Email => {
            w.insert("widget".into(), json!("string"));
            w.insert(
                "pattern".into(),
                json!([
                    "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$",
                    "Een e-mailadres zoals naam@gemeente.nl"
                ]),
            );
        }
        Kind::Slug => {
            w.insert("widget".into(), json!("string"));
            w.insert(
                "pattern".into(),
                json!([
                    "^[a-z0-9]+(-[a-z0-9]+)*$",
                    "Alleen kleine letters, cijfers en losse streepjes, zoals `nieuwe-categorie`"
                ]),
            );
        }
        Kind::Aliases => {
            w.insert("widget".into(), json!("list"));
            w.insert(
                "field".into(),
                json!({
                    "name": "adres",
                    "label": "Adres",
                    "widget": "string",
                    "pattern": [ALIAS_PATTERN, "Een adres zoals /praktijken/algemeen/oude-naam/"],
                }),
            );
        }
        Kind::Choice(options) => {
            w.insert("widget".into(), json!("select"));
            w.insert("options".into(), json!(options));
        }
        Kind::Tags => {
            w.insert("widget".into(), json!("list"));
            w.insert("allow_add".into(), json!(true));
            let tags = tags_in_use(practices);
            if !tags.is_empty() {
                hint = format!("{hint} Al in gebruik: {}.", tags.join(", "));
            }
        }
        Kind::Related => {
            let options: Vec<Value> = practices
                .iter()
                .map(|p| json!({ "label": format!("{} ({})", p.title, p.category), "value": p.id }))
                .collect();
            if options.is_empty() {
                w.insert("widget".into(), json!("list"));
            } else {
                w.insert("widget".into(), json!("select"));
                w.insert("multiple".into(), json!(true));
                w.insert("options".into(), Value::Array(options));
            }
        }
        Kind::Blocks(fields) => {
            w.insert("widget".into(), json!("list"));
            w.insert(
                "fields".into(),
                fields.iter().map(|f| widget(f, practices)).collect(),
            );
            if let Some(first) = fields.first() {
                w.insert(
                    "summary".into(),
                    json!(format!("{{{{fields.{}}}}}", first.name)),
                );
            }
        }
        Kind::Block(fields) => {
            w.insert("widget".into(), json!("object"));
            w.insert("collapsed".into(), json!(false));
            w.insert(
                "fields".into(),
                fields.iter().map(|f| widget(f, practices)).collect(),
            );
        }
        Kind::WordGroups => {
            w.insert("widget".into(), json!("list"));
            w.insert(
                "field".into(),
                json!({ "name": "woorden", "label": "Woorden", "widget": "list" }),
            );
        }
    }
    if !hint.is_empty() {
        w.insert("hint".into(), json!(hint));
    }
    Value::Object(w)
}

/// The tags of all practices, each spelling once, sorted.
fn tags_in_use(practices: &[Practice]) -> Vec<String> {
    let mut tags: Vec<String> = practices.iter().flat_map(|p| p.tags.clone()).collect();
    tags.sort();
    tags.dedup();
    tags
}
