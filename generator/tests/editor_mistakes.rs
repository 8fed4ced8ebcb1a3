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
            "haal de tab weg: een veld bovenaan begint aan het begin van de regel: `added: 2026-01-02`",
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
    assert_eq!(d["hint"], "bedoelde u `medische-woning`?", "{d}");
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

#[test]
fn a_field_written_twice_is_named_at_its_second_line_in_dutch() {
    let diags = check_file("---\ntitle: Een\nadded: 2026-01-02\ntitle: Twee\n---\nTekst.\n");
    let d = find(&diags, "yaml-syntax");
    assert_eq!(d["line"], 4, "{d}");
    assert_eq!(
        d["message"], "het veld `title` staat er twee keer: ook op regel 2",
        "{d}"
    );
    assert!(
        d["hint"].as_str().unwrap().contains("verwijder de andere"),
        "{d}"
    );
}

#[test]
fn a_control_character_is_named_at_its_line_with_the_cleaned_line() {
    let diags =
        check_file("---\ntitle: T\nadded: 2026-01-02\nsummary: Kort\u{1b} verhaal\n---\nTekst.\n");
    let d = find(&diags, "yaml-syntax");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(4), Some(14)),
        "{d}"
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("stuurteken (U+001B)"),
        "{d}"
    );
    assert!(
        d["hint"]
            .as_str()
            .unwrap()
            .ends_with("`summary: Kort verhaal`"),
        "{d}"
    );
}

#[test]
fn an_invisible_or_direction_character_in_a_title_stops_check_and_build_at_its_line() {
    let text = "---\ntitle: Tijdelijke\u{200B} woningen\nadded: 2026-01-02\ntags: [wonen, \u{202E}nenow]\n---\nTekst.\n\nBel \u{202E}0612345678.\n";
    let diags = check_file(text);
    let hidden: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "hidden-character")
        .collect();
    let at = |d: &Value| {
        (
            d["severity"].as_str().unwrap().to_string(),
            d["line"].as_u64(),
        )
    };
    assert_eq!(
        hidden.iter().map(|d| at(d)).collect::<Vec<_>>(),
        [
            ("error".to_string(), Some(2)),
            ("error".to_string(), Some(4)),
            ("warning".to_string(), Some(8))
        ],
        "{diags:#?}"
    );
    let message = |d: &Value| d["message"].as_str().unwrap().to_string();
    assert!(message(hidden[0]).contains("`title` bevat U+200B, een onzichtbaar teken"));
    assert!(
        message(hidden[1]).contains("`tags` bevat U+202E, een teken dat de leesrichting omdraait")
    );
    assert!(hidden[0]["hint"]
        .as_str()
        .unwrap()
        .contains("verwijder het teken U+200B"));

    // `build` runs the same checks: it refuses and writes nothing.
    let project = project("minimal");
    let root = project.path();
    std::fs::write(root.join(FILE), text).unwrap();
    let out = kennisbank(&["build"], root);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("U+200B"), "{}", stderr(&out));
    assert!(!root.join("public").exists());
}

/// Municipality names go into the letters an official signs: the same check holds there.
#[test]
fn a_hidden_character_in_a_municipality_name_is_an_error_at_its_line() {
    let project = project("minimal");
    let root = project.path();
    let list = read(root, "content/gemeenten.yaml");
    let line = list
        .lines()
        .position(|l| l.contains("naam: Ameland"))
        .unwrap()
        + 1;
    write(
        root,
        "content/gemeenten.yaml",
        &list.replacen("naam: Ameland", "naam: Ame\u{202E}land", 1),
    );
    let (code, diags) = check_json(root);
    assert_eq!(code, 1);
    let d = diags
        .iter()
        .find(|d| d["code"] == "hidden-character")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(d["path"], "content/gemeenten.yaml");
    assert_eq!(d["line"].as_u64(), Some(line as u64));
    assert!(d["message"]
        .as_str()
        .unwrap()
        .starts_with("het veld `naam` bevat U+202E, een teken dat de leesrichting omdraait"));
}

#[test]
fn a_plural_tag_is_a_warning_at_the_line_of_the_tag() {
    let project = project("minimal");
    let root = project.path();
    let practice =
        |tags: &str| format!("---\ntitle: T\nadded: 2026-01-02\ntags:\n{tags}---\nTekst.\n");
    write(
        root,
        "content/praktijken/algemeen/a.md",
        &practice("  - proefwoning\n  - bekendmaking\n"),
    );
    write(
        root,
        FILE,
        &practice("  - bekendmaken\n  - proefwoningen\n"),
    );
    let out = kennisbank(&["check", "--format", "json"], root);
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let variants: Vec<&Value> = all.iter().filter(|d| d["code"] == "tag-variant").collect();
    assert_eq!(
        variants.len(),
        1,
        "bekendmaken is not a plural of bekendmaking: {variants:#?}"
    );
    let d = variants[0];
    assert_eq!(
        (d["path"].as_str(), d["line"].as_u64()),
        (Some(FILE), Some(6)),
        "{d}"
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("de tag `proefwoningen` is bijna gelijk aan `proefwoning`"),
        "{d}"
    );
}

#[test]
fn english_on_request_by_flag_or_locale_dutch_otherwise() {
    let project = project("minimal");
    let root = project.path();
    std::fs::write(
        root.join(FILE),
        "---\ntitel: T\nadded: 2026-01-02\n---\nTekst.\n",
    )
    .unwrap();
    let dutch = stderr(&kennisbank(&["check"], root));
    assert!(
        dutch.contains("fout[unknown-field]: onbekend veld `titel` in een praktijk"),
        "{dutch}"
    );
    assert!(dutch.contains("= hulp: bedoelde u `title`?"), "{dutch}");
    let english = stderr(&kennisbank(&["check", "--lang", "en"], root));
    assert!(
        english.contains("error[unknown-field]: unknown field `titel` in a practice"),
        "{english}"
    );
    assert!(
        english.contains("= help: did you mean `title`?"),
        "{english}"
    );
    let by_locale = std::process::Command::new(env!("CARGO_BIN_EXE_kennisbank"))
        .args(["check", "--format", "github"])
        .current_dir(root)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    let annotations = stdout(&by_locale);
    assert!(
        annotations.contains("::unknown field `titel` in a practice%0Adid you mean `title`?"),
        "{annotations}"
    );
    // The flag wins over the locale.
    let flagged = std::process::Command::new(env!("CARGO_BIN_EXE_kennisbank"))
        .args(["check", "--lang", "nl"])
        .current_dir(root)
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(
        stderr(&flagged).contains("onbekend veld `titel`"),
        "{}",
        stderr(&flagged)
    );
}
