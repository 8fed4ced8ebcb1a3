//! The period (`periode`, `tot_en_met`): readable, from 2015-1, in order, and one period unless
//! an exception is given (uitgangspunt 3).

use super::findings::Findings;
use crate::period::{Period, PeriodError};
use crate::scenario::{filled, Scenario};
use crate::verdict::{Code, Periods};

pub(super) fn period_problem(e: &PeriodError, written: &str) -> String {
    let shown = super::findings::shorten(written);
    match e {
        PeriodError::Format => format!(
            "\"{shown}\" is geen taakstellingsperiode. Schrijf het jaar en de helft: 2026-1 (1 januari t/m 30 juni) of 2026-2 (1 juli t/m 31 december)."
        ),
        PeriodError::BeforeLaw => format!(
            "\"{shown}\" ligt vóór 2015-1. De Huisvestingswet 2014 geldt sinds 1 januari 2015; eerdere perioden kunnen niet worden herverdeeld."
        ),
        PeriodError::TooFarAhead => format!(
            "\"{shown}\" ligt na {}, verder vooruit dan de check aanneemt. Kijk of het jaar klopt.",
            crate::period::MAX_YEAR
        ),
    }
}

pub(super) fn check_periods(s: &Scenario, f: &mut Findings) -> Option<Periods> {
    let from = match filled(&s.periode) {
        None => {
            f.error(
                Code::MissingField,
                "periode",
                3,
                "De taakstellingsperiode ontbreekt. Een herverdeling geldt voor een bepaalde periode, zoals 2026-1.".into(),
            );
            None
        }
        Some(raw) => match Period::parse(raw) {
            Ok(p) => Some(p),
            Err(e) => {
                let msg = format!("Periode: {}", period_problem(&e, raw.trim()));
                f.error(Code::InvalidPeriod, "periode", 3, msg);
                None
            }
        },
    };
    let to = match filled(&s.tot_en_met) {
        None => from,
        Some(raw) => match Period::parse(raw) {
            Ok(p) => Some(p),
            Err(e) => {
                let msg = format!("Tot en met: {}", period_problem(&e, raw.trim()));
                f.error(Code::InvalidPeriod, "tot_en_met", 3, msg);
                None
            }
        },
    };
    let (from, to) = (from?, to?);
    if to < from {
        f.error(
            Code::InvalidPeriod,
            "tot_en_met",
            3,
            format!("De laatste periode ({to}) ligt vóór de eerste periode ({from})."),
        );
        return None;
    }
    let list = from.through(to);
    if list.len() > 1 {
        let base = format!(
            "De herverdeling beslaat {} taakstellingsperioden ({from} t/m {to}). Een besluit betreft in de regel niet meer dan één taakstellingsperiode",
            list.len()
        );
        if filled(&s.uitzondering).is_some() {
            f.warning(
                Code::PeriodTooLong,
                "tot_en_met",
                3,
                format!("{base}; dit kan alleen als uitzondering in overleg met het COA en de ministeries (nu Asiel en Migratie, en Volkshuisvesting en Ruimtelijke Ordening), zoals bij de Waddeneilanden en Rozendaal. Zorg dat die afspraak vastligt: de documenten geven uw tekst alleen als toelichting."),
            );
        } else {
            f.error(
                Code::PeriodTooLong,
                "tot_en_met",
                3,
                format!("{base}. Beperk het besluit tot één periode, of vul bij 'Toelichting bij een langere afspraak' in waarom langer is afgesproken met het COA en de ministeries (nu Asiel en Migratie, en Volkshuisvesting en Ruimtelijke Ordening)."),
            );
        }
    }
    Some(Periods {
        from,
        to,
        count: list.len(),
        text: list.iter().map(|p| p.in_words()).collect(),
    })
}
