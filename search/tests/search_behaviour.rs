//! Behaviour of the whole engine on the practices of the seed list: Dutch
//! matching (folding, stems, compounds, prefixes, typos), ranking, filters,
//! determinism and fragment selection.

use std::collections::HashMap;

use search::searcher::{Hit, SECTIONS_PER_PAGE};
use search::{build_index, Document, Filters, Results, Searcher};

fn seed_docs() -> Vec<Document> {
    serde_json::from_str(include_str!("data/seed_docs.json")).expect("fixture is valid JSON")
}

struct Index {
    files: HashMap<String, Vec<u8>>,
}

impl Index {
    fn new(docs: &[Document]) -> Index {
        Index {
            files: build_index(docs).into_iter().collect(),
        }
    }

    /// Runs a query as the page does, counting the files it fetched.
    fn query_counting(&self, q: &str, filters: &Filters, limit: usize) -> (Results, Vec<String>) {
        let mut s = Searcher::new(&self.files["meta.bin"]).expect("meta decodes");
        let mut fetched = Vec::new();
        for _ in 0..6 {
            let needed = s.needed_files(q, filters, limit);
            if needed.is_empty() {
                break;
            }
            for path in needed {
                s.add_file(&path, &self.files[&path]).expect("file decodes");
                fetched.push(path);
            }
        }
        assert!(
            s.needed_files(q, filters, limit).is_empty(),
            "still missing files for {q}"
        );
        (s.search(q, filters, limit), fetched)
    }

    fn query(&self, q: &str) -> Results {
        self.query_counting(q, &Filters::default(), 10).0
    }

    fn urls(&self, q: &str) -> Vec<String> {
        self.query(q).hits.into_iter().map(|h| h.url).collect()
    }
}

fn assert_finds(index: &Index, query: &str, url: &str) {
    let urls = index.urls(query);
    assert!(
        urls.iter().any(|u| u == url),
        "{query:?} should find {url}, got {urls:?}"
    );
}

#[test]
fn folding_finds_words_with_diacritics() {
    let index = Index::new(&seed_docs());
    assert_finds(&index, "verhuiscoordinator", "praktijken/algemeen/15/");
    assert_finds(&index, "VERHUISCOÖRDINATOR", "praktijken/algemeen/15/");
}

/// Text copied from a PDF writes `ﬁ` and `ﬂ` as one character, and an East Asian input method
/// types full-width letters: both are the plain letters, in the texts and in the query.
#[test]
fn ligatures_and_full_width_letters_find_the_plain_word() {
    let docs = vec![
        doc(
            "a/",
            "Flexwonen",
            "Tijdelijke woningen voor vergunninghouders.",
        ),
        doc("b/", "Geld", "De ﬁnanciën van de gemeente en het COA."),
    ];
    let index = Index::new(&docs);
    assert_finds(&index, "ﬂexwonen", "a/");
    assert_finds(&index, "financien", "b/");
    assert_finds(&index, "ﬁnanciën", "b/");
    assert_finds(&index, "ＣＯＡ", "b/");
}

#[test]
fn compound_head_finds_the_compound() {
    let index = Index::new(&seed_docs());
    assert_finds(&index, "coordinator", "praktijken/algemeen/15/");
    let toeslag = index.urls("toeslag");
    assert!(
        toeslag.contains(&"praktijken/algemeen/10/".to_string()),
        "zorgtoeslag: {toeslag:?}"
    );
    assert!(
        toeslag.contains(&"praktijken/grote-gezinnen/1/".to_string()),
        "huurtoeslag: {toeslag:?}"
    );
}

#[test]
fn stemming_finds_other_forms() {
    let index = Index::new(&seed_docs());
    // Practice 5 has only `verzorgingshuizen`; practice 12 has `verzorgingshuis`.
    let urls = index.urls("verzorgingshuis");
    assert_eq!(
        urls.first().map(String::as_str),
        Some("praktijken/algemeen/12/"),
        "{urls:?}"
    );
    assert!(
        urls.contains(&"praktijken/algemeen/5/".to_string()),
        "{urls:?}"
    );
}

#[test]
fn compound_parts_find_longer_compounds() {
    let index = Index::new(&seed_docs());
    for q in ["woningcorporatie", "corporaties"] {
        assert_finds(&index, q, "praktijken/algemeen/3/"); // woningbouwcorporaties
    }
    // `kamerverhuur` is split into `kamer` + `verhuur`.
    let urls = index.urls("kamerverhuur");
    assert_eq!(
        urls.first().map(String::as_str),
        Some("praktijken/alleenstaanden/2/"),
        "{urls:?}"
    );
}

#[test]
fn last_word_matches_as_prefix_while_typing() {
    let index = Index::new(&seed_docs());
    assert_finds(&index, "leegstandw", "praktijken/algemeen/11/");
    assert_finds(&index, "flexw", "praktijken/algemeen/14/");
    // A finished word (followed by a space) is not a prefix.
    assert!(index.urls("flexw ").is_empty());
}

#[test]
fn one_typo_is_tolerated_in_long_words() {
    let index = Index::new(&seed_docs());
    assert_finds(&index, "leegstandswet", "praktijken/algemeen/11/");
    assert_finds(&index, "verhuiscoordinatro ", "praktijken/algemeen/15/");
    assert!(!index.urls("vergunninhouders ").is_empty());
    // Short words must match exactly.
    assert!(index.urls("kamr ").is_empty());
}

#[test]
fn title_match_ranks_above_body_match() {
    let index = Index::new(&seed_docs());
    let urls = index.urls("stappenplan ");
    assert_eq!(
        urls.first().map(String::as_str),
        Some("herverdeling/stappenplan/"),
        "{urls:?}"
    );
}

#[test]
fn documents_with_all_words_rank_above_documents_with_some() {
    let index = Index::new(&seed_docs());
    let r = index.query("grote woning coa ");
    let first = &r.hits[0];
    assert_eq!(first.url, "praktijken/grote-gezinnen/4/", "{:?}", r.hits);
}

#[test]
fn exact_words_rank_above_stems_and_typos() {
    let docs = vec![
        doc("a/", "Eerste", "Over woningen in de regio."),
        doc("b/", "Tweede", "Over de woning in de regio."),
        doc("c/", "Derde", "Over de wonign in de regio."),
    ];
    let index = Index::new(&docs);
    assert_eq!(index.urls("woning "), ["b/", "a/"]);
    assert_eq!(index.urls("wonign "), ["c/"]);
    let docs = vec![
        doc("a/", "Eerste", "De zorgtoeslag."),
        doc("b/", "Tweede", "De toeslagen."),
        doc("c/", "Derde", "De toeslag."),
        doc("d/", "Vierde", "De huurtoeslag."),
    ];
    let index = Index::new(&docs);
    let urls = index.urls("toeslag ");
    assert_eq!(
        &urls[..2],
        ["c/", "b/"],
        "exact, then stem, then parts: {urls:?}"
    );
    assert_eq!(urls.len(), 4, "{urls:?}");
}

#[test]
fn document_with_both_parts_of_a_split_word_ranks_above_one_with_a_part() {
    // The three practices of the real content with the editors' tag
    // `kamerverhuur`: only b/ has `kamer` and `verhuur` in its title and
    // text, a/ has just `kamer`. Scored by their best match alone, a/ and b/
    // tied on the tag.
    let tagged = |url: &str, title: &str, body: &str, tags: &[&str]| Document {
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..doc(url, title, body)
    };
    let docs =
        vec![
        tagged(
            "a/",
            "Wonen gekoppeld aan een leer-werktraject",
            "Koppel woningen aan een leer- werktraject. Bijvoorbeeld vergunninghouders die een \
             kamer huren in een verzorgingshuis kunnen tevens leren hoe ze ouderen verzorgen.",
            &["kamerverhuur"],
        ),
        tagged(
            "b/",
            "Kamergewijze verhuur",
            "Maak gebruik van kamergewijze verhuur d.w.z. het plaatsen van meerdere \
             vergunninghouders in één passende woning.",
            &["kamerverhuur"],
        ),
        tagged(
            "c/",
            "Grote woningen ombouwen",
            "Bespreek met de woningcorporatie de haalbaarheid van het ombouwen van bestaande \
             grote woningen naar kleine woningen of meerdere kamers.",
            &["woningcorporaties", "grote woningen", "kamerverhuur"],
        ),
        doc("d/", "Particuliere verhuur", "Betrek ook particuliere verhuur."),
    ];
    // As many practices as the real content, so that the words weigh as there.
    let others: Vec<Document> = (0..19)
        .map(|i| {
            let url = format!("z{i:02}/");
            tagged(
                &url,
                "Praktijk",
                "Zorg voor huisvesting.",
                &["bestuur", "coa"],
            )
        })
        .collect();
    let docs = [docs, others].concat();
    let index = Index::new(&docs);
    for q in ["kamerverhuur", "kamerverhuur ", "kamerverhur "] {
        assert_eq!(index.urls(q)[..2], ["b/", "a/"], "{q:?}");
    }
    // Without the tag, a part alone does not match the word at all.
    let docs = vec![
        doc("a/", "Een kamer", "Een kamer huren."),
        doc("b/", "Kamergewijze verhuur", "Kamergewijze verhuur."),
    ];
    assert_eq!(Index::new(&docs).urls("kamerverhuur "), ["b/"]);
}

#[test]
fn plural_head_of_a_compound_is_found_when_only_the_singular_is_a_word() {
    let docs = vec![
        doc("a/", "Eerste", "Betrek de woningbouwcorporaties erbij."),
        doc("b/", "Tweede", "Vraag de corporatie naar de mutatiegraad."),
        doc("c/", "Derde", "Een woning in de regio."),
    ];
    let index = Index::new(&docs);
    assert_eq!(index.urls("corporaties "), ["b/", "a/"]);
    assert!(index.urls("woningcorporatie ").contains(&"a/".to_string()));
}

#[test]
fn word_being_typed_is_not_also_taken_for_a_typo() {
    let docs = vec![
        doc("a/", "Woning", "Een woning melden bij de regievoerder."),
        doc("b/", "Afspraken", "Afspraken met de woningcorporatie."),
    ];
    let index = Index::new(&docs);
    assert_eq!(index.urls("woningc"), ["b/"]);
    // Once the word is complete, one typo is tolerated again.
    assert_eq!(index.urls("woningc "), ["a/"]);
}

fn doc(url: &str, title: &str, body: &str) -> Document {
    Document {
        url: url.into(),
        title: title.into(),
        category: "algemeen".into(),
        category_title: "Algemeen".into(),
        tags: vec![],
        summary: String::new(),
        body: body.into(),
        ..Document::default()
    }
}

#[test]
fn snippets_mark_matches_and_escape_text() {
    let index = Index::new(&seed_docs());
    let r = index.query("huurtoeslag ");
    let hit = r
        .hits
        .iter()
        .find(|h| h.url == "praktijken/grote-gezinnen/1/")
        .expect("found");
    assert!(
        hit.snippet.contains("<mark>huurtoeslag</mark>"),
        "{}",
        hit.snippet
    );
    assert!(!hit.snippet.contains("<b>"));
    let r = index.query("toeslag ");
    let hit = r
        .hits
        .iter()
        .find(|h| h.url == "praktijken/algemeen/10/")
        .expect("found");
    assert!(
        hit.snippet.contains("<mark>zorgtoeslag</mark>"),
        "{}",
        hit.snippet
    );
}

#[test]
fn category_filter_and_counts() {
    let index = Index::new(&seed_docs());
    let all = index.query("coa ");
    let counts: HashMap<String, usize> = all.category_counts.iter().cloned().collect();
    assert_eq!(counts.get("medisch"), Some(&1), "{:?}", all.category_counts);
    assert!(counts["algemeen"] >= 2);
    let filters = Filters {
        category: Some("medisch".into()),
        tag: None,
    };
    let (medisch, _) = index.query_counting("coa ", &filters, 10);
    assert_eq!(medisch.total, 1);
    assert_eq!(medisch.hits[0].url, "praktijken/medisch/1/");
    assert_eq!(medisch.hits[0].category_title, "Medisch");
    // Counts stay those of the query, so the user can switch category.
    assert_eq!(medisch.category_counts, all.category_counts);
}

#[test]
fn tag_filter_and_counts() {
    let index = Index::new(&seed_docs());
    let filters = Filters {
        category: None,
        tag: Some("Toeslagen".into()),
    };
    let (r, fetched) = index.query_counting("huur", &filters, 10);
    assert!(fetched.contains(&"tags.bin".to_string()));
    let urls: Vec<&str> = r.hits.iter().map(|h| h.url.as_str()).collect();
    assert_eq!(urls.len(), 2, "{urls:?}");
    assert!(urls.contains(&"praktijken/grote-gezinnen/1/"));
    assert!(
        r.tag_counts
            .iter()
            .any(|(t, n)| t == "Huurcontract" && *n >= 1),
        "{:?}",
        r.tag_counts
    );
    let unknown = Filters {
        category: None,
        tag: Some("Bestaat niet".into()),
    };
    assert_eq!(index.query_counting("huur", &unknown, 10).0.total, 0);
}

#[test]
fn queries_of_only_stop_words_or_nothing_find_nothing() {
    let index = Index::new(&seed_docs());
    for q in ["", "   ", "de van het ", "!!!", "x"] {
        assert_eq!(index.query(q).total, 0, "{q:?}");
    }
}

#[test]
fn build_is_deterministic_and_independent_of_input_order() {
    let docs = seed_docs();
    let a = build_index(&docs);
    let b = build_index(&docs);
    assert_eq!(a, b);
    let mut reversed = docs.clone();
    reversed.reverse();
    assert_eq!(build_index(&reversed), a);
    let paths: Vec<&str> = a.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(&paths[..2], ["meta.bin", "tags.bin"]);
}

#[test]
fn damaged_files_are_errors_not_panics() {
    let index = Index::new(&seed_docs());
    assert!(Searcher::new(b"garbage").is_err());
    let mut s = Searcher::new(&index.files["meta.bin"]).unwrap();
    assert!(s.add_file("t/0.bin", &[1, 200, 3]).is_err());
    assert!(s.add_file("d/0.bin", &[5, b'a']).is_err());
    assert!(s.add_file("../etc/passwd", b"x").is_err());
    let frag = &index.files["t/0.bin"];
    for cut in 0..frag.len().min(200) {
        let _ = s.add_file("t/0.bin", &frag[..cut]);
    }
}

/// The site deployed again while a page had the old `meta.bin`: a file of the new build is
/// refused as one of another build (the page then fetches `meta.bin` anew), never read as if it
/// belonged to the old layout; with the new `meta.bin` the same files answer.
#[test]
fn a_file_of_another_build_is_refused_and_the_new_meta_reads_it() {
    let docs = seed_docs();
    let old = Index::new(&docs[..docs.len() - 3]);
    let new = Index::new(&docs);
    assert_ne!(old.files["meta.bin"], new.files["meta.bin"]);
    let query = "huisvesting";
    let mut s = Searcher::new(&old.files["meta.bin"]).unwrap();
    let needed = s.needed_files(query, &Filters::default(), 10);
    let first = &needed[0];
    assert!(
        first.starts_with("t/") || first.starts_with("a/"),
        "{needed:?}"
    );
    let refused = s.add_file(first, &new.files[first]).unwrap_err();
    assert!(refused.is_other_build(), "{refused}");
    for path in ["tags.bin", "r/0.bin"] {
        let refused = s.add_file(path, &new.files[path]).unwrap_err();
        assert!(refused.is_other_build(), "{path}: {refused}");
    }
    // A damaged file is not taken for one of another build: fetching meta.bin again would not
    // mend it.
    assert!(!s.add_file(first, &[1]).unwrap_err().is_other_build());
    // The stamp is in the URLs the page fetches, so a browser's cache keeps the builds apart.
    let renewed = Searcher::new(&new.files["meta.bin"]).unwrap();
    assert_ne!(s.build_stamp(), renewed.build_stamp());
    assert!(
        new.query(query).total > 0,
        "the new build's files read with its meta.bin"
    );
    // The whole index of a small site, likewise.
    let small_old: HashMap<String, Vec<u8>> = search::build_site_index(&docs[..5], &[])
        .into_iter()
        .collect();
    let small_new: HashMap<String, Vec<u8>> = search::build_site_index(&docs[..6], &[])
        .into_iter()
        .collect();
    let mut s = Searcher::new(&small_old["meta.bin"]).unwrap();
    assert!(s
        .add_file("all.bin", &small_new["all.bin"])
        .unwrap_err()
        .is_other_build());
    s.add_file("all.bin", &small_old["all.bin"]).unwrap();
}

fn with_synonyms(docs: &[Document], groups: &[&[&str]]) -> Index {
    let groups: Vec<Vec<String>> = groups
        .iter()
        .map(|g| g.iter().map(|w| w.to_string()).collect())
        .collect();
    Index {
        files: search::build_index_with_synonyms(docs, &groups)
            .into_iter()
            .collect(),
    }
}

#[test]
fn a_synonym_finds_the_editors_word_and_marks_it() {
    let docs = [
        doc(
            "a/",
            "Huisvesting van vergunninghouders",
            "Plan de huisvesting van vergunninghouders met de corporaties.",
        ),
        doc("b/", "Onderhoud", "Schilderwerk aan de gevel."),
    ];
    let plain = Index::new(&docs);
    assert!(
        plain.urls("statushouders").is_empty(),
        "no synonyms: no match"
    );
    let index = with_synonyms(&docs, &[&["Vergunninghouder", "statushouder"]]);
    // Plural, typo and a word still being typed all reach the group.
    for q in [
        "statushouders",
        "statushouder",
        "statushoudres",
        "statushou",
    ] {
        assert_eq!(index.urls(q), ["a/"], "{q}");
    }
    let hit = &index.query("statushouders").hits[0];
    assert!(
        hit.snippet.contains("<mark>vergunninghouders</mark>"),
        "{}",
        hit.snippet
    );
    // The groups work both ways.
    let back = with_synonyms(
        &[doc("c/", "Statushouders", "Tekst.")],
        &[&["vergunninghouder", "statushouder"]],
    );
    assert_eq!(back.urls("vergunninghouder"), ["c/"]);
}

#[test]
fn the_searchers_own_word_ranks_above_its_synonym() {
    let docs = [
        doc(
            "syn/",
            "Afspraken over huisvesting",
            "Met de vergunninghouder.",
        ),
        doc("own/", "Afspraken over huisvesting", "Met de statushouder."),
    ];
    let index = with_synonyms(&docs, &[&["vergunninghouder", "statushouder"]]);
    assert_eq!(index.urls("statushouder"), ["own/", "syn/"]);
    assert_eq!(index.urls("vergunninghouder"), ["syn/", "own/"]);
}

#[test]
fn synonym_groups_keep_single_words_only() {
    let groups = vec![
        vec![
            "Statushouder".to_string(),
            "tijdelijke woning".into(),
            "statushouder".into(),
        ],
        vec![
            "Huurtoeslag".to_string(),
            "huursubsidie".into(),
            "de".into(),
        ],
    ];
    assert_eq!(
        search::normalize_synonyms(&groups),
        [vec!["huurtoeslag".to_string(), "huursubsidie".into()]]
    );
}

#[test]
fn words_of_one_family_find_each_other_below_the_words_own_forms() {
    let docs = [
        doc("agent/", "Intekenen op hervestigers", "Meer regie."),
        doc("noun/", "Hervestiging", "Meer regie."),
        doc("verb/", "Gezinnen", "Wij begeleiden gezinnen."),
        doc("regels/", "Regels", "De regels van de gemeente."),
        doc("vaak/", "Overleg", "Overleg regelmatig met de regio."),
    ];
    let index = Index::new(&docs);
    assert_eq!(index.urls("hervestiging "), ["noun/", "agent/"]);
    assert_eq!(index.urls("hervestigers "), ["agent/", "noun/"]);
    assert_eq!(index.urls("begeleiding "), ["verb/"]);
    // The endings are a closed list: `regelmatig` is no form of `regel`.
    assert_eq!(index.urls("regeling "), ["regels/"]);
    let hit = &index.query("begeleiding ").hits[0];
    assert!(
        hit.snippet.contains("<mark>begeleiden</mark>"),
        "{}",
        hit.snippet
    );
}

fn section(url: &str, title: &str, heading: &str, body: &str) -> Document {
    Document {
        section: heading.into(),
        ..doc(url, title, body)
    }
}

#[test]
fn exact_matches_come_first_and_are_counted_apart_from_loose_ones() {
    let docs = vec![
        doc("a/", "Toeslagen", "Vraag de huurtoeslag op tijd aan."),
        doc("b/", "Zorg", "De zorgtoeslag en de huur- en zorgtoeslag."),
        doc("c/", "Typo", "Een huurtoeslg met een typefout."),
        doc("d/", "Meervoud", "Alle huurtoeslagen samen."),
    ];
    let index = Index::new(&docs);
    let r = index.query("huurtoeslag ");
    // a/ and d/ hold the word (d/ in another form); b/ only as a compound
    // part; c/'s typo is not looked for once the word itself is found.
    assert_eq!(r.exact_total, 2, "{r:?}");
    assert_eq!(r.total, 3, "{r:?}");
    let exact: Vec<(&str, bool)> = r.hits.iter().map(|h| (h.url.as_str(), h.exact)).collect();
    assert_eq!(exact, [("a/", true), ("d/", true), ("b/", false)]);
    assert_eq!(r.suggestion, None);
}

#[test]
fn a_word_in_the_title_ranks_above_the_same_word_in_the_text() {
    let docs = vec![
        doc(
            "a/",
            "Wonen en werken",
            "Leegstandwet leegstandwet leegstandwet: tijdelijke verhuur van leegstand.",
        ),
        doc("b/", "De Leegstandwet", "Tijdelijk verhuren van een pand."),
    ];
    assert_eq!(Index::new(&docs).urls("leegstandwet "), ["b/", "a/"]);
}

#[test]
fn sections_name_their_page_and_are_grouped_under_it() {
    let docs = vec![
        section(
            "stappenplan/",
            "Stappenplan",
            "",
            "Voor gemeenten die willen herverdelen.",
        ),
        section(
            "stappenplan/#uitgangspunt-3",
            "Stappenplan",
            "Uitgangspunt 3: Eenmaal overgedragen, blijft overgedragen",
            "De taakstelling gaat over naar de andere gemeente.",
        ),
        section(
            "stappenplan/#stap-4",
            "Stappenplan",
            "Stap 4: Toezicht door de provincie",
            "Eenmaal overgedragen taakstellingen worden niet meer toegerekend.",
        ),
        doc("p/", "Woningen", "Overgedragen woningen."),
    ];
    let index = Index::new(&docs);
    let r = index.query("overgedragen ");
    let got: Vec<(&str, &str)> = r
        .hits
        .iter()
        .map(|h| (h.url.as_str(), h.section.as_str()))
        .collect();
    // The heading's match first, then the step (a weaker match than the
    // practice's short text), grouped with the other section of its page.
    assert_eq!(
        got,
        [
            (
                "stappenplan/#uitgangspunt-3",
                "Uitgangspunt 3: Eenmaal overgedragen, blijft overgedragen"
            ),
            ("stappenplan/#stap-4", "Stap 4: Toezicht door de provincie"),
            ("p/", ""),
        ],
        "{r:?}"
    );
    assert!(r
        .hits
        .iter()
        .all(|h| h.title != "Stappenplan" || h.url.starts_with("stappenplan/")));
    assert_eq!(
        r.hits[0].link,
        "stappenplan/?markeer=overgedragen#uitgangspunt-3"
    );
    // The page's title belongs to its opening part only.
    assert_eq!(index.urls("stappenplan ")[0], "stappenplan/");
}

#[test]
fn a_result_is_a_page_counted_once_with_its_matching_sections() {
    let mut docs = vec![
        section(
            "stappenplan/",
            "Stappenplan",
            "",
            "Voor gemeenten die herverdelen.",
        ),
        section(
            "stappenplan/#stap-1",
            "Stappenplan",
            "Stap 1: Besluitvorming",
            "Het college besluit over de taakstelling.",
        ),
        section(
            "stappenplan/#stap-2",
            "Stappenplan",
            "Stap 2: Kennisgeving",
            "De gemeenten melden de nieuwe taakstelling aan het COA.",
        ),
        section(
            "stappenplan/#stap-3",
            "Stappenplan",
            "Stap 3: Toetsing",
            "Het COA toetst of de som van de taakstelling klopt.",
        ),
        section(
            "stappenplan/#stap-4",
            "Stappenplan",
            "Stap 4: Toezicht",
            "De provincie rekent de taakstellingen toe.",
        ),
    ];
    for i in 0..12 {
        docs.push(Document {
            tags: vec!["COA".into()],
            ..doc(
                &format!("p{i:02}/"),
                &format!("Praktijk {i}"),
                "De taakstelling van de gemeente.",
            )
        });
    }
    docs[3].tags = vec!["COA".into()];
    let index = Index::new(&docs);
    let (r, _) = index.query_counting("taakstelling", &Filters::default(), 10);
    // 13 pages hold the word: the stappenplan once, however many of its steps do.
    assert_eq!((r.total, r.exact_total), (13, 13), "{r:?}");
    assert_eq!(r.category_counts.iter().map(|(_, n)| n).sum::<usize>(), 13);
    // The first page of results is ten pages; three of the stappenplan's four steps are listed
    // under it, the best first, and its first hit says one more holds the word.
    assert_eq!(r.shown(), 10, "{r:?}");
    let steps: Vec<&Hit> = r
        .hits
        .iter()
        .filter(|h| h.url.starts_with("stappenplan/#"))
        .collect();
    assert_eq!(steps.len(), SECTIONS_PER_PAGE, "{r:?}");
    assert_eq!(
        steps.iter().map(|h| h.more).collect::<Vec<_>>(),
        [1, 0, 0],
        "{r:?}"
    );
    assert_eq!(r.hits.len(), 9 + SECTIONS_PER_PAGE, "{r:?}");
    assert!(r
        .hits
        .iter()
        .all(|h| h.more == 0 || h.url.starts_with("stappenplan/")));
    // One page asked for is the whole page: all three steps.
    let (one, _) = index.query_counting("toetst taakstelling", &Filters::default(), 1);
    assert_eq!(one.shown(), 1, "{one:?}");
    assert_eq!(one.hits[0].url, "stappenplan/#stap-3");
    // A page matched exactly lists its exact parts only: the other steps hold one word of two.
    assert_eq!(one.hits.len(), 1, "{one:?}");
    assert_eq!(one.hits[0].more, 0, "{one:?}");
    // Tag counts count pages too: twelve practices and the stappenplan (one tagged step).
    let tagged = Filters {
        tag: Some("COA".into()),
        ..Filters::default()
    };
    let (r, _) = index.query_counting("taakstelling", &tagged, 10);
    assert_eq!(r.total, 13, "{r:?}");
    assert_eq!(r.tag_counts, [("COA".to_string(), 13)], "{r:?}");
}

#[test]
fn without_an_exact_match_a_typo_neighbour_is_suggested() {
    let docs = vec![
        doc("a/", "Huurtoeslag", "De huurtoeslag en de huurtoeslag."),
        doc("b/", "Gemeente", "Een gemeente met huurtoeslag."),
    ];
    let index = Index::new(&docs);
    let r = index.query("gemeenet ");
    assert_eq!(r.exact_total, 0);
    assert_eq!(r.suggestion.as_deref(), Some("gemeente"));
    let r = index.query("huurtoeslaggemeente ");
    assert_eq!(
        r.suggestion.as_deref(),
        Some("huurtoeslag gemeente"),
        "{r:?}"
    );
    assert_eq!(index.query("gemeente ").suggestion, None);
    // The rest of the query stays as typed: stop words, capitals, accents, punctuation.
    let r = index.query("De Gemeenet en Huurtoeslag, één");
    assert_eq!(
        r.suggestion.as_deref(),
        Some("De Gemeente en Huurtoeslag, één"),
        "{r:?}"
    );
}

/// "Bedoelde u" shows a word as the texts write it: `financiën`, not the index's folded
/// `financien`; small where the texts write it small (a title's capital is not kept), a name
/// with its capital.
#[test]
fn a_suggestion_is_written_as_the_texts_write_it() {
    let docs = vec![
        doc(
            "a/",
            "Financiën op orde",
            "De financiën van het gezin en de financiën van de gemeente.",
        ),
        doc(
            "b/",
            "Verhuiscoördinator",
            "Een verhuiscoördinator helpt bij de verhuizing.",
        ),
        doc(
            "c/",
            "Eilanden",
            "Op de Waddeneilanden en in Rozendaal gaat het anders.",
        ),
    ];
    let index = Index::new(&docs);
    for (typed, shown) in [
        ("finnanciën ", "financiën"),
        ("finnancien ", "financiën"),
        ("verhuiscoordinatr ", "verhuiscoördinator"),
        ("Verhuiscoordinatr ", "Verhuiscoördinator"),
        ("waddeneilandn ", "Waddeneilanden"),
    ] {
        let r = index.query(typed);
        assert_eq!(r.exact_total, 0, "{typed:?}");
        assert_eq!(r.suggestion.as_deref(), Some(shown), "{typed:?}: {r:?}");
    }
}

#[test]
fn two_words_typed_apart_find_the_word_written_as_one() {
    // Staff type a compound as two words: `woning corporatie`, `leegstand wet`. The document
    // with the compound holds what they mean, so it is an exact match, and ranks above one
    // with the two words far apart.
    let docs = vec![
        doc(
            "apart/",
            "Woningvoorraad",
            "Elke woning telt. De corporatie deelt haar cijfers.",
        ),
        doc(
            "samen/",
            "Prestatieafspraken",
            "Maak afspraken met woningcorporaties over vergunninghouders.",
        ),
        doc("wet/", "Mogelijkheden", "De Leegstandwet biedt ruimte."),
        doc("ander/", "Iets anders", "Geen van deze woorden."),
    ];
    let index = Index::new(&docs);
    for q in ["woning corporatie", "woning corporatie ", "woning corp"] {
        let r = index.query(q);
        let urls: Vec<&str> = r.hits.iter().map(|h| h.url.as_str()).collect();
        assert_eq!(urls, ["samen/", "apart/"], "{q:?}");
        assert_eq!(r.exact_total, 2, "{q:?}");
        assert!(
            r.hits[0].snippet.contains("<mark>woningcorporaties</mark>"),
            "{q:?}: {}",
            r.hits[0].snippet
        );
    }
    let r = index.query("leegstand wet ");
    assert_eq!(r.exact_total, 1);
    assert_eq!(r.hits[0].url, "wet/");
    // Only words typed one after the other: a dropped stop word between them keeps them apart.
    assert_eq!(index.query("leegstand de wet ").exact_total, 0);
}
