//! The dates: each college's decision and publication (stap 1), the melding counted from the
//! last publication (uitgangspunt 4), and COA's month (uitgangspunt 5).

use super::findings::Findings;
use super::municipalities::Resolved;
use crate::dutch::join;
use crate::scenario::{filled, Scenario};
use crate::verdict::{Code, Dates, Deadlines, MunicipalityResult, Periods};
use textkit::date::{Date, DateError};

/// COA must be told "zo spoedig mogelijk, in redelijkheid binnen één week" after publication.
pub const NOTIFY_WITHIN_DAYS: i64 = 7;

pub(super) fn read_date(
    s: &Option<String>,
    field: &str,
    label: &str,
    required: bool,
    f: &mut Findings,
) -> Option<Date> {
    match filled(s) {
        None => {
            if required {
                f.error(
                    Code::MissingField,
                    field,
                    4,
                    format!("De {label} ontbreekt. Het besluit moet schriftelijk worden genomen en openbaar bekendgemaakt."),
                );
            }
            None
        }
        Some(raw) => match Date::parse(raw) {
            Ok(d) => Some(d),
            Err(e) => {
                let why = match e {
                    DateError::Format => "is geen datum; schrijf als jjjj-mm-dd, zoals 2026-02-10",
                    DateError::NoSuchDay => "bestaat niet in de kalender",
                };
                let raw = super::findings::shorten(raw.trim());
                f.error(
                    Code::InvalidDate,
                    field,
                    4,
                    format!("De {label} (\"{raw}\") {why}."),
                );
                None
            }
        },
    }
}

/// The scenario-wide dates as written (the default decision and publication of every college).
pub(super) struct TopDates {
    pub(super) besluit: Option<Date>,
    pub(super) bekend: Option<Date>,
    pub(super) meld: Option<Date>,
}

pub(super) fn read_top_dates(s: &Scenario, f: &mut Findings) -> TopDates {
    TopDates {
        besluit: read_date(&s.besluitdatum, "besluitdatum", "besluitdatum", false, f),
        bekend: read_date(
            &s.bekendmaking,
            "bekendmaking",
            "datum van bekendmaking",
            false,
            f,
        ),
        meld: read_date(&s.melddatum, "melddatum", "melddatum", false, f),
    }
}

/// Days between the first decision and the start of the first period beyond which the period is
/// warned about ([`Code::PeriodFarAhead`]): a year.
pub const FAR_AHEAD_DAYS: i64 = 366;

/// Stap 1: every college whose taakstelling changes decides in writing and publishes. Then the
/// order of the dates, and the melding counted from the last publication (uitgangspunt 4).
///
/// (A period starting more than [`FAR_AHEAD_DAYS`] after the first decision is warned about.)
pub(super) fn check_decisions(
    s: &Scenario,
    top: &TopDates,
    resolved: &[Resolved],
    results: &[MunicipalityResult],
    periods: Option<&Periods>,
    f: &mut Findings,
) -> Dates {
    for (i, (r, m)) in resolved.iter().zip(results).enumerate() {
        if m.unchanged() {
            continue;
        }
        let own = &s.gemeenten[i];
        for (date, written, own_value, key, what) in [
            (
                r.besluit,
                r.besluit_written,
                &own.besluitdatum,
                "besluitdatum",
                "de datum van het besluit van B&W",
            ),
            (
                r.bekend,
                r.bekend_written,
                &own.bekendmaking,
                "bekendmaking",
                "de datum van bekendmaking",
            ),
        ] {
            let _ = own_value;
            if date.is_none() && !written {
                // Where the user fills it in: at the municipality when the scenario gives dates
                // per municipality, else the one date for all.
                let per_municipality = s.gemeenten.iter().any(|g| {
                    filled(if key == "besluitdatum" {
                        &g.besluitdatum
                    } else {
                        &g.bekendmaking
                    })
                    .is_some()
                });
                let field = if per_municipality {
                    format!("gemeenten[{i}].{key}")
                } else {
                    key.to_string()
                };
                f.error(
                    Code::MissingDecision,
                    field,
                    4,
                    format!("Voor {} ontbreekt {what}. Het college van elke gemeente waarvan de taakstelling verandert, besluit schriftelijk en maakt het besluit openbaar bekend. Vul de datum in bij de gemeente, of één datum voor alle gemeenten.", r.name),
                );
            }
        }
        if let (Some(b), Some(k)) = (r.besluit, r.bekend) {
            if k < b {
                let field = if filled(&own.bekendmaking).is_some() {
                    format!("gemeenten[{i}].bekendmaking")
                } else {
                    "bekendmaking".to_string()
                };
                f.error_once(
                    Code::DateOrder,
                    field,
                    4,
                    format!("De bekendmaking van {} ({}) ligt vóór het besluit ({}). Een besluit kan pas na het nemen worden bekendgemaakt.", r.name, k.in_dutch(), b.in_dutch()),
                );
            }
        }
    }
    let last_besluit = resolved
        .iter()
        .filter_map(|r| r.besluit)
        .max()
        .or(top.besluit);
    let last_bekend = resolved
        .iter()
        .filter_map(|r| r.bekend)
        .max()
        .or(top.bekend);
    if let Some(m) = top.meld {
        if let Some(r) = resolved.iter().find(|r| r.besluit.is_some_and(|b| m < b)) {
            let b = r.besluit.unwrap_or(m);
            f.error(
                Code::DateOrder,
                "melddatum",
                4,
                format!("De melddatum ({}) ligt vóór het besluit van {} ({}). COA en provincie worden geïnformeerd over een genomen besluit.", m.in_dutch(), r.name, b.in_dutch()),
            );
        } else {
            let later: Vec<&str> = resolved
                .iter()
                .filter(|r| r.bekend.is_some_and(|k| m < k))
                .map(|r| r.name.as_str())
                .collect();
            if !later.is_empty() {
                f.warning(
                    Code::NoticeBeforePublication,
                    "melddatum",
                    4,
                    format!("De melddatum ({}) ligt vóór de bekendmaking van {}. De brief meldt dan een bekendmaking die nog niet heeft plaatsgevonden; meld na de laatste bekendmaking.", m.in_dutch(), join(&later)),
                );
            }
        }
        if let Some(k) = last_bekend {
            if k.days_until(m) > NOTIFY_WITHIN_DAYS {
                f.warning(
                    Code::NotificationLate,
                    "melddatum",
                    4,
                    format!(
                        "De melding aan COA en provincie ({}) is {} dagen na de laatste bekendmaking ({}). Meld zo spoedig mogelijk, in redelijkheid binnen één week.",
                        m.in_dutch(),
                        k.days_until(m),
                        k.in_dutch()
                    ),
                );
            }
        }
    }
    if let (Some(k), Some(p)) = (last_bekend, periods) {
        let end = p.to.end();
        if k > end {
            f.warning(
                Code::PeriodEnded,
                "bekendmaking",
                3,
                format!("De bekendmaking ({}) is na het einde van de laatste periode ({}, tot en met {}). De provincie houdt rekening met de herverdeling in de periode waarin die valt; kijk of de periode klopt.", k.in_dutch(), p.to, end.in_dutch()),
            );
        }
    }
    let _ = last_besluit;
    // A period that starts long after the decisions: a herverdeling is limited in time
    // (uitgangspunt 3) and the Rijk sets each half year's taakstelling, so most likely a typing
    // slip (`2100-2` for `2026-2`).
    let first_besluit = resolved
        .iter()
        .filter_map(|r| r.besluit)
        .min()
        .or(top.besluit);
    if let (Some(b), Some(p)) = (first_besluit, periods) {
        let start = p.from.start();
        if b.days_until(start) > FAR_AHEAD_DAYS {
            f.warning(
                Code::PeriodFarAhead,
                "periode",
                3,
                format!("De periode ({}, vanaf {}) begint meer dan een jaar na het besluit ({}). Het Rijk stelt de taakstelling per halfjaar vast en een herverdeling is beperkt in tijd; kijk of de periode klopt.", p.from, start.in_dutch(), b.in_dutch()),
            );
        }
    }
    Dates {
        besluitdatum: top.besluit,
        bekendmaking: top.bekend,
        melddatum: top.meld,
        last_publication: last_bekend,
    }
}

/// COA has one month from receipt; warn when that runs past the last period covered.
pub(super) fn check_processing(
    d: &Deadlines,
    dates: &Dates,
    periods: Option<&Periods>,
    f: &mut Findings,
) {
    let (Some(by), Some(p)) = (d.coa_processes_within, periods) else {
        return;
    };
    // Already said: the publication itself lies after the period.
    if dates.last_publication.is_some_and(|k| k > p.to.end()) {
        return;
    }
    if by > p.to.end() {
        f.warning(
            Code::ProcessingAfterPeriod,
            if dates.melddatum.is_some() { "melddatum" } else { "bekendmaking" },
            5,
            format!("COA verwerkt de herverdeling uiterlijk {} (één maand na ontvangst), na het einde van de laatste periode ({}, tot en met {}). Meld zo vroeg mogelijk, en kijk of de periode klopt.", by.in_dutch(), p.to, p.to.end().in_dutch()),
        );
    }
}

/// notify_by = the last publication + 7 days; COA processes within one month of receipt, where
/// receipt is the melddatum when known and otherwise the latest reasonable day, notify_by.
pub(super) fn deadlines(d: &Dates) -> Deadlines {
    let notify_by = d
        .last_publication
        .and_then(|k| k.add_days(NOTIFY_WITHIN_DAYS));
    let (receipt, assumed) = match d.melddatum {
        Some(m) => (Some(m), false),
        None => (notify_by, notify_by.is_some()),
    };
    Deadlines {
        notify_by,
        receipt,
        receipt_assumed: assumed,
        coa_processes_within: receipt.and_then(|r| r.add_months(1)),
    }
}
