//! `content/site.yaml`: the site's title, introduction, categories and options.

use super::schema;
use super::yaml::YamlDoc;
use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use crate::model::{Category, CmsSettings, Settings, SiteContact};
use crate::msg;
use crate::text::{check_email, check_web_url, is_slug};
use textkit::date::Date;

pub const PATH: &str = "content/site.yaml";

pub fn parse(text: &str) -> (Option<Settings>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let doc = match YamlDoc::parse(PATH, text, text, 0) {
        Ok(d) => d,
        Err(d) => return (None, vec![d]),
    };
    doc.check_keys(
        &schema::names(schema::SITE),
        &schema::required(schema::SITE),
        msg!("what-site-settings"),
        &mut diags,
    );
    diags.extend(super::hidden::in_yaml(PATH, text, 0));
    diags.extend(
        super::lint::folded_blocks(PATH, text, 1)
            .into_iter()
            .map(|d| d.with_source(text)),
    );
    let texts = texts(&doc, &mut diags);
    let options = options(&doc, &mut diags);
    let categories = categories(&doc, &mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let contact = contact(&doc, &mut diags);
    let cms = cms(&doc, &mut diags);
    let settings = Settings {
        title: texts.title.unwrap_or_default(),
        publisher: texts.publisher,
        description: texts.description,
        intro: texts.intro.unwrap_or_default(),
        categories,
        new_days: options.new_days,
        reference_date: options.reference_date,
        allow_raw_html: options.allow_raw_html,
        theme: options.theme,
        url: options.url,
        contact,
        cms,
    };
    (Some(settings), diags)
}

/// The texts of the site: title, publisher, description and the introduction (its links checked).
struct Texts {
    title: Option<String>,
    publisher: String,
    description: String,
    intro: Option<String>,
}

fn texts(doc: &YamlDoc, diags: &mut Vec<Diagnostic>) -> Texts {
    let title: Option<String> = doc.get("title", msg!("expect-text"), diags);
    // Every page's <title> and heading start with it: empty, pages have no name.
    if title.as_ref().is_some_and(|t| t.trim().is_empty()) {
        diags.push(
            doc.error_at(
                Code::EmptyField,
                doc.key_line("title"),
                msg!("field-empty", key = "title"),
            )
            .hint(msg!("field-empty-hint", key = "title")),
        );
    }
    let publisher: String = doc
        .get("publisher", msg!("expect-text"), diags)
        .unwrap_or_default();
    let description: String = doc
        .get("description", msg!("expect-text"), diags)
        .unwrap_or_default();
    let intro: Option<String> = doc.get("intro", msg!("expect-markdown"), diags);
    if let Some(intro) = &intro {
        diags.extend(crate::validate::markdown_links(
            PATH,
            intro,
            msg!("where-field", key = "intro"),
            |_, url| doc.line_of("intro", url),
        ));
    }
    Texts {
        title,
        publisher,
        description,
        intro,
    }
}

/// The options: `new_days`, `allow_raw_html`, `theme`, `reference_date` and `url`.
struct Options {
    new_days: u32,
    allow_raw_html: bool,
    theme: String,
    reference_date: Option<Date>,
    url: Option<String>,
}

fn options(doc: &YamlDoc, diags: &mut Vec<Diagnostic>) -> Options {
    let new_days: u32 = doc
        .get("new_days", msg!("expect-days"), diags)
        .unwrap_or(60);
    let allow_raw_html: bool = doc
        .get("allow_raw_html", msg!("expect-bool"), diags)
        .unwrap_or(false);
    let theme: String = doc
        .get("theme", msg!("expect-theme"), diags)
        .unwrap_or_else(|| "default".into());
    if !crate::render::theme::is_theme_name(&theme) {
        let d = crate::render::theme::theme_name_error(&theme);
        diags.push(Diagnostic {
            hint: d.hint,
            ..doc.error_at(Code::InvalidTheme, doc.key_line("theme"), d.message)
        });
    }
    let reference_date = doc
        .get::<String>("reference_date", msg!("expect-date"), diags)
        .and_then(|t| {
            Date::parse(&t)
                .map_err(|e| {
                    diags.push(
                        doc.error_at(
                            Code::InvalidDate,
                            doc.key_line("reference_date"),
                            msg!(
                                "date-invalid",
                                key = "reference_date",
                                text = t.as_str(),
                                detail = crate::messages::Arg::parser(e)
                            ),
                        )
                        .hint(msg!("reference-date-hint")),
                    )
                })
                .ok()
        });
    let url = doc
        .get::<String>("url", msg!("expect-site-url"), diags)
        .and_then(|u| match check_web_url(&u) {
            Ok(()) => Some(u),
            Err(why) => {
                diags.push(
                    doc.error_at(Code::InvalidUrl, doc.key_line("url"), why)
                        .hint(msg!("site-url-hint")),
                );
                None
            }
        });
    Options {
        new_days,
        allow_raw_html,
        theme,
        reference_date,
        url,
    }
}

/// The categories, in their order; unknown fields, bad slugs and doubles reported.
fn categories(doc: &YamlDoc, diags: &mut Vec<Diagnostic>) -> Vec<Category> {
    let category_fields = schema::names(schema::CATEGORY);
    let mut categories = Vec::new();
    if let Some(serde_yaml::Value::Sequence(items)) = doc.value("categories") {
        for (i, item) in items.iter().enumerate() {
            let needle = item
                .get("slug")
                .and_then(|v| v.as_str())
                .map(|s| format!("slug: {s}"))
                .unwrap_or_else(|| "categories".into());
            let line = doc.line_of("categories", &needle);
            if let Some(map) = item.as_mapping() {
                for key in map.keys().filter_map(|k| k.as_str()) {
                    if !category_fields.contains(&key) {
                        diags.push(
                            doc.error_at(
                                Code::UnknownField,
                                doc.line_of("categories", &format!("{key}:")),
                                msg!("field-unknown", name = key, what = msg!("what-category")),
                            )
                            .hint(msg!("category-fields", fields = category_fields.join(", "))),
                        );
                    }
                }
            }
            #[derive(serde::Deserialize)]
            struct Raw {
                slug: String,
                title: String,
                #[serde(default)]
                description: String,
                #[serde(default)]
                order: Option<i64>,
            }
            match serde_yaml::from_value::<Raw>(item.clone()) {
                Ok(raw) => {
                    if !is_slug(&raw.slug) {
                        diags.push(
                            doc.error_at(
                                Code::InvalidSlug,
                                line,
                                msg!("category-slug-invalid", slug = raw.slug.as_str()),
                            )
                            .hint(msg!("category-slug-invalid-hint")),
                        );
                    }
                    if categories.iter().any(|c: &Category| c.slug == raw.slug) {
                        diags.push(doc.error_at(
                            Code::DuplicateCategory,
                            line,
                            msg!("category-twice", slug = raw.slug.as_str()),
                        ));
                    }
                    categories.push(Category {
                        slug: raw.slug,
                        title: raw.title,
                        description: raw.description,
                        order: raw.order.unwrap_or(i as i64 + 1),
                    });
                }
                Err(e) => diags.push(
                    doc.error_at(
                        Code::InvalidCategory,
                        line,
                        msg!(
                            "category-invalid",
                            n = i + 1,
                            detail = crate::messages::Arg::parser(e)
                        ),
                    )
                    .hint(msg!("category-invalid-hint")),
                ),
            }
        }
    } else if doc.has("categories") {
        diags.push(doc.error_at(
            Code::InvalidValue,
            doc.key_line("categories"),
            msg!("field-not-a-list", key = "categories"),
        ));
    }
    categories.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));
    categories
}

/// The site's contact: an e-mail address, a contact page, or both.
fn contact(doc: &YamlDoc, diags: &mut Vec<Diagnostic>) -> Option<SiteContact> {
    let c = doc.get::<SiteContact>("contact", msg!("expect-site-contact"), diags)?;
    let line = doc.line_of("contact", if c.email.is_some() { "email" } else { "url" });
    if c.email.is_none() && c.url.is_none() {
        diags.push(
            doc.error_at(
                Code::InvalidValue,
                doc.key_line("contact"),
                msg!("site-contact-empty"),
            )
            .hint(msg!("site-contact-empty-hint")),
        );
        return None;
    }
    let mut ok = true;
    if let Some(email) = &c.email {
        if let Err(why) = check_email(email) {
            diags.push(
                doc.error_at(Code::InvalidEmail, line, why)
                    .hint(msg!("site-contact-email-hint")),
            );
            ok = false;
        }
    }
    if let Some(Err(why)) = c.url.as_deref().map(check_web_url) {
        diags.push(
            doc.error_at(Code::InvalidUrl, doc.line_of("contact", "url"), why)
                .hint(msg!("site-contact-url-hint")),
        );
        ok = false;
    }
    ok.then_some(c)
}

/// The CMS's backend for the published site.
fn cms(doc: &YamlDoc, diags: &mut Vec<Diagnostic>) -> Option<CmsSettings> {
    let c = doc.get::<CmsSettings>("cms", msg!("expect-cms-block"), diags)?;
    if !matches!(c.backend.as_str(), "github" | "gitlab") {
        diags.push(
            doc.error_at(
                Code::InvalidValue,
                doc.line_of("cms", "backend"),
                msg!("cms-backend-unknown", backend = c.backend.as_str()),
            )
            .hint(msg!("cms-backend-unknown-hint")),
        );
        return None;
    }
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_categories_in_order() {
        let (s, d) = parse("title: T\nintro: I\ncategories:\n  - {slug: b, title: B, order: 2}\n  - {slug: a, title: A, order: 1}\n");
        assert!(d.is_empty(), "{d:?}");
        let s = s.unwrap();
        assert_eq!(
            s.categories
                .iter()
                .map(|c| c.slug.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert!(!s.allow_raw_html);
        assert_eq!(s.theme, "default");
    }

    #[test]
    fn an_empty_site_title_is_an_error_at_its_line() {
        for title in ["''", "\"  \""] {
            let (s, d) = parse(&format!("publisher: P\ntitle: {title}\ncategories: []\n"));
            assert!(s.is_none(), "{title}");
            let e = d
                .iter()
                .find(|d| d.code == "empty-field")
                .expect("empty-field");
            assert_eq!(e.line, 2);
        }
    }

    #[test]
    fn script_link_in_the_intro_is_refused_at_its_line() {
        let (s, d) = parse(
            "title: T\nintro: >-\n  Welkom.\n  [klik](javascript:alert(1))\ncategories: []\n",
        );
        assert!(s.is_none());
        let unsafe_link = d
            .iter()
            .find(|d| d.code == "unsafe-link")
            .expect("an unsafe-link error");
        assert_eq!((unsafe_link.path.as_str(), unsafe_link.line), (PATH, 4));
        assert!(
            unsafe_link.text().contains("javascript:"),
            "{unsafe_link:?}"
        );
    }

    #[test]
    fn misspelt_setting_is_reported() {
        let (s, d) = parse("titel: T\nintro: I\ncategories: []\n");
        assert!(s.is_none());
        assert!(d
            .iter()
            .any(|d| d.code == "unknown-field" && d.line == 1 && d.path == PATH));
    }
}
