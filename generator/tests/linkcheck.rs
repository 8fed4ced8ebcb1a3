//! `check` renders the site and verifies every internal link and anchor, reporting each broken
//! one where it is written, in every `--format`.

mod common;
use common::*;

const FILE: &str = "content/praktijken/algemeen/tweede-praktijk.md";

/// The fixture with two broken links in a practice text, on file lines 9 and 10.
fn broken_text() -> tempfile::TempDir {
    let dir = project("minimal");
    let text = read(dir.path(), FILE);
    assert_eq!(text.lines().count(), 8, "{text}");
    write(
        dir.path(),
        FILE,
        &format!(
            "{text}Zie [het stappenplan](/stappenplan/#bestaat-niet).\nEn [deze pagina](/praktijken/onbekend/) ook.\n"
        ),
    );
    dir
}

#[test]
fn real_content_has_no_broken_links() {
    let dir = project("real");
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 0, "{diags:?}");
    assert!(
        diags
            .iter()
            .all(|d| !d["code"].as_str().unwrap_or_default().starts_with("broken")),
        "{diags:?}"
    );
}

#[test]
fn broken_links_and_anchors_in_a_text_are_reported_at_their_line_as_json() {
    let dir = broken_text();
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 1);
    let anchor = diags
        .iter()
        .find(|d| d["code"] == "broken-anchor")
        .expect("the missing anchor");
    assert_eq!(anchor["path"], FILE);
    assert_eq!(anchor["line"], 9);
    assert_eq!(anchor["column"], 5);
    assert!(anchor["message"]
        .as_str()
        .unwrap()
        .contains("`/stappenplan/#bestaat-niet`"));
    let link = diags
        .iter()
        .find(|d| d["code"] == "broken-link")
        .expect("the missing page");
    assert_eq!(link["path"], FILE);
    assert_eq!(link["line"], 10);
    assert_eq!(
        link["source_line"],
        "En [deze pagina](/praktijken/onbekend/) ook."
    );
}

#[test]
fn broken_links_are_reported_for_people() {
    let dir = broken_text();
    let out = kennisbank(&["check"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("fout[broken-link]: de link `/praktijken/onbekend/` gaat naar een pagina die niet bestaat"), "{err}");
    assert!(err.contains(&format!("--> {FILE}:10:4")), "{err}");
    assert!(err.contains("fout[broken-anchor]"), "{err}");
    assert!(err.contains("2 fouten"), "{err}");
}

#[test]
fn broken_links_are_github_annotations_on_their_line() {
    let dir = broken_text();
    let out = kennisbank(&["check", "--format", "github"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let annotations = stdout(&out);
    assert!(
        annotations.contains(&format!(
            "::error file={FILE},line=10,col=4,title=broken-link::de link `/praktijken/onbekend/` gaat naar een pagina die niet bestaat"
        )),
        "{annotations}"
    );
    assert!(
        annotations.contains(&format!(
            "::error file={FILE},line=9,col=5,title=broken-anchor::"
        )),
        "{annotations}"
    );
    assert_eq!(annotations.lines().count(), 2, "{annotations}");
}

#[test]
fn a_broken_template_link_is_reported_once_at_the_template_line() {
    let dir = project("minimal");
    let base = "themes/default/templates/base.html";
    let text = read(dir.path(), base);
    let broken = text.replacen(
        "href=\"{{ base }}stappenplan/\">Stappenplan herverdeling",
        "href=\"{{ base }}stappenplannen/\">Stappenplan herverdeling",
        1,
    );
    assert_ne!(text, broken);
    write(dir.path(), base, &broken);
    let line = broken
        .lines()
        .position(|l| l.contains("stappenplannen/"))
        .unwrap()
        + 1;
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 1);
    let found: Vec<_> = diags
        .iter()
        .filter(|d| d["code"] == "broken-link")
        .collect();
    assert_eq!(found.len(), 1, "one problem, not one per page: {found:?}");
    assert_eq!(found[0]["path"], base);
    assert_eq!(found[0]["line"], line);
    assert!(found[0]["message"].as_str().unwrap().contains("pagina's)"));
}

#[test]
fn a_template_link_without_the_base_is_found() {
    let dir = project("minimal");
    let template = "themes/default/templates/404.html";
    let text = read(dir.path(), template);
    write(
        dir.path(),
        template,
        &text.replace("href=\"{{ base }}zoeken/\"", "href=\"/zoeken/\""),
    );
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 1);
    let d = diags
        .iter()
        .find(|d| d["code"] == "link-outside-base")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(d["path"], template);
}

#[test]
fn a_broken_link_in_the_site_intro_is_reported_in_site_yaml() {
    let dir = project("minimal");
    let settings = read(dir.path(), "content/site.yaml");
    write(
        dir.path(),
        "content/site.yaml",
        &settings.replace("(/stappenplan/)", "(/stapenplan/)"),
    );
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 1);
    let d = diags.iter().find(|d| d["code"] == "broken-link").unwrap();
    assert_eq!(d["path"], "content/site.yaml");
    assert_eq!(d["line"], 4);
}
