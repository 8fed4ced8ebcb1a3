//! `kennisbank mv OLD-ID NEW-ID [--category CAT]`: renames (and moves) a practice without
//! breaking anything: `related` entries and internal links in all content follow, and the old
//! address goes into the practice's `aliases:`, so it keeps leading to the page.
//!
//! The text changes are made in memory first ([`plan`], pure); only when every file could be
//! changed are they written, each through a temporary file and a rename.

use crate::content::{self, frontmatter, PRACTICES_DIR};
use crate::model::Settings;
use crate::text::is_slug;
use std::path::{Path, PathBuf};

/// What `mv` will do: the file to remove and the files to write.
#[derive(Debug, PartialEq, Eq)]
pub struct Plan {
    pub remove: PathBuf,
    pub write: Vec<(PathBuf, String)>,
}

/// Works out the rename. `Err` is a Dutch sentence for the editor.
pub fn plan(root: &Path, old: &str, new: &str, category: Option<&str>) -> Result<Plan, String> {
    let settings = crate::editing::load_settings(root)?;
    if !is_slug(new) {
        let suggestion = crate::text::slugify(new);
        // `.` or only emoji leave nothing to suggest: "such as ``" helps no one.
        let why = if suggestion.is_empty() {
            crate::msg!("mv-bad-id-no-letters", id = new)
        } else if crate::text::breaks_on_windows(new) {
            crate::msg!("mv-reserved-id", id = new, suggestion = suggestion)
        } else if new.chars().count() > crate::text::MAX_SLUG_CHARS {
            crate::msg!(
                "mv-id-too-long",
                max = crate::text::MAX_SLUG_CHARS,
                suggestion = suggestion
            )
        } else {
            crate::msg!("mv-bad-id", id = new, suggestion = suggestion)
        };
        return Err(why.to_string());
    }
    let (practices, _) = content::load_practices(root, &settings);
    // An id is a file name: `../algemeen/x` would reach another folder and leave `related` behind.
    let found = (is_slug(old) || crate::text::is_reserved_slug(old))
        .then(|| find_file(root, &settings, old))
        .flatten();
    let Some(found) = found else {
        let ids: Vec<&str> = practices.iter().map(|p| p.id.as_str()).collect();
        return Err(match crate::diagnostics::suggest(old, &ids) {
            Some(s) => crate::msg!("mv-no-such-practice-did-you-mean", id = old, name = s),
            None => crate::msg!("mv-no-such-practice", id = old),
        }
        .to_string());
    };
    let (old_category, old_path) = found;
    let new_category = category.unwrap_or(&old_category).to_string();
    crate::editing::check_category(&settings, &new_category)?;
    if new == old && new_category == old_category {
        return Err(crate::msg!("mv-nothing-to-do").to_string());
    }
    if new != old && find_file(root, &settings, new).is_some() {
        return Err(crate::msg!("mv-exists", id = new).to_string());
    }
    let new_path = root
        .join(PRACTICES_DIR)
        .join(&new_category)
        .join(format!("{new}.md"));
    // Something that is not a practice (a file `check` refuses, a FIFO, a folder) is not replaced either.
    if new_path != old_path && std::fs::symlink_metadata(&new_path).is_ok() {
        return Err(crate::msg!(
            "mv-path-taken",
            path = crate::diagnostics::display_path(root, &new_path)
        )
        .to_string());
    }
    let old_address = format!("/praktijken/{old_category}/{old}/");
    let new_address = format!("/praktijken/{new_category}/{new}/");

    let mut write = Vec::new();
    let text = content::read_text(root, &old_path).map_err(|d| d.text())?;
    let relinked = rewrite_links(&text, &old_address, &new_address);
    // No alias for `aux`: its redirect page would be the folder `aux/` that Windows and zip files
    // cannot hold, which is why the practice is renamed (and `check` refused to build it).
    let moved = if crate::text::is_reserved_slug(old) {
        frontmatter::split(&relinked).is_ok().then_some(relinked)
    } else {
        add_alias(&relinked, &old_address)
    }
    // Moved back to an address it had before: that address is its own again, no alias.
    .map(|t| drop_alias(&t, &new_address))
    .ok_or_else(|| {
        crate::msg!("mv-no-front-matter", path = old_path.display().to_string()).to_string()
    })?;
    write.push((new_path.clone(), moved));
    // Every other content file: `related` entries and links to the old address.
    for entry in walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .flatten()
    {
        let path = entry.path();
        let is_text = path
            .extension()
            .is_some_and(|e| e == "md" || e == "yaml" || e == "yml");
        if !entry.file_type().is_file() || !is_text || path == old_path {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let mut changed = rewrite_links(&text, &old_address, &new_address);
        if path.extension().is_some_and(|e| e == "md") && old != new {
            changed = rewrite_related(&changed, old, new);
        }
        if changed != text {
            write.push((path.to_path_buf(), changed));
        }
    }
    Ok(Plan {
        remove: old_path,
        write,
    })
}

/// Carries out a plan: writes the files, then removes the old one.
pub fn apply(plan: &Plan) -> std::io::Result<()> {
    for (path, text) in &plan.write {
        crate::cms::backend::write_atomically(path, text.as_bytes())?;
    }
    if !plan.write.iter().any(|(p, _)| p == &plan.remove) {
        std::fs::remove_file(&plan.remove)?;
    }
    Ok(())
}

/// `(category, path)` of the practice file with this id.
fn find_file(root: &Path, settings: &Settings, id: &str) -> Option<(String, PathBuf)> {
    // `aux.md`, a name `mv` exists to get rid of, is found as it is: its slug is `aux-praktijk`.
    let id = if crate::text::is_reserved_slug(id) {
        id.to_string()
    } else {
        crate::content::practice::related_id(id)
    };
    settings.categories.iter().find_map(|c| {
        let path = root
            .join(PRACTICES_DIR)
            .join(&c.slug)
            .join(format!("{id}.md"));
        path.is_file().then(|| (c.slug.clone(), path))
    })
}

/// Links to `old` (an address such as `/praktijken/algemeen/x/`, also written without the
/// last slash) now go to `new`. The same path on another website (`https://example.org/praktijken/…`)
/// is not the site's: it is left as it is.
pub fn rewrite_links(text: &str, old: &str, new: &str) -> String {
    let bare = old.trim_end_matches('/');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(bare) {
        let after = &rest[at + bare.len()..];
        let ends = after
            .chars()
            .next()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '-'));
        let starts = out
            .chars()
            .chain(rest[..at].chars())
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | ':')));
        out.push_str(&rest[..at]);
        if ends && starts {
            out.push_str(new.trim_end_matches('/'));
        } else {
            out.push_str(bare);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// In a practice's front matter, `related` entries `old` become `new` (inline or as a block list).
pub fn rewrite_related(text: &str, old: &str, new: &str) -> String {
    let Ok(parts) = frontmatter::split(text) else {
        return text.to_string();
    };
    let mut yaml = String::with_capacity(parts.yaml.len());
    let mut in_related = false;
    for line in parts.yaml.split_inclusive('\n') {
        if !line.starts_with([' ', '-']) {
            in_related = line.starts_with("related:");
        }
        if in_related {
            yaml.push_str(&replace_word(line, old, new));
        } else {
            yaml.push_str(line);
        }
    }
    let head_end = yaml_start(text);
    format!(
        "{}{}{}",
        &text[..head_end],
        yaml,
        &text[head_end + parts.yaml.len()..]
    )
}

/// Where the front matter's YAML starts: after the opening `---` line.
fn yaml_start(text: &str) -> usize {
    text.find('\n').map_or(text.len(), |i| i + 1)
}

/// `old` replaced by `new` where it is a whole id (not part of a longer one).
fn replace_word(line: &str, old: &str, new: &str) -> String {
    let is_id_char = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find(old) {
        let before_ok = rest[..at].chars().last().is_none_or(|c| !is_id_char(c));
        let after_ok = rest[at + old.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_id_char(c));
        out.push_str(&rest[..at]);
        out.push_str(if before_ok && after_ok { new } else { old });
        rest = &rest[at + old.len()..];
    }
    out.push_str(rest);
    out
}

/// The file with `address` added to its `aliases:` (a new line before the closing `---`, or
/// an item added to an existing inline or block list). `None` without front matter.
pub fn add_alias(text: &str, address: &str) -> Option<String> {
    let parts = frontmatter::split(text).ok()?;
    let head_end = yaml_start(text);
    let yaml = parts.yaml;
    let mut lines: Vec<String> = yaml.split_inclusive('\n').map(str::to_string).collect();
    if let Some(i) = lines.iter().position(|l| l.starts_with("aliases:")) {
        let value = lines[i]["aliases:".len()..].trim().to_string();
        if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let items = if inner.trim().is_empty() {
                address.to_string()
            } else {
                format!("{}, {address}", inner.trim())
            };
            lines[i] = format!("aliases: [{items}]\n");
        } else if value.is_empty() {
            let mut j = i + 1;
            while j < lines.len() && lines[j].starts_with([' ', '-']) {
                j += 1;
            }
            lines.insert(j, format!("  - {address}\n"));
        } else {
            lines[i] = format!("aliases: [{value}, {address}]\n");
        }
    } else {
        if lines.last().is_some_and(|l| !l.ends_with('\n')) {
            lines.push("\n".into());
        }
        lines.push(format!("aliases: [{address}]\n"));
    }
    Some(format!(
        "{}{}{}",
        &text[..head_end],
        lines.concat(),
        &text[head_end + yaml.len()..]
    ))
}

/// The file without `address` among its `aliases:` (an item of an inline or block list, written
/// with or without its slashes); the key goes too when no alias is left.
pub fn drop_alias(text: &str, address: &str) -> String {
    let Ok(parts) = frontmatter::split(text) else {
        return text.to_string();
    };
    let target = content::practice::parse_alias(address);
    let is_it = |item: &str| {
        let item = item.trim().trim_matches(['"', '\'']);
        target.is_some() && content::practice::parse_alias(item) == target
    };
    let head_end = yaml_start(text);
    let yaml = parts.yaml;
    let mut lines: Vec<String> = yaml.split_inclusive('\n').map(str::to_string).collect();
    let Some(i) = lines.iter().position(|l| l.starts_with("aliases:")) else {
        return text.to_string();
    };
    let value = lines[i]["aliases:".len()..].trim().to_string();
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        let items: Vec<&str> = inner
            .split(',')
            .filter(|it| !is_it(it))
            .map(str::trim)
            .collect();
        if items.len() == inner.split(',').count() {
            return text.to_string();
        }
        if items.iter().all(|it| it.is_empty()) {
            lines.remove(i);
        } else {
            lines[i] = format!("aliases: [{}]\n", items.join(", "));
        }
    } else if value.is_empty() {
        let mut j = i + 1;
        let mut kept = 0;
        let before = lines.len();
        while j < lines.len() && lines[j].starts_with([' ', '-']) {
            match lines[j].trim_start().strip_prefix('-') {
                Some(item) if is_it(item) => {
                    lines.remove(j);
                }
                _ => {
                    kept += 1;
                    j += 1;
                }
            }
        }
        if lines.len() == before {
            return text.to_string();
        }
        if kept == 0 {
            lines.remove(i);
        }
    } else if is_it(&value) {
        lines.remove(i);
    } else {
        return text.to_string();
    }
    format!(
        "{}{}{}",
        &text[..head_end],
        lines.concat(),
        &text[head_end + yaml.len()..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_the_old_address_follow_and_longer_ids_are_left_alone() {
        let text = "Zie [x](/praktijken/algemeen/oud/) en [y](/praktijken/algemeen/oud#kop) en [z](/praktijken/algemeen/oud-twee/).";
        assert_eq!(
            rewrite_links(text, "/praktijken/algemeen/oud/", "/praktijken/medisch/nieuw/"),
            "Zie [x](/praktijken/medisch/nieuw/) en [y](/praktijken/medisch/nieuw#kop) en [z](/praktijken/algemeen/oud-twee/)."
        );
    }

    #[test]
    fn related_entries_follow_inline_and_as_a_list() {
        let text =
            "---\ntitle: oud\nrelated: [oud, oud-twee]\ntags:\n  - oud\n---\nTekst over oud.\n";
        assert_eq!(
            rewrite_related(text, "oud", "nieuw"),
            "---\ntitle: oud\nrelated: [nieuw, oud-twee]\ntags:\n  - oud\n---\nTekst over oud.\n"
        );
        let text = "---\nrelated:\n  - a\n  - oud\ntitle: T\n---\n";
        assert_eq!(
            rewrite_related(text, "oud", "nieuw"),
            "---\nrelated:\n  - a\n  - nieuw\ntitle: T\n---\n"
        );
    }

    #[test]
    fn an_address_that_is_the_practices_own_again_is_no_alias() {
        let own = "/praktijken/medisch/x/";
        for (text, left) in [
            (
                "---\naliases: [/praktijken/a/b/, /praktijken/medisch/x/]\ntitle: T\n---\n",
                "---\naliases: [/praktijken/a/b/]\ntitle: T\n---\n",
            ),
            (
                "---\naliases: [praktijken/medisch/x]\ntitle: T\n---\n",
                "---\ntitle: T\n---\n",
            ),
            (
                "---\naliases:\n  - /praktijken/medisch/x/\n  - /praktijken/a/b/\ntitle: T\n---\n",
                "---\naliases:\n  - /praktijken/a/b/\ntitle: T\n---\n",
            ),
            (
                "---\naliases:\n  - \"/praktijken/medisch/x/\"\ntitle: T\n---\n",
                "---\ntitle: T\n---\n",
            ),
            (
                "---\naliases: [/praktijken/a/b/]\ntitle: T\n---\n",
                "---\naliases: [/praktijken/a/b/]\ntitle: T\n---\n",
            ),
        ] {
            assert_eq!(drop_alias(text, own), left, "{text:?}");
        }
    }

    #[test]
    fn the_same_path_on_another_website_is_not_rewritten() {
        let (old, new) = ("/praktijken/algemeen/oud/", "/praktijken/medisch/nieuw/");
        assert_eq!(
            rewrite_links("[a](/praktijken/algemeen/oud/) <https://example.org/praktijken/algemeen/oud/> /nl/praktijken/algemeen/oud", old, new),
            "[a](/praktijken/medisch/nieuw/) <https://example.org/praktijken/algemeen/oud/> /nl/praktijken/algemeen/oud"
        );
    }

    #[test]
    fn the_old_address_is_added_to_aliases() {
        let a = "/praktijken/algemeen/oud/";
        assert_eq!(
            add_alias("---\ntitle: T\n---\nTekst\n", a).unwrap(),
            "---\ntitle: T\naliases: [/praktijken/algemeen/oud/]\n---\nTekst\n"
        );
        assert_eq!(
            add_alias("---\naliases: [/praktijken/a/b/]\ntitle: T\n---\n", a).unwrap(),
            "---\naliases: [/praktijken/a/b/, /praktijken/algemeen/oud/]\ntitle: T\n---\n"
        );
        assert_eq!(
            add_alias("---\naliases:\n  - /praktijken/a/b/\ntitle: T\n---\n", a).unwrap(),
            "---\naliases:\n  - /praktijken/a/b/\n  - /praktijken/algemeen/oud/\ntitle: T\n---\n"
        );
    }
}
