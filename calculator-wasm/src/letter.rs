//! The letter to COA (stap 2 of the stappenplan), rendered from the editors' template
//! `content/herverdeling/brief-coa.html` with minijinja, in the CLI and in the browser alike.
//!
//! The template sees these variables (all text is already written out in Dutch, so templates need
//! no filters; HTML in values is escaped):
//!
//! | variable | example |
//! | --- | --- |
//! | `gemeenten` | list of `{naam, cbs, provincie, voor, na, verschil, …, samen_met}`, `verschil` signed: `"+6"`, `"-6"`, `cbs` the CBS code or empty, `samen_met` the other colleges: `"het college van de gemeente Heerenveen"` |
//! | `som_voor`, `som_na` | `16`; numbers are written the Dutch way: `1.600` |
//! | `perioden` | list of `"eerste helft 2026 (1 januari t/m 30 juni 2026)"` |
//! | `periode` | the periods joined: `"… en tweede helft 2026 (…)"` |
//! | `meerdere_perioden` | `true` when more than one period |
//! | `uitzondering` | the reason for a longer agreement, or empty |
//! | `besluitdatum`, `bekendmaking` | `"10 februari 2026"` |
//! | `coa` | `{naam, tav, adres (list of lines), telefoon}` |
//! | `provincies` | `["Provincie Fryslân"]` |
//! | `provincie_namen` | the provinces involved by their own name, sorted: `["Fryslân", "Groningen"]` |
//! | `provincie_adressen` | per province, in the same order: `{naam, tav, adres (list of lines)}`, `adres` empty when `content/adressen.yaml` gives none |
//! | `kopie` | provinces, then the ministries (from `content/adressen.yaml`) |
//! | `ministeries` | list of `{naam, tav, adres (list of lines), rol, taak}`: `rol` why it is told, `taak` what it does |
//! | `ministerie_namen` | the ministries joined: `"het Ministerie van A en het Ministerie van B"` |

use crate::addressees::MinistryRole;
use crate::dutch::{join, number};
use crate::municipalities::MunicipalityList;
use crate::rules::{check, COA_ADDRESS, COA_ATTENTION, COA_NAME, COA_PHONE};
use crate::scenario::{Gemeente, Scenario};
use crate::verdict::{Issue, MunicipalityResult, RecipientKind, Verdict};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;
use std::fmt;

/// Why no letter could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterError {
    /// The template does not parse, or uses a variable, filter or construct that does not exist.
    Template {
        line: Option<usize>,
        message: String,
    },
    /// The scenario has errors; a letter is only written for a valid redistribution.
    Invalid { errors: Vec<Issue> },
}

impl fmt::Display for LetterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LetterError::Template {
                line: Some(l),
                message,
            } => write!(f, "letter template, line {l}: {message}"),
            LetterError::Template {
                line: None,
                message,
            } => {
                write!(f, "letter template: {message}")
            }
            LetterError::Invalid { errors } => {
                write!(
                    f,
                    "no letter for an invalid scenario ({} errors)",
                    errors.len()
                )
            }
        }
    }
}

impl std::error::Error for LetterError {}

impl From<minijinja::Error> for LetterError {
    fn from(e: minijinja::Error) -> LetterError {
        let mut message = e.kind().to_string();
        if let Some(d) = e.detail() {
            message.push_str(": ");
            message.push_str(d);
        }
        LetterError::Template {
            line: e.line(),
            message,
        }
    }
}

#[derive(Serialize)]
struct Row<'a> {
    naam: &'a str,
    /// The CBS code (`GM0363`), or empty for a municipality not in the list.
    cbs: &'a str,
    provincie: &'a str,
    #[serde(serialize_with = "dutch_number")]
    voor: i64,
    #[serde(serialize_with = "dutch_number")]
    na: i64,
    verschil: String,
    besluitdatum: String,
    bekendmaking: String,
    publicatie: &'a str,
    perioden: Vec<PeriodRow>,
    /// The other colleges of the decision: "het college van de gemeente B", "de colleges van de
    /// gemeenten B en C" (a college's own publication names the others, not itself).
    samen_met: String,
}

#[derive(Serialize)]
struct PeriodRow {
    periode: String,
    voor: String,
    na: String,
    verschil: String,
}

#[derive(Serialize)]
struct Penvoerder<'a> {
    gemeente: &'a str,
    naam: &'a str,
    email: &'a str,
    telefoon: &'a str,
    kenmerk: &'a str,
}

#[derive(Serialize)]
struct Coa {
    naam: &'static str,
    tav: &'static str,
    adres: [&'static str; 2],
    telefoon: &'static str,
}

#[derive(Serialize)]
struct Context<'a> {
    gemeenten: Vec<Row<'a>>,
    #[serde(serialize_with = "dutch_number")]
    som_voor: i64,
    #[serde(serialize_with = "dutch_number")]
    som_na: i64,
    perioden: &'a [String],
    periode: String,
    meerdere_perioden: bool,
    uitzondering: &'a str,
    /// "De colleges van burgemeester en wethouders van de gemeenten A, B en C".
    afzender: String,
    /// "A, B en C".
    gemeente_namen: String,
    /// The numbers hold per taakstellingsperiode (one pair on a multi-period agreement).
    per_periode: bool,
    aantallen_per_periode: bool,
    penvoerder: Penvoerder<'a>,
    conclusie: &'a str,
    coa: Coa,
    provincies: Vec<&'a str>,
    /// The provinces involved by their own name, sorted: ["Fryslân", "Groningen"].
    provincie_namen: Vec<&'static str>,
    /// Gedeputeerde Staten of each province involved, in the order of `provincie_namen`.
    provincie_adressen: Vec<ProvinceRow<'a>>,
    kopie: Vec<&'a str>,
    ministeries: Vec<MinistryRow<'a>>,
    ministerie_namen: String,
}

#[derive(Serialize)]
struct ProvinceRow<'a> {
    /// "Fryslân".
    naam: &'a str,
    tav: &'a str,
    adres: &'a [String],
}

#[derive(Serialize)]
struct MinistryRow<'a> {
    naam: &'a str,
    tav: &'a str,
    adres: &'a [String],
    rol: &'a str,
    /// "de taakstelling opstelt" / "verantwoordelijk is voor de Huisvestingswet 2014".
    taak: &'static str,
}

fn context(v: &Verdict) -> Result<Context<'_>, LetterError> {
    let incomplete = || LetterError::Template {
        line: None,
        message: "the verdict lacks numbers or dates that a valid scenario always has".into(),
    };
    if !v.valid {
        return Err(LetterError::Invalid {
            errors: v.errors.clone(),
        });
    }
    let periods = v.periods.as_ref().ok_or_else(incomplete)?;
    // A municipality whose taakstelling stays the same takes no decision (uitgangspunt 2): the
    // documents name only those that redistribute, and their sums are those of the rows shown.
    let taking_part: Vec<&MunicipalityResult> =
        v.municipalities.iter().filter(|m| !m.unchanged()).collect();
    let names: Vec<&str> = taking_part.iter().map(|m| m.name.as_str()).collect();
    let mut rows = Vec::with_capacity(taking_part.len());
    for (k, m) in taking_part.iter().copied().enumerate() {
        let others: Vec<&str> = names
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != k)
            .map(|(_, n)| *n)
            .collect();
        let samen_met = match others.as_slice() {
            [one] => format!("het college van de gemeente {one}"),
            _ => format!("de colleges van de gemeenten {}", join(&others)),
        };
        let (voor, na) = (
            m.before.ok_or_else(incomplete)?,
            m.after.ok_or_else(incomplete)?,
        );
        rows.push(Row {
            naam: &m.name,
            cbs: m.cbs.as_deref().unwrap_or(""),
            provincie: m.province.map(|p| p.name()).unwrap_or(""),
            voor,
            na,
            verschil: signed(na - voor),
            besluitdatum: m.besluitdatum.ok_or_else(incomplete)?.in_dutch(),
            bekendmaking: m.bekendmaking.ok_or_else(incomplete)?.in_dutch(),
            publicatie: m.publicatie.as_deref().unwrap_or(""),
            perioden: m
                .perioden
                .iter()
                .map(|p| PeriodRow {
                    periode: p.periode.in_words(),
                    voor: p.before.map(number).unwrap_or_default(),
                    na: p.after.map(number).unwrap_or_default(),
                    verschil: p.difference.map(signed).unwrap_or_default(),
                })
                .collect(),
            samen_met,
        });
    }
    let som_voor: i64 = rows.iter().map(|r| r.voor).sum();
    let som_na: i64 = rows.iter().map(|r| r.na).sum();
    let pv = v.penvoerder.as_ref();
    let field = |get: fn(&crate::verdict::PenvoerderInfo) -> &Option<String>| {
        pv.and_then(|p| get(p).as_deref()).unwrap_or("")
    };
    let provincies: Vec<&str> = v
        .recipients
        .iter()
        .filter(|r| r.kind == RecipientKind::Provincie)
        .map(|r| r.name.as_str())
        .collect();
    let provincie_adressen: Vec<ProvinceRow> = v
        .recipients
        .iter()
        .filter(|r| r.kind == RecipientKind::Provincie)
        .map(|r| ProvinceRow {
            naam: r.name.strip_prefix("Provincie ").unwrap_or(&r.name),
            tav: r.attention.as_deref().unwrap_or(""),
            adres: &r.address,
        })
        .collect();
    let kopie: Vec<&str> = v
        .recipients
        .iter()
        .filter(|r| r.kind != RecipientKind::Coa)
        .map(|r| r.name.as_str())
        .collect();
    let ministries: Vec<MinistryRow> = v
        .recipients
        .iter()
        .filter(|r| r.kind == RecipientKind::Ministerie)
        .map(|r| MinistryRow {
            naam: &r.name,
            tav: r.attention.as_deref().unwrap_or(""),
            adres: &r.address,
            rol: &r.reason,
            taak: MinistryRole::from_reason(&r.reason).map_or("", MinistryRole::duty),
        })
        .collect();
    let with_article: Vec<String> = ministries
        .iter()
        .map(|m| format!("het {}", m.naam))
        .collect();
    let ministerie_namen = join(&with_article.iter().map(String::as_str).collect::<Vec<_>>());
    let periode = match periods.text.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} en {last}", rest.join(", ")),
        None => return Err(incomplete()),
    };
    Ok(Context {
        gemeenten: rows,
        som_voor,
        som_na,
        perioden: &periods.text,
        periode,
        meerdere_perioden: periods.count > 1,
        uitzondering: v.uitzondering.as_deref().unwrap_or(""),
        afzender: format!(
            "De colleges van burgemeester en wethouders van de gemeenten {}",
            join(&names)
        ),
        gemeente_namen: join(&names),
        per_periode: periods.count > 1 && v.sums_per_period.is_empty(),
        aantallen_per_periode: !v.sums_per_period.is_empty(),
        penvoerder: Penvoerder {
            gemeente: field(|p| &p.gemeente),
            naam: field(|p| &p.naam),
            email: field(|p| &p.email),
            telefoon: field(|p| &p.telefoon),
            kenmerk: field(|p| &p.kenmerk),
        },
        conclusie: &v.conclusion,
        coa: Coa {
            naam: COA_NAME,
            tav: COA_ATTENTION,
            adres: COA_ADDRESS,
            telefoon: COA_PHONE,
        },
        provincies,
        provincie_namen: taking_part
            .iter()
            .filter_map(|m| m.province.map(|p| p.name()))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
        provincie_adressen,
        kopie,
        ministeries: ministries,
        ministerie_namen,
    })
}

fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{}", number(n))
    } else {
        number(n)
    }
}

/// Numbers reach the templates written the Dutch way (`1.600`), as dates do.
fn dutch_number<S: serde::Serializer>(n: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&number(*n))
}

/// Escapes text for HTML element content and quoted attribute values.
pub use textkit::escape_html;

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // Names come from users: always escape, whatever the template's name.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    // minijinja's HTML escaping also writes `/` as `&#x2f;`, which makes "t/m" unreadable in the
    // HTML that users copy and download; escaping the five HTML-special characters is enough.
    env.set_formatter(|out, _state, value| {
        if value.is_safe() {
            write!(out, "{value}").map_err(minijinja::Error::from)
        } else {
            out.write_str(&escape_html(&value.to_string()))
                .map_err(minijinja::Error::from)
        }
    });
    // A misspelt variable must fail loudly rather than leave a hole in an official letter.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env
}

/// Renders the letter for a valid verdict. Errors: [`LetterError::Invalid`] when the verdict has
/// errors, [`LetterError::Template`] when the template is broken.
pub fn render_letter(template: &str, verdict: &Verdict) -> Result<String, LetterError> {
    let ctx = context(verdict)?;
    let env = environment();
    let tmpl = env.template_from_str(template)?;
    // Lines to sign are marked, so that printed HTML leaves room for the signatures as the .odt
    // and .docx do.
    Ok(crate::office::print::mark_signing_lines(&tmpl.render(ctx)?))
}

/// Parses `scenario` and checks it with `list`, then renders the letter.
pub fn render_letter_for(
    template: &str,
    scenario: &Scenario,
    list: &MunicipalityList,
) -> Result<String, LetterError> {
    render_letter(template, &check(scenario, list))
}

fn sample(multi: bool) -> Verdict {
    let g = |naam: &str, provincie: &str, t: &str, n: &str| Gemeente {
        naam: Some(naam.into()),
        provincie: Some(provincie.into()),
        taakstelling: Some(t.into()),
        nieuw: Some(n.into()),
        ..Default::default()
    };
    let s = Scenario {
        periode: Some("2026-1".into()),
        tot_en_met: multi.then(|| "2026-2".into()),
        uitzondering: multi.then(|| "Afgesproken met COA, J&V en BZK".into()),
        besluitdatum: Some("2026-02-10".into()),
        bekendmaking: Some("2026-02-12".into()),
        melddatum: None,
        gemeenten: vec![
            g("Ameland", "Fryslân", "6", "0"),
            g("Heerenveen", "Fryslân", "10", "16"),
        ],
        overdrachten: Vec::new(),
        ..Default::default()
    };
    let ministry = |rol, naam: &str| crate::addressees::Ministry {
        rol,
        naam: naam.into(),
        tav: None,
        postadres: vec!["Postbus 1".into(), "2500 AA Den Haag".into()],
    };
    let list = MunicipalityList::empty().with_addressees(crate::addressees::Addressees {
        ministeries: vec![
            ministry(MinistryRole::Taakstelling, "Ministerie van A"),
            ministry(MinistryRole::Huisvestingswet, "Ministerie van B"),
        ],
        provincies: vec![crate::addressees::ProvinceAddress {
            naam: "Fryslân".into(),
            tav: None,
            postadres: vec!["Postbus 1".into(), "8900 AA Leeuwarden".into()],
        }],
    });
    check(&s, &list)
}

/// The variables a document template gets, each with the fields of its value (an object's keys,
/// or the keys of a list's items), sorted by name: what `kennisbank check` names
/// when a template uses a variable it does not get.
pub fn letter_variables() -> Vec<(String, Vec<String>)> {
    let verdict = sample(true);
    let Ok(serde_json::Value::Object(map)) =
        context(&verdict).map(|c| serde_json::to_value(c).unwrap_or_default())
    else {
        return Vec::new();
    };
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v.as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    map.iter()
        .map(|(name, value)| {
            let fields = match value {
                serde_json::Value::Array(items) => items.first().map(keys).unwrap_or_default(),
                other => keys(other),
            };
            (name.clone(), fields)
        })
        .collect()
}

/// Checks an editor's template: syntax, and a trial rendering of a one-period and a two-period
/// sample, so that unknown variables and filters are found before a user meets them.
pub fn validate_letter_template(src: &str) -> Result<(), LetterError> {
    let env = environment();
    env.template_from_str(src)?;
    for multi in [false, true] {
        render_letter(src, &sample(multi))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = include_str!("../../content/herverdeling/brief-coa.html");

    #[test]
    fn letter_variables_name_the_context_and_the_fields_of_its_lists() {
        let vars = letter_variables();
        let get = |n: &str| vars.iter().find(|(v, _)| v == n).map(|(_, f)| f.clone());
        assert_eq!(get("periode"), Some(vec![]));
        assert!(get("gemeenten")
            .unwrap()
            .contains(&"besluitdatum".to_string()));
        assert!(get("coa").unwrap().contains(&"tav".to_string()));
        assert_eq!(get("besluitdatum"), None);
    }

    #[test]
    fn numbers_in_the_thousands_are_written_the_dutch_way() {
        let scenario = Scenario::parse(
            "periode: 2026-1\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\ngemeenten:\n  - { naam: Amsterdam, provincie: Noord-Holland, taakstelling: 1600, nieuw: 1350 }\n  - { naam: Zaanstad, provincie: Noord-Holland, taakstelling: 900, nieuw: 1150 }\n",
        )
        .unwrap();
        let verdict = check(&scenario, &MunicipalityList::empty());
        assert!(verdict.valid, "{verdict:?}");
        let html = render_letter(TEMPLATE, &verdict).unwrap();
        for needle in [
            "<td class=\"getal\">1.600</td>",
            "<td class=\"getal\">1.350</td>",
            "<td class=\"getal\">-250</td>",
            "<td class=\"getal\">2.500</td>",
        ] {
            assert!(html.contains(needle), "missing {needle:?} in\n{html}");
        }
    }

    #[test]
    fn the_content_template_is_valid() {
        validate_letter_template(TEMPLATE).unwrap();
    }

    #[test]
    fn letter_has_addressee_table_dates_and_copies() {
        let html = render_letter(TEMPLATE, &sample(false)).unwrap();
        for needle in [
            "unit Plaatsing",
            "Postbus 30203",
            "2500 GE Den Haag",
            "artikel 29, tweede lid",
            "eerste helft 2026 (1 januari t/m 30 juni 2026)",
            "10 februari 2026",
            "12 februari 2026",
            "<td>Ameland</td>",
            "<td class=\"getal\">-6</td>",
            "<td class=\"getal\">+6</td>",
            "Provincie Fryslân",
            "Ministerie van A",
            "Ministerie van B",
            "binnen één maand",
            "<dt>Datum:</dt><dd>……",
        ] {
            assert!(html.contains(needle), "missing {needle:?} in\n{html}");
        }
        assert!(
            !html.contains("uitzondering"),
            "one period needs no exception text"
        );
        let two = render_letter(TEMPLATE, &sample(true)).unwrap();
        assert!(two.contains("en tweede helft 2026"), "{two}");
        assert!(two.contains("Afgesproken met COA, J&amp;V en BZK"), "{two}");
    }

    #[test]
    fn a_municipality_that_does_not_redistribute_is_left_out_of_the_documents() {
        // Each college its own dates; the third municipality's taakstelling stays the same, so it
        // takes no decision and has no dates: the check warns (MUNICIPALITY_UNCHANGED) and the
        // documents are made without it, its province included.
        let g =
            |naam: &str, provincie: &str, t: &str, n: &str, dates: Option<(&str, &str)>| Gemeente {
                naam: Some(naam.into()),
                provincie: Some(provincie.into()),
                taakstelling: Some(t.into()),
                nieuw: Some(n.into()),
                besluitdatum: dates.map(|d| d.0.into()),
                bekendmaking: dates.map(|d| d.1.into()),
                ..Default::default()
            };
        let s = Scenario {
            periode: Some("2026-1".into()),
            gemeenten: vec![
                g(
                    "Ameland",
                    "Fryslân",
                    "6",
                    "0",
                    Some(("2026-02-10", "2026-02-12")),
                ),
                g(
                    "Heerenveen",
                    "Fryslân",
                    "10",
                    "16",
                    Some(("2026-02-11", "2026-02-13")),
                ),
                g("Westerkwartier", "Groningen", "8", "8", None),
            ],
            ..Default::default()
        };
        let v = check(&s, &MunicipalityList::empty());
        assert!(v.valid, "{:?}", v.errors);
        assert!(v
            .warnings
            .iter()
            .any(|w| w.code == crate::verdict::Code::MunicipalityUnchanged));
        assert!(!v.recipients.iter().any(|r| r.name.contains("Groningen")));
        let html = render_letter(TEMPLATE, &v).unwrap();
        assert!(!html.contains("Westerkwartier"), "{html}");
        assert!(!html.contains("Groningen"), "{html}");
        assert!(html.contains("gemeenten Ameland en Heerenveen"), "{html}");
        // The sums are those of the rows shown: 16 before, 16 after.
        assert!(html.contains("<td class=\"getal\">16</td>"), "{html}");
        assert!(!html.contains("<td class=\"getal\">24</td>"), "{html}");
    }

    #[test]
    fn names_are_html_escaped() {
        let mut v = sample(false);
        v.municipalities[0].name = "<script>alert(1)</script>".into();
        let html = render_letter(TEMPLATE, &v).unwrap();
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn invalid_verdict_gets_no_letter() {
        let mut v = sample(false);
        v.valid = false;
        assert!(matches!(
            render_letter(TEMPLATE, &v),
            Err(LetterError::Invalid { .. })
        ));
    }

    #[test]
    fn template_syntax_error_names_its_line() {
        let e =
            validate_letter_template("<p>\n{% for g in gemeenten %}\n{{ g.naam }\n").unwrap_err();
        match e {
            LetterError::Template { line, .. } => assert_eq!(line, Some(3)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn template_with_unknown_variable_is_refused() {
        let e = validate_letter_template("<p>\n{{ gemeenten_namen }}</p>").unwrap_err();
        match e {
            LetterError::Template { line, message } => {
                assert_eq!(line, Some(2));
                assert!(message.contains("undefined"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
