//! `content/site.yaml`: the site's title, introduction, categories and options.

use super::schema;
use super::yaml::YamlDoc;
use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use crate::model::{Category, CmsSettings, Settings, SiteContact};
use crate::text::{check_email, check_web_url, is_slug};
use calculator_wasm::date::Date;

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
        "the site settings",
        &mut diags,
    );
    diags.extend(
        super::lint::folded_blocks(PATH, text, 1)
            .into_iter()
            .map(|d| d.with_source(text)),
    );
    let title: Option<String> = doc.get("title", "text", &mut diags);
    let publisher: String = doc.get("publisher", "text", &mut diags).unwrap_or_default();
    let description: String = doc
        .get("description", "text", &mut diags)
        .unwrap_or_default();
    let intro: Option<String> = doc.get("intro", "text (markdown)", &mut diags);
    if let Some(intro) = &intro {
        diags.extend(crate::validate::markdown_links(
            PATH,
            intro,
            "`intro`",
            |_, url| doc.line_of("intro", url),
        ));
    }
    let new_days: u32 = doc
        .get(
            "new_days",
            "a whole number of days, such as `60`",
            &mut diags,
        )
        .unwrap_or(60);
    let allow_raw_html: bool = doc
        .get("allow_raw_html", "`true` or `false`", &mut diags)
        .unwrap_or(false);
    let theme: String = doc
        .get("theme", "the name of a folder in `themes/`", &mut diags)
        .unwrap_or_else(|| "default".into());
    if !crate::render::theme::is_theme_name(&theme) {
        let d = crate::render::theme::theme_name_error(&theme);
        diags.push(Diagnostic {
            hint: d.hint,
            ..doc.error_at(Code::InvalidTheme, doc.key_line("theme"), d.message)
        });
    }
    let reference_date = doc.get::<String>("reference_date", "a date written as YYYY-MM-DD", &mut diags).and_then(|t| {
        Date::parse(&t)
            .map_err(|e| {
                diags.push(
                    doc.error_at(Code::InvalidDate, doc.key_line("reference_date"), format!("`reference_date` is not a valid date: {e}"))
                        .hint("write it as YYYY-MM-DD, or remove it to use the newest date in the content"),
                )
            })
            .ok()
    });
    let url = doc
        .get::<String>("url", "the site's address, such as `https://www.example.nl/kennisbank/`", &mut diags)
        .and_then(|u| match check_web_url(&u) {
            Ok(()) => Some(u),
            Err(why) => {
                diags.push(doc.error_at(Code::InvalidUrl, doc.key_line("url"), format!("`url` {why}")).hint("write the address the site is published at, such as `https://www.example.nl/kennisbank/`"));
                None
            }
        });

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
                                format!("unknown field `{key}` in a category"),
                            )
                            .hint(format!(
                                "the fields of a category are: {}",
                                category_fields.join(", ")
                            )),
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
                            doc.error_at(Code::InvalidSlug, line, format!("category slug `{}` is not a valid slug", raw.slug))
                                .hint("use lowercase letters, digits and hyphens; the slug is also the folder name under content/praktijken/"),
                        );
                    }
                    if categories.iter().any(|c: &Category| c.slug == raw.slug) {
                        diags.push(doc.error_at(Code::DuplicateCategory, line, format!("category `{}` is listed twice", raw.slug)));
                    }
                    categories.push(Category {
                        slug: raw.slug,
                        title: raw.title,
                        description: raw.description,
                        order: raw.order.unwrap_or(i as i64 + 1),
                    });
                }
                Err(e) => diags.push(
                    doc.error_at(Code::InvalidCategory, line, format!("category {} is not valid: {e}", i + 1))
                        .hint("each category needs `slug`, `title`, and may have `description` and `order`"),
                ),
            }
        }
    } else if doc.has("categories") {
        diags.push(doc.error_at(
            Code::InvalidValue,
            doc.key_line("categories"),
            "`categories` must be a list",
        ));
    }
    categories.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));

    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let contact = doc
        .get::<SiteContact>(
            "contact",
            "a block with `email` and/or `url`, such as `contact: { email: info@example.nl }`",
            &mut diags,
        )
        .filter(|c| {
            let line = doc.line_of("contact", if c.email.is_some() { "email" } else { "url" });
            if c.email.is_none() && c.url.is_none() {
                diags.push(doc.error_at(Code::InvalidValue, doc.key_line("contact"), "`contact` has neither `email` nor `url`").hint("give an e-mail address (`email: info@example.nl`), a contact page (`url: https://…`), or both; or remove `contact`"));
                return false;
            }
            let mut ok = true;
            if let Some(email) = &c.email {
                if let Err(why) = check_email(email) {
                    diags.push(doc.error_at(Code::InvalidEmail, line, format!("`contact.email` is not valid: {why}")).hint("write an address such as `info@example.nl`"));
                    ok = false;
                }
            }
            if let Some(Err(why)) = c.url.as_deref().map(check_web_url) {
                diags.push(doc.error_at(Code::InvalidUrl, doc.line_of("contact", "url"), format!("`contact.url` {why}")).hint("write the full address of the contact page, such as `https://www.example.nl/contact`"));
                ok = false;
            }
            ok
        });
    let cms = doc
        .get::<CmsSettings>(
            "cms",
            "a block such as `cms: { backend: github, repo: organisatie/kennisbank, branch: main }`",
            &mut diags,
        )
        .filter(|c| {
            let ok = matches!(c.backend.as_str(), "github" | "gitlab");
            if !ok {
                diags.push(
                    doc.error_at(Code::InvalidValue, doc.line_of("cms", "backend"), format!("`cms.backend` is `{}`; de beheeromgeving kent `github` en `gitlab`", c.backend))
                        .hint("schrijf `backend: github` of `backend: gitlab`"),
                );
            }
            ok
        });
    let settings = Settings {
        title: title.unwrap_or_default(),
        publisher,
        description,
        intro: intro.unwrap_or_default(),
        categories,
        new_days,
        reference_date,
        allow_raw_html,
        theme,
        url,
        contact,
        cms,
    };
    (Some(settings), diags)
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
            unsafe_link.message.contains("javascript:"),
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
