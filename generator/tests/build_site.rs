//! Building sites: the real content and small fixtures, asserting on the written HTML.

mod common;
use common::*;

#[test]
fn real_content_has_a_page_for_each_of_the_23_practices() {
    let dir = project("real");
    let out = kennisbank(&["build"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    let expected = [
        ("algemeen", 16),
        ("alleenstaanden", 2),
        ("grote-gezinnen", 4),
        ("medisch", 1),
    ];
    let mut total = 0;
    for (category, count) in expected {
        let pages: Vec<_> = std::fs::read_dir(public.join("praktijken").join(category))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.path().join("index.html").is_file())
            .collect();
        assert_eq!(pages.len(), count, "{category}");
        let list = read(&public, &format!("praktijken/{category}/index.html"));
        assert_eq!(
            list.matches("class=\"practice-item\"").count(),
            count,
            "{category} overview lists its practices"
        );
        total += count;
    }
    assert_eq!(total, 23);
    let home = read(&public, "index.html");
    assert!(
        home.contains("16 praktijken")
            && home.contains("2 praktijken")
            && home.contains("4 praktijken")
            && home.contains("1 praktijk<"),
        "{home}"
    );
    assert!(home.contains("href=\"/zoeken/\"") && home.contains("href=\"/herverdeling/\""));
}

#[test]
fn real_stappenplan_has_4_steps_5_uitgangspunten_and_the_footnote() {
    let dir = project("real");
    assert!(kennisbank(&["build"], dir.path()).status.success());
    let page = read(&dir.path().join("public"), "stappenplan/index.html");
    assert_eq!(page.matches("class=\"step\"").count(), 4);
    assert_eq!(page.matches("id=\"uitgangspunt-").count(), 5);
    assert!(
        page.contains("href=\"#voetnoot-afwijking\""),
        "footnote reference"
    );
    assert!(
        page.contains("id=\"voetnoot-afwijking\"") && page.contains("Waddeneilanden en Rozendaal"),
        "footnote text"
    );
    assert!(page.contains("Postbus 30203"));
}

#[test]
fn every_link_of_the_source_is_a_link() {
    let dir = project("real");
    assert!(kennisbank(&["build"], dir.path()).status.success());
    let public = dir.path().join("public");
    // A copy of the PHV source text, as the content was made from it.
    let source = read(
        &repo_root(),
        "tests/fixtures/bron/best-practices-huisvesting-vergunninghouders.txt",
    );
    let mut all_hrefs = Vec::new();
    for (path, bytes) in tree(&public) {
        if path.ends_with(".html") {
            all_hrefs.extend(hrefs(&String::from_utf8(bytes).unwrap()));
        }
    }
    let urls: Vec<&str> = source
        .split_whitespace()
        .filter(|w| w.starts_with("http"))
        .collect();
    assert_eq!(urls.len(), 10);
    for url in urls {
        assert!(all_hrefs.iter().any(|h| h == url), "{url} is not a link");
    }
    assert!(all_hrefs.iter().any(|h| h == "mailto:vincentwitlox@coa.nl"));
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = project("real");
    assert!(kennisbank(&["build", "--out", "a"], dir.path())
        .status
        .success());
    assert!(kennisbank(&["build", "--out", "b"], dir.path())
        .status
        .success());
    let a = tree(&dir.path().join("a"));
    let b = tree(&dir.path().join("b"));
    assert!(a.len() > 40);
    assert!(a == b, "builds differ");
}

/// `build` streams its files to disk and lets go of texts as soon as it can; `check` and `serve`
/// make the same site in memory. Both must give the same bytes.
#[test]
fn the_written_site_equals_the_site_made_in_memory() {
    let dir = project("real");
    let out = kennisbank(&["build"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let written: Vec<(String, Vec<u8>)> = tree(&dir.path().join("public"))
        .into_iter()
        .filter(|(path, _)| path != kennisbank::output::MARKER)
        .collect();
    let built = kennisbank::build::build_in_memory(dir.path(), "/");
    assert!(!built.has_errors());
    let in_memory: Vec<(String, Vec<u8>)> =
        built.files.into_iter().map(|f| (f.path, f.bytes)).collect();
    assert!(written.len() > 40);
    assert_eq!(
        written.iter().map(|f| &f.0).collect::<Vec<_>>(),
        in_memory.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((path, a), (_, b)) in written.iter().zip(&in_memory) {
        assert!(a == b, "{path} differs");
    }
}

#[test]
fn sub_path_deployment_prefixes_every_internal_link() {
    let dir = project("minimal");
    let out = kennisbank(&["build", "--base-url", "/kennisbank"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    for (path, bytes) in tree(&dir.path().join("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        if !html.starts_with("<!doctype html>") {
            continue; // a fragment, such as the letter template
        }
        for href in hrefs(&html).iter().chain(
            html.split("src=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .map(String::from)
                .collect::<Vec<_>>()
                .iter(),
        ) {
            if href.starts_with('/') {
                assert!(href.starts_with("/kennisbank/"), "{path}: {href}");
            }
        }
        assert!(html.contains("action=\"/kennisbank/zoeken/\""), "{path}");
    }
    let intro = read(&dir.path().join("public"), "index.html");
    assert!(
        intro.contains("href=\"/kennisbank/stappenplan/\""),
        "links written in content get the base too"
    );
}

#[test]
fn a_base_url_that_would_break_every_page_is_refused_and_nothing_is_written() {
    let dir = project("minimal");
    for bad in ["//", "//cdn.example/", "/kennis bank/", "/a/../b/", "?x=1"] {
        let out = kennisbank(&["build", "--base-url", bad], dir.path());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert!(
            err.contains(&format!("`--base-url {bad}` kan niet")),
            "{bad}: {err}"
        );
        assert!(err.contains("`/kennisbank/`"), "{bad}: {err}");
        assert!(!dir.path().join("public").exists(), "{bad}");
    }
}

#[test]
fn fixture_pages_show_number_title_links_tags_related_and_dates() {
    let dir = project("minimal");
    assert!(kennisbank(&["build"], dir.path()).status.success());
    let public = dir.path().join("public");
    let page = read(&public, "praktijken/algemeen/eerste-praktijk/index.html");
    assert!(page.contains("<h1 id=\"praktijk-titel\">Eerste praktijk</h1>"));
    assert!(page.contains("praktijk 1"));
    assert!(page.contains("<a href=\"https://vng.nl/\" rel=\"noopener\">VNG</a>"));
    assert!(page.contains("href=\"/tags/bestuur/\""));
    assert!(
        page.contains("href=\"/praktijken/medisch/medische-woning/\">Medische woning melden</a>"),
        "related practice"
    );
    assert!(page.contains("<time datetime=\"2026-01-10\">10 januari 2026</time>"));
    assert!(
        page.contains("&lt;script&gt;"),
        "raw HTML from content is escaped"
    );
    assert!(!page.contains("<script>alert"), "no editor script runs");
    assert_eq!(page.matches("<h1").count(), 1);
    assert!(page.contains("lang=\"nl\"") && page.contains("href=\"#inhoud\""));

    let category = read(&public, "praktijken/algemeen/index.html");
    let first = category.find("Eerste praktijk").unwrap();
    let second = category.find("Tweede praktijk").unwrap();
    assert!(first < second, "practices in order");
    assert!(
        category.contains("Maak afspraken met woningcorporaties."),
        "summary is the first sentence"
    );
    assert!(!category.contains("Dit is de tweede zin"));

    let tag = read(&public, "tags/woningcorporaties/index.html");
    assert!(
        tag.contains("Eerste praktijk")
            && tag.contains("Tweede praktijk")
            && !tag.contains("Medische woning melden")
    );
    let other = read(&public, "praktijken/medisch/medische-woning/index.html");
    assert!(other.contains("href=\"mailto:iemand@example.org\""));
    assert!(read(&public, "404.html").contains("Pagina niet gevonden"));
    assert!(public.join("static/style.css").is_file());
}

#[test]
fn check_is_clean_on_the_real_content() {
    let out = kennisbank(
        &["check", "--root", repo_root().to_str().unwrap()],
        &repo_root(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let dir = project("minimal");
    assert!(kennisbank(&["build"], dir.path()).status.success());
    let before = tree(&dir.path().join("public"));
    write(
        dir.path(),
        "content/praktijken/algemeen/kapot.md",
        "---\ntitle: Kapot\nadded: [2026-01-01\n---\nTekst.\n",
    );
    let out = kennisbank(&["build"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("content/praktijken/algemeen/kapot.md:3"),
        "{err}"
    );
    assert!(err.contains("`./public` is niet veranderd"), "{err}");
    assert!(
        tree(&dir.path().join("public")) == before,
        "output changed after a failed build"
    );
    let siblings: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !siblings
            .iter()
            .any(|s| s.contains(".new-") || s.contains(".old-")),
        "{siblings:?}"
    );
}

/// Pages are written as they are rendered; a template that fails on some pages only, after
/// others were written, must still leave the previous output exactly as it was.
#[test]
fn template_failing_midway_leaves_previous_output_untouched() {
    let dir = project("minimal");
    assert!(kennisbank(&["build"], dir.path()).status.success());
    let before = tree(&dir.path().join("public"));
    let template = dir.path().join("themes/default/templates/tag.html");
    let text = std::fs::read_to_string(&template).unwrap();
    let broken = text.replacen(
        "{% block content %}",
        "{% block content %}{{ tag.no_such_field.deeper }}",
        1,
    );
    assert_ne!(broken, text, "tag.html has no content block to break");
    std::fs::write(&template, broken).unwrap();
    let out = kennisbank(&["build"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("themes/default/templates/tag.html"), "{err}");
    assert!(err.contains("`./public` is niet veranderd"), "{err}");
    assert!(
        tree(&dir.path().join("public")) == before,
        "output changed after a failed build"
    );
    let siblings: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !siblings.iter().any(|s| s.contains(".new-")),
        "half-written output left behind: {siblings:?}"
    );
}

#[test]
fn rebuild_removes_files_of_deleted_practices() {
    let dir = project("minimal");
    assert!(kennisbank(&["build"], dir.path()).status.success());
    assert!(dir
        .path()
        .join("public/praktijken/algemeen/tweede-praktijk/index.html")
        .is_file());
    std::fs::remove_file(
        dir.path()
            .join("content/praktijken/algemeen/tweede-praktijk.md"),
    )
    .unwrap();
    assert!(kennisbank(&["build"], dir.path()).status.success());
    assert!(!dir
        .path()
        .join("public/praktijken/algemeen/tweede-praktijk")
        .exists());
}

#[test]
fn refuses_an_output_folder_that_would_replace_the_project() {
    let dir = project("minimal");
    let out = kennisbank(&["build", "--out", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(dir.path().join("content/site.yaml").is_file());
}

#[test]
fn the_publishers_contact_shows_in_the_accessibility_statement_and_footer() {
    let dir = project("minimal");
    assert!(kennisbank(&["build"], dir.path()).status.success());
    let statement = read(dir.path(), "public/toegankelijkheid/index.html");
    assert!(!statement.contains("mailto:"), "no contact set, none shown");
    let settings = read(dir.path(), "content/site.yaml");
    write(
        dir.path(),
        "content/site.yaml",
        &format!("{settings}contact:\n  email: kennisbank@example.nl\n  url: https://www.example.nl/contact\n"),
    );
    assert!(kennisbank(&["build"], dir.path()).status.success());
    let statement = read(dir.path(), "public/toegankelijkheid/index.html");
    assert!(
        statement.contains(r#"<a href="mailto:kennisbank@example.nl">kennisbank@example.nl</a>"#)
    );
    assert!(statement.contains(r#"<a href="https://www.example.nl/contact">"#));
    let home = read(dir.path(), "public/index.html");
    assert!(home.contains(r#"<li><a href="mailto:kennisbank@example.nl">Contact</a></li>"#));
    // With only a contact page, the footer links to it.
    write(
        dir.path(),
        "content/site.yaml",
        &format!("{settings}contact:\n  url: https://www.example.nl/contact\n"),
    );
    assert!(kennisbank(&["build"], dir.path()).status.success());
    let home = read(dir.path(), "public/index.html");
    assert!(home.contains(r#"<li><a href="https://www.example.nl/contact">Contact</a></li>"#));
    assert!(!home.contains("mailto:"));

    write(
        dir.path(),
        "content/site.yaml",
        &format!("{settings}contact:\n  email: kennisbank(at)example.nl\n"),
    );
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 1);
    let e = diags
        .iter()
        .find(|d| d["code"] == "invalid-email")
        .expect("invalid-email reported");
    assert_eq!(e["path"], "content/site.yaml");
    assert_eq!(e["line"], settings.lines().count() + 2);
}

#[test]
fn a_practice_named_in_its_own_related_is_not_its_own_see_also() {
    let dir = project("minimal");
    let file = dir
        .path()
        .join("content/praktijken/algemeen/eerste-praktijk.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace(
            "related: [medische-woning]",
            "related: [eerste-praktijk, medische-woning]",
        ),
    )
    .unwrap();
    let out = kennisbank(&["build"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("related-self"));
    let page = std::fs::read_to_string(
        dir.path()
            .join("public/praktijken/algemeen/eerste-praktijk/index.html"),
    )
    .unwrap();
    let see_also = &page[page.find("Zie ook").expect("a Zie ook section")..];
    assert!(
        see_also.contains("/praktijken/medisch/medische-woning/"),
        "{see_also}"
    );
    assert!(
        !see_also.contains("/praktijken/algemeen/eerste-praktijk/"),
        "{see_also}"
    );
}
