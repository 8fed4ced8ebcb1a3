//! `kennisbank herverdeling`: one output choice per run.

mod common;
use common::*;

const VALID: &str = "periode: 2026-1\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\ngemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n";

#[test]
fn each_output_flag_alone_gives_its_output() {
    let dir = project("real");
    write(dir.path(), "scenario.yaml", VALID);
    let json = kennisbank(&["herverdeling", "scenario.yaml", "--json"], dir.path());
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let verdict: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(verdict["valid"], true);
    let brief = kennisbank(&["herverdeling", "scenario.yaml", "--brief"], dir.path());
    assert!(
        stdout(&brief).contains("<article class=\"brief\""),
        "{}",
        stdout(&brief)
    );
    let link = kennisbank(&["herverdeling", "scenario.yaml", "--link"], dir.path());
    assert!(stdout(&link).contains("herverdeling"), "{}", stdout(&link));
}

#[test]
fn two_output_flags_together_are_refused_and_print_nothing() {
    let dir = project("real");
    write(dir.path(), "scenario.yaml", VALID);
    for pair in [
        ["--json", "--brief"],
        ["--link", "--json"],
        ["--brief", "--document=coa"],
    ] {
        let mut args = vec!["herverdeling", "scenario.yaml"];
        args.extend(pair);
        let out = kennisbank(&args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{pair:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{pair:?}");
        let flag = pair[1].split('=').next().unwrap();
        assert!(stderr(&out).contains(flag), "{pair:?}: {}", stderr(&out));
    }
}

/// An official who runs the check on a hand-written scenario, with broken lists beside it, reads
/// every problem in Dutch at its line with the fix: the YAML parser's English never gets through.
#[test]
fn broken_scenario_and_lists_are_reported_in_dutch() {
    let dir = project("real");
    write(
        dir.path(),
        "scenario.yaml",
        "periode: 2026-1\ngemeenten:\n  - naam: Ameland\n    taakstelling: 6\n     nieuw: 0\n",
    );
    let out = kennisbank(&["herverdeling", "scenario.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("scenario.yaml:5:11: hier staat `: ` waar geen nieuw veld kan beginnen"),
        "{err}"
    );
    assert!(
        err.contains("zet een waarde met `: ` erin tussen dubbele aanhalingstekens"),
        "{err}"
    );

    write(dir.path(), "scenario.yaml", VALID);
    write(
        dir.path(),
        "content/adressen.yaml",
        "ministeries:\n  - { rol: taakstelling, naam: A }\n  - { rol: taakstelling, naam: B }\n",
    );
    let out = kennisbank(&["herverdeling", "scenario.yaml"], dir.path());
    let err = stderr(&out);
    assert!(
        err.contains("adressen.yaml:3: `B` heeft de rol `taakstelling`"),
        "{err}"
    );
    assert!(err.contains("\nfout: ") && !err.contains("error"), "{err}");
    for english in ["found", "expected", "already held", "no ministry", "line "] {
        assert!(!err.contains(english), "English `{english}`: {err}");
    }
}

/// `herverdeling` with `--document` and the arguments `extra`, in `dir`.
fn document(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["herverdeling", "scenario.yaml", "--document", "coa"];
    args.extend(extra);
    kennisbank(&args, dir)
}

/// No command deletes what it did not write: `--out` on a file of the project (also through `..`
/// or a link), on a document an official may have edited, or in the folder `build` replaces, is
/// refused with exit 2 and a Dutch message naming the file, and the file stays byte-identical.
#[test]
fn out_never_replaces_a_file() {
    let dir = project("real");
    write(dir.path(), "scenario.yaml", VALID);
    write(dir.path(), "brief.odt", "bewerkt door de ambtenaar");
    write(dir.path(), "public/.kennisbank-output", "kennisbank-output");
    write(dir.path(), "public/index.html", "<p>site</p>");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("content"), dir.path().join("inhoud")).unwrap();
    let protected = "ligt in de map `content/` van het project";
    let mut cases = vec![
        ("content/site.yaml", "content/site.yaml", protected),
        (
            "content/praktijken/algemeen/flexwonen.md",
            "content/praktijken/algemeen/flexwonen.md",
            protected,
        ),
        ("content/herverdeling/x.odt", "content/site.yaml", protected),
        ("sub/../content/site.odt", "content/site.yaml", protected),
        (
            "themes/x.odt",
            "content/site.yaml",
            "ligt in de map `themes/` van het project",
        ),
        (
            "brief.odt",
            "brief.odt",
            "`brief.odt` bestaat al en wordt niet overschreven",
        ),
        (
            "public/brief.odt",
            "public/index.html",
            "de uitvoermap van `kennisbank build`",
        ),
    ];
    #[cfg(unix)]
    cases.push(("inhoud/site.odt", "content/site.yaml", protected));
    for (out, kept, says) in cases {
        let before = std::fs::read(dir.path().join(kept)).unwrap();
        let listing = names(dir.path());
        let run = document(dir.path(), &["--out", out]);
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(2), "{out}: {err}");
        assert!(err.starts_with("fout: "), "{out}: {err}");
        assert!(err.contains(&format!("`{out}`")), "{out}: {err}");
        assert!(err.contains(says), "{out}: {err}");
        assert_eq!(
            std::fs::read(dir.path().join(kept)).unwrap(),
            before,
            "{out}"
        );
        assert_eq!(names(dir.path()), listing, "{out}: nothing new");
        assert_eq!(stdout(&run), "", "{out}");
    }
    // The existing document: a free name is suggested, and that one is then written.
    let run = document(dir.path(), &["--out", "brief.odt"]);
    assert!(
        stderr(&run).contains("zoals `--out brief-2.odt`"),
        "{}",
        stderr(&run)
    );
    let run = document(dir.path(), &["--out", "brief-2.odt"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let run = document(dir.path(), &["--out", "brief.odt"]);
    assert!(
        stderr(&run).contains("zoals `--out brief-3.odt`"),
        "{}",
        stderr(&run)
    );
    // A folder is not a document's name.
    std::fs::create_dir(dir.path().join("brieven")).unwrap();
    let run = document(dir.path(), &["--out", "brieven"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("`brieven` is een map; geef de naam van het document, zoals `--out brieven/brief-coa.odt`"),
        "{}",
        stderr(&run)
    );
}

/// A name whose extension does not fit the format is questioned, and nothing is written.
#[test]
fn out_with_the_wrong_extension_is_refused() {
    let dir = project("real");
    write(dir.path(), "scenario.yaml", VALID);
    for (extra, says) in [
        (
            &["--out", "brief.docx"][..],
            "`brief.docx`: een document in het formaat odt krijgt de extensie `.odt`; bedoelde u `--format docx`?",
        ),
        (
            &["--out", "brief.pdf"],
            "`brief.pdf`: een document in het formaat odt krijgt de extensie `.odt`; geef bijvoorbeeld `--out brief.odt`",
        ),
        (
            &["--format", "docx", "--out", "brief"],
            "`brief`: een document in het formaat docx krijgt de extensie `.docx`; geef bijvoorbeeld `--out brief.docx`",
        ),
        (
            &["--format", "html", "--out", "brief.odt"],
            "krijgt de extensie `.html` / `.htm`; bedoelde u `--format odt`?",
        ),
    ] {
        let listing = names(dir.path());
        let run = document(dir.path(), extra);
        assert_eq!(run.status.code(), Some(2), "{extra:?}: {}", stderr(&run));
        assert!(stderr(&run).contains(says), "{extra:?}: {}", stderr(&run));
        assert_eq!(names(dir.path()), listing, "{extra:?}");
    }
    let run = document(dir.path(), &["--out", "nergens/brief.odt"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("de map `nergens` bestaat niet"),
        "{}",
        stderr(&run)
    );
}

/// A new name gets the whole document (and nothing beside it), and one Dutch line names it; the
/// same command again is refused and leaves that document as it is.
#[test]
fn out_writes_a_new_file_whole_and_names_it() {
    let dir = project("real");
    write(dir.path(), "scenario.yaml", VALID);
    let listing = names(dir.path());
    for (format, file, magic) in [
        ("odt", "brief-coa.odt", &b"PK\x03\x04"[..]),
        ("docx", "brief-coa.docx", b"PK\x03\x04"),
        ("html", "brief-coa.HTM", b"<!doctype"),
    ] {
        let run = document(dir.path(), &["--format", format, "--out", file]);
        assert_eq!(run.status.code(), Some(0), "{format}: {}", stderr(&run));
        assert_eq!(stdout(&run), "", "{format}");
        assert_eq!(
            stderr(&run),
            format!("Brief aan het COA geschreven naar `{file}`\n"),
            "{format}"
        );
        let bytes = std::fs::read(dir.path().join(file)).unwrap();
        assert!(bytes.starts_with(magic), "{format}");
        // The same bytes as standard output gets.
        let piped = document(dir.path(), &["--format", format]);
        assert_eq!(piped.stdout, bytes, "{format}");
    }
    let mut expected = listing.clone();
    expected.extend(["brief-coa.HTM", "brief-coa.docx", "brief-coa.odt"].map(String::from));
    expected.sort();
    assert_eq!(names(dir.path()), expected, "no temporary file is left");
    let before = std::fs::read(dir.path().join("brief-coa.odt")).unwrap();
    let again = document(dir.path(), &["--out", "brief-coa.odt"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("`brief-coa.odt` bestaat al en wordt niet overschreven (misschien is het na het schrijven bewerkt); kies een andere naam, zoals `--out brief-coa-2.odt`"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read(dir.path().join("brief-coa.odt")).unwrap(),
        before
    );
}

/// Without `--out` the document goes to standard output when that is a pipe (as scripts use it).
#[test]
fn a_document_to_a_pipe_is_written_whole() {
    let dir = project("real");
    write(dir.path(), "scenario.yaml", VALID);
    for format in ["odt", "docx"] {
        let run = document(dir.path(), &["--format", format]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        assert!(run.stdout.starts_with(b"PK\x03\x04"), "{format}");
        assert_eq!(stderr(&run), "", "{format}");
    }
}

/// An .odt on a terminal would be garbage: refused with the hint to use `--out`; HTML is text.
#[cfg(unix)]
#[test]
fn a_binary_document_to_a_terminal_is_refused() {
    use std::os::fd::FromRawFd;
    let dir = project("real");
    write(dir.path(), "scenario.yaml", VALID);
    let (mut leader, mut follower) = (0, 0);
    // SAFETY: openpty writes two new descriptors into the variables given.
    let rc = unsafe {
        libc::openpty(
            &mut leader,
            &mut follower,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: both descriptors are new and owned here alone.
    let (leader, follower) = unsafe {
        (
            std::os::fd::OwnedFd::from_raw_fd(leader),
            std::os::fd::OwnedFd::from_raw_fd(follower),
        )
    };
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_kennisbank"))
        .args(["herverdeling", "scenario.yaml", "--document", "coa"])
        .current_dir(dir.path())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdout(std::process::Stdio::from(follower))
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    drop(leader);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        stderr(&run),
        "fout: een document in het formaat odt is geen tekst voor het scherm; schrijf het naar een bestand met `--out brief-coa.odt`, of stuur de uitvoer door met `>` of `|`\n"
    );
}

/// A scenario with errors gets no document, in the catalogue's words (one fout, two fouten), and a
/// system error is in words too, never "(os error 2)".
#[test]
fn refusals_and_system_errors_are_in_the_language_chosen() {
    let dir = project("real");
    write(
        dir.path(),
        "scenario.yaml",
        &VALID.replace("nieuw: 16", "nieuw: 17"),
    );
    let run = kennisbank(
        &[
            "--lang",
            "nl",
            "herverdeling",
            "scenario.yaml",
            "--document",
            "coa",
        ],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).starts_with("Geen document: het scenario bevat 1 fout.\n  SUM_CHANGED"),
        "{}",
        stderr(&run)
    );
    assert!(run.stdout.is_empty());
    let run = kennisbank(&["herverdeling", "scenario.yaml", "--brief"], dir.path());
    assert!(
        stderr(&run).starts_with("Geen brief: het scenario bevat 1 fout.\n"),
        "{}",
        stderr(&run)
    );
    let run = kennisbank(
        &["--lang", "en", "herverdeling", "scenario.yaml", "--brief"],
        dir.path(),
    );
    assert!(
        stderr(&run).starts_with("No letter: the scenario has 1 error.\n"),
        "{}",
        stderr(&run)
    );
    write(
        dir.path(),
        "scenario.yaml",
        &VALID
            .replace("taakstelling: 6", "taakstelling: -6")
            .replace("taakstelling: 10", "taakstelling: -10"),
    );
    let run = document(dir.path(), &[]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(
        stderr(&run).starts_with("Geen document: het scenario bevat 2 fouten.\n"),
        "{}",
        stderr(&run)
    );

    let run = kennisbank(&["herverdeling", "bestaat-niet.yaml"], dir.path());
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        stderr(&run),
        "fout: bestaat-niet.yaml: kan niet gelezen worden (het bestand of de map bestaat niet)\n"
    );
    let run = kennisbank(&["herverdeling", "content"], dir.path());
    assert_eq!(
        stderr(&run),
        "fout: content: dit is geen gewoon bestand (maar een map, een pijp of een apparaat); geef het pad van een scenariobestand (.yaml of .json), of - om het scenario via standaardinvoer te lezen\n"
    );
    let run = kennisbank(
        &["--lang", "en", "herverdeling", "bestaat-niet.yaml"],
        dir.path(),
    );
    assert_eq!(
        stderr(&run),
        "error: bestaat-niet.yaml: cannot read (the file or folder does not exist)\n"
    );
}

/// A document is never written from a template `check` refuses: a character nobody sees in the
/// letter would stand in what the colleges sign. The command names the file and line instead.
#[test]
fn a_document_is_not_written_from_a_template_check_refuses() {
    let dir = project("real");
    write(dir.path(), "scenario.yaml", VALID);
    let file = "content/herverdeling/brief-coa.html";
    let text = read(dir.path(), file);
    // In the letter itself, after the comment that explains the template.
    let at = text.find("<article").expect("the letter's article") + "<article".len();
    let line = text[..at].lines().count();
    let hidden = format!("{}\u{202E}{}", &text[..at], &text[at..]);
    write(dir.path(), file, &hidden);
    let listing = names(dir.path());
    for args in [
        vec![
            "herverdeling",
            "scenario.yaml",
            "--document",
            "coa",
            "--out",
            "brief.odt",
        ],
        vec!["herverdeling", "scenario.yaml", "--brief"],
    ] {
        let run = kennisbank(&args, dir.path());
        assert_eq!(run.status.code(), Some(2), "{args:?}: {}", stderr(&run));
        assert_eq!(stdout(&run), "", "{args:?}");
        let err = stderr(&run);
        assert!(
            err.contains("geen document geschreven")
                && err.contains(&format!("{file}:{line}:"))
                && err.contains("U+202E")
                && err.contains("kennisbank check"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(names(dir.path()), listing, "nothing written");
}
