//! A new editor's week with files, on cases nobody had tried: each mistake is named by
//! `kennisbank check` at its file and line, in Dutch, with the fix; what is right passes.

mod common;
use common::*;
use serde_json::Value;

const FILE: &str = "content/praktijken/algemeen/nieuw.md";

/// The diagnostics of `check` for [`FILE`] with `bytes` in a copy of the minimal fixture.
fn check_bytes(bytes: &[u8]) -> (i32, Vec<Value>) {
    let project = project("minimal");
    std::fs::write(project.path().join(FILE), bytes).unwrap();
    let (status, all) = check_json(project.path());
    (
        status,
        all.into_iter().filter(|d| d["path"] == FILE).collect(),
    )
}

fn find<'a>(diags: &'a [Value], code: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"))
}

#[test]
fn a_tag_twice_in_one_practice_is_an_error_at_its_line() {
    let (status, diags) = check_bytes(
        "---\ntitle: Nieuw\nadded: 2026-03-01\ntags:\n  - Wonen\n  - buddy\n  - wonen\n---\nTekst.\n"
            .as_bytes(),
    );
    assert_eq!(status, 1);
    let d = find(&diags, "duplicate-tag");
    assert_eq!(d["line"], 7);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("`wonen` staat twee keer"),
        "{d}"
    );
    assert!(
        d["hint"].as_str().unwrap().contains("verwijder `wonen`"),
        "{d}"
    );
}

#[test]
fn a_tag_twice_is_shown_at_the_second_copy_even_when_another_tag_holds_its_words() {
    let (status, diags) = check_bytes(
        "---\ntitle: Nieuw\nadded: 2026-03-01\ntags:\n  - buddy wonen\n  - Wonen\n  - \"wonen\"\nrelated:\n  - eerste\n---\nTekst.\n"
            .as_bytes(),
    );
    assert_eq!(status, 1);
    assert_eq!(find(&diags, "duplicate-tag")["line"], 7, "{diags:#?}");
}

#[test]
fn an_order_another_practice_has_is_a_warning_with_a_free_number() {
    // eerste-praktijk has order 10, tweede-praktijk none in the fixture's category algemeen.
    let (status, diags) =
        check_bytes(b"---\ntitle: Nieuw\nadded: 2026-03-01\norder: 10\n---\nTekst.\n");
    assert_eq!(status, 0, "a warning does not fail: {diags:#?}");
    let d = find(&diags, "order-taken");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["line"], 4);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("eerste-praktijk.md"),
        "{d}"
    );
    assert!(d["hint"].as_str().unwrap().contains("`order: 15`"), "{d}");
}

#[test]
fn a_title_another_practice_has_is_a_warning_that_names_it() {
    // The fixture's eerste-praktijk is called "Eerste praktijk": the same but for capitals.
    let (status, diags) =
        check_bytes(b"---\nadded: 2026-03-01\ntitle: eerste Praktijk\n---\nTekst.\n");
    assert_eq!(status, 0, "a warning does not fail: {diags:#?}");
    let d = find(&diags, "title-taken");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["line"], 3);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("eerste-praktijk.md"),
        "{d}"
    );
    let (_, diags) =
        check_bytes(b"---\ntitle: Een andere praktijk\nadded: 2026-03-01\n---\nTekst.\n");
    assert!(
        diags.iter().all(|d| d["code"] != "title-taken"),
        "{diags:#?}"
    );
}

#[test]
fn a_second_fence_at_the_top_is_named_not_the_fields_under_it() {
    let (status, diags) = check_bytes(b"---\n---\ntitle: X\nadded: 2026-01-01\n---\nTekst hier\n");
    assert_eq!(status, 1);
    assert_eq!(
        diags.len(),
        1,
        "one cause, not 'title is missing': {diags:#?}"
    );
    let d = find(&diags, "missing-front-matter");
    assert_eq!(d["line"], 2);
    assert!(d["message"].as_str().unwrap().contains("is leeg"), "{d}");
    assert!(
        d["hint"]
            .as_str()
            .unwrap()
            .contains("verwijder de regel `---` op regel 2"),
        "{d}"
    );
    let (status, diags) = check_bytes(b"");
    assert_eq!(status, 1);
    assert_eq!(
        find(&diags, "missing-front-matter")["message"],
        "het bestand is leeg"
    );
}

#[test]
fn a_misspelt_contact_field_and_a_link_without_url_are_named_at_their_own_lines() {
    let (status, diags) = check_bytes(
        b"---\ntitle: X\nadded: 2026-01-01\ncontact:\n  name: Iemand\n  emial: a@b.nl\nlinks:\n  - label: Met url\n    url: https://vng.nl/\n  - label: Zonder url\n---\nTekst.\n",
    );
    assert_eq!(status, 1);
    let d = find(&diags, "unknown-field");
    assert_eq!(d["line"], 6, "{d}");
    assert!(
        d["hint"].as_str().unwrap().contains("bedoelde u `email`?"),
        "{d}"
    );
    let d = find(&diags, "invalid-link");
    assert_eq!(d["line"], 10, "{d}");
    assert_eq!(diags.len(), 2, "each named once: {diags:#?}");
}

#[test]
fn related_to_a_removed_practice_never_suggests_itself() {
    // `nieuw` is closer to `nieuwe` than any other id: the practice itself is no answer.
    let (status, diags) =
        check_bytes(b"---\ntitle: Nieuw\nadded: 2026-03-01\nrelated: [nieuwe]\n---\nTekst.\n");
    assert_eq!(status, 1);
    let d = find(&diags, "unknown-related");
    assert_eq!(d["line"], 4);
    let hint = d["hint"].as_str().unwrap();
    assert!(!hint.contains("`nieuw`"), "{hint}");
}

#[test]
fn a_tab_before_a_top_level_field_is_fixed_by_removing_it() {
    let (_, diags) = check_bytes(b"---\ntitle: Nieuw\n\tadded: 2026-03-01\n---\nTekst.\n");
    let d = find(&diags, "yaml-syntax");
    assert_eq!(d["line"], 3);
    assert!(
        d["hint"].as_str().unwrap().ends_with("`added: 2026-03-01`"),
        "{d}"
    );
}

/// What a Windows editor writes (a byte order mark, CRLF line ends), a `---` line inside the
/// text and a tab after a colon are all right.
#[test]
fn bom_crlf_and_a_rule_in_the_text_pass() {
    for text in [
        &b"\xef\xbb\xbf---\r\ntitle: Nieuw\r\nadded: 2026-03-01\r\n---\r\nTekst.\r\n"[..],
        b"---\ntitle:\tNieuw\nadded: 2026-03-01\n---\nTekst.\n\n---\n\nMeer tekst.\n",
    ] {
        let (status, diags) = check_bytes(text);
        assert_eq!(status, 0, "{diags:#?}");
        assert!(diags.is_empty(), "{diags:#?}");
    }
}

#[test]
fn broken_files_are_named_at_their_line_with_the_fix() {
    let cases: [(&[u8], &str, u64, &str); 6] = [
        (
            b"---\ntitle: Nieuw\nadded: 2026-03-01\n\nTekst zonder afsluiting.\n",
            "unclosed-front-matter",
            1,
            "`---`",
        ),
        (
            // No `---` after the fields, but one further down: the text is not a field.
            b"---\ntitle: Nieuw\nadded: 2026-03-01\n\nTekst van de praktijk.\n\n---\n\nMeer.\n",
            "unclosed-front-matter",
            5,
            "`---` vóór regel 5",
        ),
        (
            b"---\ntitel: Nieuw\nadded: 2026-03-01\n---\nTekst.\n",
            "unknown-field",
            2,
            "bedoelde u `title`?",
        ),
        (
            b"---\ntitle: Nieuw\nadded: 2026-02-31\n---\nTekst.\n",
            "invalid-date",
            3,
            "JJJJ-MM-DD",
        ),
        (
            b"---\ntitle: Nieuw\nadded: 2026-03-01\n---\nTekst met \xe9\xe9n fout.\n",
            "not-utf8",
            5,
            "UTF-8",
        ),
        (
            b"---\ntitle: Nieuw\nadded: 2026-03-01\nrelated: [nieuw]\n---\nTekst.\n",
            "related-self",
            4,
            "verwijder",
        ),
    ];
    for (text, code, line, hint) in cases {
        let (_, diags) = check_bytes(text);
        let d = find(&diags, code);
        assert_eq!(d["line"], line, "{d}");
        assert!(d["hint"].as_str().unwrap().contains(hint), "{d}");
    }
}

#[test]
fn a_practice_over_2_mb_is_refused_naming_the_file() {
    let mut text = b"---\ntitle: Nieuw\nadded: 2026-03-01\n---\n".to_vec();
    text.extend(b"Een zin over wonen. ".repeat(110_000));
    let (status, diags) = check_bytes(&text);
    assert_eq!(status, 1);
    let d = find(&diags, "file-too-large");
    assert!(d["message"].as_str().unwrap().contains("2 MB"), "{d}");
}
