//! Splitting a practice file into its YAML front matter and its markdown body.

/// The parts of a file with front matter.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub body: &'a str,
    /// 1-based file line where the body starts.
    pub body_line: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    NoOpening,
    /// No closing `---` line was found.
    NoClosing,
}

/// Splits `---\n<yaml>\n---\n<body>`. Windows line endings are accepted.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().ok_or(SplitError::NoOpening)?;
    if first.trim_end() != "---" {
        return Err(SplitError::NoOpening);
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        if line.trim_end() == "---" {
            let yaml = &text[yaml_start..offset];
            let body = &text[offset + line.len()..];
            return Ok(Split {
                yaml,
                body,
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(SplitError::NoClosing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body_with_line_numbers() {
        let s = split("---\ntitle: a\nadded: 2026-01-01\n---\nTekst.\n").unwrap();
        assert_eq!(s.yaml, "title: a\nadded: 2026-01-01\n");
        assert_eq!(s.body, "Tekst.\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn accepts_crlf_and_reports_missing_delimiters() {
        let s = split("---\r\ntitle: a\r\n---\r\nTekst.\r\n").unwrap();
        assert_eq!(s.yaml, "title: a\r\n");
        assert_eq!(s.body, "Tekst.\r\n");
        assert_eq!(split("title: a\n"), Err(SplitError::NoOpening));
        assert_eq!(split("---\ntitle: a\n"), Err(SplitError::NoClosing));
        assert_eq!(split(""), Err(SplitError::NoOpening));
    }
}
