//! `kennisbank search QUERY`: answers a query from the search index of the
//! built site, with the same engine (crate `search`) the search page runs as
//! WebAssembly, so the command shows what a visitor would see.

use super::Exit;
use std::io::Write;
use std::path::{Path, PathBuf};

use search::{search_dir, Filters, Hit, SearchError};

pub use crate::search_index::INDEX_DIR;

/// Runs a search over `<out>/zoeken/index/` (`out` relative to `root` unless
/// absolute) and prints the best `limit` results: as a JSON array of
/// `{"url", "title", "category", "score", "snippet"}` with `json`, else as a
/// numbered list. Fails (exit code 2) when the index is missing or damaged;
/// no match is a success.
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
    let results = match search_dir(&dir, query, filters, limit) {
        Ok(r) => r,
        Err(e @ SearchError::MissingIndex { .. }) => {
            eprintln!("error: {e}; run `kennisbank build` first");
            return Exit::Failed;
        }
        Err(e @ SearchError::Corrupt { .. }) => {
            eprintln!("error: {e}; run `kennisbank build` again");
            return Exit::Failed;
        }
        Err(e) => {
            eprintln!("error: {e}");
            return Exit::Failed;
        }
    };
    let text = if json {
        render_json(&results.hits)
    } else {
        render_human(query, results.total, &results.hits)
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not worth a panic or an error code.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    Exit::Success
}

/// The hits as a JSON array, best first.
pub fn render_json(hits: &[Hit]) -> String {
    let items: Vec<serde_json::Value> = hits
        .iter()
        .map(|h| {
            serde_json::json!({
                "url": h.url,
                "title": h.title,
                "category": h.category,
                "score": h.score,
                "snippet": h.snippet,
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}

/// The hits as a numbered list for people; matches in snippets in `[…]`.
pub fn render_human(query: &str, total: usize, hits: &[Hit]) -> String {
    if hits.is_empty() {
        return format!("No results for \"{}\".\n", query.trim());
    }
    let mut s = format!(
        "{} result{} for \"{}\"{}:\n",
        total,
        if total == 1 { "" } else { "s" },
        query.trim(),
        if total > hits.len() {
            format!(" (showing {})", hits.len())
        } else {
            String::new()
        }
    );
    for (i, h) in hits.iter().enumerate() {
        s.push_str(&format!("\n{:>2}. {}\n", i + 1, h.title));
        s.push_str(&format!("    {} · {}\n", h.category_title, h.url));
        if !h.snippet.is_empty() {
            s.push_str(&format!("    {}\n", snippet_as_text(&h.snippet)));
        }
    }
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
            },
            Document {
                url: "praktijken/medisch/melden/".into(),
                title: "Woning melden".into(),
                category: "medisch".into(),
                category_title: "Medisch".into(),
                tags: vec![],
                summary: String::new(),
                body: "Meld een aangepaste woning bij de regievoerder van het COA.".into(),
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
        let human = render_human("leegstandswet", r.total, &r.hits);
        assert!(human.contains(" 1. Leegstandwet\n"), "{human}");
        assert!(
            human.contains("Algemeen · praktijken/algemeen/leegstandwet/"),
            "{human}"
        );
        assert!(human.contains("[Leegstandwet] & slooppanden"), "{human}");
    }

    #[test]
    fn no_results_is_said_plainly() {
        assert_eq!(render_human(" xyz ", 0, &[]), "No results for \"xyz\".\n");
        assert_eq!(render_json(&[]), "[]\n");
    }
}
