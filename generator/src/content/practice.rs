//! One practice file: front matter fields and body, checked field by field so that every problem
//! in the file is reported at its own line.

use super::frontmatter::{split, SplitError};
use super::schema;
use super::yaml::YamlDoc;
use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use crate::model::{Contact, Link, Practice};
use crate::text::{check_email, check_external_url, is_reserved_slug, is_slug, slugify};
use serde_yaml::Value;
use textkit::date::Date;

/// Most items in `tags` or `related`: every tag page lists its practices with their tags, so the
/// work of a build grows with the square of a practice's tags; real practices have a handful.
pub const MAX_LIST_ITEMS: usize = 50;

/// Dutch words editors are likely to use for the English field names.
pub fn field_synonym<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let targets: &[&str] = match name {
        "titel" | "naam" => &["title", "name"],
        "datum" | "toegevoegd" | "date" => &["added"],
        "gewijzigd" | "bijgewerkt" | "modified" => &["updated"],
        "volgorde" | "nummer" | "weight" => &["order"],
        "samenvatting" | "description" | "beschrijving" => &["summary"],
        "trefwoorden" | "labels" | "tag" => &["tags"],
        "verwijzingen" | "url" | "urls" | "link" => &["links"],
        "gerelateerd" | "zie_ook" | "see_also" => &["related"],
        "contactpersoon" => &["contact"],
        "rol" | "functie" => &["role"],
        "mail" | "e-mail" | "e_mail" | "emailadres" | "e-mailadres" => &["email"],
        "telefoon" | "tel" | "telefoonnummer" => &["phone"],
        _ => return None,
    };
    targets
        .iter()
        .find_map(|t| known.iter().copied().find(|k| k == t))
}

/// Parses the text of `content/praktijken/<category>/<id>.md`. Returns the practice when it is
/// usable, and every problem found (a practice with only warnings is returned).
pub fn parse(
    path: &str,
    category: &str,
    id: &str,
    text: &str,
) -> (Option<Practice>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_reserved_slug(id) {
        // `con.md`: fine here, but Windows and a zip file unpacked there cannot hold it.
        diags.push(
            Diagnostic::error(
                Code::InvalidId,
                path,
                crate::msg!("practice-id-reserved", id = id),
            )
            .hint(crate::msg!(
                "practice-id-reserved-hint",
                id = id,
                suggestion = slugify(id)
            )),
        );
    } else if !is_slug(id) {
        let suggestion = slugify(id);
        diags.push(
            Diagnostic::error(
                Code::InvalidId,
                path,
                crate::msg!("practice-id-invalid", id = id),
            )
            .hint(crate::msg!(
                "practice-id-invalid-hint",
                suggestion = suggestion
            )),
        );
    }
    let parts = match split(text) {
        Ok(p) => p,
        Err(SplitError::NoOpening) => {
            let message = if text.trim().is_empty() {
                crate::msg!("front-matter-empty-file")
            } else {
                crate::msg!("front-matter-missing")
            };
            diags.push(
                Diagnostic::error(Code::MissingFrontMatter, path, message)
                    .at(1, 1)
                    .hint(crate::msg!("front-matter-missing-hint"))
                    .with_source(text),
            );
            return (None, diags);
        }
        Err(SplitError::NoClosing) => {
            diags.push(
                Diagnostic::error(
                    Code::UnclosedFrontMatter,
                    path,
                    crate::msg!("front-matter-unclosed"),
                )
                .at(1, 1)
                .hint(crate::msg!("front-matter-unclosed-hint"))
                .with_source(text),
            );
            return (None, diags);
        }
    };
    // A `---` twice at the top: the block of fields is empty, and the fields under it were read
    // as text ("title is missing" while it is there, two lines down).
    if parts.yaml.trim().is_empty() {
        let closing = parts.body_line - 1;
        let fields_below = parts
            .body
            .lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| {
                l.split_once(':')
                    .is_some_and(|(k, _)| schema::names(schema::PRACTICE).contains(&k.trim()))
            });
        let hint = if fields_below {
            crate::msg!("front-matter-empty-hint-fields-below", line = closing)
        } else {
            crate::msg!("front-matter-missing-hint")
        };
        diags.push(
            Diagnostic::error(
                Code::MissingFrontMatter,
                path,
                crate::msg!("front-matter-empty", line = closing),
            )
            .at(closing, 1)
            .hint(hint)
            .with_line_text(text.lines().nth(closing - 1).unwrap_or_default()),
        );
        return (None, diags);
    }
    // The closing `---` forgotten, and a `---` further down the text: the text up to there was
    // read as fields ("missing colon" at the first sentence, with a wrong fix).
    if let Some(line) = text_among_fields(parts.yaml) {
        let shown = text.lines().nth(line - 1).unwrap_or_default();
        diags.push(
            Diagnostic::error(
                Code::UnclosedFrontMatter,
                path,
                crate::msg!("front-matter-text-inside", line = line),
            )
            .at(line, 1)
            .hint(crate::msg!("front-matter-text-inside-hint", line = line))
            .with_line_text(shown),
        );
        return (None, diags);
    }
    let doc = match YamlDoc::parse(path, text, parts.yaml, 1) {
        Ok(d) => d,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    diags.extend(super::hidden::in_yaml(path, parts.yaml, 1));
    diags.extend(super::hidden::in_text(path, parts.body, parts.body_line));
    // The fields are described once, in `schema`, for `check` and for the CMS.
    doc.check_keys(
        &schema::names(schema::PRACTICE),
        &schema::required(schema::PRACTICE),
        crate::msg!("what-practice"),
        &mut diags,
    );

    let title = non_empty_string(&doc, "title", &mut diags);
    let added = date(&doc, "added", &mut diags);
    let updated = date(&doc, "updated", &mut diags);
    if let (Some(a), Some(u)) = (added, updated) {
        if u < a {
            diags.push(
                doc.error_at(
                    Code::DateOrder,
                    doc.key_line("updated"),
                    crate::msg!("date-order", updated = u.to_string(), added = a.to_string()),
                )
                .hint(crate::msg!("date-order-hint")),
            );
        }
    }
    let order = doc.get::<i64>("order", crate::msg!("expect-whole-number"), &mut diags);
    let summary = if doc.has("summary") {
        non_empty_string(&doc, "summary", &mut diags)
    } else {
        None
    };
    let tags = string_list(&doc, "tags", &mut diags);
    diags.extend(duplicate_tags(&doc, &tags));
    let related = string_list(&doc, "related", &mut diags);
    for r in &related {
        if !is_slug(r) {
            diags.push(
                doc.error_at(
                    Code::InvalidRelated,
                    doc.item_line("related", r),
                    crate::msg!("related-not-an-id", related = r),
                )
                .hint(crate::msg!(
                    "related-not-an-id-hint",
                    suggestion = related_id(r)
                )),
            );
        }
    }
    let mut aliases = Vec::new();
    let mut alias_lines = Vec::new();
    for a in string_list(&doc, "aliases", &mut diags) {
        match parse_alias(&a) {
            Some(address) => {
                aliases.push(address);
                alias_lines.push(doc.item_line("aliases", &a));
            }
            None => diags.push(
                doc.error_at(
                    Code::InvalidAlias,
                    doc.item_line("aliases", &a),
                    crate::msg!("alias-invalid", alias = a.as_str()),
                )
                .hint(crate::msg!("alias-invalid-hint")),
            ),
        }
    }
    let links = links(&doc, &mut diags);
    let contact = contact(&doc, &mut diags);

    if parts.body.trim().is_empty() {
        diags.push(
            Diagnostic::error(Code::EmptyBody, path, crate::msg!("body-empty"))
                .at(parts.body_line, 0)
                .hint(crate::msg!("body-empty-hint")),
        );
    }

    diags.extend(super::lint::practice(
        path,
        text,
        parts.yaml,
        parts.body,
        parts.body_line,
    ));
    let has_errors = diags.iter().any(Diagnostic::is_error);
    let practice = match (title, added, has_errors) {
        (Some(title), Some(added), false) => Some(Practice {
            id: id.to_string(),
            category: category.to_string(),
            path: path.to_string(),
            title_line: doc.key_line("title"),
            title,
            added,
            updated,
            order,
            order_line: if order.is_some() {
                doc.key_line("order")
            } else {
                0
            },
            summary,
            tag_lines: tags.iter().map(|t| doc.item_line("tags", t)).collect(),
            tags,
            links,
            related_lines: related
                .iter()
                .map(|r| doc.item_line("related", r))
                .collect(),
            related,
            contact,
            aliases,
            alias_lines,
            body: parts.body.to_string(),
            body_line: parts.body_line,
        }),
        _ => None,
    };
    (practice, diags)
}

/// The file line of the first line of text among the fields: after a blank line, at the start of
/// the line, without a colon (which YAML never accepts there: it is not a field, a list item, a
/// comment or the rest of a value). `yaml` starts on file line 2.
fn text_among_fields(yaml: &str) -> Option<usize> {
    let lines: Vec<&str> = yaml.lines().collect();
    (1..lines.len())
        .find(|&i| {
            let l = lines[i].trim_end();
            lines[i - 1].trim().is_empty()
                && !l.is_empty()
                && !l.starts_with([' ', '\t', '-', '#', '[', '{', '"', '\''])
                && !l.contains(':')
        })
        .map(|i| i + 2)
}

/// A tag written twice in one practice, the same but for case or accents (`Wonen`, `wonen`):
/// both have one tag page, and the practice would show the tag twice.
fn duplicate_tags(doc: &YamlDoc, tags: &[String]) -> Vec<Diagnostic> {
    let mut seen: Vec<(String, &str)> = Vec::new();
    let mut diags = Vec::new();
    for t in tags {
        let slug = crate::text::slugify(t);
        if slug.is_empty() {
            continue; // `validate` names a tag without letters
        }
        match seen.iter().find(|(s, _)| *s == slug) {
            Some((_, first)) => diags.push(
                doc.error_at(
                    Code::DuplicateTag,
                    doc.item_line("tags", t),
                    crate::msg!("tag-duplicate", tag = t.as_str(), first = *first),
                )
                .hint(crate::msg!("tag-duplicate-hint", tag = t.as_str())),
            ),
            None => seen.push((slug, t)),
        }
    }
    diags
}

/// An old address as written in `aliases` (`/praktijken/algemeen/oude-naam/`, the slashes
/// optional) → `praktijken/algemeen/oude-naam/`; `None` when it is not such an address.
pub fn parse_alias(written: &str) -> Option<String> {
    let parts: Vec<&str> = written.trim().trim_matches('/').split('/').collect();
    match parts.as_slice() {
        ["praktijken", category, id] if is_slug(category) && is_slug(id) => {
            Some(format!("praktijken/{category}/{id}/"))
        }
        _ => None,
    }
}

/// The id an editor most likely meant in `related`: `algemeen/x.md`, `x.md` and
/// `content/praktijken/algemeen/x` all mean `x`.
pub fn related_id(written: &str) -> String {
    let last = written
        .trim()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(written);
    slugify(last.strip_suffix(".md").unwrap_or(last))
}

fn non_empty_string(doc: &YamlDoc, key: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let s: String = match doc.value(key)? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => {
            diags.push(
                doc.error_at(
                    Code::InvalidValue,
                    doc.key_line(key),
                    crate::msg!("field-not-text", key = key),
                )
                .hint(crate::msg!("field-not-text-hint", key = key)),
            );
            return None;
        }
    };
    if s.trim().is_empty() {
        diags.push(
            doc.error_at(
                Code::EmptyField,
                doc.key_line(key),
                crate::msg!("field-empty", key = key),
            )
            .hint(crate::msg!("field-empty-hint", key = key)),
        );
        return None;
    }
    Some(s.trim().to_string())
}

fn date(doc: &YamlDoc, key: &str, diags: &mut Vec<Diagnostic>) -> Option<Date> {
    let text = match doc.value(key)? {
        Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    };
    match Date::parse(&text) {
        Ok(d) => Some(d),
        Err(e) => {
            diags.push(
                doc.error_at(
                    Code::InvalidDate,
                    doc.key_line(key),
                    crate::msg!(
                        "date-invalid",
                        key = key,
                        text = text.as_str(),
                        detail = crate::messages::Arg::parser(e)
                    ),
                )
                .hint(crate::msg!("date-invalid-hint")),
            );
            None
        }
    }
}

fn string_list(doc: &YamlDoc, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let items = match doc.value(key) {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::String(s)) => vec![Value::String(s.clone())],
        Some(Value::Sequence(items)) => items.clone(),
        Some(_) => {
            diags.push(
                doc.error_at(
                    Code::InvalidValue,
                    doc.key_line(key),
                    crate::msg!("field-not-a-list", key = key),
                )
                .hint(crate::msg!("field-not-a-list-hint", key = key)),
            );
            return Vec::new();
        }
    };
    if items.len() > MAX_LIST_ITEMS {
        diags.push(
            doc.error_at(
                Code::TooManyItems,
                doc.key_line(key),
                crate::msg!(
                    "list-too-long",
                    key = key,
                    n = items.len(),
                    max = MAX_LIST_ITEMS
                ),
            )
            .hint(crate::msg!("list-too-long-hint", key = key)),
        );
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for item in items {
        match item {
            Value::String(s) if !s.trim().is_empty() => {
                let s = s.trim().to_string();
                if !out.contains(&s) {
                    out.push(s);
                }
            }
            Value::Number(n) => out.push(n.to_string()),
            other => {
                let shown = serde_yaml::to_string(&other)
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                diags.push(
                    doc.error_at(
                        Code::InvalidValue,
                        doc.key_line(key),
                        crate::msg!("list-item-not-text", key = key, item = shown),
                    )
                    .hint(crate::msg!("list-item-not-text-hint", key = key)),
                );
            }
        }
    }
    out
}

fn links(doc: &YamlDoc, diags: &mut Vec<Diagnostic>) -> Vec<Link> {
    let Some(value) = doc.value("links") else {
        return Vec::new();
    };
    if value.is_null() {
        return Vec::new();
    }
    let hint = crate::msg!("links-hint");
    let Value::Sequence(items) = value else {
        diags.push(
            doc.error_at(
                Code::InvalidValue,
                doc.key_line("links"),
                crate::msg!("links-not-a-list"),
            )
            .hint(hint),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let link: Link = match serde_yaml::from_value(item.clone()) {
            Ok(l) => l,
            Err(e) => {
                diags.push(
                    doc.error_at(
                        Code::InvalidLink,
                        doc.nth_item_line("links", i),
                        crate::msg!(
                            "link-invalid",
                            n = i + 1,
                            detail = crate::messages::Arg::parser(e)
                        ),
                    )
                    .hint(hint.clone()),
                );
                continue;
            }
        };
        if let Err(why) = check_external_url(&link.url) {
            diags.push(
                doc.error_at(
                    Code::InvalidUrl,
                    doc.line_of("links", &link.url),
                    crate::msg!("url-invalid", url = link.url.as_str(), why = why),
                )
                .hint(crate::msg!("url-invalid-hint")),
            );
        }
        if link.label.trim().is_empty() {
            diags.push(
                doc.error_at(
                    Code::EmptyField,
                    doc.line_of("links", &link.url),
                    crate::msg!("link-no-label", url = link.url.as_str()),
                )
                .hint(crate::msg!("link-no-label-hint")),
            );
        }
        out.push(link);
    }
    out
}

fn contact(doc: &YamlDoc, diags: &mut Vec<Diagnostic>) -> Option<Contact> {
    // A misspelt field of the block (`emial`) at its own line, with the name meant; serde would
    // name it at the `contact:` line without one.
    if let Some(Value::Mapping(fields)) = doc.value("contact") {
        let known = ["name", "role", "email", "phone"];
        let mut unknown = false;
        for name in fields.keys().filter_map(Value::as_str) {
            if known.contains(&name) {
                continue;
            }
            unknown = true;
            let what = crate::msg!("what-contact");
            let hint = super::yaml::unknown_field_hint(name, &known, &what);
            diags.push(
                doc.error_at(
                    Code::UnknownField,
                    doc.inner_key_line("contact", name),
                    crate::msg!("field-unknown", name = name, what = what),
                )
                .hint(hint),
            );
        }
        if unknown {
            return None;
        }
    }
    let c: Contact = doc.get("contact", crate::msg!("expect-contact-block"), diags)?;
    if let Some(email) = &c.email {
        if let Err(why) = check_email(email) {
            diags.push(
                doc.error_at(Code::InvalidEmail, doc.line_of("contact", email), why)
                    .hint(crate::msg!("email-invalid-hint")),
            );
        }
    }
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_known_field_for_typo_and_dutch_name() {
        let known = ["title", "added", "tags"];
        let close = |name: &str| {
            crate::diagnostics::suggest(name, &known).or_else(|| field_synonym(name, &known))
        };
        assert_eq!(close("titel"), Some("title"));
        assert_eq!(close("tittle"), Some("title"));
        assert_eq!(close("datum"), Some("added"));
        assert_eq!(close("zzzzzz"), None);
    }

    fn parse_ok(text: &str) -> Practice {
        let (p, d) = parse("content/praktijken/algemeen/x.md", "algemeen", "x", text);
        assert!(d.is_empty(), "{d:?}");
        p.unwrap()
    }

    fn problems(text: &str) -> Vec<Diagnostic> {
        parse("content/praktijken/algemeen/x.md", "algemeen", "x", text).1
    }

    #[test]
    fn reads_all_fields() {
        let p = parse_ok(
            "---\ntitle: Titel\nadded: 2026-01-02\nupdated: 2026-02-03\norder: 20\ntags: [a, b]\nrelated: [y]\n\
             links:\n  - url: https://vng.nl/\n    label: VNG\ncontact:\n  name: Iemand\n  email: iemand@coa.nl\n---\nTekst.\n",
        );
        assert_eq!(p.title, "Titel");
        assert_eq!(p.added.to_string(), "2026-01-02");
        assert_eq!(p.order, Some(20));
        assert_eq!(p.tags, ["a", "b"]);
        assert_eq!(p.links[0].label, "VNG");
        assert_eq!(p.contact.unwrap().email.as_deref(), Some("iemand@coa.nl"));
        assert_eq!(p.body_line, 15);
    }

    #[test]
    fn unknown_field_gets_did_you_mean() {
        let d = problems("---\ntitel: Titel\nadded: 2026-01-02\n---\nTekst.\n");
        let unknown = d.iter().find(|d| d.code == "unknown-field").unwrap();
        assert_eq!(unknown.line, 2);
        assert!(unknown
            .hint_text()
            .as_deref()
            .unwrap()
            .contains("bedoelde u `title`?"));
        assert!(d
            .iter()
            .any(|d| d.code == "missing-field" && d.text().contains("`title`")));
    }

    #[test]
    fn every_problem_in_a_file_is_reported_at_its_line() {
        let d = problems("---\ntitle: T\nadded: 2026-02-30\norder: tien\nlinks:\n  - url: www.vng.nl\n    label: VNG\n---\n\n");
        let codes: Vec<(&str, usize)> = d.iter().map(|d| (d.code, d.line)).collect();
        assert!(codes.contains(&("invalid-date", 3)), "{codes:?}");
        assert!(codes.contains(&("invalid-value", 4)), "{codes:?}");
        assert!(codes.contains(&("invalid-url", 6)), "{codes:?}");
        assert!(codes.iter().any(|(c, _)| *c == "empty-body"), "{codes:?}");
    }

    #[test]
    fn broken_yaml_names_the_line() {
        let d = problems("---\ntitle: T\nadded: [2026-01-01\n---\nTekst\n");
        assert_eq!(d[0].code, "yaml-syntax");
        assert!(d[0].line >= 3 && d[0].line <= 4, "{:?}", d[0]);
    }

    #[test]
    fn related_written_as_a_path_suggests_the_id() {
        let d = problems("---\ntitle: T\nadded: 2026-01-02\nrelated: [algemeen/eerste-praktijk.md, tweede.md]\n---\nTekst.\n");
        let hints: Vec<String> = d
            .iter()
            .filter(|d| d.code == "invalid-related")
            .map(|d| d.hint_text().unwrap())
            .collect();
        assert!(hints[0].ends_with("zoals `eerste-praktijk`"), "{hints:?}");
        assert!(hints[1].ends_with("zoals `tweede`"), "{hints:?}");
    }

    #[test]
    fn missing_front_matter_and_bad_id_are_errors() {
        let (p, d) = parse("x", "algemeen", "Mijn Praktijk", "Tekst zonder kop\n");
        assert!(p.is_none());
        assert!(d.iter().any(|d| d.code == "invalid-id"
            && d.hint_text()
                .as_deref()
                .unwrap()
                .contains("mijn-praktijk.md")));
        assert!(d.iter().any(|d| d.code == "missing-front-matter"));
    }
}
