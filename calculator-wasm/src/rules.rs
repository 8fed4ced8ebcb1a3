//! The rules of the stappenplan (bijlage of the PHV best practices) applied to a scenario.
//! Pure: the verdict depends on the scenario and the municipalities list only, never on today.

use crate::date::{Date, DateError};
use crate::municipalities::{MunicipalityList, Province};
use crate::names::{closest, fold};
use crate::period::{Period, PeriodError};
use crate::scenario::{filled, Scenario};
use crate::verdict::{
    Code, Dates, Deadlines, Issue, MunicipalityResult, Periods, Recipient, Verdict,
};
use std::collections::{BTreeSet, HashMap};

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
    before: Option<i64>,
    nieuw: Option<i64>,
    /// `nieuw` was filled in (even if it could not be read).
    nieuw_given: bool,
}

/// Applies every rule to `scenario`, using `list` for provinces and name suggestions.
pub fn check(scenario: &Scenario, list: &MunicipalityList) -> Verdict {
    let mut f = Findings {
        errors: Vec::new(),
        warnings: Vec::new(),
    };

    let periods = check_periods(scenario, &mut f);
    let dates = check_dates(scenario, periods.as_ref(), &mut f);
    let resolved = check_municipalities(scenario, list, &mut f);
    let transfers = check_transfers(scenario, list, &resolved, &mut f);
    let (municipalities, sum_before, sum_after) =
        check_numbers(scenario, &resolved, &transfers, &mut f);

    let deadlines = deadlines(&dates);
    let recipients = recipients(&municipalities);
    Verdict {
        valid: f.errors.is_empty(),
        errors: f.errors,
        warnings: f.warnings,
        municipalities,
        sum_before,
        sum_after,
        periods,
        dates,
        uitzondering: filled(&scenario.uitzondering).map(|s| s.trim().to_string()),
        deadlines,
        recipients,
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

fn check_dates(s: &Scenario, periods: Option<&Periods>, f: &mut Findings) -> Dates {
    let besluit = read_date(&s.besluitdatum, "besluitdatum", "besluitdatum", true, f);
    let bekend = read_date(
        &s.bekendmaking,
        "bekendmaking",
        "datum van bekendmaking",
        true,
        f,
    );
    let meld = read_date(&s.melddatum, "melddatum", "melddatum", false, f);

    if let (Some(b), Some(k)) = (besluit, bekend) {
        if k < b {
            f.error(
                Code::DateOrder,
                "bekendmaking",
                4,
                format!("De bekendmaking ({}) ligt vóór het besluit ({}). Een besluit kan pas na het nemen worden bekendgemaakt.", k.in_dutch(), b.in_dutch()),
            );
        }
    }
    if let (Some(b), Some(m)) = (besluit, meld) {
        if m < b {
            f.error(
                Code::DateOrder,
                "melddatum",
                4,
                format!("De melddatum ({}) ligt vóór het besluit ({}). COA en provincie worden geïnformeerd over een genomen besluit.", m.in_dutch(), b.in_dutch()),
            );
        }
    }
    if let (Some(k), Some(m)) = (bekend, meld) {
        if k.days_until(m) > NOTIFY_WITHIN_DAYS {
            f.warning(
                Code::NotificationLate,
                "melddatum",
                4,
                format!(
                    "De melding aan COA en provincie ({}) is {} dagen na de bekendmaking ({}). Meld zo spoedig mogelijk, in redelijkheid binnen één week.",
                    m.in_dutch(),
                    k.days_until(m),
                    k.in_dutch()
                ),
            );
        }
    }
    if let (Some(k), Some(p)) = (bekend, periods) {
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
    Dates {
        besluitdatum: besluit,
        bekendmaking: bekend,
        melddatum: meld,
    }
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

fn check_municipalities(s: &Scenario, list: &MunicipalityList, f: &mut Findings) -> Vec<Resolved> {
    let mut out = Vec::with_capacity(s.gemeenten.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, g) in s.gemeenten.iter().enumerate() {
        let field = |name: &str| format!("gemeenten[{i}].{name}");
        let who = label(s, i);
        let mut r = Resolved {
            name: who.clone(),
            key: String::new(),
            province: None,
            listed: false,
            before: None,
            nieuw: None,
            nieuw_given: filled(&g.nieuw).is_some(),
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

        match filled(&g.taakstelling) {
            None => f.error(
                Code::MissingField,
                field("taakstelling"),
                4,
                format!("De taakstelling van {who} vóór de herverdeling ontbreekt."),
            ),
            Some(raw) => match parse_count(raw) {
                Ok(n) => r.before = Some(n),
                Err(p) => f.number(
                    p,
                    field("taakstelling"),
                    &format!("De taakstelling van {who}"),
                    raw,
                    Code::InvalidNumber,
                ),
            },
        }
        if let Some(raw) = filled(&g.nieuw) {
            match parse_count(raw) {
                Ok(n) => r.nieuw = Some(n),
                Err(p) => f.number(
                    p,
                    field("nieuw"),
                    &format!("De nieuwe taakstelling van {who}"),
                    raw,
                    Code::NegativeResult,
                ),
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

fn check_numbers(
    s: &Scenario,
    resolved: &[Resolved],
    transfers: &(Vec<Transfer>, bool),
    f: &mut Findings,
) -> (Vec<MunicipalityResult>, Option<i64>, Option<i64>) {
    let (transfers, complete) = transfers;
    let use_transfers = !s.overdrachten.is_empty();
    let mut results = Vec::with_capacity(resolved.len());
    for (i, r) in resolved.iter().enumerate() {
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
        let derived = match r.before {
            Some(b) if use_transfers && *complete => b.checked_add(net),
            _ => None,
        };
        let after = if r.nieuw_given {
            if let (Some(n), Some(d)) = (r.nieuw, derived) {
                if n != d {
                    f.error(
                        Code::TransferInconsistent,
                        format!("gemeenten[{i}].nieuw"),
                        4,
                        format!("De nieuwe taakstelling van {} ({n}) klopt niet met de overdrachten: {} {} {} geeft {d}.", r.name, r.before.unwrap_or(0), if net < 0 { "-" } else { "+" }, net.abs()),
                    );
                }
            }
            r.nieuw
        } else if use_transfers {
            if let Some(d) = derived {
                if d < 0 {
                    let field = match first_out {
                        Some(k) => format!("overdrachten[{k}].aantal"),
                        None => format!("gemeenten[{i}].taakstelling"),
                    };
                    f.error(
                        Code::NegativeResult,
                        field,
                        2,
                        format!("{} draagt {} over maar heeft een taakstelling van {}; dat geeft {d}. Een gemeente kan niet meer overdragen dan haar taakstelling.", r.name, -net, r.before.unwrap_or(0)),
                    );
                }
            }
            derived
        } else {
            if r.before.is_some() || !r.key.is_empty() {
                f.error(
                    Code::MissingField,
                    format!("gemeenten[{i}].nieuw"),
                    4,
                    format!("De nieuwe taakstelling van {} ontbreekt. Vul die in, of beschrijf de herverdeling met overdrachten.", r.name),
                );
            }
            None
        };
        let difference = match (r.before, after) {
            (Some(b), Some(a)) => a.checked_sub(b),
            _ => None,
        };
        results.push(MunicipalityResult {
            name: r.name.clone(),
            province: r.province,
            listed: r.listed,
            before: r.before,
            after,
            difference,
        });
    }

    let sum = |pick: fn(&MunicipalityResult) -> Option<i64>| -> Option<i64> {
        results
            .iter()
            .try_fold(0i64, |acc, m| acc.checked_add(pick(m)?))
    };
    let sum_before = if results.is_empty() {
        None
    } else {
        sum(|m| m.before)
    };
    let sum_after = if results.is_empty() {
        None
    } else {
        sum(|m| m.after)
    };

    if let (Some(b), Some(a)) = (sum_before, sum_after) {
        if a != b {
            f.error(
                Code::SumChanged,
                "gemeenten",
                2,
                format!("De som van de taakstellingen verandert: vóór {b}, na {a} (verschil {:+}). Bij herverdeling mag de som van de betrokken gemeenten samen niet wijzigen.", a - b),
            );
        } else if results.iter().all(|m| m.difference == Some(0)) {
            f.error(
                Code::NothingChanges,
                "gemeenten",
                2,
                "Geen enkele taakstelling verandert. Een besluit tot herverdeling wijzigt de taakstelling van ten minste twee gemeenten.".into(),
            );
        } else {
            for (i, m) in results.iter().enumerate() {
                if m.difference == Some(0) {
                    let field = if use_transfers && !resolved[i].nieuw_given {
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
    (results, sum_before, sum_after)
}

/// notify_by = bekendmaking + 7 days; COA processes within one month of receipt, where receipt is
/// the melddatum when known and otherwise the latest reasonable day, notify_by.
fn deadlines(d: &Dates) -> Deadlines {
    let notify_by = d.bekendmaking.and_then(|k| k.add_days(NOTIFY_WITHIN_DAYS));
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
        kind: "coa",
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
            kind: "provincie",
            name: format!("Provincie {p}"),
            attention: None,
            address: Vec::new(),
            phone: None,
            reason: "Interbestuurlijk toezichthouder; houdt rekening met de herverdeling (uitgangspunten 2 en 4).".into(),
        });
    }
    out.push(Recipient {
        kind: "ministerie",
        name: MINISTRY_JV.to_string(),
        attention: None,
        address: Vec::new(),
        phone: None,
        reason: "Stelt de taakstelling op (uitgangspunt 5).".into(),
    });
    out.push(Recipient {
        kind: "ministerie",
        name: MINISTRY_BZK.to_string(),
        attention: None,
        address: Vec::new(),
        phone: None,
        reason: "Verantwoordelijk voor de Huisvestingswet (uitgangspunt 5).".into(),
    });
    out
}
