//! `kennisbank search QUERY`: answers a query from the search index of the
//! built site, with the same engine (crate `search`) the search page runs as
//! WebAssembly, so the command shows what a visitor would see.

use super::Exit;
use std::io::Write;
use std::path::{Path, PathBuf};

use search::searcher::page_url;
use search::{search_dir, Filters, Hit, Results, SearchError};

pub use crate::search_index::INDEX_DIR;

/// Runs a search over `<out>/zoeken/index/` (`out` relative to `root` unless
/// absolute) and prints the best `limit` results: as a JSON array of
/// `{"url", "link", "title", "section", "exact", "category", "score", "snippet"}`
/// with `json` (`url` ends in the section's anchor), else as a numbered list of
/// pages with their matching sections under them. Fails (exit code 2) when the
/// index is missing or damaged; no match is a success.
pub fn run(
    root: &Path,
    out: &Path,
    query: &str,
    filters: &Filters,
    json: bool,
    limit: usize,
) -> Exit {
    let out: PathBuf = if out.is_relative() {
        root.join(out)
    } else {
        out.to_path_buf()
    };
    let dir = out.join(INDEX_DIR);
    if !query.chars().any(char::is_alphanumeric) {
        eprintln!(
            "{}: {}",
            crate::msg!("label-error"),
            crate::msg!("search-no-words")
        );
        return Exit::Failed;
    }
    let filters = match known_filters(&dir, filters) {
        Ok(f) => f,
        Err(message) => {
            eprintln!("{}: {message}", crate::msg!("label-error"));
            return Exit::Failed;
        }
    };
    let results = match search_dir(&dir, query, &filters, limit) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}: {}", crate::msg!("label-error"), error_message(&e));
            return Exit::Failed;
        }
    };
    let text = if json {
        render_json(&results.hits)
    } else {
        render_human(query, &results)
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not worth a panic or an error code.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    Exit::Success
}

/// The filters as the built site writes them: a tag given in other capitals, without its
/// accents or as its address (`woningcorporaties`, `Woningcorporaties`, the slug of a tag page)
/// is the site's tag. A category or tag the site does not have is an error that names the ones
/// it has: a mistyped slug would otherwise read as "no results". The filters are kept as given
/// when the index cannot be read (the search then says why).
fn known_filters(dir: &Path, filters: &Filters) -> Result<Filters, crate::messages::Message> {
    if filters.category.is_none() && filters.tag.is_none() {
        return Ok(filters.clone());
    }
    let Some(searcher) = std::fs::read(dir.join(search::format::META_FILE))
        .ok()
        .and_then(|bytes| search::Searcher::new(&bytes).ok())
    else {
        return Ok(filters.clone());
    };
    let meta = searcher.meta();
    let mut known = filters.clone();
    if let Some(category) = &filters.category {
        let wanted = crate::text::slugify(category);
        let Some(c) = meta
            .categories
            .iter()
            .find(|c| &c.slug == category || c.slug == wanted)
        else {
            let slugs: Vec<&str> = meta.categories.iter().map(|c| c.slug.as_str()).collect();
            return Err(crate::msg!(
                "search-unknown-category",
                category = textkit::hidden::visible(category),
                categories = slugs.join(", ")
            ));
        };
        known.category = Some(c.slug.clone());
    }
    if let Some(tag) = &filters.tag {
        let wanted = crate::text::slugify(tag);
        let Some(t) = meta.tags.iter().find(|t| &t.name == tag).or_else(|| {
            meta.tags
                .iter()
                .find(|t| crate::text::slugify(&t.name) == wanted)
        }) else {
            let names: Vec<&str> = meta.tags.iter().map(|t| t.name.as_str()).collect();
            return Err(crate::msg!(
                "search-unknown-tag",
                tag = textkit::hidden::visible(tag),
                tags = names.join(", ")
            ));
        };
        known.tag = Some(t.name.clone());
    }
    Ok(known)
}

/// The hits as a JSON array, best first.
pub fn render_json(hits: &[Hit]) -> String {
    let items: Vec<serde_json::Value> = hits
        .iter()
        .map(|h| {
            serde_json::json!({
                "url": h.url,
                "link": h.link,
                "title": h.title,
                "section": h.section,
                "exact": h.exact,
                "category": h.category,
                "score": h.score,
                "snippet": h.snippet,
                "more": h.more,
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}

/// What went wrong, in the reader's language, with what to do.
fn error_message(e: &SearchError) -> crate::messages::Message {
    match e {
        SearchError::MissingIndex { dir } => {
            crate::msg!("search-no-index", dir = dir.display().to_string())
        }
        SearchError::Corrupt { path, source } => crate::msg!(
            "search-damaged",
            path = path.display().to_string(),
            detail = source.to_string()
        ),
        // A file the index names is gone: the index is incomplete (a copy that left files out).
        SearchError::Io { path, source } if source.kind() == std::io::ErrorKind::NotFound => {
            crate::msg!("search-incomplete", path = path.display().to_string())
        }
        SearchError::Io { path, source } => crate::msg!(
            "search-unreadable",
            path = path.display().to_string(),
            detail = crate::messages::io_detail(source)
        ),
    }
}

/// The hits as a numbered list of pages for people, a page's matching sections
/// under it (`› heading`); matches in snippets in `[…]`. The count says how many
/// matched the words themselves and how many only a related word.
pub fn render_human(query: &str, results: &Results) -> String {
    // The query and the texts may hold control characters that a terminal would obey.
    crate::text::escape_controls(&render_human_raw(query, results), &['\n'])
}

fn render_human_raw(query: &str, results: &Results) -> String {
    // Named back in the count: a pasted page of text is shown by its start.
    let trimmed = query.trim();
    let query = match trimmed.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &trimmed[..at]),
        None => trimmed.to_string(),
    };
    // Written out (`<U+202E>`), as in the site's other messages: a direction override would turn
    // the rest of the line around, a zero-width space would hide why a word was not found.
    let query = textkit::hidden::visible(&query);
    let query = query.as_str();
    let hits = &results.hits;
    let mut s = String::new();
    if let Some(suggestion) = &results.suggestion {
        let line = crate::msg!("search-did-you-mean", suggestion = suggestion.as_str());
        s.push_str(&format!("{line}\n"));
    }
    if hits.is_empty() {
        let none = if results.only_common_words {
            crate::msg!("search-only-common-words", query = query)
        } else {
            crate::msg!("search-none", query = query)
        };
        s.push_str(&format!("{none}\n"));
        return s;
    }
    let total = results.total;
    let exact = results.exact_total;
    let count = if exact == total {
        crate::msg!("search-count", total = total, query = query)
    } else if exact == 0 {
        crate::msg!("search-count-related-only", query = query, related = total)
    } else {
        crate::msg!(
            "search-count-exact-then-related",
            exact = exact,
            query = query,
            related = total - exact
        )
    };
    s.push_str(&count.to_string());
    if total > results.shown() {
        s.push_str(&format!(
            " {}",
            crate::msg!("search-showing", shown = results.shown())
        ));
    }
    s.push_str(":\n");
    let mut number = 0;
    let mut page: Option<&str> = None;
    // Matching parts of the page before that are not listed (on its first hit).
    let mut more = 0;
    let more_line = |s: &mut String, more: usize| {
        if more > 0 {
            s.push_str(&format!(
                "    {}\n",
                crate::msg!("search-more-sections", more = more)
            ));
        }
    };
    for h in hits.iter() {
        let this_page = page_url(&h.url);
        if page != Some(this_page) {
            more_line(&mut s, std::mem::replace(&mut more, h.more));
            page = Some(this_page);
            number += 1;
            s.push_str(&format!("\n{number:>2}. {}\n", h.title));
            s.push_str(&format!("    {} · {}\n", h.category_title, this_page));
        }
        let indent = if h.section.is_empty() {
            "    "
        } else {
            s.push_str(&format!("    › {} · {}\n", h.section, h.url));
            "      "
        };
        if !h.snippet.is_empty() {
            s.push_str(&format!("{indent}{}\n", snippet_as_text(&h.snippet)));
        }
    }
    more_line(&mut s, more);
    s
}

/// Turns a snippet's HTML (escaped text and `<mark>`) into plain text.
pub fn snippet_as_text(html: &str) -> String {
    html.replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use search::{build_index, Document};

    fn write_index(out: &Path) {
        let docs = vec![
            Document {
                url: "praktijken/algemeen/leegstandwet/".into(),
                title: "Leegstandwet".into(),
                category: "algemeen".into(),
                category_title: "Algemeen".into(),
                tags: vec![],
                summary: "Tijdelijke verhuur van leegstaande gebouwen.".into(),
                body: "Onderzoek de mogelijkheden van de Leegstandwet & slooppanden.".into(),
                section: String::new(),
            },
            Document {
                url: "praktijken/medisch/melden/".into(),
                title: "Woning melden".into(),
                category: "medisch".into(),
                category_title: "Medisch".into(),
                summary: String::new(),
                body: "Meld een aangepaste woning bij de regievoerder van het COA.".into(),
                tags: vec!["Woningcorporaties".into()],
                section: String::new(),
            },
        ];
        let dir = out.join(INDEX_DIR);
        for (rel, bytes) in build_index(&docs) {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
    }

    #[test]
    fn missing_index_exits_with_2() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(
            run(
                tmp.path(),
                Path::new("public"),
                "woning",
                &Filters::default(),
                false,
                10
            )
            .code(),
            2
        );
    }

    #[test]
    fn a_missing_index_file_says_the_index_is_incomplete_and_how_to_mend_it() {
        let tmp = tempfile::tempdir().unwrap();
        write_index(&tmp.path().join("public"));
        let dir = tmp.path().join("public").join(INDEX_DIR);
        // Every file but meta.bin left out, as a copy that skipped them would.
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().unwrap() != "meta.bin" {
                if path.is_dir() {
                    std::fs::remove_dir_all(path).unwrap();
                } else {
                    std::fs::remove_file(path).unwrap();
                }
            }
        }
        let e = search_dir(&dir, "woning", &Filters::default(), 10).unwrap_err();
        let text = error_message(&e).to_string();
        assert!(text.contains("niet compleet"), "{text}");
        assert!(
            text.contains("voer `kennisbank build` opnieuw uit"),
            "{text}"
        );
    }

    #[test]
    fn damaged_index_exits_with_2() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("public").join(INDEX_DIR);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("meta.bin"), b"not an index").unwrap();
        assert_eq!(
            run(
                tmp.path(),
                Path::new("public"),
                "woning",
                &Filters::default(),
                true,
                10
            )
            .code(),
            2
        );
    }

    #[test]
    fn finds_results_in_the_built_index() {
        let tmp = tempfile::tempdir().unwrap();
        write_index(&tmp.path().join("public"));
        assert_eq!(
            run(
                tmp.path(),
                Path::new("public"),
                "leegstandswet",
                &Filters::default(),
                true,
                10
            )
            .code(),
            0
        );
        let dir = tmp.path().join("public").join(INDEX_DIR);
        let r = search_dir(&dir, "leegstandswet", &Filters::default(), 10).unwrap();
        assert_eq!(r.hits[0].url, "praktijken/algemeen/leegstandwet/");
        let json: serde_json::Value = serde_json::from_str(&render_json(&r.hits)).unwrap();
        assert_eq!(json[0]["url"], "praktijken/algemeen/leegstandwet/");
        assert_eq!(json[0]["category"], "algemeen");
        assert!(json[0]["snippet"]
            .as_str()
            .unwrap()
            .contains("<mark>Leegstandwet</mark>"));
        let human = render_human("leegstandswet", &r);
        assert!(human.contains(" 1. Leegstandwet\n"), "{human}");
        assert!(
            human.contains("Algemeen · praktijken/algemeen/leegstandwet/"),
            "{human}"
        );
        assert!(human.contains("[Leegstandwet] & slooppanden"), "{human}");
    }

    #[test]
    fn an_unknown_category_or_tag_is_an_error_that_names_the_known_ones() {
        let tmp = tempfile::tempdir().unwrap();
        write_index(&tmp.path().join("public"));
        let dir = tmp.path().join("public").join(INDEX_DIR);
        let search = |category: Option<&str>, tag: Option<&str>| {
            let filters = Filters {
                category: category.map(str::to_string),
                tag: tag.map(str::to_string),
            };
            let exit = run(
                tmp.path(),
                Path::new("public"),
                "woning",
                &filters,
                false,
                10,
            );
            let message = known_filters(&dir, &filters).err().map(|m| m.to_string());
            (exit.code(), message)
        };
        // A mistyped slug: not "no results", but what the site has.
        let (code, message) = search(Some("medish"), None);
        assert_eq!(code, 2);
        let message = message.unwrap();
        assert!(
            message.contains("medish") && message.contains("algemeen, medisch"),
            "{message}"
        );
        let (code, message) = search(None, Some("\u{202E}coa"));
        assert_eq!(code, 2);
        assert!(message.unwrap().contains("<U+202E>coa"));
        assert_eq!(search(Some("medisch"), None), (0, None));
        assert_eq!(search(None, None), (0, None));
    }

    /// A tag as the reader saw it on the site: in other capitals, or as its page's address.
    #[test]
    fn a_tag_or_category_is_found_in_other_capitals_or_as_its_address() {
        let tmp = tempfile::tempdir().unwrap();
        write_index(&tmp.path().join("public"));
        let dir = tmp.path().join("public").join(INDEX_DIR);
        for given in [
            "Woningcorporaties",
            "woningcorporaties",
            "WONINGCORPORATIES",
        ] {
            let filters = Filters {
                category: None,
                tag: Some(given.into()),
            };
            let known = known_filters(&dir, &filters).unwrap();
            assert_eq!(known.tag.as_deref(), Some("Woningcorporaties"), "{given}");
            let results = search_dir(&dir, "woning", &known, 10).unwrap();
            assert_eq!(results.hits.len(), 1, "{given}");
        }
        let filters = Filters {
            category: Some("Medisch".into()),
            tag: None,
        };
        assert_eq!(
            known_filters(&dir, &filters).unwrap().category.as_deref(),
            Some("medisch")
        );
    }

    #[test]
    fn a_query_without_words_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        write_index(&tmp.path().join("public"));
        for query in ["", "   ", "?!…", "\u{200B}"] {
            let exit = run(
                tmp.path(),
                Path::new("public"),
                query,
                &Filters::default(),
                false,
                10,
            );
            assert_eq!(exit.code(), 2, "{query:?}");
        }
        let exit = run(
            tmp.path(),
            Path::new("public"),
            "COA",
            &Filters::default(),
            false,
            10,
        );
        assert_eq!(exit.code(), 0);
    }

    #[test]
    fn a_long_query_is_named_by_its_start() {
        let long = "woning ".repeat(20_000);
        let text = render_human(&long, &Results::default());
        assert!(text.len() < 200, "{}", text.len());
        assert!(text.contains("woning woning"), "{text}");
        assert!(text.contains("…’"), "{text}");
    }

    #[test]
    fn a_hidden_character_in_the_query_is_written_out() {
        // A direction override would turn the rest of the line around in a terminal that
        // follows it; a zero-width space would hide why the words were not found.
        assert_eq!(
            render_human("\u{202E}huur\u{200B}toeslag", &Results::default()),
            "Geen resultaten voor ‘<U+202E>huur<U+200B>toeslag’.\n"
        );
    }

    #[test]
    fn no_results_is_said_plainly() {
        assert_eq!(
            render_human(" xyz ", &Results::default()),
            "Geen resultaten voor ‘xyz’.\n"
        );
        assert_eq!(render_json(&[]), "[]\n");
    }

    #[test]
    fn a_query_of_only_common_words_says_why_nothing_is_found() {
        let r = Results {
            only_common_words: true,
            ..Results::default()
        };
        let text = render_human("wat is het", &r);
        assert!(
            text.starts_with(
                "Geen resultaten voor ‘wat is het’: de kennisbank zoekt niet op woorden"
            ),
            "{text}"
        );
    }

    fn hit(url: &str, section: &str) -> search::Hit {
        search::Hit {
            url: url.into(),
            title: "A".into(),
            section: section.into(),
            exact: false,
            marks: Vec::new(),
            link: url.into(),
            category: String::new(),
            category_title: String::new(),
            score: 1.0,
            snippet: String::new(),
            more: 0,
        }
    }

    #[test]
    fn a_page_is_one_result_with_its_sections_and_the_parts_not_listed_counted() {
        let mut first = hit("/s/", "");
        first.more = 4;
        let r = Results {
            total: 2,
            exact_total: 2,
            hits: vec![first, hit("/s/#stap-1", "Stap 1"), hit("/b/", "")],
            ..Results::default()
        };
        let text = render_human("xyz", &r);
        assert!(text.starts_with("2 resultaten voor ‘xyz’:\n"), "{text}");
        assert_eq!(
            text.matches("\n 1. ").count() + text.matches("\n 2. ").count(),
            2,
            "{text}"
        );
        let more = text
            .find("    … en 4 andere delen van deze pagina\n")
            .expect(&text);
        assert!(
            text.find("/s/#stap-1").unwrap() < more && more < text.find(" 2. ").unwrap(),
            "{text}"
        );
    }

    #[test]
    fn related_results_are_counted_as_the_page_counts_them() {
        let counted = |total: usize, exact_total| {
            let r = Results {
                total,
                exact_total,
                hits: (0..total).map(|i| hit(&format!("/{i}/"), "")).collect(),
                ..Results::default()
            };
            render_human("xyz", &r).lines().next().unwrap().to_string()
        };
        assert_eq!(
            counted(1, 0),
            "Geen resultaten met ‘xyz’; 1 verwant resultaat:"
        );
        assert_eq!(
            counted(3, 0),
            "Geen resultaten met ‘xyz’; 3 verwante resultaten:"
        );
        assert_eq!(counted(3, 2), "2 resultaten met ‘xyz’, daarna 1 verwant:");
        assert_eq!(counted(4, 2), "2 resultaten met ‘xyz’, daarna 2 verwante:");
    }
}
