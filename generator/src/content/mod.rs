//! Loading `content/`: reading files (the only I/O here) and handing their text to the parsers.

pub mod frontmatter;
pub mod lint;
pub mod practice;
pub mod schema;
pub mod settings;
pub mod stappenplan;
pub mod synonyms;
pub mod yaml;
pub mod yaml_mistakes;

use crate::diagnostics::{display_path, suggest, Diagnostic};
use crate::model::{Content, Practice, Settings};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub const PRACTICES_DIR: &str = "content/praktijken";

/// Reads a file as UTF-8; a non-UTF-8 file is reported at the line of its first bad byte.
pub fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let shown = display_path(root, path);
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            "unreadable-file",
            shown.clone(),
            format!("cannot read the file: {e}"),
        )
        .hint("check that the file exists and can be read")
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..valid];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = valid - before.iter().rposition(|b| *b == b'\n').map(|p| p + 1).unwrap_or(0) + 1;
        Diagnostic::error("not-utf8", shown, "the file is not valid UTF-8 text")
            .at(line, column)
            .hint("save the file with UTF-8 encoding (in most editors: \"Save with encoding\" → UTF-8)")
    })
}

/// Loads and checks all content. `None` when an error makes building impossible; the
/// diagnostics hold every problem found, errors and warnings.
pub fn load(root: &Path) -> (Option<Content>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let settings = load_file(root, settings::PATH, settings::parse, &mut diags);
    let stappenplan = load_file(root, stappenplan::PATH, stappenplan::parse, &mut diags);
    // Optional: without the file, the search has no synonyms.
    let synonyms = if root.join(synonyms::PATH).exists() {
        load_file(root, synonyms::PATH, synonyms::parse, &mut diags)
    } else {
        Some(Vec::new())
    };
    let Some(settings) = settings else {
        return (None, diags);
    };
    let (practices, d) = load_practices(root, &settings);
    diags.extend(d);
    diags.extend(stray_markdown(root, &settings));
    let content = stappenplan.map(|stappenplan| Content {
        settings,
        practices,
        stappenplan,
        synonyms: synonyms.unwrap_or_default(),
    });
    if let Some(content) = &content {
        diags.extend(crate::validate::validate(content));
        diags.extend(lint::tag_variants(&content.practices));
        diags.extend(lint::alias_clashes(&content.practices));
    }
    crate::diagnostics::sort(&mut diags);
    let ok = !diags.iter().any(Diagnostic::is_error);
    (content.filter(|_| ok), diags)
}

/// Reads the file at `rel` (relative to `root`) and parses it; its problems go to `diags`.
fn load_file<T>(
    root: &Path,
    rel: &str,
    parse: fn(&str) -> (Option<T>, Vec<Diagnostic>),
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    match read_text(root, &root.join(rel)) {
        Ok(text) => {
            let (parsed, d) = parse(&text);
            diags.extend(d);
            parsed
        }
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

/// Finds the practice files, then reads and parses them in parallel.
pub fn load_practices(root: &Path, settings: &Settings) -> (Vec<Practice>, Vec<Diagnostic>) {
    let dir = root.join(PRACTICES_DIR);
    let mut diags = Vec::new();
    let slugs: Vec<&str> = settings
        .categories
        .iter()
        .map(|c| c.slug.as_str())
        .collect();
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    if !dir.is_dir() {
        diags.push(
            Diagnostic::error(
                "missing-folder",
                PRACTICES_DIR,
                "the folder with practices does not exist",
            )
            .hint(format!(
                "create `{PRACTICES_DIR}/<category>/` with one folder per category: {}",
                slugs.join(", ")
            )),
        );
        return (Vec::new(), diags);
    }
    let walker = walkdir::WalkDir::new(&dir).min_depth(1).sort_by_file_name();
    for entry in walker
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let shown = e
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_else(|| PRACTICES_DIR.into());
                diags.push(Diagnostic::error(
                    "unreadable-file",
                    shown,
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        let shown = display_path(root, entry.path());
        let is_dir = entry.file_type().is_dir();
        match entry.depth() {
            1 if is_dir => {
                let name = entry.file_name().to_string_lossy();
                if !slugs.contains(&name.as_ref()) {
                    let hint = match suggest(&name, &slugs) {
                        Some(s) => format!("did you mean `{s}`? Known categories: {}", slugs.join(", ")),
                        None => format!("move its files into one of the category folders ({}), or add the category to content/site.yaml", slugs.join(", ")),
                    };
                    diags.push(
                        Diagnostic::error(
                            "unknown-category",
                            shown,
                            format!("`{name}` is not a category"),
                        )
                        .hint(hint),
                    );
                }
            }
            1 => diags.push(
                Diagnostic::error(
                    "outside-category",
                    shown,
                    "a practice must be inside a category folder",
                )
                .hint(format!(
                    "move the file into one of: {}",
                    slugs
                        .iter()
                        .map(|s| format!("{PRACTICES_DIR}/{s}/"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            ),
            2 if !is_dir => {
                let category = entry
                    .path()
                    .parent()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if !slugs.contains(&category.as_str()) {
                    continue; // reported once for the folder
                }
                if entry.path().extension().is_some_and(|e| e == "md") {
                    files.push((category, entry.into_path()));
                } else {
                    diags.push(
                        Diagnostic::warning(
                            "ignored-file",
                            shown,
                            "this file is not a practice and is ignored",
                        )
                        .hint("practice files end in `.md`"),
                    );
                }
            }
            _ => diags.push(
                Diagnostic::error(
                    "nested-folder",
                    shown,
                    "folders inside a category folder are not read",
                )
                .hint("put practice files directly in the category folder"),
            ),
        }
    }
    let parsed: Vec<(Option<Practice>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|(category, path)| {
            let shown = display_path(root, path);
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            match read_text(root, path) {
                Ok(text) => practice::parse(&shown, category, &id, &text),
                Err(d) => (None, vec![d]),
            }
        })
        .collect();
    let mut practices = Vec::with_capacity(parsed.len());
    for (p, d) in parsed {
        practices.extend(p);
        diags.extend(d);
    }
    sort_practices(&mut practices, settings);
    (practices, diags)
}

/// `.md` files in `content/` but not under `content/praktijken/`: an editor put a practice in the
/// wrong folder, and it would not be published.
pub fn stray_markdown(root: &Path, settings: &Settings) -> Vec<Diagnostic> {
    let content = root.join("content");
    let practices = root.join(PRACTICES_DIR);
    let folders: Vec<String> = settings
        .categories
        .iter()
        .map(|c| format!("{PRACTICES_DIR}/{}/", c.slug))
        .collect();
    walkdir::WalkDir::new(&content)
        .min_depth(1)
        .max_depth(4)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            !e.file_name().to_string_lossy().starts_with('.') && e.path() != practices
        })
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            Diagnostic::warning(
                "stray-markdown",
                display_path(root, e.path()),
                "dit .md-bestand staat niet in een categoriemap en wordt niet gepubliceerd",
            )
            .hint(format!(
                "verplaats het naar een van: {}",
                folders.join(", ")
            ))
        })
        .collect()
}

/// Category order, then `order` (practices without one come last), then date added, then id.
pub fn sort_practices(practices: &mut [Practice], settings: &Settings) {
    let rank = |slug: &str| {
        settings
            .categories
            .iter()
            .position(|c| c.slug == slug)
            .unwrap_or(usize::MAX)
    };
    practices.sort_by(|a, b| {
        (
            rank(&a.category),
            a.order.unwrap_or(i64::MAX),
            a.added,
            &a.id,
        )
            .cmp(&(
                rank(&b.category),
                b.order.unwrap_or(i64::MAX),
                b.added,
                &b.id,
            ))
    });
}
