//! The documents as printable HTML (the CLI's `--format html` and the page's download), with the
//! same room to sign as the .odt and .docx have: a line to sign ([`keep::is_signing_line`]) is
//! marked `class="tekenregel"` when the letter is rendered, and the page's style gives it room.

use super::{blocks, keep, SIGNING_ROOM_CM};
use crate::letter::escape_html;

/// The class of a line to sign in rendered documents.
pub const SIGNING_CLASS: &str = "tekenregel";

/// `html` with every plain `<p>` that is a line to sign written `<p class="tekenregel">`, so that
/// a style can leave room above it for the handwritten signatures.
pub fn mark_signing_lines(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(start) = rest.find("<p>") {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let inner_end = from.find("</p>").unwrap_or(from.len());
        let inner = &from[3..inner_end];
        let signing = matches!(
            blocks::from_html(inner).as_slice(),
            [blocks::Block::Paragraph(runs)] if keep::is_signing_line(runs)
        );
        if signing {
            out.push_str(&format!("<p class=\"{SIGNING_CLASS}\">"));
        } else {
            out.push_str("<p>");
        }
        rest = &from[3..];
    }
    out.push_str(rest);
    out
}

/// The style of a printable document: A4 text, tables with rules, figures flush right, each
/// `<hr class="pagina">` a new page, signature blocks whole, and room to sign above a line to sign,
/// which stays on the page of the line before it (the college that signs).
pub fn style() -> String {
    format!(
        "body{{font-family:sans-serif;max-width:42rem;margin:2rem auto;line-height:1.5}}table{{border-collapse:collapse}}th,td{{border:1px solid #999;padding:.25rem .5rem;text-align:left}}.getal{{text-align:right}}hr.pagina{{border:0;margin:0;break-after:page}}.brief-handtekening,thead tr{{break-inside:avoid}}p.{SIGNING_CLASS}{{margin-top:{SIGNING_ROOM_CM}cm;margin-bottom:.5cm;break-before:avoid}}@media screen{{hr.pagina{{border-top:1px dashed #999;margin:2rem 0}}}}"
    )
}

/// A standalone printable HTML page around a rendered document.
pub fn printable_html(body: &str, title: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        escape_html(title),
        style()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lines_to_sign_are_marked() {
        let html = "<dl><dt>Datum:</dt><dd>……………</dd></dl><p>Het college van A,</p>\n<p>de secretaris, …………… &nbsp; de burgemeester, ……………</p><p>de burgemeester van A, ……</p><p>Postbus ……<br>…… ……</p>";
        assert_eq!(
            mark_signing_lines(html),
            "<dl><dt>Datum:</dt><dd>……………</dd></dl><p>Het college van A,</p>\n<p class=\"tekenregel\">de secretaris, …………… &nbsp; de burgemeester, ……………</p><p class=\"tekenregel\">de burgemeester van A, ……</p><p>Postbus ……<br>…… ……</p>"
        );
        assert_eq!(mark_signing_lines("<p>open"), "<p>open");
    }

    #[test]
    fn the_printed_line_to_sign_has_the_room_of_the_office_documents() {
        let page = printable_html(
            "<p class=\"tekenregel\">x, ……</p>",
            "Besluit & bekendmaking",
        );
        assert!(
            page.contains("p.tekenregel{margin-top:1.5cm;margin-bottom:.5cm;break-before:avoid}"),
            "{page}"
        );
        assert!(
            page.contains("<title>Besluit &amp; bekendmaking</title>"),
            "{page}"
        );
    }
}
