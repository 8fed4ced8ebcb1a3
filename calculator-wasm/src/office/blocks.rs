//! The printable HTML of a document read back as plain blocks (paragraphs and tables), which the
//! ODF and OOXML writers lay out. One source of wording: the HTML template the editors maintain.

/// A piece of text, bold or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

/// A table row: cells of (text, is a header cell).
pub type Row = Vec<(String, bool)>;

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Run>),
    Table(Vec<Row>),
    /// `<hr>`: the next block starts a new page (one notice or decision per page).
    PageBreak,
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", "\u{a0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

struct Reader {
    blocks: Vec<Block>,
    runs: Vec<Run>,
    bold: usize,
    table: Option<Vec<Row>>,
    row: Row,
    cell: Option<(String, bool)>,
    /// The `colspan` of the open cell.
    span: usize,
    list_item: bool,
}

impl Reader {
    fn text(&mut self, raw: &str) {
        let text = decode_entities(raw);
        let mut collapsed = String::with_capacity(text.len());
        let mut space = false;
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                space = true;
            } else {
                if space {
                    collapsed.push(' ');
                }
                space = false;
                collapsed.push(c);
            }
        }
        if space {
            collapsed.push(' ');
        }
        if let Some((cell, _)) = &mut self.cell {
            cell.push_str(&collapsed);
            return;
        }
        if collapsed.trim().is_empty() && self.runs.is_empty() {
            return;
        }
        if self.runs.last().is_some_and(|r| r.text.ends_with('\n')) {
            collapsed = collapsed.trim_start().to_string();
        }
        let bold = self.bold > 0;
        match self.runs.last_mut() {
            Some(r) if r.bold == bold => r.text.push_str(&collapsed),
            _ => self.runs.push(Run {
                text: collapsed,
                bold,
            }),
        }
    }

    fn flush(&mut self) {
        let mut runs = std::mem::take(&mut self.runs);
        if let Some(first) = runs.first_mut() {
            first.text = first.text.trim_start().to_string();
        }
        if let Some(last) = runs.last_mut() {
            last.text = last.text.trim_end().to_string();
        }
        while runs.last().is_some_and(|r| r.text.trim().is_empty()) {
            runs.pop();
        }
        runs.retain(|r| !r.text.is_empty());
        if runs.is_empty() {
            return;
        }
        if self.list_item {
            runs.insert(
                0,
                Run {
                    text: "• ".into(),
                    bold: false,
                },
            );
        }
        let para = Block::Paragraph(runs);
        self.blocks.push(para);
    }

    fn tag(&mut self, tag: &str) {
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("strong" | "b", false) => self.bold += 1,
            ("strong" | "b", true) => self.bold = self.bold.saturating_sub(1),
            ("br", _) => {
                if self.runs.is_empty() {
                    return;
                }
                let bold = self.bold > 0;
                self.runs.push(Run {
                    text: "\n".into(),
                    bold,
                });
            }
            ("table", false) => {
                self.flush();
                self.table = Some(Vec::new());
            }
            ("table", true) => {
                if let Some(rows) = self.table.take() {
                    if !rows.is_empty() {
                        self.blocks.push(Block::Table(rows));
                    }
                }
            }
            ("caption", false) => self.bold += 1,
            ("caption", true) => {
                self.bold = self.bold.saturating_sub(1);
                self.flush();
            }
            ("td" | "th", false) => {
                self.cell = Some((String::new(), name == "th"));
                self.span = attribute(tag, "colspan")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1usize)
                    .clamp(1, 50);
            }
            ("td" | "th", true) => {
                if let Some((text, header)) = self.cell.take() {
                    self.row.push((text.trim().to_string(), header));
                    for _ in 1..self.span {
                        self.row.push((String::new(), header));
                    }
                }
            }
            ("tr", true) => {
                let row = std::mem::take(&mut self.row);
                if let Some(rows) = &mut self.table {
                    rows.push(row);
                }
            }
            ("li", false) => {
                self.flush();
                self.list_item = true;
            }
            ("li", true) => {
                self.flush();
                self.list_item = false;
            }
            ("dt", true) => self.text(" "),
            ("hr", false) => {
                self.flush();
                self.blocks.push(Block::PageBreak);
            }
            ("dd", false) => {}
            (
                "p" | "div" | "header" | "footer" | "address" | "dd" | "h1" | "h2" | "h3" | "ul"
                | "ol" | "dl" | "article" | "section",
                _,
            ) => self.flush(),
            _ => {}
        }
    }
}

/// The value of `name="…"` in a start tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

/// Reads the HTML that the document templates produce (well-formed, escaped by the renderer).
pub fn from_html(html: &str) -> Vec<Block> {
    let mut r = Reader {
        blocks: Vec::new(),
        runs: Vec::new(),
        bold: 0,
        table: None,
        row: Vec::new(),
        cell: None,
        span: 1,
        list_item: false,
    };
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        r.text(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            rest = "";
            break;
        };
        r.tag(&after[..close]);
        rest = &after[close + 1..];
    }
    r.text(rest);
    r.flush();
    r.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_bold_runs_lists_and_tables() {
        let b = from_html("<p><strong>Afzenders</strong></p>\n<p>De colleges &amp; co</p><p>Den Haag</p><ul><li>A</li></ul><table><caption>T</caption><tr><th>Gemeente</th><th>Na</th></tr><tr><td>Ameland</td><td>0</td></tr><tr><th colspan=\"2\">Totaal</th></tr></table><dl><dt>Datum:</dt><dd>1 mei</dd></dl><address>COA<br>\n  Postbus 1<br>\n</address>");
        assert_eq!(
            b[0],
            Block::Paragraph(vec![Run {
                text: "Afzenders".into(),
                bold: true
            }])
        );
        assert_eq!(
            b[1],
            Block::Paragraph(vec![Run {
                text: "De colleges & co".into(),
                bold: false
            }])
        );
        assert_eq!(b.len(), 8, "{b:#?}");
        assert!(matches!(&b[3], Block::Paragraph(r) if r[0].text == "• " && r[1].text == "A"));
        match &b[5] {
            Block::Table(rows) => {
                assert_eq!(rows[0][0], ("Gemeente".to_string(), true));
                assert_eq!(rows[1][1], ("0".to_string(), false));
                assert_eq!(rows[2].len(), 2, "colspan keeps the columns");
            }
            other => panic!("{other:?}"),
        }
        let text = |b: &Block| match b {
            Block::Paragraph(r) => r.iter().map(|r| r.text.as_str()).collect::<String>(),
            Block::Table(_) | Block::PageBreak => String::new(),
        };
        assert_eq!(text(&b[6]), "Datum: 1 mei");
        assert_eq!(text(&b[7]), "COA\nPostbus 1");
    }
}
