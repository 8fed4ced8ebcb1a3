//! The rules of the stappenplan (bijlage of the PHV best practices) applied to a scenario.
//! Pure: the verdict depends on the scenario and the municipalities list only, never on today.

use crate::dutch::join;
use crate::municipalities::{MunicipalityList, Province};
use crate::names::{closest, fold};
use crate::period::{Period, PeriodError};
use crate::scenario::{filled, Scenario};
use crate::verdict::{
    Code, Dates, Deadlines, Issue, MunicipalityResult, PenvoerderInfo, PeriodNumbers, PeriodSums,
    Periods, Recipient, RecipientKind, Verdict,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use textkit::date::{Date, DateError};

/// The largest number of vergunninghouders accepted in one field. Far above any real taakstelling
/// (the largest are a few thousand a half year), low enough that sums can never overflow.
pub const MAX_COUNT: i64 = 1_000_000;

/// COA must be told "zo spoedig mogelijk, in redelijkheid binnen één week" after publication.
pub const NOTIFY_WITHIN_DAYS: i64 = 7;

/// COA's address for these letters, from stap 2 of the stappenplan.
pub const COA_NAME: &str = "Centraal Orgaan opvang asielzoekers (COA)";
pub const COA_ATTENTION: &str = "unit Plaatsing";
pub const COA_ADDRESS: [&str; 2] = ["Postbus 30203", "2500 GE Den Haag"];
pub const COA_PHONE: &str = "088-7157000";
pub const MINISTRY_JV: &str = "Ministerie van Justitie en Veiligheid";
pub const MINISTRY_BZK: &str = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties";

/// Why a text is not an acceptable count of vergunninghouders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    NotANumber,
    NotWhole,
    Negative(i64),
    TooLarge,
    /// Below -[`MAX_COUNT`]: not just negative but out of any range.
    TooSmall,
}

/// Reads a whole number `0..=MAX_COUNT`. Digits only (surrounding spaces allowed): `1.000` is
/// refused because a Dutch reader means a thousand and an English one means one.
pub fn parse_count(text: &str) -> Result<i64, NumberProblem> {
    let t = text.trim();
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        // More than 7 significant digits is out of range whatever they are; this also keeps the
        // parse itself from overflowing.
        let significant = digits.trim_start_matches('0');
        let out_of_range = if negative {
            NumberProblem::TooSmall
        } else {
            NumberProblem::TooLarge
        };
        if significant.len() > 7 {
            return Err(out_of_range);
        }
        let n: i64 = significant.parse().unwrap_or(0);
        if n > MAX_COUNT {
            return Err(out_of_range);
        }
        return if negative && n != 0 {
            Err(NumberProblem::Negative(-n))
        } else {
            Ok(n)
        };
    }
    if looks_decimal(digits) {
        return Err(match scientific_magnitude(digits) {
            Some(m) if m > 6 && negative => NumberProblem::TooSmall,
            Some(m) if m > 6 => NumberProblem::TooLarge,
            _ => NumberProblem::NotWhole,
        });
    }
    Err(NumberProblem::NotANumber)
}

/// The power of ten of a number written with an exponent (`1e30` → 30, `2.5E7` → 7), so that a
/// huge number is called too large rather than "not whole". `None` without a readable exponent.
fn scientific_magnitude(t: &str) -> Option<i64> {
    let pos = t.find(['e', 'E'])?;
    let (mantissa, exponent) = (&t[..pos], &t[pos + 1..]);
    let exponent: i64 = exponent.parse().ok()?;
    let int_digits = mantissa
        .split(['.', ','])
        .next()?
        .trim_start_matches('0')
        .len() as i64;
    Some(exponent.saturating_add(int_digits.max(1) - 1))
}

/// `2.5`, `2,5`, `6.0`, `1e3`: a number, but not written as a whole number of people.
fn looks_decimal(t: &str) -> bool {
    let mut digits = 0;
    let mut seps = 0;
    for (i, c) in t.chars().enumerate() {
        match c {
            '0'..='9' => digits += 1,
            '.' | ',' => seps += 1,
            'e' | 'E' if i > 0 => seps += 1,
            '-' | '+' if i > 0 => {}
            _ => return false,
        }
    }
    digits > 0 && seps > 0
}

fn with_point(message: String, uitgangspunt: u8) -> String {
    format!("{message} (uitgangspunt {uitgangspunt})")
}

/// Collects issues in the order the rules find them.
struct Findings {
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

impl Findings {
    fn error(&mut self, code: Code, field: impl Into<String>, uitgangspunt: u8, message: String) {
        self.errors.push(Issue {
            code,
            message: with_point(message, uitgangspunt),
            field: field.into(),
            uitgangspunt,
        });
    }

    /// Like [`Findings::error`], unless an error with this code and field was already found (a
    /// number that holds for every period is reported once, not once per period).
    fn error_once(&mut self, code: Code, field: String, uitgangspunt: u8, message: String) {
        if !self
            .errors
            .iter()
            .any(|i| i.code == code && i.field == field)
        {
            self.error(code, field, uitgangspunt, message);
        }
    }

    fn warning(&mut self, code: Code, field: impl Into<String>, uitgangspunt: u8, message: String) {
        self.warnings.push(Issue {
            code,
            message: with_point(message, uitgangspunt),
            field: field.into(),
            uitgangspunt,
        });
    }

    /// `INVALID_NUMBER` (or `NEGATIVE_RESULT` for a negative `nieuw`) with a message for `what`.
    fn number(
        &mut self,
        problem: NumberProblem,
        field: String,
        what: &str,
        raw: &str,
        negative_code: Code,
    ) {
        let shown = raw.trim();
        let (code, uitgangspunt, text) = match problem {
            NumberProblem::NotANumber => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is geen getal. Vul een geheel getal in van 0 tot en met 1.000.000."),
            ),
            NumberProblem::NotWhole => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is geen geheel getal. Vergunninghouders worden in hele aantallen herverdeeld."),
            ),
            NumberProblem::TooLarge => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is groter dan 1.000.000, het hoogste aantal dat de check aanneemt."),
            ),
            NumberProblem::TooSmall => (
                Code::InvalidNumber,
                4,
                format!("{what} (\"{shown}\") is kleiner dan -1.000.000 en kan geen aantal vergunninghouders zijn. Vul een geheel getal in van 0 tot en met 1.000.000."),
            ),
            NumberProblem::Negative(_) if negative_code == Code::NegativeResult => (
                Code::NegativeResult,
                2,
                format!("{what} (\"{shown}\") is negatief. Een gemeente kan niet meer overdragen dan haar taakstelling."),
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

/// A municipality of the scenario once its name and province are resolved.
struct Resolved {
    /// Name to show: the official one when listed, else the name as written (trimmed).
    name: String,
    key: String,
    province: Option<Province>,
    listed: bool,
    /// The numbers for every period, or for the only one (`taakstelling`, `nieuw`).
    pair: Numbers,
    /// The numbers per period, when given as `perioden`.
    per_period: BTreeMap<Period, Numbers>,
    /// The college's own decision and publication, else the scenario's.
    besluit: Option<Date>,
    bekend: Option<Date>,
    /// Whether the decision or publication date was written (even if unreadable), here or at the top.
    besluit_written: bool,
    bekend_written: bool,
    publicatie: Option<String>,
}

/// The numbers of one municipality (in one period, or in all).
#[derive(Clone, Default)]
struct Numbers {
    before: Option<i64>,
    nieuw: Option<i64>,
    /// `nieuw` was filled in (even if it could not be read).
    nieuw_given: bool,
    /// Path of the fields: `gemeenten[0]` or `gemeenten[0].perioden.2026-1`.
    path: String,
}

/// Applies every rule to `scenario`, using `list` for provinces and name suggestions.
pub fn check(scenario: &Scenario, list: &MunicipalityList) -> Verdict {
    let mut f = Findings {
        errors: Vec::new(),
        warnings: Vec::new(),
    };

    let periods = check_periods(scenario, &mut f);
    let top = read_top_dates(scenario, &mut f);
    let resolved = check_municipalities(scenario, list, periods.as_ref(), &top, &mut f);
    let transfers = check_transfers(scenario, list, &resolved, &mut f);
    let numbers = check_numbers(scenario, &resolved, &transfers, periods.as_ref(), &mut f);
    let dates = check_decisions(
        scenario,
        &top,
        &resolved,
        &numbers.municipalities,
        periods.as_ref(),
        &mut f,
    );
    let deadlines = deadlines(&dates);
    check_processing(&deadlines, &dates, periods.as_ref(), &mut f);
    let penvoerder = check_penvoerder(scenario, list, &resolved, &mut f);

    let recipients = recipients(&numbers.municipalities);
    let valid = f.errors.is_empty();
    Verdict {
        valid,
        conclusion: conclusion(valid, f.errors.len()),
        errors: f.errors,
        warnings: f.warnings,
        municipalities: numbers.municipalities,
        sum_before: numbers.sum_before,
        sum_after: numbers.sum_after,
        sums_per_period: numbers.per_period,
        periods,
        dates,
        uitzondering: filled(&scenario.uitzondering).map(|s| s.trim().to_string()),
        penvoerder,
        deadlines,
        recipients,
    }
}

/// The verdict in one sentence, the same on the page, in the CLI and in documents. It says what was
/// checked, not that the redistribution is lawful: the check cannot see the decisions themselves.
pub fn conclusion(valid: bool, errors: usize) -> String {
    if valid {
        "De herverdeling doorstaat de controles van het stappenplan.".to_string()
    } else {
        format!(
            "De herverdeling doorstaat de controles nog niet: {errors} {}.",
            if errors == 1 { "fout" } else { "fouten" }
        )
    }
}

fn period_problem(e: &PeriodError, shown: &str) -> String {
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

fn check_periods(s: &Scenario, f: &mut Findings) -> Option<Periods> {
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
                format!("{base}; dit kan alleen als uitzondering in overleg met COA, J&V en BZK (zoals bij de Waddeneilanden en Rozendaal). Zorg dat die afspraak vastligt."),
            );
        } else {
            f.error(
                Code::PeriodTooLong,
                "tot_en_met",
                3,
                format!("{base}. Beperk het besluit tot één periode, of vul bij 'uitzondering' in waarom langer is afgesproken met COA, J&V en BZK."),
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

fn read_date(
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
                let raw = raw.trim();
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
struct TopDates {
    besluit: Option<Date>,
    bekend: Option<Date>,
    meld: Option<Date>,
}

fn read_top_dates(s: &Scenario, f: &mut Findings) -> TopDates {
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

/// Stap 1: every college whose taakstelling changes decides in writing and publishes. Then the
/// order of the dates, and the melding counted from the last publication (uitgangspunt 4).
fn check_decisions(
    s: &Scenario,
    top: &TopDates,
    resolved: &[Resolved],
    results: &[MunicipalityResult],
    periods: Option<&Periods>,
    f: &mut Findings,
) -> Dates {
    for (i, (r, m)) in resolved.iter().zip(results).enumerate() {
        if m.difference == Some(0) {
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
    Dates {
        besluitdatum: top.besluit,
        bekendmaking: top.bekend,
        melddatum: top.meld,
        last_publication: last_bekend,
    }
}

/// COA has one month from receipt; warn when that runs past the last period covered.
fn check_processing(d: &Deadlines, dates: &Dates, periods: Option<&Periods>, f: &mut Findings) {
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

/// The penvoerder must be one of the municipalities taking part.
fn check_penvoerder(
    s: &Scenario,
    list: &MunicipalityList,
    resolved: &[Resolved],
    f: &mut Findings,
) -> Option<PenvoerderInfo> {
    let p = s.penvoerder.as_ref()?;
    let text = |v: &Option<String>| filled(v).map(|t| t.trim().to_string());
    let gemeente = match filled(&p.gemeente) {
        None => None,
        Some(raw) => {
            let key = fold(raw);
            let official = list.lookup(raw).map(|m| fold(&m.naam));
            match resolved.iter().find(|r| {
                !r.key.is_empty() && (r.key == key || official.as_deref() == Some(r.key.as_str()))
            }) {
                Some(r) => Some(r.name.clone()),
                None => {
                    f.error(
                        Code::UnknownMunicipality,
                        "penvoerder.gemeente",
                        4,
                        format!("De penvoerder ({}) staat niet bij de betrokken gemeenten. Kies een van de gemeenten die meebesluiten.", raw.trim()),
                    );
                    None
                }
            }
        }
    };
    Some(PenvoerderInfo {
        gemeente,
        naam: text(&p.naam),
        email: text(&p.email),
        telefoon: text(&p.telefoon),
        kenmerk: text(&p.kenmerk),
    })
}

/// "Ameland" or, without a name, "gemeente 2".
fn label(s: &Scenario, i: usize) -> String {
    match filled(&s.gemeenten[i].naam) {
        Some(n) => n.trim().to_string(),
        None => format!("gemeente {}", i + 1),
    }
}

fn suggestion_text(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!(" Bedoelt u {one}?"),
        more => format!(" Bedoelt u {}?", more.join(" of ")),
    }
}

/// Reads `taakstelling` and `nieuw` into `n`; `when` (" in 2026-2") goes into the messages.
fn read_numbers(
    taakstelling: &Option<String>,
    nieuw: &Option<String>,
    who: &str,
    when: &str,
    n: &mut Numbers,
    f: &mut Findings,
) {
    let field = |name: &str| format!("{}.{name}", n.path);
    match filled(taakstelling) {
        None => f.error(
            Code::MissingField,
            field("taakstelling"),
            4,
            format!("De taakstelling van {who}{when} vóór de herverdeling ontbreekt."),
        ),
        Some(raw) => match parse_count(raw) {
            Ok(v) => n.before = Some(v),
            Err(p) => f.number(
                p,
                field("taakstelling"),
                &format!("De taakstelling van {who}{when}"),
                raw,
                Code::InvalidNumber,
            ),
        },
    }
    if let Some(raw) = filled(nieuw) {
        match parse_count(raw) {
            Ok(v) => n.nieuw = Some(v),
            Err(p) => f.number(
                p,
                field("nieuw"),
                &format!("De nieuwe taakstelling van {who}{when}"),
                raw,
                Code::NegativeResult,
            ),
        }
    }
}

fn check_municipalities(
    s: &Scenario,
    list: &MunicipalityList,
    periods: Option<&Periods>,
    top: &TopDates,
    f: &mut Findings,
) -> Vec<Resolved> {
    let mut out = Vec::with_capacity(s.gemeenten.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, g) in s.gemeenten.iter().enumerate() {
        let field = |name: &str| format!("gemeenten[{i}].{name}");
        let who = label(s, i);
        let own_besluit = read_date(
            &g.besluitdatum,
            &field("besluitdatum"),
            &format!("besluitdatum van {who}"),
            false,
            f,
        );
        let own_bekend = read_date(
            &g.bekendmaking,
            &field("bekendmaking"),
            &format!("datum van bekendmaking van {who}"),
            false,
            f,
        );
        let mut r = Resolved {
            name: who.clone(),
            key: String::new(),
            province: None,
            listed: false,
            pair: Numbers {
                nieuw_given: filled(&g.nieuw).is_some(),
                path: format!("gemeenten[{i}]"),
                ..Numbers::default()
            },
            per_period: BTreeMap::new(),
            besluit: own_besluit.or(top.besluit),
            bekend: own_bekend.or(top.bekend),
            besluit_written: filled(&g.besluitdatum).is_some() || filled(&s.besluitdatum).is_some(),
            bekend_written: filled(&g.bekendmaking).is_some() || filled(&s.bekendmaking).is_some(),
            publicatie: filled(&g.publicatie).map(|p| p.trim().to_string()),
        };

        let given_province = filled(&g.provincie).map(|p| (p.trim(), Province::parse(p)));
        if let Some((raw, None)) = given_province {
            f.error(
                Code::UnknownProvince,
                field("provincie"),
                4,
                format!(
                    "De provincie van {who} (\"{raw}\") is geen Nederlandse provincie. Kies uit: {}.",
                    Province::ALL.map(|p| p.name()).join(", ")
                ),
            );
        }
        let given_province = given_province.and_then(|(_, p)| p);

        match filled(&g.naam) {
            None => f.error(
                Code::MissingField,
                field("naam"),
                4,
                format!("De naam van gemeente {} ontbreekt.", i + 1),
            ),
            Some(raw) => {
                let raw = raw.trim();
                match list.lookup(raw) {
                    Some(m) => {
                        r.name = m.naam.clone();
                        r.listed = true;
                        r.province = Some(m.provincie);
                        if let Some(p) = given_province {
                            if p != m.provincie {
                                f.error(
                                    Code::ProvinceMismatch,
                                    field("provincie"),
                                    4,
                                    format!("{} ligt in {}, niet in {p}. De provincie krijgt als toezichthouder een kopie; laat het veld leeg of verbeter het.", m.naam, m.provincie),
                                );
                            }
                        }
                    }
                    None if list.former(raw).is_some() => {
                        let former = list.former(raw).unwrap_or_else(|| unreachable!());
                        let now = former
                            .opgegaan_in
                            .iter()
                            .map(String::as_str)
                            .collect::<Vec<_>>();
                        let fix = match now.as_slice() {
                            [one] => format!("het is opgegaan in {one}. Vul {one} in."),
                            more => format!("het is verdeeld over {}. Vul de gemeente in waar het deel nu bij hoort.", join(more)),
                        };
                        f.error(
                            Code::FormerMunicipality,
                            field("naam"),
                            4,
                            format!(
                                "{} bestaat sinds {} niet meer als gemeente: {fix}",
                                former.naam,
                                former.datum.in_dutch()
                            ),
                        );
                    }
                    None => {
                        r.province = given_province;
                        let hint = suggestion_text(&list.suggest(raw, 3));
                        f.warning(
                            Code::NotInMunicipalityList,
                            field("naam"),
                            4,
                            format!("{raw} staat niet in de lijst van gemeenten.{hint} Controleer de naam; de check gaat uit van de naam zoals geschreven."),
                        );
                        if filled(&g.provincie).is_none() {
                            f.error(
                                Code::MissingProvince,
                                field("provincie"),
                                4,
                                format!("Vul de provincie van {raw} in: die staat niet in de lijst, en de provincie moet als toezichthouder op de hoogte worden gebracht."),
                            );
                        }
                    }
                }
                r.key = fold(&r.name);
                if let Some(&first) = seen.get(&r.key) {
                    f.error(
                        Code::DuplicateMunicipality,
                        field("naam"),
                        4,
                        format!("{} staat meer dan één keer in de lijst (ook als gemeente {}). Noem elke gemeente één keer, zodat de aantallen eenduidig zijn.", r.name, first + 1),
                    );
                } else {
                    seen.insert(r.key.clone(), i);
                }
            }
        }

        if g.perioden.is_empty() {
            read_numbers(&g.taakstelling, &g.nieuw, &who, "", &mut r.pair, f);
        } else {
            if filled(&g.taakstelling).is_some() || filled(&g.nieuw).is_some() {
                f.error(
                    Code::InvalidPeriod,
                    field("perioden"),
                    4,
                    format!("{who} heeft aantallen per periode én één taakstelling voor alle perioden. Geef ze óf per periode, óf één keer; niet allebei."),
                );
            }
            let wanted: Vec<Period> = periods.map(|p| p.from.through(p.to)).unwrap_or_default();
            for (key, a) in &g.perioden {
                let path = format!("gemeenten[{i}].perioden.{}", key.trim());
                let period = match Period::parse(key) {
                    Ok(p) => p,
                    Err(e) => {
                        let msg = format!("Periode bij {who}: {}", period_problem(&e, key.trim()));
                        f.error(Code::InvalidPeriod, path, 3, msg);
                        continue;
                    }
                };
                if periods.is_some() && !wanted.contains(&period) {
                    f.error(
                        Code::InvalidPeriod,
                        path,
                        3,
                        format!("{who} heeft aantallen voor periode {period}, maar de herverdeling beslaat {}. Verwijder die periode of pas de periode van de herverdeling aan.", join(&wanted.iter().map(|p| p.to_string()).collect::<Vec<_>>().iter().map(String::as_str).collect::<Vec<_>>())),
                    );
                    continue;
                }
                let mut n = Numbers {
                    nieuw_given: filled(&a.nieuw).is_some(),
                    path,
                    ..Numbers::default()
                };
                read_numbers(
                    &a.taakstelling,
                    &a.nieuw,
                    &who,
                    &format!(" in {period}"),
                    &mut n,
                    f,
                );
                r.per_period.insert(period, n);
            }
            for p in &wanted {
                if !r.per_period.contains_key(p)
                    && !g.perioden.keys().any(|k| Period::parse(k).ok() == Some(*p))
                {
                    f.error(
                        Code::MissingField,
                        format!("gemeenten[{i}].perioden"),
                        4,
                        format!("De aantallen van {who} voor periode {p} ontbreken. Geef bij aantallen per periode elke periode van de herverdeling."),
                    );
                }
            }
        }
        out.push(r);
    }

    let named = seen.len();
    if named < 2 {
        f.error(
            Code::TooFewMunicipalities,
            "gemeenten",
            2,
            format!(
                "Herverdelen kan alleen tussen twee of meer gemeenten; er {}.",
                match named {
                    0 => "is nog geen gemeente ingevuld".to_string(),
                    _ => "is er één ingevuld".to_string(),
                }
            ),
        );
    }
    out
}

/// A readable transfer: which municipalities (indexes into the resolved list) and how many.
struct Transfer {
    from: usize,
    to: usize,
    amount: i64,
}

/// Checks the transfers. Returns the transfers that could be read, and whether all of them could
/// (if not, amounts derived from them are unknown).
fn check_transfers(
    s: &Scenario,
    list: &MunicipalityList,
    resolved: &[Resolved],
    f: &mut Findings,
) -> (Vec<Transfer>, bool) {
    let mut out = Vec::new();
    let mut complete = true;
    let names: Vec<&str> = resolved.iter().map(|r| r.name.as_str()).collect();
    for (k, t) in s.overdrachten.iter().enumerate() {
        let field = |name: &str| format!("overdrachten[{k}].{name}");
        let find = |value: &Option<String>,
                    part: &str,
                    role: &str,
                    f: &mut Findings|
         -> Option<usize> {
            let Some(raw) = filled(value) else {
                f.error(
                    Code::MissingField,
                    field(part),
                    4,
                    format!("Overdracht {}: de gemeente {role} ontbreekt.", k + 1),
                );
                return None;
            };
            // The name as written, or the official name of the same municipality (`Den Haag` is
            // `'s-Gravenhage`).
            let key = fold(raw);
            let official = list.lookup(raw).map(|m| fold(&m.naam));
            let matches = |k: &str| k == key || official.as_deref() == Some(k);
            let found = resolved
                .iter()
                .position(|r| !r.key.is_empty() && matches(&r.key))
                .or_else(|| {
                    s.gemeenten
                        .iter()
                        .position(|g| filled(&g.naam).is_some_and(|n| fold(n) == key))
                });
            if found.is_none() {
                let hint = suggestion_text(&closest(raw, names.iter().copied(), 1));
                f.error(
                    Code::UnknownMunicipality,
                    field(part),
                    4,
                    format!(
                        "Overdracht {}: {} staat niet bij de betrokken gemeenten.{hint} Voeg de gemeente toe met haar taakstelling, of verbeter de naam.",
                        k + 1,
                        raw.trim()
                    ),
                );
            }
            found
        };
        let from = find(&t.van, "van", "die overdraagt (van)", f);
        let to = find(&t.naar, "naar", "die overneemt (naar)", f);
        let amount = match filled(&t.aantal) {
            None => {
                f.error(
                    Code::MissingField,
                    field("aantal"),
                    4,
                    format!("Overdracht {}: het aantal ontbreekt.", k + 1),
                );
                None
            }
            Some(raw) => match parse_count(raw) {
                Ok(0) => {
                    f.error(
                        Code::InvalidNumber,
                        field("aantal"),
                        4,
                        format!("Overdracht {}: een aantal van 0 draagt niets over. Vul minstens 1 in, of verwijder de overdracht.", k + 1),
                    );
                    None
                }
                Ok(n) => Some(n),
                Err(p) => {
                    f.number(
                        p,
                        field("aantal"),
                        &format!("Het aantal van overdracht {}", k + 1),
                        raw,
                        Code::InvalidNumber,
                    );
                    None
                }
            },
        };
        if let (Some(a), Some(b)) = (from, to) {
            if a == b {
                f.error(
                    Code::TransferToSelf,
                    field("naar"),
                    4,
                    format!("Overdracht {}: {} draagt over aan zichzelf. Kies twee verschillende gemeenten.", k + 1, resolved[a].name),
                );
                complete = false;
                continue;
            }
        }
        match (from, to, amount) {
            (Some(from), Some(to), Some(amount)) => out.push(Transfer { from, to, amount }),
            _ => complete = false,
        }
    }
    (out, complete)
}

/// The numbers after the rules: per municipality, the sums, and the same per period.
struct NumbersOutcome {
    municipalities: Vec<MunicipalityResult>,
    sum_before: Option<i64>,
    sum_after: Option<i64>,
    per_period: Vec<PeriodSums>,
}

fn sum_of(mut values: impl Iterator<Item = Option<i64>>) -> Option<i64> {
    values.try_fold(0i64, |acc, v| acc.checked_add(v?))
}

/// The numbers of every municipality in one period (or in the only slot when numbers are not
/// given per period): after transfers, with the per-municipality errors.
fn slot_numbers(
    s: &Scenario,
    resolved: &[Resolved],
    transfers: &(Vec<Transfer>, bool),
    slot: Option<Period>,
    f: &mut Findings,
) -> Vec<(Option<i64>, Option<i64>)> {
    let (transfers, complete) = transfers;
    let use_transfers = !s.overdrachten.is_empty();
    let when = slot.map(|p| format!(" in {p}")).unwrap_or_default();
    let missing = Numbers::default();
    let mut out = Vec::with_capacity(resolved.len());
    for (i, r) in resolved.iter().enumerate() {
        let n = match slot {
            Some(p) if !r.per_period.is_empty() => r.per_period.get(&p).unwrap_or(&missing),
            _ => &r.pair,
        };
        let mut net: i64 = 0;
        let mut first_out: Option<usize> = None;
        for (k, t) in transfers.iter().enumerate() {
            if t.from == i {
                net = net.saturating_sub(t.amount);
                first_out.get_or_insert(k);
            }
            if t.to == i {
                net = net.saturating_add(t.amount);
            }
        }
        let derived = match n.before {
            Some(b) if use_transfers && *complete => b.checked_add(net),
            _ => None,
        };
        let after = if n.nieuw_given {
            if let (Some(v), Some(d)) = (n.nieuw, derived) {
                if v != d {
                    f.error_once(
                        Code::TransferInconsistent,
                        format!("{}.nieuw", n.path),
                        4,
                        format!("De nieuwe taakstelling van {}{when} ({v}) klopt niet met de overdrachten: {} {} {} geeft {d}.", r.name, n.before.unwrap_or(0), if net < 0 { "-" } else { "+" }, net.abs()),
                    );
                }
            }
            n.nieuw
        } else if use_transfers {
            if let Some(d) = derived {
                if d < 0 {
                    let field = match first_out {
                        Some(k) => format!("overdrachten[{k}].aantal"),
                        None => format!("{}.taakstelling", n.path),
                    };
                    f.error_once(
                        Code::NegativeResult,
                        field,
                        2,
                        format!("{} draagt {} over maar heeft{when} een taakstelling van {}; dat geeft {d}. Een gemeente kan niet meer overdragen dan haar taakstelling.", r.name, -net, n.before.unwrap_or(0)),
                    );
                }
            }
            derived
        } else {
            if (n.before.is_some() || !r.key.is_empty()) && !n.path.is_empty() {
                f.error_once(
                    Code::MissingField,
                    format!("{}.nieuw", n.path),
                    4,
                    format!("De nieuwe taakstelling van {}{when} ontbreekt. Vul die in, of beschrijf de herverdeling met overdrachten.", r.name),
                );
            }
            None
        };
        out.push((n.before, after));
    }
    out
}

fn check_numbers(
    s: &Scenario,
    resolved: &[Resolved],
    transfers: &(Vec<Transfer>, bool),
    periods: Option<&Periods>,
    f: &mut Findings,
) -> NumbersOutcome {
    let by_period = resolved.iter().any(|r| !r.per_period.is_empty());
    let slots: Vec<Option<Period>> = match periods {
        Some(p) if by_period => p.from.through(p.to).into_iter().map(Some).collect(),
        _ => vec![None],
    };
    let table: Vec<Vec<(Option<i64>, Option<i64>)>> = slots
        .iter()
        .map(|&slot| slot_numbers(s, resolved, transfers, slot, f))
        .collect();

    let mut results = Vec::with_capacity(resolved.len());
    for (i, r) in resolved.iter().enumerate() {
        let before = sum_of(table.iter().map(|row| row[i].0));
        let after = sum_of(table.iter().map(|row| row[i].1));
        let difference = match (before, after) {
            (Some(b), Some(a)) => a.checked_sub(b),
            _ => None,
        };
        let perioden = if by_period {
            slots
                .iter()
                .zip(&table)
                .filter_map(|(slot, row)| {
                    let (b, a) = row[i];
                    Some(PeriodNumbers {
                        periode: (*slot)?,
                        before: b,
                        after: a,
                        difference: match (b, a) {
                            (Some(b), Some(a)) => a.checked_sub(b),
                            _ => None,
                        },
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        results.push(MunicipalityResult {
            name: r.name.clone(),
            province: r.province,
            listed: r.listed,
            before,
            after,
            difference,
            perioden,
            besluitdatum: r.besluit,
            bekendmaking: r.bekend,
            publicatie: r.publicatie.clone(),
        });
    }

    let mut per_period = Vec::new();
    let mut any_sum_changed = false;
    let mut all_known = !results.is_empty();
    for (slot, row) in slots.iter().zip(&table) {
        if results.is_empty() {
            break;
        }
        let b = sum_of(row.iter().map(|x| x.0));
        let a = sum_of(row.iter().map(|x| x.1));
        if let Some(p) = slot {
            per_period.push(PeriodSums {
                periode: *p,
                before: b,
                after: a,
            });
        }
        match (b, a) {
            (Some(b), Some(a)) if a != b => {
                any_sum_changed = true;
                let which = match slot {
                    Some(p) => format!(" in periode {p}"),
                    None => String::new(),
                };
                f.error(
                    Code::SumChanged,
                    "gemeenten",
                    2,
                    format!("De som van de taakstellingen verandert{which}: vóór {b}, na {a} (verschil {:+}). Bij herverdeling mag de som van de betrokken gemeenten samen niet wijzigen, in elke periode.", a - b),
                );
            }
            (Some(_), Some(_)) => {}
            _ => all_known = false,
        }
    }
    let sum_before = if results.is_empty() {
        None
    } else {
        sum_of(results.iter().map(|m| m.before))
    };
    let sum_after = if results.is_empty() {
        None
    } else {
        sum_of(results.iter().map(|m| m.after))
    };

    let unchanged = |i: usize| {
        table
            .iter()
            .all(|row| row[i].0.is_some() && row[i].0 == row[i].1)
    };
    if all_known && !any_sum_changed {
        if (0..results.len()).all(unchanged) {
            f.error(
                Code::NothingChanges,
                "gemeenten",
                2,
                "Geen enkele taakstelling verandert. Een besluit tot herverdeling wijzigt de taakstelling van ten minste twee gemeenten.".into(),
            );
        } else {
            let use_transfers = !s.overdrachten.is_empty();
            for (i, m) in results.iter().enumerate() {
                if unchanged(i) {
                    let field = if use_transfers
                        && !resolved[i].pair.nieuw_given
                        && resolved[i].per_period.is_empty()
                    {
                        format!("gemeenten[{i}].naam")
                    } else {
                        format!("gemeenten[{i}].nieuw")
                    };
                    f.warning(
                        Code::MunicipalityUnchanged,
                        field,
                        2,
                        format!("De taakstelling van {} verandert niet. Een gemeente die niet herverdeelt hoeft niet mee te besluiten; laat haar weg als ze niet meedoet.", m.name),
                    );
                }
            }
        }
    }
    NumbersOutcome {
        municipalities: results,
        sum_before,
        sum_after,
        per_period,
    }
}

/// notify_by = the last publication + 7 days; COA processes within one month of receipt, where
/// receipt is the melddatum when known and otherwise the latest reasonable day, notify_by.
fn deadlines(d: &Dates) -> Deadlines {
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

fn recipients(municipalities: &[MunicipalityResult]) -> Vec<Recipient> {
    let mut out = vec![Recipient {
        kind: RecipientKind::Coa,
        name: COA_NAME.to_string(),
        attention: Some(COA_ATTENTION.to_string()),
        address: COA_ADDRESS.iter().map(|s| s.to_string()).collect(),
        phone: Some(COA_PHONE.to_string()),
        reason: "Toetst de som en verwerkt de herverdeling binnen één maand in de cijfers (uitgangspunten 4 en 5).".into(),
    }];
    let provinces: BTreeSet<&str> = municipalities
        .iter()
        .filter_map(|m| m.province.map(|p| p.name()))
        .collect();
    for p in provinces {
        out.push(Recipient {
            kind: RecipientKind::Provincie,
            name: format!("Provincie {p}"),
            attention: None,
            address: Vec::new(),
            phone: None,
            reason: "Interbestuurlijk toezichthouder; houdt rekening met de herverdeling (uitgangspunten 2 en 4).".into(),
        });
    }
    out.push(Recipient {
        kind: RecipientKind::Ministerie,
        name: MINISTRY_JV.to_string(),
        attention: None,
        address: Vec::new(),
        phone: None,
        reason: "Stelt de taakstelling op (uitgangspunt 5).".into(),
    });
    out.push(Recipient {
        kind: RecipientKind::Ministerie,
        name: MINISTRY_BZK.to_string(),
        attention: None,
        address: Vec::new(),
        phone: None,
        reason: "Verantwoordelijk voor de Huisvestingswet (uitgangspunt 5).".into(),
    });
    out
}
