//! One test per kind of bad input: `check` names the file, line and problem and says how to fix it,
//! and `build` refuses to write.

mod common;
use common::*;
use serde_json::Value;

const P: &str = "content/praktijken/algemeen";

fn only(diags: &[Value], code: &str) -> Value {
    let found: Vec<&Value> = diags.iter().filter(|d| d["code"] == code).collect();
    assert_eq!(found.len(), 1, "expected one `{code}` in {diags:#?}");
    found[0].clone()
}

fn check_with(file: &str, text: &str) -> Vec<Value> {
    let dir = project("minimal");
    write(dir.path(), file, text);
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 1, "{diags:#?}");
    let build = kennisbank(&["build"], dir.path());
    assert_eq!(build.status.code(), Some(1));
    assert!(
        !dir.path().join("public").exists(),
        "build wrote output despite errors"
    );
    diags
}

#[test]
fn a_folder_without_content_is_named_once_as_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["check"][..],
        &["build"],
        &["new", "algemeen", "Titel"],
        &["mv", "a", "b"],
    ] {
        let out = kennisbank(args, dir.path());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("staat geen map `content/`"), "{args:?}: {err}");
        assert!(err.contains("--root"), "{args:?}: {err}");
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn broken_yaml_names_file_and_line() {
    let d = check_with(
        &format!("{P}/kapot.md"),
        "---\ntitle: Kapot\nadded: 2026-01-01\ntags: [a, b\n---\nTekst.\n",
    );
    let e = only(&d, "yaml-syntax");
    assert_eq!(e["path"], format!("{P}/kapot.md"));
    assert_eq!(e["line"], 4);
    assert_eq!(e["source_line"], "tags: [a, b");
    assert!(e["hint"].as_str().unwrap().contains("aanhalingstekens"));
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let d = check_with(
        &format!("{P}/typo.md"),
        "---\ntitel: Typo\nadded: 2026-01-01\n---\nTekst.\n",
    );
    let e = only(&d, "unknown-field");
    assert_eq!(e["line"], 2);
    assert!(e["message"].as_str().unwrap().contains("`titel`"));
    assert!(e["hint"].as_str().unwrap().contains("bedoelde u `title`?"));
    assert!(only(&d, "missing-field")["message"]
        .as_str()
        .unwrap()
        .contains("`title`"));
}

#[test]
fn bad_synonym_group_names_file_line_and_word() {
    let d = check_with(
        "content/synoniemen.yaml",
        "synoniemen:\n  - [statushouder, vergunninghouder]\n  - [tijdelijke woning, flexwoning]\n",
    );
    let e = only(&d, "invalid-synonyms");
    assert_eq!(e["path"], "content/synoniemen.yaml");
    assert_eq!(e["line"], 3);
    assert!(e["message"]
        .as_str()
        .unwrap()
        .contains("`tijdelijke woning` is meer dan één woord"));
    assert!(e["hint"].as_str().unwrap().contains("geen zinsdelen"));
}

#[test]
fn unknown_category_folder_lists_the_categories() {
    let d = check_with(
        "content/praktijken/algemen/x.md",
        "---\ntitle: X\nadded: 2026-01-01\n---\nTekst.\n",
    );
    let e = only(&d, "unknown-category");
    assert_eq!(e["path"], "content/praktijken/algemen");
    assert!(e["hint"]
        .as_str()
        .unwrap()
        .contains("bedoelde u `algemeen`?"));
}

#[test]
fn duplicate_ids_across_categories_are_errors() {
    let d = check_with(
        "content/praktijken/medisch/eerste-praktijk.md",
        "---\ntitle: X\nadded: 2026-01-01\n---\nTekst.\n",
    );
    let e = only(&d, "duplicate-id");
    assert!(e["message"].as_str().unwrap().contains("eerste-praktijk"));
}

#[test]
fn related_id_that_does_not_exist_is_named_with_its_line() {
    let d = check_with(&format!("{P}/derde.md"), "---\ntitle: X\nadded: 2026-01-01\nrelated:\n  - tweede-praktijk\n  - tweede-praktyk\n---\nTekst.\n");
    let e = only(&d, "unknown-related");
    assert_eq!(e["line"], 6);
    assert!(e["hint"]
        .as_str()
        .unwrap()
        .contains("bedoelde u `tweede-praktijk`?"));
}

#[test]
fn a_broken_practice_is_one_error_not_also_one_in_every_file_that_relates_to_it() {
    let dir = project("minimal");
    write(
        dir.path(),
        &format!("{P}/kapot.md"),
        "---\ntitle: Kapot\nadded: 2026-01-01\norder 140\n---\nTekst.\n",
    );
    write(
        dir.path(),
        &format!("{P}/verwijst.md"),
        "---\ntitle: Verwijst\nadded: 2026-01-01\nrelated: [kapot, bestaat-niet]\n---\nTekst.\n",
    );
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 1);
    let errors: Vec<(String, String)> = diags
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(errors[0].0, format!("{P}/kapot.md"), "{errors:#?}");
    // The other file's real mistake is still named; the broken practice is not.
    assert_eq!(errors[1].0, format!("{P}/verwijst.md"), "{errors:#?}");
    assert!(errors[1].1.contains("bestaat-niet"), "{errors:#?}");
}

#[test]
fn malformed_url_is_named_with_its_line() {
    let d = check_with(&format!("{P}/url.md"), "---\ntitle: X\nadded: 2026-01-01\nlinks:\n  - url: https://vng.nl/\n    label: Goed\n  - url: www.vng.nl/asiel\n    label: Fout\n---\nTekst met [fout](htps:/x).\n");
    let e = only(&d, "invalid-url");
    assert_eq!(e["line"], 7);
    assert!(e["message"].as_str().unwrap().contains("www.vng.nl/asiel"));
    assert!(e["hint"].as_str().unwrap().contains("https://"));
}

#[test]
fn malformed_url_in_the_text_is_named_with_its_line() {
    let d = check_with(&format!("{P}/tekstlink.md"), "---\ntitle: X\nadded: 2026-01-01\n---\nEerste regel.\n\nZie [de site](https://vng..nl/asiel).\n");
    let e = only(&d, "invalid-url");
    assert_eq!(e["line"], 7);
}

#[test]
fn empty_body_is_an_error() {
    let d = check_with(
        &format!("{P}/leeg.md"),
        "---\ntitle: Leeg\nadded: 2026-01-01\n---\n\n   \n",
    );
    let e = only(&d, "empty-body");
    assert_eq!(e["path"], format!("{P}/leeg.md"));
}

#[test]
fn non_utf8_file_is_named_with_the_line_of_the_bad_byte() {
    let dir = project("minimal");
    let mut bytes = b"---\ntitle: Latin\nadded: 2026-01-01\n---\nCo".to_vec();
    bytes.push(0xF6); // ö in Latin-1
    bytes.extend_from_slice(b"rdinator\n");
    std::fs::write(dir.path().join(P).join("latin1.md"), bytes).unwrap();
    let (code, d) = check_json(dir.path());
    assert_eq!(code, 1);
    let e = only(&d, "not-utf8");
    assert_eq!(e["line"], 5);
    assert!(e["hint"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn invalid_date_says_the_format() {
    let d = check_with(
        &format!("{P}/datum.md"),
        "---\ntitle: X\nadded: 31-01-2026\n---\nTekst.\n",
    );
    let e = only(&d, "invalid-date");
    assert_eq!(e["line"], 3);
    assert!(e["hint"].as_str().unwrap().contains("JJJJ-MM-DD"));
}

#[test]
fn template_error_names_the_template_and_line() {
    let dir = project("minimal");
    let tag = dir.path().join("themes/default/templates/tag.html");
    let text = std::fs::read_to_string(&tag).unwrap().replacen(
        "{% endblock content %}",
        "{{ tag.name \n{% endblock content %}",
        1,
    );
    std::fs::write(&tag, text).unwrap();
    let (code, d) = check_json(dir.path());
    assert_eq!(code, 1);
    let e = only(&d, "template-syntax");
    assert_eq!(e["path"], "themes/default/templates/tag.html");
    assert!(e["line"].as_u64().unwrap() > 1, "{e}");
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let dir = project("minimal");
    write(
        dir.path(),
        &format!("{P}/a.md"),
        "---\ntitel: A\nadded: 2026-01-01\n---\nTekst.\n",
    );
    write(
        dir.path(),
        &format!("{P}/b.md"),
        "---\ntitle: B\nadded: 2026-01-01\nrelated: [bestaat-niet]\n---\nTekst.\n",
    );
    write(
        dir.path(),
        "content/praktijken/medisch/c.md",
        "geen front matter\n",
    );
    let (code, d) = check_json(dir.path());
    assert_eq!(code, 1);
    let paths: std::collections::BTreeSet<&str> =
        d.iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert!(
        paths.contains(&*format!("{P}/a.md"))
            && paths.contains(&*format!("{P}/b.md"))
            && paths.contains("content/praktijken/medisch/c.md"),
        "{d:#?}"
    );
}

#[test]
fn human_output_shows_the_offending_line_and_a_hint() {
    let dir = project("minimal");
    write(
        dir.path(),
        &format!("{P}/typo.md"),
        "---\ntitle: T\nadded: 2026-01-01\ntgas: [x]\n---\nTekst.\n",
    );
    let out = kennisbank(&["check"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("--> {P}/typo.md:4:1")), "{err}");
    assert!(err.contains("4 | tgas: [x]"), "{err}");
    assert!(err.contains("hulp: bedoelde u `tags`?"), "{err}");
}

#[test]
fn warnings_do_not_fail_the_check() {
    let dir = project("minimal");
    write(dir.path(), &format!("{P}/notities.txt"), "los bestand");
    let out = kennisbank(&["check"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("waarschuwing[ignored-file]"));
}

#[test]
fn a_practice_file_with_another_ending_is_an_error_naming_the_right_name() {
    for (name, right) in [
        ("Groot.MD", "groot.md"),
        ("flex.markdown", "flex.md"),
        ("x.md.txt", "x.md"),
    ] {
        let d = check_with(
            &format!("{P}/{name}"),
            "---\ntitle: T\nadded: 2026-01-01\n---\nTekst.\n",
        );
        let e = only(&d, "misnamed-practice");
        assert_eq!(e["path"], format!("{P}/{name}"));
        assert!(
            e["hint"].as_str().unwrap().contains(&format!("`{right}`")),
            "{e}"
        );
    }
}

#[test]
fn github_format_annotates_the_line() {
    let dir = project("minimal");
    write(
        dir.path(),
        &format!("{P}/typo.md"),
        "---\ntitel: T\nadded: 2026-01-01\n---\nTekst.\n",
    );
    let out = kennisbank(&["check", "--format", "github"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains(&format!(
            "::error file={P}/typo.md,line=2,col=1,title=unknown-field::"
        )),
        "{}",
        stdout(&out)
    );
}

/// `check` as a user who may not read a practice: the reason is in the editor's words, not the
/// system's English ("Permission denied (os error 13)").
#[cfg(unix)]
#[test]
fn a_practice_that_may_not_be_read_is_named_with_a_dutch_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project("minimal");
    let file = dir.path().join(P).join("eerste-praktijk.md");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kennisbank"));
    if std::fs::read(&file).is_ok() {
        // Root reads a file of mode 000; an ordinary user, as the editor is, does not. Run as
        // `nobody` when this machine can, which needs the project readable to everyone.
        let setpriv = std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status()
            .is_ok_and(|s| s.success());
        if !setpriv {
            eprintln!(
                "skipped: this test runs with the right to read any file (root) and `setpriv` \
                 cannot run it as another user, so no file is unreadable here"
            );
            return;
        }
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        command = std::process::Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_kennisbank"));
    }
    let run = |lang: &str| {
        let out = std::process::Command::new(command.get_program())
            .args(command.get_args())
            .args(["check", "--lang", lang])
            .current_dir(dir.path())
            .output()
            .unwrap();
        (out.status.code(), stderr(&out))
    };
    let (code, text) = run("nl");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("eerste-praktijk.md")
            && text.contains(
                "het bestand kan niet gelezen worden (geen toestemming; controleer de rechten \
                 van het bestand en de map)"
            ),
        "{text}"
    );
    assert!(!text.contains("os error"), "{text}");
    let (code, text) = run("en");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("cannot read the file: permission denied"),
        "{text}"
    );
}
