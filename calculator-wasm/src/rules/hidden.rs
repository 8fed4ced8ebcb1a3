//! Values too long for their field (`TOO_LONG`), and characters a reader cannot see
//! ([`textkit::hidden`]) in the scenario's fields. Every value of
//! the scenario ends up in the documents an official signs, as written (a name not in the list, the
//! contact person, the kenmerk, the publication, the explanation) or read (a date, a number). A
//! direction control (U+202E) shows a name reversed; a zero-width space makes a name look right
//! while it is another text. Either is an error at its field, so no document is written with it.
//!
//! Runs before the other rules: while a field holds such a character, the field's other checks
//! are left out ([`Findings`] skips them), because what they would say (an unknown municipality, a
//! number that is no number) is caused by the character and would send the user the wrong way.

use super::findings::{shorten, Findings, SHOWN_WHOLE};
use crate::scenario::{filled, Scenario};
use crate::verdict::Code;
use textkit::hidden::{code_point, first_strict as first, kind_strict, visible_strict, Kind};

/// The longest name of a municipality or province accepted, in characters. The longest Dutch
/// municipality's name, "Nuenen, Gerwen en Nederwetten", has 29; a longer text is pasted by
/// mistake, and every unlisted name is compared with all 342 of the list ("Bedoelt u …?").
pub const MAX_NAME_CHARS: usize = 100;
/// The longest contact person, kenmerk or place of publication accepted, in characters.
pub const MAX_LINE_CHARS: usize = 200;
/// The longest e-mail address accepted (RFC 5321's limit for a path), in characters.
pub const MAX_EMAIL_CHARS: usize = 254;
/// The longest telephone number accepted, in characters (spaces and hyphens included).
pub const MAX_PHONE_CHARS: usize = 40;
/// The longest explanation of a longer agreement (`uitzondering`) accepted, in characters:
/// about half a page of the letter.
pub const MAX_EXPLANATION_CHARS: usize = 2000;

/// Whether `name` (a municipality's name as written) is longer than [`MAX_NAME_CHARS`]: then it
/// is `TOO_LONG`, and the other rules name the municipality by its number.
pub(super) fn name_too_long(name: &str) -> bool {
    name.trim().chars().nth(MAX_NAME_CHARS).is_some()
}

/// Checks every field of `s` for its length and for hidden characters.
pub(super) fn check_hidden(s: &Scenario, f: &mut Findings) {
    for (field, what, value, max) in fields(s) {
        if let Some(text) = filled(value) {
            let text = text.trim();
            if let Some(max) = max.filter(|&m| text.chars().nth(m).is_some()) {
                too_long(&field, &what, text, max, f);
            } else if field == "uitzondering" || !line_break(&field, &what, text, f) {
                report(&field, &what, text, f);
            }
        }
    }
}

/// A field, as [`fields`] lists it: its path, what it is in Dutch, its value and its longest
/// length in characters (`None`: read as a date, period or number, whose message quotes only
/// the start of a long value).
type Field<'a> = (String, String, &'a Option<String>, Option<usize>);

/// Every field of the scenario: its path (as the page's form and the verdict name it), what it is
/// in Dutch (the start of the message), its value and its longest length.
fn fields(s: &Scenario) -> Vec<Field<'_>> {
    let mut out: Vec<Field<'_>> = vec![
        (
            "periode".into(),
            "De taakstellingsperiode".into(),
            &s.periode,
            None,
        ),
        (
            "tot_en_met".into(),
            "De laatste periode (tot en met)".into(),
            &s.tot_en_met,
            None,
        ),
        (
            "uitzondering".into(),
            "De toelichting bij een langere afspraak".into(),
            &s.uitzondering,
            Some(MAX_EXPLANATION_CHARS),
        ),
        (
            "besluitdatum".into(),
            "De datum van het besluit van B&W".into(),
            &s.besluitdatum,
            None,
        ),
        (
            "bekendmaking".into(),
            "De datum van bekendmaking".into(),
            &s.bekendmaking,
            None,
        ),
        (
            "melddatum".into(),
            "De datum van de melding aan COA en provincie".into(),
            &s.melddatum,
            None,
        ),
    ];
    if let Some(p) = &s.penvoerder {
        for (name, what, value, max) in [
            (
                "gemeente",
                "De gemeente van de penvoerder",
                &p.gemeente,
                MAX_NAME_CHARS,
            ),
            (
                "naam",
                "De naam van de contactpersoon",
                &p.naam,
                MAX_LINE_CHARS,
            ),
            (
                "email",
                "Het e-mailadres van de penvoerder",
                &p.email,
                MAX_EMAIL_CHARS,
            ),
            (
                "telefoon",
                "Het telefoonnummer van de penvoerder",
                &p.telefoon,
                MAX_PHONE_CHARS,
            ),
            (
                "kenmerk",
                "Het kenmerk van de penvoerder",
                &p.kenmerk,
                MAX_LINE_CHARS,
            ),
        ] {
            out.push((format!("penvoerder.{name}"), what.into(), value, Some(max)));
        }
    }
    for (i, g) in s.gemeenten.iter().enumerate() {
        // The municipality by its name, unless the name itself holds a hidden character or is
        // too long.
        let who = match filled(&g.naam).map(str::trim) {
            Some(name) if first(name).is_none() && !name_too_long(name) => name.to_string(),
            _ => format!("gemeente {}", i + 1),
        };
        let field = |name: &str| format!("gemeenten[{i}].{name}");
        out.push((
            field("naam"),
            format!("De naam van gemeente {}", i + 1),
            &g.naam,
            Some(MAX_NAME_CHARS),
        ));
        for (name, what, value, max) in [
            (
                "provincie",
                format!("De provincie van {who}"),
                &g.provincie,
                Some(MAX_NAME_CHARS),
            ),
            (
                "taakstelling",
                format!("De taakstelling van {who}"),
                &g.taakstelling,
                None,
            ),
            (
                "nieuw",
                format!("De nieuwe taakstelling van {who}"),
                &g.nieuw,
                None,
            ),
            (
                "besluitdatum",
                format!("De besluitdatum van {who}"),
                &g.besluitdatum,
                None,
            ),
            (
                "bekendmaking",
                format!("De datum van bekendmaking van {who}"),
                &g.bekendmaking,
                None,
            ),
            (
                "publicatie",
                format!("De plaats van publicatie van {who} (gepubliceerd in)"),
                &g.publicatie,
                Some(MAX_LINE_CHARS),
            ),
        ] {
            out.push((field(name), what, value, max));
        }
        for (key, a) in &g.perioden {
            // A hidden character in the key itself is reported as an unreadable period.
            let path = format!("gemeenten[{i}].perioden.{}", key.trim());
            let when = visible_strict(key.trim());
            out.push((
                format!("{path}.taakstelling"),
                format!("De taakstelling van {who} in {when}"),
                &a.taakstelling,
                None,
            ));
            out.push((
                format!("{path}.nieuw"),
                format!("De nieuwe taakstelling van {who} in {when}"),
                &a.nieuw,
                None,
            ));
        }
    }
    for (k, t) in s.overdrachten.iter().enumerate() {
        let n = k + 1;
        for (name, what, value, max) in [
            (
                "van",
                format!("Overdracht {n}: de gemeente die overdraagt (van)"),
                &t.van,
                Some(MAX_NAME_CHARS),
            ),
            (
                "naar",
                format!("Overdracht {n}: de gemeente die overneemt (naar)"),
                &t.naar,
                Some(MAX_NAME_CHARS),
            ),
            (
                "aantal",
                format!("Het aantal van overdracht {n}"),
                &t.aantal,
                None,
            ),
        ] {
            out.push((format!("overdrachten[{k}].{name}"), what, value, max));
        }
    }
    out
}

/// `HIDDEN_CHARACTER` at `field` when `text` holds a hidden character: the value with the
/// character written out, the code point, what it is, what it does in a letter and the fix.
fn report(field: &str, what: &str, text: &str, f: &mut Findings) {
    let Some((at, c, kind)) = first(text) else {
        return;
    };
    let count = text.chars().filter(|&c| kind_strict(c).is_some()).count();
    let more = match count {
        1 => String::new(),
        2 => " (en nog 1 zo'n teken)".to_string(),
        n => format!(" (en nog {} zulke tekens)", n - 1),
    };
    let effect = match kind {
        Kind::Direction => {
            "de tekst staat in de brieven in een andere volgorde dan hij geschreven is"
        }
        Kind::Invisible => {
            "de tekst ziet er goed uit maar is een andere tekst, die bij zoeken en vergelijken niet overeenkomt"
        }
        Kind::Control => "het komt vaak mee bij kopiëren uit een ander programma",
    };
    let code = code_point(c);
    f.refuse(
        Code::HiddenCharacter,
        field,
        format!(
            "{what} (\"{}\") bevat {code}, {}{more}: {effect}. Verwijder het teken (hier geschreven als <{code}>): wis het veld en typ de tekst opnieuw, zonder te kopiëren en te plakken. Zolang het erin staat, maakt de check geen documenten.",
            shown(text, at),
            kind.dutch(),
        ),
    );
}

/// A tab or a line break: in a value of one line (every field but `uitzondering`), the letters
/// show it as a space or not at all, so that "Ameland" and "Heerenveen" on two lines of one name
/// became one municipality "Ameland Heerenveen".
fn is_line_break(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// `HIDDEN_CHARACTER` at `field` when `text` (a value of one line) holds a tab or a line break;
/// whether it did.
fn line_break(field: &str, what: &str, text: &str, f: &mut Findings) -> bool {
    let Some((at, c)) = text.chars().enumerate().find(|&(_, c)| is_line_break(c)) else {
        return false;
    };
    let (name, effect) = if c == '\t' {
        ("een tab", "in de brieven wordt het een spatie")
    } else {
        (
            "een regeleinde",
            "in de brieven komen de regels achter elkaar te staan, zodat er een andere tekst staat dan u ziet",
        )
    };
    let code = code_point(c);
    let rows = if field.ends_with(".naam") {
        "; twee gemeenten krijgen elk een eigen rij onder `gemeenten`"
    } else {
        ""
    };
    f.refuse(
        Code::HiddenCharacter,
        field,
        format!(
            "{what} (\"{}\") bevat {name} ({code}), maar dit veld is één regel: {effect}. Zet de hele waarde op één regel (in YAML zonder `|` of `>` ervoor, en zonder `\\n` tussen aanhalingstekens){rows}.",
            shown(text, at),
        ),
    );
    true
}

/// `text` with every hidden character, tab and line break written out (`<U+200B>`, `<U+000A>`).
fn written_out(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_line_break(c) {
            out.push_str(&format!("<{}>", code_point(c)));
        } else {
            out.push(c);
        }
    }
    visible_strict(&out)
}

/// `TOO_LONG` at `field`: the value is longer than `max` characters. The message quotes only its
/// start, says how long it is and what to do.
fn too_long(field: &str, what: &str, text: &str, max: usize, f: &mut Findings) {
    let length = text.chars().count();
    let fix = if max == MAX_EXPLANATION_CHARS {
        "Vat de toelichting korter samen; de afspraak zelf legt u vast met het COA en de ministeries."
    } else {
        "Kijk of er tekst in het veld is geplakt die er niet in hoort, en laat alleen de waarde zelf staan."
    };
    f.refuse(
        Code::TooLong,
        field,
        format!(
            "{what} (\"{}\") is {} tekens lang; de check neemt er hoogstens {} aan, want de waarde komt zo in de brieven. {fix}",
            shorten(text),
            crate::dutch::number(i64::try_from(length).unwrap_or(i64::MAX)),
            crate::dutch::number(i64::try_from(max).unwrap_or(i64::MAX)),
        ),
    );
}

/// `text` as the message shows it: every hidden character written out (`<U+200B>`), and a long
/// text cut to the words around the first one (`at`, in characters).
fn shown(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= SHOWN_WHOLE {
        return written_out(text);
    }
    let half = SHOWN_WHOLE / 2;
    let start = at.saturating_sub(half);
    let end = (at + half).min(chars.len());
    let part: String = chars[start..end].iter().collect();
    format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        written_out(&part),
        if end < chars.len() { "…" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_shown_around_its_first_hidden_character() {
        let text = format!("{}\u{202E}{}", "a".repeat(100), "b".repeat(100));
        let s = shown(&text, 100);
        assert_eq!(s, format!("…{}<U+202E>{}…", "a".repeat(30), "b".repeat(29)));
        assert_eq!(shown("Ame\u{200B}land", 3), "Ame<U+200B>land");
        let start = format!("\u{200B}{}", "c".repeat(80));
        assert_eq!(shown(&start, 0), format!("<U+200B>{}…", "c".repeat(29)));
    }
}
