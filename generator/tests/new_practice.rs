//! `kennisbank new CATEGORY "TITLE"`: the file it writes passes the real `check`, with and without
//! its commented examples; it never overwrites and names the categories when one is unknown.

mod common;
use common::*;

const TITLE: &str = "Tijdelijke woningen: snel, samen & betaalbaar";
const WRITTEN: &str = "content/praktijken/algemeen/tijdelijke-woningen-snel-samen-betaalbaar.md";

#[test]
fn new_writes_a_practice_that_passes_check() {
    let dir = project("minimal");
    let out = kennisbank(
        &["new", "algemeen", TITLE, "--date", "2026-03-01"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), WRITTEN, "prints the path it wrote");
    let text = read(dir.path(), WRITTEN);
    assert!(text.contains("added: 2026-03-01\n"), "{text}");
    assert!(text.contains(&format!("title: \"{TITLE}\"")), "{text}");
    for field in [
        "updated", "order", "summary", "tags", "links", "related", "contact",
    ] {
        assert!(
            text.contains(&format!("# {field}:")),
            "`{field}` is shown, commented out: {text}"
        );
    }
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 0, "{diags:?}");
    // Only the reminder that the placeholder text is still there, at its line.
    let codes: Vec<_> = diags.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["placeholder-text"], "{diags:?}");
    // The site shows it.
    let out = kennisbank(&["build"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(
        &dir.path().join("public"),
        "praktijken/algemeen/tijdelijke-woningen-snel-samen-betaalbaar/index.html",
    );
    assert!(page.contains("Tijdelijke woningen: snel, samen &amp; betaalbaar"));
}

#[test]
fn uncommenting_every_example_still_passes_check() {
    let dir = project("real");
    let out = kennisbank(
        &[
            "new",
            "grote-gezinnen",
            "Grote woning delen",
            "--date",
            "2026-03-01",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rel = stdout(&out).trim().to_string();
    let text = read(dir.path(), &rel);
    let fields = [
        "updated:", "order:", "summary:", "tags:", "links:", "related:", "contact:",
    ];
    let uncommented: String = text
        .lines()
        .map(|line| {
            let rest = line.strip_prefix("# ").unwrap_or(line);
            let example = fields.iter().any(|f| rest.starts_with(f)) || line.starts_with("#   ");
            if example {
                format!("{rest}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    assert!(uncommented.contains("\nrelated: ["), "{uncommented}");
    write(dir.path(), &rel, &uncommented);
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 0, "{uncommented}\n{diags:?}");
    let warnings: Vec<_> = diags
        .iter()
        .filter(|d| d["path"] == rel.as_str() && d["code"] != "placeholder-text")
        .collect();
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn new_refuses_to_overwrite_in_any_category() {
    let dir = project("minimal");
    let first = kennisbank(
        &["new", "algemeen", TITLE, "--date", "2026-03-01"],
        dir.path(),
    );
    assert!(first.status.success());
    write(dir.path(), WRITTEN, "mijn eigen tekst");
    for category in ["algemeen", "medisch"] {
        let again = kennisbank(&["new", category, TITLE], dir.path());
        assert_eq!(again.status.code(), Some(2), "{category}");
        assert!(stderr(&again).contains("bestaat al"), "{}", stderr(&again));
    }
    assert_eq!(read(dir.path(), WRITTEN), "mijn eigen tekst");
    assert!(!dir
        .path()
        .join("content/praktijken/medisch/tijdelijke-woningen-snel-samen-betaalbaar.md")
        .exists());
}

#[test]
fn an_unknown_category_lists_the_valid_ones() {
    let dir = project("minimal");
    let out = kennisbank(&["new", "algemeene", "Iets"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("`algemeene` is geen categorie"), "{err}");
    assert!(err.contains("bedoelde u `algemeen`?"), "{err}");
    assert!(err.contains("algemeen, medisch"), "{err}");
    assert!(!dir.path().join("content/praktijken/algemeene").exists());
}

#[test]
fn new_uses_today_without_date_and_refuses_a_title_without_letters() {
    let dir = project("minimal");
    let out = kennisbank(&["new", "medisch", "Prikkelarme woning"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = read(dir.path(), stdout(&out).trim());
    let added = text
        .lines()
        .find_map(|l| l.strip_prefix("added: "))
        .unwrap();
    let today = kennisbank::new_practice::today().unwrap().to_string();
    assert_eq!(added, today);

    let out = kennisbank(&["new", "medisch", "?!"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("geen letters of cijfers"));
    let out = kennisbank(&["new", "medisch", "X", "--date", "2026-02-30"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}
