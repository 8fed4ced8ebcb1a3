//! Problems found in the content, as data: one printer renders them for people, for tools (JSON)
//! and for GitHub Actions annotations.

pub use crate::codes::Code;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem: where it is, what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, such as `unknown-field` (one of [`Code::ALL`]).
    pub code: &'static str,
    /// Path relative to the project root, with `/` separators.
    pub path: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    pub message: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The offending line of the file, for display.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: code.as_str(),
            path: path.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    pub fn warning(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, path, message)
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Fills in `source_line` from the file's text when the line is known.
    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            self.source_line = text.lines().nth(self.line - 1).map(str::to_owned);
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A path relative to `root`, with forward slashes, for messages.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path
        .strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf());
    rel.to_string_lossy().replace('\\', "/")
}

/// Sorts diagnostics by file, then position, so output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.severity, a.code, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.severity, b.code, &b.message))
    });
}

/// How diagnostics are printed: for people, as JSON, or as GitHub Actions annotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Renders diagnostics in the chosen format, followed (for humans) by a count.
pub fn render(diagnostics: &[Diagnostic], format: Format) -> String {
    match format {
        Format::Human => render_human(diagnostics),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".into());
            s.push('\n');
            s
        }
        Format::Github => render_github(diagnostics),
    }
}

fn render_human(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let label = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{label}[{}]: {}", d.code, d.message);
        let location = match (d.line, d.column) {
            (0, _) => d.path.clone(),
            (l, 0) => format!("{}:{l}", d.path),
            (l, c) => format!("{}:{l}:{c}", d.path),
        };
        let _ = writeln!(out, "  --> {location}");
        if let Some(src) = &d.source_line {
            let number = d.line.to_string();
            let pad = " ".repeat(number.len());
            let _ = writeln!(out, "  {pad} |");
            let _ = writeln!(out, "  {number} | {src}");
            if d.column > 0 {
                let before: String = src
                    .chars()
                    .take(d.column - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(out, "  {pad} | {before}^");
            }
        }
        if let Some(h) = &d.hint {
            let _ = writeln!(out, "  = help: {h}");
        }
        out.push('\n');
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    if !diagnostics.is_empty() {
        let _ = writeln!(out, "{errors} error(s), {warnings} warning(s)");
    }
    out
}

/// GitHub Actions workflow commands; see "Setting an error message" in their docs.
fn render_github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = format!("file={}", escape_property(&d.path));
        if d.line > 0 {
            let _ = write!(props, ",line={}", d.line);
        }
        if d.column > 0 {
            let _ = write!(props, ",col={}", d.column);
        }
        let _ = write!(props, ",title={}", escape_property(d.code));
        let mut message = d.message.clone();
        if let Some(h) = &d.hint {
            message.push('\n');
            message.push_str(h);
        }
        let _ = writeln!(out, "::{kind} {props}::{}", escape_data(&message));
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// "Did you mean" for a misspelt name among the known ones.
pub fn suggest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    known
        .iter()
        .map(|k| (textkit::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= textkit::max_typos(k.chars().count()))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostic {
        Diagnostic::error(
            Code::UnknownField,
            "content/praktijken/algemeen/x.md",
            "unknown field `titel`",
        )
        .at(2, 1)
        .hint("did you mean `title`?")
        .with_source("---\ntitel: Hallo\n")
    }

    #[test]
    fn human_output_shows_path_line_source_and_hint() {
        let out = render(&[sample()], Format::Human);
        assert!(
            out.contains("error[unknown-field]: unknown field `titel`"),
            "{out}"
        );
        assert!(
            out.contains("--> content/praktijken/algemeen/x.md:2:1"),
            "{out}"
        );
        assert!(out.contains("2 | titel: Hallo"), "{out}");
        assert!(out.contains("= help: did you mean `title`?"), "{out}");
        assert!(out.contains("1 error(s), 0 warning(s)"), "{out}");
    }

    #[test]
    fn github_output_is_one_escaped_annotation_per_problem() {
        let out = render(&[sample()], Format::Github);
        assert_eq!(
            out,
            "::error file=content/praktijken/algemeen/x.md,line=2,col=1,title=unknown-field::unknown field `titel`%0Adid you mean `title`?\n"
        );
    }

    #[test]
    fn json_output_is_an_array_of_objects() {
        let out = render(&[sample()], Format::Json);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["line"], 2);
        assert_eq!(v[0]["severity"], "error");
        assert_eq!(v[0]["path"], "content/praktijken/algemeen/x.md");
    }

    #[test]
    fn suggests_known_name_for_typo() {
        let known = ["title", "added", "tags"];
        assert_eq!(suggest("titel", &known), Some("title"));
        assert_eq!(suggest("tittle", &known), Some("title"));
        assert_eq!(suggest("zzzzzz", &known), None);
    }
}
