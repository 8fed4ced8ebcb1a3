//! The anchors of the headings in a practice's text, and the text cut into sections at them.
//!
//! One owner for both: the page gives each heading the `id` that [`anchors`] names, and the
//! search index links each section of [`sections`] to that same `id`, so a result never points
//! at an anchor the page does not have.
//!
//! A heading's anchor is the `{#anker}` written after it, or else its words as a slug
//! (`## Ervaringen in Zuid-Holland` → `ervaringen-in-zuid-holland`); a second heading with the
//! same words gets `-2`, and an id the theme's templates use themselves (`inhoud`,
//! `praktijk-titel`, …) is never given to a heading.

use crate::markdown::{ends_a_word, parser_options};
use crate::text::url_slug;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The anchor of a heading whose words make no slug (only punctuation, or another script).
const NAMELESS: &str = "kop";

/// The most sections a practice's text is cut into for the search: the headings after that
/// stay inside the last section (their anchors are on the page all the same), so a text with
/// thousands of headings does not become thousands of files of the index.
pub const MAX_SECTIONS: usize = 64;

/// Headings of these levels start a search section: `#` to `###` in the text, which the page
/// shows as `<h2>` to `<h4>` (see `search_sections`, which reads the site's own pages alike).
fn starts_a_section(level: HeadingLevel) -> bool {
    matches!(
        level,
        HeadingLevel::H1 | HeadingLevel::H2 | HeadingLevel::H3
    )
}

/// Hands out anchors in the order of the headings.
struct Namer<'a> {
    reserved: &'a BTreeSet<String>,
    used: HashSet<String>,
    /// Per slug, the suffix to try next: a text with the same heading many times is named in
    /// one pass, not by trying `-2`, `-3`, … again for each.
    next: HashMap<String, usize>,
}

impl Namer<'_> {
    fn name(&mut self, written: Option<&str>, words: &str) -> String {
        let base = written
            .map(url_slug)
            .filter(|s| !s.is_empty())
            .or_else(|| Some(url_slug(words)).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| NAMELESS.to_string());
        let mut candidate = base.clone();
        let n = self.next.entry(base.clone()).or_insert(2);
        while self.reserved.contains(&candidate) || self.used.contains(&candidate) {
            candidate = format!("{base}-{n}");
            *n += 1;
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

/// The anchor of every heading of `markdown`, in order; never one of `reserved`.
pub fn anchors(markdown: &str, reserved: &BTreeSet<String>) -> Vec<String> {
    let mut namer = Namer {
        reserved,
        used: HashSet::new(),
        next: HashMap::new(),
    };
    let mut out = Vec::new();
    let mut heading: Option<(Option<String>, String)> = None;
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                heading = Some((id.map(|i| i.into_string()), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, words)) = &mut heading {
                    words.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((written, words)) = heading.take() {
                    out.push(namer.name(written.as_deref(), &words));
                }
            }
            _ => {}
        }
    }
    out
}

/// A part of a practice's text: the part before its first heading (no anchor, no title), or a
/// heading's section up to the next heading that starts one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSection {
    pub anchor: Option<String>,
    pub title: String,
    /// The readable text, as `markdown::to_plain_text` makes it (the same word breaks).
    pub text: String,
}

/// `markdown` cut at its headings of levels `#` to `###`, each section linked to its heading's
/// anchor (as [`anchors`] names it). Deeper headings stay inside their section, with their words.
/// The first section, before any heading, is always there (empty when the text starts with a
/// heading).
pub fn sections(markdown: &str, reserved: &BTreeSet<String>) -> Vec<TextSection> {
    let names = anchors(markdown, reserved);
    let mut out = vec![TextSection {
        anchor: None,
        title: String::new(),
        text: String::new(),
    }];
    let mut heading_index = 0;
    // While inside a heading that starts a section: its words go to the title.
    let mut in_title = false;
    let mut raw = String::new();
    let flush = |raw: &mut String, section: &mut TextSection| {
        section.text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        raw.clear();
    };
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let anchor = names.get(heading_index).cloned();
                heading_index += 1;
                if starts_a_section(level) && out.len() < MAX_SECTIONS {
                    let last = out.last_mut().expect("the first section is always there");
                    flush(&mut raw, last);
                    out.push(TextSection {
                        anchor,
                        title: String::new(),
                        text: String::new(),
                    });
                    in_title = true;
                }
            }
            Event::End(TagEnd::Heading(_)) if in_title => {
                in_title = false;
                let last = out.last_mut().expect("a section was pushed");
                last.title = last.title.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if in_title {
                    out.last_mut().expect("a section").title.push_str(&t);
                } else {
                    raw.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if in_title {
                    out.last_mut().expect("a section").title.push(' ');
                } else {
                    raw.push(' ');
                }
            }
            Event::End(end) if ends_a_word(&end) => raw.push(' '),
            _ => {}
        }
    }
    let last = out.last_mut().expect("the first section is always there");
    flush(&mut raw, last);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> BTreeSet<String> {
        BTreeSet::new()
    }

    #[test]
    fn anchors_are_the_words_as_a_slug_and_do_not_change_silently() {
        // These anchors are in links that people share and in the search index: if this test
        // fails, old links to these headings stop working. Change it only on purpose.
        let text = "## Ervaringen in Zuid-Holland\n\n### Kosten & baten (B&W-besluit)\n\n\
                    ## Coördinatie en één aanpak\n\n## 2. Stap twee\n\n## ???\n";
        assert_eq!(
            anchors(text, &none()),
            [
                "ervaringen-in-zuid-holland",
                "kosten-baten-b-w-besluit",
                "coordinatie-en-een-aanpak",
                "2-stap-twee",
                "kop",
            ]
        );
    }

    #[test]
    fn a_written_anchor_wins_and_repeats_and_the_themes_ids_are_avoided() {
        let reserved: BTreeSet<String> = ["inhoud".to_string()].into();
        let text =
            "## Inhoud\n\n## Inhoud\n\n## Eigen {#Mijn_Anker}\n\n## Ervaringen\n\n## Ervaringen\n";
        assert_eq!(
            anchors(text, &reserved),
            [
                "inhoud-2",
                "inhoud-3",
                "mijn-anker",
                "ervaringen",
                "ervaringen-2"
            ]
        );
    }

    #[test]
    fn many_headings_with_the_same_words_are_named_at_once() {
        // Each heading's suffix is found once (trying `-2`, `-3`, … again for every heading
        // grows with the square of their number).
        let text = "## Kop\n\n".repeat(50_000);
        let names = anchors(&text, &none());
        assert_eq!(names.len(), 50_000);
        assert_eq!(names[49_999], "kop-50000");
        let distinct: HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
    }

    #[test]
    fn sections_follow_the_headings_and_keep_deeper_headings_inside() {
        let text = "Inleiding met *nadruk*.\n\n## Ervaringen\n\nIn Zuid-Holland.\n\n\
                    #### Detail\n\nMeer.\n\n## Kosten {#geld}\n\n- een\n- twee\n";
        let s = sections(text, &none());
        let got: Vec<(Option<&str>, &str, &str)> = s
            .iter()
            .map(|s| (s.anchor.as_deref(), s.title.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (None, "", "Inleiding met nadruk."),
                (
                    Some("ervaringen"),
                    "Ervaringen",
                    "In Zuid-Holland. Detail Meer."
                ),
                (Some("geld"), "Kosten", "een twee"),
            ]
        );
        // Without headings: one section, the whole text.
        assert_eq!(sections("Alleen tekst.", &none()).len(), 1);
        // Past the last section, headings are text of it.
        let many: String = (1..=100)
            .map(|i| format!("## Kop {i}\n\nTekst {i}.\n\n"))
            .collect();
        let s = sections(&many, &none());
        assert_eq!(s.len(), MAX_SECTIONS);
        let last = s.last().unwrap();
        assert_eq!(last.anchor.as_deref(), Some("kop-63"));
        assert!(
            last.text.ends_with("Tekst 99. Kop 100 Tekst 100."),
            "{}",
            last.text
        );
    }
}
