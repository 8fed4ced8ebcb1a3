//! Lines of one file's text, indexed once: the line and column of a byte offset and the text of
//! a line in logarithmic or constant time, so that a file with many problems is not rescanned
//! for each of them.

/// Where each line of a text starts.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
    /// (byte offset, characters before it) at the first character boundary at or after each
    /// multiple of [`STRIDE`] bytes: a column is counted from the nearest one, not from the
    /// start of a line that may be megabytes long.
    checkpoints: Vec<(usize, usize)>,
}

const STRIDE: usize = 1024;

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        let mut from = 0;
        for k in 0..=text.len() / STRIDE {
            let mut at = (k * STRIDE).min(text.len());
            while !text.is_char_boundary(at) {
                at += 1;
            }
            chars += text[from..at].chars().count();
            checkpoints.push((at, chars));
            from = at;
        }
        LineIndex {
            text,
            starts,
            checkpoints,
        }
    }

    /// The number of characters before byte `offset` (a character boundary) in the text.
    fn chars_before(&self, offset: usize) -> usize {
        let mut k = (offset / STRIDE).min(self.checkpoints.len() - 1);
        while k > 0 && self.checkpoints[k].0 > offset {
            k -= 1;
        }
        let (at, chars) = self.checkpoints[k];
        chars + self.text.get(at..offset).map_or(0, |s| s.chars().count())
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// The 1-based line of a byte offset (offsets past the end are on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The 1-based column, in characters, of a byte offset.
    pub fn column_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let start = self.starts[self.line_of(offset) - 1];
        if !self.text.is_char_boundary(offset) {
            return 1;
        }
        self.chars_before(offset) - self.chars_before(start) + 1
    }

    /// The text of a 1-based line without its line ending, as [`str::lines`] gives it.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        if start == self.text.len() && line > 1 {
            return None; // after a final newline there is no further line
        }
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        let text = &self.text[start..end];
        Some(text.strip_suffix('\r').unwrap_or(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_match_str_lines() {
        let text = "een\r\ntwee drie\n\nvier";
        let index = LineIndex::new(text);
        let expected: Vec<&str> = text.lines().collect();
        for (i, line) in expected.iter().enumerate() {
            assert_eq!(index.line(i + 1), Some(*line));
        }
        assert_eq!(index.line(0), None);
        assert_eq!(index.line(5), None);
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(5), 2);
        assert_eq!(index.line_of(text.len()), 4);
        assert_eq!(index.column_of(9), 5);
        assert_eq!(LineIndex::new("a\n").line(2), None);
    }

    #[test]
    fn columns_count_characters() {
        let index = LineIndex::new("x\nëë[a](b)");
        assert_eq!(index.column_of("x\nëë".len()), 3);
        // Across checkpoints, on a long line of two-byte letters.
        let text = format!("a\n{}", "ë".repeat(5_000));
        let index = LineIndex::new(&text);
        for chars in [0, 1, 511, 512, 513, 2_000, 5_000] {
            assert_eq!(index.column_of(2 + 2 * chars), chars + 1);
        }
    }
}
