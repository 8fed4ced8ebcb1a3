//! What a YAML or JSON parser's message means, in Dutch, for an editor or an official: the
//! parsers (serde_yaml with libyaml's wording, serde_json, serde itself) say what went wrong in
//! English and in their own terms ("did not find expected key", "invalid type: string, expected a
//! sequence"). [`explain`] turns the kinds of message an editor can cause into a sentence that says
//! what is wrong and one that says how to fix it; a message it does not know gets a general Dutch
//! sentence, never the English one. The position stays with the caller, who knows it as numbers.
//!
//! It works on the message text, so it needs no parser itself and builds for WebAssembly.

/// A parser's message explained: what is wrong and how to fix it, both in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub problem: String,
    pub fix: String,
}

/// The general fix, for a message this module does not know.
pub const GENERAL_FIX: &str = "controleer het inspringen (alleen spaties, velden van één blok even ver), \
     en zet een waarde met `: ` of met een bijzonder teken aan het begin (zoals `[`, `{`, `*`, `&`, `#`, `'` of `\"`) \
     tussen dubbele aanhalingstekens";

/// `raw`: the parser's message, with or without its " at line L column C".
pub fn explain(raw: &str) -> Explained {
    let message = without_positions(raw);
    // serde_yaml puts the path of the value in front: `gemeenten[0].naam: invalid type: …`.
    let (field, rest) = split_path(&message);
    let mut explained = explain_kind(rest);
    if let Some(field) = field {
        explained.problem = format!("bij `{field}`: {}", explained.problem);
    }
    explained
}

fn e(problem: impl Into<String>, fix: impl Into<String>) -> Explained {
    Explained {
        problem: problem.into(),
        fix: fix.into(),
    }
}

/// Part of a parser's message: somewhere in it, or at its start.
enum Pattern {
    Has(&'static str),
    Starts(&'static str),
}
use Pattern::{Has, Starts};

/// What a rule says: fixed sentences, or sentences made from the message (the names it quotes).
enum Then {
    Text(&'static str, &'static str),
    /// `None` when the message is not of the form after all: the next rules are tried.
    Made(fn(&str) -> Option<Explained>),
}

/// A kind of message: it matches when every group of `when` has a pattern that matches (a
/// group is a choice: any of its patterns).
struct Rule {
    when: &'static [&'static [Pattern]],
    then: Then,
}

/// The kinds of message an editor can cause, tried in order (the first that matches explains
/// the message): the parsers' more specific wordings come before the general ones.
const RULES: &[Rule] = &[
    Rule {
        when: &[&[Has("end of stream"), Has("EOF while parsing")], &[Has("quoted scalar"), Has("EOF while parsing a string")]],
        then: Then::Text(
            "de tekst tussen aanhalingstekens wordt niet gesloten: het bestand houdt op voordat het afsluitende aanhalingsteken komt",
            "zet aan het eind van de waarde hetzelfde aanhalingsteken als aan het begin (`\"…\"` of `'…'`), of haal het aanhalingsteken aan het begin weg",
        ),
    },
    Rule {
        when: &[&[Has("end of stream"), Has("EOF while parsing")], &[Has("flow sequence"), Has("EOF while parsing a list")]],
        then: Then::Text(
            "de lijst die met `[` begint, wordt niet gesloten",
            "sluit de lijst met `]`, of schrijf elk item op een eigen regel die begint met `- `",
        ),
    },
    Rule {
        when: &[&[Has("end of stream"), Has("EOF while parsing")], &[Has("flow mapping"), Has("EOF while parsing an object")]],
        then: Then::Text(
            "het blok dat met `{` begint, wordt niet gesloten",
            "sluit het blok met `}` (in JSON: elke `{` en `[` heeft een `}` of `]`)",
        ),
    },
    Rule {
        when: &[&[Has("end of stream"), Has("EOF while parsing")]],
        then: Then::Text(
            "het bestand houdt midden in een waarde op",
            "maak de laatste regel af of verwijder hem",
        ),
    },
    // textkit's own `DateError`, which reaches a parser's message through serde.
    Rule {
        when: &[&[Has("expected a date written as YYYY-MM-DD")]],
        then: Then::Text(
            "dit is geen datum zoals de kennisbank die leest",
            "schrijf de datum als JJJJ-MM-DD, zoals 2026-02-10",
        ),
    },
    Rule {
        when: &[&[Has("does not exist in the calendar")]],
        then: Then::Text(
            "deze dag bestaat niet in de kalender",
            "controleer de maand en de dag (JJJJ-MM-DD), zoals 2026-02-28",
        ),
    },
    Rule {
        when: &[&[Has("tab character")]],
        then: Then::Text(
            "er staat een tab waar YAML spaties verwacht om in te springen",
            "vervang de tab door spaties",
        ),
    },
    Rule {
        when: &[&[Has("control character")]],
        then: Then::Text(
            "er staat een onzichtbaar stuurteken in de tekst (het komt vaak mee bij kopiëren uit een ander programma)",
            "typ de regel opnieuw of verwijder het teken",
        ),
    },
    Rule {
        when: &[&[Has("mapping values are not allowed")]],
        then: Then::Text(
            "hier staat `: ` waar geen nieuw veld kan beginnen: de waarde bevat zelf `: `, of de regel springt in onder een veld dat al een waarde heeft",
            "zet een waarde met `: ` erin tussen dubbele aanhalingstekens (`veld: \"a: b\"`), en laat een nieuw veld even ver inspringen als het veld erboven",
        ),
    },
    Rule {
        when: &[&[Has("did not find expected key")]],
        then: Then::Text(
            "deze regel springt anders in dan de velden erboven, of er staat tekst na een waarde die al af is",
            "laat de velden van één blok precies even ver inspringen (met spaties), en zet een waarde met aanhalingstekens of `: ` erin helemaal tussen dubbele aanhalingstekens",
        ),
    },
    Rule {
        when: &[&[Has("did not find expected '-' indicator")]],
        then: Then::Text(
            "deze regel springt anders in dan de lijst erboven",
            "begin elk item van de lijst met `- ` op dezelfde inspringing, en laat de velden van één item even ver inspringen",
        ),
    },
    Rule {
        when: &[&[Has("block sequence entries are not allowed")]],
        then: Then::Text(
            "hier begint `- ` een lijst op een plek waar geen lijst kan beginnen",
            "zet het veld van de lijst op een eigen regel (`gemeenten:`) met de items eronder, elk op een eigen regel die met `- ` begint",
        ),
    },
    Rule {
        when: &[&[Has("did not find expected node content"), Starts("expected value")]],
        then: Then::Text(
            "hier wordt een waarde verwacht, maar er staat niets of een los leesteken",
            "vul de waarde in, of zet tekst met leestekens tussen dubbele aanhalingstekens",
        ),
    },
    Rule {
        when: &[&[Has("expected ',' or ']'"), Has("expected `,` or `]`")]],
        then: Then::Text(
            "in de lijst tussen `[` en `]` wordt hier een komma of `]` verwacht",
            "scheid de waarden met komma's, sluit de lijst met `]`, en zet tekst met een komma of leesteken tussen dubbele aanhalingstekens",
        ),
    },
    Rule {
        when: &[&[Has("expected ',' or '}'"), Has("expected `,` or `}`")]],
        then: Then::Text(
            "in het blok tussen `{` en `}` wordt hier een komma of `}` verwacht",
            "scheid de velden met komma's, sluit het blok met `}`, en zet tekst tussen dubbele aanhalingstekens",
        ),
    },
    Rule {
        when: &[&[Has("could not find expected ':'"), Has("expected `:`")]],
        then: Then::Text(
            "hier ontbreekt de dubbele punt na de veldnaam",
            "schrijf het veld als `veld: waarde`",
        ),
    },
    Rule {
        when: &[&[Has("cannot start any token")]],
        then: Then::Text(
            "een waarde kan niet beginnen met het teken dat hier staat (zoals `@`, `` ` ``, `%` of een tab)",
            "zet de hele waarde tussen dubbele aanhalingstekens, en spring in met spaties",
        ),
    },
    Rule {
        when: &[&[Has("unknown escape"), Has("invalid escape"), Has("unicode code point"), Has("surrogate")]],
        then: Then::Text(
            "tussen dubbele aanhalingstekens staat een `\\` met een teken erna dat geen betekenis heeft",
            "schrijf `\\\\` voor een backslash, of zet de waarde tussen enkele aanhalingstekens (`'…'`)",
        ),
    },
    Rule {
        when: &[&[Has("unknown anchor"), Has("undefined alias"), Has("did not find expected alphabetic or numeric character")]],
        then: Then::Text(
            "een waarde die met `*` of `&` begint, leest YAML als een verwijzing",
            "zet de waarde tussen dubbele aanhalingstekens",
        ),
    },
    Rule {
        when: &[&[Has("repetition limit exceeded")]],
        then: Then::Text(
            "de tekst herhaalt zich via verwijzingen zo vaak dat hij niet gelezen wordt",
            "schrijf elke waarde zelf op zijn plek, zonder `&naam` en `*naam`",
        ),
    },
    Rule {
        when: &[&[Has("recursion limit exceeded")]],
        then: Then::Text(
            "de lijsten en blokken zijn hier zo diep in elkaar genest dat de tekst niet gelezen wordt",
            "de velden zijn een paar niveaus diep: kijk of hier een reeks ingesprongen regels of `- ` is geplakt, en haal die weg",
        ),
    },
    Rule {
        when: &[&[Has("more than one document")]],
        then: Then::Text(
            "het bestand bevat meer dan één deel, gescheiden door een regel `---`",
            "houd één deel per bestand: verwijder de regel `---` en wat erna komt, of zet het in een eigen bestand",
        ),
    },
    Rule {
        when: &[&[Has("duplicate field `"), Has("duplicate entry with key \"")]],
        then: Then::Made(duplicate_field),
    },
    Rule {
        when: &[&[Starts("duplicate entry")]],
        then: Then::Text(
            "een veld of naam staat er twee keer",
            "houd er één en verwijder de andere",
        ),
    },
    Rule {
        when: &[&[Has("missing field `")]],
        then: Then::Made(missing_field),
    },
    Rule {
        when: &[&[Has("unknown field `")]],
        then: Then::Made(unknown_field),
    },
    Rule {
        when: &[&[Has("unknown variant `")]],
        then: Then::Made(unknown_variant),
    },
    Rule {
        when: &[&[Starts("invalid type: "), Starts("invalid value: ")]],
        then: Then::Made(wrong_kind),
    },
    Rule {
        when: &[&[Starts("invalid length")]],
        then: Then::Text(
            "deze lijst heeft niet het juiste aantal items",
            "vergelijk de lijst met een voorbeeld en vul aan of haal weg",
        ),
    },
    Rule {
        when: &[&[Starts("trailing comma")]],
        then: Then::Text(
            "na de laatste waarde staat nog een komma",
            "verwijder de komma voor `]` of `}`",
        ),
    },
    Rule {
        when: &[&[Starts("trailing characters")]],
        then: Then::Text(
            "na het einde staat nog tekst",
            "verwijder wat na de laatste `}` staat",
        ),
    },
    Rule {
        when: &[&[Starts("key must be a string")]],
        then: Then::Text(
            "een veldnaam staat in JSON tussen dubbele aanhalingstekens",
            "schrijf `\"veld\": waarde`",
        ),
    },
    // serde_json's `1e400`: a number, but beyond what can be read at all.
    Rule {
        when: &[&[Starts("number out of range")]],
        then: Then::Text(
            "dit getal is te groot om te kunnen lezen",
            "vul een getal in met minder cijfers of een kleinere macht van tien; misschien is er een cijfer te veel getikt",
        ),
    },
    Rule {
        when: &[&[Starts("expected ident"), Starts("invalid number")]],
        then: Then::Text(
            "hier staat een waarde die JSON niet kent: alleen getallen, `true`, `false` en `null` staan zonder aanhalingstekens",
            "zet tekst (ook een periode als `2026-1` of een datum) tussen dubbele aanhalingstekens",
        ),
    },
];

fn explain_kind(m: &str) -> Explained {
    let matches = |p: &Pattern| match p {
        Has(s) => m.contains(s),
        Starts(s) => m.starts_with(s),
    };
    RULES
        .iter()
        .filter(|r| r.when.iter().all(|group| group.iter().any(matches)))
        .find_map(|r| match r.then {
            Then::Text(problem, fix) => Some(e(problem, fix)),
            Then::Made(made) => made(m),
        })
        .unwrap_or_else(|| {
            e(
                "deze tekst volgt de schrijfwijze van het bestand niet",
                GENERAL_FIX,
            )
        })
}

fn duplicate_field(m: &str) -> Option<Explained> {
    let name = after_backtick(m, "duplicate field `")
        .or_else(|| after_quote(m, "duplicate entry with key \""))?;
    Some(e(
        format!("het veld `{name}` staat er twee keer"),
        format!("een veld mag één keer voorkomen: houd één regel `{name}:` en verwijder de andere"),
    ))
}

fn missing_field(m: &str) -> Option<Explained> {
    let name = after_backtick(m, "missing field `")?;
    Some(e(
        format!("het veld `{name}` ontbreekt"),
        format!("voeg een regel `{name}: …` toe"),
    ))
}

fn unknown_field(m: &str) -> Option<Explained> {
    let name = after_backtick(m, "unknown field `")?;
    let allowed = quoted_names(m).into_iter().skip(1).collect::<Vec<_>>();
    let fix = if allowed.is_empty() {
        "verwijder het veld".to_string()
    } else {
        format!("hier kan: {}", allowed.join(", "))
    };
    Some(e(format!("onbekend veld `{name}`"), fix))
}

fn unknown_variant(m: &str) -> Option<Explained> {
    let name = after_backtick(m, "unknown variant `")?;
    let allowed = quoted_names(m).into_iter().skip(1).collect::<Vec<_>>();
    Some(e(
        format!("`{name}` is hier geen geldige waarde"),
        if allowed.is_empty() {
            GENERAL_FIX.to_string()
        } else {
            format!("kies uit: {}", allowed.join(", "))
        },
    ))
}

/// serde's `invalid type: string "Urk", expected a sequence` (or `invalid value: …`).
fn wrong_kind(m: &str) -> Option<Explained> {
    let rest = m
        .strip_prefix("invalid type: ")
        .or_else(|| m.strip_prefix("invalid value: "))?;
    let (found, expected) = rest.split_once(", expected ")?;
    if let Some(explained) = whole_number_out_of_range(found, expected) {
        return Some(explained);
    }
    let wanted = expected_nl(expected);
    // "er horen velden", "er hoort een lijst".
    let verb = if wanted.starts_with("velden") {
        "horen"
    } else {
        "hoort"
    };
    let problem = if m.starts_with("invalid type") {
        format!("hier staat {}, maar er {verb} {wanted}", found_nl(found))
    } else {
        format!("{} kan hier niet: er {verb} {wanted}", found_nl(found))
    };
    Some(e(problem, fix_for(expected)))
}

/// A whole number the field cannot hold: serde's `invalid value: integer `-5`, expected u32`, or
/// serde_yaml's `invalid type: integer `99999999999999999999` as u128, expected …` for a number
/// too large for any field. The editor did type a whole number, so the message says what is wrong
/// with it (too large, negative) and the range the field takes, in Dutch number format.
fn whole_number_out_of_range(found: &str, expected: &str) -> Option<Explained> {
    let found = found.strip_prefix("integer `")?;
    let (digits, wider) = found.split_once('`')?;
    let negative = digits.starts_with('-');
    let value: Option<i128> = digits.parse().ok();
    let shown = format!("het getal `{digits}`");
    let Some((min, max)) = integer_range(expected) else {
        // `as u128`/`as i128`: beyond what a YAML value holds, so beyond every field's range.
        if !wider.contains(" as ") {
            return None;
        }
        return Some(if negative {
            e(
                format!("{shown} ligt te ver onder nul om te kunnen lezen"),
                "een aantal of volgorde is 0 of meer: laat het minteken weg en controleer het aantal cijfers",
            )
        } else {
            e(
                format!("{shown} is te groot om te kunnen lezen"),
                "vul een getal in met minder cijfers; misschien is er een cijfer te veel getikt",
            )
        });
    };
    let range = format!(
        "een heel getal van {} tot en met {}",
        dutch_number(min),
        dutch_number(max)
    );
    let too_small = value.map_or(negative, |v| v < min);
    let too_large = value.map_or(!negative, |v| v > max);
    let (problem, fix) = if negative && min == 0 {
        (
            format!("{shown} is negatief: er hoort {range}"),
            "laat het minteken weg, of vul 0 of meer in".to_string(),
        )
    } else if too_small {
        (
            format!("{shown} is te klein: er hoort {range}"),
            format!("vul een getal in van ten minste {}", dutch_number(min)),
        )
    } else if too_large {
        (
            format!("{shown} is te groot: er hoort {range}"),
            format!(
                "vul een getal in van ten hoogste {}; misschien is er een cijfer te veel getikt",
                dutch_number(max)
            ),
        )
    } else {
        return None;
    };
    Some(e(problem, fix))
}

/// The range of a Rust integer type as serde names it in "expected u32".
fn integer_range(expected: &str) -> Option<(i128, i128)> {
    Some(match expected.trim() {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" => (0, u64::MAX.into()),
        "usize" => (0, usize::MAX as i128),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        "isize" => (isize::MIN as i128, isize::MAX as i128),
        _ => return None,
    })
}

/// A whole number the Dutch way, with a point between thousands: `4.294.967.295`, `-128`.
fn dutch_number(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// serde's name of what it found (`string "Urk"`, `integer `3``, `sequence`, …) in Dutch.
fn found_nl(found: &str) -> String {
    let (kind, value) = match found.split_once([' ']) {
        Some((k, v)) => (k, Some(v.trim_matches(['"', '`']))),
        None => (found, None),
    };
    let with = |what: &str| match value {
        Some(v) if !v.is_empty() => format!("{what} `{v}`"),
        _ => what.to_string(),
    };
    match kind {
        "string" | "char" => with("de tekst"),
        "integer" | "floating" => {
            let v = found.rsplit('`').nth(1).unwrap_or("");
            if v.is_empty() {
                "een getal".to_string()
            } else {
                format!("het getal `{v}`")
            }
        }
        "boolean" => with("de waarde"),
        "sequence" => "een lijst".to_string(),
        "map" => "velden (`veld: waarde`)".to_string(),
        "unit" | "null" | "none" | "Option" => "geen waarde".to_string(),
        "enum" => "een waarde met een label (`!…`)".to_string(),
        _ => "een waarde van een andere soort".to_string(),
    }
}

/// serde's name of what it expected (`a sequence`, `struct Gemeente`, …) in Dutch.
fn expected_nl(expected: &str) -> String {
    let x = expected.trim();
    if x.contains("sequence") || x.contains("list") {
        "een lijst (items op eigen regels die met `- ` beginnen)".into()
    } else if x.starts_with("struct") || x.contains("map") {
        "velden op eigen regels (`veld: waarde`)".into()
    } else if x.contains("single value") {
        "één waarde (tekst, getal of datum)".into()
    } else if x.contains("integer") || x.starts_with('u') || x.starts_with('i') {
        "een heel getal".into()
    } else if x.contains("bool") {
        "`true` of `false`".into()
    } else if x.contains("string") || x.contains("char") {
        "tekst".into()
    } else if x.contains("date") {
        "een datum (JJJJ-MM-DD)".into()
    } else {
        "een waarde van een andere soort".into()
    }
}

fn fix_for(expected: &str) -> String {
    let x = expected.trim();
    if x.contains("sequence") || x.contains("list") {
        "schrijf de items onder het veld, elk op een eigen regel die begint met `- `".into()
    } else if x.starts_with("struct") || x.contains("map") {
        "schrijf de velden onder elkaar, elk als `veld: waarde`, even ver ingesprongen".into()
    } else if x.contains("single value") || x.contains("string") {
        "schrijf één waarde na de dubbele punt, zonder `[`, `{` of `- `; zet tekst met zulke tekens tussen dubbele aanhalingstekens".into()
    } else {
        "vergelijk de regel met een voorbeeld en schrijf de waarde op dezelfde manier".into()
    }
}

/// The message without the positions the parsers add (" at line 3 column 1"), which the caller
/// reports in its own words.
pub fn without_positions(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " at line ".len()..];
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let n = digits(after);
        let mut skip = n;
        if let Some(col) = after[n..].strip_prefix(" column ") {
            skip = n + " column ".len() + digits(col);
        }
        rest = &after[skip..];
    }
    out.push_str(rest);
    out
}

/// serde_yaml's `path.to[0].field: message` as the last field name and the message.
fn split_path(message: &str) -> (Option<&str>, &str) {
    if let Some((path, rest)) = message.split_once(": ") {
        let is_path = !path.is_empty()
            && path
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'));
        if is_path && !path.contains(' ') {
            let last = path
                .rsplit('.')
                .map(|p| p.split('[').next().unwrap_or(p))
                .find(|p| !p.is_empty());
            return (last, rest);
        }
    }
    (None, message)
}

fn after_backtick<'a>(m: &'a str, prefix: &str) -> Option<&'a str> {
    let at = m.find(prefix)?;
    m[at + prefix.len()..].split('`').next()
}

fn after_quote<'a>(m: &'a str, prefix: &str) -> Option<&'a str> {
    let at = m.find(prefix)?;
    m[at + prefix.len()..].split('"').next()
}

/// The names between backticks, each with its backticks.
fn quoted_names(m: &str) -> Vec<String> {
    m.split('`')
        .skip(1)
        .step_by(2)
        .map(|n| format!("`{n}`"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages of serde_yaml, serde_json and serde as they are (gathered from broken files),
    /// each with a word its Dutch explanation must hold.
    #[test]
    fn parser_messages_an_editor_can_cause_are_explained_in_dutch() {
        let cases = [
            ("found unexpected end of stream at line 3 column 1, while scanning a quoted scalar", "aanhalingstekens wordt niet gesloten"),
            ("mapping values are not allowed in this context at line 2 column 12", "`: `"),
            ("did not find expected '-' indicator at line 4 column 4, while parsing a block collection", "springt anders in dan de lijst"),
            ("did not find expected key at line 4 column 3, while parsing a block mapping", "springt anders in"),
            ("gemeenten: invalid type: string \"Urk\", expected a sequence", "bij `gemeenten`: hier staat de tekst `Urk`, maar er hoort een lijst"),
            ("gemeenten[0].naam: invalid type: sequence, expected a single value (text, number or date)", "bij `naam`: hier staat een lijst, maar er hoort één waarde"),
            ("found a tab character that violates indentation at line 2 column 1, while scanning a plain scalar", "tab"),
            ("duplicate field `periode`", "het veld `periode` staat er twee keer"),
            ("found character that cannot start any token", "kan niet beginnen"),
            ("found unknown escape character at line 1 column 12, while parsing a quoted scalar", "`\\`"),
            ("unknown anchor", "verwijzing"),
            ("deserializing from YAML containing more than one document is not supported", "`---`"),
            ("invalid type: string \"periode 2026-1 gemeenten\", expected struct Scenario", "maar er horen velden op eigen regels"),
            ("periode: invalid value: string \"x\", expected an integer", "een heel getal"),
            ("unknown field `a`, expected one of `gemeenten`, `opgeheven`", "onbekend veld `a`"),
            ("trailing comma at line 1 column 22", "komma"),
            ("expected `,` or `}` at line 1 column 17", "komma of `}`"),
            ("EOF while parsing an object at line 1 column 20", "`{`"),
            ("expected `:` at line 1 column 12", "dubbele punt"),
            ("missing field `naam`", "het veld `naam` ontbreekt"),
            ("added: expected a date written as YYYY-MM-DD, such as 2026-02-10", "bij `added`: dit is geen datum"),
            ("this day does not exist in the calendar", "bestaat niet in de kalender"),
            ("some message no parser wrote yet", "schrijfwijze"),
            // A whole number out of the field's range says so, with the range (serde_yaml's
            // messages for `new_days: -5`, `new_days: 4294967296`, `order: 9223372036854775808`).
            ("new_days: invalid value: integer `-5`, expected u32", "bij `new_days`: het getal `-5` is negatief: er hoort een heel getal van 0 tot en met 4.294.967.295"),
            ("invalid value: integer `4294967296`, expected u32", "het getal `4294967296` is te groot: er hoort een heel getal van 0 tot en met 4.294.967.295"),
            ("invalid value: integer `9223372036854775808`, expected i64", "te groot: er hoort een heel getal van -9.223.372.036.854.775.808 tot en met 9.223.372.036.854.775.807"),
            ("invalid value: integer `-129`, expected i8", "het getal `-129` is te klein: er hoort een heel getal van -128 tot en met 127"),
            ("invalid value: integer `300`, expected u8", "te groot: er hoort een heel getal van 0 tot en met 255"),
            // Beyond what a YAML value holds at all: too large for every field.
            ("new_days: invalid type: integer `99999999999999999999` as u128, expected any YAML value", "het getal `99999999999999999999` is te groot"),
            ("order: invalid type: integer `-9223372036854775809` as i128, expected any YAML value", "het getal `-9223372036854775809` ligt te ver onder nul"),
            ("number out of range at line 1 column 127", "dit getal is te groot"),
            // Not a whole number at all: still "a whole number belongs here".
            ("invalid type: floating `2.5`, expected u32", "hier staat het getal `2.5`, maar er hoort een heel getal"),
        ];
        for (raw, dutch) in cases {
            let x = explain(raw);
            assert!(x.problem.contains(dutch), "{raw}\n  → {}", x.problem);
            for english in [
                "found", "expected", "invalid", "while", "line", "struct", "sequence", "mapping",
            ] {
                assert!(
                    !x.problem.contains(english) && !x.fix.contains(english),
                    "English `{english}` left in {x:?} for {raw}"
                );
            }
            assert!(!x.fix.is_empty());
        }
    }

    #[test]
    fn an_out_of_range_number_gets_a_fix_with_the_bound() {
        let x = explain("invalid value: integer `4294967296`, expected u32");
        assert!(x.fix.contains("ten hoogste 4.294.967.295"), "{x:?}");
        let x = explain("invalid value: integer `-5`, expected u64");
        assert!(x.fix.contains("minteken"), "{x:?}");
        let x = explain("invalid value: integer `-40000`, expected i16");
        assert!(x.fix.contains("ten minste -32.768"), "{x:?}");
    }

    /// Deep nesting written with indentation has no `&naam` in it: the hint names what is there.
    #[test]
    fn deep_nesting_and_repeated_references_are_told_apart() {
        let x = explain("recursion limit exceeded at line 132 column 257");
        assert!(x.fix.contains("ingesprongen regels"), "{x:?}");
        assert!(!x.fix.contains("&naam"), "{x:?}");
        let x = explain("repetition limit exceeded");
        assert!(x.fix.contains("`&naam`"), "{x:?}");
    }

    #[test]
    fn positions_are_left_to_the_caller() {
        assert_eq!(
            without_positions("found unexpected end of stream at line 3 column 1, while scanning a quoted scalar at line 1 column 10"),
            "found unexpected end of stream, while scanning a quoted scalar"
        );
    }
}
