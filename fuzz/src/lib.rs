//! What each fuzz target does with its input, through the crates' public functions. The fuzz
//! binaries (`fuzz_targets/`) call these under libFuzzer; `tests/regressions.rs` runs the stored
//! findings (`regressions/<target>/*`) through the very same functions on stable Rust.
//!
//! A target passes when it returns: no panic, no hang (libFuzzer's `-timeout`), no runaway
//! memory (`-rss_limit_mb`). Errors in the input are expected and are only rendered, as a user
//! would see them.

use calculator_wasm::{share, MunicipalityList, Scenario};
use kennisbank::content::{practice, settings, stappenplan, synonyms};
use kennisbank::diagnostics::{self, Diagnostic, Format};
use kennisbank::markdown::{self, MarkdownOptions};
use search::{Filters, Searcher};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// What a target does with one input.
pub type Target = fn(&[u8]);

/// Every target, by name: the names of `fuzz_targets/*.rs` and of the `regressions/` folders.
pub const TARGETS: &[(&str, Target)] = &[
    ("practice", practice),
    ("site_yaml", site_yaml),
    ("stappenplan_yaml", stappenplan_yaml),
    ("synoniemen_yaml", synoniemen_yaml),
    ("scenario", scenario),
    ("share_link", share_link),
    ("search_query", search_query),
    ("index_decoder", index_decoder),
];

/// The repository: the real content is read from it.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("fuzz/ is inside the repository")
        .to_path_buf()
}

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Renders problems in every format, as `check` prints them.
fn show(diags: &[Diagnostic]) {
    for format in [Format::Human, Format::Json, Format::Github] {
        std::hint::black_box(diagnostics::render(diags, format));
    }
}

/// A practice file (front matter and body), and its body as Markdown.
pub fn practice(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let (found, diags) = practice::parse(
        "content/praktijken/algemeen/fuzz.md",
        "algemeen",
        "fuzz",
        text,
    );
    show(&diags);
    if let Some(p) = found {
        // The theme's own ids, which headings never get.
        let reserved: std::collections::BTreeSet<String> =
            ["inhoud".to_string(), "kop-links".to_string()].into();
        let opts = MarkdownOptions {
            allow_raw_html: false,
            base: "/",
            external_footnotes: None,
            heading_anchors: Some(&reserved),
        };
        let html = markdown::to_html(&p.body, &opts);
        // Every search section links to an id the page has, and no heading takes a theme's id
        // or another heading's.
        let anchors = kennisbank::heading_anchors::anchors(&p.body, &reserved);
        let unique: std::collections::HashSet<&String> = anchors.iter().collect();
        assert_eq!(unique.len(), anchors.len(), "an anchor twice: {anchors:?}");
        assert!(anchors.iter().all(|a| !reserved.contains(a)), "{anchors:?}");
        for s in kennisbank::heading_anchors::sections(&p.body, &reserved) {
            if let Some(a) = s.anchor {
                assert!(html.contains(&format!(" id=\"{a}\"")), "no id {a:?} in the page");
            }
        }
        std::hint::black_box(html);
        std::hint::black_box(markdown::to_plain_text(&p.body));
        std::hint::black_box(markdown::links(&p.body));
    }
}

/// `content/site.yaml`.
pub fn site_yaml(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let (_, diags) = settings::parse(text);
    show(&diags);
}

/// `content/stappenplan.yaml`.
pub fn stappenplan_yaml(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let (_, diags) = stappenplan::parse(text);
    show(&diags);
}

/// `content/synoniemen.yaml`, and its groups as the search index takes them.
pub fn synoniemen_yaml(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let (groups, diags) = synonyms::parse(text);
    show(&diags);
    if let Some(groups) = groups {
        std::hint::black_box(search::normalize_synonyms(&groups));
    }
}

/// The real municipalities list (`content/gemeenten.yaml`).
fn municipalities() -> &'static MunicipalityList {
    static LIST: OnceLock<MunicipalityList> = OnceLock::new();
    LIST.get_or_init(|| {
        let path = repo_root().join("content/gemeenten.yaml");
        let text = std::fs::read_to_string(&path).expect("content/gemeenten.yaml");
        MunicipalityList::from_yaml(&text).expect("the real municipalities list is valid")
    })
}

/// Checks a scenario and makes its link, as the CLI and the page do.
fn check(s: &Scenario) {
    let verdict = calculator_wasm::check(s, municipalities());
    std::hint::black_box(verdict);
    let _ = std::hint::black_box(share::encode_link(s));
    std::hint::black_box(s.to_json());
}

/// A herverdeling scenario (YAML or JSON), checked against the rules.
pub fn scenario(data: &[u8]) {
    let Some(text) = text(data) else { return };
    if let Ok(s) = Scenario::parse(text) {
        check(&s);
    }
}

/// A shared link of the herverdelingscheck, decoded and checked.
pub fn share_link(data: &[u8]) {
    let Some(text) = text(data) else { return };
    if let Ok(s) = share::decode_link(text) {
        check(&s);
    }
}

/// The search index of the real site, every file loaded.
fn searcher() -> &'static Searcher {
    static SEARCHER: OnceLock<Searcher> = OnceLock::new();
    SEARCHER.get_or_init(|| {
        let built = kennisbank::build::build_in_memory(&repo_root(), "/");
        let prefix = format!("{}/", kennisbank::search_index::INDEX_DIR);
        let files: Vec<(&str, &[u8])> = built
            .files
            .iter()
            .filter_map(|f| Some((f.path.strip_prefix(&prefix)?, f.bytes.as_slice())))
            .collect();
        let meta = files
            .iter()
            .find(|(p, _)| *p == search::format::META_FILE)
            .expect("the real site has a search index");
        let mut searcher = Searcher::new(meta.1).expect("the real index decodes");
        for (path, bytes) in &files {
            searcher
                .add_file(path, bytes)
                .expect("the real index decodes");
        }
        searcher
    })
}

/// A query against the real index: `query`, or `query\u{1}category\u{1}tag` with filters.
pub fn search_query(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let mut parts = text.split('\u{1}');
    let query = parts.next().unwrap_or_default();
    let filters = Filters {
        category: parts.next().map(str::to_string),
        tag: parts.next().map(str::to_string),
    };
    let searcher = searcher();
    std::hint::black_box(searcher.needed_files(query, &filters, 10));
    std::hint::black_box(searcher.search(query, &filters, 10));
}

/// A file of the search index as the page fetches it: the first byte says which (the metadata,
/// a term fragment, a document or the tag lists), the rest is the file. The metadata is also
/// used to start a searcher and answer a query.
pub fn index_decoder(data: &[u8]) {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    match kind % 6 {
        0 => {
            if let Ok(mut s) = Searcher::new(bytes) {
                // Two words take the usual path; one word alone may be an answer (`a/N.bin`).
                for query in ["woning huur", "woning"] {
                    for path in s.needed_files(query, &Filters::default(), 10) {
                        let _ = s.add_file(&path, &[]);
                    }
                    std::hint::black_box(s.search(query, &Filters::default(), 10));
                }
            }
        }
        4 => {
            let _ = std::hint::black_box(search::answer::decode(bytes));
        }
        5 => {
            // A small site's whole index (`all.bin`) under the metadata of an empty one, which
            // says the index is whole.
            let files = search::build_site_index(&[], &[]);
            if let Ok(mut s) = Searcher::new(&files[0].1) {
                // With the stamp of that metadata before it, as the build writes it (without, the
                // stamp check refuses nearly every input before the decoder sees it).
                let _ = s.add_file(search::whole::WHOLE_FILE, bytes);
                let stamp = search::build_stamp::of_meta(&files[0].1);
                let stamped = [stamp.as_slice(), bytes].concat();
                if s.add_file(search::whole::WHOLE_FILE, &stamped).is_ok() {
                    for query in ["woning huur", "woning"] {
                        std::hint::black_box(s.search(query, &Filters::default(), 10));
                    }
                }
            }
        }
        1 => {
            let _ = std::hint::black_box(search::format::Fragment::decode(bytes));
        }
        2 => {
            let _ = std::hint::black_box(search::format::DocData::decode(bytes));
        }
        _ => {
            let _ = std::hint::black_box(search::format::decode_tags(bytes));
        }
    }
}
