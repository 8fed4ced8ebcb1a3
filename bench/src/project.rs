//! Writing synthetic sites to disk: a kennisbank project (the real settings, stappenplan and theme
//! with synthetic practices) and the same practices as a Hugo site.

use crate::corpus::Corpus;
use crate::synth::{yaml_quote, SynthPractice};
use kennisbank::diagnostics::Diagnostic;
use kennisbank::model::Content;
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// Marks a folder as written by this crate, so that regenerating may empty it and nothing else.
pub const MARKER: &str = ".kennisbank-synth";

/// The real project the word model and settings come from: the workspace root of this checkout.
pub fn default_source_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The Hugo skeleton shipped in `bench/hugo/`.
pub fn default_hugo_skeleton() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("hugo")
}

/// Loads the real content and builds the word model from it.
pub fn load_source(root: &Path) -> Result<(Content, Corpus), String> {
    let (content, diags) = kennisbank::content::load(root);
    let Some(content) = content else {
        let errors: Vec<String> = diags
            .iter()
            .filter(|d| d.is_error())
            .take(5)
            .map(describe)
            .collect();
        return Err(format!(
            "the content in `{}` does not load: {}",
            root.display(),
            errors.join("; ")
        ));
    };
    let gemeenten = read_gemeenten(&root.join("content/gemeenten.yaml"));
    let corpus = Corpus::from_content(&content, gemeenten);
    Ok((content, corpus))
}

fn describe(d: &Diagnostic) -> String {
    format!("{}: {}", d.path, d.message)
}

#[derive(serde::Deserialize)]
struct GemeentenFile {
    gemeenten: Vec<Gemeente>,
}

#[derive(serde::Deserialize)]
struct Gemeente {
    naam: String,
}

/// Municipality names for link labels; a missing or odd file only makes the labels plainer.
fn read_gemeenten(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_yaml::from_str::<GemeentenFile>(&text).ok())
        .map(|f| f.gemeenten.into_iter().map(|g| g.naam).collect())
        .unwrap_or_else(|| vec!["Utrecht".into(), "Zwolle".into(), "Tilburg".into()])
}

/// Makes `dir` an empty folder of ours: creates it, or empties it when it is empty already or
/// carries the marker. Any other existing folder is refused, so a typo cannot wipe real work.
pub fn prepare_dir(dir: &Path) -> io::Result<()> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)?;
        let empty = entries.next().is_none();
        if !empty && !dir.join(MARKER).exists() {
            return Err(io::Error::other(format!(
                "`{}` exists and was not written by `synth`; choose a new or empty folder",
                dir.display()
            )));
        }
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                std::fs::remove_dir_all(&path)?;
            } else {
                std::fs::remove_file(&path)?;
            }
        }
    } else {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(dir.join(MARKER), "written by kennisbank-bench synth\n")
}

fn copy_tree(from: &Path, to: &Path, skip: &[&str]) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut entries: Vec<_> = std::fs::read_dir(from)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if skip.iter().any(|s| name == *s) {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target, &[])?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

fn write_file(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

/// Writes a kennisbank project to `out`: `content/` and `themes/` of `source` (without its
/// practices) plus the synthetic practices.
pub fn write_project(source: &Path, out: &Path, practices: &[SynthPractice]) -> io::Result<()> {
    prepare_dir(out)?;
    copy_tree(
        &source.join("content"),
        &out.join("content"),
        &["praktijken"],
    )?;
    copy_tree(&source.join("themes"), &out.join("themes"), &[])?;
    for p in practices {
        write_file(
            &out.join(p.path()),
            &crate::synth::to_markdown(p, practices),
        )?;
    }
    Ok(())
}

/// Writes the same practices as a Hugo site to `out`, from the skeleton in `bench/hugo/`, with the
/// kennisbank theme's stylesheet at the same URL.
pub fn write_hugo_site(
    skeleton: &Path,
    source: &Path,
    content: &Content,
    out: &Path,
    practices: &[SynthPractice],
) -> io::Result<()> {
    prepare_dir(out)?;
    copy_tree(skeleton, out, &[])?;
    let theme = &content.settings.theme;
    let style = source.join("themes").join(theme).join("static/style.css");
    if style.is_file() {
        std::fs::create_dir_all(out.join("static/static"))?;
        std::fs::copy(&style, out.join("static/static/style.css"))?;
    }
    let settings = &content.settings;
    write_file(
        &out.join("content/_index.md"),
        &format!(
            "---\ntitle: {}\n---\n{}\n",
            yaml_quote(&settings.title),
            settings.intro
        ),
    )?;
    write_file(
        &out.join("content/praktijken/_index.md"),
        "---\ntitle: \"Alle praktijken\"\n---\n",
    )?;
    for c in &settings.categories {
        write_file(
            &out.join(format!("content/praktijken/{}/_index.md", c.slug)),
            &format!(
                "---\ntitle: {}\ndescription: {}\nweight: {}\n---\n",
                yaml_quote(&c.title),
                yaml_quote(&c.description),
                c.order
            ),
        )?;
    }
    let plan = &content.stappenplan;
    let mut stappen = format!(
        "---\ntitle: {}\n---\n{}\n",
        yaml_quote(&plan.title),
        plan.intro
    );
    for (i, s) in plan.steps.iter().enumerate() {
        let _ = write!(stappen, "\n## Stap {}: {}\n\n{}\n", i + 1, s.title, s.text);
    }
    write_file(&out.join("content/stappenplan.md"), &stappen)?;
    for p in practices {
        write_file(
            &out.join(format!("content/praktijken/{}/{}.md", p.category, p.id)),
            &hugo_page(p, practices),
        )?;
    }
    Ok(())
}

/// One practice as a Hugo content file: the same fields, under Hugo's names.
pub fn hugo_page(p: &SynthPractice, all: &[SynthPractice]) -> String {
    let mut s = String::with_capacity(p.body.len() + 512);
    s.push_str("---\n");
    let _ = writeln!(s, "title: {}", yaml_quote(&p.title));
    let _ = writeln!(s, "date: {}", p.added);
    if let Some(u) = p.updated {
        let _ = writeln!(s, "lastmod: {u}");
    }
    if let Some(o) = p.order {
        let _ = writeln!(s, "weight: {o}");
    }
    if let Some(summary) = &p.summary {
        let _ = writeln!(s, "summary: {}", yaml_quote(summary));
    }
    if !p.tags.is_empty() {
        let tags: Vec<String> = p.tags.iter().map(|t| yaml_quote(t)).collect();
        let _ = writeln!(s, "tags: [{}]", tags.join(", "));
    }
    if !p.links.is_empty() {
        s.push_str("links:\n");
        for l in &p.links {
            let _ = writeln!(s, "  - url: {}\n    label: {}", l.url, yaml_quote(&l.label));
        }
    }
    // Hugo finds pages by path, so related ids become the paths of their pages.
    let related: Vec<String> = p
        .related
        .iter()
        .filter_map(|&i| all.get(i))
        .map(|r| yaml_quote(&format!("/praktijken/{}/{}", r.category, r.id)))
        .collect();
    if !related.is_empty() {
        let _ = writeln!(s, "related: [{}]", related.join(", "));
    }
    if let Some(c) = &p.contact {
        let _ = writeln!(
            s,
            "contact:\n  name: {}\n  role: {}\n  email: {}\n  phone: {}",
            yaml_quote(&c.name),
            yaml_quote(&c.role),
            c.email,
            yaml_quote(&c.phone)
        );
    }
    s.push_str("---\n");
    s.push_str(&p.body);
    s
}
