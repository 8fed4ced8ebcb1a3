//! Loading `content/`: reading files (the only I/O here) and handing their text to the parsers.

pub mod frontmatter;
pub mod hidden;
pub mod lint;
pub mod practice;
pub mod schema;
pub mod settings;
pub mod stappenplan;
pub mod synonyms;
pub mod yaml;
pub mod yaml_mistakes;

use crate::codes::Code;
use crate::diagnostics::{display_path, suggest, Diagnostic};
use crate::model::{Content, Practice, Settings};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub const PRACTICES_DIR: &str = "content/praktijken";

// Reading a file of the project (symbolic links, size, byte order mark, UTF-8) is
// `crate::source`'s; these names stay for the callers in `content/`.
pub use crate::source::{read_text, symlink_below, symlink_error, MAX_FILE_BYTES};

/// Loads all content: reads and parses every file, without the checks across files (those are
/// [`crate::validate`], the next stage). `None` when the settings or the stappenplan cannot be
/// used; else the content holds every practice that parsed, and the diagnostics hold every
/// problem found, errors and warnings: check them before building.
pub fn load(root: &Path) -> (Option<Content>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut texts = Vec::new();
    let settings = load_file(
        root,
        settings::PATH,
        settings::parse,
        &mut diags,
        &mut texts,
    );
    let stappenplan = load_file(
        root,
        stappenplan::PATH,
        stappenplan::parse,
        &mut diags,
        &mut texts,
    );
    // Optional: without the file, the search has no synonyms.
    let synonyms = if std::fs::symlink_metadata(root.join(synonyms::PATH)).is_ok() {
        load_file(
            root,
            synonyms::PATH,
            synonyms::parse,
            &mut diags,
            &mut texts,
        )
    } else {
        Some(Vec::new())
    };
    let Some(settings) = settings else {
        return (None, diags);
    };
    let (practices, d) = load_practices(root, &settings);
    let unread_practices = unread_ids(&d);
    diags.extend(d);
    diags.extend(stray_markdown(root, &settings));
    let content = stappenplan.map(|stappenplan| Content {
        settings,
        practices,
        stappenplan,
        synonyms: synonyms.unwrap_or_default(),
        search_pages: Vec::new(),
        theme_ids: Default::default(),
        source_texts: texts,
        unread_practices,
    });
    crate::diagnostics::sort(&mut diags);
    (content, diags)
}

/// Reads the file at `rel` (relative to `root`) and parses it; its problems go to `diags`, its
/// text to `texts`.
fn load_file<T>(
    root: &Path,
    rel: &str,
    parse: fn(&str) -> (Option<T>, Vec<Diagnostic>),
    diags: &mut Vec<Diagnostic>,
    texts: &mut Vec<(String, String)>,
) -> Option<T> {
    match read_text(root, &root.join(rel)) {
        Ok(text) => {
            let (parsed, d) = parse(&text);
            diags.extend(d);
            texts.push((rel.to_string(), text));
            parsed
        }
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

/// What an entry below [`PRACTICES_DIR`] is under the folder rules: practices are `.md` files
/// directly inside a category folder.
#[derive(Debug, PartialEq, Eq)]
pub enum PracticeEntry<'a> {
    /// A folder directly below the practices folder: a category when `known`.
    CategoryFolder { slug: &'a str, known: bool },
    /// A file directly below the practices folder, outside every category.
    OutsideCategory,
    /// A practice file: `<category>/<id>.md`.
    Practice { category: &'a str, id: &'a str },
    /// Another file in a category folder: ignored, with a warning.
    Ignored,
    /// A file in a folder that is not a category (reported once, for the folder).
    InUnknownCategory,
    /// Anything deeper: folders inside a category folder are not read.
    Nested,
}

/// The folder rules for `rel`, a path below [`PRACTICES_DIR`] with `/` separators, given
/// whether it is a folder and the category slugs.
pub fn practice_entry<'a>(rel: &'a str, is_dir: bool, slugs: &[&str]) -> PracticeEntry<'a> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        [slug] if is_dir => PracticeEntry::CategoryFolder {
            slug,
            known: slugs.contains(slug),
        },
        [_] => PracticeEntry::OutsideCategory,
        [category, file] if !is_dir => {
            if !slugs.contains(category) {
                return PracticeEntry::InUnknownCategory;
            }
            match file.strip_suffix(".md") {
                Some(id) => PracticeEntry::Practice { category, id },
                None => PracticeEntry::Ignored,
            }
        }
        _ => PracticeEntry::Nested,
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
    if let Some(link) = symlink_below(root, &dir) {
        diags.push(symlink_error(root, &link));
        return (Vec::new(), diags);
    }
    if !dir.is_dir() {
        diags.push(
            Diagnostic::error(
                Code::MissingFolder,
                PRACTICES_DIR,
                crate::msg!("practices-folder-missing"),
            )
            .hint(crate::msg!(
                "practices-folder-missing-hint",
                dir = PRACTICES_DIR,
                categories = slugs.join(", ")
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
                // Symbolic links are not followed, so the walk fails only on what the system refuses.
                let detail = e.io_error().map_or_else(
                    || crate::messages::Message::raw(e.to_string()),
                    crate::messages::io_detail,
                );
                diags.push(Diagnostic::error(
                    Code::UnreadableFile,
                    shown,
                    crate::msg!("file-unreadable", detail = detail),
                ));
                continue;
            }
        };
        let shown = display_path(root, entry.path());
        if entry.path_is_symlink() {
            diags.push(symlink_error(root, entry.path()));
            continue;
        }
        let is_dir = entry.file_type().is_dir();
        let rel = entry
            .path()
            .strip_prefix(&dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        match practice_entry(&rel, is_dir, &slugs) {
            PracticeEntry::CategoryFolder { slug: name, known } => {
                if !known {
                    let hint = match suggest(name, &slugs) {
                        Some(s) => crate::msg!(
                            "category-did-you-mean",
                            name = s,
                            categories = slugs.join(", ")
                        ),
                        None => crate::msg!("category-unknown-hint", categories = slugs.join(", ")),
                    };
                    diags.push(
                        Diagnostic::error(
                            Code::UnknownCategory,
                            shown,
                            crate::msg!("category-unknown", name = name),
                        )
                        .hint(hint),
                    );
                }
            }
            PracticeEntry::OutsideCategory => diags.push(
                Diagnostic::error(
                    Code::OutsideCategory,
                    shown,
                    crate::msg!("outside-category"),
                )
                .hint(crate::msg!(
                    "move-into-one-of",
                    folders = slugs
                        .iter()
                        .map(|s| format!("{PRACTICES_DIR}/{s}/"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            ),
            PracticeEntry::InUnknownCategory => {} // reported once for the folder
            PracticeEntry::Practice { category, .. } => {
                files.push((category.to_string(), entry.path().to_path_buf()))
            }
            PracticeEntry::Ignored => diags.push(match practice_name(&shown) {
                Some(name) => Diagnostic::error(
                    Code::MisnamedPractice,
                    shown,
                    crate::msg!("misnamed-practice"),
                )
                .hint(crate::msg!("misnamed-practice-hint", name = name)),
                None => Diagnostic::warning(Code::IgnoredFile, shown, crate::msg!("ignored-file"))
                    .hint(crate::msg!("ignored-file-hint")),
            }),
            PracticeEntry::Nested => diags.push(
                Diagnostic::error(Code::NestedFolder, shown, crate::msg!("nested-folder"))
                    .hint(crate::msg!("nested-folder-hint")),
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

/// The name a file that was meant as a practice should have (`groot.MD`, `groot.markdown`,
/// `groot.md.txt` → `groot.md`); `None` for other files.
fn practice_name(path: &str) -> Option<String> {
    let file = path.rsplit('/').next()?;
    let lower = file.to_lowercase();
    let stem_len = [".md.txt", ".markdown", ".md"]
        .iter()
        .find(|end| lower.ends_with(*end))
        .map(|end| file.len() - end.len())?;
    let stem = &file[..stem_len];
    (!stem.is_empty()).then(|| format!("{}.md", stem.to_lowercase()))
}

/// The ids of the practice files that `load_practices` reported errors for (and so left out).
pub fn unread_ids(diags: &[Diagnostic]) -> Vec<String> {
    let mut ids: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error() && d.path.starts_with(PRACTICES_DIR) && d.path.ends_with(".md"))
        .filter_map(|d| Path::new(&d.path).file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids.dedup();
    ids
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
                Code::StrayMarkdown,
                display_path(root, e.path()),
                crate::msg!("stray-markdown"),
            )
            .hint(crate::msg!(
                "move-into-one-of",
                folders = folders.join(", ")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn practices_are_md_files_directly_in_a_known_category_folder() {
        let slugs = ["algemeen", "medisch"];
        let entry = |rel, is_dir| practice_entry(rel, is_dir, &slugs);
        assert_eq!(
            entry("algemeen/flexwonen.md", false),
            PracticeEntry::Practice {
                category: "algemeen",
                id: "flexwonen"
            }
        );
        assert_eq!(
            entry("algemeen", true),
            PracticeEntry::CategoryFolder {
                slug: "algemeen",
                known: true
            }
        );
        assert_eq!(
            entry("onbekend", true),
            PracticeEntry::CategoryFolder {
                slug: "onbekend",
                known: false
            }
        );
        assert_eq!(entry("los.md", false), PracticeEntry::OutsideCategory);
        assert_eq!(
            entry("algemeen/notities.txt", false),
            PracticeEntry::Ignored
        );
        assert_eq!(
            entry("onbekend/x.md", false),
            PracticeEntry::InUnknownCategory
        );
        assert_eq!(entry("algemeen/map", true), PracticeEntry::Nested);
        assert_eq!(entry("algemeen/map/x.md", false), PracticeEntry::Nested);
    }
}
