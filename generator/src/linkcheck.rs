//! The internal link check of `check`: every `href`, `src` and `action` in the rendered pages that
//! stays on the site must name a file of the build (a folder: its `index.html`), and every
//! `#anchor` must be an `id` in the target page. No network access: external addresses are only
//! checked for their form, when the content is validated.
//!
//! A broken link is reported where an editor can fix it: at the line of the practice text (or
//! `site.yaml`, `stappenplan.yaml`) that holds it, else at the template line that writes it.

use crate::codes::Code;
use crate::content::{settings, stappenplan};
use crate::diagnostics::Diagnostic;
use crate::lines::LineIndex;
use crate::markdown::{self, resolve_href};
use crate::model::Content;
use crate::render::theme::Theme;
use crate::render::OutputFile;
use crate::routes::Route;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

/// The base `check` renders the site under: a sub-path, so that a template link written without
/// `{{ base }}` (which works at `/` and breaks under a sub-path such as GitHub Pages gives) is found.
pub const CHECK_BASE: &str = "/__kennisbank_check__/";

/// A link found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    /// The attribute value, with HTML character references decoded.
    pub url: String,
    /// The attribute: `href`, `src` or `action`.
    pub attribute: &'static str,
}

/// The links of an HTML page, in order.
pub fn page_links(html: &str) -> Vec<PageLink> {
    let mut links = Vec::new();
    let bytes = html.as_bytes();
    for attribute in ["href", "src", "action"] {
        let mut from = 0;
        while let Some(found) = html[from..].find(attribute) {
            let start = from + found;
            from = start + attribute.len();
            // Only a whole attribute name: preceded by white space, followed by `=` and a quote.
            if start == 0 || !bytes[start - 1].is_ascii_whitespace() {
                continue;
            }
            let rest = &html[from..];
            let Some(after_eq) = rest.trim_start().strip_prefix('=') else {
                continue;
            };
            let after_eq = after_eq.trim_start();
            let Some(quote) = after_eq.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            let value = &after_eq[1..];
            if let Some(end) = value.find(quote) {
                links.push(PageLink {
                    url: decode_entities(&value[..end]),
                    attribute,
                });
            }
        }
    }
    links
}

/// The `id` (and `name`) values of an HTML page: the anchors a `#fragment` can name.
pub fn page_anchors(html: &str) -> HashSet<String> {
    let mut anchors = HashSet::new();
    let bytes = html.as_bytes();
    for attribute in [" id=\"", " name=\""] {
        let mut from = 0;
        while let Some(found) = html[from..].find(attribute) {
            let start = from + found + attribute.len();
            from = start;
            if let Some(end) = html[start..].find('"') {
                anchors.insert(decode_entities(&html[start..start + end]));
            }
        }
    }
    // Attributes after a newline or tab instead of a space.
    for (i, _) in html.match_indices("id=\"") {
        if i > 0 && (bytes[i - 1] == b'\n' || bytes[i - 1] == b'\t') {
            if let Some(end) = html[i + 4..].find('"') {
                anchors.insert(decode_entities(&html[i + 4..i + 4 + end]));
            }
        }
    }
    anchors
}

pub fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Whether a link leaves the site or is not a page address at all.
fn has_scheme(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// What a link on a site page points at.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Not checked: another site, `mailto:`, `data:`, a query on the same page.
    Elsewhere,
    /// An output file (relative path) and the fragment after `#` (empty when none).
    File { path: String, fragment: String },
    /// A path on the same server but outside the base: it breaks when the site is published
    /// under a sub-path.
    OutsideBase(String),
}

/// Resolves `url`, found on the page at output path `page`, for a site under `base`.
pub fn resolve(url: &str, page: &str, base: &str) -> Target {
    let url = url.trim();
    let (origin, base_path) = split_origin(base);
    let local = if has_scheme(url) || url.starts_with("//") {
        match origin {
            Some(origin) if url.starts_with(origin) => &url[origin.len()..],
            _ => return Target::Elsewhere,
        }
    } else {
        url
    };
    let (before_fragment, fragment) = local.split_once('#').unwrap_or((local, ""));
    let path = before_fragment.split('?').next().unwrap_or("");
    let page_dir = page.rsplit_once('/').map_or("", |(dir, _)| dir);
    let site_relative: String = if path.is_empty() {
        if fragment.is_empty() {
            return Target::Elsewhere; // `?q=…` on the same page
        }
        page.to_string()
    } else if let Some(absolute) = path.strip_prefix('/') {
        match format!("/{absolute}").strip_prefix(base_path) {
            Some(rest) => rest.to_string(),
            None if format!("/{absolute}/") == base_path => String::new(),
            None => return Target::OutsideBase(path.to_string()),
        }
    } else if page_dir.is_empty() {
        path.to_string()
    } else {
        format!("{page_dir}/{path}")
    };
    let decoded = textkit::percent_decode_lossy(&site_relative);
    let mut segments: Vec<&str> = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if segments.pop().is_none() {
                    return Target::OutsideBase(path.to_string());
                }
            }
            s => segments.push(s),
        }
    }
    let mut file = segments.join("/");
    let is_page = path.is_empty() && !fragment.is_empty();
    if !is_page && (decoded.is_empty() || decoded.ends_with('/')) {
        if !file.is_empty() {
            file.push('/');
        }
        file.push_str("index.html");
    }
    Target::File {
        path: file,
        fragment: textkit::percent_decode_lossy(fragment),
    }
}

/// `https://host/kb/` → (`Some("https://host")`, `/kb/`); `/kb/` → (`None`, `/kb/`).
fn split_origin(base: &str) -> (Option<&str>, &str) {
    match base.find("://") {
        Some(i) => {
            let after = i + 3;
            match base[after..].find('/') {
                Some(slash) => (Some(&base[..after + slash]), &base[after + slash..]),
                None => (Some(base), "/"),
            }
        }
        None => (None, base),
    }
}

/// One broken link, before it is placed at its source.
struct Broken {
    page: String,
    url: String,
    message: crate::messages::Message,
    code: Code,
}

/// Checks every internal link and anchor of the built `files` (a site under `base`), placing each
/// problem at its source line in the content or the `theme`'s templates.
pub fn check(
    content: &Content,
    theme: &Theme,
    files: &[OutputFile],
    base: &str,
) -> Vec<Diagnostic> {
    let by_path: HashMap<&str, &[u8]> = files
        .iter()
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    let anchors: HashMap<&str, OnceLock<HashSet<String>>> = files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| (f.path.as_str(), OnceLock::new()))
        .collect();
    let anchors_of = |path: &str| -> Option<&HashSet<String>> {
        let cell = anchors.get(path)?;
        Some(cell.get_or_init(|| {
            page_anchors(&String::from_utf8_lossy(
                by_path.get(path).copied().unwrap_or_default(),
            ))
        }))
    };
    // Messages show links as an editor writes them: from the site root, without the base.
    let shown = |url: &str| match url.strip_prefix(base) {
        Some(rest) => format!("/{rest}"),
        None => url.to_string(),
    };
    let broken: Vec<Broken> = files
        .par_iter()
        .filter(|f| f.path.ends_with(".html") && is_site_page(&f.path))
        .flat_map_iter(|f| {
            let html = String::from_utf8_lossy(&f.bytes);
            let mut found = Vec::new();
            for link in page_links(&html) {
                // The rule of the texts, for what templates and raw HTML write as well.
                if let Some(scheme) = refused_scheme(&link.url) {
                    found.push(Broken {
                        page: f.path.clone(),
                        code: Code::UnsafeLink,
                        message: crate::msg!(
                            "page-link-unsafe",
                            url = link.url.as_str(),
                            scheme = scheme
                        ),
                        url: link.url,
                    });
                    continue;
                }
                match resolve(&link.url, &f.path, base) {
                    Target::Elsewhere => {}
                    Target::OutsideBase(path) => found.push(Broken {
                        page: f.path.clone(),
                        url: link.url,
                        code: Code::LinkOutsideBase,
                        message: crate::msg!("link-outside-base", path = path),
                    }),
                    Target::File { path, fragment } => {
                        let exists = by_path.contains_key(path.as_str());
                        let folder = format!("{path}/index.html");
                        let target = if exists {
                            Some(path.clone())
                        } else if by_path.contains_key(folder.as_str()) {
                            Some(folder)
                        } else {
                            None
                        };
                        match target {
                            None => found.push(Broken {
                                page: f.path.clone(),
                                code: Code::BrokenLink,
                                message: crate::msg!("link-broken", url = shown(&link.url)),
                                url: link.url,
                            }),
                            Some(target) if !fragment.is_empty() => {
                                let present =
                                    anchors_of(&target).is_none_or(|ids| ids.contains(&fragment));
                                if !present {
                                    found.push(Broken {
                                        page: f.path.clone(),
                                        code: Code::BrokenAnchor,
                                        message: crate::msg!(
                                            "anchor-broken",
                                            url = shown(&link.url),
                                            fragment = fragment
                                        ),
                                        url: link.url,
                                    });
                                }
                            }
                            Some(_) => {}
                        }
                    }
                }
            }
            found
        })
        .collect();
    place(content, theme, base, broken)
}

/// The scheme of a link in a page that `check` refuses: those of [`markdown::unsafe_scheme`],
/// except the `data:` addresses a template uses for an empty icon (`data:,`) or a bitmap image
/// (no SVG, which may hold a script).
fn refused_scheme(url: &str) -> Option<String> {
    let scheme = markdown::unsafe_scheme(url)?;
    let lower = url.trim().to_ascii_lowercase();
    let harmless = lower == "data:,"
        || ["png", "gif", "jpeg", "webp"]
            .iter()
            .any(|kind| lower.starts_with(&format!("data:image/{kind}")));
    (!harmless).then_some(scheme)
}

/// Output files that are site pages; other HTML (such as the letter template the checker page
/// fetches) is data, not a page.
fn is_site_page(path: &str) -> bool {
    path.ends_with("index.html") || path == "404.html"
}

/// Turns broken links into diagnostics at their source, one per source line and link, saying on
/// how many pages it breaks.
fn place(content: &Content, theme: &Theme, base: &str, broken: Vec<Broken>) -> Vec<Diagnostic> {
    let sources = Sources::new(content, theme, base);
    let mut grouped: BTreeMap<(String, usize, String, &'static str), (Diagnostic, usize)> =
        BTreeMap::new();
    for b in broken {
        let diagnostic = sources.locate(content, base, &b);
        let key = (
            diagnostic.path.clone(),
            diagnostic.line,
            b.url.clone(),
            b.code.as_str(),
        );
        grouped
            .entry(key)
            .and_modify(|(_, n)| *n += 1)
            .or_insert((diagnostic, 1));
    }
    grouped
        .into_values()
        .map(|(mut d, pages)| {
            if pages > 1 {
                d.message = crate::msg!("link-on-pages", message = d.message, pages = pages);
            }
            d
        })
        .collect()
}

/// The texts a link can come from, as loaded.
struct Sources<'a> {
    /// Practice page → the practice, its text's lines and its first link of each address (as
    /// rendered): parsed once, however many links of the text are broken.
    practices: HashMap<String, PracticeLinks<'a>>,
    /// (path shown, file text) of `site.yaml` and `stappenplan.yaml`.
    content_files: Vec<&'a (String, String)>,
    /// (path shown, file text) of the theme's templates.
    templates: &'a [(String, String)],
}

struct PracticeLinks<'a> {
    practice: &'a crate::model::Practice,
    lines: LineIndex<'a>,
    /// Rendered address → byte offset in the text of its first link.
    first_offset: HashMap<String, usize>,
}

impl<'a> Sources<'a> {
    fn new(content: &'a Content, theme: &'a Theme, base: &str) -> Sources<'a> {
        let practices = content
            .practices
            .iter()
            .map(|p| {
                let mut first_offset = HashMap::new();
                for link in markdown::links(&p.body) {
                    first_offset
                        .entry(resolve_href(&link.url, base))
                        .or_insert(link.offset);
                }
                let page = Route::practice(p).output_path();
                let lines = LineIndex::new(&p.body);
                (
                    page,
                    PracticeLinks {
                        practice: p,
                        lines,
                        first_offset,
                    },
                )
            })
            .collect();
        let content_files = [settings::PATH, stappenplan::PATH]
            .into_iter()
            .filter_map(|rel| content.source_texts.iter().find(|(path, _)| path == rel))
            .collect();
        Sources {
            practices,
            content_files,
            templates: &theme.templates,
        }
    }

    fn locate(&self, content: &Content, base: &str, b: &Broken) -> Diagnostic {
        // A practice page: the link may be in the practice's text.
        if let Some(links) = self.practices.get(&b.page) {
            if let Some(&offset) = links.first_offset.get(&b.url) {
                let p = links.practice;
                let body_line = links.lines.line_of(offset);
                let d = Diagnostic::error(b.code, p.path.clone(), b.message.clone())
                    .at(p.body_line + body_line - 1, links.lines.column_of(offset))
                    .hint(hint(b.code));
                return match (
                    links.lines.line(body_line),
                    links.lines.line_start(body_line),
                ) {
                    (Some(line), Some(start)) => d.with_line_at(line, offset - start),
                    _ => d,
                };
            }
        }
        // Markdown in site.yaml or stappenplan.yaml: `](url)` as written there.
        let written = written_forms(&b.url, base);
        for (path, text) in &self.content_files {
            for form in &written {
                if let Some(at) = text.find(&format!("]({form}")) {
                    let line = markdown::line_of_offset(text, at);
                    return Diagnostic::error(b.code, path.clone(), b.message.clone())
                        .at(line, column_of(text, at + 2))
                        .hint(hint(b.code))
                        .with_source(text);
                }
            }
        }
        // A template: `{{ base }}path` or the address itself.
        let after_base = b.url.strip_prefix(base).unwrap_or(&b.url);
        let patterns = [
            format!("{{{{ base }}}}{after_base}\""),
            format!("{{{{base}}}}{after_base}\""),
            format!("\"{}\"", b.url),
        ];
        for (path, text) in self.templates {
            for pattern in &patterns {
                if let Some(at) = text.find(pattern.as_str()) {
                    let line = markdown::line_of_offset(text, at);
                    return Diagnostic::error(b.code, path.clone(), b.message.clone())
                        .at(line, column_of(text, at))
                        .hint(hint(b.code))
                        .with_source(text);
                }
            }
        }
        // Made by a template from data: name the page, at the templates folder.
        let dir = format!("themes/{}/templates", content.settings.theme);
        Diagnostic::error(
            b.code,
            dir,
            crate::msg!(
                "link-on-page",
                message = b.message.clone(),
                page = b.page.as_str()
            ),
        )
        .hint(hint(b.code))
    }
}

/// The 1-based column (in characters) of a byte offset.
fn column_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text.get(start..offset).map_or(1, |s| s.chars().count() + 1)
}

/// How an editor may have written a link that renders as `url`: as it is, and, for links into
/// the site, from the site root (`/stappenplan/`) as content links are written.
fn written_forms(url: &str, base: &str) -> Vec<String> {
    let mut forms = vec![url.to_string()];
    if let Some(rest) = url.strip_prefix(base) {
        forms.push(format!("/{rest}"));
    }
    forms
}

fn hint(code: Code) -> crate::messages::Message {
    match code {
        Code::BrokenAnchor => crate::msg!("anchor-broken-hint"),
        Code::UnsafeLink => crate::msg!("page-link-unsafe-hint"),
        Code::LinkOutsideBase => crate::msg!("link-outside-base-hint"),
        _ => crate::msg!("link-broken-hint"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_attributes_only() {
        let links = page_links(
            "<a href=\"/a/\">x</a><img src='/b.png' data-src=\"/no\"><form action=\"/zoeken/\"><a hreflang=\"nl\" href=\"/c/?a=1&amp;b=2\">",
        );
        let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["/a/", "/c/?a=1&b=2", "/b.png", "/zoeken/"]);
    }

    #[test]
    fn resolves_links_against_page_and_base() {
        let file = |path: &str, fragment: &str| Target::File {
            path: path.into(),
            fragment: fragment.into(),
        };
        assert_eq!(
            resolve("/kb/", "x/index.html", "/kb/"),
            file("index.html", "")
        );
        assert_eq!(
            resolve("/kb", "x/index.html", "/kb/"),
            file("index.html", "")
        );
        assert_eq!(
            resolve("/kb/praktijken/a/#kop", "index.html", "/kb/"),
            file("praktijken/a/index.html", "kop")
        );
        assert_eq!(
            resolve("#voetnoot-1", "stappenplan/index.html", "/"),
            file("stappenplan/index.html", "voetnoot-1")
        );
        assert_eq!(
            resolve("../b/", "praktijken/a/index.html", "/"),
            file("praktijken/b/index.html", "")
        );
        assert_eq!(
            resolve("/static/style.css", "index.html", "/"),
            file("static/style.css", "")
        );
        assert_eq!(
            resolve("/praktijken/", "index.html", "/kb/"),
            Target::OutsideBase("/praktijken/".into())
        );
        assert_eq!(
            resolve("https://vng.nl/", "index.html", "/"),
            Target::Elsewhere
        );
        assert_eq!(
            resolve("mailto:a@b.nl", "index.html", "/"),
            Target::Elsewhere
        );
        assert_eq!(
            resolve("?q=huur", "zoeken/index.html", "/"),
            Target::Elsewhere
        );
        assert_eq!(
            resolve("https://x.nl/kb/tags/", "index.html", "https://x.nl/kb/"),
            file("tags/index.html", "")
        );
    }

    #[test]
    fn script_links_are_refused_and_empty_icons_are_not() {
        assert_eq!(
            refused_scheme("javascript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(
            refused_scheme("data:text/html,<script>").as_deref(),
            Some("data")
        );
        assert_eq!(
            refused_scheme("data:image/svg+xml,<svg>").as_deref(),
            Some("data")
        );
        assert_eq!(refused_scheme("data:,"), None);
        assert_eq!(refused_scheme("data:image/png;base64,AAAA"), None);
        assert_eq!(refused_scheme("/static/x.css"), None);
    }

    #[test]
    fn anchors_are_ids_and_names() {
        let ids = page_anchors("<h2 id=\"kop\">x</h2><a name=\"oud\"></a><p\nid=\"n\">");
        assert!(ids.contains("kop") && ids.contains("oud") && ids.contains("n"));
    }
}
