//! The numbers after the transfers, per municipality and per period, and the sums that must not
//! change (uitgangspunt 2).

use super::findings::Findings;
use super::municipalities::{Numbers, Resolved};
use super::transfers::Transfer;
use crate::period::Period;
use crate::scenario::Scenario;
use crate::verdict::{Code, MunicipalityResult, PeriodNumbers, PeriodSums, Periods};

/// The numbers after the rules: per municipality, the sums, and the same per period.
pub(super) struct NumbersOutcome {
    pub(super) municipalities: Vec<MunicipalityResult>,
    pub(super) sum_before: Option<i64>,
    pub(super) sum_after: Option<i64>,
    pub(super) per_period: Vec<PeriodSums>,
}

pub(super) fn sum_of(mut values: impl Iterator<Item = Option<i64>>) -> Option<i64> {
    values.try_fold(0i64, |acc, v| acc.checked_add(v?))
}

/// The numbers of every municipality in one period (or in the only slot when numbers are not
/// given per period): after transfers, with the per-municipality errors.
pub(super) fn slot_numbers(
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
                        format!("{} draagt {} over maar heeft{when} een taakstelling van {}; dat geeft {d}. Een gemeente kan niet meer overdragen dan haar taakstelling: draag samen ten hoogste {} over.", r.name, -net, n.before.unwrap_or(0), n.before.unwrap_or(0)),
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
/// The numbers of every municipality in every slot: one row per period (or one row when numbers
/// are not given per period), each `(before, after)` per municipality.
type Table = Vec<Vec<(Option<i64>, Option<i64>)>>;

pub(super) fn check_numbers(
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
    let table: Table = slots
        .iter()
        .map(|&slot| slot_numbers(s, resolved, transfers, slot, f))
        .collect();
    let results = municipality_results(resolved, &slots, &table, by_period);
    let sums = check_sums(&slots, &table, f);
    if sums.all_known && !sums.any_changed && !results.is_empty() {
        check_unchanged(s, resolved, &results, f);
    }
    let total = |value: fn(&MunicipalityResult) -> Option<i64>| {
        if results.is_empty() {
            None
        } else {
            sum_of(results.iter().map(value))
        }
    };
    NumbersOutcome {
        sum_before: total(|m| m.before),
        sum_after: total(|m| m.after),
        municipalities: results,
        per_period: sums.per_period,
    }
}

/// Each municipality's totals over the slots, and its numbers per period when given so.
fn municipality_results(
    resolved: &[Resolved],
    slots: &[Option<Period>],
    table: &Table,
    by_period: bool,
) -> Vec<MunicipalityResult> {
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
                .zip(table)
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
            cbs: r.cbs.clone(),
            before,
            after,
            difference,
            perioden,
            besluitdatum: r.besluit,
            bekendmaking: r.bekend,
            publicatie: r.publicatie.clone(),
        });
    }
    results
}

/// The sums per slot, and what they showed.
struct Sums {
    per_period: Vec<PeriodSums>,
    any_changed: bool,
    /// Every sum could be computed (and there is at least one municipality).
    all_known: bool,
}

/// `SUM_CHANGED` for each period whose sum changes (uitgangspunt 2).
fn check_sums(slots: &[Option<Period>], table: &Table, f: &mut Findings) -> Sums {
    let empty = table.first().is_none_or(|row| row.is_empty());
    let mut per_period = Vec::new();
    let mut any_sum_changed = false;
    let mut all_known = !empty;
    for (slot, row) in slots.iter().zip(table) {
        if empty {
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
    Sums {
        per_period,
        any_changed: any_sum_changed,
        all_known,
    }
}

/// With all sums known and unchanged: `NOTHING_CHANGES` when no taakstelling changes, else
/// `MUNICIPALITY_UNCHANGED` for each one that does not.
fn check_unchanged(
    s: &Scenario,
    resolved: &[Resolved],
    results: &[MunicipalityResult],
    f: &mut Findings,
) {
    let unchanged = |i: usize| results[i].unchanged();
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
