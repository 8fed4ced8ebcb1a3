//! The rules of the stappenplan (bijlage of the PHV best practices) applied to a scenario.
//! Pure: the verdict depends on the scenario and the municipalities list only, never on today.
//!
//! One file per part of the check, in the order [`check`] runs them.

mod contact;
mod count;
mod dates;
mod findings;
mod hidden;
mod municipalities;
mod numbers;
mod penvoerder;
mod periods;
mod recipients;
mod transfers;

pub use count::{parse_count, NumberProblem, MAX_COUNT};
pub use dates::NOTIFY_WITHIN_DAYS;
pub use hidden::{
    MAX_EMAIL_CHARS, MAX_EXPLANATION_CHARS, MAX_LINE_CHARS, MAX_NAME_CHARS, MAX_PHONE_CHARS,
};
pub use recipients::{COA_ADDRESS, COA_ATTENTION, COA_NAME, COA_PHONE};

use self::dates::{check_decisions, check_processing, deadlines, read_top_dates};
use self::findings::Findings;
use self::hidden::check_hidden;
use self::municipalities::check_municipalities;
use self::numbers::check_numbers;
use self::penvoerder::check_penvoerder;
use self::periods::check_periods;
use self::recipients::recipients;
use self::transfers::check_transfers;
use crate::municipalities::MunicipalityList;
use crate::scenario::{filled, Scenario};
use crate::verdict::Verdict;

/// Applies every rule to `scenario`, using `list` for provinces and name suggestions.
pub fn check(scenario: &Scenario, list: &MunicipalityList) -> Verdict {
    let mut f = Findings::default();

    // First, so that a field with a hidden character gets that message and no other.
    check_hidden(scenario, &mut f);
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
    let penvoerder = check_penvoerder(scenario, list, &resolved, &numbers.municipalities, &mut f);

    let recipients = recipients(&numbers.municipalities, list);
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
