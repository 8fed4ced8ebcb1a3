//! Search quality over the real content: the site is built once (under a base URL), then every
//! query of `tests/search-queries.json` must find its practices, in the top 5 and where it says so
//! at rank 1, with snippets that mark the matches and URLs that lead to built pages. The same table
//! runs through the WebAssembly module under Node in `tests/node/search.sh`.
//!
//! A table entry: `q`, optional `category` / `tag` filters, and what it expects, by practice id
//! (the file name under `content/praktijken/`): `first` (rank 1), `find` (in the top 5),
//! `exactly` (the whole result set, in any order; `[]` for nothing). `covers` says why it is there.

mod common;

use common::{copy_dir, kennisbank, repo_root, stderr, stdout};
use search::{search_dir, Filters, Hit, Results};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const BASE: &str = "/kennisbank/";
/// As many results as the search page shows at first.
const LIMIT: usize = 10;
/// Where `find` expects its practices.
const TOP: usize = 5;

struct Site {
    /// The built site (`--out`).
    out: PathBuf,
    project: PathBuf,
}

impl Site {
    fn index(&self) -> PathBuf {
        self.out.join("zoeken/index")
    }

    fn search(&self, q: &str, filters: &Filters) -> Results {
        search_dir(&self.index(), q, filters, LIMIT).unwrap_or_else(|e| panic!("search {q:?}: {e}"))
    }
}

/// The real content built once for all tests of this file, in a fixed folder under Cargo's
/// temporary directory for integration tests (rebuilt on every run, never left in /tmp).
fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let project = Path::new(env!("CARGO_TARGET_TMPDIR")).join("search-quality");
        let _ = std::fs::remove_dir_all(&project);
        copy_dir(&repo_root().join("content"), &project.join("content"));
        copy_dir(&repo_root().join("themes"), &project.join("themes"));
        let built = kennisbank(&["build", "--out", "public", "--base-url", BASE], &project);
        assert!(built.status.success(), "build failed: {}", stderr(&built));
        Site {
            out: project.join("public"),
            project,
        }
    })
}

struct Query {
    q: String,
    filters: Filters,
    first: Option<String>,
    find: Vec<String>,
    exactly: Option<Vec<String>>,
    covers: String,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn table() -> Vec<Query> {
    let path = repo_root().join("tests/search-queries.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let entries: Vec<Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    entries
        .iter()
        .map(|e| {
            let text = |key: &str| e.get(key).and_then(Value::as_str).map(String::from);
            Query {
                q: text("q").unwrap_or_else(|| panic!("entry without \"q\": {e}")),
                filters: Filters {
                    category: text("category"),
                    tag: text("tag"),
                },
                first: text("first"),
                find: strings(&e["find"]),
                exactly: e.get("exactly").map(strings),
                covers: text("covers").unwrap_or_default(),
            }
        })
        .collect()
}

/// What the table calls a result: a practice by its id (the last segment of its URL), any other
/// page or section by its path under the base (`stappenplan/#stap-2`).
fn id(hit: &Hit) -> &str {
    let path = hit.url.strip_prefix(BASE).unwrap_or(&hit.url);
    if !path.starts_with("praktijken/") {
        return path;
    }
    path.trim_end_matches('/').rsplit('/').next().unwrap_or("")
}

/// Whether the built site has the page of `path` (`stappenplan/#stap-2`) with that anchor.
fn site_has(out: &Path, path: &str) -> bool {
    let (page, anchor) = path.split_once('#').unwrap_or((path, ""));
    let Ok(html) = std::fs::read_to_string(out.join(page).join("index.html")) else {
        return false;
    };
    anchor.is_empty() || kennisbank::linkcheck::page_anchors(&html).contains(anchor)
}

fn practice_ids() -> Vec<String> {
    let dir = repo_root().join("content/praktijken");
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| Some(e.path().file_stem()?.to_string_lossy().into_owned()))
        .collect()
}

#[test]
fn table_has_enough_queries_and_names_only_real_practices() {
    let queries = table();
    assert!(queries.len() >= 30, "only {} queries", queries.len());
    let known = practice_ids();
    for q in &queries {
        let named = q
            .first
            .iter()
            .chain(&q.find)
            .chain(q.exactly.iter().flatten());
        for id in named {
            if id.contains('/') {
                assert!(
                    site_has(&site().out, id),
                    "{:?} names {id}, which is no page or anchor of the site",
                    q.q
                );
            } else {
                assert!(known.contains(id), "{:?} names unknown practice {id}", q.q);
            }
        }
        assert!(
            q.first.is_some() || !q.find.is_empty() || q.exactly.is_some(),
            "{:?} expects nothing",
            q.q
        );
        assert!(
            !q.covers.is_empty(),
            "{:?} does not say what it covers",
            q.q
        );
    }
    for filter in ["category", "tag"] {
        assert!(
            queries.iter().any(|q| match filter {
                "category" => q.filters.category.is_some(),
                _ => q.filters.tag.is_some(),
            }),
            "no query with a {filter} filter"
        );
    }
    assert!(
        queries
            .iter()
            .any(|q| q.exactly.as_ref().is_some_and(Vec::is_empty)),
        "no query that must find nothing"
    );
}

#[test]
fn every_query_finds_its_practices_in_the_top_five() {
    let site = site();
    let mut failures = Vec::new();
    for q in table() {
        let r = site.search(&q.q, &q.filters);
        let ids: Vec<&str> = r.hits.iter().map(id).collect();
        // The page shows a page's sections under it: the top five are pages.
        let mut pages: Vec<&str> = Vec::new();
        let top: Vec<&str> = r
            .hits
            .iter()
            .take_while(|h| {
                let page = search::searcher::page_url(&h.url);
                if !pages.contains(&page) {
                    pages.push(page);
                }
                pages.len() <= TOP
            })
            .map(id)
            .collect();
        let mut wrong = Vec::new();
        if let Some(first) = &q.first {
            if ids.first() != Some(&first.as_str()) {
                wrong.push(format!("{first} not first"));
            }
        }
        // A page is found when it is listed, by its opening part or by a section under it.
        let top_pages: Vec<&str> = top
            .iter()
            .map(|id| search::searcher::page_url(id))
            .collect();
        for want in &q.find {
            let found = if want.contains('#') {
                top.contains(&want.as_str())
            } else {
                top_pages.contains(&want.as_str())
            };
            if !found {
                wrong.push(format!("{want} not in the top {TOP}"));
            }
        }
        if let Some(exactly) = &q.exactly {
            let mut got: Vec<&str> = ids.clone();
            got.sort_unstable();
            let mut want: Vec<&str> = exactly.iter().map(String::as_str).collect();
            want.sort_unstable();
            let mut pages: Vec<&str> = want
                .iter()
                .map(|id| search::searcher::page_url(id))
                .collect();
            pages.dedup();
            if got != want || r.total != pages.len() {
                wrong.push(format!("want exactly {want:?} (total {})", r.total));
            }
        }
        if let Some(category) = &q.filters.category {
            if let Some(h) = r.hits.iter().find(|h| &h.category != category) {
                wrong.push(format!("{} is outside category {category}", h.url));
            }
        }
        if let Some(tag) = &q.filters.tag {
            let tag = tag.to_lowercase();
            if let Some(h) = r.hits.iter().find(|h| !practice_tags(id(h)).contains(&tag)) {
                wrong.push(format!("{} is not tagged {tag}", h.url));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{:?} ({}): {}; got {ids:?}",
                q.q,
                q.covers,
                wrong.join(", ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn split_query_word_ranks_the_practice_with_both_parts_first() {
    // Both practices carry the tag `kamerverhuur`; only the first has `kamer` and `verhuur` in
    // its title and text. They used to tie.
    let r = site().search("kamerverhuur", &Filters::default());
    let ids: Vec<&str> = r.hits.iter().map(id).collect();
    assert_eq!(ids[..2], ["kamergewijze-verhuur", "leer-werktraject"]);
    assert!(
        r.hits[0].score > r.hits[1].score * 1.2,
        "a clear lead, not a tie: {:?}",
        r.hits
    );
}

#[test]
fn snippets_mark_the_matched_words_and_escape_the_rest() {
    let site = site();
    let cases = [
        (
            "toeslag",
            "huurtoeslag-bijzondere-situatie",
            "<mark>huurtoeslag</mark>",
        ),
        (
            "toeslag",
            "huurcontracten-naar-coa",
            "<mark>zorgtoeslag</mark>",
        ),
        (
            "coordinator",
            "verhuiscoordinator",
            "<mark>verhuiscoördinator</mark>",
        ),
        (
            "kamerverhuur",
            "kamergewijze-verhuur",
            "<mark>kamergewijze</mark> <mark>verhuur</mark>",
        ),
        (
            "verzorgingshuis",
            "alternatieve-woonvormen",
            "<mark>verzorgingshuizen</mark>",
        ),
        ("leegstandswet", "leegstandwet", "<mark>Leegstandwet</mark>"),
        (
            "corporaties",
            "particuliere-verhuur",
            "<mark>woningbouwcorporaties</mark>",
        ),
        ("flexwonen", "flexwonen", "<mark>Flexwonen</mark>"),
    ];
    for (q, practice, marked) in cases {
        let r = site.search(q, &Filters::default());
        let hit = r
            .hits
            .iter()
            .find(|h| id(h) == practice)
            .unwrap_or_else(|| panic!("{q:?} does not find {practice}"));
        assert!(hit.snippet.contains(marked), "{q:?}: {}", hit.snippet);
    }
    // Every hit of every query shows at least one mark, unless only a tag matched (snippets come
    // from the summary and text); and nothing but marks is markup.
    let mut by_tag = 0;
    for q in table() {
        for hit in site.search(&q.q, &q.filters).hits {
            let without = hit.snippet.replace("<mark>", "").replace("</mark>", "");
            assert!(!without.contains(['<', '>']), "{:?}: {}", q.q, hit.snippet);
            if hit.snippet.contains("<mark>") {
                continue;
            }
            // Found by its title or a section's heading, which are shown above the snippet.
            let shown =
                |m: &String| hit.section.contains(m.as_str()) || hit.title.contains(m.as_str());
            if hit.marks.iter().any(shown) {
                continue;
            }
            let query = q.q.to_lowercase();
            // A tag begins with a query word, or with the root of its word family.
            let tag_matches = practice_tags(id(&hit)).iter().any(|tag| {
                tag.split(' ').any(|t| {
                    query.split(' ').any(|w| {
                        let root = search::searcher::family_root(w).unwrap_or(w);
                        w.len() > 2 && (t.starts_with(w) || t.starts_with(root))
                    })
                })
            });
            assert!(
                tag_matches,
                "{:?}: no mark in {:?} ({})",
                q.q, hit.snippet, hit.url
            );
            by_tag += 1;
        }
    }
    assert!(by_tag < 15, "{by_tag} hits without marks");
    // A short compound part marks the word it ends, not every word it begins.
    let r = site.search("flexwonen", &Filters::default());
    for hit in &r.hits {
        assert!(
            !hit.snippet.contains("<mark>woningen</mark>"),
            "{}",
            hit.snippet
        );
    }
}

/// The tags of a practice, from the front matter of its file (`tags: [a, b]`), lower case; none
/// for another page.
fn practice_tags(id: &str) -> Vec<String> {
    if id.is_empty() || id.contains('/') {
        return Vec::new();
    }
    let dir = repo_root().join("content/praktijken");
    let file = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().file_stem().is_some_and(|s| s == id))
        .unwrap_or_else(|| panic!("no practice {id}"));
    let text = std::fs::read_to_string(file.path()).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix("tags:"))
        .map(|l| {
            l.trim()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .split(',')
                .map(|t| t.trim().trim_matches('"').to_lowercase())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn result_urls_are_site_relative_and_lead_to_built_pages() {
    let site = site();
    let mut seen = 0;
    for q in table() {
        for hit in site.search(&q.q, &q.filters).hits {
            let rel = hit
                .url
                .strip_prefix(BASE)
                .unwrap_or_else(|| panic!("{:?}: {} does not start with {BASE}", q.q, hit.url));
            assert!(
                site_has(&site.out, rel),
                "{}: no such page or anchor",
                hit.url
            );
            let rel = search::searcher::page_url(rel);
            assert!(
                rel.is_empty() || rel.ends_with('/') && !rel.contains(".."),
                "{}",
                hit.url
            );
            let page = site.out.join(rel).join("index.html");
            let html = std::fs::read_to_string(&page)
                .unwrap_or_else(|e| panic!("{:?}: {} has no page {page:?}: {e}", q.q, hit.url));
            assert!(
                html.contains(&format!(">{}</h1>", hit.title)),
                "{}: heading is not {:?}",
                hit.url,
                hit.title
            );
            seen += 1;
        }
    }
    assert!(seen > 100, "only {seen} hits checked");
}

#[test]
fn cli_json_gives_the_engines_results() {
    let site = site();
    for q in [
        "kamerverhuur",
        "toeslag",
        "vergunninhouders",
        "huurtoe",
        "xyzzy",
    ] {
        let out = kennisbank(
            &["search", q, "--json", "--out", "public", "--limit", "10"],
            &site.project,
        );
        assert!(out.status.success(), "{q}: {}", stderr(&out));
        let json: Vec<Value> = serde_json::from_str(&stdout(&out))
            .unwrap_or_else(|e| panic!("{q}: {e}: {}", stdout(&out)));
        let engine = site.search(q, &Filters::default()).hits;
        assert_eq!(json.len(), engine.len(), "{q}");
        for (j, h) in json.iter().zip(&engine) {
            assert_eq!(j["url"], h.url.as_str(), "{q}");
            assert_eq!(j["title"], h.title.as_str(), "{q}");
            assert_eq!(j["category"], h.category.as_str(), "{q}");
            assert_eq!(j["snippet"], h.snippet.as_str(), "{q}");
            let score = j["score"].as_f64().unwrap_or(f64::NAN);
            assert!(
                (score - h.score as f64).abs() < 1e-3,
                "{q}: {score} vs {}",
                h.score
            );
        }
    }
}

#[test]
fn category_counts_add_up_to_the_total() {
    let site = site();
    for q in ["woning", "coa", "grote gezinnen"] {
        let r = site.search(q, &Filters::default());
        let sum: usize = r.category_counts.iter().map(|(_, n)| n).sum();
        assert_eq!(sum, r.total, "{q}: {:?}", r.category_counts);
        for (slug, n) in &r.category_counts {
            let filtered = site.search(
                q,
                &Filters {
                    category: Some(slug.clone()),
                    tag: None,
                },
            );
            assert_eq!(filtered.total, *n, "{q} in {slug}");
        }
    }
}

/// The URLs of the sections in the index (the site's own pages), under the base: from the
/// documents in `d/`, or in `all.bin` when the index ships whole (as the real content's does).
fn section_urls(site: &Site) -> Vec<String> {
    let mut docs: Vec<Vec<u8>> = Vec::new();
    let whole = site.index().join(search::whole::WHOLE_FILE);
    if whole.exists() {
        let bytes = std::fs::read(&whole).expect("whole index");
        let meta = std::fs::read(site.index().join("meta.bin")).expect("meta.bin");
        let stamp = search::build_stamp::of_meta(&meta);
        let bytes = search::build_stamp::strip(search::whole::WHOLE_FILE, &bytes, stamp)
            .expect("the whole index of this build");
        let parts = search::whole::unbundle(bytes).expect("whole index decodes");
        docs.extend(
            parts
                .into_iter()
                .filter(|(path, _)| path.starts_with("d/"))
                .map(|(_, bytes)| bytes.to_vec()),
        );
    } else {
        for entry in std::fs::read_dir(site.index().join("d")).expect("documents of the index") {
            docs.push(std::fs::read(entry.expect("entry").path()).expect("document"));
        }
    }
    assert!(!docs.is_empty(), "no documents in the index");
    let mut urls = Vec::new();
    for bytes in docs {
        let doc = search::format::DocData::decode(&bytes).expect("document decodes");
        if !doc.url.contains("/praktijken/") {
            urls.push(doc.url.strip_prefix(BASE).unwrap_or(&doc.url).to_string());
        }
    }
    urls.sort();
    urls
}

#[test]
fn every_section_of_the_index_is_an_anchor_of_its_page() {
    let site = site();
    let urls = section_urls(site);
    assert!(urls.len() > 15, "{urls:?}");
    for url in &urls {
        assert!(
            site_has(&site.out, url),
            "{url} is no page or anchor of the site"
        );
    }
}

/// Links to sections are shared and bookmarked: an anchor that changes (a template's id, a
/// step renumbered) must change here too, on purpose.
#[test]
fn section_anchors_do_not_change_silently() {
    let want = [
        "",
        "herverdeling/",
        "herverdeling/#hv-checklist-titel",
        "herverdeling/#hv-regels",
        "stappenplan/",
        "stappenplan/#stap-1",
        "stappenplan/#stap-2",
        "stappenplan/#stap-3",
        "stappenplan/#stap-4",
        "stappenplan/#uitgangspunt-1",
        "stappenplan/#uitgangspunt-2",
        "stappenplan/#uitgangspunt-3",
        "stappenplan/#uitgangspunt-4",
        "stappenplan/#uitgangspunt-5",
        "stappenplan/#voetnoten-kop",
        "toegankelijkheid/",
        "toegankelijkheid/#kop-beperkingen",
        "toegankelijkheid/#kop-datum",
        "toegankelijkheid/#kop-getoetst",
        "toegankelijkheid/#kop-melden",
        "toegankelijkheid/#kop-norm",
        "toegankelijkheid/#kop-status",
    ];
    assert_eq!(section_urls(site()), want);
}

#[test]
fn a_section_result_names_its_page_and_heading() {
    let r = site().search("eenmaal overgedragen ", &Filters::default());
    let hit = &r.hits[0];
    assert_eq!(
        hit.title,
        "Stappenplan bij herverdeling taakstelling huisvesting vergunninghouders"
    );
    assert_eq!(
        hit.section,
        "Uitgangspunt 3: Eenmaal overgedragen, blijft overgedragen!"
    );
    assert_eq!(
        hit.link,
        format!(
            "{BASE}stappenplan/?markeer=Eenmaal+overgedragen+overgaat+overdragende#uitgangspunt-3"
        )
    );
}
