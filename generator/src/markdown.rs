//! Markdown to HTML with the site's rules: raw HTML escaped unless allowed, headings shifted below
//! the page's `h1`, site-internal links prefixed with the base URL, external links with `rel="noopener"`.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};
use std::collections::{BTreeMap, BTreeSet};

pub struct MarkdownOptions<'a> {
    pub allow_raw_html: bool,
    /// Base URL ending in `/`; links starting with `/` are placed under it.
    pub base: &'a str,
    /// Footnotes defined outside the text (the stappenplan): id → number. `[^id]` becomes a link to
    /// `#voetnoot-<id>`. When `None`, footnotes are the text's own (pulldown-cmark's).
    pub external_footnotes: Option<&'a BTreeMap<String, usize>>,
    /// Give every heading an `id` (a practice's text), never one of these (the ids of the
    /// theme's templates): see [`crate::heading_anchors`]. When `None`, headings get no `id`.
    pub heading_anchors: Option<&'a BTreeSet<String>>,
}

/// How every text is parsed. `{#anker}` after a heading names its anchor; the classes and
/// other attributes that syntax also allows are dropped when the HTML is written.
pub(crate) fn parser_options() -> Options {
    Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Whether a link target leaves the site.
pub fn is_external(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
}

/// Schemes a link in a text may have; any other is refused by `check` and `build`.
pub const SAFE_SCHEMES: [&str; 4] = ["https", "http", "mailto", "tel"];

/// The scheme of `url` when it is not one of [`SAFE_SCHEMES`] (`javascript`, `data`,
/// `vbscript`, `file`, …), read as a browser reads it: spaces and control characters around it
/// and tabs and line breaks inside it do not count, case does not matter.
pub fn unsafe_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let scheme = scheme.to_ascii_lowercase();
    (is_scheme && !SAFE_SCHEMES.contains(&scheme.as_str())).then_some(scheme)
}

/// Renders markdown to an HTML fragment.
pub fn to_html(markdown: &str, opts: &MarkdownOptions) -> String {
    // pulldown-cmark only sees `[^id]` as a reference when the text defines it, so for footnotes kept
    // elsewhere we add placeholder definitions and leave them out of the output.
    let with_definitions;
    let markdown = match opts.external_footnotes {
        Some(map) if markdown.contains("[^") => {
            let defs: String = map.keys().map(|id| format!("\n\n[^{id}]: .")).collect();
            with_definitions = format!("{markdown}{defs}");
            with_definitions.as_str()
        }
        _ => markdown,
    };
    // Raw HTML that would swallow the rest of the page (an unclosed `<!--` or `<script>`: the
    // menu, the footer and the scripts after the text vanish) is shown as text, as without
    // `allow_raw_html`, so that the editor sees it on the page.
    let allow_raw_html = opts.allow_raw_html && !swallows_the_rest(&raw_html(markdown));
    let mut in_definition = false;
    let events = Parser::new_ext(markdown, parser_options()).filter(move |event| {
        let external = opts.external_footnotes.is_some();
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) if external => {
                in_definition = true;
                false
            }
            Event::End(TagEnd::FootnoteDefinition) if external => {
                in_definition = false;
                false
            }
            _ => !in_definition,
        }
    });
    let anchors = opts
        .heading_anchors
        .map(|reserved| crate::heading_anchors::anchors(markdown, reserved))
        .unwrap_or_default();
    let mut headings = anchors.into_iter();
    let events = events.map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) if !allow_raw_html => Event::Text(html),
        // Only the anchor: `{.class}` or `{onclick=…}` written after a heading would reach the
        // page as attributes.
        Event::Start(Tag::Heading { level, .. }) => Event::Start(Tag::Heading {
            level: shift(level),
            id: headings.next().map(CowStr::from),
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
        Event::Start(Tag::Link {
            dest_url, title, ..
        }) => Event::Html(link_open(&dest_url, &title, opts.base).into()),
        Event::End(TagEnd::Link) => Event::Html("</a>".into()),
        Event::FootnoteReference(name) => match opts.external_footnotes {
            Some(map) => Event::Html(footnote_ref(&name, map).into()),
            None => Event::FootnoteReference(name),
        },
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// The raw HTML of a text, in order, as the markdown parser finds it.
fn raw_html(markdown: &str) -> String {
    Parser::new_ext(markdown, parser_options())
        .filter_map(|event| match event {
            Event::Html(html) | Event::InlineHtml(html) => Some(html.into_string()),
            _ => None,
        })
        .collect()
}

/// Elements whose content a browser reads as text up to their end tag: opened and not closed,
/// they hide the rest of the page.
const RAW_TEXT_ELEMENTS: [&str; 8] = [
    "script",
    "style",
    "textarea",
    "title",
    "iframe",
    "noscript",
    "xmp",
    "plaintext",
];

/// Whether `html` opens a comment or a raw-text element that it does not close.
pub fn swallows_the_rest(html: &str) -> bool {
    if let Some(open) = html.rfind("<!--") {
        if !html[open + 4..].contains("-->") {
            return true;
        }
    }
    let lower = html.to_ascii_lowercase();
    RAW_TEXT_ELEMENTS.iter().any(|name| {
        let opened = lower
            .match_indices(&format!("<{name}"))
            .filter(|(at, m)| {
                // `<scripts` is not `<script`: the name ends at a space, `>` or `/`.
                lower[at + m.len()..].starts_with([' ', '>', '/', '\t', '\n'])
            })
            .count();
        opened > lower.matches(&format!("</{name}")).count()
    })
}

fn shift(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Resolves a link target written in content: `/x/` → `<base>x/`; others unchanged.
pub fn resolve_href(url: &str, base: &str) -> String {
    match url.strip_prefix('/') {
        Some(rest) if !url.starts_with("//") => format!("{base}{rest}"),
        _ => url.to_string(),
    }
}

fn link_open(url: &CowStr, title: &CowStr, base: &str) -> String {
    let mut out = String::from("<a href=\"");
    let _ = escape_href(&mut out, &resolve_href(url, base));
    out.push('"');
    if !title.is_empty() {
        out.push_str(" title=\"");
        let _ = escape_html(&mut out, title);
        out.push('"');
    }
    if is_external(url) {
        out.push_str(" rel=\"noopener\"");
    }
    out.push('>');
    out
}

fn footnote_ref(name: &str, map: &BTreeMap<String, usize>) -> String {
    let mut id = String::new();
    let _ = escape_html(&mut id, name);
    match map.get(name) {
        Some(n) => format!("<sup class=\"voetnoot-ref\"><a href=\"#voetnoot-{id}\" id=\"voetnoot-ref-{id}\" aria-describedby=\"voetnoten-kop\">{n}</a></sup>"),
        None => format!("[^{id}]"),
    }
}

/// Whether the end of this element separates the words around it in the readable text.
pub(crate) fn ends_a_word(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::BlockQuote(_)
    )
}

/// The readable text of a markdown document (for summaries and the search index).
pub fn to_plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(end) if ends_a_word(&end) && !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    let collapsed: Vec<&str> = out.split_whitespace().collect();
    collapsed.join(" ")
}

/// A link in markdown text, with its byte offset.
#[derive(Debug, PartialEq, Eq)]
pub struct MarkdownLink {
    pub url: String,
    pub offset: usize,
}

/// Every link target in a markdown text, for checking: links and image sources (an image's
/// `javascript:` or `data:` source is as unsafe as a link's).
pub fn links(markdown: &str) -> Vec<MarkdownLink> {
    Parser::new_ext(markdown, parser_options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(MarkdownLink {
                    url: dest_url.into_string(),
                    offset: range.start,
                })
            }
            _ => None,
        })
        .collect()
}

/// The 1-based line of a byte offset in `text`.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        to_html(
            md,
            &MarkdownOptions {
                allow_raw_html: false,
                base: "/kb/",
                external_footnotes: None,
                heading_anchors: None,
            },
        )
    }

    #[test]
    fn a_heading_gets_only_its_anchor_of_what_is_written_after_it() {
        let reserved = BTreeSet::new();
        let out = to_html(
            "## Kop {#eigen .rood onclick=alert(1) style=x}\n\n## Kop\n",
            &MarkdownOptions {
                allow_raw_html: false,
                base: "/",
                external_footnotes: None,
                heading_anchors: Some(&reserved),
            },
        );
        assert_eq!(out, "<h3 id=\"eigen\">Kop</h3>\n<h3 id=\"kop\">Kop</h3>\n");
        // Texts without anchors (the stappenplan's parts have their own) get no id at all.
        assert_eq!(html("## Kop {#eigen onclick=x}\n"), "<h3>Kop</h3>\n");
    }

    #[test]
    fn raw_html_is_escaped_by_default() {
        let out = html("Hallo <script>alert(1)</script> wereld\n\n<div>blok</div>\n");
        assert!(!out.contains("<script>"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        assert!(!out.contains("<div>"), "{out}");
        let allowed = to_html(
            "<b>vet</b>",
            &MarkdownOptions {
                allow_raw_html: true,
                base: "/",
                external_footnotes: None,
                heading_anchors: None,
            },
        );
        assert!(allowed.contains("<b>vet</b>"));
    }

    #[test]
    fn raw_html_that_would_hide_the_rest_of_the_page_is_shown_as_text() {
        let allowed = |text: &str| {
            to_html(
                text,
                &MarkdownOptions {
                    allow_raw_html: true,
                    base: "/",
                    external_footnotes: None,
                    heading_anchors: None,
                },
            )
        };
        for text in [
            "tekst\n\n<!-- nooit dicht\n\nmeer tekst\n",
            "tekst <!-- inline",
            "<SCRIPT src=x>\n\nmeer\n",
            "<textarea>\n",
        ] {
            let out = allowed(text);
            assert!(out.contains("&lt;"), "{text:?}: {out}");
            assert!(
                !out.contains("<!--") && !out.contains("<SCRIPT") && !out.contains("<textarea"),
                "{out}"
            );
        }
        // Closed, they stay HTML.
        let out = allowed("<!-- notitie -->\n\n<b>vet</b> en <style>p{}</style>\n");
        assert!(
            out.contains("<!-- notitie -->") && out.contains("<b>vet</b>"),
            "{out}"
        );
        assert!(!swallows_the_rest("<scripts-lijst> <p>"));
    }

    #[test]
    fn links_get_base_and_noopener() {
        let out = html("[stappenplan](/stappenplan/) en [VNG](https://vng.nl/?a=1&b=2)");
        assert!(
            out.contains(r#"<a href="/kb/stappenplan/">stappenplan</a>"#),
            "{out}"
        );
        assert!(
            out.contains(r#"<a href="https://vng.nl/?a=1&amp;b=2" rel="noopener">VNG</a>"#),
            "{out}"
        );
    }

    #[test]
    fn javascript_urls_do_not_become_script() {
        let out = html("[x](javascript:alert(1))");
        assert!(!out.contains("rel=\"noopener\""));
        assert!(out.contains("href=\"javascript:alert(1)\""), "{out}");
    }

    #[test]
    fn script_and_other_schemes_are_unsafe_however_written() {
        for url in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:x",
            "data:text/html,<script>",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert!(unsafe_scheme(url).is_some(), "{url:?}");
        }
        assert_eq!(
            unsafe_scheme("JAVA\nSCRIPT:x").as_deref(),
            Some("javascript")
        );
        for url in [
            "https://vng.nl/",
            "mailto:a@b.nl",
            "tel:0881234567",
            "/stappenplan/",
            "../x/",
            "#kop",
            "?q=a:b",
        ] {
            assert_eq!(unsafe_scheme(url), None, "{url:?}");
        }
    }

    #[test]
    fn headings_start_below_the_page_title() {
        assert!(html("# Kop\n").contains("<h2>Kop</h2>"));
    }

    #[test]
    fn tables_and_footnotes_render() {
        let out = html("| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst[^1].\n\n[^1]: Voetnoot.\n");
        assert!(out.contains("<table>"), "{out}");
        assert!(out.contains("footnote-definition"), "{out}");
    }

    #[test]
    fn external_footnotes_link_to_the_page_list() {
        let map = BTreeMap::from([("afwijking".to_string(), 1)]);
        let out = to_html(
            "periode[^afwijking].",
            &MarkdownOptions {
                allow_raw_html: false,
                base: "/",
                external_footnotes: Some(&map),
                heading_anchors: None,
            },
        );
        assert!(out.contains(r##"<a href="#voetnoot-afwijking" id="voetnoot-ref-afwijking" aria-describedby="voetnoten-kop">1</a>"##), "{out}");
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            to_plain_text("# Kop\n\nEen *mooie* [link](/x/).\n\n- a\n- b\n"),
            "Kop Een mooie link. a b"
        );
    }

    #[test]
    fn finds_links_with_lines() {
        let md = "a\n\n[x](https://a.nl/) en [y](/z/)";
        let l = links(md);
        assert_eq!(l.len(), 2);
        assert_eq!(line_of_offset(md, l[1].offset), 3);
    }
}
