//! The scenario a user checks, as written (YAML or JSON), before any rule is applied.
//!
//! Every value is kept as the text the user wrote, so that a bad number or date becomes a verdict
//! code (`INVALID_NUMBER` naming the municipality and field) instead of a parse error. Only broken
//! syntax, a wrong shape (a list where a value belongs) and unknown field names are parse errors.

use crate::error::InputError;
use crate::names::closest;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A redistribution as proposed by the municipalities.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// First taakstellingsperiode covered, `2026-1`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub periode: Option<String>,
    /// Last period covered; the same as `periode` when absent.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub tot_en_met: Option<String>,
    /// The users' explanation of an agreement over more than one period (footnote 1 of the
    /// stappenplan: only in consultation with COA and the ministries); shown as that, not as proof.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub uitzondering: Option<String>,
    /// Date of the decisions of the colleges van B&W.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub besluitdatum: Option<String>,
    /// Date of publication (bekendmaking) of the decision.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub bekendmaking: Option<String>,
    /// Date COA and the provinces are (or were) told.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub melddatum: Option<String>,
    /// The lead municipality that COA answers: sender, reference and contact of the letters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penvoerder: Option<Penvoerder>,
    #[serde(
        default,
        deserialize_with = "list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub gemeenten: Vec<Gemeente>,
    #[serde(
        default,
        deserialize_with = "list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub overdrachten: Vec<Overdracht>,
}

/// One municipality taking part.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gemeente {
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub naam: Option<String>,
    /// Only needed when the municipality is not in the municipalities list.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub provincie: Option<String>,
    /// Taakstelling before the redistribution.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub taakstelling: Option<String>,
    /// Taakstelling after; may be left out when `overdrachten` say it.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub nieuw: Option<String>,
    /// Date of this college's decision; the top-level `besluitdatum` when absent.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub besluitdatum: Option<String>,
    /// Date this decision was published; the top-level `bekendmaking` when absent.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub bekendmaking: Option<String>,
    /// Where it was published: "Gemeenteblad 2026, 309871".
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub publicatie: Option<String>,
    /// Numbers per period (`2026-1: { taakstelling: 2, nieuw: 0 }`) for an agreement over more than
    /// one period; instead of `taakstelling`/`nieuw`, which then hold for every period.
    #[serde(
        default,
        deserialize_with = "map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub perioden: BTreeMap<String, Aantallen>,
}

/// The numbers of one municipality in one period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aantallen {
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub taakstelling: Option<String>,
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub nieuw: Option<String>,
}

/// The lead municipality (penvoerder) and its contact person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Penvoerder {
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub gemeente: Option<String>,
    /// The contact person.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub naam: Option<String>,
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub email: Option<String>,
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub telefoon: Option<String>,
    /// The penvoerder's reference ("ons kenmerk").
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub kenmerk: Option<String>,
}

/// A transfer of `aantal` from one municipality's taakstelling to another's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overdracht {
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub van: Option<String>,
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub naar: Option<String>,
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub aantal: Option<String>,
}

/// Unreadable scenario input: broken syntax, a wrong shape or an unknown field.
pub type ParseError = InputError;

/// Most transfers one scenario may list: every name not in the list is compared with all
/// municipalities for a suggestion (18,000 unknown names took over 10 s).
pub const MAX_ROWS: usize = 1000;

/// Most municipalities one scenario may list: the Netherlands has 342 (2025), so this is every
/// one of them and room for a list from before a merger. Each college's draft decision repeats
/// the table of all of them, so the decisions grow with the square of the count (1,000 made an
/// .odt of 640 MB).
pub const MAX_MUNICIPALITIES: usize = 400;

/// Refuses a scenario with more than [`MAX_MUNICIPALITIES`] municipalities or [`MAX_ROWS`]
/// transfers.
fn within_limits(scenario: Scenario) -> Result<Scenario, ParseError> {
    for (list, count, max) in [
        ("gemeenten", scenario.gemeenten.len(), MAX_MUNICIPALITIES),
        ("overdrachten", scenario.overdrachten.len(), MAX_ROWS),
    ] {
        if count > max {
            return Err(InputError {
                line: None,
                column: None,
                message: format!(
                    "`{list}` heeft {count} rijen; een scenario heeft er hoogstens {max}"
                ),
                hint: Some("is dit het goede bestand?".into()),
            });
        }
    }
    Ok(scenario)
}

impl Scenario {
    /// Reads a scenario written in JSON. Its numbers reach the rules as written
    /// ([`quote_json_numbers`]); a parse error is the one of the text as written, at its place.
    pub fn from_json(src: &str) -> Result<Scenario, ParseError> {
        let quoted = quote_json_numbers(src);
        let parsed = match &quoted {
            std::borrow::Cow::Owned(text) => {
                serde_json::from_str(text).or_else(|_| serde_json::from_str(src))
            }
            std::borrow::Cow::Borrowed(_) => serde_json::from_str(src),
        };
        parsed
            .map_err(|e| {
                let (line, column) = if e.line() == 0 {
                    (None, None)
                } else {
                    (Some(e.line()), Some(e.column()))
                };
                parse_error(line, column, &e.to_string())
            })
            .and_then(within_limits)
    }

    /// Reads a scenario written in YAML.
    #[cfg(feature = "yaml")]
    pub fn from_yaml(src: &str) -> Result<Scenario, ParseError> {
        // An empty file is "nothing filled in", which the rules report field by field.
        if src.trim().is_empty() {
            return Ok(Scenario::default());
        }
        crate::error::check_nesting(src)?;
        check_control_characters(src)?;
        let parsed = {
            let _budget = ExpansionBudget::start(src.len());
            serde_yaml::from_str(&quote_non_decimal_numbers(src))
        };
        parsed
            .map_err(|e| {
                let loc = e.location();
                let raw = e.to_string();
                if let Some(at) = raw.find(EXPANSION_EXCEEDED) {
                    // serde_yaml writes the path of the value first: `overdrachten[2].van: `.
                    let path = raw[..at].trim_end().trim_end_matches(':');
                    return expansion_error(loc.as_ref().map(|l| l.line()), path);
                }
                let mut err = parse_error(
                    loc.as_ref().map(|l| l.line()),
                    loc.as_ref().map(|l| l.column()),
                    &raw,
                );
                // serde_yaml places a field written twice at the start of its block: the
                // second one is where to look.
                if let Some(key) = duplicate_field(&raw) {
                    if let Some((line, column)) =
                        second_key(src, err.line.unwrap_or(1), key)
                    {
                        err.line = Some(line);
                        err.column = Some(column);
                    }
                }
                // `naam: 's-Hertogenbosch`: YAML reads the apostrophe as the start of a quoted
                // text and reports the missing end far below, at the end of the file.
                if let Some(at) = unclosed_apostrophe(src) {
                    let before_the_error = match err.line {
                        Some(l) => at <= l,
                        None => true,
                    };
                    if before_the_error {
                        err.line = Some(at);
                        err.column = None;
                        err.hint = Some(
                            "de waarde op deze regel begint met een apostrof (zoals 's-Hertogenbosch), \
                             en YAML leest dat als het begin van tekst tussen aanhalingstekens; zet de \
                             hele waarde tussen dubbele aanhalingstekens: naam: \"'s-Hertogenbosch\""
                                .into(),
                        );
                    }
                }
                err
            })
            .and_then(within_limits)
    }

    /// Reads YAML or JSON: text that starts with `{` is read as JSON (whose line numbers the JSON
    /// parser reports exactly), anything else as YAML.
    #[cfg(feature = "yaml")]
    pub fn parse(src: &str) -> Result<Scenario, ParseError> {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src); // a byte order mark is not text
        if src.trim_start().starts_with('{') {
            Scenario::from_json(src)
        } else {
            Scenario::from_yaml(src)
        }
    }

    /// The scenario as the YAML file the CLI reads (the page's "save"): whole numbers unquoted,
    /// other values as serde_yaml writes them.
    #[cfg(feature = "yaml")]
    pub fn to_yaml(&self) -> String {
        let text = serde_yaml::to_string(self).unwrap_or_default();
        let mut out = String::with_capacity(text.len());
        for line in text.lines() {
            // `taakstelling: '6'` reads back as the same number written `taakstelling: 6`.
            let unquoted = line.rsplit_once(": '").and_then(|(key, rest)| {
                let digits = rest.strip_suffix('\'')?;
                let plain = !digits.is_empty()
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && (digits == "0" || !digits.starts_with('0'));
                plain.then(|| format!("{key}: {digits}"))
            });
            out.push_str(unquoted.as_deref().unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The scenario as JSON, with every value as a string (as the page sends it).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }
}

/// serde_json gives a number it cannot hold exactly as a float: `99999999999999999999` (beyond
/// 64 bits) came to the rules, and back in their message, as `100000000000000000000`, `2.50` as
/// `2.5`, `-0` as `-0.0`. Every number outside a string is put in quotes before parsing, so it
/// reaches the rules as written, as the page's form sends it. Only the value's type changes
/// (every field takes text or a number alike); text without numbers comes back as it is. The
/// column of a parse error in the quoted text is off, so [`Scenario::from_json`] takes its
/// error from the text as written.
fn quote_json_numbers(src: &str) -> std::borrow::Cow<'_, str> {
    let bytes = src.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    let mut in_string = false;
    // The open objects and lists, and the last byte outside strings that is not white space:
    // a number is a value after `:`, or in a list; where an object's key belongs (`{2026: …}`)
    // it stays, for the parser to refuse.
    let mut open: Vec<u8> = Vec::new();
    let mut prev = b' ';
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1, // the escaped byte is never the string's end
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
        } else if b == b'"' {
            in_string = true;
            prev = b;
            i += 1;
        } else if b == b'-' || b.is_ascii_digit() {
            let value = prev == b':' || open.last().is_none_or(|&c| c == b'[');
            let end = bytes[i..]
                .iter()
                .position(|c| !matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                .map_or(bytes.len(), |n| i + n);
            // Only a number as JSON writes it: `-`, `01` or `1.` stay as they are, for the
            // parser to refuse.
            if value && is_json_number(&bytes[i..end]) {
                let o = out.get_or_insert_with(|| String::with_capacity(src.len() + 16));
                o.push_str(&src[copied..i]);
                o.push('"');
                o.push_str(&src[i..end]);
                o.push('"');
                copied = end;
            }
            prev = b'0';
            i = end;
        } else {
            match b {
                b'{' | b'[' => open.push(b),
                b'}' | b']' => {
                    open.pop();
                }
                _ => {}
            }
            if !b.is_ascii_whitespace() {
                prev = b;
            }
            i += 1;
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&src[copied..]);
            std::borrow::Cow::Owned(o)
        }
        None => std::borrow::Cow::Borrowed(src),
    }
}

/// Whether `t` is a number as JSON writes it: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(t: &[u8]) -> bool {
    fn digits(t: &[u8]) -> usize {
        t.iter().take_while(|b| b.is_ascii_digit()).count()
    }
    let mut i = usize::from(t.first() == Some(&b'-'));
    match digits(&t[i..]) {
        0 => return false,
        n if n > 1 && t[i] == b'0' => return false,
        n => i += n,
    }
    if t.get(i) == Some(&b'.') {
        match digits(&t[i + 1..]) {
            0 => return false,
            n => i += 1 + n,
        }
    }
    if matches!(t.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(t.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        match digits(&t[i..]) {
            0 => return false,
            n => i += n,
        }
    }
    i == t.len()
}

/// YAML reads `0x10`, `0o10` and `0b110` as the numbers 16, 8 and 6, and `1.000` (a thousand, to a
/// Dutch reader) as the number 1.0; nobody writing a taakstelling means that. Such plain values, and
/// every number with a point or an exponent, are put in quotes before parsing, so they reach the
/// rules as written and are reported as `INVALID_NUMBER` quoting what was typed (`"1.000"`, not
/// `"1.0"`), as the page does. Text in quotes and comments is left alone; lines stay where they are.
#[cfg(feature = "yaml")]
fn quote_non_decimal_numbers(src: &str) -> std::borrow::Cow<'_, str> {
    fn is_prefixed(token: &str) -> bool {
        let t = token.strip_prefix(['-', '+']).unwrap_or(token);
        let b = t.as_bytes();
        b.len() > 2 && b[0] == b'0' && matches!(b[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B')
    }
    /// A number YAML reads as a float: `1.000`, `2.5`, `.5`, `1e3`, `-6.0E+2`.
    fn is_float(token: &str) -> bool {
        let t = token.strip_prefix(['-', '+']).unwrap_or(token);
        let (mantissa, exponent) = match t.find(['e', 'E']) {
            Some(at) => (&t[..at], Some(&t[at + 1..])),
            None => (t, None),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let exponent_ok = exponent.is_none_or(|e| {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && digits(e)
        });
        (mantissa.contains('.') || exponent.is_some())
            && !(whole.is_empty() && fraction.is_empty())
            && digits(whole)
            && digits(fraction)
            && exponent_ok
    }
    let may_hold = |c: char| c == '.' || c == 'e' || c == 'E' || c == 'x' || c == 'o' || c == 'b';
    if !src.contains(may_hold) || !src.contains(|c: char| c.is_ascii_digit()) {
        return std::borrow::Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 16);
    for line in src.split_inclusive('\n') {
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == '#' && prev.is_whitespace() => {
                    out.push_str(&line[i..]);
                    break;
                }
                None if (c.is_ascii_alphanumeric() || c == '-' || c == '+' || c == '.')
                    && matches!(prev, ' ' | '\t' | '[' | '{' | ',') =>
                {
                    let end = line[i..]
                        .find(|ch: char| {
                            !(ch.is_ascii_alphanumeric()
                                || ch == '_'
                                || ch == '-'
                                || ch == '+'
                                || ch == '.')
                        })
                        .map_or(line.len(), |n| i + n);
                    let token = &line[i..end];
                    let rest = line[end..].trim_start_matches([' ', '\t']);
                    let ends_value =
                        rest.is_empty() || rest.starts_with(['\n', '\r', ',', '}', ']', '#']);
                    // The whole value, not a word of a longer one (`naam: St. Anthonis 1.5`).
                    let before = line[..i].trim_end_matches([' ', '\t']);
                    let starts_value = before.ends_with([':', '[', '{', ','])
                        || before.trim_start_matches([' ', '\t']) == "-"
                        || before.ends_with(" -");
                    if (is_prefixed(token) || is_float(token)) && starts_value && ends_value {
                        out.push('"');
                        out.push_str(token);
                        out.push('"');
                    } else {
                        out.push_str(token);
                    }
                    prev = token.chars().last().unwrap_or(c);
                    while chars.peek().is_some_and(|&(j, _)| j < end) {
                        chars.next();
                    }
                    continue;
                }
                None => {}
            }
            out.push(c);
            prev = c;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Refuses a character YAML does not allow anywhere in its text (a C0 control but tab and line
/// ends, DEL, a C1 control but U+0085, U+FFFE, U+FFFF) at its line and column, naming it: the
/// YAML parser reports it at the start of the file.
#[cfg(feature = "yaml")]
fn check_control_characters(src: &str) -> Result<(), ParseError> {
    let forbidden = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{84}' | '\u{86}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}');
    let Some((line, column, c)) = textkit::hidden::first_where(src, forbidden) else {
        return Ok(());
    };
    Err(InputError {
        line: Some(line),
        column: Some(column),
        message: format!(
            "hier staat een onzichtbaar stuurteken ({}) in de tekst (het komt vaak mee bij kopiëren uit een ander programma)",
            textkit::hidden::code_point(c)
        ),
        hint: Some(
            "verwijder het teken: wis het woord waarin het staat en typ het opnieuw, zonder te kopiëren en te plakken"
                .into(),
        ),
    })
}

/// The field serde names in "duplicate field `periode`".
#[cfg(feature = "yaml")]
fn duplicate_field(message: &str) -> Option<&str> {
    let rest = &message[message.find("duplicate field `")? + "duplicate field `".len()..];
    rest.split('`').next()
}

/// The line and column (from 1) of the second `key:` of a block that starts at line `from`: the
/// next line, after the first, with the key at the same indentation, before the block ends (a
/// line indented less). Fields in braces on one line (`{ naam: A, naam: B }`) are not found.
#[cfg(feature = "yaml")]
fn second_key(src: &str, from: usize, key: &str) -> Option<(usize, usize)> {
    let mut first: Option<usize> = None;
    for (i, line) in src.lines().enumerate().skip(from.saturating_sub(1)) {
        let text = line.trim_start();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let indent = line.len() - text.len();
        // `- periode:`: the key of a list item stands after the dash.
        let (indent, text) = match text.strip_prefix("- ") {
            Some(rest) => (
                indent + 2 + rest.len() - rest.trim_start().len(),
                rest.trim_start(),
            ),
            None => (indent, text),
        };
        if first.is_some_and(|f| indent < f) {
            return None;
        }
        let is_key = text
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
        if is_key {
            match first {
                None => first = Some(indent),
                Some(f) if f == indent => return Some((i + 1, indent + 1)),
                Some(_) => {}
            }
        }
    }
    None
}

/// The first line (from 1) whose value begins with an apostrophe that the line does not close:
/// `naam: 's-Hertogenbosch` or `- 't Hogeland` (a closed one, `naam: 'Ameland'`, is fine).
#[cfg(feature = "yaml")]
fn unclosed_apostrophe(src: &str) -> Option<usize> {
    src.lines()
        .position(|line| {
            let text = line.split(" #").next().unwrap_or(line).trim();
            let value = text
                .split_once(": ")
                .map(|(_, v)| v)
                .or_else(|| text.strip_prefix("- "))
                .map(str::trim_start);
            value.is_some_and(|v| v.starts_with('\'') && v.matches('\'').count() % 2 == 1)
        })
        .map(|i| i + 1)
}

fn parse_error(line: Option<usize>, column: Option<usize>, raw: &str) -> ParseError {
    let mut error = InputError::from_parser(line, column, raw);
    // serde's "unknown field `x`, expected one of `a`, `b`": the closest allowed name, if one is
    // close, is the better hint.
    if let Some(hint) = unknown_field_hint(raw) {
        error.hint = Some(hint);
    }
    error
}

/// serde words an unknown field as "unknown field `x`, expected one of `a`, `b`": the names between
/// backticks are the misspelt field and the allowed ones.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = &message[message.find("unknown field ")? + "unknown field ".len()..];
    let quoted: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    let (field, allowed) = quoted.split_first()?;
    match closest(field, allowed.iter().copied(), 1).first() {
        Some(best) => Some(format!("bedoelde u `{best}`?")),
        None if !allowed.is_empty() => Some(format!(
            "hier kan: {}",
            allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        None => None,
    }
}

/// The most text the values of a YAML scenario may add up to once its aliases (`*naam`, which
/// repeat the value marked `&naam`) are written out, in bytes plus one per value: twice the
/// largest scenario the CLI reads (1 MB), or twice the text when that is longer, so that a text
/// without aliases never reaches it (an escape such as `\L` makes a value at most half again
/// as long as it is written). A few aliases fit; ten lines repeating a 400 KB value a thousand
/// times took 20 s and 3 GB before the limit, and are now refused at the first alias past it.
#[cfg(feature = "yaml")]
pub const MAX_EXPANDED_BYTES: usize = 2 * 1024 * 1024;

/// The marker of the error [`scalar`] gives once the budget is spent, recognised in
/// [`Scenario::from_yaml`] (serde_yaml adds the position).
const EXPANSION_EXCEEDED: &str = "scenario-expansion-exceeded";

std::thread_local! {
    /// What the values read so far may still add up to; `None` (JSON, whose values are all
    /// written out) counts nothing.
    static EXPANSION_LEFT: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// The budget of [`MAX_EXPANDED_BYTES`] for one YAML text, while it is read; dropped (also when
/// parsing fails), it leaves no budget behind.
#[cfg(feature = "yaml")]
struct ExpansionBudget;

#[cfg(feature = "yaml")]
impl ExpansionBudget {
    fn start(source_len: usize) -> ExpansionBudget {
        let budget = MAX_EXPANDED_BYTES.max(source_len.saturating_mul(2));
        EXPANSION_LEFT.with(|left| left.set(Some(budget)));
        ExpansionBudget
    }
}

#[cfg(feature = "yaml")]
impl Drop for ExpansionBudget {
    fn drop(&mut self) {
        EXPANSION_LEFT.with(|left| left.set(None));
    }
}

/// Takes `len` bytes (and one for the value) from the budget; an error when it is spent.
fn charge<E: serde::de::Error>(len: usize) -> Result<(), E> {
    EXPANSION_LEFT.with(|left| match left.get() {
        None => Ok(()),
        Some(n) => match n.checked_sub(len.saturating_add(1)) {
            Some(rest) => {
                left.set(Some(rest));
                Ok(())
            }
            None => Err(E::custom(EXPANSION_EXCEEDED)),
        },
    })
}

/// The refusal of a scenario whose aliases repeat more text than [`MAX_EXPANDED_BYTES`]: at
/// `line`, the value that was being repeated (serde_yaml gives the place of the anchored value,
/// not of the alias), and `path`, where the limit was passed.
#[cfg(feature = "yaml")]
fn expansion_error(line: Option<usize>, path: &str) -> ParseError {
    let at = if path.is_empty() {
        String::new()
    } else {
        format!(" (bij `{path}`)")
    };
    InputError {
        line,
        column: None,
        message: format!(
            "de waarde op deze regel wordt met verwijzingen (`*naam`, die de waarde bij `&naam` herhalen) zo vaak herhaald dat het scenario meer dan {} MB tekst wordt{at}",
            MAX_EXPANDED_BYTES / (1024 * 1024)
        ),
        hint: Some(
            "een scenario heeft geen verwijzingen nodig: schrijf elke waarde zelf uit, zonder `&` en `*`".into(),
        ),
    }
}

/// Accepts any scalar (string, number, boolean, null) and keeps it as text, so the rules can judge
/// it. Floats keep a decimal point (`6.0`) so that they are reported as not whole; large whole
/// floats (`1e20` in YAML) are written out in digits. JSON's numbers come as text already
/// ([`quote_json_numbers`]).
fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a single value (text, number or date)")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            charge(v.len())?;
            Ok(Some(v.to_string()))
        }
        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
            charge(v.len())?;
            Ok(Some(v))
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
            let text = v.to_string();
            charge(text.len())?;
            Ok(Some(text))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            let text = v.to_string();
            charge(text.len())?;
            Ok(Some(text))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            let text = v.to_string();
            charge(text.len())?;
            Ok(Some(text))
        }
        fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Self::Value, E> {
            let text = v.to_string();
            charge(text.len())?;
            Ok(Some(text))
        }
        fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Self::Value, E> {
            let text = v.to_string();
            charge(text.len())?;
            Ok(Some(text))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
            let text = if v.is_finite() && v.fract() == 0.0 && v.abs() >= 1e15 && v.abs() < 1e30 {
                format!("{v:.0}")
            } else {
                format!("{v:?}")
            };
            charge(text.len())?;
            Ok(Some(text))
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            charge(0)?;
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            charge(0)?;
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(V)
        }
    }
    d.deserialize_any(V)
}

/// A list, where `null` (a key written without value in YAML) counts as empty.
fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// A map, where `null` counts as empty; keys are kept as text (`2026-1`), whatever YAML makes of
/// them, so the rules can judge them.
fn map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Aantallen>, D::Error> {
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    struct Key(String);
    impl<'de> Deserialize<'de> for Key {
        fn deserialize<D2: Deserializer<'de>>(d: D2) -> Result<Key, D2::Error> {
            Ok(Key(scalar(d)?.unwrap_or_default()))
        }
    }
    let raw = Option::<BTreeMap<Key, Aantallen>>::deserialize(d)?;
    Ok(raw
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| (k.0, v))
        .collect())
}

/// The value if present and not blank.
pub fn filled(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "yaml")]
    #[test]
    fn yaml_written_for_the_page_reads_back_the_same() {
        let src = "periode: 2026-1\nbesluitdatum: 2026-02-10\ngemeenten:\n  - naam: Ameland\n    taakstelling: 6\n    nieuw: 0\n    perioden:\n      2026-1: { taakstelling: 2, nieuw: '007' }\npenvoerder:\n  gemeente: Heerenveen\n  naam: J. de Vries\n";
        let s = Scenario::parse(src).unwrap();
        let yaml = s.to_yaml();
        assert!(yaml.contains("taakstelling: 6\n"), "{yaml}");
        assert!(yaml.contains("'007'"), "leading zeros stay quoted: {yaml}");
        assert_eq!(Scenario::parse(&yaml).unwrap(), s, "{yaml}");
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn a_name_that_begins_with_an_apostrophe_is_named_at_its_line() {
        let src = "periode: 2026-1\ngemeenten:\n  - naam: 's-Hertogenbosch\n    taakstelling: 6\n    nieuw: 4\n  - naam: Ameland\n    taakstelling: 2\n    nieuw: 4\n";
        let e = Scenario::parse(src).unwrap_err();
        assert_eq!(e.line, Some(3), "{e:?}");
        assert!(
            e.hint
                .as_deref()
                .unwrap_or("")
                .contains("\"'s-Hertogenbosch\""),
            "{e:?}"
        );
        // Written as the hint says, it reads.
        let fixed = src.replace("'s-Hertogenbosch", "\"'s-Hertogenbosch\"");
        let s = Scenario::parse(&fixed).unwrap();
        assert_eq!(s.gemeenten[0].naam.as_deref(), Some("'s-Hertogenbosch"));
        // A closed quoted value is no mistake.
        assert_eq!(
            unclosed_apostrophe("naam: 'Ameland'\nx: '''s-Hertogenbosch'\n"),
            None
        );
    }

    #[test]
    fn yaml_scenario_keeps_every_value_as_text() {
        let s = Scenario::parse(
            "periode: 2026-1\nbesluitdatum: 2026-02-10\ngemeenten:\n  - naam: Ameland\n    taakstelling: 6\n    nieuw: 2.5\n  - naam: Urk\n    taakstelling: zes\n    nieuw: -3\n  - naam: Texel\n    taakstelling: 99999999999999999999\n    nieuw: true\n",
        )
        .unwrap();
        assert_eq!(s.periode.as_deref(), Some("2026-1"));
        assert_eq!(s.besluitdatum.as_deref(), Some("2026-02-10"));
        let g = &s.gemeenten;
        assert_eq!(g[0].taakstelling.as_deref(), Some("6"));
        assert_eq!(g[0].nieuw.as_deref(), Some("2.5"));
        assert_eq!(g[1].taakstelling.as_deref(), Some("zes"));
        assert_eq!(g[1].nieuw.as_deref(), Some("-3"));
        assert_eq!(g[2].taakstelling.as_deref(), Some("99999999999999999999"));
        assert_eq!(g[2].nieuw.as_deref(), Some("true"));
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn hex_octal_and_binary_numbers_stay_as_written() {
        let s = Scenario::parse("gemeenten:\n  - { naam: A, taakstelling: 0x10, nieuw: 0o10 }\n  - naam: \"B 0x1\" # 0b1\n    taakstelling: 0b110\n    nieuw: 12\n").unwrap();
        let g = &s.gemeenten;
        assert_eq!(g[0].taakstelling.as_deref(), Some("0x10"));
        assert_eq!(g[0].nieuw.as_deref(), Some("0o10"));
        assert_eq!(g[1].naam.as_deref(), Some("B 0x1"));
        assert_eq!(g[1].taakstelling.as_deref(), Some("0b110"));
        assert_eq!(g[1].nieuw.as_deref(), Some("12"));
        let e = Scenario::parse("periode: 2026-1\nfoo: 0x10\n").unwrap_err();
        assert_eq!(e.line, Some(2));
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn numbers_with_a_point_or_an_exponent_stay_as_written() {
        let s = Scenario::parse(
            "periode: 2026-1\ngemeenten:\n  - { naam: A, taakstelling: 1.000, nieuw: 6.0 }\n  - naam: St. Anthonis 1.5 # 2.5\n    taakstelling: -1e3\n    nieuw: .5\n  - { naam: \"C 1.000\", taakstelling: '2.500', nieuw: 12 }\n",
        )
        .unwrap();
        let g = &s.gemeenten;
        assert_eq!(g[0].taakstelling.as_deref(), Some("1.000"));
        assert_eq!(g[0].nieuw.as_deref(), Some("6.0"));
        assert_eq!(g[1].naam.as_deref(), Some("St. Anthonis 1.5"));
        assert_eq!(g[1].taakstelling.as_deref(), Some("-1e3"));
        assert_eq!(g[1].nieuw.as_deref(), Some(".5"));
        assert_eq!(g[2].naam.as_deref(), Some("C 1.000"));
        assert_eq!(g[2].taakstelling.as_deref(), Some("2.500"));
        assert_eq!(g[2].nieuw.as_deref(), Some("12"));
        assert_eq!(s.periode.as_deref(), Some("2026-1"));
    }

    #[test]
    fn json_huge_number_is_kept_in_digits_and_whole_float_keeps_its_point() {
        let s = Scenario::from_json(
            r#"{"gemeenten":[{"naam":"A","taakstelling":99999999999999999999,"nieuw":6.0}]}"#,
        )
        .unwrap();
        assert_eq!(
            s.gemeenten[0].taakstelling.as_deref(),
            Some("99999999999999999999")
        );
        assert_eq!(s.gemeenten[0].nieuw.as_deref(), Some("6.0"));
    }

    #[test]
    fn json_numbers_reach_the_rules_as_written() {
        let s = Scenario::from_json(
            r#"{ "periode" : "2026-1" , "gemeenten" : [ {"naam":"A\"1\\","taakstelling":-0,"nieuw":2.50},
                {"naam":"B 12","taakstelling":1E3,"nieuw":-12345678901234567890123}, {"naam":"C","taakstelling":1e400,"nieuw":6} ] }"#,
        )
        .unwrap();
        let numbers: Vec<(Option<&str>, Option<&str>, Option<&str>)> = s
            .gemeenten
            .iter()
            .map(|g| {
                (
                    g.naam.as_deref(),
                    g.taakstelling.as_deref(),
                    g.nieuw.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            numbers,
            [
                (Some("A\"1\\"), Some("-0"), Some("2.50")),
                (Some("B 12"), Some("1E3"), Some("-12345678901234567890123")),
                (Some("C"), Some("1e400"), Some("6")),
            ]
        );
        // A number where a list belongs, or broken syntax after a number: the error of the text
        // as written, at its place.
        let e = Scenario::from_json("{\"gemeenten\": 12}").unwrap_err();
        assert_eq!((e.line, e.column), (Some(1), Some(16)), "{e:?}");
        let e =
            Scenario::from_json("{\"gemeenten\": [{\"naam\": \"A\", \"nieuw\": 6,}]}").unwrap_err();
        assert_eq!((e.line, e.column), (Some(1), Some(41)), "{e:?}");
        assert_eq!(quote_json_numbers("{\"a\": \"12\"}"), "{\"a\": \"12\"}");
        assert_eq!(
            quote_json_numbers("[1, {\"a\": [2, -3.5e2], \"b\": {4: 5}}]"),
            "[\"1\", {\"a\": [\"2\", \"-3.5e2\"], \"b\": {4: \"5\"}}]"
        );
        // A number where an object's key belongs stays refused.
        let e = Scenario::from_json(
            "{\"gemeenten\": [{\"naam\": \"A\", \"perioden\": {2026: {\"taakstelling\": 6}}}]}",
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (Some(1), Some(43)), "{e:?}");
        assert!(
            e.message.contains("tussen dubbele aanhalingstekens"),
            "{e:?}"
        );
        // What JSON does not take as a number stays refused.
        for bad in ["-", "01", "1.", "1e", "1e+", "-.5", "1.5.2", "2-3"] {
            let src = format!("{{\"gemeenten\": [{{\"naam\": \"A\", \"nieuw\": {bad}}}]}}");
            assert!(Scenario::from_json(&src).is_err(), "{src}");
            assert!(!is_json_number(bad.as_bytes()), "{bad}");
        }
        for good in ["0", "-0", "12", "2.50", "1E3", "1e-7", "-1.5E+30"] {
            assert!(is_json_number(good.as_bytes()), "{good}");
        }
        assert!(matches!(
            quote_json_numbers("{\"a\": true}"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn unknown_field_is_a_parse_error_with_line_and_hint() {
        let e = Scenario::parse("periode: 2026-1\nbekendmakingg: 2026-02-12\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert_eq!(e.message, "onbekend veld `bekendmakingg`");
        assert_eq!(e.hint.as_deref(), Some("bedoelde u `bekendmaking`?"));
        let e = Scenario::parse("gemeenten:\n  - naam: Urk\n    taakstellingen: 3\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert_eq!(e.hint.as_deref(), Some("bedoelde u `taakstelling`?"));
    }

    /// Broken files as officials write them: each error in Dutch, at its line, with a fix, and
    /// nothing of the parser's English.
    #[cfg(feature = "yaml")]
    #[test]
    fn broken_files_are_explained_in_dutch_at_their_line_with_a_fix() {
        let cases: [(&str, usize, &str); 13] = [
            ("periode: 2026-1\n  gemeenten: []\n", 2, "`: `"),
            (
                "periode: 2026-1\ngemeenten:\n  - naam: Urk\n   taakstelling: 3\n",
                4,
                "springt anders in",
            ),
            ("periode: 2026-1\nbekendmaking: let op: later\n", 2, "`: `"),
            (
                "periode: 2026-1\ngemeenten: Urk\n",
                2,
                "maar er hoort een lijst",
            ),
            ("periode: 2026-1\n\tgemeenten: []\n", 2, "tab"),
            (
                "periode: 2026-1\nperiode: 2026-2\n",
                2,
                "staat er twee keer",
            ),
            (
                "periode: 2026-1\ngemeenten:\n  - naam: Urk\n    taakstelling: 3\n    naam: Ameland\n",
                5,
                "staat er twee keer",
            ),
            ("periode: @x\n", 1, "kan niet beginnen"),
            ("periode: \"a\\qb\"\n", 1, "`\\`"),
            ("gemeenten:\n  - Urk\n", 2, "er horen velden op eigen regels"),
            (
                "periode: 2026-1\ngemeenten:\n- naam: Urk\n  - x\n",
                4,
                "springt anders in",
            ),
            ("{\"periode\": \"2026-1\",}", 1, "komma"),
            ("{\"periode\": 2026-1}", 1, "komma of `}`"),
        ];
        for (file, line, dutch) in cases {
            let e = Scenario::parse(file).unwrap_err();
            assert_eq!(e.line, Some(line), "{file:?}: {e}");
            assert!(e.message.contains(dutch), "{file:?}: {e}");
            assert!(
                e.hint.as_ref().is_some_and(|h| !h.is_empty()),
                "{file:?}: {e}"
            );
            let text = e.to_string();
            for english in [
                "found", "expected", "invalid", "while", " at line", "mapping", "sequence",
            ] {
                assert!(!text.contains(english), "English `{english}` in {text}");
            }
        }
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let e = Scenario::from_json("{\n  \"periode\": \"2026-1\",\n  \"gemeenten\": [\n}")
            .unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.column.is_some());
        assert!(!e.message.contains(" at line "), "{}", e.message);
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn wrong_shape_is_a_parse_error_with_line() {
        let e = Scenario::parse("periode: 2026-1\ngemeenten:\n  naam: Ameland\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        let e = Scenario::parse("periode: [2026-1]\n").unwrap_err();
        assert_eq!(e.line, Some(1), "{e}");
        let e = Scenario::parse("periode: 2026-1\n  x: [\n").unwrap_err();
        assert!(e.line.is_some(), "{e}");
    }

    #[test]
    fn a_scenario_with_more_rows_than_municipalities_exist_is_refused() {
        let row = r#"{"naam":"X","taakstelling":1,"nieuw":1}"#;
        let json = |n: usize| {
            format!(
                r#"{{"periode":"2026-1","gemeenten":[{}]}}"#,
                vec![row; n].join(",")
            )
        };
        assert_eq!(
            Scenario::from_json(&json(MAX_MUNICIPALITIES))
                .unwrap()
                .gemeenten
                .len(),
            MAX_MUNICIPALITIES
        );
        let e = Scenario::from_json(&json(MAX_MUNICIPALITIES + 1)).unwrap_err();
        assert!(e.message.contains("401 rijen"), "{e}");
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn deeply_nested_yaml_is_refused_at_its_place_before_parsing() {
        // 100,000 `[` took the YAML parser minutes; now it is refused at once, at the 33rd.
        let text = format!("periode: 2026-1\ngemeenten: {}\n", "[".repeat(100_000));
        let e = Scenario::parse(&text).unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(12 + 32)), "{e}");
        assert!(e.message.contains("32 niveaus"), "{e}");
        // The lists beside a scenario too.
        let e = crate::municipalities::MunicipalityList::from_yaml(&text).unwrap_err();
        assert_eq!(e[0].line, Some(2), "{e:?}");
        let e = crate::addressees::ministries_from_yaml(&text).unwrap_err();
        assert_eq!(e[0].line, Some(2), "{e:?}");
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn aliases_that_repeat_a_long_value_are_refused_at_their_line() {
        // 410 KB that repeated a 400,000-character value a thousand times: 20 s and 700 MB
        // before anything was printed.
        let long = "x".repeat(400_000);
        let rows = "{van: *s, naar: *s}, ".repeat(500);
        let src = format!(
            "periode: 2026-1\nuitzondering: &s \"{long}\"\ngemeenten:\n  - {{ naam: Ameland, taakstelling: 6, nieuw: 0 }}\noverdrachten: [{rows}]\n"
        );
        let e = Scenario::parse(&src).unwrap_err();
        // The value repeated, and where the limit was passed.
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("verwijzingen"), "{e}");
        assert!(e.message.contains("(bij `overdrachten[2].van`)"), "{e}");
        assert!(e.to_string().len() < 400, "{e}");
        assert!(
            e.hint
                .as_deref()
                .unwrap_or("")
                .contains("zonder `&` en `*`"),
            "{e}"
        );
        // Maps repeated in every row are counted too.
        let map = (1..=40)
            .map(|y| format!("{}-1: {{taakstelling: 1, nieuw: 1}}", 2000 + y))
            .collect::<Vec<_>>()
            .join(", ");
        let rows: String = (0..20_000)
            .map(|i| format!("  - {{naam: G{i}, perioden: *p}}\n"))
            .collect();
        let src = format!("gemeenten:\n  - {{naam: A, perioden: &p {{{map}}}}}\n{rows}");
        let e = Scenario::parse(&src).unwrap_err();
        assert!(e.message.contains("verwijzingen"), "{e}");
        // A few aliases, and a long value written once, are fine.
        let s = Scenario::parse(
            "periode: &p 2026-1\ntot_en_met: *p\nbesluitdatum: &d 2026-02-10\nbekendmaking: *d\n",
        )
        .unwrap();
        assert_eq!(s.bekendmaking.as_deref(), Some("2026-02-10"));
        assert_eq!(s.tot_en_met.as_deref(), Some("2026-1"));
        let s = Scenario::parse(&format!("uitzondering: \"{}\"\n", "\\L".repeat(500_000))).unwrap();
        assert_eq!(s.uitzondering.map(|u| u.chars().count()), Some(500_000));
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn a_control_character_is_named_at_its_line_and_column() {
        // It was reported at 1:1, with "typ de regel opnieuw".
        for (c, code) in [
            ('\u{1}', "U+0001"),
            ('\u{0}', "U+0000"),
            ('\u{7F}', "U+007F"),
        ] {
            let src = format!("periode: 2026-1\ngemeenten:\n  - {{ naam: Ameland, taakstelling: 6, nieuw: 0 }}\n  - {{ naam: Heeren{c}veen, taakstelling: 10, nieuw: 16 }}\n");
            let e = Scenario::parse(&src).unwrap_err();
            assert_eq!((e.line, e.column), (Some(4), Some(19)), "{e}");
            assert!(e.message.contains(&format!("({code})")), "{e}");
        }
        // After a character of more than one byte, the column counts characters.
        let e = Scenario::parse("gemeenten:\n  - naam: Súdwest\u{1B}\n").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(18)), "{e}");
        // Tabs and line ends are no such characters (a tab inside a value is the rules' to judge).
        assert!(Scenario::parse("periode: \"2026-1\\t\"\r\nbesluitdatum: 2026-02-10\r\n").is_ok());
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn json_and_yaml_read_the_same_scenario() {
        let y = Scenario::parse(
            "periode: 2026-1\ngemeenten:\n  - { naam: Ameland, taakstelling: 6 }\n",
        )
        .unwrap();
        let j = Scenario::parse(
            r#"{"periode":"2026-1","gemeenten":[{"naam":"Ameland","taakstelling":6}]}"#,
        )
        .unwrap();
        assert_eq!(y, j);
        assert_eq!(Scenario::from_json(&y.to_json()).unwrap(), y);
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn empty_file_and_null_lists_are_an_empty_scenario() {
        assert_eq!(Scenario::parse("").unwrap(), Scenario::default());
        assert_eq!(
            Scenario::parse("gemeenten:\n").unwrap(),
            Scenario::default()
        );
    }
}
