//! Documents an official can edit and sign: the rendered HTML of a document template written as
//! OpenDocument text (.odt, the Dutch government's standard for editable documents) and as Office
//! Open XML (.docx, for municipalities that use Word). Pure: bytes in, bytes out, natively and in
//! WebAssembly alike.

pub mod blocks;
pub mod zip;

use blocks::{Block, Run};

/// The title of the letter to COA in the document's properties (the same natively and in wasm).
pub const LETTER_TITLE: &str =
    "Brief aan het COA: herverdeling taakstelling huisvesting vergunninghouders";

/// The documents of a herverdeling: (name used by the CLI and the page, title in the document's
/// properties). Their templates live in `content/herverdeling/` (see the generator).
pub const DOCUMENTS: [(&str, &str); 5] = [
    ("coa", LETTER_TITLE),
    (
        "provincie",
        "Kennisgeving aan Gedeputeerde Staten: herverdeling taakstelling huisvesting vergunninghouders",
    ),
    (
        "ministerie",
        "Melding aan de ministeries: herverdeling taakstelling huisvesting vergunninghouders",
    ),
    (
        "besluit",
        "Concept-besluit van B&W: wijziging taakstelling huisvesting vergunninghouders",
    ),
    (
        "bekendmaking",
        "Bekendmaking: wijziging taakstelling huisvesting vergunninghouders",
    ),
];

/// The title of document `name`, or the letter's for an unknown name.
pub fn title(name: &str) -> &'static str {
    DOCUMENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(LETTER_TITLE, |(_, t)| t)
}

/// The editable formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Odt,
    Docx,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "odt" => Some(Format::Odt),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Odt => "odt",
            Format::Docx => "docx",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Odt => "application/vnd.oasis.opendocument.text",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// The document (rendered HTML of a template) as `.odt` or `.docx` bytes.
pub fn write(html: &str, title: &str, format: Format) -> Vec<u8> {
    let blocks = blocks::from_html(html);
    match format {
        Format::Odt => odt(&blocks, title),
        Format::Docx => docx(&blocks, title),
    }
}

/// A run's text with its line breaks as `line_break`.
fn with_breaks(text: &str, line_break: &str) -> String {
    text.split('\n')
        .enumerate()
        .map(|(i, part)| xml_escape(if i == 0 { part } else { part.trim_start() }))
        .collect::<Vec<_>>()
        .join(line_break)
}

fn odt_runs(runs: &[Run]) -> String {
    runs.iter()
        .map(|r| {
            let text = with_breaks(&r.text, "<text:line-break/>");
            if r.bold {
                format!("<text:span text:style-name=\"Vet\">{text}</text:span>")
            } else {
                text
            }
        })
        .collect()
}

/// The share of the text width each column gets: by the longest line in it (header cells and
/// values alike), at least 4 and at most 30 characters, so that names stay on one line and short
/// numbers do not take a fifth of the page. Sums to `total`.
fn column_widths(rows: &[Vec<(String, bool)>], total: u32) -> Vec<u32> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(1);
    let mut want = vec![4u32; cols];
    for row in rows {
        for (i, (text, _)) in row.iter().enumerate() {
            let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0) as u32;
            want[i] = want[i].max(longest.min(30));
        }
    }
    let sum: u32 = want.iter().sum();
    let mut widths: Vec<u32> = want.iter().map(|w| total * w / sum).collect();
    let rest = total - widths.iter().sum::<u32>();
    if let Some(last) = widths.last_mut() {
        *last += rest;
    }
    widths
}

/// Whether a paragraph leads on to the next and stays on its page: one that ends with a comma, as
/// the closing lines of a letter do ("Met vriendelijke groet,", "Het college van burgemeester en
/// wethouders van Ameland,"), so that a signature is never parted from the lines that introduce it.
fn leads_on(runs: &[Run]) -> bool {
    runs.last()
        .is_some_and(|r| r.text.trim_end().ends_with(','))
}

fn odt(blocks: &[Block], title: &str) -> Vec<u8> {
    // Column widths in 1/100 mm of the 16 cm text width, as automatic styles per table.
    let mut column_styles = String::new();
    let mut body = String::new();
    for (n, b) in blocks.iter().enumerate() {
        match b {
            Block::PageBreak => body.push_str("<text:p text:style-name=\"Pagina\"/>"),
            Block::Paragraph(runs) => {
                body.push_str(if leads_on(runs) {
                    "<text:p text:style-name=\"Door\">"
                } else {
                    "<text:p text:style-name=\"Standard\">"
                });
                body.push_str(&odt_runs(runs));
                body.push_str("</text:p>");
            }
            Block::Table(rows) => {
                let cols = rows.iter().map(Vec::len).max().unwrap_or(1);
                body.push_str(&format!(
                    "<table:table table:name=\"Tabel{}\" table:style-name=\"Tabel\">",
                    n + 1
                ));
                for (k, w) in column_widths(rows, 16_000).iter().enumerate() {
                    let name = format!("Tabel{}.K{}", n + 1, k + 1);
                    column_styles.push_str(&format!(
                        "<style:style style:name=\"{name}\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"{}.{:02}cm\"/></style:style>",
                        w / 1000,
                        (w % 1000) / 10
                    ));
                    body.push_str(&format!(
                        "<table:table-column table:style-name=\"{name}\"/>"
                    ));
                }
                for row in rows {
                    body.push_str("<table:table-row>");
                    for (text, header) in row {
                        body.push_str("<table:table-cell table:style-name=\"Cel\" office:value-type=\"string\"><text:p>");
                        body.push_str(&odt_runs(&[Run {
                            text: text.clone(),
                            bold: *header,
                        }]));
                        body.push_str("</text:p></table:table-cell>");
                    }
                    for _ in row.len()..cols {
                        body.push_str("<table:table-cell table:style-name=\"Cel\"><text:p/></table:table-cell>");
                    }
                    body.push_str("</table:table-row>");
                }
                body.push_str("</table:table>");
            }
        }
    }
    let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"";
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content {ns} office:version=\"1.3\"><office:automatic-styles><style:style style:name=\"Pagina\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:break-before=\"page\"/></style:style><style:style style:name=\"Door\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:keep-with-next=\"always\"/></style:style><style:style style:name=\"Vet\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style><style:style style:name=\"Tabel\" style:family=\"table\"><style:table-properties style:width=\"16cm\" table:align=\"left\" fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.3cm\"/></style:style><style:style style:name=\"Cel\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #000000\"/></style:style>{column_styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    let styles = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles {ns} office:version=\"1.3\"><office:styles><style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:margin-bottom=\"0.2cm\"/><style:text-properties style:font-name=\"Liberation Sans\" fo:font-family=\"'Liberation Sans'\" fo:font-size=\"11pt\" fo:language=\"nl\" fo:country=\"NL\"/></style:default-style><style:style style:name=\"Standard\" style:family=\"paragraph\"/></office:styles><office:automatic-styles><style:page-layout style:name=\"A4\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\" fo:margin-left=\"2.5cm\" fo:margin-right=\"2.5cm\"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/></office:master-styles></office:document-styles>"
    );
    let meta = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta {ns} office:version=\"1.3\"><office:meta><dc:title>{}</dc:title><dc:language>nl-NL</dc:language></office:meta></office:document-meta>",
        xml_escape(title)
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    zip::write(&[
        ("mimetype", Format::Odt.media_type().as_bytes()),
        ("content.xml", content.as_bytes()),
        ("styles.xml", styles.as_bytes()),
        ("meta.xml", meta.as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}

fn docx_runs(runs: &[Run]) -> String {
    runs.iter()
        .map(|r| {
            format!(
                "<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                if r.bold { "<w:rPr><w:b/></w:rPr>" } else { "" },
                with_breaks(&r.text, "</w:t><w:br/><w:t xml:space=\"preserve\">")
            )
        })
        .collect()
}

fn docx(blocks: &[Block], title: &str) -> Vec<u8> {
    let mut body = String::new();
    for b in blocks {
        match b {
            Block::PageBreak => body.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
            Block::Paragraph(runs) => {
                body.push_str(if leads_on(runs) {
                    "<w:p><w:pPr><w:keepNext/></w:pPr>"
                } else {
                    "<w:p>"
                });
                body.push_str(&docx_runs(runs));
                body.push_str("</w:p>");
            }
            Block::Table(rows) => {
                body.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders></w:tblPr>");
                let cols = rows.iter().map(Vec::len).max().unwrap_or(1);
                body.push_str("<w:tblGrid>");
                // 16 cm of text width is 9072 twentieths of a point.
                for w in column_widths(rows, 9072) {
                    body.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
                }
                body.push_str("</w:tblGrid>");
                for row in rows {
                    body.push_str("<w:tr>");
                    for (text, header) in row {
                        body.push_str("<w:tc><w:p>");
                        body.push_str(&docx_runs(&[Run {
                            text: text.clone(),
                            bold: *header,
                        }]));
                        body.push_str("</w:p></w:tc>");
                    }
                    for _ in row.len()..cols {
                        body.push_str("<w:tc><w:p/></w:tc>");
                    }
                    body.push_str("</w:tr>");
                }
                body.push_str("</w:tbl><w:p/>");
            }
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1418\" w:bottom=\"1134\" w:left=\"1418\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let styles = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"22\"/><w:lang w:val=\"nl-NL\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>";
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:language>nl-NL</dc:language></cp:coreProperties>",
        xml_escape(title)
    );
    let types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";
    let doc_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>";
    zip::write(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odt_starts_with_the_stored_mimetype_and_holds_the_text() {
        let bytes = write(
            "<p>Geachte <strong>heer</strong> &amp; mevrouw,</p>",
            "Brief",
            Format::Odt,
        );
        assert_eq!(&bytes[30..38], b"mimetype");
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.contains(
                "Geachte <text:span text:style-name=\"Vet\">heer</text:span> &amp; mevrouw,"
            ),
            "{text}"
        );
    }

    #[test]
    fn docx_holds_the_text_and_is_deterministic() {
        let a = write(
            "<p>Ameland</p><table><tr><td>6</td></tr></table>",
            "Brief",
            Format::Docx,
        );
        assert_eq!(
            a,
            write(
                "<p>Ameland</p><table><tr><td>6</td></tr></table>",
                "Brief",
                Format::Docx
            )
        );
        let text = String::from_utf8_lossy(&a);
        assert!(text.contains("<w:t xml:space=\"preserve\">Ameland</w:t>"));
        assert!(text.contains("<w:tbl>"));
    }

    #[test]
    fn a_line_ending_in_a_comma_stays_with_the_signature_below_it() {
        let html = "<p>Met vriendelijke groet,</p><p>de burgemeester, ……</p>";
        let odt = String::from_utf8_lossy(&write(html, "Brief", Format::Odt)).into_owned();
        assert!(
            odt.contains("<text:p text:style-name=\"Door\">Met vriendelijke groet,</text:p><text:p text:style-name=\"Standard\">de burgemeester"),
            "{odt}"
        );
        let docx = String::from_utf8_lossy(&write(html, "Brief", Format::Docx)).into_owned();
        assert_eq!(docx.matches("<w:keepNext/>").count(), 1, "{docx}");
        assert!(
            docx.contains("<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t xml:space=\"preserve\">Met vriendelijke groet,"),
            "{docx}"
        );
    }
}
