//! `kennisbank herverdeling FILE [--json | --brief | --link | --document NAME]`: the
//! herverdelingscheck on the command line, with the same rules (calculator-wasm) as the page.
//!
//! Exit codes: 0 valid, 1 invalid (errors in the scenario), 2 when the scenario, the municipalities
//! list or the letter template cannot be read or parsed. What is printed is one [`Output`].

use crate::messages::io_detail;
use calculator_wasm::letter::render_letter;
use calculator_wasm::office::{self, Format};
use calculator_wasm::share::encode_link;
use calculator_wasm::verdict::Verdict;
use calculator_wasm::{check, MunicipalityList, Scenario};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use textkit::hidden::visible_strict as visible;

use crate::herverdeling::{
    read_addressees, template_file, ADDRESSES_FILE, LETTER_TEMPLATE_FILE, MUNICIPALITIES_FILE,
};

/// `--document coa|provincie|ministerie|besluit|bekendmaking --format odt|docx|html [--out PATH]`.
pub struct DocumentRequest {
    /// `coa`, `provincie`, `ministerie`, `besluit` or `bekendmaking`.
    pub name: String,
    pub format: String,
    pub out: Option<std::path::PathBuf>,
}

/// What the command prints: one choice.
pub enum Output {
    /// The verdict as a table with the deadlines and recipients (no flag).
    Report,
    /// `--json`: the verdict as JSON.
    Json,
    /// `--brief`: the letter to COA as HTML, for a valid scenario.
    Letter,
    /// `--link`: the site-relative link that opens the check in the page.
    Link,
    /// `--document NAME`: a document as .odt, .docx or HTML, for a valid scenario.
    Document(DocumentRequest),
}

impl Output {
    /// The output of the one flag given, or the report without any: each flag maps to its own
    /// output. clap's group `output` already refuses two together; should two reach here anyway,
    /// the answer is the same refusal, not a guess.
    pub fn from_flags(
        json: bool,
        brief: bool,
        link: bool,
        document: Option<DocumentRequest>,
    ) -> Result<Output, String> {
        match (json, brief, link, document) {
            (false, false, false, None) => Ok(Output::Report),
            (true, false, false, None) => Ok(Output::Json),
            (false, true, false, None) => Ok(Output::Letter),
            (false, false, true, None) => Ok(Output::Link),
            (false, false, false, Some(doc)) => Ok(Output::Document(doc)),
            _ => Err(crate::msg!("herverdeling-one-output").to_string()),
        }
    }
}

/// Runs the check on `file` (`-` reads standard input) and prints to stdout/stderr.
pub fn run(file: &Path, output: Output, root: &Path) -> i32 {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    // An .odt or .docx is binary: on a terminal it would print garbage. A pipe or a redirect
    // (what scripts use) still gets the bytes.
    if let Output::Document(doc) = &output {
        if doc.out.is_none() && Format::parse(&doc.format).is_some() && stdout.is_terminal() {
            let message = crate::msg!(
                "herverdeling-out-terminal",
                format = doc.format.as_str(),
                suggestion = free_name(Path::new(&format!("brief-{}.{}", doc.name, doc.format)))
                    .display()
                    .to_string()
            );
            eprintln!("{}: {message}", crate::msg!("label-error"));
            return 2;
        }
    }
    run_to(file, output, root, &mut stdout.lock(), &mut stderr.lock())
}

/// Writes "Geen brief/document: het scenario bevat N fouten." and the errors; the exit code 1.
fn refuse(letter: bool, verdict: &Verdict, err: &mut dyn Write) -> i32 {
    let count = verdict.errors.len();
    let message = if letter {
        crate::msg!("herverdeling-no-letter", count = count)
    } else {
        crate::msg!("herverdeling-no-document", count = count)
    };
    let _ = writeln!(err, "{message}");
    for i in &verdict.errors {
        let _ = writeln!(err, "  {}  {}: {}", i.code.as_str(), i.field, i.message);
    }
    1
}

/// A document as .odt, .docx or printable HTML, to `--out` or standard output.
pub fn write_document(
    file: &Path,
    doc: &DocumentRequest,
    root: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, String> {
    if let Some(path) = &doc.out {
        check_out(path, &doc.format, root)?;
    }
    let (verdict, _) = load_and_check(file, root)?;
    document(&verdict, doc, root, out, err)
}

/// [`write_document`] for a checked scenario.
fn document(
    verdict: &Verdict,
    doc: &DocumentRequest,
    root: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, String> {
    if !verdict.valid {
        return Ok(refuse(false, verdict, err));
    }
    let file = template_file(&doc.name).ok_or_else(|| {
        crate::msg!("herverdeling-unknown-document", name = doc.name.as_str()).to_string()
    })?;
    let template = checked_template(root, file)?;
    let html = render_letter(&template, verdict)
        .map_err(|e| format!("{}: {e}", root.join(file).display()))?;
    let title = office::title(&doc.name);
    let bytes = match Format::parse(&doc.format) {
        Some(f) => office::write(&html, title, f),
        None => calculator_wasm::office::print::printable_html(&html, title).into_bytes(),
    };
    match &doc.out {
        Some(path) => {
            write_new(path, &bytes).map_err(|e| match e.kind() {
                // Another program made the file since the check: it stays as it is.
                std::io::ErrorKind::AlreadyExists => exists(path),
                _ => cannot_write(&path.display().to_string(), &e),
            })?;
            // The document's name as its title begins: "Brief aan het COA", "Bekendmaking".
            let document = title.split(':').next().unwrap_or(title);
            let _ = writeln!(
                err,
                "{}",
                crate::msg!(
                    "herverdeling-written",
                    document = document,
                    path = path.display().to_string()
                )
            );
        }
        None => out
            .write_all(&bytes)
            .map_err(|e| cannot_write(&crate::msg!("herverdeling-stdout").to_string(), &e))?,
    }
    Ok(0)
}

/// The extensions of a format, the first as suggested.
fn extensions(format: &str) -> &'static [&'static str] {
    match format {
        "docx" => &["docx"],
        "html" => &["html", "htm"],
        _ => &["odt"],
    }
}

/// Checks `--out` before anything is read or written: it is not in the project's `content/` or
/// `themes/` nor in an output folder of `build` (symbolic links and `..` resolved), its extension
/// fits `format`, it does not exist yet (a document may have been edited since it was written:
/// it is never replaced), and its folder exists.
fn check_out(path: &Path, format: &str, root: &Path) -> Result<(), String> {
    let shown = path.display().to_string();
    let real = crate::output::resolve(path).map_err(|e| cannot_write(&shown, &e))?;
    let root_real =
        std::fs::canonicalize(root).map_err(|e| cannot_read(&root.display().to_string(), &e))?;
    for folder in ["content", "themes"] {
        // The folder may itself be a link to elsewhere: compare with where it leads too.
        let lexical = root_real.join(folder);
        let target = std::fs::canonicalize(&lexical).unwrap_or_else(|_| lexical.clone());
        if real.starts_with(&lexical) || real.starts_with(&target) {
            return Err(crate::msg!(
                "herverdeling-out-protected",
                path = &shown,
                folder = folder,
                real = real.display().to_string()
            )
            .to_string());
        }
    }
    // What lies in `build`'s output folder is published with the site (and kept by every build).
    if let Some(built) = real
        .ancestors()
        .skip(1)
        .find(|d| crate::output::is_marked(d))
    {
        return Err(crate::msg!(
            "herverdeling-out-build-output",
            path = &shown,
            folder = built.display().to_string()
        )
        .to_string());
    }
    let expected = extensions(format);
    let existing = std::fs::symlink_metadata(path);
    if existing.as_ref().is_ok_and(|meta| meta.is_dir()) {
        let name = format!("brief-coa.{}", expected[0]);
        return Err(crate::msg!(
            "herverdeling-out-is-folder",
            path = &shown,
            suggestion = path.join(name).display().to_string()
        )
        .to_string());
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !expected.contains(&ext.as_str()) {
        let expected_text = expected
            .iter()
            .map(|e| format!("`.{e}`"))
            .collect::<Vec<_>>()
            .join(" / ");
        let other = ["odt", "docx", "html"]
            .into_iter()
            .find(|f| extensions(f).contains(&ext.as_str()));
        return Err(match other {
            Some(other) => crate::msg!(
                "herverdeling-out-extension-format",
                path = &shown,
                format = format,
                expected = expected_text,
                other = other
            ),
            None => crate::msg!(
                "herverdeling-out-extension",
                path = &shown,
                format = format,
                expected = expected_text,
                suggestion = free_name(&path.with_extension(expected[0]))
                    .display()
                    .to_string()
            ),
        }
        .to_string());
    }
    match existing {
        Ok(_) => return Err(exists(path)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(cannot_write(&shown, &e)),
    }
    let folder = folder_of(path);
    if !folder.is_dir() {
        return Err(crate::msg!(
            "herverdeling-out-no-folder",
            folder = folder.display().to_string()
        )
        .to_string());
    }
    Ok(())
}

/// The folder `path` is written in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The refusal to replace `path`, with a free name beside it.
fn exists(path: &Path) -> String {
    crate::msg!(
        "herverdeling-out-exists",
        path = path.display().to_string(),
        suggestion = free_name(path).display().to_string()
    )
    .to_string()
}

/// `path` if nothing is there, else the first free `stem-2.ext`, `stem-3.ext`, … beside it (a
/// stem that already ends in `-N`, N up to three digits, counts on from N: `brief-2.odt` gives
/// `brief-3.odt`, `brief-2026.odt` gives `brief-2026-2.odt`).
fn free_name(path: &Path) -> PathBuf {
    let taken = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    if !taken(path) {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let (base, start) = match stem.rsplit_once('-') {
        Some((base, n)) if !base.is_empty() && !n.is_empty() && n.len() <= 3 => {
            match n.parse::<u32>() {
                Ok(n) => (base.to_string(), n + 1),
                Err(_) => (stem.clone(), 2),
            }
        }
        _ => (stem.clone(), 2),
    };
    let beside = |n: u32| path.with_file_name(format!("{base}-{n}{ext}"));
    (start..start + 10_000)
        .map(beside)
        .find(|p| !taken(p))
        .unwrap_or_else(|| beside(start))
}

/// Writes `bytes` to the new file `path`, never replacing one: first to a hidden file in the same
/// folder, which is then linked to its name, so the name holds the whole document or nothing
/// (an error `AlreadyExists` when a file got that name meanwhile). On a disk without hard links
/// the name is created exclusively and written; after a failure that file (ours) is removed.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::fs::OpenOptions;
    let folder = folder_of(path);
    let name = path.file_name().unwrap_or_default();
    let (tmp, mut file) = {
        let mut n = 0u32;
        loop {
            let mut tmp_name = std::ffi::OsString::from(".");
            tmp_name.push(name);
            tmp_name.push(format!(".{}-{n}.part", std::process::id()));
            let tmp = folder.join(tmp_name);
            match OpenOptions::new().write(true).create_new(true).open(&tmp) {
                Ok(file) => break (tmp, file),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => return Err(e),
            }
        }
    };
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    let result = written.and_then(|()| match std::fs::hard_link(&tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
            file.write_all(bytes)
                .and_then(|()| file.sync_all())
                .inspect_err(|_| {
                    let _ = std::fs::remove_file(path);
                })
        }
    });
    let _ = std::fs::remove_file(&tmp);
    result
}

fn load_and_check(file: &Path, root: &Path) -> Result<(Verdict, Scenario), String> {
    let src = read(file)?;
    let scenario = Scenario::parse(&src).map_err(|e| e.in_file(&file.display().to_string()))?;
    let list_path = root.join(MUNICIPALITIES_FILE);
    let list_src = read_project_file(root, &list_path)?;
    let list = MunicipalityList::from_yaml(&list_src).map_err(|errors| {
        let name = list_path.display().to_string();
        errors
            .iter()
            .map(|e| e.in_file(&name))
            .collect::<Vec<_>>()
            .join(&format!("\n{}: ", crate::msg!("label-error")))
    })?;
    let list = match read_addressees(root) {
        Ok(addressees) => list.with_addressees(addressees.unwrap_or_default()),
        Err((_, errors)) => {
            let name = root.join(ADDRESSES_FILE).display().to_string();
            return Err(errors
                .iter()
                .map(|e| {
                    // The catalogue's Dutch, as `check` words it.
                    let (message, hint) = crate::herverdeling::address_message(&e.problem);
                    calculator_wasm::InputError {
                        line: e.line,
                        column: e.column,
                        message: message.to_string(),
                        hint: Some(hint.to_string()),
                    }
                    .in_file(&name)
                })
                .collect::<Vec<_>>()
                .join(&format!("\n{}: ", crate::msg!("label-error"))));
        }
    };
    Ok((check(&scenario, &list), scenario))
}

/// [`run`] with the output streams given, for tests.
pub fn run_to(
    file: &Path,
    output: Output,
    root: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match run_inner(file, &output, root, out, err) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "{}: {message}", crate::msg!("label-error"));
            2
        }
    }
}

/// The largest scenario read, in bytes: a real one is a few kilobytes; this keeps `/dev/zero` or
/// an endless pipe from filling the memory.
pub const MAX_INPUT_BYTES: u64 = 1024 * 1024;

/// Reads at most [`MAX_INPUT_BYTES`] from `source` (named `name` in messages) as UTF-8.
fn read_capped(mut source: impl Read, name: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    (&mut source)
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(name, &e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(crate::msg!(
            "herverdeling-too-large",
            name = name,
            mb = MAX_INPUT_BYTES / (1024 * 1024)
        )
        .to_string());
    }
    String::from_utf8(bytes).map_err(|e| {
        crate::msg!(
            "herverdeling-not-utf8",
            name = name,
            offset = e.utf8_error().valid_up_to()
        )
        .to_string()
    })
}

/// A document template as `check` accepts it; else its first problem at its line, and how many
/// more `kennisbank check` names.
fn checked_template(root: &Path, file: &str) -> Result<String, String> {
    crate::herverdeling::checked_template(root, file).map_err(|problems| {
        // At its line and column when it has them (a read error concerns the whole file).
        let first = problems
            .first()
            .map_or_else(String::new, |d| format!("{}: {}", d.location(), d.text()));
        crate::msg!(
            "herverdeling-template-refused",
            first = first,
            count = problems.len()
        )
        .to_string()
    })
}

/// A file of the project (the municipalities list, a document template), read by the project's
/// rules: plain files only (a FIFO would block), at most 2 MB, no symbolic links.
fn read_project_file(root: &Path, path: &Path) -> Result<String, String> {
    crate::content::read_text(root, path).map_err(|d| format!("{}: {}", path.display(), d.text()))
}

fn cannot_read(name: &str, e: &std::io::Error) -> String {
    crate::msg!(
        "herverdeling-cannot-read",
        name = name,
        detail = io_detail(e)
    )
    .to_string()
}

fn cannot_write(name: &str, e: &std::io::Error) -> String {
    crate::msg!(
        "herverdeling-cannot-write",
        name = name,
        detail = io_detail(e)
    )
    .to_string()
}

fn read(path: &Path) -> Result<String, String> {
    if path == Path::new("-") {
        let name = crate::msg!("herverdeling-stdin").to_string();
        return read_capped(std::io::stdin().lock(), &name);
    }
    let name = path.display().to_string();
    // A FIFO would block the open until something writes to it, a device never end: only a
    // plain file (or a link to one) is read, as `check` reads the project's files.
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(&name, &e))?;
    if !meta.is_file() {
        return Err(crate::msg!("herverdeling-not-a-file", name = name.as_str()).to_string());
    }
    let file = std::fs::File::open(path).map_err(|e| cannot_read(&name, &e))?;
    read_capped(file, &name)
}

fn run_inner(
    file: &Path,
    output: &Output,
    root: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, String> {
    if let Output::Document(DocumentRequest {
        out: Some(path),
        format,
        ..
    }) = output
    {
        check_out(path, format, root)?;
    }
    let (verdict, scenario) = load_and_check(file, root)?;
    let status = if verdict.valid { 0 } else { 1 };
    let io = |e: std::io::Error| cannot_write(&crate::msg!("herverdeling-stdout").to_string(), &e);
    match output {
        Output::Letter => {
            if !verdict.valid {
                return Ok(refuse(true, &verdict, err));
            }
            let template = checked_template(root, LETTER_TEMPLATE_FILE)?;
            let html = render_letter(&template, &verdict)
                .map_err(|e| format!("{}: {e}", root.join(LETTER_TEMPLATE_FILE).display()))?;
            out.write_all(html.as_bytes()).map_err(io)?;
            return Ok(0);
        }
        Output::Json => writeln!(out, "{}", verdict.to_json_pretty()).map_err(io)?,
        Output::Link => {
            let link = encode_link(&scenario).map_err(|e| {
                crate::msg!("herverdeling-no-link", detail = e.to_string()).to_string()
            })?;
            writeln!(out, "{link}").map_err(io)?;
        }
        Output::Document(doc) => return document(&verdict, doc, root, out, err),
        Output::Report => out
            .write_all(report(&file.display().to_string(), &verdict).as_bytes())
            .map_err(io)?,
    }
    Ok(status)
}

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

fn pad_left(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{}{text}", " ".repeat(width.saturating_sub(n)))
}

/// A number written as the documents write it (`1.600`).
fn number(n: Option<i64>) -> String {
    n.map(calculator_wasm::dutch::number)
        .unwrap_or_else(|| "?".into())
}

fn signed(n: Option<i64>) -> String {
    match n {
        Some(n) if n > 0 => format!("+{}", calculator_wasm::dutch::number(n)),
        Some(n) => calculator_wasm::dutch::number(n),
        None => "?".into(),
    }
}

/// The readable report: table, errors, warnings, deadlines, recipients. Characters a reader
/// cannot see are written out (`<U+202E>`), as in the errors that name them.
pub fn report(name: &str, v: &Verdict) -> String {
    let mut s = String::new();
    let mut line = |t: String| {
        s.push_str(&t);
        s.push('\n');
    };
    line(format!("Herverdelingscheck: {name}"));
    if let Some(p) = &v.periods {
        line(format!(
            "Periode: {}",
            calculator_wasm::dutch::join(&p.text)
        ));
    }
    // A municipality whose taakstelling stays the same takes no decision (and is left out of the
    // documents): no line of a decision for it.
    for m in v.municipalities.iter().filter(|m| !m.unchanged()) {
        if let (Some(b), Some(k)) = (m.besluitdatum, m.bekendmaking) {
            let waar = m
                .publicatie
                .as_ref()
                .map(|p| format!(" in {}", visible(p)))
                .unwrap_or_default();
            line(format!(
                "Besluit {}: {}; bekendgemaakt {}{waar}",
                visible(&m.name),
                b.in_dutch(),
                k.in_dutch()
            ));
        }
    }
    line(String::new());

    let headers = ["Gemeente", "Provincie", "Vóór", "Na", "Verschil"];
    let mut rows: Vec<[String; 5]> = v
        .municipalities
        .iter()
        .map(|m| {
            [
                visible(&m.name),
                m.province
                    .map(|p| p.name().to_string())
                    .unwrap_or_else(|| "?".into()),
                number(m.before),
                number(m.after),
                signed(m.difference),
            ]
        })
        .collect();
    let total_diff = match (v.sum_before, v.sum_after) {
        (Some(b), Some(a)) => Some(a - b),
        _ => None,
    };
    rows.push([
        "Totaal".into(),
        String::new(),
        number(v.sum_before),
        number(v.sum_after),
        signed(total_diff),
    ]);
    let widths: Vec<usize> = (0..5)
        .map(|c| {
            rows.iter()
                .map(|r| r[c].chars().count())
                .chain([headers[c].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let fmt_row = |r: [&str; 5]| -> String {
        format!(
            "  {}  {}  {}  {}  {}",
            pad(r[0], widths[0]),
            pad(r[1], widths[1]),
            pad_left(r[2], widths[2]),
            pad_left(r[3], widths[3]),
            pad_left(r[4], widths[4])
        )
        .trim_end()
        .to_string()
    };
    line(fmt_row(headers));
    let last = rows.len() - 1;
    for (i, r) in rows.iter().enumerate() {
        if i == last {
            line(format!(
                "  {}",
                "-".repeat(widths.iter().sum::<usize>() + 8)
            ));
        }
        line(fmt_row([&r[0], &r[1], &r[2], &r[3], &r[4]]));
    }
    line(String::new());
    if !v.sums_per_period.is_empty() {
        line("Per periode (vóór → na):".into());
        for m in &v.municipalities {
            let cells: Vec<String> = m
                .perioden
                .iter()
                .map(|p| format!("{}: {} → {}", p.periode, number(p.before), number(p.after)))
                .collect();
            line(format!("  {}: {}", m.name, cells.join("; ")));
        }
        let sums: Vec<String> = v
            .sums_per_period
            .iter()
            .map(|p| format!("{}: {} → {}", p.periode, number(p.before), number(p.after)))
            .collect();
        line(format!("  Totaal: {}", sums.join("; ")));
        line(String::new());
    }

    for (title, issues) in [("Fouten", &v.errors), ("Waarschuwingen", &v.warnings)] {
        if issues.is_empty() {
            continue;
        }
        line(format!("{title} ({}):", issues.len()));
        for i in issues.iter() {
            line(format!("  {} [{}]", i.code.as_str(), i.field));
            line(format!("      {}", i.message));
        }
        line(String::new());
    }

    let d = &v.deadlines;
    if let Some(n) = d.notify_by {
        line("Termijnen:".into());
        line(format!(
            "  COA en provincie informeren uiterlijk: {} (laatste bekendmaking + 7 dagen)",
            n.in_dutch()
        ));
        if let (Some(r), Some(c)) = (d.receipt, d.coa_processes_within) {
            let basis = if d.receipt_assumed {
                format!("aangenomen ontvangst op {}", r.in_dutch())
            } else {
                format!("ontvangst op melddatum {}", r.in_dutch())
            };
            line(format!(
                "  COA verwerkt uiterlijk: {} (één maand na {basis})",
                c.in_dutch()
            ));
        }
        line(String::new());
    }

    line("Ontvangers:".into());
    for r in &v.recipients {
        let mut parts = vec![r.name.clone()];
        if let Some(a) = &r.attention {
            parts.push(format!("t.a.v. {a}"));
        }
        parts.extend(r.address.iter().cloned());
        if let Some(p) = &r.phone {
            parts.push(format!("T {p}"));
        }
        line(format!("  - {}", parts.join(", ")));
    }
    line(String::new());
    line(format!(
        "Uitslag: {}. {}",
        if v.valid { "GELDIG" } else { "ONGELDIG" },
        v.conclusion
    ));
    // Whatever else quotes the scenario's text: a direction control would turn the terminal's
    // line around, a zero-width character hide itself (the errors name them).
    visible(&s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// The project root: the nearest folder above this crate that holds the municipalities list.
    fn root() -> PathBuf {
        let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        while !dir.join(MUNICIPALITIES_FILE).exists() {
            assert!(dir.pop(), "no {MUNICIPALITIES_FILE} above the crate");
        }
        dir
    }

    fn run_str(src: &str, output: Output) -> (i32, String, String) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("scenario.yaml");
        std::fs::write(&file, src).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run_to(&file, output, &root(), &mut out, &mut err);
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    const VALID: &str = "periode: 2026-1\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\ngemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n";

    #[test]
    fn a_hidden_character_in_a_name_is_written_out_in_the_report_and_the_table_lines_up() {
        let src = VALID.replace("Ameland", "\"\u{202E}dnalemA\"");
        let (code, out, _) = run_str(&src, Output::Report);
        assert_eq!(code, 1, "{out}");
        assert!(!out.contains('\u{202E}'), "{out}");
        assert!(out.contains("Besluit <U+202E>dnalemA: "), "{out}");
        let row = out
            .lines()
            .find(|l| l.contains("<U+202E>dnalemA  "))
            .expect(&out);
        let total = out
            .lines()
            .find(|l| l.trim_start().starts_with("Totaal"))
            .expect(&out);
        assert_eq!(row.chars().count(), total.chars().count(), "{out}");
    }

    #[test]
    fn valid_scenario_reports_table_deadlines_and_exits_0() {
        let (code, out, _) = run_str(VALID, Output::Report);
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("Ameland"), "{out}");
        assert!(out.contains("+6"), "{out}");
        assert!(out.contains("19 februari 2026"), "{out}");
        assert!(out.contains("Postbus 30203"), "{out}");
        assert!(out.contains("GELDIG"), "{out}");
    }

    /// Numbers in the table are written as the documents write them, and a municipality that
    /// takes no decision (its taakstelling stays the same) gets no line of a decision.
    #[test]
    fn the_report_writes_thousands_as_the_documents_and_no_decision_for_an_unchanged_municipality()
    {
        let src = "periode: 2026-1\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\ngemeenten:\n  - { naam: Amsterdam, taakstelling: 1600, nieuw: 1594 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n  - { naam: Utrecht, taakstelling: 900, nieuw: 900 }\n";
        let (code, out, _) = run_str(src, Output::Report);
        assert_eq!(code, 0, "{out}");
        let row = out
            .lines()
            .find(|l| l.trim_start().starts_with("Amsterdam"))
            .expect(&out);
        assert!(row.contains("1.600") && row.contains("1.594"), "{row}");
        assert!(out.contains("Besluit Amsterdam: "), "{out}");
        assert!(!out.contains("Besluit Utrecht"), "{out}");
    }

    /// Three periods in the report's line are joined as the documents join them: "A, B en C".
    #[test]
    fn the_report_joins_three_periods_with_commas_and_en() {
        let src = VALID.replace(
            "periode: 2026-1\n",
            "periode: 2026-1\ntot_en_met: 2027-1\nuitzondering: Waddeneilanden\n",
        );
        let (code, out, _) = run_str(&src, Output::Report);
        assert_eq!(code, 0, "{out}");
        assert!(
            out.contains("Periode: eerste helft 2026 (1 januari t/m 30 juni 2026), tweede helft 2026 (1 juli t/m 31 december 2026) en eerste helft 2027 (1 januari t/m 30 juni 2027)\n"),
            "{out}"
        );
    }

    #[test]
    fn invalid_scenario_exits_1_and_json_names_the_code() {
        let src = VALID.replace("nieuw: 16", "nieuw: 17");
        let (code, out, _) = run_str(&src, Output::Json);
        assert_eq!(code, 1);
        let j: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(j["errors"][0]["code"], "SUM_CHANGED");
    }

    #[test]
    fn brief_prints_the_letter_or_refuses_with_the_errors() {
        let (code, out, _) = run_str(VALID, Output::Letter);
        assert_eq!(code, 0);
        assert!(out.contains("<article class=\"brief\""), "{out}");
        let (code, out, err) = run_str(&VALID.replace("nieuw: 16", "nieuw: 17"), Output::Letter);
        assert_eq!(code, 1);
        assert!(out.is_empty());
        assert!(err.contains("SUM_CHANGED"), "{err}");
    }

    #[test]
    fn link_prints_a_site_relative_url() {
        let (code, out, _) = run_str(VALID, Output::Link);
        assert_eq!(code, 0);
        assert!(out.starts_with("/herverdeling/#periode=2026-1&"), "{out}");
        assert!(out.contains("gemeente=Ameland,6,0"), "{out}");
    }

    #[test]
    fn link_the_page_would_refuse_is_refused_with_exit_2() {
        let mut src = String::from("periode: 2026-1\ngemeenten:\n");
        for i in 0..401 {
            src.push_str(&format!(
                "  - {{ naam: G{i}, taakstelling: 1, nieuw: 1 }}\n"
            ));
        }
        let (code, out, err) = run_str(&src, Output::Link);
        assert_eq!(code, 2);
        assert!(out.is_empty(), "{out}");
        assert!(err.contains("hoogstens 400"), "{err}");
    }

    #[test]
    fn endless_input_is_cut_off_with_a_message() {
        let endless = std::io::repeat(b' ');
        let e = read_capped(endless, "standaardinvoer").unwrap_err();
        assert!(e.contains("groter dan 1 MB"), "{e}");
        assert_eq!(
            read_capped(&b"periode: 2026-1\n"[..], "x").unwrap(),
            "periode: 2026-1\n"
        );
        let e = read_capped(&[0xff, 0xfe][..], "x").unwrap_err();
        assert!(e.contains("UTF-8"), "{e}");
    }

    #[test]
    fn broken_yaml_names_file_line_and_column_and_exits_2() {
        let (code, _, err) = run_str(
            "periode: 2026-1\ngemeenten:\n  - naam: [Ameland\n",
            Output::Report,
        );
        assert_eq!(code, 2);
        assert!(err.contains("scenario.yaml:"), "{err}");
        let (code, _, err) = run_str("periode: 2026-1\nperiod: 2026-2\n", Output::Report);
        assert_eq!(code, 2);
        assert!(err.contains("scenario.yaml:2:"), "{err}");
        assert!(err.contains("bedoelde u `periode`?"), "{err}");
    }

    #[test]
    fn deeply_nested_scenario_is_refused_with_its_line_and_exits_2() {
        let text = format!("periode: 2026-1\ngemeenten: {}\n", "[".repeat(100_000));
        let (code, _, err) = run_str(&text, Output::Report);
        assert_eq!(code, 2);
        assert!(
            err.contains("scenario.yaml:2:44: hier is de tekst meer dan 32 niveaus"),
            "{err}"
        );
    }

    #[test]
    fn documents_are_written_as_odt_docx_and_html() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s.yaml");
        std::fs::write(&file, VALID).unwrap();
        for (format, magic) in [
            ("odt", &b"PK\x03\x04"[..]),
            ("docx", b"PK\x03\x04"),
            ("html", b"<!doctype"),
        ] {
            let path = dir.path().join(format!("brief.{format}"));
            let doc = DocumentRequest {
                name: "coa".into(),
                format: format.into(),
                out: Some(path.clone()),
            };
            let (mut out, mut err) = (Vec::new(), Vec::new());
            assert_eq!(
                write_document(&file, &doc, &root(), &mut out, &mut err).unwrap(),
                0
            );
            let bytes = std::fs::read(&path).unwrap();
            assert!(bytes.starts_with(magic), "{format}");
        }
        std::fs::write(&file, VALID.replace("nieuw: 16", "nieuw: 17")).unwrap();
        let doc = DocumentRequest {
            name: "coa".into(),
            format: "odt".into(),
            out: None,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(
            write_document(&file, &doc, &root(), &mut out, &mut err).unwrap(),
            1
        );
        assert!(out.is_empty());
    }

    /// Whether `soffice` runs; without it the LibreOffice checks are skipped with a notice, unless
    /// KENNISBANK_REQUIRE_SOFFICE=1 (scripts/setup.sh installs it).
    fn soffice_available() -> bool {
        let required = std::env::var_os("KENNISBANK_REQUIRE_SOFFICE").is_some_and(|v| v == "1");
        let available = std::process::Command::new("soffice")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if !available {
            assert!(
                !required,
                "soffice is required (KENNISBANK_REQUIRE_SOFFICE=1) but not found"
            );
            eprintln!(
                "notice: soffice not found; the LibreOffice check of the documents is skipped"
            );
        }
        available
    }

    /// Writes document `name` of `scenario` (with the content of `project`) as
    /// `{dir}/{stem}.{format}` and returns the text LibreOffice reads in it.
    fn libreoffice_text(
        scenario: &Path,
        project: &Path,
        dir: &Path,
        name: &str,
        format: &str,
        stem: &str,
    ) -> String {
        let path = dir.join(format!("{stem}.{format}"));
        let doc = DocumentRequest {
            name: name.into(),
            format: format.into(),
            out: Some(path.clone()),
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(
            write_document(scenario, &doc, project, &mut out, &mut err).unwrap(),
            0,
            "{}",
            String::from_utf8_lossy(&err)
        );
        let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
        let status = std::process::Command::new("soffice")
            .args([profile.as_str(), "--headless", "--convert-to", "txt:Text"])
            .arg("--outdir")
            .arg(dir)
            .arg(&path)
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
        std::fs::read_to_string(dir.join(format!("{stem}.txt"))).unwrap()
    }

    /// LibreOffice opens each format and finds the letter's text.
    #[test]
    fn libreoffice_opens_the_letter_in_both_formats() {
        if !soffice_available() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let scenario =
            root().join("calculator-wasm/tests/scenarios/09-three-colleges-own-dates.yaml");
        let text_of = |name: &str, format: &str, stem: &str| -> String {
            libreoffice_text(&scenario, &root(), dir.path(), name, format, stem)
        };
        for format in ["odt", "docx"] {
            let text = text_of("coa", format, &format!("brief-{format}"));
            for needle in [
                "De colleges van burgemeester en wethouders van de gemeenten Ameland, Heerenveen en Smallingerland",
                "t.a.v. unit Plaatsing",
                "Postbus 30203",
                "Ons kenmerk: HV/2026/0142",
                "Smallingerland: besluit van 24 februari 2026, bekendgemaakt op 26 februari 2026 in Gemeenteblad 2026, 309871",
                "artikel 29, tweede lid, van de Huisvestingswet 2014",
                "en de verwerking aan ons te bevestigen",
                "Smallingerland",
                "Provincie Fryslân",
            ] {
                assert!(text.contains(needle), "{format}: {needle:?} missing in\n{text}");
            }
        }
        for (name, needles) in [
            (
                "provincie",
                &[
                    "Gedeputeerde Staten van Fryslân",
                    "artikel 29, tweede lid",
                    "Smallingerland",
                ][..],
            ),
            (
                "ministerie",
                &[
                    "Ministerie van Asiel en Migratie",
                    "Ministerie van Volkshuisvesting en Ruimtelijke Ordening",
                    "omdat uw ministerie de taakstelling opstelt",
                    "verantwoordelijk is voor de Huisvestingswet 2014",
                    "Smallingerland: besluit van 24 februari 2026, bekendgemaakt op 26 februari 2026 in Gemeenteblad 2026, 309871",
                    "Gedeputeerde Staten van Fryslân zijn met een brief van gelijke strekking in kennis gesteld",
                ],
            ),
            (
                "besluit",
                &[
                    "gelet op artikel 29, tweede lid, van de Huisvestingswet 2014",
                    "wordt gewijzigd van 6 in 0",
                    "Rechtsmiddelen",
                    "Aldus besloten in de vergadering van 24 februari 2026",
                ],
            ),
            (
                "bekendmaking",
                &[
                    "De taakstelling van Heerenveen wijzigt van 10 in 13",
                    "treedt in werking met ingang van de dag na die waarop het laatste van de besluiten van de colleges van burgemeester en wethouders van de gemeenten Ameland, Heerenveen en Smallingerland tot deze herverdeling is bekendgemaakt",
                ],
            ),
        ] {
            let text = text_of(name, "odt", name);
            for needle in needles {
                assert!(
                    text.contains(needle),
                    "{name}: {needle:?} missing in\n{text}"
                );
            }
        }
    }

    /// The notices to the province and to the ministries carry the postal addresses of
    /// `content/adressen.yaml`, in .odt and .docx; a province without one gets dotted lines.
    #[test]
    fn the_notices_carry_the_addresses_from_the_data() {
        if !soffice_available() {
            return;
        }
        let project = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(project.path().join("content/herverdeling")).unwrap();
        let files = std::iter::once(MUNICIPALITIES_FILE)
            .chain(crate::herverdeling::DOCUMENT_TEMPLATES.map(|(_, f)| f));
        for file in files {
            std::fs::copy(root().join(file), project.path().join(file)).unwrap();
        }
        let ministries = "ministeries:\n  - { rol: taakstelling, naam: Ministerie van A, tav: directie Opvang, postadres: [Postbus 20301, 2500 EH Den Haag] }\n  - { rol: huisvestingswet, naam: Ministerie van B, postadres: [Postbus 20011, 2500 EA Den Haag] }\n";
        std::fs::write(
            project.path().join(ADDRESSES_FILE),
            format!("{ministries}provincies:\n  - {{ naam: Fryslân, tav: team toezicht, postadres: [Postbus 20120, 8900 HM Leeuwarden] }}\n"),
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let scenario =
            root().join("calculator-wasm/tests/scenarios/09-three-colleges-own-dates.yaml");
        // LibreOffice's text puts each line of the address block on a line of its own.
        let lines =
            |text: &str| -> Vec<String> { text.lines().map(|l| l.trim().to_string()).collect() };
        let block = |text: &str, first: &str, n: usize| -> Vec<String> {
            let lines = lines(text);
            let at = lines
                .iter()
                .position(|l| l == first)
                .unwrap_or_else(|| panic!("{first:?} missing in\n{text}"));
            lines[at..at + n].to_vec()
        };
        for format in ["odt", "docx"] {
            let text = libreoffice_text(
                &scenario,
                project.path(),
                dir.path(),
                "provincie",
                format,
                &format!("provincie-{format}"),
            );
            assert_eq!(
                block(&text, "Gedeputeerde Staten van Fryslân", 4),
                [
                    "Gedeputeerde Staten van Fryslân",
                    "t.a.v. team toezicht",
                    "Postbus 20120",
                    "8900 HM Leeuwarden"
                ],
                "{format}"
            );
            let text = libreoffice_text(
                &scenario,
                project.path(),
                dir.path(),
                "ministerie",
                format,
                &format!("ministerie-{format}"),
            );
            assert_eq!(
                block(&text, "Ministerie van A", 4),
                [
                    "Ministerie van A",
                    "t.a.v. directie Opvang",
                    "Postbus 20301",
                    "2500 EH Den Haag"
                ],
                "{format}"
            );
            assert_eq!(
                block(&text, "Ministerie van B", 3),
                ["Ministerie van B", "Postbus 20011", "2500 EA Den Haag"],
                "{format}"
            );
        }
        // Without the province's address: the default t.a.v. and room to write it.
        std::fs::write(project.path().join(ADDRESSES_FILE), ministries).unwrap();
        let text = libreoffice_text(
            &scenario,
            project.path(),
            dir.path(),
            "provincie",
            "odt",
            "provincie-zonder",
        );
        assert_eq!(
            block(&text, "Gedeputeerde Staten van Fryslân", 3),
            [
                "Gedeputeerde Staten van Fryslân",
                "t.a.v. het interbestuurlijk toezicht huisvesting vergunninghouders",
                "Postbus ……………………"
            ]
        );
    }

    #[test]
    fn each_flag_maps_to_its_output_and_two_are_refused() {
        let doc = || DocumentRequest {
            name: "coa".into(),
            format: "odt".into(),
            out: None,
        };
        let ok = |j, b, l, d| Output::from_flags(j, b, l, d).unwrap();
        assert!(matches!(ok(false, false, false, None), Output::Report));
        assert!(matches!(ok(true, false, false, None), Output::Json));
        assert!(matches!(ok(false, true, false, None), Output::Letter));
        assert!(matches!(ok(false, false, true, None), Output::Link));
        assert!(matches!(
            ok(false, false, false, Some(doc())),
            Output::Document(_)
        ));
        assert!(Output::from_flags(true, true, false, None).is_err());
        assert!(Output::from_flags(false, true, false, Some(doc())).is_err());
    }

    #[test]
    fn a_new_file_is_written_whole_and_an_existing_one_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.odt");
        write_new(&path, b"eerste").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"eerste");
        let e = write_new(&path, b"tweede").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"eerste");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    }

    #[test]
    fn a_free_name_counts_on_beside_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        assert_eq!(free_name(&at("brief.odt")), at("brief.odt"));
        std::fs::write(at("brief.odt"), "x").unwrap();
        assert_eq!(free_name(&at("brief.odt")), at("brief-2.odt"));
        std::fs::write(at("brief-2.odt"), "x").unwrap();
        assert_eq!(free_name(&at("brief.odt")), at("brief-3.odt"));
        assert_eq!(free_name(&at("brief-2.odt")), at("brief-3.odt"));
        std::fs::write(at("brief-coa-2026.odt"), "x").unwrap();
        assert_eq!(
            free_name(&at("brief-coa-2026.odt")),
            at("brief-coa-2026-2.odt")
        );
    }

    #[test]
    fn system_errors_are_in_words() {
        use crate::messages::Lang;
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            io_detail(&e).render(Lang::Nl),
            "geen toestemming; controleer de rechten van het bestand en de map"
        );
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            cannot_write("brief.odt", &e),
            crate::msg!(
                "herverdeling-cannot-write",
                name = "brief.odt",
                detail = crate::msg!("io-not-found")
            )
            .to_string()
        );
        assert_eq!(
            io_detail(&e).render(Lang::En),
            "the file or folder does not exist"
        );
    }

    #[test]
    fn a_fifo_or_a_folder_as_the_scenario_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("scenario.yaml");
        let mut paths = vec![dir.path().to_path_buf()];
        if std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            paths.push(fifo);
        }
        for path in paths {
            // In a thread: on the old code a FIFO blocked the open forever.
            let (send, receive) = std::sync::mpsc::channel();
            let shown = path.display().to_string();
            std::thread::spawn(move || {
                let (mut out, mut err) = (Vec::new(), Vec::new());
                let code = run_to(&path, Output::Report, &root(), &mut out, &mut err);
                let _ = send.send((code, String::from_utf8(err).unwrap_or_default()));
            });
            let (code, err) = receive
                .recv_timeout(std::time::Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("{shown} was still being read after 20 s"));
            assert_eq!(code, 2, "{err}");
            assert!(
                err.contains(&format!("{shown}: dit is geen gewoon bestand")),
                "{err}"
            );
        }
    }

    #[test]
    fn missing_file_exits_2() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run_to(
            Path::new("/nonexistent/x.yaml"),
            Output::Report,
            &root(),
            &mut out,
            &mut err,
        );
        assert_eq!(code, 2);
        assert!(String::from_utf8(err)
            .unwrap()
            .contains("/nonexistent/x.yaml"));
    }
}
