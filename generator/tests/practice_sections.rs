//! A practice whose text has headings: each heading gets a stable anchor on the page, the search
//! index has a section per heading that links to that anchor, and the link check knows the
//! anchors. The real practices have no headings yet; editors may add them.

mod common;

use common::{check_json, kennisbank, project, read, stderr, write};
use search::{search_dir, Filters};
use std::collections::HashMap;

const PRACTICE: &str = "content/praktijken/alleenstaanden/doorschuifwoning.md";
const PAGE: &str = "public/praktijken/alleenstaanden/doorschuifwoning/index.html";
const URL: &str = "/praktijken/alleenstaanden/doorschuifwoning/";

fn with_headings() -> tempfile::TempDir {
    let dir = project("real");
    let text = read(dir.path(), PRACTICE);
    write(
        dir.path(),
        PRACTICE,
        &format!(
            "{}\n\n## Inhoud\n\nWat de gemeente met de zelfbouwgroep afspreekt.\n\n\
             ## Ervaringen in Zuid-Holland\n\nDe containerwoningen in Leiden.\n\n\
             ### Kosten & baten {{#geld}}\n\nDe paviljoenwoningen kosten weinig.\n\n\
             ## Ervaringen in Zuid-Holland\n\nNog een keer, over de kluswoningen.\n",
            text.trim_end()
        ),
    );
    dir
}

#[test]
fn headings_get_anchors_that_search_results_link_to() {
    let dir = with_headings();
    let built = kennisbank(&["build"], dir.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let html = read(dir.path(), PAGE);
    for heading in [
        "<h3 id=\"inhoud-2\">Inhoud</h3>",
        "<h3 id=\"ervaringen-in-zuid-holland\">Ervaringen in Zuid-Holland</h3>",
        "<h4 id=\"geld\">Kosten &amp; baten</h4>",
        "<h3 id=\"ervaringen-in-zuid-holland-2\">Ervaringen in Zuid-Holland</h3>",
    ] {
        assert!(html.contains(heading), "{heading} not in the page");
    }
    // No id twice: "Inhoud" does not take the skip link's target, which the theme names `inhoud`.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for id in html
        .split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
    {
        *ids.entry(id).or_default() += 1;
    }
    assert_eq!(ids.get("inhoud"), Some(&1), "{ids:?}");
    assert!(ids.values().all(|&n| n == 1), "an id twice: {ids:?}");

    let index = dir.path().join("public/zoeken/index");
    let anchors = kennisbank::linkcheck::page_anchors(&html);
    for (query, section, anchor) in [
        ("zelfbouwgroep", "Inhoud", "inhoud-2"),
        (
            "containerwoningen",
            "Ervaringen in Zuid-Holland",
            "ervaringen-in-zuid-holland",
        ),
        ("paviljoenwoningen", "Kosten & baten", "geld"),
        (
            "kluswoningen",
            "Ervaringen in Zuid-Holland",
            "ervaringen-in-zuid-holland-2",
        ),
    ] {
        let r = search_dir(&index, query, &Filters::default(), 10).expect("search");
        assert_eq!(r.exact_total, 1, "{query}: {r:?}");
        let hit = &r.hits[0];
        assert_eq!(
            hit.title, "Doorschuifwoning bij gezinshereniging",
            "{query}"
        );
        assert_eq!(hit.section, section, "{query}");
        assert_eq!(hit.url, format!("{URL}#{anchor}"), "{query}");
        assert!(
            anchors.contains(anchor),
            "{anchor} is no anchor of the page"
        );
    }
    // The practice's title and tags match the practice, not each of its sections again.
    let r = search_dir(&index, "doorstroming", &Filters::default(), 10).expect("search");
    let urls: Vec<&str> = r.hits.iter().map(|h| h.url.as_str()).collect();
    assert!(urls.contains(&URL), "{urls:?}");
    assert!(
        !urls.iter().any(|u| u.starts_with(&format!("{URL}#"))),
        "{urls:?}"
    );
    // A section keeps its practice's tag for the filter.
    let tagged = Filters {
        tag: Some("doorstroming".into()),
        ..Filters::default()
    };
    let r = search_dir(&index, "containerwoningen", &tagged, 10).expect("search");
    assert_eq!(r.hits.len(), 1, "{r:?}");
}

#[test]
fn the_link_check_knows_a_practices_heading_anchors() {
    let dir = with_headings();
    let other = "content/praktijken/alleenstaanden/kamergewijze-verhuur.md";
    let text = read(dir.path(), other);
    write(
        dir.path(),
        other,
        &format!(
            "{}\n\nZie [de kosten]({URL}#geld) en [de ervaringen]({URL}#ervaringen-elders).\n",
            text.trim_end()
        ),
    );
    let (_, diags) = check_json(dir.path());
    let broken: Vec<&serde_json::Value> = diags
        .iter()
        .filter(|d| d["code"] == "broken-anchor")
        .collect();
    assert_eq!(broken.len(), 1, "{diags:#?}");
    assert_eq!(broken[0]["path"], other);
    assert!(
        broken[0]["message"]
            .as_str()
            .unwrap()
            .contains("ervaringen-elders"),
        "{}",
        broken[0]["message"]
    );
}
