//! The issues found, in the order the rules find them.

use super::count::NumberProblem;
use crate::verdict::{Code, Issue};

/// The longest value a message quotes whole; a longer one is cut ([`shorten`]).
pub(super) const SHOWN_WHOLE: usize = 60;

/// `text` as a message quotes it: whole up to [`SHOWN_WHOLE`] characters, else its start and
/// "…", so that a message about a long value (a 400,000-character name) stays one line.
pub(super) fn shorten(text: &str) -> String {
    match text.char_indices().nth(SHOWN_WHOLE) {
        None => text.to_string(),
        Some((end, _)) => {
            let keep = text
                .char_indices()
                .nth(SHOWN_WHOLE - 1)
                .map_or(end, |(i, _)| i);
            format!("{}…", &text[..keep])
        }
    }
}

pub(super) fn with_point(message: String, uitgangspunt: u8) -> String {
    format!("{message} (uitgangspunt {uitgangspunt})")
}

/// Collects issues in the order the rules find them.
#[derive(Default)]
pub(super) struct Findings {
    pub(super) errors: Vec<Issue>,
    pub(super) warnings: Vec<Issue>,
    /// The fields that hold a hidden character (`HIDDEN_CHARACTER`) or are too long
    /// (`TOO_LONG`): their other issues are left out, since the character or the length causes
    /// them.
    refused: Vec<String>,
}

/// An issue of a rule, its message ending in the uitgangspunt it comes from. A hidden character
/// of the user's text quoted in the message is written out (`<U+202E>`), so that it neither turns
/// the message around on the page or in a terminal nor hides there.
fn issue(code: Code, field: String, uitgangspunt: u8, message: String) -> Issue {
    Issue {
        code,
        message: with_point(textkit::hidden::visible_strict(&message), uitgangspunt),
        field,
        uitgangspunt,
    }
}

impl Findings {
    pub(super) fn error(
        &mut self,
        code: Code,
        field: impl Into<String>,
        uitgangspunt: u8,
        message: String,
    ) {
        let field = field.into();
        if !self.refused.contains(&field) {
            self.errors.push(issue(code, field, uitgangspunt, message));
        }
    }

    /// `HIDDEN_CHARACTER` or `TOO_LONG` at `field` (uitgangspunt 4: the data in the documents
    /// must be right); the field's other issues are left out from now on.
    pub(super) fn refuse(&mut self, code: Code, field: &str, message: String) {
        self.errors.push(issue(code, field.to_string(), 4, message));
        self.refused.push(field.to_string());
    }

    /// Like [`Findings::error`], unless an error with this code and field was already found (a
    /// number that holds for every period is reported once, not once per period).
    pub(super) fn error_once(
        &mut self,
        code: Code,
        field: String,
        uitgangspunt: u8,
        message: String,
    ) {
        if !self
            .errors
            .iter()
            .any(|i| i.code == code && i.field == field)
        {
            self.error(code, field, uitgangspunt, message);
        }
    }

    pub(super) fn warning(
        &mut self,
        code: Code,
        field: impl Into<String>,
        uitgangspunt: u8,
        message: String,
    ) {
        let field = field.into();
        if !self.refused.contains(&field) {
            self.warnings
                .push(issue(code, field, uitgangspunt, message));
        }
    }

    /// `INVALID_NUMBER` (or `NEGATIVE_RESULT` for a negative `nieuw`) with a message for `what`.
    pub(super) fn number(
        &mut self,
        problem: NumberProblem,
        field: String,
        what: &str,
        raw: &str,
        negative_code: Code,
    ) {
        let written = raw.trim();
        let shown = shorten(written);
        let (code, uitgangspunt, text) = match problem {
            NumberProblem::NotANumber => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is geen getal. Vul een geheel getal in van 0 tot en met 1.000.000."),
            ),
            NumberProblem::NotWhole if thousands_written_with_points(written) => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is geen geheel getal zoals het er staat: de punt kan een duizendtal scheiden of een decimaal, en de check raadt niet. Bedoelt u {}? Schrijf het aantal zonder punt.", shown.replace('.', "")),
            ),
            NumberProblem::NotWhole if whole_with_decimals(written).is_some() => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is geen geheel getal zoals het er staat. Schrijf {}, zonder decimalen.", whole_with_decimals(written).unwrap_or_default()),
            ),
            NumberProblem::NotWhole => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is geen geheel getal. Vergunninghouders worden in hele aantallen herverdeeld: vul een geheel getal in, zonder komma."),
            ),
            NumberProblem::TooLarge => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is groter dan 1.000.000, het hoogste aantal dat de check aanneemt. Controleer het aantal (een tikfout, een 0 te veel?)."),
            ),
            NumberProblem::TooSmall => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is kleiner dan -1.000.000 en kan geen aantal vergunninghouders zijn. Vul een geheel getal in van 0 tot en met 1.000.000."),
            ),
            NumberProblem::Negative(_) if negative_code == Code::NegativeResult => (
                Code::NegativeResult,
                2,
                format!("{what} (\"{shown}\") is negatief. Een gemeente kan niet meer overdragen dan haar taakstelling: vul 0 of meer in."),
            ),
            NumberProblem::Negative(_) => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is negatief. Vul een geheel getal in van 0 tot en met 1.000.000."),
            ),
        };
        self.error(code, field, uitgangspunt, text);
    }
}

/// `6.0`, `6,00`, `-2.0`: a whole number written with decimals that are all zero; the number
/// as it should be written (`6`).
fn whole_with_decimals(text: &str) -> Option<String> {
    let (whole, fraction) = text.split_once(['.', ','])?;
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    let ok = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b == b'0');
    ok.then(|| {
        let n = digits.trim_start_matches('0');
        let n = if n.is_empty() { "0" } else { n };
        if whole.starts_with('-') && n != "0" {
            format!("-{n}")
        } else {
            n.to_string()
        }
    })
}

/// `1.000`, `12.500.000`: digits in groups of three after the first, split by points, as a Dutch
/// writer separates thousands.
fn thousands_written_with_points(text: &str) -> bool {
    let mut groups = text.split('.');
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let mut rest = groups.peekable();
    rest.peek().is_some()
        && (1..=3).contains(&first.len())
        && digits(first)
        && rest.all(|g| g.len() == 3 && digits(g))
}
