//! Characters a reader cannot see ([`textkit::hidden`]) in the scenario's fields. Every value of
//! the scenario ends up in the documents an official signs, as written (a name not in the list, the
//! contact person, the kenmerk, the publication, the explanation) or read (a date, a number). A
//! direction control (U+202E) shows a name reversed; a zero-width space makes a name look right
//! while it is another text. Either is an error at its field, so no document is written with it.
//!
//! Runs before the other rules: while a field holds such a character, the field's other checks
//! are left out ([`Findings`] skips them), because what they would say (an unknown municipality, a
//! number that is no number) is caused by the character and would send the user the wrong way.

use super::findings::{Findings, SHOWN_WHOLE};
use crate::scenario::{filled, Scenario};
use textkit::hidden::{code_point, first, visible, Kind};

/// Checks every field of `s` for hidden characters.
pub(super) fn check_hidden(s: &Scenario, f: &mut Findings) {
    for (field, what, value) in fields(s) {
        if let Some(text) = filled(value) {
            report(&field, &what, text.trim(), f);
        }
    }
}

/// Every field of the scenario: its path (as the page's form and the verdict name it), what it is
/// in Dutch (the start of the message) and its value.
fn fields(s: &Scenario) -> Vec<(String, String, &Option<String>)> {
    let mut out: Vec<(String, String, &Option<String>)> = vec![
        (
            "periode".into(),
            "De taakstellingsperiode".into(),
            &s.periode,
        ),
        (
            "tot_en_met".into(),
            "De laatste periode (tot en met)".into(),
            &s.tot_en_met,
        ),
        (
            "uitzondering".into(),
            "De toelichting bij een langere afspraak".into(),
            &s.uitzondering,
        ),
        (
            "besluitdatum".into(),
            "De datum van het besluit van B&W".into(),
            &s.besluitdatum,
        ),
        (
            "bekendmaking".into(),
            "De datum van bekendmaking".into(),
            &s.bekendmaking,
        ),
        (
            "melddatum".into(),
            "De datum van de melding aan COA en provincie".into(),
            &s.melddatum,
        ),
    ];
    if let Some(p) = &s.penvoerder {
        for (name, what, value) in [
            ("gemeente", "De gemeente van de penvoerder", &p.gemeente),
            ("naam", "De naam van de contactpersoon", &p.naam),
            ("email", "Het e-mailadres van de penvoerder", &p.email),
            (
                "telefoon",
                "Het telefoonnummer van de penvoerder",
                &p.telefoon,
            ),
            ("kenmerk", "Het kenmerk van de penvoerder", &p.kenmerk),
        ] {
            out.push((format!("penvoerder.{name}"), what.into(), value));
        }
    }
    for (i, g) in s.gemeenten.iter().enumerate() {
        // The municipality by its name, unless the name itself holds a hidden character.
        let who = match filled(&g.naam).map(str::trim) {
            Some(name) if first(name).is_none() => name.to_string(),
            _ => format!("gemeente {}", i + 1),
        };
        let field = |name: &str| format!("gemeenten[{i}].{name}");
        out.push((
            field("naam"),
            format!("De naam van gemeente {}", i + 1),
            &g.naam,
        ));
        for (name, what, value) in [
            ("provincie", format!("De provincie van {who}"), &g.provincie),
            (
                "taakstelling",
                format!("De taakstelling van {who}"),
                &g.taakstelling,
            ),
            (
                "nieuw",
                format!("De nieuwe taakstelling van {who}"),
                &g.nieuw,
            ),
            (
                "besluitdatum",
                format!("De besluitdatum van {who}"),
                &g.besluitdatum,
            ),
            (
                "bekendmaking",
                format!("De datum van bekendmaking van {who}"),
                &g.bekendmaking,
            ),
            (
                "publicatie",
                format!("De plaats van publicatie van {who} (gepubliceerd in)"),
                &g.publicatie,
            ),
        ] {
            out.push((field(name), what, value));
        }
        for (key, a) in &g.perioden {
            // A hidden character in the key itself is reported as an unreadable period.
            let path = format!("gemeenten[{i}].perioden.{}", key.trim());
            let when = visible(key.trim());
            out.push((
                format!("{path}.taakstelling"),
                format!("De taakstelling van {who} in {when}"),
                &a.taakstelling,
            ));
            out.push((
                format!("{path}.nieuw"),
                format!("De nieuwe taakstelling van {who} in {when}"),
                &a.nieuw,
            ));
        }
    }
    for (k, t) in s.overdrachten.iter().enumerate() {
        let n = k + 1;
        for (name, what, value) in [
            (
                "van",
                format!("Overdracht {n}: de gemeente die overdraagt (van)"),
                &t.van,
            ),
            (
                "naar",
                format!("Overdracht {n}: de gemeente die overneemt (naar)"),
                &t.naar,
            ),
            (
                "aantal",
                format!("Het aantal van overdracht {n}"),
                &t.aantal,
            ),
        ] {
            out.push((format!("overdrachten[{k}].{name}"), what, value));
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
    let count = text
        .chars()
        .filter(|&c| textkit::hidden::kind(c).is_some())
        .count();
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
    f.hidden(
        field,
        format!(
            "{what} (\"{}\") bevat {code}, {}{more}: {effect}. Verwijder het teken (hier geschreven als <{code}>): wis het veld en typ de tekst opnieuw, zonder te kopiëren en te plakken. Zolang het erin staat, maakt de check geen documenten.",
            shown(text, at),
            kind.dutch(),
        ),
    );
}

/// `text` as the message shows it: every hidden character written out (`<U+200B>`), and a long
/// text cut to the words around the first one (`at`, in characters).
fn shown(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= SHOWN_WHOLE {
        return visible(text);
    }
    let half = SHOWN_WHOLE / 2;
    let start = at.saturating_sub(half);
    let end = (at + half).min(chars.len());
    let part: String = chars[start..end].iter().collect();
    format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        visible(&part),
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
