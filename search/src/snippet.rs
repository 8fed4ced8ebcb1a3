//! Snippets: the part of a document's text with the most matched query
//! words, HTML-escaped, with `<mark>` around the matches.

use crate::format::DocData;
use crate::normalize::{tokens, Token};

/// Words shown in a snippet.
pub const SNIPPET_WORDS: usize = 28;

pub fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Which query word (index into `marks`) a token matches, if any. A token
/// matches a word when it is one of the word's matched forms, or contains
/// one of its matched compound parts (`huurtoeslag` for `toeslag`).
fn matched_word(term: &str, marks: &[Marks<'_>]) -> Option<usize> {
    marks.iter().position(|(surfaces, parts)| {
        surfaces.binary_search_by(|s| s.as_str().cmp(term)).is_ok()
            || parts.iter().any(|p| contains_part(term, p))
    })
}

/// Whether `term` is a longer word with the compound part (stem) `part` in
/// it. A part of three letters (`wet`, the stem `won` of `wonen`) hides in
/// too many words (`woningen`), so it must end the word, before at most an
/// inflection (`flexwonen`, `leegstandwet`).
fn contains_part(term: &str, part: &str) -> bool {
    if part.len() < 3 || term.len() <= part.len() {
        return false;
    }
    if part.len() > 3 {
        return term.contains(part);
    }
    ["", "en", "e", "s", "n"].iter().any(|ending| {
        term.strip_suffix(ending)
            .is_some_and(|t| t.len() > part.len() && t.ends_with(part))
    })
}

/// Per query word: its matched word forms and compound-part stems, sorted.
pub type Marks<'a> = (&'a [String], &'a [String]);

/// The snippet of `doc` for a query whose words matched `marks`
/// (per word: matched forms, matched compound-part stems).
pub fn snippet(doc: &DocData, marks: &[Marks<'_>]) -> String {
    let text = if doc.summary.is_empty() {
        doc.body.clone()
    } else if doc.body.is_empty() {
        doc.summary.clone()
    } else {
        format!("{}\n{}", doc.summary, doc.body)
    };
    let toks: Vec<Token> = tokens(&text);
    if toks.is_empty() {
        return String::new();
    }
    let hits: Vec<Option<usize>> = toks.iter().map(|t| matched_word(&t.term, marks)).collect();

    // The window with the most distinct matched words, then the most matches;
    // the earliest wins ties.
    let window = SNIPPET_WORDS.min(toks.len());
    let mut best = (0usize, 0usize, 0usize); // (distinct, total, start)
    for start in 0..=toks.len() - window {
        let slice = &hits[start..start + window];
        let total = slice.iter().filter(|h| h.is_some()).count();
        if total == 0 {
            continue;
        }
        let mut seen: Vec<usize> = Vec::new();
        for &w in slice.iter().flatten() {
            if !seen.contains(&w) {
                seen.push(w);
            }
        }
        let distinct = seen.len();
        if (distinct, total) > (best.0, best.1) {
            best = (distinct, total, start);
        }
    }
    let start = if best.1 == 0 {
        0
    } else {
        // Show a little context before the first match.
        let first_hit = (best.2..best.2 + window)
            .find(|&i| hits[i].is_some())
            .unwrap_or(best.2);
        first_hit.saturating_sub(4).min(toks.len() - window)
    };
    let end = start + window;

    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    let mut pos = toks[start].start;
    for i in start..end {
        let t = &toks[i];
        escape_html(&text[pos..t.start], &mut out);
        if hits[i].is_some() {
            out.push_str("<mark>");
            escape_html(&text[t.start..t.end], &mut out);
            out.push_str("</mark>");
        } else {
            escape_html(&text[t.start..t.end], &mut out);
        }
        pos = t.end;
    }
    // Keep the punctuation that closes the last word.
    let next = toks.get(end).map_or(text.len(), |t| t.start);
    escape_html(text[pos..next].trim_end(), &mut out);
    if end < toks.len() {
        out.push_str(" …");
    }
    // Line breaks in the source are just spaces in a snippet.
    out.replace('\n', " ")
}

/// At most this many words are handed to the landing page to mark.
pub const MAX_MARKS: usize = 12;

/// The words of `doc` (heading, title, summary, stored body) that matched,
/// as written there, each once (whatever its case), in order of first appearance.
pub fn marked_words(doc: &DocData, marks: &[Marks<'_>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Folded forms: the landing page marks without regard to case. (Not `to_lowercase`,
    // whose Unicode tables would add 9 KB to the WebAssembly.)
    let mut seen: Vec<String> = Vec::new();
    for text in [&doc.section, &doc.title, &doc.summary, &doc.body] {
        for t in tokens(text) {
            if out.len() == MAX_MARKS {
                return out;
            }
            if !seen.contains(&t.term) && matched_word(&t.term, marks).is_some() {
                out.push(text[t.start..t.end].to_string());
                seen.push(t.term);
            }
        }
    }
    out
}

/// The name of the URL parameter with the words the landing page marks.
pub const MARK_PARAM: &str = "markeer";

/// `url` with `words` in its query string (`?markeer=w1+w2`, before the
/// anchor), for the landing page's script to mark; `url` itself without words.
pub fn landing_link(url: &str, words: &[String]) -> String {
    if words.is_empty() {
        return url.to_string();
    }
    let (page, anchor) = url
        .split_once('#')
        .map_or((url, None), |(p, a)| (p, Some(a)));
    let mut out = String::with_capacity(url.len() + 16 * words.len());
    out.push_str(page);
    out.push(if page.contains('?') { '&' } else { '?' });
    out.push_str(MARK_PARAM);
    out.push('=');
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push('+');
        }
        for b in w.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(b as char);
            } else {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
    if let Some(anchor) = anchor {
        out.push('#');
        out.push_str(anchor);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn landing_links_carry_the_words_before_the_anchor() {
        let words = ["Overgedragen".to_string(), "coördinator".to_string()];
        assert_eq!(
            landing_link("/stappenplan/#uitgangspunt-3", &words),
            "/stappenplan/?markeer=Overgedragen+co%C3%B6rdinator#uitgangspunt-3"
        );
        assert_eq!(landing_link("/a/", &[]), "/a/");
    }

    #[test]
    fn marked_words_are_the_matches_as_written() {
        let surfaces = ["huurtoeslag".to_string()];
        let parts = ["toeslag".to_string()];
        let mut d = doc("Huurtoeslag en zorgtoeslag; huurtoeslag.");
        d.section = "Over de Huurtoeslag".into();
        assert_eq!(
            marked_words(&d, &[(&surfaces[..], &parts[..])]),
            ["Huurtoeslag", "zorgtoeslag"]
        );
    }

    fn doc(body: &str) -> DocData {
        DocData {
            url: "x/".into(),
            title: "X".into(),
            section: String::new(),
            tags: vec![],
            summary: String::new(),
            body: body.into(),
        }
    }

    #[test]
    fn matches_are_marked_and_text_escaped() {
        let surfaces = ["huurtoeslag".to_string()];
        let parts: [String; 0] = [];
        let s = snippet(
            &doc("Vraag <b>huurtoeslag</b> aan & wacht."),
            &[(&surfaces[..], &parts[..])],
        );
        assert_eq!(
            s,
            "Vraag &lt;b&gt;<mark>huurtoeslag</mark>&lt;/b&gt; aan &amp; wacht."
        );
    }

    #[test]
    fn compound_containing_a_matched_part_is_marked() {
        let surfaces: [String; 0] = [];
        let parts = ["toeslag".to_string()];
        let s = snippet(
            &doc("Tijdig aanvragen van huur- en zorgtoeslag."),
            &[(&surfaces[..], &parts[..])],
        );
        assert!(s.contains("<mark>zorgtoeslag</mark>"), "{s}");
    }

    #[test]
    fn short_part_marks_only_the_end_of_a_word() {
        let surfaces: [String; 0] = [];
        let parts = ["won".to_string()];
        let s = snippet(
            &doc("Flexwonen in woningen die wonderlijk zijn."),
            &[(&surfaces[..], &parts[..])],
        );
        assert_eq!(s, "<mark>Flexwonen</mark> in woningen die wonderlijk zijn.");
    }

    #[test]
    fn window_moves_to_the_matches_in_long_text() {
        let mut body = "woord ".repeat(100);
        body.push_str("hier staat de Leegstandwet centraal");
        let surfaces = ["leegstandwet".to_string()];
        let parts: [String; 0] = [];
        let s = snippet(&doc(&body), &[(&surfaces[..], &parts[..])]);
        assert!(s.starts_with("… "), "{s}");
        assert!(s.contains("<mark>Leegstandwet</mark> centraal"), "{s}");
    }

    #[test]
    fn without_matches_the_text_starts_the_snippet() {
        let s = snippet(&doc("Eerste zin. Tweede zin."), &[]);
        assert_eq!(s, "Eerste zin. Tweede zin.");
    }
}
