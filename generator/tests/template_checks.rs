//! Template mistakes that the engines let pass or name badly: `check` (and so `build` and the
//! serve overlay, which report the same diagnostics) names the file, the line and the fix, in
//! Dutch, for the theme's templates and the documents' templates in `content/herverdeling/`.

mod common;
use common::*;
use serde_json::Value;

/// `check`'s diagnostics after replacing `from` by `to` (once) in `file`; the replacement must
/// happen, and check must fail.
fn check_after(file: &str, from: &str, to: &str) -> Vec<Value> {
    let dir = project("minimal");
    let text = read(dir.path(), file);
    assert!(text.contains(from), "{file} has no {from:?}");
    write(dir.path(), file, &text.replacen(from, to, 1));
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 1, "{diags:#?}");
    diags
}

fn only(diags: &[Value], code: &str) -> Value {
    let found: Vec<&Value> = diags.iter().filter(|d| d["code"] == code).collect();
    assert_eq!(found.len(), 1, "expected one `{code}` in {diags:#?}");
    found[0].clone()
}

fn line_of(dir_file_text: &str, needle: &str) -> u64 {
    dir_file_text
        .lines()
        .position(|l| l.contains(needle))
        .expect("needle in text") as u64
        + 1
}

const LETTER: &str = "content/herverdeling/brief-coa.html";
const BESLUIT: &str = "content/herverdeling/besluit.html";

#[test]
fn an_unclosed_strong_in_a_document_is_an_error_at_its_line() {
    let original = std::fs::read_to_string(repo_root().join(BESLUIT)).unwrap();
    let d = check_after(
        BESLUIT,
        "<p><strong>besluit:</strong></p>",
        "<p><strong>besluit:</p>",
    );
    let e = only(&d, "template-html");
    assert_eq!(e["path"], BESLUIT);
    assert_eq!(e["line"], line_of(&original, "<strong>besluit:"));
    let (message, hint) = (e["message"].as_str().unwrap(), e["hint"].as_str().unwrap());
    assert!(message.starts_with("`<strong>` van regel "), "{message}");
    assert!(
        message.ends_with("is niet gesloten voordat `</p>` komt"),
        "{message}"
    );
    assert!(hint.contains("zet `</strong>` vóór `</p>`"), "{hint}");
}

#[test]
fn a_deleted_end_of_table_in_the_letter_is_an_error() {
    let original = std::fs::read_to_string(repo_root().join(LETTER)).unwrap();
    // The first table of the letter (the one that is always there).
    let d = check_after(LETTER, "  </table>\n", "\n");
    let e = only(&d, "template-html");
    assert_eq!(e["path"], LETTER);
    let table_line = line_of(&original, "<table");
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("`<table>` van regel {table_line}")),
        "{message}"
    );
}

#[test]
fn a_misspelt_variable_in_the_letter_is_named_with_a_suggestion_and_the_list() {
    let original = std::fs::read_to_string(repo_root().join(LETTER)).unwrap();
    let d = check_after(LETTER, "{{ som_na }}", "{{ som_nq }}");
    let e = only(&d, "template-variable");
    assert_eq!(e["path"], LETTER);
    assert_eq!(e["line"], line_of(&original, "{{ som_na }}"));
    assert_eq!(
        e["message"],
        "de variabele `som_nq` bestaat niet in deze template; bedoelde u `som_na`?"
    );
    let hint = e["hint"].as_str().unwrap();
    assert!(
        hint.starts_with("deze template krijgt de variabelen "),
        "{hint}"
    );
    for name in ["`gemeenten`", "`periode`", "`som_voor`", "`coa`"] {
        assert!(hint.contains(name), "{hint}");
    }
    assert!(
        d.iter().all(|x| x["code"] != "letter-template"),
        "the engine's vaguer message is not shown as well: {d:#?}"
    );
}

#[test]
fn a_field_of_a_municipality_used_alone_points_to_the_loop() {
    let d = check_after(LETTER, "{{ som_na }}", "{{ besluitdatun }}");
    let e = only(&d, "template-variable");
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("bedoelde u `besluitdatum`? Dat is een veld van elk item van `gemeenten`"),
        "{message}"
    );
}

#[test]
fn an_unclosed_for_in_a_document_is_reported_at_its_opening_tag() {
    let original = std::fs::read_to_string(repo_root().join(LETTER)).unwrap();
    let d = check_after(
        LETTER,
        "<li>{{ k }}</li>\n      {% endfor %}",
        "<li>{{ k }}</li>\n",
    );
    let e = only(&d, "template-block");
    assert_eq!(e["path"], LETTER);
    assert_eq!(e["line"], line_of(&original, "{% for k in kopie %}"));
    assert_eq!(e["message"], "`{% for %}` wordt nergens gesloten");
    assert_eq!(e["hint"], "zet `{% endfor %}` waar het blok moet eindigen");
}

#[test]
fn an_unclosed_block_in_a_theme_template_is_reported_at_its_opening_tag() {
    let file = "themes/default/templates/tag.html";
    let original = std::fs::read_to_string(repo_root().join(file)).unwrap();
    let d = check_after(
        file,
        "{% endblock content %}",
        "{% if tag %}\n{% endblock content %}",
    );
    let e = only(&d, "template-block");
    assert_eq!(e["path"], file);
    assert_eq!(e["line"], line_of(&original, "{% endblock content %}"));
    assert_eq!(
        e["message"],
        format!(
            "`{{% if %}}` wordt niet gesloten: op regel {} staat `{{% endblock %}}`",
            line_of(&original, "{% endblock content %}") + 1
        )
    );
}

#[test]
fn an_unclosed_element_in_a_theme_template_is_an_error() {
    let file = "themes/default/templates/tag.html";
    let d = check_after(
        file,
        "{% endblock content %}",
        "<section>\n{% endblock content %}",
    );
    let e = only(&d, "template-html");
    assert_eq!(e["path"], file);
    assert_eq!(e["message"], "`<section>` wordt nergens gesloten");
}

#[test]
fn a_misspelt_variable_in_a_theme_template_is_named_with_what_the_page_gets() {
    let file = "themes/default/templates/tag.html";
    let original = std::fs::read_to_string(repo_root().join(file)).unwrap();
    let d = check_after(file, "{{ site.title }}", "{{ site.titel }}");
    let e = only(&d, "template-variable");
    assert_eq!(e["path"], file);
    assert_eq!(e["line"], line_of(&original, "{{ site.title }}"));
    assert_eq!(
        e["message"],
        "de variabele `site.titel` bestaat niet voor deze pagina; bedoelde u `site.title`?"
    );
    assert!(
        e["hint"]
            .as_str()
            .unwrap()
            .starts_with("`site` heeft de velden "),
        "{e}"
    );

    let d = check_after(file, "{{ tag.name }}", "{{ tagg.name }}");
    let e = only(&d, "template-variable");
    let hint = e["hint"].as_str().unwrap();
    assert_eq!(
        e["message"],
        "de variabele `tagg.name` bestaat niet voor deze pagina; bedoelde u `tag.name`?"
    );
    for name in ["`base`", "`site`", "`tag`", "`page_path`"] {
        assert!(hint.contains(name), "{hint}");
    }
}

/// A misspelt variable in `base.html`, which every page extends: one error there, at its line,
/// not one per page pointing at each page's own template.
#[test]
fn a_misspelt_variable_in_the_base_template_is_one_error_at_its_line() {
    let file = "themes/default/templates/base.html";
    let original = std::fs::read_to_string(repo_root().join(file)).unwrap();
    let written = "{{ site.title }}";
    let d = check_after(file, written, "{{ site.titel }}");
    let e = only(&d, "template-variable");
    assert_eq!(e["path"], file);
    assert_eq!(e["line"], line_of(&original, written));
    assert_eq!(
        e["message"],
        "de variabele `site.titel` bestaat niet voor deze pagina; bedoelde u `site.title`?"
    );
}

/// A theme author names a static file that is not there (a typo, or a file not yet copied into
/// `static/`): one error, at the line of the template that writes it (`base.html`, which every
/// page extends, not each page's own template), with the nearest file and the folder it belongs in.
#[test]
fn a_static_file_that_is_not_there_is_named_once_at_its_line_with_the_nearest_file() {
    let file = "themes/default/templates/base.html";
    let original = std::fs::read_to_string(repo_root().join(file)).unwrap();
    let written = r#"{{ static_url["style.css"] }}"#;
    let d = check_after(file, written, r#"{{ static_url["stijl.css"] }}"#);
    let e = only(&d, "template-variable");
    assert_eq!(e["path"], file);
    assert_eq!(e["line"], line_of(&original, written));
    assert_eq!(
        e["message"],
        "`static_url[\"stijl.css\"]` bestaat niet: er is geen bestand `stijl.css`; bedoelde u `style.css`?"
    );
    let hint = e["hint"].as_str().unwrap();
    assert!(hint.contains("`wasm/search.js`"), "{hint}");
    assert!(
        hint.ends_with("hoort in `themes/default/static/`"),
        "{hint}"
    );
}

/// A character nobody can see, pasted into a document's template (a U+202E from a web page, a
/// zero-width space), would stand unseen in every document an official signs: `check` reports it
/// as an error at its file, line and column, naming the character and the fix, as it does for one
/// in a field of a YAML file; `build` refuses. One in a template comment (`{# … #}`) ends up
/// nowhere and is left alone, as one in a YAML comment is.
#[test]
fn a_hidden_character_in_a_document_template_is_an_error_at_its_line_and_column() {
    let dir = project("minimal");
    let root = dir.path();
    let letter = read(root, LETTER);
    let besluit = read(root, BESLUIT);
    let (in_letter, in_besluit) = (
        "Hierbij stellen wij u in kennis",
        "gelet op artikel 29, tweede lid",
    );
    assert!(letter.contains(in_letter) && besluit.contains(in_besluit));
    let letter_changed = letter
        .replacen(in_letter, "Hierbij stellen wij\u{202E} u in kennis", 1)
        .replacen("Brief aan het COA", "Brief aan\u{200B} het COA", 1);
    assert!(letter_changed.starts_with("{# Brief aan\u{200B} het COA"));
    write(root, LETTER, &letter_changed);
    write(
        root,
        BESLUIT,
        &besluit.replacen(in_besluit, "gelet op artikel\u{200B} 29, tweede lid", 1),
    );

    let (code, diags) = check_json(root);
    assert_eq!(code, 1, "{diags:#?}");
    let hidden: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "hidden-character")
        .collect();
    // The zero-width space in the letter's opening comment is not among them.
    assert_eq!(hidden.len(), 2, "{diags:#?}");
    let of = |path: &str| *hidden.iter().find(|d| d["path"] == path).unwrap();
    let column = |text: &str, needle: &str, word: &str| {
        let line = text.lines().find(|l| l.contains(needle)).unwrap();
        (line[..line.find(needle).unwrap()].chars().count() + word.chars().count() + 1) as u64
    };

    let e = of(LETTER);
    assert_eq!(e["severity"], "error");
    assert_eq!(e["line"], line_of(&letter, in_letter));
    assert_eq!(
        e["column"],
        column(&letter, in_letter, "Hierbij stellen wij")
    );
    let (message, hint) = (e["message"].as_str().unwrap(), e["hint"].as_str().unwrap());
    assert!(
        message.contains("bevat U+202E, een teken dat de leesrichting omdraait"),
        "{message}"
    );
    assert!(hint.contains("verwijder het teken U+202E"), "{hint}");
    // The line is shown with the character written out, not hidden (or turned around) again.
    let shown = e["source_line"].as_str().unwrap();
    assert!(shown.contains("Hierbij stellen wij<U+202E> u"), "{shown}");

    let e = of(BESLUIT);
    assert_eq!(e["severity"], "error");
    assert_eq!(e["line"], line_of(&besluit, in_besluit));
    assert_eq!(
        e["column"],
        column(&besluit, in_besluit, "gelet op artikel")
    );
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("bevat U+200B, een onzichtbaar teken"),
        "{message}"
    );

    // `build` runs the same checks: it refuses and writes nothing.
    let out = kennisbank(&["build"], root);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("U+202E"), "{}", stderr(&out));
    assert!(!root.join("public").exists());
}
