//! Results as JSON text, written by hand for the WebAssembly module (which
//! carries no serde_json).

use crate::format::Meta;
use crate::searcher::Results;

pub fn escape(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn field(out: &mut String, name: &str, value: &str) {
    escape(name, out);
    out.push(':');
    escape(value, out);
}

fn counts(out: &mut String, name: &str, list: &[(String, usize)]) {
    escape(name, out);
    out.push_str(":[");
    for (i, (k, n)) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        escape(k, out);
        out.push(',');
        out.push_str(&n.to_string());
        out.push(']');
    }
    out.push(']');
}

fn strings(out: &mut String, name: &str, list: &[String]) {
    escape(name, out);
    out.push_str(":[");
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        escape(s, out);
    }
    out.push(']');
}

/// `{"total":N,"exact_total":N,"shown":N,"suggestion":null|"…","hits":[{"url","link","title","section",
/// "exact","marks":[…],"category","category_title","score","snippet","more"}],
/// "category_counts":[[slug,n]],"tag_counts":[[tag,n]]}`, and `"only_common_words":true` when so.
pub fn results_json(r: &Results) -> String {
    let mut out = String::with_capacity(256 + r.hits.len() * 400);
    out.push_str("{\"total\":");
    out.push_str(&r.total.to_string());
    out.push_str(",\"exact_total\":");
    out.push_str(&r.exact_total.to_string());
    out.push_str(",\"shown\":");
    out.push_str(&r.shown().to_string());
    out.push_str(",\"suggestion\":");
    match &r.suggestion {
        Some(s) => escape(s, &mut out),
        None => out.push_str("null"),
    }
    out.push_str(",\"hits\":[");
    for (i, h) in r.hits.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        field(&mut out, "url", &h.url);
        out.push(',');
        field(&mut out, "link", &h.link);
        out.push(',');
        field(&mut out, "title", &h.title);
        out.push(',');
        field(&mut out, "section", &h.section);
        out.push_str(if h.exact {
            ",\"exact\":true,"
        } else {
            ",\"exact\":false,"
        });
        strings(&mut out, "marks", &h.marks);
        out.push(',');
        field(&mut out, "category", &h.category);
        out.push(',');
        field(&mut out, "category_title", &h.category_title);
        out.push_str(",\"score\":");
        // Scores are rounded to thousandths; print them without float formatting.
        let milli = (h.score * 1000.0).round() as i64;
        out.push_str(&format!("{}.{:03}", milli / 1000, milli % 1000));
        out.push(',');
        field(&mut out, "snippet", &h.snippet);
        out.push_str(",\"more\":");
        out.push_str(&h.more.to_string());
        out.push('}');
    }
    out.push_str("],");
    counts(&mut out, "category_counts", &r.category_counts);
    out.push(',');
    counts(&mut out, "tag_counts", &r.tag_counts);
    if r.only_common_words {
        out.push_str(",\"only_common_words\":true");
    }
    out.push('}');
    out
}

/// `{"doc_count":N,"categories":[{"slug","title","count"}],"tags":[{"name","count"}]}`
pub fn meta_json(m: &Meta) -> String {
    let mut out = String::new();
    out.push_str("{\"doc_count\":");
    out.push_str(&m.doc_count.to_string());
    out.push_str(",\"categories\":[");
    for (i, c) in m.categories.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        field(&mut out, "slug", &c.slug);
        out.push(',');
        field(&mut out, "title", &c.title);
        out.push_str(",\"count\":");
        out.push_str(&c.count.to_string());
        out.push('}');
    }
    out.push_str("],\"tags\":[");
    for (i, t) in m.tags.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        field(&mut out, "name", &t.name);
        out.push_str(",\"count\":");
        out.push_str(&t.count.to_string());
        out.push('}');
    }
    // The whole index in one file (`crate::whole`): the tag file is in it.
    out.push_str("],\"whole\":");
    out.push_str(if m.whole { "true" } else { "false" });
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::searcher::Hit;

    #[test]
    fn results_json_is_valid_and_escaped() {
        let r = Results {
            total: 1,
            exact_total: 1,
            suggestion: None,
            hits: vec![Hit {
                url: "praktijken/a/\"b\"/".into(),
                link: "praktijken/a/\"b\"/?markeer=kamer".into(),
                title: "Kamer\tverhuur".into(),
                section: String::new(),
                exact: true,
                marks: vec!["kamer".into()],
                category: "algemeen".into(),
                category_title: "Algemeen".into(),
                score: 1.5,
                snippet: "<mark>kamer</mark>".into(),
                more: 2,
            }],
            category_counts: vec![("algemeen".into(), 1)],
            only_common_words: false,
            tag_counts: vec![],
        };
        let text = results_json(&r);
        assert!(text.contains("\"score\":1.500"), "{text}");
        assert!(text.contains(r#""marks":["kamer"]"#), "{text}");
        assert!(text.contains(r#""suggestion":null"#), "{text}");
        assert!(text.contains(r#""url":"praktijken/a/\"b\"/""#), "{text}");
        assert!(text.contains(r#""title":"Kamer\tverhuur""#), "{text}");
        assert!(text.contains(r#""more":2}"#), "{text}");
        assert!(text.contains(r#""shown":1,"#), "{text}");
        assert!(
            text.contains(r#""category_counts":[["algemeen",1]]"#),
            "{text}"
        );
    }
}
