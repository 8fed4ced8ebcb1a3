//! Problems found in the content, as data: one printer renders them for people, for tools (JSON)
//! and for GitHub Actions annotations.

pub use crate::codes::Code;
use crate::messages::{Lang, Message};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use crate::text::escape_controls;

/// Longest source line kept with a diagnostic, in characters: a longer one is cut to the part
/// around the column, so a line with thousands of problems is not copied thousands of times.
pub const MAX_SOURCE_CHARS: usize = 160;
/// Problems shown per file in the human and GitHub output; the rest are counted.
pub const MAX_PER_FILE: usize = 50;
/// Problems shown in all in the human and GitHub output; the rest are counted.
pub const MAX_SHOWN: usize = 500;
/// Files named one by one in the human output's "left out" lines; the rest share one line.
pub const MAX_LEFT_OUT_LINES: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem: where it is, what is wrong and how to fix it. Its texts are messages of the
/// catalogue ([`crate::messages`]), rendered in the chosen language when printed.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    pub message: Message,
    /// What to do about it.
    pub hint: Option<Message>,
    /// The offending line of the file, for display (the part around the column when the line
    /// is longer than [`MAX_SOURCE_CHARS`], with `…` where it was cut).
    pub source_line: Option<String>,
    /// The column within `source_line` when that is cut; 0 when it is the column.
    pub source_column: usize,
}

/// A diagnostic as JSON has it: its texts rendered, with the id of the message.
#[derive(Serialize)]
struct Rendered<'a> {
    severity: Severity,
    code: &'static str,
    path: &'a str,
    line: usize,
    column: usize,
    message: String,
    message_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_line: Option<&'a str>,
}

impl Diagnostic {
    pub fn error(code: Code, path: impl Into<String>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: code.as_str(),
            path: path.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            source_line: None,
            source_column: 0,
        }
    }

    pub fn warning(code: Code, path: impl Into<String>, message: impl Into<Message>) -> Self {
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

    pub fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Fills in `source_line` from the file's text when the line is known. Scans `text` up to
    /// the line: for many problems in one file, use [`Diagnostic::with_line_text`] with a
    /// [`crate::lines::LineIndex`].
    pub fn with_source(self, text: &str) -> Self {
        match self.line.checked_sub(1).and_then(|i| text.lines().nth(i)) {
            Some(line) => self.with_line_text(line),
            None => self,
        }
    }

    /// Sets `source_line` to `line` (the text of the diagnostic's line), cut around the column
    /// when it is long.
    pub fn with_line_text(self, line: &str) -> Self {
        let at = line
            .char_indices()
            .nth(self.column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        self.with_line_at(line, at)
    }

    /// [`Diagnostic::with_line_text`] with the byte offset of the column in `line`: the work
    /// does not grow with the length of the line.
    pub fn with_line_at(mut self, line: &str, at: usize) -> Self {
        let (shown, column) = excerpt_at(line, at);
        self.source_line = Some(shown);
        self.source_column = if self.column == 0 { 0 } else { column };
        self
    }

    /// Where it is: `path:line:column`, `path:line` without a column, `path` without a line.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.path.clone(),
            (l, 0) => format!("{}:{l}", self.path),
            (l, c) => format!("{}:{l}:{c}", self.path),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message in the language of the process.
    pub fn text(&self) -> String {
        self.message.to_string()
    }

    /// The hint in the language of the process.
    pub fn hint_text(&self) -> Option<String> {
        self.hint.as_ref().map(Message::to_string)
    }

    /// The JSON object of the diagnostic, its texts in `lang`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::to_value(self.rendered(lang)).unwrap_or_default()
    }

    fn rendered(&self, lang: Lang) -> Rendered<'_> {
        Rendered {
            severity: self.severity,
            code: self.code,
            path: &self.path,
            line: self.line,
            column: self.column,
            message: self.message.render(lang),
            message_id: self.message.id,
            hint: self.hint.as_ref().map(|h| h.render(lang)),
            source_line: self.source_line.as_deref(),
        }
    }
}

/// As JSON, with its texts in the language of the process ([`Lang::current`]).
impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.rendered(Lang::current()).serialize(s)
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

impl Format {
    /// The name the command line takes (`--format NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Github => "github",
        }
    }
}

/// The part of `line` around byte offset `at` of at most [`MAX_SOURCE_CHARS`] characters and
/// two `…`, with the 1-based column of `at` within it. Looks only at the characters it keeps.
pub fn excerpt_at(line: &str, at: usize) -> (String, usize) {
    if line.len() <= MAX_SOURCE_CHARS {
        let column = line.get(..at).map_or(1, |s| s.chars().count() + 1);
        return (line.to_string(), column);
    }
    let mut at = at.min(line.len());
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    let start = line[..at]
        .char_indices()
        .rev()
        .take(MAX_SOURCE_CHARS / 4)
        .last()
        .map_or(at, |(i, _)| i);
    let end = line[start..]
        .char_indices()
        .nth(MAX_SOURCE_CHARS)
        .map_or(line.len(), |(i, _)| start + i);
    let mut shown = String::with_capacity(end - start + 6);
    if start > 0 {
        shown.push('…');
    }
    shown.push_str(&line[start..end]);
    if end < line.len() {
        shown.push('…');
    }
    let column = line[start..at].chars().count() + 1 + usize::from(start > 0);
    (shown, column)
}

/// The part of `line` around the 1-based `column` (0: the start) of at most [`MAX_SOURCE_CHARS`]
/// characters and two `…`, with the column within it (0 when `column` is 0).
pub fn excerpt(line: &str, column: usize) -> (String, usize) {
    let length = line.chars().count();
    if length <= MAX_SOURCE_CHARS {
        return (line.to_string(), column);
    }
    let at = column.saturating_sub(1).min(length);
    let start = at.saturating_sub(MAX_SOURCE_CHARS / 4);
    let end = (start + MAX_SOURCE_CHARS).min(length);
    let mut shown: String = if start > 0 {
        "…".into()
    } else {
        String::new()
    };
    shown.extend(line.chars().skip(start).take(end - start));
    if end < length {
        shown.push('…');
    }
    let column = match column {
        0 => 0,
        c => c - start + usize::from(start > 0),
    };
    (shown, column)
}

/// Renders diagnostics in the chosen format and the language of the process
/// ([`Lang::current`]), followed (for humans) by a count.
pub fn render(diagnostics: &[Diagnostic], format: Format) -> String {
    render_in(diagnostics, format, Lang::current())
}

/// [`render`] in `lang`.
pub fn render_in(diagnostics: &[Diagnostic], format: Format, lang: Lang) -> String {
    let mut out = Vec::new();
    let _ = write_in(diagnostics, format, lang, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`write_in`] in the language of the process ([`Lang::current`]).
pub fn write(
    diagnostics: &[Diagnostic],
    format: Format,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    write_in(diagnostics, format, Lang::current(), out)
}

/// Writes diagnostics in the chosen format and language as it goes. The human and GitHub output
/// show at most [`MAX_PER_FILE`] problems of a file and [`MAX_SHOWN`] in all, and say how many
/// they left out; JSON has every problem.
pub fn write_in(
    diagnostics: &[Diagnostic],
    format: Format,
    lang: Lang,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    match format {
        Format::Json => {
            out.write_all(b"[")?;
            for (i, d) in diagnostics.iter().enumerate() {
                out.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut *out, &d.rendered(lang))?;
            }
            out.write_all(if diagnostics.is_empty() {
                b"]\n"
            } else {
                b"\n]\n"
            })
        }
        Format::Human => {
            let skipped = write_capped(diagnostics, lang, out, write_human)?;
            // A line per file for a few files; past that, one line for the rest, so that a
            // site with thousands of warnings does not bury the count under hundreds of lines.
            let mut rest: (usize, usize) = (0, 0);
            for (i, (path, n)) in skipped.iter().enumerate() {
                if i < MAX_LEFT_OUT_LINES {
                    let path = escape_controls(path, &[]);
                    let text = crate::msg!("report-left-out", n = *n, path = path).render(lang);
                    writeln!(out, "{text}\n")?;
                } else {
                    rest = (rest.0 + n, rest.1 + 1);
                }
            }
            if rest.1 > 0 {
                let text = crate::msg!("report-left-out-files", n = rest.0, files = rest.1);
                writeln!(out, "{}\n", text.render(lang))?;
            }
            Ok(())
        }
        Format::Github => {
            // An annotation per file, so that each file's page shows what was left out.
            for (path, n) in write_capped(diagnostics, lang, out, write_github)? {
                let text = crate::msg!("report-left-out-file", n = n);
                writeln!(
                    out,
                    "::warning file={}::{}",
                    escape_property(&escape_controls(path, &[])),
                    escape_data(&text.render(lang))
                )?;
            }
            Ok(())
        }
    }?;
    if format == Format::Human && !diagnostics.is_empty() {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        let count = crate::msg!("report-count", errors = errors, warnings = warnings);
        writeln!(out, "{}", count.render(lang))?;
    }
    Ok(())
}

type WriteOne = fn(&Diagnostic, Lang, &mut dyn io::Write) -> io::Result<()>;

/// Writes each diagnostic with `one`, errors before warnings (an error must not be hidden behind
/// the cap by a site's many warnings), up to the caps; returns, per file, how many were left
/// out.
fn write_capped<'a>(
    diagnostics: &'a [Diagnostic],
    lang: Lang,
    out: &mut dyn io::Write,
    one: WriteOne,
) -> io::Result<BTreeMap<&'a str, usize>> {
    let mut shown = 0;
    let mut per_file: BTreeMap<&str, usize> = BTreeMap::new();
    let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
    let errors = diagnostics.iter().filter(|d| d.is_error());
    let warnings = diagnostics.iter().filter(|d| !d.is_error());
    for d in errors.chain(warnings) {
        let in_file = per_file.entry(&d.path).or_insert(0);
        *in_file += 1;
        if *in_file > MAX_PER_FILE || shown >= MAX_SHOWN {
            *skipped.entry(&d.path).or_insert(0) += 1;
            continue;
        }
        shown += 1;
        one(d, lang, out)?;
    }
    Ok(skipped)
}

fn write_human(d: &Diagnostic, lang: Lang, out: &mut dyn io::Write) -> io::Result<()> {
    let label = match d.severity {
        Severity::Error => crate::msg!("label-error"),
        Severity::Warning => crate::msg!("label-warning"),
    }
    .render(lang);
    let message = escape_controls(&d.message.render(lang), &[]);
    writeln!(out, "{label}[{}]: {message}", d.code)?;
    let location = escape_controls(&d.location(), &[]);
    writeln!(out, "  --> {location}")?;
    if let Some(src) = &d.source_line {
        let (src, column) = match d.source_column {
            0 => excerpt(src, d.column),
            c => (src.clone(), c),
        };
        let number = d.line.to_string();
        let pad = " ".repeat(number.len());
        writeln!(out, "  {pad} |")?;
        writeln!(out, "  {number} | {}", escape_controls(&src, &['\t']))?;
        if column > 0 {
            // Blanks as wide as the text before the column as printed (tabs as tabs).
            let before: String =
                escape_controls(&src.chars().take(column - 1).collect::<String>(), &['\t'])
                    .chars()
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
            writeln!(out, "  {pad} | {before}^")?;
        }
    }
    if let Some(h) = &d.hint {
        let help = crate::msg!("label-help").render(lang);
        writeln!(
            out,
            "  = {help}: {}",
            escape_controls(&h.render(lang), &['\n'])
        )?;
    }
    writeln!(out)
}

/// GitHub Actions workflow commands; see "Setting an error message" in their docs.
fn write_github(d: &Diagnostic, lang: Lang, out: &mut dyn io::Write) -> io::Result<()> {
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
    let mut message = d.message.render(lang);
    if let Some(h) = &d.hint {
        message.push('\n');
        message.push_str(&h.render(lang));
    }
    writeln!(out, "::{kind} {props}::{}", escape_data(&message))
}

fn escape_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    escape_controls(&s, &[])
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
    use crate::msg;

    fn sample() -> Diagnostic {
        Diagnostic::error(
            Code::UnknownField,
            "content/praktijken/algemeen/x.md",
            msg!(
                "field-unknown",
                name = "titel",
                what = msg!("what-practice")
            ),
        )
        .at(2, 1)
        .hint(msg!("did-you-mean", name = "title"))
        .with_source("---\ntitel: Hallo\n")
    }

    fn raw(text: impl Into<String>) -> Message {
        Message::raw(text)
    }

    #[test]
    fn human_output_shows_path_line_source_and_hint_in_dutch() {
        let out = render_in(&[sample()], Format::Human, Lang::Nl);
        assert!(
            out.contains("fout[unknown-field]: onbekend veld `titel` in een praktijk"),
            "{out}"
        );
        assert!(
            out.contains("--> content/praktijken/algemeen/x.md:2:1"),
            "{out}"
        );
        assert!(out.contains("2 | titel: Hallo"), "{out}");
        assert!(out.contains("= hulp: bedoelde u `title`?"), "{out}");
        assert!(out.ends_with("1 fout, 0 waarschuwingen\n"), "{out}");
    }

    #[test]
    fn the_same_diagnostic_renders_in_english_on_request() {
        let out = render_in(&[sample()], Format::Human, Lang::En);
        assert!(
            out.contains("error[unknown-field]: unknown field `titel` in a practice"),
            "{out}"
        );
        assert!(out.contains("= help: did you mean `title`?"), "{out}");
        assert!(out.contains("1 error(s), 0 warning(s)"), "{out}");
    }

    #[test]
    fn long_source_lines_are_cut_around_the_column() {
        let line = format!("{}X{}", "ë".repeat(5_000), "a".repeat(5_000));
        let d = Diagnostic::error(Code::YamlSyntax, "f", raw("m"))
            .at(1, 5_001)
            .with_line_text(&line);
        let shown = d.source_line.as_deref().unwrap();
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.chars().count() <= MAX_SOURCE_CHARS + 2);
        assert_eq!(shown.chars().nth(d.source_column - 1), Some('X'));
        let out = render_in(&[d], Format::Human, Lang::Nl);
        let caret = out.lines().find(|l| l.ends_with('^')).unwrap();
        let text = out.lines().find(|l| l.contains('X')).unwrap();
        assert_eq!(
            caret.chars().count(),
            text.chars().position(|c| c == 'X').unwrap() + 1
        );
    }

    #[test]
    fn human_output_is_capped_per_file_and_says_what_it_left_out() {
        let many: Vec<Diagnostic> = (0..MAX_PER_FILE + 7)
            .map(|i| {
                Diagnostic::error(Code::YamlSyntax, "a.md", raw(format!("probleem {i}")))
                    .at(i + 1, 0)
            })
            .chain([Diagnostic::warning(
                Code::UnknownField,
                "b.md",
                raw("ander bestand"),
            )])
            .collect();
        let out = render_in(&many, Format::Human, Lang::Nl);
        assert_eq!(out.matches("fout[yaml-syntax]").count(), MAX_PER_FILE);
        assert!(
            out.contains("waarschuwing[unknown-field]: ander bestand"),
            "{out}"
        );
        assert!(out.contains("… en nog 7 problemen in a.md"), "{out}");
        assert!(out.ends_with(&format!("{} fouten, 1 waarschuwing\n", MAX_PER_FILE + 7)));
        // JSON keeps every problem.
        let v: serde_json::Value = serde_json::from_str(&render(&many, Format::Json)).unwrap();
        assert_eq!(v.as_array().unwrap().len(), MAX_PER_FILE + 8);
    }

    #[test]
    fn an_error_is_shown_however_many_warnings_come_before_it() {
        // A big site's warnings (one per file, in 600 files) and one error in the last file.
        let mut many: Vec<Diagnostic> = (0..600)
            .map(|i| Diagnostic::warning(Code::UnknownField, format!("p{i:03}.md"), raw("let op")))
            .collect();
        many.push(Diagnostic::error(Code::YamlSyntax, "z.md", raw("kapot")).at(2, 0));
        let out = render_in(&many, Format::Human, Lang::Nl);
        assert!(out.contains("fout[yaml-syntax]: kapot"), "{out}");
        assert_eq!(
            out.matches("waarschuwing[unknown-field]").count(),
            MAX_SHOWN - 1
        );
        // The 101 files left out: ten named, the rest on one line.
        assert_eq!(
            out.matches(", niet getoond").count(),
            MAX_LEFT_OUT_LINES + 1
        );
        assert!(
            out.contains("… en nog 1 probleem in p499.md, niet getoond"),
            "{out}"
        );
        assert!(
            out.contains("… en nog 91 problemen in 91 andere bestanden, niet getoond"),
            "{out}"
        );
        assert!(out.ends_with("1 fout, 600 waarschuwingen\n"), "{out}");
        let gh = render_in(&many, Format::Github, Lang::Nl);
        assert!(gh.starts_with("::error file=z.md"), "{gh}");
    }

    #[test]
    fn control_characters_are_escaped_for_the_terminal() {
        let d = Diagnostic::error(Code::YamlSyntax, "a\u{1b}[2J.md", raw("`\u{7}`"))
            .hint(raw("regel 1\nregel 2"));
        let out = render(std::slice::from_ref(&d), Format::Human);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(
            out.contains("a\\u{1b}[2J.md") && out.contains("regel 1\n"),
            "{out}"
        );
        assert!(!render(&[d], Format::Github).contains('\u{1b}'));
    }

    #[test]
    fn github_output_is_one_escaped_annotation_per_problem() {
        let out = render_in(&[sample()], Format::Github, Lang::Nl);
        assert_eq!(
            out,
            "::error file=content/praktijken/algemeen/x.md,line=2,col=1,title=unknown-field::onbekend veld `titel` in een praktijk%0Abedoelde u `title`?\n"
        );
    }

    #[test]
    fn json_output_is_an_array_of_objects() {
        let out = render_in(&[sample()], Format::Json, Lang::Nl);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["line"], 2);
        assert_eq!(v[0]["message"], "onbekend veld `titel` in een praktijk");
        assert_eq!(v[0]["message_id"], "field-unknown");
        assert_eq!(v[0]["hint"], "bedoelde u `title`?");
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
