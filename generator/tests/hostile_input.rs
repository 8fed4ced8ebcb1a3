//! Input made to hurt, or pasted by accident: each case finishes, says what is wrong (file, line,
//! fix), keeps its output small and loses nothing. Reproductions of issue 14; the time and
//! memory of the largest cases are measured with `/usr/bin/time -v` on the release build (see
//! the notes), not asserted here.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const P: &str = "content/praktijken/algemeen";

/// Runs the CLI, failing the test when it has not finished after `HANG` (a hang, not a slow
/// run: the cases below take well under a second on the release build).
fn run(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Output {
    const HANG: Duration = Duration::from_secs(120);
    let mut child = Command::new(env!("CARGO_BIN_EXE_kennisbank"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(env.iter().copied())
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kennisbank");
    // Read the pipes on threads so a large output cannot block the child.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut v).map(|_| v)
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut v).map(|_| v)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            panic!("`kennisbank {}` did not finish", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap().unwrap(),
        stderr: err.join().unwrap().unwrap(),
    }
}

fn json(out: &Output) -> Vec<Value> {
    let text = stdout(out);
    if text.trim().is_empty() {
        return Vec::new();
    }
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {}", &text[..text.len().min(2000)]))
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn practice(body_or_fields: &str, body: &str) -> String {
    format!("---\ntitle: T\nadded: 2026-01-01\n{body_or_fields}---\n{body}\n")
}

#[test]
fn long_words_are_indexed_without_hanging_build_or_check() {
    let dir = project("minimal");
    let word8k = "a".repeat(8_000);
    let word100k = "huurtoeslag".repeat(9_091);
    write(
        dir.path(),
        &format!("{P}/w.md"),
        &practice("", &format!("{word8k} {word100k} einde")),
    );
    let check = run(&["check"], dir.path(), &[]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let build = run(&["build"], dir.path(), &[]);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    // Nothing lost: the page has the whole text, and the other words are still found.
    let page = read(dir.path(), "public/praktijken/algemeen/w/index.html");
    assert!(page.contains(&word100k), "the long word is not on the page");
    let found = run(&["search", "einde", "--json"], dir.path(), &[]);
    assert!(
        stdout(&found).contains("/praktijken/algemeen/w/"),
        "{}",
        stdout(&found)
    );
}

#[test]
fn many_broken_links_on_one_line_give_capped_output_and_every_problem_in_json() {
    let dir = project("minimal");
    let links: Vec<String> = (0..20_000).map(|i| format!("[x](/nergens-{i}/)")).collect();
    write(
        dir.path(),
        &format!("{P}/l.md"),
        &practice("", &links.join(" ")),
    );

    let human = run(&["check"], dir.path(), &[]);
    assert_eq!(human.status.code(), Some(1));
    let text = stderr(&human);
    assert!(text.len() < 100_000, "{} bytes of output", text.len());
    assert!(
        text.contains(&format!("… en nog 19950 problemen in {P}/l.md")),
        "{}",
        &text[text.len().saturating_sub(600)..]
    );
    assert!(text.contains("20000 fouten, 0 waarschuwingen"));
    // The line is shown around the link, not whole.
    let shown = text
        .lines()
        .find(|l| l.contains("[x](/nergens-0/)"))
        .unwrap();
    assert!(shown.chars().count() < 200, "{shown}");

    let all = json(&run(&["check", "--format", "json"], dir.path(), &[]));
    assert_eq!(all.len(), 20_000);
    let last = all
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("/nergens-19999/"))
        .unwrap();
    let column = links.join(" ").find("[x](/nergens-19999/)").unwrap() + 1;
    assert_eq!(
        (last["line"].as_u64(), last["column"].as_u64()),
        (Some(5), Some(column as u64))
    );
    let source = last["source_line"].as_str().unwrap();
    assert!(
        source.contains("[x](/nergens-19999/)") && source.chars().count() <= 162,
        "{source}"
    );
}

#[test]
fn symbolic_links_in_content_and_themes_are_never_read() {
    let dir = project("minimal");
    let root = dir.path();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("buiten.md"),
        practice("", "GEHEIM-BUITEN-HET-PROJECT"),
    )
    .unwrap();
    let link =
        |target: &Path, rel: &str| std::os::unix::fs::symlink(target, root.join(rel)).unwrap();
    link(Path::new("/proc/self/environ"), &format!("{P}/env.md"));
    link(&outside.path().join("buiten.md"), &format!("{P}/buiten.md"));
    link(
        &outside.path().join("buiten.md"),
        "themes/default/static/buiten.css",
    );
    let secret = ("KENNISBANK_TEST_SECRET", "GEHEIM-UIT-DE-OMGEVING");

    let check = run(&["check"], root, &[secret]);
    let text = stderr(&check);
    assert_eq!(check.status.code(), Some(1), "{text}");
    assert!(
        !text.contains(secret.1) && !text.contains("GEHEIM-BUITEN"),
        "{text}"
    );
    for name in [format!("{P}/env.md"), format!("{P}/buiten.md")] {
        assert!(
            text.contains(&format!("--> {name}")),
            "{name} not named: {text}"
        );
    }
    assert!(
        text.contains("vervang de koppeling door het echte bestand"),
        "{text}"
    );
    let diags = json(&run(&["check", "--format", "json"], root, &[secret]));
    let paths: Vec<&str> = diags.iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(codes(&diags), ["symlink"; 3], "{diags:#?}");
    assert_eq!(
        paths,
        [
            &format!("{P}/buiten.md"),
            &format!("{P}/env.md"),
            "themes/default/static/buiten.css"
        ]
    );

    // Without the practice links, the theme's link is refused by the build.
    std::fs::remove_file(root.join(format!("{P}/env.md"))).unwrap();
    std::fs::remove_file(root.join(format!("{P}/buiten.md"))).unwrap();
    let build = run(&["build"], root, &[secret]);
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(
        stderr(&build).contains("themes/default/static/buiten.css"),
        "{}",
        stderr(&build)
    );
    assert!(!root.join("public").exists());
}

#[test]
fn twenty_thousand_tags_are_refused_at_their_line() {
    let dir = project("minimal");
    let tags: Vec<String> = (0..20_000).map(|i| format!("tag{i}")).collect();
    write(
        dir.path(),
        &format!("{P}/t.md"),
        &practice(&format!("tags: [{}]\n", tags.join(", ")), "Tekst."),
    );
    let diags = json(&run(&["check", "--format", "json"], dir.path(), &[]));
    assert_eq!(codes(&diags), ["too-many-items"]);
    assert_eq!(diags[0]["line"], 4);
    assert!(diags[0]["message"]
        .as_str()
        .unwrap()
        .contains("20000 items; er mogen er hoogstens 50 zijn"));
}

#[test]
fn a_hundred_thousand_unknown_keys_are_each_reported_at_their_line() {
    let dir = project("minimal");
    let keys: String = (0..100_000).map(|i| format!("k{i}: 1\n")).collect();
    write(dir.path(), &format!("{P}/k.md"), &practice(&keys, "Tekst."));
    let human = run(&["check"], dir.path(), &[]);
    assert_eq!(human.status.code(), Some(1));
    assert!(
        stderr(&human).len() < 100_000,
        "{} bytes",
        stderr(&human).len()
    );
    let diags = json(&run(&["check", "--format", "json"], dir.path(), &[]));
    assert_eq!(diags.len(), 100_000);
    let last = diags
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("`k99999`"))
        .unwrap();
    assert_eq!(last["line"], 100_003);
    assert_eq!(last["source_line"], "k99999: 1");
}

#[test]
fn deeply_nested_yaml_is_refused_with_a_plain_message() {
    let dir = project("minimal");
    write(
        dir.path(),
        &format!("{P}/n.md"),
        &practice(&format!("tags: {}\n", "[".repeat(100_000)), "Tekst."),
    );
    let diags = json(&run(&["check", "--format", "json"], dir.path(), &[]));
    assert_eq!(codes(&diags), ["yaml-too-deep"]);
    assert_eq!(diags[0]["line"], 4);
    assert!(diags[0]["message"]
        .as_str()
        .unwrap()
        .contains("meer dan 32 niveaus diep genest"));
}

#[test]
fn oversized_files_are_refused_by_name() {
    let dir = project("minimal");
    let body = "Een zin van een praktijk. ".repeat(100_000); // 2.6 MB
    write(dir.path(), &format!("{P}/groot.md"), &practice("", &body));
    let diags = json(&run(&["check", "--format", "json"], dir.path(), &[]));
    assert_eq!(codes(&diags), ["file-too-large"]);
    assert_eq!(diags[0]["path"], format!("{P}/groot.md"));
}

#[test]
fn byte_order_marks_before_the_first_key_are_accepted() {
    let dir = project("real");
    for file in [
        "site.yaml",
        "stappenplan.yaml",
        "synoniemen.yaml",
        "gemeenten.yaml",
    ] {
        let rel = format!("content/{file}");
        let text = read(dir.path(), &rel);
        // Comments first would hide the mark from the YAML parser; put it right before a key.
        let keys: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        write(dir.path(), &rel, &format!("\u{feff}{}\n", keys.join("\n")));
    }
    let check = run(&["check"], dir.path(), &[]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    // Lines still count from the first line: a problem on line 1 is reported there.
    let site = read(dir.path(), "content/site.yaml");
    write(
        dir.path(),
        "content/site.yaml",
        &site.replacen("title:", "titel:", 1),
    );
    let diags = json(&run(&["check", "--format", "json"], dir.path(), &[]));
    let unknown = diags.iter().find(|d| d["code"] == "unknown-field").unwrap();
    assert_eq!(unknown["line"], 1);

    let scenario = dir.path().join("scenario.yaml");
    std::fs::write(&scenario, "\u{feff}periode: 2026-1\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\ngemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n").unwrap();
    let verdict = run(&["herverdeling", "scenario.yaml"], dir.path(), &[]);
    assert_eq!(
        verdict.status.code(),
        Some(0),
        "{}{}",
        stdout(&verdict),
        stderr(&verdict)
    );
}

#[test]
fn script_links_are_refused_in_every_text_that_becomes_html() {
    let dir = project("minimal");
    let site = read(dir.path(), "content/site.yaml");
    let intro_line = site.lines().position(|l| l.starts_with("intro:")).unwrap() + 1;
    let site = site.replacen("intro: Een", "intro: Een [klik](javascript:alert(1))", 1);
    write(dir.path(), "content/site.yaml", &site);
    let diags = json(&run(&["check", "--format", "json"], dir.path(), &[]));
    let e = diags
        .iter()
        .find(|d| d["code"] == "unsafe-link")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(
        (e["path"].as_str(), e["line"].as_u64()),
        (Some("content/site.yaml"), Some(intro_line as u64))
    );
    let build = run(&["build"], dir.path(), &[]);
    assert_eq!(build.status.code(), Some(1));

    // A template's link is refused by `check` at the template's line.
    let dir = project("minimal");
    let template = "themes/default/templates/base.html";
    let text = read(dir.path(), template);
    let text = text.replacen("<body", "<a href=\"javascript:alert(1)\">x</a>\n<body", 1);
    let line = text
        .lines()
        .position(|l| l.contains("javascript:"))
        .unwrap()
        + 1;
    write(dir.path(), template, &text);
    let diags = json(&run(&["check", "--format", "json"], dir.path(), &[]));
    let e = diags
        .iter()
        .find(|d| d["code"] == "unsafe-link")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(
        (e["path"].as_str(), e["line"].as_u64()),
        (Some(template), Some(line as u64))
    );
}

#[test]
fn script_and_data_image_sources_are_refused_at_their_line_by_check_and_build() {
    let dir = project("minimal");
    let file = "content/praktijken/algemeen/plaatjes.md";
    write(
        dir.path(),
        file,
        "---\ntitle: Plaatjes\nadded: 2026-01-01\n---\nTekst.\n\n![a](data:text/html,<script>alert(1)</script>)\n![b](vbscript:x)\n![c](JavaScript:alert(1))\n![d](/static/logo.png)\n",
    );
    let diags = json(&run(&["check", "--format", "json"], dir.path(), &[]));
    let unsafe_lines: Vec<(String, u64)> = diags
        .iter()
        .filter(|d| d["code"] == "unsafe-link")
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        unsafe_lines,
        [
            (file.to_string(), 7),
            (file.to_string(), 8),
            (file.to_string(), 9)
        ],
        "{diags:#?}"
    );
    let build = run(&["build"], dir.path(), &[]);
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(!dir.path().join("public").exists());
}

#[test]
fn theme_outside_the_themes_folder_is_refused() {
    for theme in ["../../etc", "/etc", "default/../../x"] {
        let dir = project("minimal");
        let site = read(dir.path(), "content/site.yaml");
        write(
            dir.path(),
            "content/site.yaml",
            &format!("{site}\ntheme: \"{theme}\"\n"),
        );
        let diags = json(&run(&["check", "--format", "json"], dir.path(), &[]));
        assert_eq!(codes(&diags), ["invalid-theme"], "{theme}: {diags:#?}");
        assert_eq!(
            diags[0]["line"].as_u64(),
            Some(site.lines().count() as u64 + 2)
        );
    }
    // A theme folder that is a link out of the project is not read either.
    let dir = project("minimal");
    let elsewhere = tempfile::tempdir().unwrap();
    copy_dir(&dir.path().join("themes/default"), elsewhere.path());
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("themes/buiten")).unwrap();
    let site = read(dir.path(), "content/site.yaml");
    write(
        dir.path(),
        "content/site.yaml",
        &format!("{site}\ntheme: buiten\n"),
    );
    let diags = json(&run(&["check", "--format", "json"], dir.path(), &[]));
    assert_eq!(codes(&diags), ["symlink"], "{diags:#?}");
    assert_eq!(diags[0]["path"], "themes/buiten");
}

#[test]
fn control_characters_in_names_are_escaped_in_the_terminal() {
    let dir = project("minimal");
    write(
        dir.path(),
        &format!("{P}/rood\u{1b}[31m.md"),
        &practice("", "Tekst."),
    );
    let check = run(&["check"], dir.path(), &[]);
    let text = stderr(&check);
    assert!(!text.contains('\u{1b}'), "raw escape in: {text:?}");
    assert!(text.contains("rood\\u{1b}[31m"), "{text}");
}

#[test]
fn out_of_range_source_date_epoch_is_called_out_of_range() {
    let dir = project("minimal");
    for value in [
        "9223372036854775807",
        "99999999999999999999",
        "-9223372036854775808",
    ] {
        let diags = json(&run(
            &["check", "--format", "json"],
            dir.path(),
            &[("SOURCE_DATE_EPOCH", value)],
        ));
        let e = diags
            .iter()
            .find(|d| d["code"] == "invalid-source-date-epoch")
            .unwrap_or_else(|| panic!("{value}: {diags:#?}"));
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .contains("valt buiten het bereik"),
            "{e}"
        );
    }
    let diags = json(&run(
        &["check", "--format", "json"],
        dir.path(),
        &[("SOURCE_DATE_EPOCH", "gisteren")],
    ));
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("is geen aantal seconden"),
        "{diags:#?}"
    );
}

#[test]
fn templates_that_recurse_without_end_are_refused_at_their_line() {
    // An include cycle: tera would recurse until the stack overflows and the process aborts.
    let dir = project("minimal");
    let list = "themes/default/templates/partials/practice_list.html";
    let text = read(dir.path(), list);
    write(
        dir.path(),
        list,
        &format!("{text}{{% include \"partials/practice_list.html\" %}}\n"),
    );
    let out = run(&["check", "--format", "json"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diags = json(&out);
    assert_eq!(codes(&diags), ["template-recursion"], "{diags:#?}");
    assert_eq!(diags[0]["path"], list);
    assert_eq!(
        diags[0]["line"].as_u64(),
        Some(text.lines().count() as u64 + 1)
    );

    // A macro that calls itself, used in a page's block.
    let dir = project("minimal");
    write(
        dir.path(),
        "themes/default/templates/partials/m.html",
        "{% macro r(n) %}\n{{ self::r(n=n+1) }}\n{% endmacro r %}\n",
    );
    let tag = "themes/default/templates/tag.html";
    let text = read(dir.path(), tag).replacen(
        "{% block title %}",
        "{% import \"partials/m.html\" as m %}{% block title %}{{ m::r(n=1) }}",
        1,
    );
    write(dir.path(), tag, &text);
    let out = run(&["build"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out) + &stdout(&out);
    assert!(err.contains("template-recursion"), "{err}");
    assert!(err.contains("partials/m.html:2"), "{err}");
    assert!(!dir.path().join("public").exists());
}

#[test]
fn a_fifo_for_the_addressees_or_municipalities_is_refused_not_waited_for() {
    for file in ["content/adressen.yaml", "content/gemeenten.yaml"] {
        let dir = project("minimal");
        let path = dir.path().join(file);
        let _ = std::fs::remove_file(&path);
        assert!(Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap()
            .success());
        let out = run(&["check", "--format", "json"], dir.path(), &[]);
        assert_eq!(out.status.code(), Some(1), "{file}: {}", stderr(&out));
        assert!(
            stdout(&out).contains("geen gewoon bestand"),
            "{file}: {}",
            stdout(&out)
        );
        write(dir.path(), "s.yaml", "periode: 2026-1\n");
        let out = run(&["herverdeling", "s.yaml"], dir.path(), &[]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("geen gewoon bestand"),
            "{file}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_template_asking_for_a_huge_range_is_refused_not_run() {
    // Tera's own `range` made all 100,000,000 numbers (8 GB, no end) or looped for ever on a zero step.
    for call in ["range(end=100000000)", "range(end=3, step_by=0)"] {
        let dir = project("minimal");
        let tag = "themes/default/templates/tag.html";
        let text = read(dir.path(), tag).replacen(
            "{% block title %}",
            &format!("{{% block title %}}{{% for i in {call} %}}x{{% endfor %}}"),
            1,
        );
        write(dir.path(), tag, &text);
        let out = run(&["check", "--format", "json"], dir.path(), &[]);
        assert_eq!(out.status.code(), Some(1), "{call}: {}", stderr(&out));
        let diags = json(&out);
        assert!(
            codes(&diags).iter().all(|c| c == "template-render"),
            "{diags:#?}"
        );
        assert!(
            diags[0]["message"].as_str().unwrap().contains("`range`"),
            "{diags:#?}"
        );
    }
}

#[test]
fn a_fifo_for_the_letter_template_is_refused_in_dutch_not_waited_for() {
    let dir = project("minimal");
    let template = dir.path().join("content/herverdeling/brief-coa.html");
    std::fs::remove_file(&template).unwrap();
    assert!(Command::new("mkfifo")
        .arg(&template)
        .status()
        .unwrap()
        .success());
    let scenario = std::fs::read_to_string(
        repo_root().join("calculator-wasm/tests/scenarios/01-valid-nieuw.yaml"),
    )
    .unwrap();
    write(dir.path(), "s.yaml", &scenario);
    let out = run(&["herverdeling", "s.yaml", "--brief"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("fout: "), "{err}");
    assert!(
        err.contains("brief-coa.html: dit is geen gewoon bestand"),
        "{err}"
    );
    // The command's own refusals are Dutch too.
    let out = run(&["herverdeling", "bestaat-niet.yaml"], dir.path(), &[]);
    assert!(
        stderr(&out).contains("bestaat-niet.yaml: kan niet gelezen worden"),
        "{}",
        stderr(&out)
    );
}
