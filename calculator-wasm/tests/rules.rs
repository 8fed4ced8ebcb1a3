//! One test per rule and code of the herverdelingscheck, on scenarios written as users write them.

use calculator_wasm::verdict::Verdict;
use calculator_wasm::{check, Code, MunicipalityList, Scenario};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn list() -> &'static MunicipalityList {
    static LIST: OnceLock<MunicipalityList> = OnceLock::new();
    LIST.get_or_init(|| {
        MunicipalityList::from_yaml(include_str!("../../content/gemeenten.yaml"))
            .expect("content/gemeenten.yaml loads")
            .with_ministries(
                calculator_wasm::addressees::ministries_from_yaml(include_str!(
                    "../../content/adressen.yaml"
                ))
                .expect("content/adressen.yaml loads"),
            )
    })
}

const HEADER: &str = "periode: 2026-1\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\n";

fn verdict(yaml: &str) -> Verdict {
    let s =
        Scenario::parse(yaml).unwrap_or_else(|e| panic!("scenario does not parse: {e}\n{yaml}"));
    check(&s, list())
}

/// A scenario with the usual header and these municipality lines.
fn with(body: &str) -> Verdict {
    verdict(&format!("{HEADER}{body}"))
}

fn codes(v: &Verdict) -> (Vec<&'static str>, Vec<&'static str>) {
    (
        v.errors.iter().map(|i| i.code.as_str()).collect(),
        v.warnings.iter().map(|i| i.code.as_str()).collect(),
    )
}

fn error(v: &Verdict, code: Code) -> &calculator_wasm::Issue {
    v.errors
        .iter()
        .find(|i| i.code == code)
        .unwrap_or_else(|| panic!("no {} in {:#?}", code.as_str(), codes(v)))
}

fn warning(v: &Verdict, code: Code) -> &calculator_wasm::Issue {
    v.warnings
        .iter()
        .find(|i| i.code == code)
        .unwrap_or_else(|| panic!("no warning {} in {:#?}", code.as_str(), codes(v)))
}

const AMELAND_HEERENVEEN: &str = "gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n";

#[test]
fn sum_preserving_redistribution_is_valid_with_deadlines_and_recipients() {
    let v = with(AMELAND_HEERENVEEN);
    assert!(v.valid, "{:#?}", codes(&v));
    assert!(v.warnings.is_empty(), "{:#?}", v.warnings);
    assert_eq!((v.sum_before, v.sum_after), (Some(16), Some(16)));
    let m = &v.municipalities[0];
    assert_eq!(
        (m.name.as_str(), m.before, m.after, m.difference),
        ("Ameland", Some(6), Some(0), Some(-6))
    );
    assert_eq!(m.province.unwrap().name(), "Fryslân");
    assert_eq!(v.deadlines.notify_by.unwrap().to_string(), "2026-02-19");
    assert_eq!(v.deadlines.receipt.unwrap().to_string(), "2026-02-19");
    assert!(v.deadlines.receipt_assumed);
    assert_eq!(
        v.deadlines.coa_processes_within.unwrap().to_string(),
        "2026-03-19"
    );
    let names: Vec<&str> = v.recipients.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Centraal Orgaan opvang asielzoekers (COA)",
            "Provincie Fryslân",
            "Ministerie van Asiel en Migratie",
            "Ministerie van Volkshuisvesting en Ruimtelijke Ordening"
        ]
    );
    assert_eq!(
        v.recipients[0].address,
        ["Postbus 30203", "2500 GE Den Haag"]
    );
}

#[test]
fn melddatum_is_the_receipt_when_given() {
    let v = verdict(
        &format!("{HEADER}melddatum: 2026-01-31\n{AMELAND_HEERENVEEN}")
            .replace("besluitdatum: 2026-02-10", "besluitdatum: 2026-01-20")
            .replace("bekendmaking: 2026-02-12", "bekendmaking: 2026-01-28"),
    );
    assert!(v.valid, "{:#?}", codes(&v));
    assert!(!v.deadlines.receipt_assumed);
    // One month after 31 January is the last day of February.
    assert_eq!(
        v.deadlines.coa_processes_within.unwrap().to_string(),
        "2026-02-28"
    );
}

#[test]
fn sum_changed_is_an_error() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 17 }\n");
    let e = error(&v, Code::SumChanged);
    assert!(!v.valid);
    assert_eq!(e.field, "gemeenten");
    assert!(e.message.contains("vóór 16, na 17"), "{}", e.message);
    assert!(e.message.ends_with("(uitgangspunt 2)"), "{}", e.message);
}

#[test]
fn one_municipality_is_too_few() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 6 }\n");
    assert_eq!(error(&v, Code::TooFewMunicipalities).field, "gemeenten");
    let v = with("");
    error(&v, Code::TooFewMunicipalities);
}

#[test]
fn negative_nieuw_is_a_negative_result() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: -2 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 18 }\n");
    assert_eq!(error(&v, Code::NegativeResult).field, "gemeenten[0].nieuw");
}

#[test]
fn transferring_more_than_the_taakstelling_is_a_negative_result() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6 }\n  - { naam: Heerenveen, taakstelling: 10 }\noverdrachten:\n  - { van: Ameland, naar: Heerenveen, aantal: 8 }\n");
    let e = error(&v, Code::NegativeResult);
    assert_eq!(e.field, "overdrachten[0].aantal");
    assert!(e.message.contains("-2"), "{}", e.message);
}

/// Another name for a municipality already listed is the same municipality; the message says so
/// in the words the official typed ("'s-Hertogenbosch staat meer dan één keer" under a field
/// that reads "Den Bosch" left them looking for a second 's-Hertogenbosch).
#[test]
fn a_second_name_for_a_listed_municipality_is_named_as_typed() {
    let v = with("gemeenten:\n  - { naam: \"'s-Hertogenbosch\", taakstelling: 6, nieuw: 0 }\n  - { naam: Den Bosch, taakstelling: 10, nieuw: 16 }\n");
    let e = error(&v, Code::DuplicateMunicipality);
    assert_eq!(e.field, "gemeenten[1].naam");
    assert_eq!(
        e.message,
        "Den Bosch is de gemeente 's-Hertogenbosch, die al in de lijst staat als gemeente 1. Noem elke gemeente één keer, zodat de aantallen eenduidig zijn. (uitgangspunt 4)"
    );
}

/// A refusal says what to do: a negative, fractional or huge number, and transfers beyond the
/// taakstelling, each end with the fix.
#[test]
fn number_refusals_name_the_fix() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: -2 }\n  - { naam: Heerenveen, taakstelling: 2000000, nieuw: 2.5 }\n");
    let messages: Vec<&str> = v.errors.iter().map(|e| e.message.as_str()).collect();
    for fix in [
        "haar taakstelling: vul 0 of meer in. (uitgangspunt 2)",
        "Controleer het aantal (een tikfout, een 0 te veel?). (uitgangspunt 4)",
        "vul een geheel getal in, zonder komma. (uitgangspunt 4)",
    ] {
        assert!(
            messages.iter().any(|m| m.ends_with(fix)),
            "{fix:?} in {messages:#?}"
        );
    }
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6 }\n  - { naam: Heerenveen, taakstelling: 10 }\n  - { naam: Smallingerland, taakstelling: 3 }\noverdrachten:\n  - { van: Ameland, naar: Heerenveen, aantal: 5 }\n  - { van: Ameland, naar: Smallingerland, aantal: 4 }\n");
    let e = error(&v, Code::NegativeResult);
    assert!(
        e.message
            .ends_with("draag samen ten hoogste 6 over. (uitgangspunt 2)"),
        "{}",
        e.message
    );
}

#[test]
fn duplicate_municipality_ignores_case_and_spaces() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: '  ameland ', taakstelling: 6, nieuw: 12 }\n");
    let e = error(&v, Code::DuplicateMunicipality);
    assert_eq!(e.field, "gemeenten[1].naam");
    assert!(
        e.message
            .starts_with("Ameland staat meer dan één keer in de lijst (ook als gemeente 1)."),
        "{}",
        e.message
    );
}

#[test]
fn nothing_changes_is_an_error() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 6 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 10 }\n");
    error(&v, Code::NothingChanges);
}

#[test]
fn invalid_numbers_name_municipality_and_field() {
    for (raw, word) in [
        ("-3", "negatief"),
        ("2.5", "geen geheel getal"),
        ("zes", "geen getal"),
        ("99999999999999999999", "groter dan 1.000.000"),
        ("6.0", "geen geheel getal"),
        ("1.000", "geen geheel getal"),
        ("1e30", "groter dan 1.000.000"),
        ("-9223372036854775809", "kleiner dan -1.000.000"),
        ("0x10", "geen getal"),
        ("0o10", "geen getal"),
        ("0b110", "geen getal"),
    ] {
        let v = with(&format!("gemeenten:\n  - {{ naam: Ameland, taakstelling: {raw}, nieuw: 0 }}\n  - {{ naam: Heerenveen, taakstelling: 10, nieuw: 16 }}\n"));
        let e = error(&v, Code::InvalidNumber);
        assert_eq!(e.field, "gemeenten[0].taakstelling", "{raw}");
        assert!(
            e.message.contains("Ameland") && e.message.contains(word),
            "{raw}: {}",
            e.message
        );
        // Quoted as typed, not as YAML reads it (`1.000` is the float 1.0 to YAML).
        assert!(
            e.message.contains(&format!("(\"{raw}\")")),
            "{raw}: {}",
            e.message
        );
        assert!(v.sum_before.is_none() && !v.valid);
    }
    // A Dutch thousands separator: the message asks whether the number without points was meant.
    let v = with("gemeenten:\n  - { naam: Amsterdam, taakstelling: 1.000, nieuw: 994 }\n");
    let e = error(&v, Code::InvalidNumber);
    assert!(e.message.contains("Bedoelt u 1000?"), "{}", e.message);
    let v = with("gemeenten:\n  - { naam: Amsterdam, taakstelling: 2.5, nieuw: 994 }\n");
    assert!(!error(&v, Code::InvalidNumber).message.contains("Bedoelt u"));
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: '\"zes\"', nieuw: 0 }\n");
    error(&v, Code::InvalidNumber);
}

#[test]
fn a_bad_json_number_is_quoted_as_written() {
    // serde_json holds `99999999999999999999` only as a float: it was quoted back as
    // `100000000000000000000`, `2.50` as `2.5`, `1E3` as `1000.0`.
    for (raw, word) in [
        ("99999999999999999999", "groter dan 1.000.000"),
        ("-9223372036854775809", "kleiner dan -1.000.000"),
        ("2.50", "geen geheel getal"),
        ("6.0", "geen geheel getal"),
        ("1E3", "geen geheel getal"),
        ("1e30", "groter dan 1.000.000"),
        ("1e400", "groter dan 1.000.000"),
        ("-3", "negatief"),
    ] {
        let json = format!(
            r#"{{"periode":"2026-1","besluitdatum":"2026-02-10","bekendmaking":"2026-02-12","gemeenten":[{{"naam":"Ameland","taakstelling":{raw},"nieuw":0}},{{"naam":"Heerenveen","taakstelling":10,"nieuw":16}}]}}"#
        );
        let s = Scenario::from_json(&json).unwrap_or_else(|e| panic!("{raw}: {e}"));
        let v = check(&s, list());
        let e = error(&v, Code::InvalidNumber);
        assert_eq!(e.field, "gemeenten[0].taakstelling", "{raw}");
        assert!(
            e.message
                .starts_with(&format!("De taakstelling van Ameland (\"{raw}\") is ")),
            "{raw}: {}",
            e.message
        );
        assert!(e.message.contains(word), "{raw}: {}", e.message);
    }
}

#[test]
fn numbers_written_as_text_are_read() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: '6', nieuw: ' 0 ' }\n  - { naam: Heerenveen, taakstelling: \"10\", nieuw: 16 }\n");
    assert!(v.valid, "{:#?}", codes(&v));
}

#[test]
fn transfer_amount_zero_or_bad_is_invalid_number() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6 }\n  - { naam: Heerenveen, taakstelling: 10 }\noverdrachten:\n  - { van: Ameland, naar: Heerenveen, aantal: 0 }\n  - { van: Ameland, naar: Heerenveen, aantal: twee }\n");
    let fields: Vec<&str> = v
        .errors
        .iter()
        .filter(|i| i.code == Code::InvalidNumber)
        .map(|i| i.field.as_str())
        .collect();
    assert_eq!(fields, ["overdrachten[0].aantal", "overdrachten[1].aantal"]);
}

#[test]
fn bad_periods_are_invalid_period() {
    let v = verdict(&format!(
        "{}{AMELAND_HEERENVEEN}",
        HEADER.replace("2026-1", "2026-3")
    ));
    assert_eq!(error(&v, Code::InvalidPeriod).field, "periode");
    let v = verdict(&format!("{HEADER}tot_en_met: 2025-2\n{AMELAND_HEERENVEEN}"));
    let e = error(&v, Code::InvalidPeriod);
    assert_eq!(e.field, "tot_en_met");
    assert!(e.message.contains("vóór"), "{}", e.message);
    assert!(e.message.ends_with("(uitgangspunt 3)"));
    let v = verdict(&format!(
        "{}{AMELAND_HEERENVEEN}",
        HEADER.replace("2026-1", "2014-2")
    ));
    let e = error(&v, Code::InvalidPeriod);
    assert!(e.message.contains("1 januari 2015"), "{}", e.message);
}

#[test]
fn more_than_one_period_is_too_long_unless_an_exception_is_given() {
    let v = verdict(&format!("{HEADER}tot_en_met: 2026-2\n{AMELAND_HEERENVEEN}"));
    assert_eq!(error(&v, Code::PeriodTooLong).field, "tot_en_met");
    let v = verdict(&format!(
        "{HEADER}tot_en_met: 2026-2\nuitzondering: '   '\n{AMELAND_HEERENVEEN}"
    ));
    error(&v, Code::PeriodTooLong);
    let v = verdict(&format!("{HEADER}tot_en_met: 2027-1\nuitzondering: Waddeneiland, afgesproken met COA, J&V en BZK\n{AMELAND_HEERENVEEN}"));
    assert!(v.valid, "{:#?}", codes(&v));
    warning(&v, Code::PeriodTooLong);
    assert_eq!(v.periods.as_ref().unwrap().count, 3);
}

#[test]
fn province_outside_the_twelve_is_unknown() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Nieuwstad, provincie: Zuiderzee, taakstelling: 10, nieuw: 16 }\n");
    assert_eq!(
        error(&v, Code::UnknownProvince).field,
        "gemeenten[1].provincie"
    );
    warning(&v, Code::NotInMunicipalityList);
}

#[test]
fn friesland_is_accepted_as_fryslan() {
    let v = with("gemeenten:\n  - { naam: Ameland, provincie: friesland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, provincie: FRYSLAN, taakstelling: 10, nieuw: 16 }\n");
    assert!(v.valid, "{:#?}", codes(&v));
}

#[test]
fn wrong_province_for_a_listed_municipality_is_an_error() {
    let v = with("gemeenten:\n  - { naam: Ameland, provincie: Groningen, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n");
    let e = error(&v, Code::ProvinceMismatch);
    assert!(
        e.message.contains("Ameland ligt in Fryslân"),
        "{}",
        e.message
    );
}

#[test]
fn the_word_gemeente_is_not_read_as_part_of_the_name() {
    let v = with("gemeenten:\n  - { naam: Gemeente Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: gemeente Heerenveen, taakstelling: 10, nieuw: 16 }\n");
    assert!(v.errors.is_empty(), "{:#?}", codes(&v));
    assert!(
        v.warnings
            .iter()
            .all(|w| w.code != Code::NotInMunicipalityList),
        "{:#?}",
        codes(&v)
    );
    assert_eq!(v.municipalities[0].name, "Ameland");
}

#[test]
fn several_suggestions_read_as_a_dutch_choice() {
    let v = with("gemeenten:\n  - { naam: Bergen, provincie: Limburg, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n");
    let w = warning(&v, Code::NotInMunicipalityList);
    let asked = w
        .message
        .split("Bedoelt u ")
        .nth(1)
        .unwrap()
        .split('?')
        .next()
        .unwrap();
    assert_eq!(asked.matches(" of ").count(), 1, "{}", w.message);
    assert!(asked.matches(", ").count() >= 1, "{}", w.message);
    // The closest of the names that start with it first: the Bergen of Limburg.
    assert!(asked.starts_with("Bergen (L.), "), "{}", w.message);
}

#[test]
fn unlisted_name_warns_with_suggestion_and_needs_a_province() {
    let v = with("gemeenten:\n  - { naam: Amelandt, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n");
    let w = warning(&v, Code::NotInMunicipalityList);
    assert!(w.message.contains("Bedoelt u Ameland?"), "{}", w.message);
    assert_eq!(
        error(&v, Code::MissingProvince).field,
        "gemeenten[0].provincie"
    );
    let v = with("gemeenten:\n  - { naam: Amelandt, provincie: Fryslân, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n");
    assert!(v.valid, "{:#?}", codes(&v));
    warning(&v, Code::NotInMunicipalityList);
}

#[test]
fn aliases_and_spelling_variants_resolve_to_the_official_name() {
    let v = with("gemeenten:\n  - { naam: Den Haag, taakstelling: 60, nieuw: 50 }\n  - { naam: sudwest fryslan, taakstelling: 10, nieuw: 20 }\noverdrachten:\n  - { van: \"'s-Gravenhage\", naar: Súdwest-Fryslân, aantal: 10 }\n");
    assert!(v.valid, "{:#?}", v.errors);
    assert_eq!(v.municipalities[0].name, "'s-Gravenhage");
    assert_eq!(v.municipalities[1].name, "Súdwest-Fryslân");
    let names: Vec<&str> = v.recipients.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        &names[1..3],
        ["Provincie Fryslân", "Provincie Zuid-Holland"],
        "provinces sorted"
    );
}

#[test]
fn transfer_to_a_municipality_outside_the_scenario_is_unknown() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6 }\n  - { naam: Heerenveen, taakstelling: 10 }\noverdrachten:\n  - { van: Ameland, naar: Heerenven, aantal: 6 }\n");
    let e = error(&v, Code::UnknownMunicipality);
    assert_eq!(e.field, "overdrachten[0].naar");
    assert!(e.message.contains("Bedoelt u Heerenveen?"), "{}", e.message);
}

#[test]
fn transfers_alone_describe_the_redistribution() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6 }\n  - { naam: Heerenveen, taakstelling: 10 }\n  - { naam: Harlingen, taakstelling: 4 }\noverdrachten:\n  - { van: Ameland, naar: Heerenveen, aantal: 4 }\n  - { van: Ameland, naar: Harlingen, aantal: 2 }\n");
    assert!(v.valid, "{:#?}", v.errors);
    let after: Vec<Option<i64>> = v.municipalities.iter().map(|m| m.after).collect();
    assert_eq!(after, [Some(0), Some(14), Some(6)]);
}

#[test]
fn nieuw_that_disagrees_with_transfers_is_inconsistent() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 1 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\noverdrachten:\n  - { van: Ameland, naar: Heerenveen, aantal: 6 }\n");
    let e = error(&v, Code::TransferInconsistent);
    assert_eq!(e.field, "gemeenten[0].nieuw");
    assert!(e.message.contains("6 - 6 geeft 0"), "{}", e.message);
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\noverdrachten:\n  - { van: Ameland, naar: Heerenveen, aantal: 6 }\n");
    assert!(v.valid, "{:#?}", v.errors);
}

#[test]
fn transfer_to_itself_is_an_error() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6 }\n  - { naam: Heerenveen, taakstelling: 10 }\noverdrachten:\n  - { van: Ameland, naar: ameland, aantal: 6 }\n");
    assert_eq!(
        error(&v, Code::TransferToSelf).field,
        "overdrachten[0].naar"
    );
}

#[test]
fn notification_more_than_a_week_after_publication_is_late() {
    let v = verdict(&format!(
        "{HEADER}melddatum: 2026-02-20\n{AMELAND_HEERENVEEN}"
    ));
    assert!(v.valid);
    let w = warning(&v, Code::NotificationLate);
    assert_eq!(w.field, "melddatum");
    assert!(w.message.contains("8 dagen"), "{}", w.message);
    let v = verdict(&format!(
        "{HEADER}melddatum: 2026-02-19\n{AMELAND_HEERENVEEN}"
    ));
    assert!(
        v.warnings.is_empty(),
        "7 days is in time: {:#?}",
        v.warnings
    );
}

#[test]
fn publication_after_the_period_warns_period_ended() {
    let v = verdict(&format!(
        "periode: 2025-2\nbesluitdatum: 2026-01-05\nbekendmaking: 2026-01-06\n{AMELAND_HEERENVEEN}"
    ));
    assert!(v.valid);
    assert_eq!(warning(&v, Code::PeriodEnded).field, "bekendmaking");
}

/// A period that starts more than a year after the decisions is most likely a slip of the
/// year; one that starts within the year is not warned about.
#[test]
fn a_period_far_after_the_decisions_warns_period_far_ahead() {
    let v = verdict(&format!(
        "periode: 2100-2\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\n{AMELAND_HEERENVEEN}"
    ));
    assert!(v.valid, "a warning: {:#?}", v.errors);
    let w = warning(&v, Code::PeriodFarAhead);
    assert_eq!(w.field, "periode");
    assert!(w.message.contains("10 februari 2026"), "{}", w.message);
    for near in ["2026-1", "2026-2", "2027-1"] {
        let v = verdict(&format!(
            "periode: {near}\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\n{AMELAND_HEERENVEEN}"
        ));
        assert!(
            v.warnings.iter().all(|w| w.code != Code::PeriodFarAhead),
            "{near}: {:#?}",
            v.warnings
        );
    }
}

#[test]
fn missing_fields_are_reported_one_by_one() {
    let v = verdict("gemeenten:\n  - { taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen }\n");
    let fields: Vec<&str> = v
        .errors
        .iter()
        .filter(|i| i.code == Code::MissingField)
        .map(|i| i.field.as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "periode",
            "gemeenten[0].naam",
            "gemeenten[1].taakstelling",
            "gemeenten[1].nieuw"
        ]
    );
    let decisions: Vec<&str> = v
        .errors
        .iter()
        .filter(|i| i.code == Code::MissingDecision)
        .map(|i| i.field.as_str())
        .collect();
    assert_eq!(
        decisions,
        [
            "besluitdatum",
            "bekendmaking",
            "besluitdatum",
            "bekendmaking"
        ]
    );
}

const THREE: &str = "periode: 2026-1\ngemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0, besluitdatum: 2026-02-10, bekendmaking: 2026-02-12, publicatie: \"Gemeenteblad 2026, 309871\" }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 13, besluitdatum: 2026-02-17, bekendmaking: 2026-02-19 }\n  - { naam: Smallingerland, taakstelling: 8, nieuw: 11, besluitdatum: 2026-02-24, bekendmaking: 2026-02-26 }\n";

#[test]
fn each_college_has_its_own_decision_and_the_week_counts_from_the_last_publication() {
    let v = verdict(THREE);
    assert!(v.valid, "{:#?}", codes(&v));
    let m = &v.municipalities;
    assert_eq!(m[0].besluitdatum.unwrap().to_string(), "2026-02-10");
    assert_eq!(
        m[0].publicatie.as_deref(),
        Some("Gemeenteblad 2026, 309871")
    );
    assert_eq!(m[2].bekendmaking.unwrap().to_string(), "2026-02-26");
    assert_eq!(v.dates.last_publication.unwrap().to_string(), "2026-02-26");
    assert_eq!(v.deadlines.notify_by.unwrap().to_string(), "2026-03-05");
    // Eight days after the first publication but within a week of the last: not late.
    let v = verdict(&format!("melddatum: 2026-03-04\n{THREE}"));
    assert!(!v.has_warning(Code::NotificationLate), "{:#?}", codes(&v));
    let v = verdict(&format!("melddatum: 2026-03-06\n{THREE}"));
    assert!(warning(&v, Code::NotificationLate)
        .message
        .contains("26 februari 2026"));
}

#[test]
fn a_college_without_decision_is_missing_decision() {
    let v = verdict(&THREE.replace(", besluitdatum: 2026-02-17, bekendmaking: 2026-02-19", ""));
    let e = error(&v, Code::MissingDecision);
    assert_eq!(e.field, "gemeenten[1].besluitdatum");
    assert!(e.message.contains("Heerenveen"), "{}", e.message);
    assert!(e.message.ends_with("(uitgangspunt 4)"));
    assert_eq!(
        v.errors
            .iter()
            .filter(|i| i.code == Code::MissingDecision)
            .count(),
        2,
        "decision and publication"
    );
    // The top-level dates are the default for colleges that give none.
    let v = verdict(&format!(
        "besluitdatum: 2026-02-17\nbekendmaking: 2026-02-19\n{}",
        THREE.replace(", besluitdatum: 2026-02-17, bekendmaking: 2026-02-19", "")
    ));
    assert!(v.valid, "{:#?}", codes(&v));
    assert_eq!(
        v.municipalities[1].besluitdatum.unwrap().to_string(),
        "2026-02-17"
    );
}

#[test]
fn notice_before_a_publication_is_a_warning() {
    let v = verdict(&format!("melddatum: 2026-02-25\n{THREE}"));
    let w = warning(&v, Code::NoticeBeforePublication);
    assert_eq!(w.field, "melddatum");
    assert!(w.message.contains("Smallingerland"), "{}", w.message);
    assert!(!w.message.contains("Heerenveen"), "{}", w.message);
    assert!(v.valid);
}

#[test]
fn processing_after_the_last_period_is_a_warning() {
    let v = with(AMELAND_HEERENVEEN);
    assert!(!v.has_warning(Code::ProcessingAfterPeriod));
    let v = verdict(&format!(
        "periode: 2026-1\nbesluitdatum: 2026-06-01\nbekendmaking: 2026-06-03\n{AMELAND_HEERENVEEN}"
    ));
    let w = warning(&v, Code::ProcessingAfterPeriod);
    assert!(w.message.contains("10 juli 2026"), "{}", w.message);
    assert!(w.message.ends_with("(uitgangspunt 5)"));
}

const PER_PERIOD: &str = "periode: 2026-1\ntot_en_met: 2026-2\nuitzondering: Waddeneilanden\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\ngemeenten:\n  - naam: Ameland\n    perioden:\n      2026-1: { taakstelling: 2, nieuw: 0 }\n      2026-2: { taakstelling: 3, nieuw: 0 }\n  - naam: Heerenveen\n    perioden:\n      2026-1: { taakstelling: 10, nieuw: 12 }\n      2026-2: { taakstelling: 11, nieuw: 14 }\n";

#[test]
fn numbers_per_period_are_summed_per_period() {
    let v = verdict(PER_PERIOD);
    assert!(v.valid, "{:#?}", v.errors);
    let a = &v.municipalities[0];
    assert_eq!((a.before, a.after), (Some(5), Some(0)));
    assert_eq!(a.perioden.len(), 2);
    assert_eq!(a.perioden[1].periode.to_string(), "2026-2");
    assert_eq!(a.perioden[1].difference, Some(-3));
    assert_eq!(v.sums_per_period.len(), 2);
    assert_eq!(v.sums_per_period[0].after, Some(12));
}

#[test]
fn sum_changed_names_the_period() {
    let v =
        verdict(&PER_PERIOD.replace("taakstelling: 11, nieuw: 14", "taakstelling: 11, nieuw: 15"));
    let sums: Vec<&str> = v
        .errors
        .iter()
        .filter(|i| i.code == Code::SumChanged)
        .map(|i| i.message.as_str())
        .collect();
    assert_eq!(sums.len(), 1, "{sums:?}");
    assert!(sums[0].contains("in periode 2026-2"), "{}", sums[0]);
    // Totals over both periods still agree: the sum per period is what counts.
    let v = verdict(
        &PER_PERIOD
            .replace("taakstelling: 10, nieuw: 12", "taakstelling: 10, nieuw: 13")
            .replace("taakstelling: 11, nieuw: 14", "taakstelling: 11, nieuw: 13"),
    );
    assert_eq!(v.sum_before, v.sum_after);
    assert_eq!(
        v.errors
            .iter()
            .filter(|i| i.code == Code::SumChanged)
            .count(),
        2
    );
}

#[test]
fn periods_per_municipality_must_match_the_agreement() {
    let v = verdict(&PER_PERIOD.replace("      2026-2: { taakstelling: 3, nieuw: 0 }\n", ""));
    let e = error(&v, Code::MissingField);
    assert_eq!(e.field, "gemeenten[0].perioden");
    assert!(e.message.contains("2026-2"), "{}", e.message);
    let v = verdict(&PER_PERIOD.replace("2026-2: { taakstelling: 3", "2027-1: { taakstelling: 3"));
    assert_eq!(
        error(&v, Code::InvalidPeriod).field,
        "gemeenten[0].perioden.2027-1"
    );
    let v = verdict(&PER_PERIOD.replace("2026-2: { taakstelling: 3", "2026-3: { taakstelling: 3"));
    assert_eq!(
        error(&v, Code::InvalidPeriod).field,
        "gemeenten[0].perioden.2026-3"
    );
    let v = verdict(&PER_PERIOD.replace(
        "  - naam: Heerenveen\n",
        "  - naam: Heerenveen\n    taakstelling: 4\n",
    ));
    assert_eq!(
        error(&v, Code::InvalidPeriod).field,
        "gemeenten[1].perioden"
    );
}

#[test]
fn one_pair_on_a_multi_period_agreement_holds_in_every_period() {
    let v = verdict(&PER_PERIOD.replace(
        "  - naam: Heerenveen\n    perioden:\n      2026-1: { taakstelling: 10, nieuw: 12 }\n      2026-2: { taakstelling: 11, nieuw: 14 }\n",
        "  - { naam: Heerenveen, taakstelling: 10, nieuw: 12 }\n",
    ));
    // Ameland gives 2 then 3; Heerenveen takes 2 in each period: 2026-2 does not add up.
    let sums: Vec<&str> = v
        .errors
        .iter()
        .filter(|i| i.code == Code::SumChanged)
        .map(|i| i.message.as_str())
        .collect();
    assert_eq!(sums.len(), 1, "{sums:?}");
    assert!(sums[0].contains("2026-2"));
}

#[test]
fn a_former_municipality_is_named_with_its_successor_and_date() {
    let v = with("gemeenten:\n  - { naam: Weesp, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n");
    let e = error(&v, Code::FormerMunicipality);
    assert_eq!(e.field, "gemeenten[0].naam");
    assert!(e.message.contains("24 maart 2022"), "{}", e.message);
    assert!(e.message.contains("Amsterdam"), "{}", e.message);
    assert!(!v.has_warning(Code::NotInMunicipalityList));
    assert!(!v.has_error(Code::MissingProvince));
    let v = with("gemeenten:\n  - { naam: haaren, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n");
    let e = error(&v, Code::FormerMunicipality);
    assert!(
        e.message
            .contains("verdeeld over Boxtel, Oisterwijk, Tilburg en Vught"),
        "{}",
        e.message
    );
    // The herindelingen of 1 January 2015, the first year of the Huisvestingswet 2014, count too.
    for (old, successor) in [
        ("Schoonhoven", "Krimpenerwaard"),
        ("Graft-De Rijp", "Alkmaar"),
    ] {
        let v = with(&format!("gemeenten:\n  - {{ naam: {old}, taakstelling: 6, nieuw: 0 }}\n  - {{ naam: Heerenveen, taakstelling: 10, nieuw: 16 }}\n"));
        let e = error(&v, Code::FormerMunicipality);
        assert!(e.message.contains(successor), "{}", e.message);
        assert!(e.message.contains("1 januari 2015"), "{}", e.message);
    }
}

#[test]
fn the_penvoerder_must_take_part() {
    let v = verdict(&format!(
        "penvoerder: {{ gemeente: Heerenveen, naam: J. de Vries, kenmerk: HV/2026/12 }}\n{THREE}"
    ));
    assert!(v.valid, "{:#?}", codes(&v));
    let p = v.penvoerder.as_ref().unwrap();
    assert_eq!(p.gemeente.as_deref(), Some("Heerenveen"));
    assert_eq!(p.kenmerk.as_deref(), Some("HV/2026/12"));
    let v = verdict(&format!("penvoerder: {{ gemeente: Urk }}\n{THREE}"));
    assert_eq!(
        error(&v, Code::UnknownMunicipality).field,
        "penvoerder.gemeente"
    );
}

/// A municipality whose taakstelling stays the same takes no decision and is left out of the
/// documents; as penvoerder it would send them and sign "namens de colleges" it is not one of.
#[test]
fn the_penvoerder_must_be_a_college_that_decides() {
    let v = verdict(&format!(
        "penvoerder: {{ gemeente: ooststellingwerf, naam: C. Smit }}\n{THREE}  - {{ naam: Ooststellingwerf, taakstelling: 4, nieuw: 4, besluitdatum: 2026-02-10, bekendmaking: 2026-02-12 }}\n"
    ));
    let e = error(&v, Code::PenvoerderUnchanged);
    assert_eq!(e.field, "penvoerder.gemeente");
    assert_eq!(
        e.message,
        "De penvoerder (Ooststellingwerf) neemt geen besluit: haar taakstelling verandert niet, dus staat ze niet in de brieven en kan ze niet namens de colleges tekenen. Kies als penvoerder een gemeente waarvan de taakstelling verandert: Ameland, Heerenveen of Smallingerland. (uitgangspunt 4)"
    );
    assert_eq!(v.errors.len(), 1, "{:#?}", codes(&v));
}

/// The contact in the letters an official signs: a broken e-mail address or telephone number
/// stops the documents, named at its form field; both may stay empty.
#[test]
fn the_penvoerders_email_and_telephone_must_reach_someone() {
    let with_contact = |email: &str, telefoon: &str| {
        verdict(&format!(
            "penvoerder: {{ gemeente: Heerenveen, naam: J. de Vries, email: \"{email}\", telefoon: \"{telefoon}\" }}\n{THREE}"
        ))
    };
    for (email, telefoon) in [
        ("j.devries@heerenveen.nl", "0513-617617"),
        ("j.devries@heerenveen.nl", "+31 (0)513 617 617"),
        ("", "14 0513"),
        ("j.devries@heerenveen.nl", ""),
        ("", "0800-1234"),
    ] {
        let v = with_contact(email, telefoon);
        assert!(v.valid, "{email} {telefoon}: {:#?}", codes(&v));
    }

    let v = with_contact("j.devries@heerenveen", "0513-61761");
    assert!(!v.valid);
    let e = error(&v, Code::InvalidEmail);
    assert_eq!(e.field, "penvoerder.email");
    assert_eq!(
        e.message,
        "Het e-mailadres van de penvoerder (\"j.devries@heerenveen\") is geen e-mailadres: na de @ ontbreekt de punt van het domein (zoals gemeente.nl). Schrijf één adres als naam@gemeente.nl, zonder naam of spaties eromheen, of laat het veld leeg; het komt zo in de brieven. (uitgangspunt 4)"
    );
    let e = error(&v, Code::InvalidPhone);
    assert_eq!(e.field, "penvoerder.telefoon");
    assert!(
        e.message.starts_with("Het telefoonnummer van de penvoerder (\"0513-61761\") is geen Nederlands telefoonnummer: een nummer met netnummer of een 06-nummer heeft 10 cijfers (met de 0 vooraan), hier staan er 9. Schrijf één nummer, zoals 0513-617617"),
        "{}",
        e.message
    );
    assert_eq!(v.errors.len(), 2, "{:#?}", codes(&v));

    // The same through JSON, as the page sends it.
    let json = r#"{"periode":"2026-1","penvoerder":{"gemeente":"Heerenveen","email":"j.devries heerenveen.nl","telefoon":"bel 0513"},"gemeenten":[{"naam":"Ameland","taakstelling":"6","nieuw":"0","besluitdatum":"2026-02-10","bekendmaking":"2026-02-12"},{"naam":"Heerenveen","taakstelling":"10","nieuw":"16","besluitdatum":"2026-02-10","bekendmaking":"2026-02-12"}]}"#;
    let v = check(&Scenario::from_json(json).unwrap(), list());
    assert_eq!(codes(&v).0, ["INVALID_EMAIL", "INVALID_PHONE"]);
}

/// The issues at `field`, by code.
fn at(v: &Verdict, field: &str) -> Vec<&'static str> {
    v.errors
        .iter()
        .chain(&v.warnings)
        .filter(|i| i.field == field)
        .map(|i| i.code.as_str())
        .collect()
}

#[test]
fn a_hidden_character_in_the_letters_text_is_an_error_at_its_field_naming_it_and_the_fix() {
    // The contact person, the kenmerk and the publication go into the letters as written.
    let v = verdict(&format!(
        "penvoerder: {{ gemeente: Heerenveen, naam: \"J. de\u{200B} Vries\", kenmerk: \"HV/2026/\u{202E}2410\" }}\n{}",
        THREE.replace("Gemeenteblad 2026, 309871", "Gemeenteblad 2026,\u{00AD} 309871")
    ));
    assert!(!v.valid, "no document may be written: {:#?}", codes(&v));
    assert_eq!(codes(&v).0, ["HIDDEN_CHARACTER"; 3], "{:#?}", v.errors);
    let fields: Vec<&str> = v.errors.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "penvoerder.naam",
            "penvoerder.kenmerk",
            "gemeenten[0].publicatie"
        ]
    );
    assert_eq!(
        v.errors[0].message,
        "De naam van de contactpersoon (\"J. de<U+200B> Vries\") bevat U+200B, een onzichtbaar teken: de tekst ziet er goed uit maar is een andere tekst, die bij zoeken en vergelijken niet overeenkomt. Verwijder het teken (hier geschreven als <U+200B>): wis het veld en typ de tekst opnieuw, zonder te kopiëren en te plakken. Zolang het erin staat, maakt de check geen documenten. (uitgangspunt 4)"
    );
    let m = &v.errors[1].message;
    assert!(
        m.contains("(\"HV/2026/<U+202E>2410\") bevat U+202E, een teken dat de leesrichting omdraait: de tekst staat in de brieven in een andere volgorde"),
        "{m}"
    );
    assert!(v.errors[2]
        .message
        .contains("De plaats van publicatie van Ameland"));
    // The same text without the characters is fine.
    let clean = verdict(&format!(
        "penvoerder: {{ gemeente: Heerenveen, naam: \"J. de Vries\", kenmerk: \"HV/2026/2410\" }}\n{THREE}"
    ));
    assert!(clean.valid, "{:#?}", codes(&clean));
}

/// A scenario with every field filled in, valid (warnings aside): the base of
/// [`every_field_of_the_scenario_is_checked_for_hidden_characters`].
///
/// Written as struct literals without `..Default::default()`, so that a field added to
/// `Scenario`, `Penvoerder`, `Gemeente`, `Aantallen` or `Overdracht` does not compile here until it
/// is filled in. Filled in matters: the optional fields are left out of the JSON when empty
/// (`skip_serializing_if`), and a field that is not in the JSON is never given a hidden character,
/// so the test would pass without checking it. (`every_field_is_filled_in` checks that against
/// the field names serde knows, for a field filled with `None` or an empty list.)
fn complete_scenario() -> Scenario {
    use calculator_wasm::scenario::{Aantallen, Gemeente, Overdracht, Penvoerder};
    let t = |s: &str| Some(s.to_string());
    let per_period = |taakstelling: &str, nieuw: &str| Aantallen {
        taakstelling: t(taakstelling),
        nieuw: t(nieuw),
    };
    Scenario {
        periode: t("2026-1"),
        tot_en_met: t("2026-2"),
        uitzondering: t("Waddeneilanden, afgesproken met COA, J&V en BZK"),
        besluitdatum: t("2026-02-10"),
        bekendmaking: t("2026-02-12"),
        melddatum: t("2026-02-13"),
        penvoerder: Some(Penvoerder {
            gemeente: t("Harlingen"),
            naam: t("J. de Vries"),
            email: t("j.devries@harlingen.nl"),
            telefoon: t("0517-492222"),
            kenmerk: t("HA/2026/0142"),
        }),
        gemeenten: vec![
            Gemeente {
                naam: t("Vlieland"),
                provincie: t("Fryslân"),
                taakstelling: t("3"),
                nieuw: t("0"),
                besluitdatum: t("2026-02-10"),
                bekendmaking: t("2026-02-12"),
                publicatie: t("Gemeenteblad 2026, 301122"),
                perioden: BTreeMap::new(),
            },
            Gemeente {
                naam: t("Harlingen"),
                provincie: t("Fryslân"),
                taakstelling: None,
                nieuw: None,
                besluitdatum: t("2026-02-10"),
                bekendmaking: t("2026-02-12"),
                publicatie: t("Gemeenteblad 2026, 305310"),
                perioden: BTreeMap::from([
                    ("2026-1".to_string(), per_period("12", "15")),
                    ("2026-2".to_string(), per_period("12", "15")),
                ]),
            },
        ],
        overdrachten: vec![Overdracht {
            van: t("Vlieland"),
            naar: t("Harlingen"),
            aantal: t("3"),
        }],
    }
}

/// Every value of `v` (a scenario as JSON) with its path as the verdict names its field:
/// `penvoerder.naam`, `gemeenten[1].perioden.2026-1.nieuw`, and its JSON pointer.
fn json_leaves(v: &serde_json::Value) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, path: String, pointer: String, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    let key = k.replace('~', "~0").replace('/', "~1");
                    walk(v, p, format!("{pointer}/{key}"), out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(v, format!("{path}[{i}]"), format!("{pointer}/{i}"), out);
                }
            }
            _ => out.push((path, pointer)),
        }
    }
    let mut out = Vec::new();
    walk(v, String::new(), String::new(), &mut out);
    out
}

/// The field names serde accepts in the object at `pointer` (`""`, `/penvoerder`,
/// `/gemeenten/0`, …) of the scenario `base`, read from its error for an unknown field
/// ("unknown field `x`, expected one of `a`, `b`").
fn declared_fields(base: &serde_json::Value, pointer: &str) -> Vec<String> {
    let mut probe = base.clone();
    probe
        .pointer_mut(pointer)
        .and_then(serde_json::Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {pointer:?}"))
        .insert("veld_dat_niet_bestaat".into(), "x".into());
    // serde's own message (`Scenario::from_json` puts it in Dutch).
    let message = serde_json::from_value::<Scenario>(probe)
        .expect_err("an unknown field is refused")
        .to_string();
    let names = message
        .split("expected one of ")
        .nth(1)
        .or_else(|| message.split("expected ").nth(1))
        .unwrap_or_else(|| panic!("{pointer:?}: no field list in {message:?}"));
    names
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn every_field_is_filled_in() {
    let base = serde_json::to_value(complete_scenario()).unwrap();
    for pointer in [
        "",
        "/penvoerder",
        "/gemeenten/0",
        "/gemeenten/1",
        "/gemeenten/1/perioden/2026-1",
        "/overdrachten/0",
    ] {
        let fields = declared_fields(&base, pointer);
        assert!(fields.len() >= 2, "{pointer:?}: {fields:?}");
        let object = base.pointer(pointer).unwrap().as_object().unwrap();
        for field in fields {
            // A municipality has its numbers once or per period, not both: the two together
            // cover the four fields.
            let elsewhere = match (pointer, field.as_str()) {
                ("/gemeenten/0", "perioden") => Some("/gemeenten/1/perioden"),
                ("/gemeenten/1", "taakstelling" | "nieuw") => Some("/gemeenten/0"),
                _ => None,
            };
            let filled = match elsewhere {
                Some(other) => base.pointer(other).is_some(),
                None => object.contains_key(&field),
            };
            assert!(
                filled,
                "`{field}` (at {pointer:?}) is not filled in in complete_scenario(), so no test gives it a hidden character"
            );
        }
    }
}

#[test]
fn every_field_of_the_scenario_is_checked_for_hidden_characters() {
    // The complete scenario as the page sends it (JSON, every value a string), and each of its
    // values in turn with a U+202E in the middle: each must be `HIDDEN_CHARACTER` at its own
    // field, and nothing else there. The values are found by walking the JSON, not listed, so a
    // field added to the scenario is tested as soon as `complete_scenario` fills it (which the
    // compiler and `every_field_is_filled_in` see to).
    let scenario = complete_scenario();
    let clean = check(&scenario, list());
    assert!(clean.valid, "{:#?}", clean.errors);
    assert!(
        clean
            .warnings
            .iter()
            .all(|i| i.code != Code::HiddenCharacter),
        "{:#?}",
        clean.warnings
    );
    let base = serde_json::to_value(&scenario).unwrap();
    let leaves = json_leaves(&base);
    assert!(leaves.len() >= 30, "{leaves:#?}");
    for (n, (path, pointer)) in leaves.iter().enumerate() {
        // U+202E everywhere, and, in turn, a zero-width space, a bidi isolate, a control
        // character and a byte order mark: one of each kind textkit::hidden knows.
        let other = ['\u{200B}', '\u{2068}', '\u{0007}', '\u{FEFF}'][n % 4];
        for hidden in ['\u{202E}', other] {
            let mut s = base.clone();
            let value = s.pointer_mut(pointer).unwrap();
            let text = value
                .as_str()
                .unwrap_or_else(|| panic!("{path}: {value} is not a string"))
                .to_string();
            let middle = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
            let (head, tail) = text.split_at(middle);
            *value = serde_json::Value::String(format!("{head}{hidden}{tail}"));
            let v = check(&Scenario::from_json(&s.to_string()).unwrap(), list());
            assert!(!v.valid, "{path}: no document may be made");
            assert_eq!(
                at(&v, path),
                ["HIDDEN_CHARACTER"],
                "{path} with U+{:04X}: {:#?}",
                hidden as u32,
                v.errors
            );
            for i in v.errors.iter().chain(&v.warnings) {
                assert!(
                    !i.message.contains(hidden),
                    "{path}: the message carries the character: {}",
                    i.message
                );
            }
        }
    }
    // A key of `perioden` is no value: one with a hidden character is an unreadable period, an
    // error all the same (and written out in its message).
    for key in ["2026-1", "2026-2"] {
        let mut s = base.clone();
        let perioden = s
            .pointer_mut("/gemeenten/1/perioden")
            .and_then(serde_json::Value::as_object_mut)
            .unwrap();
        let a = perioden.remove(key).unwrap();
        perioden.insert(format!("2026\u{202E}-{}", &key[5..]), a);
        let v = check(&Scenario::from_json(&s.to_string()).unwrap(), list());
        assert!(!v.valid, "{key}: {:#?}", v.errors);
        for i in v.errors.iter().chain(&v.warnings) {
            assert!(!i.message.contains('\u{202E}'), "{key}: {}", i.message);
        }
    }
}

#[test]
fn a_name_with_a_hidden_character_says_so_instead_of_unknown_municipality() {
    // `Urk` typed after U+202E reads "Urk" on screen but is the text "krU": not in the list. The
    // message is the hidden character, not "not in the list" and "fill in the province".
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 13 }\n  - { naam: \"\u{202E}krU\", taakstelling: 4, nieuw: 7 }\n");
    assert_eq!(codes(&v), (vec!["HIDDEN_CHARACTER"], vec![]), "{:#?}", v);
    assert_eq!(v.errors[0].field, "gemeenten[2].naam");
    assert!(
        v.errors[0].message.starts_with("De naam van gemeente 3 (\"<U+202E>krU\") bevat U+202E, een teken dat de leesrichting omdraait"),
        "{}",
        v.errors[0].message
    );
    // A zero-width space in a listed name: the lookup ignores it (and the letters would show the
    // official name), but the field still says what is in it.
    let v = with("gemeenten:\n  - { naam: \"Ame\u{200B}land\", taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n");
    assert_eq!(codes(&v), (vec!["HIDDEN_CHARACTER"], vec![]), "{:#?}", v);
    assert_eq!(v.municipalities[0].name, "Ameland");
    // A transfer or the penvoerder naming a municipality that way: no "not among the
    // municipalities", which would send the user looking for a difference they cannot see.
    let v = with(&format!(
        "penvoerder: {{ gemeente: \"\u{202E}neveneereH\" }}\n{AMELAND_HEERENVEEN}overdrachten:\n  - {{ van: \"\u{2067}Ameland\", naar: Heerenveen, aantal: 6 }}\n"
    )
    .replace("nieuw: 0", "")
    .replace("nieuw: 16", ""));
    assert_eq!(
        at(&v, "penvoerder.gemeente"),
        ["HIDDEN_CHARACTER"],
        "{:#?}",
        v.errors
    );
    assert_eq!(
        at(&v, "overdrachten[0].van"),
        ["HIDDEN_CHARACTER"],
        "{:#?}",
        v.errors
    );
    assert!(
        !codes(&v).0.contains(&"UNKNOWN_MUNICIPALITY"),
        "{:#?}",
        v.errors
    );
}

#[test]
fn a_hidden_character_quoted_in_another_message_is_written_out() {
    // The name holds U+202E; the missing taakstelling's message names the municipality as
    // written, and must not turn the rest of the message around.
    let v = with("gemeenten:\n  - { naam: \"\u{202E}dnalemA\" }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n");
    let e = v
        .errors
        .iter()
        .find(|i| i.field == "gemeenten[0].taakstelling")
        .unwrap_or_else(|| panic!("{:#?}", v.errors));
    assert!(e.message.contains("<U+202E>dnalemA"), "{}", e.message);
    assert!(!e.message.contains('\u{202E}'), "{}", e.message);
}

#[test]
fn dutch_text_with_accents_apostrophes_and_no_break_spaces_has_no_hidden_character() {
    let v = verdict(&format!(
        "penvoerder: {{ gemeente: Heerenveen, naam: \"Ö. Çelik-d'Hondt\", telefoon: \"0513\u{00A0}617617\", kenmerk: \"HV/2026 — 1\" }}\n{}",
        THREE.replace("Gemeenteblad 2026, 309871", "Gemeenteblad 2026, nr. 309871 (’s middags)")
    ));
    assert!(v.valid, "{:#?}", v.errors);
}

#[test]
fn the_conclusion_says_what_was_checked() {
    assert_eq!(
        with(AMELAND_HEERENVEEN).conclusion,
        "De herverdeling doorstaat de controles van het stappenplan."
    );
    let bad = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n");
    assert!(bad
        .conclusion
        .starts_with("De herverdeling doorstaat de controles nog niet"));
}

#[test]
fn bad_dates_and_dates_out_of_order_are_errors() {
    let v = verdict(&format!(
        "periode: 2026-1\nbesluitdatum: 2026-02-30\nbekendmaking: 12-02-2026\n{AMELAND_HEERENVEEN}"
    ));
    let fields: Vec<&str> = v
        .errors
        .iter()
        .filter(|i| i.code == Code::InvalidDate)
        .map(|i| i.field.as_str())
        .collect();
    assert_eq!(fields, ["besluitdatum", "bekendmaking"]);
    let v = verdict(&format!("periode: 2026-1\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-09\nmelddatum: 2026-02-01\n{AMELAND_HEERENVEEN}"));
    let fields: Vec<&str> = v
        .errors
        .iter()
        .filter(|i| i.code == Code::DateOrder)
        .map(|i| i.field.as_str())
        .collect();
    assert_eq!(fields, ["bekendmaking", "melddatum"]);
}

#[test]
fn unchanged_municipality_among_changing_ones_is_a_warning() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n  - { naam: Harlingen, taakstelling: 4, nieuw: 4 }\n");
    assert!(v.valid);
    assert_eq!(
        warning(&v, Code::MunicipalityUnchanged).field,
        "gemeenten[2].nieuw"
    );
}

#[test]
fn every_message_points_to_an_uitgangspunt_and_every_code_is_tested() {
    let v = verdict("periode: x\ntot_en_met: y\nbesluitdatum: z\ngemeenten:\n  - { naam: A, provincie: Q, taakstelling: -1, nieuw: b }\n");
    for i in v.errors.iter().chain(&v.warnings) {
        assert!(
            i.message
                .ends_with(&format!("(uitgangspunt {})", i.uitgangspunt)),
            "{}",
            i.message
        );
        assert!((1..=5).contains(&i.uitgangspunt));
    }
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), codes.len());
}

#[test]
fn verdict_json_has_the_documented_shape() {
    let v = with(AMELAND_HEERENVEEN);
    let j: serde_json::Value = serde_json::from_str(&v.to_json()).unwrap();
    for key in [
        "valid",
        "errors",
        "warnings",
        "municipalities",
        "sum_before",
        "sum_after",
        "deadlines",
        "recipients",
        "periods",
        "dates",
    ] {
        assert!(j.get(key).is_some(), "{key}");
    }
    assert_eq!(j["deadlines"]["notify_by"], "2026-02-19");
    assert_eq!(j["municipalities"][1]["difference"], 6);
    assert_eq!(j["municipalities"][1]["province"], "Fryslân");
    let bad = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 17 }\n");
    let j: serde_json::Value = serde_json::from_str(&bad.to_json()).unwrap();
    assert_eq!(j["errors"][0]["code"], "SUM_CHANGED");
    assert_eq!(j["errors"][0]["field"], "gemeenten");
}

fn scenario_yaml(before: &[i64], after: &[i64]) -> String {
    let names = [
        "Ameland",
        "Heerenveen",
        "Harlingen",
        "Texel",
        "Urk",
        "Zwolle",
    ];
    let mut y = HEADER.to_string();
    y.push_str("gemeenten:\n");
    for (i, (b, a)) in before.iter().zip(after).enumerate() {
        y.push_str(&format!(
            "  - {{ naam: {}, taakstelling: {b}, nieuw: {a} }}\n",
            names[i]
        ));
    }
    y
}

proptest! {
    #[test]
    fn random_sum_preserving_redistributions_pass(
        before in prop::collection::vec(0i64..2000, 2..6),
        seed in prop::collection::vec((0usize..6, 0usize..6, 1i64..50), 1..8),
    ) {
        let mut after = before.clone();
        let n = after.len();
        let mut moved = false;
        for (from, to, amount) in seed {
            let (from, to) = (from % n, to % n);
            let amount = amount.min(after[from]);
            if from != to && amount > 0 {
                after[from] -= amount;
                after[to] += amount;
                moved = true;
            }
        }
        prop_assume!(moved && after != before);
        let v = verdict(&scenario_yaml(&before, &after));
        let errors: Vec<&str> = v.errors.iter().map(|i| i.code.as_str()).collect();
        prop_assert!(v.valid, "{:?}", errors);
        prop_assert_eq!(v.sum_before, v.sum_after);
    }

    #[test]
    fn random_sum_changing_scenarios_fail(
        before in prop::collection::vec(0i64..2000, 2..6),
        after in prop::collection::vec(0i64..2000, 2..6),
    ) {
        let n = before.len().min(after.len());
        let (before, after) = (&before[..n], &after[..n]);
        prop_assume!(before.iter().sum::<i64>() != after.iter().sum::<i64>());
        let v = verdict(&scenario_yaml(before, after));
        prop_assert!(!v.valid);
        prop_assert!(v.has_error(Code::SumChanged));
    }

    #[test]
    fn any_scalar_values_never_panic(values in prop::collection::vec("[ -~]{0,24}", 8)) {
        let q = |s: &str| format!("'{}'", s.replace('\'', "''"));
        let y = format!(
            "periode: {}\ntot_en_met: {}\nbesluitdatum: {}\nbekendmaking: {}\ngemeenten:\n  - {{ naam: {}, taakstelling: {}, nieuw: {} }}\noverdrachten:\n  - {{ van: {}, naar: Urk, aantal: 1 }}\n",
            q(&values[0]), q(&values[1]), q(&values[2]), q(&values[3]), q(&values[4]), q(&values[5]), q(&values[6]), q(&values[7])
        );
        let v = verdict(&y);
        prop_assert!(!v.valid);
    }
}

#[test]
fn a_college_whose_numbers_change_per_period_but_not_in_total_must_decide() {
    // Harlingen gives 2 in the first period and takes 2 back in the second: its total stays the
    // same, but its taakstelling changes in both periods, so its college decides too.
    let v = verdict(
        "periode: 2026-1\ntot_en_met: 2026-2\nuitzondering: Waddeneilanden, afgesproken met COA\n\
         gemeenten:\n\
         \x20 - naam: Vlieland\n\
         \x20   besluitdatum: 2026-02-10\n\
         \x20   bekendmaking: 2026-02-12\n\
         \x20   perioden:\n\
         \x20     2026-1: { taakstelling: 2, nieuw: 4 }\n\
         \x20     2026-2: { taakstelling: 3, nieuw: 1 }\n\
         \x20 - naam: Harlingen\n\
         \x20   perioden:\n\
         \x20     2026-1: { taakstelling: 12, nieuw: 10 }\n\
         \x20     2026-2: { taakstelling: 12, nieuw: 14 }\n",
    );
    let e = error(&v, Code::MissingDecision);
    assert!(e.message.contains("Harlingen"), "{}", e.message);
    assert_eq!(e.field, "gemeenten[1].besluitdatum");
}

/// PERIOD_TOO_LONG names the ministries the documents address (the stappenplan's footnote names
/// those of its time, J&V and BZK), and the field as the form labels it.
#[test]
fn a_period_too_long_names_the_ministries_of_today() {
    let v = verdict(&format!("{HEADER}tot_en_met: 2026-2\n{AMELAND_HEERENVEEN}"));
    let e = error(&v, Code::PeriodTooLong);
    let v = verdict(&format!(
        "{HEADER}tot_en_met: 2026-2\nuitzondering: Waddeneilanden\n{AMELAND_HEERENVEEN}"
    ));
    let w = warning(&v, Code::PeriodTooLong);
    for message in [&e.message, &w.message] {
        assert!(
            message.contains("de ministeries (nu Asiel en Migratie, en Volkshuisvesting en Ruimtelijke Ordening)"),
            "{message}"
        );
        assert!(
            !message.contains("J&V") && !message.contains("BZK"),
            "{message}"
        );
    }
    assert!(
        e.message.contains("'Toelichting bij een langere afspraak'"),
        "{}",
        e.message
    );
}

#[test]
fn a_message_about_a_long_value_quotes_only_its_start() {
    // A 400,000-character value was quoted whole in every message about it: 50 transfers
    // printed 40 MB.
    let long = "x".repeat(400_000);
    let v = with(&format!(
        "tot_en_met: \"{long}\"\nmelddatum: \"{long}\"\n{AMELAND_HEERENVEEN}overdrachten:\n  - {{ van: \"{long}\", naar: Ameland, aantal: \"{long}\" }}\npenvoerder:\n  gemeente: \"{long}\"\n  email: \"{long}\"\n  telefoon: \"{long}\"\n"
    ));
    assert!(v.errors.len() >= 6, "{:#?}", codes(&v));
    for i in v.errors.iter().chain(&v.warnings) {
        assert!(
            i.message.chars().count() < 500,
            "{} at {}: {} characters",
            i.code.as_str(),
            i.field,
            i.message.chars().count()
        );
    }
    let transfer = v
        .errors
        .iter()
        .find(|i| i.field == "overdrachten[0].van")
        .unwrap_or_else(|| panic!("{:#?}", v.errors));
    assert!(
        transfer
            .message
            .contains(&format!("(\"{}…\")", "x".repeat(59))),
        "{}",
        transfer.message
    );
}

#[test]
fn a_value_longer_than_its_field_takes_is_too_long_at_that_field() {
    use calculator_wasm::rules::{MAX_EXPLANATION_CHARS, MAX_LINE_CHARS, MAX_NAME_CHARS};
    // A 10,000-character name with a province passed as valid and filled a 16-page letter.
    let name = "Heerenveen".repeat(1000);
    let v = with(&format!("gemeenten:\n  - {{ naam: Ameland, taakstelling: 6, nieuw: 0 }}\n  - {{ naam: \"{name}\", provincie: Fryslân, taakstelling: 10, nieuw: 16 }}\n"));
    assert!(!v.valid);
    assert_eq!(codes(&v), (vec!["TOO_LONG"], vec![]), "{:#?}", v);
    let e = error(&v, Code::TooLong);
    assert_eq!(e.field, "gemeenten[1].naam");
    assert!(
        e.message
            .starts_with("De naam van gemeente 2 (\"Heerenveen"),
        "{}",
        e.message
    );
    assert!(
        e.message
            .contains("is 10.000 tekens lang; de check neemt er hoogstens 100 aan"),
        "{}",
        e.message
    );
    assert!(e.message.chars().count() < 400, "{}", e.message);
    // The other fields, the transfers and the penvoerder each at their own field.
    let long = |n: usize| "k".repeat(n);
    let v = with(&format!(
        "uitzondering: \"{}\"\n{AMELAND_HEERENVEEN}penvoerder: {{ gemeente: Heerenveen, naam: \"{}\", kenmerk: \"{}\" }}\noverdrachten:\n  - {{ van: \"{}\", naar: Heerenveen, aantal: 6 }}\n",
        long(MAX_EXPLANATION_CHARS + 1),
        long(MAX_LINE_CHARS + 1),
        long(MAX_LINE_CHARS),
        long(MAX_NAME_CHARS + 1),
    ));
    let too_long: Vec<&str> = v
        .errors
        .iter()
        .filter(|i| i.code == Code::TooLong)
        .map(|i| i.field.as_str())
        .collect();
    assert_eq!(
        too_long,
        ["uitzondering", "penvoerder.naam", "overdrachten[0].van"],
        "{:#?}",
        v.errors
    );
    // The too long transfer's name is not also "not among the municipalities".
    assert!(
        !v.errors.iter().any(|i| i.code == Code::UnknownMunicipality),
        "{:#?}",
        v.errors
    );
    // As long as the field takes is fine.
    let v = with(&format!(
        "{AMELAND_HEERENVEEN}penvoerder: {{ gemeente: Heerenveen, kenmerk: \"{}\" }}\n",
        long(MAX_LINE_CHARS)
    ));
    assert!(v.valid, "{:#?}", v.errors);
}

#[test]
fn many_long_names_are_each_too_long_and_not_compared_with_the_list() {
    // 95 names of 10,000 characters were each compared with every municipality for "Bedoelt
    // u …?" (34 s); each is now too long, and named by its number in the other messages.
    let rows: String = (0..95)
        .map(|i| {
            format!(
                "  - {{ naam: \"{}{i}\", taakstelling: 1, nieuw: 1 }}\n",
                "a".repeat(10_000)
            )
        })
        .collect();
    let v = with(&format!("gemeenten:\n{rows}"));
    assert_eq!(
        v.errors.iter().filter(|i| i.code == Code::TooLong).count(),
        95,
        "{:#?}",
        codes(&v)
    );
    assert!(v
        .warnings
        .iter()
        .all(|i| i.code != Code::NotInMunicipalityList));
    assert!(v
        .errors
        .iter()
        .chain(&v.warnings)
        .all(|i| i.message.chars().count() < 500));
}

#[test]
fn a_line_break_or_tab_in_a_one_line_field_is_refused_at_that_field() {
    // A name written as a `|` block passed as valid; the letter said "de gemeenten Ameland
    // Heerenveen en Heerenveen".
    let v = with("gemeenten:\n  - naam: |\n      Ameland\n      Heerenveen\n    taakstelling: 6\n    nieuw: 0\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n");
    assert!(!v.valid);
    let e = error(&v, Code::HiddenCharacter);
    assert_eq!(e.field, "gemeenten[0].naam");
    assert!(
        e.message
            .contains("(\"Ameland<U+000A>Heerenveen\") bevat een regeleinde (U+000A)"),
        "{}",
        e.message
    );
    assert!(e.message.contains("eigen rij"), "{}", e.message);
    // The kenmerk was printed as "HV 2026 0142".
    let v = with(&format!("{AMELAND_HEERENVEEN}penvoerder: {{ gemeente: Heerenveen, kenmerk: \"HV\\n2026\\r\\n0142\", telefoon: \"0513\\t617617\", naam: \"J.\\u2028de Vries\" }}\n"));
    let fields: Vec<&str> = v.errors.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "penvoerder.naam",
            "penvoerder.telefoon",
            "penvoerder.kenmerk"
        ],
        "{:#?}",
        v.errors
    );
    assert!(v.errors.iter().all(|i| i.code == Code::HiddenCharacter));
    assert!(
        v.errors[1].message.contains("een tab (U+0009)"),
        "{}",
        v.errors[1].message
    );
    // The explanation of a longer agreement may have lines; a `|` block's last line break is
    // no part of the value.
    let v = with(&format!("tot_en_met: 2026-2\nuitzondering: |\n  Afgesproken met het COA.\n  Zie het verslag.\n{AMELAND_HEERENVEEN}penvoerder:\n  kenmerk: |\n    HV/2026/0142\n"));
    assert!(
        v.errors.iter().all(|i| i.code != Code::HiddenCharacter),
        "{:#?}",
        v.errors
    );
}

#[test]
fn default_ignorable_characters_and_variation_selectors_in_a_name_are_hidden() {
    // "Heerenveen" with a Hangul filler passed as a second municipality that looks the same.
    for c in [
        '\u{3164}',
        '\u{034F}',
        '\u{FE0F}',
        '\u{115F}',
        '\u{FFA0}',
        '\u{E0100}',
        '\u{180B}',
    ] {
        let v = with(&format!("gemeenten:\n  - {{ naam: Ameland, taakstelling: 6, nieuw: 0 }}\n  - {{ naam: Heerenveen, taakstelling: 10, nieuw: 8 }}\n  - {{ naam: \"Heerenveen{c}\", provincie: Fryslân, taakstelling: 0, nieuw: 8 }}\n"));
        let code = format!("U+{:04X}", c as u32);
        assert!(!v.valid, "{code}");
        let e = error(&v, Code::HiddenCharacter);
        assert_eq!(e.field, "gemeenten[2].naam", "{code}");
        assert!(
            e.message.contains(&format!("\"Heerenveen<{code}>\"")),
            "{code}: {}",
            e.message
        );
    }
}

#[test]
fn two_rows_with_the_same_municipality_are_counted_as_rows() {
    // "er is er één ingevuld" though two rows were filled in.
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: 'ameland ', taakstelling: 10, nieuw: 16 }\n");
    assert!(error(&v, Code::DuplicateMunicipality)
        .message
        .contains("Ameland"));
    let e = error(&v, Code::TooFewMunicipalities);
    assert!(
        e.message
            .contains("er zijn 2 rijen ingevuld, maar die noemen allemaal dezelfde gemeente"),
        "{}",
        e.message
    );
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n");
    assert!(error(&v, Code::TooFewMunicipalities)
        .message
        .contains("er is er één ingevuld"));
}

#[test]
fn a_whole_number_written_with_decimals_is_told_how_to_write_it() {
    let v = with("gemeenten:\n  - { naam: Ameland, taakstelling: 6.0, nieuw: '0,00' }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16.5 }\n");
    let messages: Vec<&str> = v
        .errors
        .iter()
        .filter(|i| i.code == Code::InvalidNumber)
        .map(|i| i.message.as_str())
        .collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(
        messages[0].contains(
            "(\"6.0\") is geen geheel getal zoals het er staat. Schrijf 6, zonder decimalen."
        ),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("Schrijf 0, zonder decimalen."),
        "{}",
        messages[1]
    );
    // A fraction stays a fraction.
    assert!(
        messages[2].contains("vul een geheel getal in, zonder komma"),
        "{}",
        messages[2]
    );
}
