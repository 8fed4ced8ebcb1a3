//! `kennisbank herverdeling`: one output choice per run.

mod common;
use common::*;

const VALID: &str = "periode: 2026-1\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\ngemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n";

#[test]
fn each_output_flag_alone_gives_its_output() {
    let dir = project("real");
    write(dir.path(), "scenario.yaml", VALID);
    let json = kennisbank(&["herverdeling", "scenario.yaml", "--json"], dir.path());
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let verdict: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(verdict["valid"], true);
    let brief = kennisbank(&["herverdeling", "scenario.yaml", "--brief"], dir.path());
    assert!(
        stdout(&brief).contains("<article class=\"brief\""),
        "{}",
        stdout(&brief)
    );
    let link = kennisbank(&["herverdeling", "scenario.yaml", "--link"], dir.path());
    assert!(stdout(&link).contains("herverdeling"), "{}", stdout(&link));
}

#[test]
fn two_output_flags_together_are_refused_and_print_nothing() {
    let dir = project("real");
    write(dir.path(), "scenario.yaml", VALID);
    for pair in [
        ["--json", "--brief"],
        ["--link", "--json"],
        ["--brief", "--document=coa"],
    ] {
        let mut args = vec!["herverdeling", "scenario.yaml"];
        args.extend(pair);
        let out = kennisbank(&args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{pair:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{pair:?}");
        let flag = pair[1].split('=').next().unwrap();
        assert!(stderr(&out).contains(flag), "{pair:?}: {}", stderr(&out));
    }
}

/// An official who runs the check on a hand-written scenario, with broken lists beside it, reads
/// every problem in Dutch at its line with the fix: the YAML parser's English never gets through.
#[test]
fn broken_scenario_and_lists_are_reported_in_dutch() {
    let dir = project("real");
    write(
        dir.path(),
        "scenario.yaml",
        "periode: 2026-1\ngemeenten:\n  - naam: Ameland\n    taakstelling: 6\n     nieuw: 0\n",
    );
    let out = kennisbank(&["herverdeling", "scenario.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("scenario.yaml:5:11: hier staat `: ` waar geen nieuw veld kan beginnen"),
        "{err}"
    );
    assert!(
        err.contains("zet een waarde met `: ` erin tussen dubbele aanhalingstekens"),
        "{err}"
    );

    write(dir.path(), "scenario.yaml", VALID);
    write(
        dir.path(),
        "content/adressen.yaml",
        "ministeries:\n  - { rol: taakstelling, naam: A }\n  - { rol: taakstelling, naam: B }\n",
    );
    let out = kennisbank(&["herverdeling", "scenario.yaml"], dir.path());
    let err = stderr(&out);
    assert!(
        err.contains("adressen.yaml:3: `B` heeft de rol `taakstelling`"),
        "{err}"
    );
    assert!(err.contains("\nfout: ") && !err.contains("error"), "{err}");
    for english in ["found", "expected", "already held", "no ministry", "line "] {
        assert!(!err.contains(english), "English `{english}`: {err}");
    }
}
