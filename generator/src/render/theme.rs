//! A theme: tera templates and static files from `themes/<name>/`.

use crate::codes::Code;
use crate::diagnostics::{display_path, Diagnostic};
use crate::source::{read_static, read_text, symlink_below, symlink_error};
use std::path::Path;
use tera::Tera;

pub struct Theme {
    pub tera: Tera,
    /// (path from the project folder, text) of every template, sorted by path, so that later
    /// stages can point at a line in them without reading the disk again.
    pub templates: Vec<(String, String)>,
    /// Static files: (path below `static/`, bytes).
    pub static_files: Vec<(String, Vec<u8>)>,
}

impl Theme {
    /// The ids its templates write literally (`id="inhoud"`; not those made with `{{ … }}`):
    /// the anchors of a practice's headings avoid them, so a heading called "Inhoud" does not
    /// take the skip link's target.
    pub fn ids(&self) -> std::collections::BTreeSet<String> {
        let mut ids = std::collections::BTreeSet::new();
        for (_, text) in &self.templates {
            for part in text.split("id=\"").skip(1) {
                let Some(value) = part.split('"').next() else {
                    continue;
                };
                if !value.is_empty() && !value.contains(['{', '}', '<', '>']) {
                    ids.insert(value.to_string());
                }
            }
        }
        ids
    }
}

/// The line and column tera gives in its parse errors (`--> 3:5`).
fn tera_position(message: &str) -> (usize, usize) {
    message
        .split("--> ")
        .nth(1)
        .and_then(|rest| {
            let pos: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ':')
                .collect();
            let (l, c) = pos.split_once(':')?;
            Some((l.parse().ok()?, c.parse().ok()?))
        })
        .unwrap_or((0, 0))
}

/// The whole chain of a tera error, which puts the useful part in its sources.
pub fn tera_message(e: &tera::Error) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}

/// Whether `name` can only name a folder directly inside `themes/`: no separators, no `..`, not
/// hidden, not absolute.
pub fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control)
}

pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
    if !is_theme_name(name) {
        return Err(vec![theme_name_error(name)]);
    }
    let dir = root.join("themes").join(name);
    let templates_dir = dir.join("templates");
    if let Some(link) = symlink_below(root, &templates_dir) {
        return Err(vec![symlink_error(root, &link)]);
    }
    if !templates_dir.is_dir() {
        return Err(vec![Diagnostic::error(
            Code::MissingTheme,
            display_path(root, &templates_dir),
            crate::msg!("theme-no-templates", name = name),
        )
        .hint(crate::msg!("theme-no-templates-hint"))]);
    }
    let mut diags = Vec::new();
    let mut sources: Vec<(String, String)> = Vec::new();
    let mut templates: Vec<(String, String)> = Vec::new();
    for entry in walkdir::WalkDir::new(&templates_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path_is_symlink() {
            diags.push(symlink_error(root, entry.path()));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&templates_dir)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let shown = display_path(root, entry.path());
        match read_text(root, entry.path()) {
            Ok(text) => {
                // Blocks and HTML first: they name the line where tera's message does not.
                let problems = super::template_check::check(&shown, &text, None);
                if problems
                    .iter()
                    .any(|d| d.code == Code::TemplateBlock.as_str())
                {
                    diags.extend(problems);
                    continue;
                }
                diags.extend(problems);
                // Parse alone first, so that a syntax error is reported against its own file.
                let parse_error = Tera::default()
                    .add_raw_template(&rel, &text)
                    .err()
                    .map(|e| tera_message(&e))
                    .filter(|m| m.contains("Failed to parse"));
                if let Some(message) = parse_error {
                    let (line, column) = tera_position(&message);
                    let short = message
                        .lines()
                        .last()
                        .unwrap_or(&message)
                        .trim()
                        .to_string();
                    diags.push(
                        Diagnostic::error(
                            Code::TemplateSyntax,
                            shown,
                            crate::msg!("template-syntax", detail = short),
                        )
                        .at(line, column)
                        .hint(crate::msg!("template-syntax-hint"))
                        .with_source(&text),
                    );
                } else {
                    templates.push((shown, text.clone()));
                    sources.push((rel, text));
                }
            }
            Err(d) => diags.push(d),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let mut tera = Tera::default();
    tera.register_function("range", super::template_range::range);
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    if let Err(e) = tera.add_raw_templates(sources) {
        return Err(vec![Diagnostic::error(
            Code::TemplateError,
            display_path(root, &templates_dir),
            crate::msg!("template-syntax", detail = tera_message(&e)),
        )
        .hint(crate::msg!("template-missing-hint"))]);
    }
    if let Some(cycle) = super::template_recursion::find(&tera) {
        let path = templates_dir.join(&cycle.file);
        let shown = display_path(root, &path);
        let text = templates
            .iter()
            .find(|(s, _)| *s == shown)
            .map(|(_, t)| t.as_str())
            .unwrap_or_default();
        let (line, column) = text
            .lines()
            .enumerate()
            .find_map(|(i, l)| {
                l.find(&cycle.needle)
                    .map(|c| (i + 1, l[..c].chars().count() + 1))
            })
            .unwrap_or((1, 1));
        return Err(vec![Diagnostic::error(
            Code::TemplateRecursion,
            shown,
            crate::msg!("template-recursion", chain = cycle.chain),
        )
        .at(line, column)
        .hint(crate::msg!("template-recursion-hint"))
        .with_source(text)]);
    }
    let static_dir = dir.join("static");
    let mut static_files = Vec::new();
    if let Some(link) = symlink_below(root, &static_dir) {
        return Err(vec![symlink_error(root, &link)]);
    }
    for entry in walkdir::WalkDir::new(&static_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path_is_symlink() {
            diags.push(symlink_error(root, entry.path()));
        } else if entry.file_type().is_file() {
            if let Ok(rel) = entry.path().strip_prefix(&static_dir) {
                match read_static(root, entry.path()) {
                    Ok(bytes) => {
                        static_files.push((rel.to_string_lossy().replace('\\', "/"), bytes))
                    }
                    Err(d) => diags.push(d),
                }
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    templates.sort();
    Ok(Theme {
        tera,
        templates,
        static_files,
    })
}

/// The error for a `theme:` that is not a plain folder name.
pub fn theme_name_error(name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::InvalidTheme,
        crate::content::settings::PATH,
        crate::msg!("theme-name-invalid", name = name),
    )
    .hint(crate::msg!("theme-name-invalid-hint"))
}

/// HTML escaping for template output (the one of `textkit`): it leaves `/` alone, so URLs in the
/// pages stay readable.
pub use textkit::escape_html;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_position_from_tera_messages() {
        assert_eq!(
            tera_position("Failed to parse 'x.html'\n --> 3:5\n  |\n"),
            (3, 5)
        );
        assert_eq!(tera_position("no position"), (0, 0));
    }
}
