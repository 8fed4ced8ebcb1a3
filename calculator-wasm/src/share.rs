//! Shareable links: a scenario as a site-relative URL `/herverdeling/#…` and back.
//!
//! The scenario travels in the fragment (after `#`), which browsers never send to the server, so
//! names and the free-text `uitzondering` do not end up in access logs. Older links that carry it
//! in the query string (`/herverdeling/?…`) are still read.
//!
//! The parameters use the scenario's own field names, one parameter per value, in a fixed order, so a
//! link is stable and readable:
//!
//! ```text
//! /herverdeling/#periode=2026-1&besluitdatum=2026-02-10&bekendmaking=2026-02-12
//!     &gemeente=Ameland,6,0&gemeente=Heerenveen,10,16&overdracht=Ameland,Heerenveen,6
//! ```
//!
//! `gemeente` is `naam,taakstelling,nieuw,provincie,besluitdatum,bekendmaking,publicatie`,
//! `periode_aantallen` is `N,periode,taakstelling,nieuw` (numbers of the N-th gemeente, from 1, in
//! one period), `overdracht` is `van,naar,aantal` and `penvoerder` is
//! `gemeente,naam,email,telefoon,kenmerk`, with empty trailing parts left out. Values are percent-encoded as UTF-8; a space is `+`; a comma
//! inside a part is `%2C`. Values are kept as written (also invalid ones), so a link restores
//! exactly what the user typed. Unknown parameters (such as tracking parameters added by mail
//! programs) are ignored; damaged encoding or a repeated single parameter is an error.

use crate::scenario::{Aantallen, Gemeente, Overdracht, Penvoerder, Scenario};
use std::fmt;

/// The page the links point to, relative to the site root.
pub const PAGE: &str = "/herverdeling/";

/// Longest query accepted; far above any real scenario, and a guard against pasted garbage. The
/// same limits hold for making a link ([`encode_link`]) and reading one ([`decode_link`]).
pub const MAX_QUERY_LEN: usize = 32 * 1024;
pub const MAX_GEMEENTEN: usize = 400;
pub const MAX_OVERDRACHTEN: usize = 1000;

/// Why a link cannot be read. The message is Dutch: the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    pub message: String,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LinkError {}

fn err(message: String) -> LinkError {
    LinkError { message }
}

/// Characters left as they are: RFC 3986 unreserved characters plus a few that are allowed in a
/// query and make names readable (`'s-Hertogenbosch`, `Bergen (NH.)`).
fn keep(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.' | b'_' | b'~' | b'\'' | b'(' | b')' | b'!' | b'*' | b':' | b'@' | b'/'
        )
}

fn encode_into(out: &mut String, text: &str, keep_comma: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        if keep(b) || (keep_comma && b == b',') {
            out.push(char::from(b));
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// Decodes a link value: `+` is a space (a `+` itself is sent as `%2B`), then `%XX` escapes by
/// `textkit::percent_decode` (`+` and a space are one byte each, so its offsets hold in `text`).
fn decode(text: &str) -> Result<String, LinkError> {
    let spaced = text.replace('+', " ");
    let bytes = textkit::percent_decode(&spaced).map_err(|broken| {
        let bad: String = text[broken.at..].chars().take(3).collect();
        err(format!(
            "De link is beschadigd: \"{bad}\" is geen geldige codering. Kopieer de hele link opnieuw."
        ))
    })?;
    String::from_utf8(bytes).map_err(|_| {
        err("De link is beschadigd: er staan tekens in die geen tekst zijn. Kopieer de hele link opnieuw.".into())
    })
}

/// The query string (without `?`) for `scenario`.
pub fn encode_query(s: &Scenario) -> String {
    let mut out = String::new();
    let param = |out: &mut String, key: &str| {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
    };
    for (key, value) in [
        ("periode", &s.periode),
        ("tot_en_met", &s.tot_en_met),
        ("uitzondering", &s.uitzondering),
        ("besluitdatum", &s.besluitdatum),
        ("bekendmaking", &s.bekendmaking),
        ("melddatum", &s.melddatum),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            param(&mut out, key);
            encode_into(&mut out, v, true);
        }
    }
    let parts = |out: &mut String, values: &[&Option<String>]| {
        let last = values
            .iter()
            .rposition(|v| v.as_deref().is_some_and(|v| !v.is_empty()));
        if let Some(last) = last {
            for (i, v) in values[..=last].iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(v) = v.as_deref() {
                    encode_into(out, v, false);
                }
            }
        }
    };
    if let Some(p) = &s.penvoerder {
        param(&mut out, "penvoerder");
        parts(
            &mut out,
            &[&p.gemeente, &p.naam, &p.email, &p.telefoon, &p.kenmerk],
        );
    }
    for g in &s.gemeenten {
        param(&mut out, "gemeente");
        parts(
            &mut out,
            &[
                &g.naam,
                &g.taakstelling,
                &g.nieuw,
                &g.provincie,
                &g.besluitdatum,
                &g.bekendmaking,
                &g.publicatie,
            ],
        );
    }
    for (i, g) in s.gemeenten.iter().enumerate() {
        for (periode, a) in &g.perioden {
            param(&mut out, "periode_aantallen");
            let n = Some((i + 1).to_string());
            let periode = Some(periode.clone());
            parts(&mut out, &[&n, &periode, &a.taakstelling, &a.nieuw]);
        }
    }
    for t in &s.overdrachten {
        param(&mut out, "overdracht");
        parts(&mut out, &[&t.van, &t.naar, &t.aantal]);
    }
    out
}

/// The site-relative link `/herverdeling/#…` for `scenario` (`/herverdeling/` when it is empty).
/// Refused, with the reason, when the page would refuse to read it back: more than
/// [`MAX_GEMEENTEN`] municipalities, [`MAX_OVERDRACHTEN`] transfers or [`MAX_QUERY_LEN`] characters.
pub fn encode_link(s: &Scenario) -> Result<String, LinkError> {
    if s.gemeenten.len() > MAX_GEMEENTEN {
        return Err(err(format!(
            "Het scenario noemt {} gemeenten; een link kan er hoogstens {MAX_GEMEENTEN} bevatten. Deel het scenario als bestand.",
            s.gemeenten.len()
        )));
    }
    if s.overdrachten.len() > MAX_OVERDRACHTEN {
        return Err(err(format!(
            "Het scenario noemt {} overdrachten; een link kan er hoogstens {MAX_OVERDRACHTEN} bevatten. Deel het scenario als bestand.",
            s.overdrachten.len()
        )));
    }
    let q = encode_query(s);
    if q.len() > MAX_QUERY_LEN {
        return Err(err(format!(
            "De link zou {} tekens lang worden; de check leest er hoogstens {MAX_QUERY_LEN}. Deel het scenario als bestand.",
            q.len()
        )));
    }
    Ok(if q.is_empty() {
        PAGE.to_string()
    } else {
        format!("{PAGE}#{q}")
    })
}

/// Reads a link back: a whole URL, a site-relative link, `#…`, `?…` or the bare parameters all
/// work. The fragment is read when it holds parameters (new links), else the query (old links,
/// where a fragment such as `#uitslag` only points into the page).
pub fn decode_link(link: &str) -> Result<Scenario, LinkError> {
    let link = link.trim();
    let (before_hash, fragment) = match link.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (link, None),
    };
    let query = match fragment {
        Some(f) if f.contains('=') => f,
        _ => match before_hash.split_once('?') {
            Some((_, q)) => q,
            // Without `?`, a text with `=` is a bare query; anything else (the page without
            // parameters) is an empty scenario.
            None if before_hash.contains('=') => before_hash,
            None => "",
        },
    };
    if query.len() > MAX_QUERY_LEN {
        return Err(err(format!(
            "De link is te lang ({} tekens; de check leest er hoogstens {MAX_QUERY_LEN}).",
            query.len()
        )));
    }
    let mut s = Scenario::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode(raw_key)?;
        let single = match key.as_str() {
            "periode" => Some(&mut s.periode),
            "tot_en_met" => Some(&mut s.tot_en_met),
            "uitzondering" => Some(&mut s.uitzondering),
            "besluitdatum" => Some(&mut s.besluitdatum),
            "bekendmaking" => Some(&mut s.bekendmaking),
            "melddatum" => Some(&mut s.melddatum),
            _ => None,
        };
        if let Some(slot) = single {
            if slot.is_some() {
                return Err(err(format!(
                    "De link noemt \"{key}\" meer dan één keer; het is niet duidelijk welke waarde geldt."
                )));
            }
            *slot = Some(decode(raw_value)?).filter(|v| !v.is_empty());
            continue;
        }
        match key.as_str() {
            "gemeente" => {
                if s.gemeenten.len() == MAX_GEMEENTEN {
                    return Err(err(format!(
                        "De link noemt meer dan {MAX_GEMEENTEN} gemeenten."
                    )));
                }
                let [naam, taakstelling, nieuw, provincie, besluitdatum, bekendmaking, publicatie] =
                    split_parts::<7>(
                        raw_value,
                        "gemeente",
                        "naam,taakstelling,nieuw,provincie,besluitdatum,bekendmaking,publicatie",
                    )?;
                s.gemeenten.push(Gemeente {
                    naam,
                    provincie,
                    taakstelling,
                    nieuw,
                    besluitdatum,
                    bekendmaking,
                    publicatie,
                    perioden: Default::default(),
                });
            }
            "periode_aantallen" => {
                let [n, periode, taakstelling, nieuw] = split_parts::<4>(
                    raw_value,
                    "periode_aantallen",
                    "gemeente,periode,taakstelling,nieuw",
                )?;
                let index = n
                    .as_deref()
                    .and_then(|n| n.parse::<usize>().ok())
                    .filter(|&n| n >= 1)
                    .and_then(|n| s.gemeenten.get_mut(n - 1));
                let (Some(g), Some(periode)) = (index, periode) else {
                    return Err(err(
                        "De link is beschadigd: \"periode_aantallen\" noemt een gemeente of periode die er niet is. Kopieer de hele link opnieuw.".into(),
                    ));
                };
                if g.perioden.contains_key(&periode) {
                    return Err(err(format!(
                        "De link noemt de aantallen van periode {periode} meer dan één keer voor dezelfde gemeente."
                    )));
                }
                g.perioden.insert(
                    periode,
                    Aantallen {
                        taakstelling,
                        nieuw,
                    },
                );
            }
            "penvoerder" => {
                if s.penvoerder.is_some() {
                    return Err(err(
                        "De link noemt \"penvoerder\" meer dan één keer; het is niet duidelijk welke waarde geldt.".into(),
                    ));
                }
                let [gemeente, naam, email, telefoon, kenmerk] = split_parts::<5>(
                    raw_value,
                    "penvoerder",
                    "gemeente,naam,email,telefoon,kenmerk",
                )?;
                s.penvoerder = Some(Penvoerder {
                    gemeente,
                    naam,
                    email,
                    telefoon,
                    kenmerk,
                });
            }
            "overdracht" => {
                if s.overdrachten.len() == MAX_OVERDRACHTEN {
                    return Err(err(format!(
                        "De link noemt meer dan {MAX_OVERDRACHTEN} overdrachten."
                    )));
                }
                let [van, naar, aantal] =
                    split_parts::<3>(raw_value, "overdracht", "van,naar,aantal")?;
                s.overdrachten.push(Overdracht { van, naar, aantal });
            }
            _ => {}
        }
    }
    Ok(s)
}

fn split_parts<const N: usize>(
    raw: &str,
    key: &str,
    shape: &str,
) -> Result<[Option<String>; N], LinkError> {
    let mut out: [Option<String>; N] = std::array::from_fn(|_| None);
    let pieces: Vec<&str> = if raw.is_empty() {
        Vec::new()
    } else {
        raw.split(',').collect()
    };
    if pieces.len() > N {
        return Err(err(format!(
            "De link is beschadigd: \"{key}\" heeft {} delen, verwacht hoogstens {N} ({shape}).",
            pieces.len()
        )));
    }
    for (slot, piece) in out.iter_mut().zip(pieces) {
        *slot = Some(decode(piece)?).filter(|v| !v.is_empty());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Scenario {
        Scenario {
            periode: Some("2026-1".into()),
            besluitdatum: Some("2026-02-10".into()),
            bekendmaking: Some("2026-02-12".into()),
            gemeenten: vec![
                Gemeente {
                    naam: Some("Ameland".into()),
                    taakstelling: Some("6".into()),
                    nieuw: Some("0".into()),
                    ..Default::default()
                },
                Gemeente {
                    naam: Some("Nuenen, Gerwen en Nederwetten".into()),
                    taakstelling: Some("10".into()),
                    nieuw: Some("16".into()),
                    ..Default::default()
                },
                Gemeente {
                    naam: Some("'s-Hertogenbosch".into()),
                    provincie: Some("Noord-Brabant".into()),
                    ..Default::default()
                },
            ],
            overdrachten: vec![Overdracht {
                van: Some("Súdwest-Fryslân".into()),
                naar: Some("Bergen (NH.)".into()),
                aantal: Some("6".into()),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn link_is_readable_and_stable() {
        assert_eq!(
            encode_link(&sample()).unwrap(),
            "/herverdeling/#periode=2026-1&besluitdatum=2026-02-10&bekendmaking=2026-02-12\
             &gemeente=Ameland,6,0&gemeente=Nuenen%2C+Gerwen+en+Nederwetten,10,16\
             &gemeente='s-Hertogenbosch,,,Noord-Brabant\
             &overdracht=S%C3%BAdwest-Frysl%C3%A2n,Bergen+(NH.),6"
        );
        assert_eq!(encode_link(&Scenario::default()).unwrap(), "/herverdeling/");
    }

    #[test]
    fn link_round_trips_names_with_commas_apostrophes_and_diacritics() {
        let s = sample();
        assert_eq!(decode_link(&encode_link(&s).unwrap()).unwrap(), s);
        assert_eq!(
            decode_link(&format!(
                "https://example.org/kennisbank{}",
                encode_link(&s).unwrap()
            ))
            .unwrap(),
            s
        );
        assert_eq!(decode_link(&encode_query(&s)).unwrap(), s);
    }

    #[test]
    fn old_query_string_links_still_open() {
        let s = sample();
        let old = format!("/herverdeling/?{}#uitslag", encode_query(&s));
        assert_eq!(decode_link(&old).unwrap(), s);
        assert_eq!(
            decode_link(&format!(
                "https://example.org/herverdeling/?{}",
                encode_query(&s)
            ))
            .unwrap(),
            s
        );
    }

    #[test]
    fn the_scenario_travels_in_the_fragment_not_the_query() {
        let mut s = sample();
        s.uitzondering = Some("vertrouwelijk".into());
        let link = encode_link(&s).unwrap();
        assert!(!link.contains('?'), "{link}");
        let (_, fragment) = link.split_once('#').unwrap();
        assert!(fragment.contains("uitzondering=vertrouwelijk"), "{link}");
    }

    #[test]
    fn links_the_page_would_refuse_are_not_made() {
        let mut s = Scenario {
            gemeenten: vec![Gemeente::default(); MAX_GEMEENTEN + 1],
            ..Default::default()
        };
        let e = encode_link(&s).unwrap_err();
        assert!(e.message.contains("hoogstens 400"), "{e}");
        s.gemeenten.truncate(MAX_GEMEENTEN);
        assert!(encode_link(&s).is_ok());
        let s = Scenario {
            uitzondering: Some("x".repeat(MAX_QUERY_LEN)),
            ..Default::default()
        };
        let e = encode_link(&s).unwrap_err();
        assert!(e.message.contains("tekens"), "{e}");
    }

    #[test]
    fn percent_twenty_and_lower_case_hex_are_read_too() {
        let s = decode_link("?gemeente=Den%20Haag,1&gemeente=S%c3%badwest-Frysl%c3%a2n").unwrap();
        assert_eq!(s.gemeenten[0].naam.as_deref(), Some("Den Haag"));
        assert_eq!(s.gemeenten[1].naam.as_deref(), Some("Súdwest-Fryslân"));
    }

    #[test]
    fn damaged_links_give_a_clear_error() {
        let e = decode_link("?periode=2026-1%2").unwrap_err();
        assert!(e.message.contains("beschadigd"), "{e}");
        let e = decode_link("?gemeente=%FF%FE").unwrap_err();
        assert!(e.message.contains("geen tekst"), "{e}");
        let e = decode_link("?periode=2026-1&periode=2026-2").unwrap_err();
        assert!(e.message.contains("meer dan één keer"), "{e}");
        let e = decode_link("?gemeente=a,1,2,Fryslân,2026-01-01,2026-01-02,Gb,extra").unwrap_err();
        assert!(e.message.contains("8 delen"), "{e}");
        let e = decode_link("#gemeente=a&periode_aantallen=2,2026-1,1,1").unwrap_err();
        assert!(e.message.contains("beschadigd"), "{e}");
        let e =
            decode_link(&format!("?uitzondering={}", "a".repeat(MAX_QUERY_LEN + 1))).unwrap_err();
        assert!(e.message.contains("te lang"), "{e}");
    }

    #[test]
    fn unknown_parameters_and_empty_links_are_ignored() {
        assert_eq!(decode_link("/herverdeling/").unwrap(), Scenario::default());
        assert_eq!(decode_link("").unwrap(), Scenario::default());
        let s = decode_link("?utm_source=mail&periode=2026-2&fbclid=x").unwrap();
        assert_eq!(s.periode.as_deref(), Some("2026-2"));
    }

    fn text() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            Just(None),
            "[ -~]{1,12}".prop_map(Some),
            "[a-zA-Zàâäéèêëïîôöûüúçñ' ,+%&=#?()-]{1,16}".prop_map(Some),
            any::<String>()
                .prop_filter("non-empty", |s| !s.is_empty())
                .prop_map(Some),
        ]
    }

    fn scenario() -> impl Strategy<Value = Scenario> {
        let aantallen = prop::collection::btree_map(
            "[ -~]{1,8}",
            (text(), text()).prop_map(|(taakstelling, nieuw)| Aantallen {
                taakstelling,
                nieuw,
            }),
            0..3,
        );
        let g = (
            (text(), text(), text(), text()),
            (text(), text(), text()),
            aantallen,
        )
            .prop_map(
                |(
                    (naam, provincie, taakstelling, nieuw),
                    (besluitdatum, bekendmaking, publicatie),
                    perioden,
                )| Gemeente {
                    naam,
                    provincie,
                    taakstelling,
                    nieuw,
                    besluitdatum,
                    bekendmaking,
                    publicatie,
                    perioden,
                },
            );
        let penvoerder = prop::option::of((text(), text(), text(), text(), text()).prop_map(
            |(gemeente, naam, email, telefoon, kenmerk)| Penvoerder {
                gemeente,
                naam,
                email,
                telefoon,
                kenmerk,
            },
        ));
        let o = (text(), text(), text()).prop_map(|(van, naar, aantal)| Overdracht {
            van,
            naar,
            aantal,
        });
        (
            (text(), text(), text(), text(), text(), text()),
            prop::collection::vec(g, 0..5),
            prop::collection::vec(o, 0..4),
            penvoerder,
        )
            .prop_map(
                |(
                    (periode, tot_en_met, uitzondering, besluitdatum, bekendmaking, melddatum),
                    gemeenten,
                    overdrachten,
                    penvoerder,
                )| Scenario {
                    penvoerder,
                    periode,
                    tot_en_met,
                    uitzondering,
                    besluitdatum,
                    bekendmaking,
                    melddatum,
                    gemeenten,
                    overdrachten,
                },
            )
    }

    proptest! {
        #[test]
        fn any_scenario_round_trips_through_a_link(s in scenario()) {
            let link = encode_link(&s).unwrap();
            prop_assert!(link.is_ascii());
            prop_assert!(!link.contains(' ') && !link.contains('?'));
            prop_assert!(link.matches('#').count() <= 1);
            prop_assert_eq!(decode_link(&link).unwrap(), s);
        }

        #[test]
        fn decoding_arbitrary_text_never_panics(t in any::<String>()) {
            let _ = decode_link(&t);
        }
    }
}
