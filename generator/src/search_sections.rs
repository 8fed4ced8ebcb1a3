//! The sections of a rendered page, for the search index: the part before the first section,
//! then one section per heading with an anchor. Read from the page's HTML, so a section's
//! anchor is an `id` of the page by construction.
//!
//! A section starts at an `<h2>`–`<h4>` with an `id`, or at an element with an `id` whose first
//! child is such a heading (`<li id="stap-2"><h3>…`). Its title is the heading's text, or the
//! element's `data-search-title` when it has one. Left out: anything outside `<main>`, the
//! `<h1>` (the page's title), `<sup>` (footnote marks), `<script>`, `<style>`, `<template>`, elements with `hidden` and
//! elements with `data-search-ignore` (with everything inside them).

use crate::linkcheck::decode_entities;

/// A part of a page: its anchor (`None` for the part before the first section), its title
/// (empty for that part) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub anchor: Option<String>,
    pub title: String,
    pub text: String,
}

/// Elements without an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];
/// Elements whose end is a break between words.
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "dt",
    "dd",
    "div",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "br",
    "ul",
    "ol",
    "dl",
    "table",
    "blockquote",
    "caption",
    "legend",
    "fieldset",
];
const HEADINGS: &[&str] = &["h2", "h3", "h4"];

struct Tag<'a> {
    name: String,
    end: bool,
    attrs: &'a str,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<String> {
        let bytes = self.attrs.as_bytes();
        let mut from = 0;
        while let Some(found) = self.attrs[from..].find(name) {
            let start = from + found;
            from = start + name.len();
            if start > 0 && !bytes[start - 1].is_ascii_whitespace() {
                continue;
            }
            let rest = &self.attrs[from..];
            let Some(value) = rest.strip_prefix("=\"") else {
                if rest.is_empty() || rest.starts_with([' ', '>', '/', '\n', '\t']) {
                    return Some(String::new());
                }
                continue;
            };
            return value.find('"').map(|end| decode_entities(&value[..end]));
        }
        None
    }

    fn has(&self, name: &str) -> bool {
        self.attr(name).is_some()
    }
}

/// Splits `html` into tags and text.
enum Piece<'a> {
    Tag(Tag<'a>),
    Text(&'a str),
}

fn pieces(html: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        if rest.starts_with('<') {
            let Some(close) = rest.find('>') else {
                break;
            };
            let inner = &rest[1..close];
            rest = &rest[close + 1..];
            let (end, inner) = match inner.strip_prefix('/') {
                Some(i) => (true, i),
                None => (false, inner),
            };
            let name_len = inner
                .find(|c: char| c.is_ascii_whitespace() || c == '/')
                .unwrap_or(inner.len());
            out.push(Piece::Tag(Tag {
                name: inner[..name_len].to_ascii_lowercase(),
                end,
                attrs: &inner[name_len..],
            }));
            // The text of scripts and styles is not markup.
            for raw in ["script", "style"] {
                if !end && inner[..name_len].eq_ignore_ascii_case(raw) {
                    let close = format!("</{raw}");
                    let at = rest.find(&close).unwrap_or(rest.len());
                    rest = &rest[at..];
                }
            }
        } else {
            let next = rest.find('<').unwrap_or(rest.len());
            out.push(Piece::Text(&rest[..next]));
            rest = &rest[next..];
        }
    }
    out
}

fn push_text(out: &mut String, text: &str) {
    let text = decode_entities(text).replace('\u{a0}', " ");
    // Text right after an inline element goes on the same word (`huur<em>toeslag</em>`).
    let mut joined = !text.starts_with(char::is_whitespace);
    for word in text.split_whitespace() {
        if !joined && !out.is_empty() && !out.ends_with(['\n', ' ']) {
            out.push(' ');
        }
        joined = false;
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(['\n', ' ']) {
        out.push(' ');
    }
}

fn tidy(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of the first `<h1>` of `html`: the page's title.
pub fn page_title(html: &str) -> String {
    let Some(start) = html.find("<h1") else {
        return String::new();
    };
    let Some(end) = html[start..].find("</h1>") else {
        return String::new();
    };
    let mut out = String::new();
    for piece in pieces(&html[start..start + end]) {
        if let Piece::Text(t) = piece {
            push_text(&mut out, t);
        }
    }
    out.trim().to_string()
}

/// The sections of the `<main>` of `html`, in page order; sections without text (beyond their
/// heading) are left out, and the opening part too when it has no text.
pub fn sections(html: &str) -> Vec<Section> {
    let main = match (html.find("<main"), html.rfind("</main>")) {
        (Some(a), Some(b)) if a < b => &html[a..b],
        _ => return Vec::new(),
    };
    let mut out: Vec<Section> = vec![Section {
        anchor: None,
        title: String::new(),
        text: String::new(),
    }];
    // An element being skipped: its name and how deep the same name is nested in it.
    let mut skip: Option<(String, usize)> = None;
    // An element with an id whose first child may be the section's heading.
    let mut pending: Option<(String, Option<String>)> = None;
    // Inside a heading that starts a section (its text is the title), or inside the `<h1>`.
    let mut in_heading: Option<String> = None;
    let mut heading_text = String::new();
    let mut first = true;
    for piece in pieces(main) {
        if first {
            // The `<main>` tag itself.
            first = false;
            continue;
        }
        let tag = match piece {
            Piece::Text(t) => {
                if skip.is_some() {
                    continue;
                }
                if !t.trim().is_empty() {
                    pending = None;
                }
                if in_heading.is_some() {
                    push_text(&mut heading_text, t);
                } else if let Some(last) = out.last_mut() {
                    push_text(&mut last.text, t);
                }
                continue;
            }
            Piece::Tag(tag) => tag,
        };
        if let Some((name, depth)) = &mut skip {
            if tag.name == *name && !VOID.contains(&tag.name.as_str()) {
                if tag.end {
                    if *depth == 0 {
                        skip = None;
                    } else {
                        *depth -= 1;
                    }
                } else {
                    *depth += 1;
                }
            }
            continue;
        }
        if !tag.end
            && !VOID.contains(&tag.name.as_str())
            && (tag.has("data-search-ignore")
                || tag.has("hidden")
                || matches!(
                    tag.name.as_str(),
                    "template" | "script" | "style" | "h1" | "sup"
                ))
        {
            skip = Some((tag.name.clone(), 0));
            continue;
        }
        if tag.end {
            if in_heading.as_deref() == Some(tag.name.as_str()) {
                in_heading = None;
                if let Some(last) = out.last_mut() {
                    if last.title.is_empty() {
                        last.title = tidy(&heading_text).replace('\n', " ");
                    }
                }
                heading_text.clear();
            } else if BLOCKS.contains(&tag.name.as_str()) {
                if let Some(last) = out.last_mut() {
                    last.text.push('\n');
                }
            }
            continue;
        }
        if HEADINGS.contains(&tag.name.as_str()) {
            let own = tag.attr("id");
            let started = match (own, pending.take()) {
                (Some(id), _) => Some((id, None)),
                (None, Some((id, title))) => Some((id, title)),
                (None, None) => None,
            };
            if let Some((anchor, title)) = started {
                out.push(Section {
                    anchor: Some(anchor),
                    title: title.unwrap_or_default(),
                    text: String::new(),
                });
                in_heading = Some(tag.name.clone());
                continue;
            }
        }
        pending = tag.attr("id").map(|id| (id, tag.attr("data-search-title")));
        if BLOCKS.contains(&tag.name.as_str()) {
            if let Some(last) = out.last_mut() {
                last.text.push('\n');
            }
        }
    }
    out.into_iter()
        .map(|s| Section {
            text: tidy(&s.text),
            ..s
        })
        .filter(|s| !s.text.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_with_anchors_start_sections() {
        let html = r##"<body><nav>Menu</nav><main id="inhoud"><h1>Stappenplan</h1>
<p class="lead">Voor gemeenten &amp; provincies.</p>
<section><h2 id="kop-stappen">Stappen</h2><ol>
<li id="stap-1"><h3>Stap 1: Verkenning</h3><p>Besluit van B&amp;W.</p></li>
<li id="uitgangspunt-3" data-search-title="Uitgangspunt 3: Eenmaal overgedragen"><h3>3. Eenmaal overgedragen</h3><p>Tekst<sup><a href="#v">1</a></sup> hier.</p></li>
</ol></section>
<div data-search-ignore><h2 id="x">Niet</h2><div><p>weg</p></div></div>
<p hidden>ook weg</p><template><p>sjabloon</p></template>
<h2 id="kop-norm">De norm</h2><p>WCAG 2.1</p><h3>Zonder anker</h3><p>hoort bij de norm</p>
</main><footer>Voet</footer></body>"##;
        let got = sections(html);
        let view: Vec<(Option<&str>, &str, &str)> = got
            .iter()
            .map(|s| (s.anchor.as_deref(), s.title.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            view,
            [
                (None, "", "Voor gemeenten & provincies."),
                (Some("stap-1"), "Stap 1: Verkenning", "Besluit van B&W."),
                (
                    Some("uitgangspunt-3"),
                    "Uitgangspunt 3: Eenmaal overgedragen",
                    "Tekst hier."
                ),
                (
                    Some("kop-norm"),
                    "De norm",
                    "WCAG 2.1\nZonder anker\nhoort bij de norm"
                ),
            ]
        );
    }

    #[test]
    fn a_page_without_main_has_no_sections() {
        assert!(sections("<p>los</p>").is_empty());
        assert_eq!(page_title("<p>los</p>"), "");
    }

    #[test]
    fn the_page_title_is_the_h1() {
        assert_eq!(
            page_title("<main><h1 class=\"x\">Her<em>verdelings</em>check &amp; meer</h1></main>"),
            "Herverdelingscheck & meer"
        );
    }
}
