//! Documents an official can edit and sign: the rendered HTML of a document template written as
//! OpenDocument text (.odt, the Dutch government's standard for editable documents) and as Office
//! Open XML (.docx, for municipalities that use Word). Pure: bytes in, bytes out, natively and in
//! WebAssembly alike.

pub mod blocks;
pub mod keep;
pub mod print;
pub mod zip;

use blocks::{Block, Run};
use keep::Shape;

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
/// values alike; a bold header counts a sixth wider), plus two characters for the cell's padding,
/// at least 6 and at most 32 characters, so that names and headers such as "Vóór" stay on one line
/// and short numbers do not take a fifth of the page. Sums to `total`.
fn column_widths(rows: &[keep::Row], total: u32) -> Vec<u32> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(1);
    let mut want = vec![6u32; cols];
    for row in rows {
        for (i, (text, header)) in row.iter().enumerate() {
            let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0) as u32;
            let wide = if *header {
                longest + longest.div_ceil(6)
            } else {
                longest
            };
            want[i] = want[i].max((wide + 2).min(32));
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

/// The text of a table cell as runs (a header cell bold).
fn cell_runs(text: &str, header: bool) -> [Run; 1] {
    [Run {
        text: text.to_string(),
        bold: header,
    }]
}

/// Whether a cell holds a whole number as the templates write them: `6`, `-6`, `+1.250`.
fn is_figure(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Per column: whether it holds figures (every filled cell below the header rows is one), so that
/// the column, its header included, is set flush right as figures in a table are.
fn figure_columns(rows: &[keep::Row], header_rows: usize) -> Vec<bool> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..cols)
        .map(|c| {
            let mut filled = rows[header_rows..]
                .iter()
                .filter_map(|row| row.get(c))
                .filter(|(text, _)| !text.is_empty())
                .peekable();
            filled.peek().is_some() && filled.all(|(text, _)| is_figure(text))
        })
        .collect()
}

/// The paragraph style of the .odt for a paragraph that starts a page and/or keeps with the next.
fn odt_paragraph_style(page_break_before: bool, keep_with_next: bool) -> &'static str {
    match (page_break_before, keep_with_next) {
        (false, false) => "Standard",
        (false, true) => "Door",
        (true, false) => "Pagina",
        (true, true) => "PaginaDoor",
    }
}

fn odt(blocks: &[Block], title: &str) -> Vec<u8> {
    // Column widths in 1/100 mm of the 16 cm text width, as automatic styles per table.
    let mut column_styles = String::new();
    let mut body = String::new();
    let laid = keep::lay_out(blocks);
    for (n, item) in laid.iter().enumerate() {
        let in_group = |k: usize| matches!(laid.get(k).map(|l| &l.shape), Some(Shape::Together(_)));
        if item.page_break_before && !matches!(item.shape, Shape::Paragraph(_)) {
            // Only paragraphs carry the break themselves (the templates start a page with one).
            body.push_str("<text:p text:style-name=\"Pagina\"/>");
        }
        match &item.shape {
            Shape::Paragraph(runs) => {
                let style = match odt_paragraph_style(item.page_break_before, item.keep_with_next) {
                    "Standard" if keep::is_signing_line(runs) => "Tekenregel",
                    style => style,
                };
                body.push_str(&format!("<text:p text:style-name=\"{style}\">"));
                body.push_str(&odt_runs(runs));
                body.push_str("</text:p>");
            }
            Shape::Together(paragraphs) => {
                // Signature blocks next to each other are rows of one borderless table; a row
                // does not break across pages.
                if n == 0 || !in_group(n - 1) || item.page_break_before {
                    body.push_str(&format!(
                        "<table:table table:name=\"Ondertekening{}\" table:style-name=\"Ondertekening\"><table:table-column table:style-name=\"Ondertekening.K\"/>",
                        n + 1
                    ));
                }
                body.push_str("<table:table-row table:style-name=\"Samen\"><table:table-cell table:style-name=\"Kaal\" office:value-type=\"string\">");
                for runs in paragraphs {
                    let style = if keep::is_signing_line(runs) {
                        "Tekenregel"
                    } else {
                        "Standard"
                    };
                    body.push_str(&format!("<text:p text:style-name=\"{style}\">"));
                    body.push_str(&odt_runs(runs));
                    body.push_str("</text:p>");
                }
                body.push_str("</table:table-cell></table:table-row>");
                let next_starts_page = laid.get(n + 1).is_some_and(|l| l.page_break_before);
                if !in_group(n + 1) || next_starts_page {
                    body.push_str("</table:table>");
                }
            }
            Shape::Table { rows, header_rows } => {
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
                let figures = figure_columns(rows, *header_rows);
                for (r, row) in rows.iter().enumerate() {
                    if r == 0 && *header_rows > 0 {
                        body.push_str("<table:table-header-rows>");
                    }
                    body.push_str("<table:table-row table:style-name=\"Samen\">");
                    for (c, (text, header)) in row.iter().enumerate() {
                        body.push_str(if figures[c] {
                            "<table:table-cell table:style-name=\"Cel\" office:value-type=\"string\"><text:p text:style-name=\"Celgetal\">"
                        } else {
                            "<table:table-cell table:style-name=\"Cel\" office:value-type=\"string\"><text:p text:style-name=\"Celtekst\">"
                        });
                        body.push_str(&odt_runs(&cell_runs(text, *header)));
                        body.push_str("</text:p></table:table-cell>");
                    }
                    for _ in row.len()..cols {
                        body.push_str("<table:table-cell table:style-name=\"Cel\"><text:p text:style-name=\"Celtekst\"/></table:table-cell>");
                    }
                    body.push_str("</table:table-row>");
                    if r + 1 == *header_rows {
                        body.push_str("</table:table-header-rows>");
                    }
                }
                body.push_str("</table:table>");
            }
        }
    }
    let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"";
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content {ns} office:version=\"1.3\"><office:automatic-styles><style:style style:name=\"Pagina\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:break-before=\"page\"/></style:style><style:style style:name=\"Door\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:keep-with-next=\"always\"/></style:style><style:style style:name=\"PaginaDoor\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:break-before=\"page\" fo:keep-with-next=\"always\"/></style:style><style:style style:name=\"Celtekst\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\"/></style:style><style:style style:name=\"Celgetal\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" fo:text-align=\"end\"/></style:style><style:style style:name=\"Tekenregel\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:margin-top=\"{SIGNING_ROOM_CM}cm\" fo:margin-bottom=\"0.5cm\"/></style:style><style:style style:name=\"Vet\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style><style:style style:name=\"Tabel\" style:family=\"table\"><style:table-properties style:width=\"16cm\" table:align=\"left\" fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.3cm\"/></style:style><style:style style:name=\"Samen\" style:family=\"table-row\"><style:table-row-properties fo:keep-together=\"always\"/></style:style><style:style style:name=\"Ondertekening\" style:family=\"table\"><style:table-properties style:width=\"16cm\" table:align=\"left\"/></style:style><style:style style:name=\"Ondertekening.K\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"16cm\"/></style:style><style:style style:name=\"Kaal\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0cm\" fo:border=\"none\"/></style:style><style:style style:name=\"Cel\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #000000\"/></style:style>{column_styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    let styles = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles {ns} office:version=\"1.3\"><office:styles><style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:margin-bottom=\"0.2cm\" fo:widows=\"2\" fo:orphans=\"2\"/><style:text-properties style:font-name=\"Liberation Sans\" fo:font-family=\"'Liberation Sans'\" fo:font-size=\"11pt\" fo:language=\"nl\" fo:country=\"NL\"/></style:default-style><style:style style:name=\"Standard\" style:family=\"paragraph\"/></office:styles><office:automatic-styles><style:page-layout style:name=\"A4\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\" fo:margin-left=\"2.5cm\" fo:margin-right=\"2.5cm\"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/></office:master-styles></office:document-styles>"
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

/// An empty .docx paragraph one twentieth of a point high.
const HAIRLINE: &str = "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>";

/// A .docx paragraph with its page properties.
fn docx_paragraph(runs: &[Run], page_break_before: bool, keep_with_next: bool) -> String {
    let mut props = String::new();
    if keep_with_next {
        props.push_str("<w:keepNext/>");
    }
    if page_break_before {
        props.push_str("<w:pageBreakBefore/>");
    }
    if keep::is_signing_line(runs) {
        // Room to sign above the dotted line (and half a cm before the next college's block), in
        // twentieths of a point (567 to the cm).
        props.push_str(&format!(
            "<w:spacing w:before=\"{}\" w:after=\"284\"/>",
            (SIGNING_ROOM_CM * 567.0).round() as u32
        ));
    }
    if props.is_empty() {
        format!("<w:p>{}</w:p>", docx_runs(runs))
    } else {
        format!("<w:p><w:pPr>{props}</w:pPr>{}</w:p>", docx_runs(runs))
    }
}

/// The room left above a line to sign ([`keep::is_signing_line`]) for the handwritten signatures.
const SIGNING_ROOM_CM: f32 = 1.5;

fn docx(blocks: &[Block], title: &str) -> Vec<u8> {
    let mut body = String::new();
    let laid = keep::lay_out(blocks);
    for (n, item) in laid.iter().enumerate() {
        let in_group = |k: usize| matches!(laid.get(k).map(|l| &l.shape), Some(Shape::Together(_)));
        if item.page_break_before && !matches!(item.shape, Shape::Paragraph(_)) {
            // Only paragraphs carry the break themselves (the templates start a page with one).
            body.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        }
        match &item.shape {
            Shape::Paragraph(runs) => body.push_str(&docx_paragraph(
                runs,
                item.page_break_before,
                item.keep_with_next,
            )),
            Shape::Together(paragraphs) => {
                // Signature blocks next to each other are rows of one borderless table, flush
                // with the text; a row does not break across pages (w:cantSplit).
                if n == 0 || !in_group(n - 1) || item.page_break_before {
                    body.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"9072\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"9072\"/></w:tblGrid>");
                }
                body.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"9072\" w:type=\"dxa\"/></w:tcPr>");
                // The row keeps its paragraphs together (w:cantSplit); marking them keep-with-next
                // as well made LibreOffice keep all the colleges' rows together, and move them to
                // a new page whole, leaving most of a page blank.
                for runs in paragraphs {
                    body.push_str(&docx_paragraph(runs, false, false));
                }
                body.push_str("</w:tc></w:tr>");
                let next_starts_page = laid.get(n + 1).is_some_and(|l| l.page_break_before);
                if !in_group(n + 1) || next_starts_page {
                    body.push_str("</w:tbl>");
                    match laid.get(n + 1).map(|l| &l.shape) {
                        Some(Shape::Paragraph(_)) => {}
                        // Word joins two tables that touch.
                        Some(_) => body.push_str("<w:p/>"),
                        // A document does not end with a table; the paragraph after it is a
                        // hairline, so that it does not take a page of its own.
                        None => body.push_str(HAIRLINE),
                    }
                }
            }
            Shape::Table { rows, header_rows } => {
                body.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders></w:tblPr>");
                let cols = rows.iter().map(Vec::len).max().unwrap_or(1);
                body.push_str("<w:tblGrid>");
                // 16 cm of text width is 9072 twentieths of a point.
                for w in column_widths(rows, 9072) {
                    body.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
                }
                body.push_str("</w:tblGrid>");
                let figures = figure_columns(rows, *header_rows);
                for (r, row) in rows.iter().enumerate() {
                    // No row breaks across pages; the header rows repeat on every page.
                    body.push_str(if r < *header_rows {
                        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                    } else {
                        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                    });
                    for (c, (text, header)) in row.iter().enumerate() {
                        body.push_str(if figures[c] {
                            "<w:tc><w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr>"
                        } else {
                            "<w:tc><w:p>"
                        });
                        body.push_str(&docx_runs(&cell_runs(text, *header)));
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
    let styles = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"22\"/><w:lang w:val=\"nl-NL\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>";
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
    fn a_signature_block_is_a_table_row_that_does_not_split() {
        let html = "<p>Slot.</p><p>Met vriendelijke groet,</p><p>Het college van A,</p><p>de burgemeester, ……</p><p>Het college van B,</p><p>de burgemeester, ……</p>";
        let odt = String::from_utf8_lossy(&write(html, "Brief", Format::Odt)).into_owned();
        assert!(
            odt.contains("<text:p text:style-name=\"Door\">Slot.</text:p><table:table table:name=\"Ondertekening2\" table:style-name=\"Ondertekening\">"),
            "{odt}"
        );
        assert_eq!(odt.matches("<table:table ").count(), 1, "{odt}");
        assert_eq!(
            odt.matches("<table:table-row table:style-name=\"Samen\">")
                .count(),
            2
        );
        assert!(odt.contains("<style:style style:name=\"Samen\" style:family=\"table-row\"><style:table-row-properties fo:keep-together=\"always\"/>"));
        let docx = String::from_utf8_lossy(&write(html, "Brief", Format::Docx)).into_owned();
        assert!(
            docx.contains("<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t xml:space=\"preserve\">Slot.</w:t></w:r></w:p><w:tbl>"),
            "{docx}"
        );
        assert_eq!(
            docx.matches("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
                .count(),
            2
        );
        assert_eq!(docx.matches("<w:tbl>").count(), 1, "{docx}");
        assert!(docx.contains("<w:tcW w:w=\"9072\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t xml:space=\"preserve\">Met vriendelijke groet,"), "{docx}");
        assert_eq!(
            docx.matches("<w:keepNext/>").count(),
            1,
            "only the paragraph before the signatures keeps with the next; inside the rows, \
             LibreOffice took keep-with-next to keep all colleges on one page: {docx}"
        );
        assert!(
            docx.contains(&format!("</w:tc></w:tr></w:tbl>{HAIRLINE}<w:sectPr>")),
            "{docx}"
        );
    }

    #[test]
    fn the_line_to_sign_has_room_above_it_for_the_signatures() {
        let html = "<p>Het college van A,</p><p>de secretaris, …………… de burgemeester, ……………</p><p>Afschrift aan: COA, e.g. www.coa.nl...</p>";
        let odt = String::from_utf8_lossy(&write(html, "Brief", Format::Odt)).into_owned();
        assert!(
            odt.contains("<text:p text:style-name=\"Tekenregel\">de secretaris, ……………"),
            "{odt}"
        );
        assert!(odt.contains("<style:style style:name=\"Tekenregel\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:margin-top=\"1.5cm\" fo:margin-bottom=\"0.5cm\"/>"), "{odt}");
        assert_eq!(
            odt.matches("\"Tekenregel\">").count(),
            1,
            "only the line to sign: {odt}"
        );
        let docx = String::from_utf8_lossy(&write(html, "Brief", Format::Docx)).into_owned();
        assert!(
            docx.contains("<w:p><w:pPr><w:spacing w:before=\"851\" w:after=\"284\"/></w:pPr><w:r><w:t xml:space=\"preserve\">de secretaris, ……………"),
            "{docx}"
        );
        assert_eq!(docx.matches("<w:spacing w:before=").count(), 1, "{docx}");
    }

    #[test]
    fn table_headers_repeat_and_rows_do_not_split() {
        let html = "<table><tr><th>Gemeente</th><th>Na</th></tr><tr><td>Ameland</td><td>0</td></tr></table>";
        let odt = String::from_utf8_lossy(&write(html, "Brief", Format::Odt)).into_owned();
        assert!(
            odt.contains("<table:table-header-rows><table:table-row table:style-name=\"Samen\"><table:table-cell table:style-name=\"Cel\" office:value-type=\"string\"><text:p text:style-name=\"Celtekst\"><text:span text:style-name=\"Vet\">Gemeente</text:span>"),
            "{odt}"
        );
        assert_eq!(odt.matches("</table:table-header-rows>").count(), 1);
        let docx = String::from_utf8_lossy(&write(html, "Brief", Format::Docx)).into_owned();
        assert_eq!(
            docx.matches("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
                .count(),
            1
        );
        assert_eq!(
            docx.matches("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
                .count(),
            1
        );
    }

    /// No page starts with the last line of a paragraph, nor ends with its first (LibreOffice
    /// left "taakstelling." alone at the top of the letter's second page).
    #[test]
    fn paragraphs_leave_no_single_line_at_a_page_end() {
        let odt = String::from_utf8_lossy(&write("<p>Een</p>", "Brief", Format::Odt)).into_owned();
        assert!(odt.contains("fo:widows=\"2\" fo:orphans=\"2\""), "{odt}");
        let docx =
            String::from_utf8_lossy(&write("<p>Een</p>", "Brief", Format::Docx)).into_owned();
        assert!(
            docx.contains("<w:pPrDefault><w:pPr><w:widowControl/>"),
            "{docx}"
        );
    }

    #[test]
    fn a_page_break_leaves_no_empty_paragraph() {
        let html = "<p>Een</p><hr class=\"pagina\"><p>Twee</p>";
        let odt = String::from_utf8_lossy(&write(html, "Brief", Format::Odt)).into_owned();
        assert!(odt.contains("<text:p text:style-name=\"Standard\">Een</text:p><text:p text:style-name=\"Pagina\">Twee</text:p>"), "{odt}");
        let docx = String::from_utf8_lossy(&write(html, "Brief", Format::Docx)).into_owned();
        assert!(
            docx.contains(
                "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t xml:space=\"preserve\">Twee"
            ),
            "{docx}"
        );
        assert!(!docx.contains("w:type=\"page\""), "{docx}");
    }

    #[test]
    fn figures_are_set_flush_right_with_their_header() {
        let html = "<table><tr><th>Gemeente</th><th>CBS-code</th><th>Vóór</th><th>Verschil</th></tr><tr><td>Ameland</td><td>GM0060</td><td>1.600</td><td>-6</td></tr><tr><th>Totaal</th><th></th><th>1.600</th><th>+0</th></tr></table>";
        let docx = String::from_utf8_lossy(&write(html, "Brief", Format::Docx)).into_owned();
        // Vóór and Verschil in the header, the data row and the total: six cells.
        assert_eq!(docx.matches("<w:jc w:val=\"right\"/>").count(), 6, "{docx}");
        assert!(
            docx.contains(
                "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">-6</w:t>"
            ),
            "{docx}"
        );
        let odt = String::from_utf8_lossy(&write(html, "Brief", Format::Odt)).into_owned();
        assert_eq!(
            odt.matches("<text:p text:style-name=\"Celgetal\">").count(),
            6,
            "{odt}"
        );
        assert!(!is_figure("GM0060") && !is_figure("") && !is_figure("-") && is_figure("+1.250"));
    }

    #[test]
    fn a_bold_header_gets_room_for_its_word() {
        let rows = vec![
            vec![("Periode".to_string(), true), ("Vóór".to_string(), true)],
            vec![
                (
                    "eerste helft 2026 (1 januari t/m 30 juni 2026)".to_string(),
                    false,
                ),
                ("6".to_string(), false),
            ],
        ];
        let w = column_widths(&rows, 16_000);
        assert_eq!(w.iter().sum::<u32>(), 16_000);
        // "Vóór" in bold with the cell's padding needs about 1.3 cm.
        assert!(w[1] >= 2_000, "{w:?}");
    }
}
