//! The transfers (`overdrachten`): between municipalities taking part, with readable amounts.

use super::count::parse_count;
use super::findings::{shorten, Findings};
use super::municipalities::{suggestion_text, Resolved};
use crate::municipalities::MunicipalityList;
use crate::names::{closest, fold};
use crate::scenario::{filled, Scenario};
use crate::verdict::Code;

/// A readable transfer: which municipalities (indexes into the resolved list) and how many.
pub(super) struct Transfer {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) amount: i64,
}

/// Checks the transfers. Returns the transfers that could be read, and whether all of them could
/// (if not, amounts derived from them are unknown).
pub(super) fn check_transfers(
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
                        shorten(raw.trim())
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
