//! `kennisbank mv`: the file moves, `related` entries and internal links follow, the old address
//! is recorded in `aliases:` and serves a static redirect page; `check` passes afterwards, and an
//! alias that clashes with another page is an error.

mod common;
use common::*;
use serde_json::Value;

#[test]
fn mv_renames_moves_and_keeps_the_old_address_working() {
    let project = project("minimal");
    let root = project.path();
    // A link to the practice that will move, in another practice's text.
    let other = root.join("content/praktijken/algemeen/tweede-praktijk.md");
    let text = std::fs::read_to_string(&other).unwrap();
    std::fs::write(
        &other,
        format!("{text}\nZie ook [de woning](/praktijken/medisch/medische-woning/).\n"),
    )
    .unwrap();

    let out = kennisbank(
        &[
            "mv",
            "medische-woning",
            "aangepaste-woning",
            "--category",
            "algemeen",
        ],
        root,
    );
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(!root
        .join("content/praktijken/medisch/medische-woning.md")
        .exists());
    let moved =
        std::fs::read_to_string(root.join("content/praktijken/algemeen/aangepaste-woning.md"))
            .unwrap();
    assert!(
        moved.contains("aliases: [/praktijken/medisch/medische-woning/]\n---\n"),
        "{moved}"
    );
    let first =
        std::fs::read_to_string(root.join("content/praktijken/algemeen/eerste-praktijk.md"))
            .unwrap();
    assert!(first.contains("related: [aangepaste-woning]"), "{first}");
    let second = std::fs::read_to_string(&other).unwrap();
    assert!(
        second.contains("[de woning](/praktijken/algemeen/aangepaste-woning/)"),
        "{second}"
    );
    assert!(stderr(&out).contains("Alles in orde"), "{}", stderr(&out));

    let out = kennisbank(&["build", "--base-url", "/kb/"], root);
    assert!(out.status.success(), "{}", stderr(&out));
    let redirect =
        std::fs::read_to_string(root.join("public/praktijken/medisch/medische-woning/index.html"))
            .unwrap();
    assert!(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/kb/praktijken/algemeen/aangepaste-woning/\">"), "{redirect}");
    assert!(
        redirect.contains(
            "<link rel=\"canonical\" href=\"/kb/praktijken/algemeen/aangepaste-woning/\">"
        ),
        "{redirect}"
    );
    assert!(
        redirect.contains("<a href=\"/kb/praktijken/algemeen/aangepaste-woning/\">"),
        "{redirect}"
    );
    assert!(
        !redirect.contains("<script") && !redirect.contains("style="),
        "{redirect}"
    );
    assert!(root
        .join("public/praktijken/algemeen/aangepaste-woning/index.html")
        .is_file());
}

#[test]
fn moving_back_undoes_a_move_and_links_to_other_websites_stay() {
    let project = project("minimal");
    let root = project.path();
    let other = root.join("content/praktijken/algemeen/tweede-praktijk.md");
    let text = std::fs::read_to_string(&other).unwrap();
    let foreign = "Elders: <https://example.org/praktijken/medisch/medische-woning/>.";
    std::fs::write(&other, format!("{text}\n{foreign}\n")).unwrap();
    let go = |from: &str, to: &str, category: &str| {
        let out = kennisbank(&["mv", from, to, "--category", category], root);
        assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
        assert!(stderr(&out).contains("Alles in orde"), "{}", stderr(&out));
    };
    go("medische-woning", "woning-met-zorg", "algemeen");
    go("woning-met-zorg", "medische-woning", "medisch");
    let back = std::fs::read_to_string(root.join("content/praktijken/medisch/medische-woning.md"))
        .unwrap();
    assert!(
        back.contains("aliases: [/praktijken/algemeen/woning-met-zorg/]\n"),
        "only the address in between is an alias: {back}"
    );
    assert!(std::fs::read_to_string(&other).unwrap().contains(foreign));
    let (code, diags) = check_json(root);
    assert_eq!(code, 0, "{diags:#?}");
}

#[test]
fn mv_refuses_an_existing_id_and_names_a_missing_one() {
    let project = project("minimal");
    let root = project.path();
    let out = kennisbank(&["mv", "eerste-praktijk", "tweede-praktijk"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Er is al een praktijk met de naam `tweede-praktijk`"),
        "{}",
        stderr(&out)
    );
    assert!(root
        .join("content/praktijken/algemeen/eerste-praktijk.md")
        .exists());
    let out = kennisbank(&["mv", "eerste-praktyk", "nieuw"], root);
    assert!(
        stderr(&out).contains("bedoelde u `eerste-praktijk`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_alias_that_is_another_page_is_an_error() {
    let project = project("minimal");
    let root = project.path();
    let file = root.join("content/praktijken/algemeen/tweede-praktijk.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen(
            "---\n",
            "---\naliases: [/praktijken/algemeen/eerste-praktijk/]\n",
            1,
        ),
    )
    .unwrap();
    let out = kennisbank(&["check", "--format", "json"], root);
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let d = all
        .iter()
        .find(|d| d["code"] == "alias-clash")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(d["path"], "content/praktijken/algemeen/tweede-praktijk.md");
    assert_eq!(d["line"], 2, "at the alias's line: {d}");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("is ook het adres van content/praktijken/algemeen/eerste-praktijk.md"),
        "{d}"
    );
}

#[test]
fn mv_takes_only_an_id_and_never_replaces_a_file_it_did_not_write() {
    let project = project("minimal");
    let root = project.path();
    let before = snapshot(root);
    // A path for the old id would move the file from another folder and leave `related` behind.
    let out = kennisbank(&["mv", "../medisch/medische-woning", "x"], root);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Er is geen praktijk met de naam `../medisch/medische-woning`."),
        "{}",
        stderr(&out)
    );
    // A name too long for an address says the limit.
    let long = "a".repeat(100);
    let out = kennisbank(&["mv", "eerste-praktijk", &long], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("hoogstens 80 tekens"),
        "{}",
        stderr(&out)
    );
    // A near miss names the id meant, in the same sentence.
    let out = kennisbank(&["mv", "medische-wonin", "x"], root);
    assert!(
        stderr(&out).contains(
            "Er is geen praktijk met de naam `medische-wonin`; bedoelde u `medische-woning`?"
        ),
        "{}",
        stderr(&out)
    );
    // Something at the new place that is not a practice (here a folder, as a FIFO would be).
    std::fs::create_dir(root.join("content/praktijken/medisch/x.md")).unwrap();
    std::fs::write(
        root.join("content/praktijken/medisch/x.md/notes.txt"),
        "mine",
    )
    .unwrap();
    let out = kennisbank(
        &["mv", "eerste-praktijk", "x", "--category", "medisch"],
        root,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`content/praktijken/medisch/x.md` bestaat al"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(root.join("content/praktijken/medisch/x.md")).unwrap();
    assert_eq!(snapshot(root), before);
    // A name without letters gets no empty suggestion.
    for name in [".", "😀", "!!"] {
        let out = kennisbank(&["mv", "eerste-praktijk", name], root);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(!stderr(&out).contains("``"), "{name}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("tijdelijke-woningen"),
            "{}",
            stderr(&out)
        );
    }
    // A name of 10,000 letters is refused as a name, not by the file system, with the limit.
    let out = kennisbank(&["mv", "eerste-praktijk", &"a".repeat(10_000)], root);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("te lang: een naam heeft hoogstens 80 tekens"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(root), before);
}

/// Every file under `content/` with its text.
fn snapshot(root: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap_or_default();
            (e.path().to_path_buf(), text)
        })
        .collect();
    files.sort();
    files
}

/// `con`, `aux`, `nul`, `com1`… cannot be files on Windows or in a zip unpacked there: `new` and
/// `mv` never make them, and `check` reports an existing one at its path with the `mv` that fixes it.
#[test]
fn names_windows_reserves_are_never_made_and_an_existing_one_is_renamed_by_mv() {
    let project = project("minimal");
    let root = project.path();
    let out = kennisbank(&["new", "algemeen", "Nul", "--date", "2026-03-01"], root);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "content/praktijken/algemeen/nul-praktijk.md"
    );

    let out = kennisbank(&["mv", "eerste-praktijk", "COM1"], root);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("Windows") && err.contains("`com1-praktijk`"),
        "{err}"
    );
    assert!(root
        .join("content/praktijken/algemeen/eerste-praktijk.md")
        .exists());

    // A file made by hand (or by an older version).
    write(
        root,
        "content/praktijken/medisch/aux.md",
        "---\ntitle: Hulpmiddelen in huis\nadded: 2025-01-01\n---\nVraag hulpmiddelen op tijd aan.\n",
    );
    let (code, diags) = check_json(root);
    assert_ne!(code, 0);
    let d = diags
        .iter()
        .find(|d| d["path"] == "content/praktijken/medisch/aux.md")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(d["code"], "invalid-id", "{d}");
    assert!(d["message"].as_str().unwrap().contains("Windows"), "{d}");
    assert!(
        d["hint"]
            .as_str()
            .unwrap()
            .contains("`kennisbank mv aux aux-praktijk`"),
        "{d}"
    );

    let out = kennisbank(&["mv", "aux", "aux-praktijk"], root);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let moved = read(root, "content/praktijken/medisch/aux-praktijk.md");
    assert!(
        !moved.contains("aliases"),
        "no redirect page in a folder `aux/`: {moved}"
    );
    let (_, diags) = check_json(root);
    assert!(
        !diags.iter().any(|d| d["code"] == "invalid-id"),
        "{diags:?}"
    );
}
