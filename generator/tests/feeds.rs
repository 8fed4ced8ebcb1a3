//! The Atom feeds, `sitemap.xml`, `robots.txt` and "Nieuw en gewijzigd": valid XML with the right
//! entries, newest first, absolute links when the site's address is known, reproducible dates.

mod common;
use common::*;
use std::path::Path;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

fn set_url(dir: &Path, url: &str) {
    let settings = read(dir, "content/site.yaml");
    write(dir, "content/site.yaml", &format!("{settings}url: {url}\n"));
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    node.children()
        .find(|c| c.has_tag_name((ATOM, name)))
        .unwrap_or_else(|| panic!("an entry without <{name}>"))
}

/// (title, id, link, updated) of every entry, in order.
fn entries(xml: &str) -> Vec<(String, String, String, String)> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some(ATOM));
    for required in ["title", "id", "updated", "author"] {
        assert!(
            feed.children().any(|c| c.has_tag_name((ATOM, required))),
            "the feed has <{required}>"
        );
    }
    feed.children()
        .filter(|c| c.has_tag_name((ATOM, "entry")))
        .map(|e| {
            (
                child(e, "title").text().unwrap_or_default().to_string(),
                child(e, "id").text().unwrap_or_default().to_string(),
                child(e, "link")
                    .attribute("href")
                    .unwrap_or_default()
                    .to_string(),
                child(e, "updated").text().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn feeds_and_sitemap_are_valid_xml_with_absolute_links_under_the_base() {
    let dir = project("minimal");
    set_url(dir.path(), "https://www.example.nl/kb/");
    let out = kennisbank(&["build", "--base-url", "/kb/"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");

    let all = entries(&read(&public, "atom.xml"));
    let titles: Vec<&str> = all.iter().map(|e| e.0.as_str()).collect();
    // Newest first by the last change: tweede (updated 2026-01-05), eerste (added 2026-01-10)...
    assert_eq!(
        titles,
        [
            "Eerste praktijk",
            "Tweede praktijk",
            "Medische woning melden"
        ]
    );
    assert_eq!(all[0].3, "2026-01-10T00:00:00Z");
    assert_eq!(all[1].3, "2026-01-05T00:00:00Z");
    assert_eq!(
        all[0].2,
        "https://www.example.nl/kb/praktijken/algemeen/eerste-praktijk/"
    );
    for (_, id, _, _) in &all {
        assert!(id.starts_with("urn:uuid:") && id.len() == 45, "{id}");
    }
    let ids: std::collections::BTreeSet<&str> = all.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "entry ids are unique");

    let medisch = entries(&read(&public, "praktijken/medisch/atom.xml"));
    assert_eq!(medisch.len(), 1);
    assert_eq!(medisch[0].0, "Medische woning melden");
    assert_eq!(
        entries(&read(&public, "praktijken/algemeen/atom.xml")).len(),
        2
    );

    let sitemap = read(&public, "sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    assert_eq!(doc.root_element().tag_name().namespace(), Some(SITEMAP));
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((SITEMAP, "loc")))
        .filter_map(|n| n.text())
        .collect();
    for page in [
        "https://www.example.nl/kb/",
        "https://www.example.nl/kb/praktijken/",
        "https://www.example.nl/kb/praktijken/medisch/medische-woning/",
        "https://www.example.nl/kb/stappenplan/",
        "https://www.example.nl/kb/nieuw/",
    ] {
        assert!(locs.contains(&page), "{page} in {locs:?}");
    }
    assert!(locs.iter().all(|l| !l.contains("404")));
    let html_pages = tree(&public)
        .iter()
        .filter(|(p, _)| p.ends_with("index.html"))
        .count();
    assert_eq!(locs.len(), html_pages, "every page once");
    assert!(sitemap.contains(
        "<loc>https://www.example.nl/kb/praktijken/algemeen/tweede-praktijk/</loc><lastmod>2026-01-05</lastmod>"
    ));

    let robots = read(&public, "robots.txt");
    assert!(robots.contains("User-agent: *"));
    assert!(robots.contains("Sitemap: https://www.example.nl/kb/sitemap.xml"));

    let home = read(&public, "index.html");
    assert!(home.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Testkennisbank: nieuwe en gewijzigde praktijken\" href=\"/kb/atom.xml\">"
    ), "{home}");
    let category = read(&public, "praktijken/medisch/index.html");
    assert!(category.contains("href=\"/kb/praktijken/medisch/atom.xml\""));
}

#[test]
fn without_a_site_address_feeds_link_by_path_and_there_is_no_sitemap() {
    let dir = project("minimal");
    let out = kennisbank(&["build"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    let all = entries(&read(&public, "atom.xml"));
    assert_eq!(all[0].2, "/praktijken/algemeen/eerste-praktijk/");
    assert!(!public.join("sitemap.xml").exists());
    let robots = read(&public, "robots.txt");
    assert!(!robots.contains("Sitemap:"), "{robots}");

    // A full URL as base is the site's address.
    let out = kennisbank(
        &["build", "--base-url", "https://phv.example.org/kennisbank/"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(&public, "sitemap.xml")
        .contains("<loc>https://phv.example.org/kennisbank/praktijken/</loc>"));
}

#[test]
fn the_feed_ids_do_not_depend_on_the_address() {
    let a = project("minimal");
    let b = project("minimal");
    set_url(b.path(), "https://elders.example.org/");
    assert!(kennisbank(&["build"], a.path()).status.success());
    assert!(kennisbank(&["build"], b.path()).status.success());
    let ids = |dir: &Path| -> Vec<String> {
        entries(&read(&dir.join("public"), "atom.xml"))
            .into_iter()
            .map(|e| e.1)
            .collect()
    };
    assert_eq!(ids(a.path()), ids(b.path()));
}

#[test]
fn a_bad_url_setting_is_reported_at_its_line() {
    let dir = project("minimal");
    set_url(dir.path(), "www.example.nl");
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 1);
    let d = diags.iter().find(|d| d["code"] == "invalid-url").unwrap();
    assert_eq!(d["path"], "content/site.yaml");
    let lines = read(dir.path(), "content/site.yaml").lines().count();
    assert_eq!(d["line"], lines);
}

#[test]
fn real_content_feed_has_all_23_practices() {
    let dir = project("real");
    let out = kennisbank(&["build"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    assert_eq!(entries(&read(&public, "atom.xml")).len(), 23);
    for (category, count) in [
        ("algemeen", 16),
        ("alleenstaanden", 2),
        ("grote-gezinnen", 4),
        ("medisch", 1),
    ] {
        let feed = read(&public, &format!("praktijken/{category}/atom.xml"));
        assert_eq!(entries(&feed).len(), count, "{category}");
    }
}

/// The titles listed on "Nieuw en gewijzigd", in order, and how many have the "Nieuw" mark.
fn recent(public: &Path) -> (Vec<String>, usize) {
    let page = read(public, "nieuw/index.html");
    let main = page.split("<main").nth(1).unwrap();
    let titles = main
        .split("class=\"practice-item-title\"")
        .skip(1)
        .map(|s| {
            let after_number = s.split("</span>").nth(1).unwrap_or_default();
            after_number
                .split("</a>")
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect();
    let marks = main
        .matches("<span class=\"badge-new\">Nieuw</span></h3>")
        .count();
    (titles, marks)
}

#[test]
fn nieuw_lists_practices_newest_first_and_marks_recent_ones() {
    let dir = project("minimal");
    let out = kennisbank(&["build"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    let (titles, marks) = recent(&public);
    assert_eq!(
        titles,
        [
            "Eerste praktijk",
            "Tweede praktijk",
            "Medische woning melden"
        ]
    );
    // new_days is 30 in the fixture, measured from the newest date (2026-01-10).
    assert_eq!(marks, 2);
    let page = read(&public, "nieuw/index.html");
    assert!(
        page.contains("<h2 id=\"maand-2026-01\">januari 2026</h2>"),
        "{page}"
    );
    assert!(page.contains("Bijgewerkt op <time datetime=\"2026-01-05\">5 januari 2026</time>"));
    let footer = read(&public, "index.html");
    assert!(footer.contains("href=\"/nieuw/\">Nieuw en gewijzigd</a>"));
}

#[test]
fn source_date_epoch_sets_the_reference_date_unless_the_settings_do() {
    let dir = project("minimal");
    let public = dir.path().join("public");
    let build_with_epoch = |epoch: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kennisbank"))
            .arg("build")
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    };
    // 2027-01-01: a year after every date in the fixture, so nothing is new.
    build_with_epoch("1798761600");
    assert_eq!(recent(&public).1, 0);
    // 2026-01-20: within 30 days of the two January dates.
    build_with_epoch("1768867200");
    assert_eq!(recent(&public).1, 2);
    let before = tree(&public);
    build_with_epoch("1768867200");
    assert_eq!(before, tree(&public), "the same input gives the same bytes");
    // The setting wins.
    let settings = read(dir.path(), "content/site.yaml");
    write(
        dir.path(),
        "content/site.yaml",
        &format!("{settings}reference_date: 2026-03-01\n"),
    );
    build_with_epoch("1768867200");
    assert_eq!(recent(&public).1, 0, "more than 30 days after every date");
}
