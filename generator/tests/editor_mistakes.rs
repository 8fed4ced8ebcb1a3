//! Mistakes editors make that used to pass `check` silently or got a message about tokens: each
//! is reported through `kennisbank check` at its file and line, in Dutch, with the fix.

mod common;
use common::*;
use serde_json::Value;

const FILE: &str = "content/praktijken/algemeen/fouten.md";

fn check_file(text: &str) -> Vec<Value> {
    let project = project("minimal");
    let root = project.path();
    std::fs::write(root.join(FILE), text).unwrap();
    let out = kennisbank(&["check", "--format", "json"], root);
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    all.into_iter().filter(|d| d["path"] == FILE).collect()
}

fn find<'a>(diags: &'a [Value], code: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"))
}

#[test]
fn silent_mistakes_are_warnings_at_their_line() {
    let diags = check_file(
        "---\ntitle: Buddyproject #buurt\nadded: 2026-01-02\ntags: buddy, buurt\n---\n\
         ## Aanpak\n\n#### Details\n\nZie [de handreiking] (https://www.vng.nl/x).\n\nEn [dit](https://www.vng.nl/a b).\n\n\
         Beschrijf hier de praktijk: wat doet de gemeente, met wie, en wat levert het op?\n",
    );
    let expect = [
        ("yaml-comment", 2, "alles vanaf ` #` in `title` valt weg"),
        ("list-without-brackets", 4, "is één waarde, geen lijst"),
        ("heading-level", 8, "kopniveau overgeslagen"),
        ("link-syntax", 10, "dit wordt geen link"),
        ("url-space", 12, "bevat een spatie"),
        (
            "placeholder-text",
            14,
            "voorbeeldtekst van `kennisbank new`",
        ),
    ];
    for (code, line, text) in expect {
        let d = find(&diags, code);
        assert_eq!(d["severity"], "warning", "{d}");
        assert_eq!(d["line"], line, "{d}");
        assert!(d["message"].as_str().unwrap().contains(text), "{d}");
        assert!(d["hint"].is_string(), "{d}");
    }
}

#[test]
fn yaml_mistakes_are_named_at_their_own_line_with_the_corrected_line() {
    for (text, line, message, hint) in [
        (
            "---\ntitle: T\n\tadded: 2026-01-02\n---\nTekst.\n",
            3,
            "er staat een tab",
            "vervang de tab door spaties",
        ),
        (
            "---\ntitle: Wonen: samen\nadded: 2026-01-02\n---\nTekst.\n",
            2,
            "bevat `: `",
            "`title: \"Wonen: samen\"`",
        ),
        (
            "---\ntitle: \"Het \"buddy\" project\"\nadded: 2026-01-02\n---\nTekst.\n",
            2,
            "hetzelfde aanhalingsteken",
            "`title: 'Het \"buddy\" project'`",
        ),
        (
            "---\ntitle: T\nadded 2026-01-02\n---\nTekst.\n",
            3,
            "ontbreekt de dubbele punt",
            "`added: 2026-01-02`",
        ),
        (
            "---\ntitle: T\n  added: 2026-01-02\n---\nTekst.\n",
            3,
            "springt in",
            "`added: 2026-01-02`",
        ),
    ] {
        let diags = check_file(text);
        let d = find(&diags, "yaml-syntax");
        assert_eq!(d["line"], line, "{text}: {d}");
        assert!(
            d["message"].as_str().unwrap().contains(message),
            "{text}: {d}"
        );
        assert!(d["hint"].as_str().unwrap().contains(hint), "{text}: {d}");
    }
}

#[test]
fn related_written_as_a_prefix_suggests_the_id() {
    let diags = check_file("---\ntitle: T\nadded: 2026-01-02\nrelated: [medische]\n---\nTekst.\n");
    let d = find(&diags, "unknown-related");
    assert_eq!(d["line"], 4, "{d}");
    assert_eq!(d["hint"], "did you mean `medische-woning`?", "{d}");
}

#[test]
fn a_practice_outside_the_category_folders_is_a_warning() {
    let project = project("minimal");
    let root = project.path();
    std::fs::write(
        root.join("content/mijn-praktijk.md"),
        "---\ntitle: T\nadded: 2026-01-02\n---\nTekst.\n",
    )
    .unwrap();
    let out = kennisbank(&["check", "--format", "json"], root);
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let d = find(&all, "stray-markdown");
    assert_eq!(d["path"], "content/mijn-praktijk.md");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("niet in een categoriemap"),
        "{d}"
    );
    assert!(
        d["hint"]
            .as_str()
            .unwrap()
            .contains("content/praktijken/algemeen/"),
        "{d}"
    );
}

#[test]
fn a_blank_line_in_a_folded_intro_is_a_warning_at_its_line() {
    let project = project("minimal");
    let root = project.path();
    let site = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    let (before, after) = text.split_once("\nintro:").unwrap();
    // Replace the intro with a folded block of two paragraphs.
    let rest = after.split_once('\n').unwrap().1;
    let new = format!("{before}\nintro: >-\n  Eerste alinea.\n\n  Tweede alinea.\n{rest}");
    std::fs::write(&site, &new).unwrap();
    let out = kennisbank(&["check", "--format", "json"], root);
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let d = find(&all, "folded-paragraph");
    let line = new.lines().position(|l| l.is_empty()).unwrap() + 1;
    assert_eq!(d["line"], line, "{d}\n{new}");
}
