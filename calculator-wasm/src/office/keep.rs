//! Which blocks of a document stay together on a page, decided once for both writers: a signature
//! block is never parted, a caption or an introducing line stays with what it introduces, a table
//! repeats its header on every page, and a page break starts the next paragraph on a new page
//! (rather than leaving an empty paragraph at the top of it).

pub use super::blocks::Row;
use super::blocks::{Block, Run};

/// What a writer lays out.
#[derive(Debug, PartialEq, Eq)]
pub enum Shape<'a> {
    Paragraph(&'a [Run]),
    /// A table whose first `header_rows` rows are repeated at the top of every page it spans.
    Table {
        rows: &'a [Row],
        header_rows: usize,
    },
    /// Paragraphs that stay on one page: a signature block ("Het college van burgemeester en
    /// wethouders van Ameland," and the lines to sign), written as a table row that cannot split,
    /// which Word and LibreOffice both honour (LibreOffice lets a .docx paragraph marked
    /// keep-with-next part from the next one at a page end).
    Together(Vec<&'a [Run]>),
}

/// A shape with how it sits among its neighbours.
#[derive(Debug, PartialEq, Eq)]
pub struct Laid<'a> {
    pub shape: Shape<'a>,
    /// Starts a new page (the HTML's `<hr>`).
    pub page_break_before: bool,
    /// Stays on the page of the shape that follows.
    pub keep_with_next: bool,
}

/// Whether a paragraph is a line to sign by hand: a role ending in a comma followed by a dotted
/// field (`……` or `.....`), as "de secretaris, ……………… de burgemeester, ………………" and "de
/// burgemeester van Ameland, ………" are. The writers leave room above it for the signatures. Other
/// dotted fields are filled in by pen or keyboard and get no room: "Datum: ………", "Ons kenmerk:
/// ………", a postal address not yet known ("Postbus ………").
pub fn is_signing_line(runs: &[Run]) -> bool {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    [", …", ", ....."].iter().any(|field| text.contains(field))
}

/// Whether a paragraph ends with `mark` (ignoring trailing spaces).
fn ends_with(runs: &[Run], mark: char) -> bool {
    runs.last()
        .is_some_and(|r| r.text.trim_end().ends_with(mark))
}

/// The number of leading rows made of header cells only, if rows of data follow them.
fn header_rows(rows: &[Row]) -> usize {
    let n = rows
        .iter()
        .take_while(|row| !row.is_empty() && row.iter().all(|(_, header)| *header))
        .count();
    if n < rows.len() {
        n
    } else {
        0
    }
}

/// The blocks as the writers lay them out. A paragraph that ends with a comma leads on to the
/// next, as the closing lines of a letter do ("Met vriendelijke groet,", "Het college van
/// burgemeester en wethouders van Ameland,"): such a chain and the paragraph that ends it form one
/// block that stays on one page. A paragraph stays with what follows it when it ends with a colon
/// ("Afschrift aan:"), or when a table or a signature block follows (a caption, "Artikel 2. … als
/// volgt:", "Aldus besloten in de vergadering van …").
pub fn lay_out(blocks: &[Block]) -> Vec<Laid<'_>> {
    let mut out: Vec<Laid> = Vec::new();
    let mut page_break = false;
    let mut i = 0;
    while i < blocks.len() {
        let shape = match &blocks[i] {
            Block::PageBreak => {
                page_break = true;
                i += 1;
                continue;
            }
            Block::Table(rows) => {
                i += 1;
                Shape::Table {
                    rows,
                    header_rows: header_rows(rows),
                }
            }
            Block::Paragraph(runs) => {
                // The chain of paragraphs ending with a comma, and the one after it.
                let mut end = i;
                while ends_with(paragraph(blocks, end).unwrap_or(&[]), ',')
                    && paragraph(blocks, end + 1).is_some()
                {
                    end += 1;
                }
                if end > i {
                    let group = (i..=end).filter_map(|k| paragraph(blocks, k)).collect();
                    i = end + 1;
                    Shape::Together(group)
                } else {
                    i += 1;
                    Shape::Paragraph(runs)
                }
            }
        };
        if let Some(previous) = out.last_mut() {
            if let Shape::Paragraph(runs) = previous.shape {
                let next_item = matches!(shape, Shape::Paragraph(r) if list_item(r));
                previous.keep_with_next = !page_break
                    && (ends_with(runs, ':')
                        || ends_with(runs, ',')
                        || !matches!(shape, Shape::Paragraph(_))
                        || (list_item(runs) && next_item && short_list_at(blocks, i)));
            }
        }
        out.push(Laid {
            shape,
            page_break_before: std::mem::take(&mut page_break),
            keep_with_next: false,
        });
    }
    out
}

/// The longest list kept on one page ("Afschrift aan:" and its addressees); a longer one may
/// break across pages.
const SHORT_LIST: usize = 6;

/// Whether a paragraph is an item of a list (the reader marks it with a bullet).
fn list_item(runs: &[Run]) -> bool {
    runs.first().is_some_and(|r| r.text == "• ")
}

/// Whether the list that holds the block before `next` (the block after the one just laid out)
/// has at most [`SHORT_LIST`] items.
fn short_list_at(blocks: &[Block], next: usize) -> bool {
    let is_item = |k: usize| paragraph(blocks, k).is_some_and(list_item);
    let last = next.saturating_sub(1);
    let mut first = last;
    while first > 0 && is_item(first - 1) {
        first -= 1;
    }
    let mut end = last;
    while is_item(end + 1) {
        end += 1;
    }
    end + 1 - first <= SHORT_LIST
}

fn paragraph(blocks: &[Block], at: usize) -> Option<&[Run]> {
    match blocks.get(at) {
        Some(Block::Paragraph(runs)) => Some(runs),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::blocks::from_html;

    fn text(runs: &[Run]) -> String {
        runs.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn a_signature_block_is_one_shape_and_the_line_before_it_stays_with_it() {
        let blocks = from_html(
            "<p>Aldus besloten in de vergadering van 10 februari 2026.</p>\
             <p>Het college van burgemeester en wethouders van Ameland,</p>\
             <p>de secretaris, …… de burgemeester, ……</p>\
             <p>Met vriendelijke groet,</p><p>namens de colleges van A en B,</p><p>de burgemeester van A, ……</p>",
        );
        let laid = lay_out(&blocks);
        assert_eq!(laid.len(), 3, "{laid:#?}");
        assert!(matches!(laid[0].shape, Shape::Paragraph(_)));
        assert!(
            laid[0].keep_with_next,
            "the decision date stays with the signatures"
        );
        match &laid[1].shape {
            Shape::Together(p) => assert_eq!(
                p.iter().map(|r| text(r)).collect::<Vec<_>>(),
                [
                    "Het college van burgemeester en wethouders van Ameland,",
                    "de secretaris, …… de burgemeester, ……"
                ]
            ),
            other => panic!("{other:?}"),
        }
        match &laid[2].shape {
            Shape::Together(p) => assert_eq!(p.len(), 3, "greeting, college, signature"),
            other => panic!("{other:?}"),
        }
        assert!(
            !laid[1].keep_with_next,
            "two colleges may sign on two pages"
        );
    }

    #[test]
    fn only_a_line_to_sign_is_a_signing_line() {
        let line = |html: &str| match &from_html(html)[0] {
            Block::Paragraph(runs) => is_signing_line(runs),
            other => panic!("{other:?}"),
        };
        assert!(line("<p>de secretaris, …………… de burgemeester, ……………</p>"));
        assert!(line("<p>de burgemeester van Ameland, ..........</p>"));
        // Fields to fill in, which LibreOffice showed with 1.5 cm of white above them.
        assert!(!line("<p>Datum: …………………………</p>"));
        assert!(!line("<p>Ons kenmerk: …………………………</p>"));
        assert!(!line("<p>Postbus ……………………<br>…… …… ……………………</p>"));
    }

    #[test]
    fn captions_and_colons_keep_with_what_follows_and_headers_repeat() {
        let blocks = from_html(
            "<p>Tekst.</p><table><caption>Taakstelling</caption><tr><th>Gemeente</th><th>Na</th></tr>\
             <tr><td>Ameland</td><td>0</td></tr><tr><th>Totaal</th><th>0</th></tr></table>\
             <p>Afschrift aan:</p><ul><li>COA</li></ul><p>Slot.</p>",
        );
        let laid = lay_out(&blocks);
        let keeps: Vec<bool> = laid.iter().map(|l| l.keep_with_next).collect();
        // Tekst., caption, table, "Afschrift aan:", the item, Slot.
        assert_eq!(keeps, [false, true, false, true, false, false], "{laid:#?}");
        assert!(matches!(laid[2].shape, Shape::Table { header_rows: 1, .. }));
        let list = |n: usize| {
            let items = "<li>Provincie</li>".repeat(n);
            let laid_keeps: Vec<bool> =
                lay_out(&from_html(&format!("<ul>{items}</ul><p>Slot.</p>")))
                    .iter()
                    .map(|l| l.keep_with_next)
                    .collect();
            laid_keeps
        };
        assert_eq!(
            list(3),
            [true, true, false, false],
            "a short list stays whole"
        );
        assert!(
            list(SHORT_LIST + 1).iter().all(|k| !k),
            "a long one may break"
        );
        let only_headers = from_html("<table><tr><th>A</th></tr></table>");
        assert!(matches!(
            lay_out(&only_headers)[0].shape,
            Shape::Table { header_rows: 0, .. }
        ));
    }

    #[test]
    fn a_page_break_starts_the_next_paragraph_and_is_no_paragraph_itself() {
        let blocks = from_html("<p>Een,</p><hr><p>Twee</p><hr>");
        let laid = lay_out(&blocks);
        assert_eq!(laid.len(), 2, "{laid:#?}");
        assert!(!laid[0].keep_with_next, "nothing keeps across a page break");
        assert!(laid[1].page_break_before);
        assert_eq!(
            text(match laid[1].shape {
                Shape::Paragraph(r) => r,
                _ => unreachable!(),
            }),
            "Twee"
        );
    }
}
