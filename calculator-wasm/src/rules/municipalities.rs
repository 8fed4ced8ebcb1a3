//! The municipalities of the scenario: names resolved against the list (former, unknown,
//! duplicate), provinces, and their numbers (one pair, or per period).

use super::count::parse_count;
use super::dates::{read_date, TopDates};
use super::findings::{shorten, Findings};
use super::hidden::name_too_long;
use super::periods::period_problem;
use crate::dutch::join;
use crate::municipalities::{MunicipalityList, Province};
use crate::names::fold;
use crate::period::Period;
use crate::scenario::{filled, Scenario};
use crate::verdict::{Code, Periods};
use std::collections::{BTreeMap, HashMap};
use textkit::date::Date;

/// A municipality of the scenario once its name and province are resolved.
pub(super) struct Resolved {
    /// Name to show: the official one when listed, else the name as written (trimmed).
    pub(super) name: String,
    pub(super) key: String,
    pub(super) province: Option<Province>,
    pub(super) listed: bool,
    /// The CBS code from the list, when listed with one.
    pub(super) cbs: Option<String>,
    /// The numbers for every period, or for the only one (`taakstelling`, `nieuw`).
    pub(super) pair: Numbers,
    /// The numbers per period, when given as `perioden`.
    pub(super) per_period: BTreeMap<Period, Numbers>,
    /// The college's own decision and publication, else the scenario's.
    pub(super) besluit: Option<Date>,
    pub(super) bekend: Option<Date>,
    /// Whether the decision or publication date was written (even if unreadable), here or at the top.
    pub(super) besluit_written: bool,
    pub(super) bekend_written: bool,
    pub(super) publicatie: Option<String>,
}

/// The numbers of one municipality (in one period, or in all).
#[derive(Clone, Default)]
pub(super) struct Numbers {
    pub(super) before: Option<i64>,
    pub(super) nieuw: Option<i64>,
    /// `nieuw` was filled in (even if it could not be read).
    pub(super) nieuw_given: bool,
    /// Path of the fields: `gemeenten[0]` or `gemeenten[0].perioden.2026-1`.
    pub(super) path: String,
}

/// "Ameland" or, without a name or with one that is `TOO_LONG`, "gemeente 2".
pub(super) fn label(s: &Scenario, i: usize) -> String {
    match filled(&s.gemeenten[i].naam) {
        Some(n) if !name_too_long(n) => n.trim().to_string(),
        _ => format!("gemeente {}", i + 1),
    }
}

pub(super) fn suggestion_text(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!(" Bedoelt u {one}?"),
        more => format!(" Bedoelt u {}?", crate::dutch::join_or(more)),
    }
}

/// Reads `taakstelling` and `nieuw` into `n`; `when` (" in 2026-2") goes into the messages.
pub(super) fn read_numbers(
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

pub(super) fn check_municipalities(
    s: &Scenario,
    list: &MunicipalityList,
    periods: Option<&Periods>,
    top: &TopDates,
    f: &mut Findings,
) -> Vec<Resolved> {
    let mut out = Vec::with_capacity(s.gemeenten.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for i in 0..s.gemeenten.len() {
        let mut r = start_resolved(s, i, top, f);
        let given_province = read_province(s, i, f);
        match filled(&s.gemeenten[i].naam) {
            None => f.error(
                Code::MissingField,
                format!("gemeenten[{i}].naam"),
                4,
                format!("De naam van gemeente {} ontbreekt.", i + 1),
            ),
            Some(raw) => {
                resolve_name(s, i, raw.trim(), list, given_province, &mut r, f);
                check_duplicate(i, raw.trim(), &mut r, &mut seen, f);
            }
        }
        read_municipality_numbers(s, i, periods, &mut r, f);
        out.push(r);
    }
    let named = s
        .gemeenten
        .iter()
        .filter(|g| filled(&g.naam).is_some())
        .count();
    check_enough(seen.len(), named, f);
    out
}

/// The municipality as written, with its own decision and publication dates (else the
/// scenario's); its name, province and numbers are filled in by the next steps.
fn start_resolved(s: &Scenario, i: usize, top: &TopDates, f: &mut Findings) -> Resolved {
    let g = &s.gemeenten[i];
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
    Resolved {
        name: who.clone(),
        key: String::new(),
        province: None,
        listed: false,
        cbs: None,
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
    }
}

/// The province as written (`None` when empty or not a Dutch province, which is an error).
fn read_province(s: &Scenario, i: usize, f: &mut Findings) -> Option<Province> {
    let g = &s.gemeenten[i];
    let field = |name: &str| format!("gemeenten[{i}].{name}");
    let who = label(s, i);
    let given_province = filled(&g.provincie).map(|p| (p.trim(), Province::parse(p)));
    if let Some((raw, None)) = given_province {
        let raw = shorten(raw);
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
    given_province.and_then(|(_, p)| p)
}

/// Looks the name up: a listed municipality (official name, province), a former one (error
/// with its successor), or one not in the list (warning, and the province must be given).
fn resolve_name(
    s: &Scenario,
    i: usize,
    raw: &str,
    list: &MunicipalityList,
    given_province: Option<Province>,
    r: &mut Resolved,
    f: &mut Findings,
) {
    let g = &s.gemeenten[i];
    let field = |name: &str| format!("gemeenten[{i}].{name}");
    match list.lookup(raw) {
        Some(m) => {
            r.name = m.naam.clone();
            r.listed = true;
            r.cbs = m.cbs.clone();
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
                more => format!(
                    "het is verdeeld over {}. Vul de gemeente in waar het deel nu bij hoort.",
                    join(more)
                ),
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
        // Not found because of a hidden character (a name typed reversed after U+202E): its
        // `HIDDEN_CHARACTER` says why; "not in the list" and a missing province would not.
        None if textkit::hidden::first_strict(raw).is_some() => r.province = given_province,
        // A name that is `TOO_LONG` is not looked for among the list's names either.
        None if name_too_long(raw) => r.province = given_province,
        None => {
            r.province = given_province;
            let hint = suggestion_text(&list.suggest(raw, 3));
            let raw = shorten(raw);
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
}

/// Each municipality once: sets `r.key` and reports a second mention.
fn check_duplicate(
    i: usize,
    written: &str,
    r: &mut Resolved,
    seen: &mut HashMap<String, usize>,
    f: &mut Findings,
) {
    let field = |name: &str| format!("gemeenten[{i}].{name}");
    r.key = fold(&r.name);
    if let Some(&first) = seen.get(&r.key) {
        let same = fold(written) == r.key;
        let (written, name) = (shorten(written), shorten(&r.name));
        f.error(
            Code::DuplicateMunicipality,
            field("naam"),
            4,
            // "Den Bosch" after "'s-Hertogenbosch": say why the two are one.
            if same {
                format!("{name} staat meer dan één keer in de lijst (ook als gemeente {}). Noem elke gemeente één keer, zodat de aantallen eenduidig zijn.", first + 1)
            } else {
                format!("{written} is de gemeente {name}, die al in de lijst staat als gemeente {}. Noem elke gemeente één keer, zodat de aantallen eenduidig zijn.", first + 1)
            },
        );
    } else {
        seen.insert(r.key.clone(), i);
    }
}

/// The numbers of one municipality: one pair for every period, or one per period (`perioden`),
/// each period readable, within the agreement, and none missing.
fn read_municipality_numbers(
    s: &Scenario,
    i: usize,
    periods: Option<&Periods>,
    r: &mut Resolved,
    f: &mut Findings,
) {
    let g = &s.gemeenten[i];
    let field = |name: &str| format!("gemeenten[{i}].{name}");
    let who = label(s, i);
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
}

/// Redistributing takes two or more municipalities (uitgangspunt 2): `distinct` of them among the
/// `named` rows with a name.
fn check_enough(distinct: usize, named: usize, f: &mut Findings) {
    if distinct < 2 {
        f.error(
            Code::TooFewMunicipalities,
            "gemeenten",
            2,
            format!(
                "Herverdelen kan alleen tussen twee of meer gemeenten; er {}.",
                match (distinct, named) {
                    (0, _) => "is nog geen gemeente ingevuld".to_string(),
                    (_, 0 | 1) => "is er één ingevuld".to_string(),
                    (_, rows) => format!(
                        "zijn {rows} rijen ingevuld, maar die noemen allemaal dezelfde gemeente"
                    ),
                }
            ),
        );
    }
}
