//! The one error type for unreadable input: a scenario or the municipalities list that does not
//! parse, or holds a wrong shape, an unknown field or a bad entry.

use std::fmt;

/// Unreadable input, with the position the parser knows (1-based) and an optional hint.
/// `Display` writes `line L, column C: message (hint)`; the CLI prefixes the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// Such as "bedoelde u `periode`?".
    pub hint: Option<String>,
}

impl InputError {
    /// An error without a hint.
    pub fn at(line: Option<usize>, column: Option<usize>, message: impl Into<String>) -> Self {
        InputError {
            line,
            column,
            message: message.into(),
            hint: None,
        }
    }

    /// The error as `FILE:L:C: message (hint)`, the form the CLI and editors' tools use.
    pub fn in_file(&self, file: &str) -> String {
        let pos = match (self.line, self.column) {
            (Some(l), Some(c)) => format!(":{l}:{c}"),
            (Some(l), None) => format!(":{l}"),
            _ => String::new(),
        };
        let hint = self
            .hint
            .as_ref()
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
        format!("{file}{pos}: {}{hint}", self.message)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "regel {l}, kolom {c}: ")?,
            (Some(l), None) => write!(f, "regel {l}: ")?,
            _ => {}
        }
        f.write_str(&self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// Refuses YAML nested deeper than [`textkit::yaml_nesting::MAX_NESTING`] before it is parsed:
/// the YAML parser takes time that grows faster than the depth (minutes for 100,000 `[`).
#[cfg(feature = "yaml")]
pub(crate) fn check_nesting(src: &str) -> Result<(), InputError> {
    use textkit::yaml_nesting::{too_deep, MAX_NESTING};
    match too_deep(src) {
        None => Ok(()),
        Some((line, column)) => Err(InputError {
            line: Some(line),
            column: Some(column),
            message: format!("hier is de tekst meer dan {MAX_NESTING} niveaus diep genest"),
            hint: Some(
                "zo'n bestand is maar een paar niveaus diep: zoek naar een geplakte reeks `[`, `{` of `- `"
                    .into(),
            ),
        }),
    }
}

impl InputError {
    /// A YAML or JSON parser's (English) message at its position, as what is wrong and how to fix
    /// it in Dutch ([`textkit::parser_message`], which also drops the parser's " at line L column
    /// C": the position is in fields of our own).
    pub fn from_parser(line: Option<usize>, column: Option<usize>, raw: &str) -> Self {
        let explained = textkit::parser_message::explain(raw);
        InputError {
            line,
            column,
            message: explained.problem,
            hint: Some(explained.fix),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_wording_for_positions_and_hints() {
        let mut e = InputError::at(Some(3), Some(5), "onbekend veld `periood`");
        e.hint = Some("bedoelde u `periode`?".into());
        assert_eq!(
            e.to_string(),
            "regel 3, kolom 5: onbekend veld `periood` (bedoelde u `periode`?)"
        );
        assert_eq!(
            e.in_file("s.yaml"),
            "s.yaml:3:5: onbekend veld `periood` (bedoelde u `periode`?)"
        );
        assert_eq!(
            InputError::at(Some(2), None, "x").in_file("g.yaml"),
            "g.yaml:2: x"
        );
        assert_eq!(InputError::at(None, None, "x").to_string(), "x");
    }
}
