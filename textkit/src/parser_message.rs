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

fn explain_kind(m: &str) -> Explained {
    let has = |s: &str| m.contains(s);
    if has("end of stream") || has("EOF while parsing") {
        if has("quoted scalar") || has("EOF while parsing a string") {
            return e(
                "de tekst tussen aanhalingstekens wordt niet gesloten: het bestand houdt op voordat het afsluitende aanhalingsteken komt",
                "zet aan het eind van de waarde hetzelfde aanhalingsteken als aan het begin (`\"…\"` of `'…'`), of haal het aanhalingsteken aan het begin weg",
            );
        }
        if has("flow sequence") || has("EOF while parsing a list") {
            return e(
                "de lijst die met `[` begint, wordt niet gesloten",
                "sluit de lijst met `]`, of schrijf elk item op een eigen regel die begint met `- `",
            );
        }
        if has("flow mapping") || has("EOF while parsing an object") {
            return e(
                "het blok dat met `{` begint, wordt niet gesloten",
                "sluit het blok met `}` (in JSON: elke `{` en `[` heeft een `}` of `]`)",
            );
        }
        return e(
            "het bestand houdt midden in een waarde op",
            "maak de laatste regel af of verwijder hem",
        );
    }
    // textkit's own `DateError`, which reaches a parser's message through serde.
    if has("expected a date written as YYYY-MM-DD") {
        return e(
            "dit is geen datum zoals de kennisbank die leest",
            "schrijf de datum als JJJJ-MM-DD, zoals 2026-02-10",
        );
    }
    if has("does not exist in the calendar") {
        return e(
            "deze dag bestaat niet in de kalender",
            "controleer de maand en de dag (JJJJ-MM-DD), zoals 2026-02-28",
        );
    }
    if has("tab character") {
        return e(
            "er staat een tab waar YAML spaties verwacht om in te springen",
            "vervang de tab door spaties",
        );
    }
    if has("control character") {
        return e(
            "er staat een onzichtbaar stuurteken in de tekst (het komt vaak mee bij kopiëren uit een ander programma)",
            "typ de regel opnieuw of verwijder het teken",
        );
    }
    if has("mapping values are not allowed") {
        return e(
            "hier staat `: ` waar geen nieuw veld kan beginnen: de waarde bevat zelf `: `, of de regel springt in onder een veld dat al een waarde heeft",
            "zet een waarde met `: ` erin tussen dubbele aanhalingstekens (`veld: \"a: b\"`), en laat een nieuw veld even ver inspringen als het veld erboven",
        );
    }
    if has("did not find expected key") {
        return e(
            "deze regel springt anders in dan de velden erboven, of er staat tekst na een waarde die al af is",
            "laat de velden van één blok precies even ver inspringen (met spaties), en zet een waarde met aanhalingstekens of `: ` erin helemaal tussen dubbele aanhalingstekens",
        );
    }
    if has("did not find expected '-' indicator") {
        return e(
            "deze regel springt anders in dan de lijst erboven",
            "begin elk item van de lijst met `- ` op dezelfde inspringing, en laat de velden van één item even ver inspringen",
        );
    }
    if has("block sequence entries are not allowed") {
        return e(
            "hier begint `- ` een lijst op een plek waar geen lijst kan beginnen",
            "zet het veld van de lijst op een eigen regel (`gemeenten:`) met de items eronder, elk op een eigen regel die met `- ` begint",
        );
    }
    if has("did not find expected node content") || m.starts_with("expected value") {
        return e(
            "hier wordt een waarde verwacht, maar er staat niets of een los leesteken",
            "vul de waarde in, of zet tekst met leestekens tussen dubbele aanhalingstekens",
        );
    }
    if has("expected ',' or ']'") || has("expected `,` or `]`") {
        return e(
            "in de lijst tussen `[` en `]` wordt hier een komma of `]` verwacht",
            "scheid de waarden met komma's, sluit de lijst met `]`, en zet tekst met een komma of leesteken tussen dubbele aanhalingstekens",
        );
    }
    if has("expected ',' or '}'") || has("expected `,` or `}`") {
        return e(
            "in het blok tussen `{` en `}` wordt hier een komma of `}` verwacht",
            "scheid de velden met komma's, sluit het blok met `}`, en zet tekst tussen dubbele aanhalingstekens",
        );
    }
    if has("could not find expected ':'") || has("expected `:`") {
        return e(
            "hier ontbreekt de dubbele punt na de veldnaam",
            "schrijf het veld als `veld: waarde`",
        );
    }
    if has("cannot start any token") {
        return e(
            "een waarde kan niet beginnen met het teken dat hier staat (zoals `@`, `` ` ``, `%` of een tab)",
            "zet de hele waarde tussen dubbele aanhalingstekens, en spring in met spaties",
        );
    }
    if has("unknown escape")
        || has("invalid escape")
        || has("unicode code point")
        || has("surrogate")
    {
        return e(
            "tussen dubbele aanhalingstekens staat een `\\` met een teken erna dat geen betekenis heeft",
            "schrijf `\\\\` voor een backslash, of zet de waarde tussen enkele aanhalingstekens (`'…'`)",
        );
    }
    if has("unknown anchor")
        || has("undefined alias")
        || has("did not find expected alphabetic or numeric character")
    {
        return e(
            "een waarde die met `*` of `&` begint, leest YAML als een verwijzing",
            "zet de waarde tussen dubbele aanhalingstekens",
        );
    }
    if has("repetition limit exceeded") || has("recursion limit exceeded") {
        return e(
            "de tekst herhaalt zich via verwijzingen, of is zo diep genest, dat hij niet gelezen wordt",
            "schrijf elke waarde zelf op zijn plek, zonder `&naam` en `*naam`",
        );
    }
    if has("more than one document") {
        return e(
            "het bestand bevat meer dan één deel, gescheiden door een regel `---`",
            "houd één deel per bestand: verwijder de regel `---` en wat erna komt, of zet het in een eigen bestand",
        );
    }
    if let Some(name) = after_backtick(m, "duplicate field `")
        .or_else(|| after_quote(m, "duplicate entry with key \""))
    {
        return e(
            format!("het veld `{name}` staat er twee keer"),
            format!(
                "een veld mag één keer voorkomen: houd één regel `{name}:` en verwijder de andere"
            ),
        );
    }
    if m.starts_with("duplicate entry") {
        return e(
            "een veld of naam staat er twee keer",
            "houd er één en verwijder de andere",
        );
    }
    if let Some(name) = after_backtick(m, "missing field `") {
        return e(
            format!("het veld `{name}` ontbreekt"),
            format!("voeg een regel `{name}: …` toe"),
        );
    }
    if let Some(name) = after_backtick(m, "unknown field `") {
        let allowed = quoted_names(m).into_iter().skip(1).collect::<Vec<_>>();
        let fix = if allowed.is_empty() {
            "verwijder het veld".to_string()
        } else {
            format!("hier kan: {}", allowed.join(", "))
        };
        return e(format!("onbekend veld `{name}`"), fix);
    }
    if let Some(name) = after_backtick(m, "unknown variant `") {
        let allowed = quoted_names(m).into_iter().skip(1).collect::<Vec<_>>();
        return e(
            format!("`{name}` is hier geen geldige waarde"),
            if allowed.is_empty() {
                GENERAL_FIX.to_string()
            } else {
                format!("kies uit: {}", allowed.join(", "))
            },
        );
    }
    if let Some(rest) = m
        .strip_prefix("invalid type: ")
        .or_else(|| m.strip_prefix("invalid value: "))
    {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let wrong_kind = m.starts_with("invalid type");
            let problem = if wrong_kind {
                format!(
                    "hier staat {}, maar er hoort {}",
                    found_nl(found),
                    expected_nl(expected)
                )
            } else {
                format!(
                    "{} kan hier niet: er hoort {}",
                    found_nl(found),
                    expected_nl(expected)
                )
            };
            return e(problem, fix_for(expected));
        }
    }
    if m.starts_with("invalid length") {
        return e(
            "deze lijst heeft niet het juiste aantal items",
            "vergelijk de lijst met een voorbeeld en vul aan of haal weg",
        );
    }
    if m.starts_with("trailing comma") {
        return e(
            "na de laatste waarde staat nog een komma",
            "verwijder de komma voor `]` of `}`",
        );
    }
    if m.starts_with("trailing characters") {
        return e(
            "na het einde staat nog tekst",
            "verwijder wat na de laatste `}` staat",
        );
    }
    if m.starts_with("key must be a string") {
        return e(
            "een veldnaam staat in JSON tussen dubbele aanhalingstekens",
            "schrijf `\"veld\": waarde`",
        );
    }
    if m.starts_with("expected ident")
        || m.starts_with("invalid number")
        || m.starts_with("number out of range")
    {
        return e(
            "hier staat een waarde die JSON niet kent: alleen getallen, `true`, `false` en `null` staan zonder aanhalingstekens",
            "zet tekst (ook een periode als `2026-1` of een datum) tussen dubbele aanhalingstekens",
        );
    }
    e(
        "deze tekst volgt de schrijfwijze van het bestand niet",
        GENERAL_FIX,
    )
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
            ("invalid type: string \"periode 2026-1 gemeenten\", expected struct Scenario", "velden op eigen regels"),
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
    fn positions_are_left_to_the_caller() {
        assert_eq!(
            without_positions("found unexpected end of stream at line 3 column 1, while scanning a quoted scalar at line 1 column 10"),
            "found unexpected end of stream, while scanning a quoted scalar"
        );
    }
}
