//! Writing the output folder: `build` never replaces a folder it did not write, never leaves the
//! site half-written wherever it is killed, and writes only what changed.

mod common;

use common::*;
use std::path::Path;
use std::process::Output;

const PRACTICE: &str = "content/praktijken/algemeen/tweede-praktijk.md";

fn build_with(dir: &Path, args: &[&str], env: Option<(&str, &str)>) -> Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kennisbank"));
    cmd.arg("build")
        .args(args)
        .current_dir(dir)
        // Messages in the default language (Dutch), whatever this machine's locale.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some((k, v)) = env {
        cmd.env(k, v);
    }
    cmd.output().expect("run kennisbank")
}

fn build_ok(dir: &Path, args: &[&str]) -> String {
    let out = build_with(dir, args, None);
    assert!(out.status.success(), "{}", stderr(&out));
    stderr(&out)
}

fn edit_practice(dir: &Path, text: &str) {
    let original = read(dir, PRACTICE);
    let body = original.split("---\n").nth(2).unwrap_or_default();
    write(dir, PRACTICE, &original.replace(body, text));
}

/// Every file and folder below `dir` with its modification time and inode: what a write changes.
fn stamps(dir: &Path) -> Vec<(String, std::time::SystemTime, u64)> {
    use std::os::unix::fs::MetadataExt;
    let mut all: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            (
                e.path().to_string_lossy().into_owned(),
                meta.modified().unwrap(),
                meta.ino(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_folder_with_foreign_files_is_refused_and_left_intact() {
    let dir = project("minimal");
    write(dir.path(), "Documenten/brief.odt", "mijn brief");
    write(dir.path(), "Documenten/foto/kind.jpg", "foto");
    let before = tree(&dir.path().join("Documenten"));
    let listing = names(dir.path());
    let out = build_with(dir.path(), &["--out", "Documenten"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("Documenten`") && err.contains("niet heeft geschreven"),
        "{err}"
    );
    assert!(tree(&dir.path().join("Documenten")) == before);
    assert_eq!(names(dir.path()), listing, "nothing is written beside it");
}

#[test]
fn files_an_editor_put_into_the_output_survive_every_build() {
    let dir = project("minimal");
    build_ok(dir.path(), &[]);
    let public = dir.path().join("public");
    std::fs::write(public.join("CNAME"), "kennisbank.example.nl\n").unwrap();
    std::fs::create_dir(public.join("eigen")).unwrap();
    std::fs::write(public.join("eigen/verslag.pdf"), "%PDF").unwrap();
    for text in ["Eerst dit.\n", "Dan dat.\n", "En nog iets.\n"] {
        edit_practice(dir.path(), text);
        let err = build_ok(dir.path(), &[]);
        assert!(
            err.contains("0 verwijderd, 2 eigen bestanden of mappen in de uitvoermap behouden"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(public.join("CNAME")).unwrap(),
            "kennisbank.example.nl\n"
        );
        assert_eq!(
            std::fs::read_to_string(public.join("eigen/verslag.pdf")).unwrap(),
            "%PDF"
        );
    }
    // A file of one's own where the build would write one stops the build; it stays.
    let stray = public.join("praktijken/algemeen/nieuwe-praktijk");
    std::fs::create_dir_all(&stray).unwrap();
    std::fs::write(stray.join("index.html"), "mijn eigen pagina").unwrap();
    std::fs::write(
        dir.path()
            .join("content/praktijken/algemeen/nieuwe-praktijk.md"),
        "---\ntitle: Nieuwe praktijk\nadded: 2026-01-01\n---\nTekst.\n",
    )
    .unwrap();
    let failed = build_with(dir.path(), &[], None);
    let err = String::from_utf8_lossy(&failed.stderr);
    assert!(!failed.status.success(), "{err}");
    assert!(err.contains("niet door kennisbank gemaakt"), "{err}");
    assert_eq!(
        std::fs::read_to_string(stray.join("index.html")).unwrap(),
        "mijn eigen pagina"
    );
}

#[test]
fn out_through_a_link_into_the_content_is_refused() {
    let dir = project("minimal");
    std::os::unix::fs::symlink(dir.path().join("content"), dir.path().join("link")).unwrap();
    let before = tree(&dir.path().join("content"));
    for out in ["link/praktijken", "link/praktijken/algemeen", "link/nieuw"] {
        let result = build_with(dir.path(), &["--out", out], None);
        assert_eq!(result.status.code(), Some(2), "--out {out}");
        assert!(
            stderr(&result).contains("ligt in `content/`"),
            "{}",
            stderr(&result)
        );
    }
    // The content folder itself, reached through `..`, and the project.
    for out in ["public/../content", "link/..", "."] {
        let result = build_with(dir.path(), &["--out", out], None);
        assert_eq!(result.status.code(), Some(2), "--out {out}");
    }
    assert!(
        tree(&dir.path().join("content")) == before,
        "content changed"
    );
}

#[test]
fn a_repeated_build_writes_no_file() {
    let dir = project("minimal");
    build_ok(dir.path(), &[]);
    // Twice, so that the spare tree exists too.
    edit_practice(dir.path(), "Eerst dit.\n");
    build_ok(dir.path(), &[]);
    let before = (
        stamps(&dir.path().join("public")),
        stamps(&dir.path().join(".public.kennisbank")),
    );
    let err = build_ok(dir.path(), &[]);
    assert!(err.contains("niets veranderd"), "{err}");
    let after = (
        stamps(&dir.path().join("public")),
        stamps(&dir.path().join(".public.kennisbank")),
    );
    assert!(before == after, "a build with no change wrote files");
}

#[test]
fn an_unchanged_build_with_warnings_is_skipped_and_shows_them_again() {
    let dir = project("minimal");
    // A heading that skips a level is a warning, not an error: the site is built.
    edit_practice(dir.path(), "Tekst.\n\n#### Te diep\n\nMeer tekst.\n");
    let first = build_ok(dir.path(), &[]);
    assert!(first.contains("heading-level"), "{first}");
    let before = stamps(&dir.path().join("public"));
    let again = build_ok(dir.path(), &[]);
    assert!(again.contains("is actueel"), "{again}");
    assert!(
        again.contains("heading-level"),
        "the warning is shown again: {again}"
    );
    assert!(stamps(&dir.path().join("public")) == before);
    // Another format is not the kept report's: the build runs and prints it in that format.
    let json = build_with(dir.path(), &["--format", "json"], None);
    assert!(json.status.success());
    assert!(!stderr(&json).contains("is actueel"), "{}", stderr(&json));
    assert!(String::from_utf8_lossy(&json.stdout).contains("heading-level"));
    // Fixing it makes the next build run and report nothing.
    edit_practice(dir.path(), "Tekst zonder kopjes.\n");
    let fixed = build_ok(dir.path(), &[]);
    assert!(
        !fixed.contains("heading-level") && !fixed.contains("is actueel"),
        "{fixed}"
    );
}

#[test]
fn edits_write_few_files_and_give_a_fresh_builds_bytes() {
    let dir = project("real");
    build_ok(dir.path(), &[]);
    let practices: Vec<String> = walkdir::WalkDir::new(dir.path().join("content/praktijken"))
        .into_iter()
        .map(|e| e.unwrap().path().to_path_buf())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert!(practices.len() > 10);
    let body = |path: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        let end = text[3..].find("---\n").unwrap() + 3;
        (text[..end].to_owned(), text[end..].to_owned())
    };
    let total = tree(&dir.path().join("public")).len();
    // Each step: change the content, build, compare with a fresh build of the same content.
    for step in 0..4 {
        match step {
            0 | 2 => {
                let (head, rest) = body(&practices[step]);
                std::fs::write(&practices[step], format!("{head}{rest}\nNog een zin.\n")).unwrap();
            }
            1 => {
                // A practice no other one names in `related`.
                let texts: Vec<String> = practices
                    .iter()
                    .map(|p| std::fs::read_to_string(p).unwrap())
                    .collect();
                let loose = practices[4..]
                    .iter()
                    .find(|p| {
                        let id = Path::new(p).file_stem().unwrap().to_string_lossy();
                        texts.iter().filter(|t| t.contains(id.as_ref())).count() == 0
                    })
                    .expect("a practice nobody relates to");
                std::fs::remove_file(loose).unwrap();
            }
            _ => {
                // A template change touches every page.
                let base = dir.path().join("themes/default/templates/base.html");
                let text = std::fs::read_to_string(&base).unwrap();
                std::fs::write(&base, text.replacen("</body>", "<!-- v2 --></body>", 1)).unwrap();
            }
        }
        let err = build_ok(dir.path(), &[]);
        let fresh = tempfile::tempdir().unwrap();
        let fresh_out = fresh.path().join("public");
        build_ok(dir.path(), &["--out", fresh_out.to_str().unwrap()]);
        assert!(
            tree(&dir.path().join("public")) == tree(&fresh_out),
            "step {step}: the updated output differs from a fresh build"
        );
        // "Built … in N ms: W written, L linked, R removed."
        let written: usize = err
            .rsplit(": ")
            .next()
            .and_then(|s| s.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no count of written files in {err}"));
        // An edited practice changes its page and the lists and index files that show it.
        // (A removed one renumbers the search index's documents after it: many files.)
        if step == 0 || step == 2 {
            assert!(
                written * 4 < total,
                "step {step}: {written} of {total} files written: {err}"
            );
        }
    }
}

#[test]
fn a_failed_build_keeps_the_output_and_the_next_build_is_whole() {
    let dir = project("minimal");
    build_ok(dir.path(), &[]);
    let before = tree(&dir.path().join("public"));
    edit_practice(dir.path(), "Nieuwe tekst.\n");
    let template = dir.path().join("themes/default/templates/tag.html");
    let text = std::fs::read_to_string(&template).unwrap();
    std::fs::write(
        &template,
        text.replacen("{% block content %}", "{% block content %}{{ tag.x.y }}", 1),
    )
    .unwrap();
    let out = build_with(dir.path(), &[], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(tree(&dir.path().join("public")) == before);
    std::fs::write(&template, text).unwrap();
    build_ok(dir.path(), &[]);
    build_ok(dir.path(), &["--out", "fresh"]);
    assert!(tree(&dir.path().join("public")) == tree(&dir.path().join("fresh")));
}

/// The steps of the write, in order (see `output::abort_point`).
const STEPS: [&str; 6] = [
    "locked",
    "spare-opened",
    "file-written",
    "spare-updated",
    "sealed",
    "exchanged",
];

#[test]
fn a_kill_at_any_step_leaves_a_whole_build_and_the_next_build_completes() {
    for with_spare in [false, true] {
        for step in STEPS {
            let dir = project("minimal");
            let root = dir.path();
            build_ok(root, &[]);
            if with_spare {
                edit_practice(root, "Tussenversie.\n");
                build_ok(root, &[]);
            }
            let old = tree(&root.join("public"));
            edit_practice(root, "De nieuwe tekst.\n");
            build_ok(root, &["--out", "fresh"]);
            let new = tree(&root.join("fresh"));
            assert!(old != new);

            let killed = build_with(root, &[], Some(("KENNISBANK_TEST_ABORT_AT", step)));
            assert!(
                !killed.status.success() && killed.status.code().is_none(),
                "{step}: the build was not killed: {}",
                stderr(&killed)
            );
            let seen = tree(&root.join("public"));
            assert!(
                seen == old || seen == new,
                "{step} (spare: {with_spare}): the output is neither the old nor the new build"
            );

            build_ok(root, &[]);
            assert!(
                tree(&root.join("public")) == new,
                "{step} (spare: {with_spare}): the next build differs from a fresh one"
            );
            assert_eq!(
                names(root),
                [
                    ".fresh.kennisbank",
                    ".public.kennisbank",
                    "content",
                    "fresh",
                    "public",
                    "themes"
                ],
                "{step}: something was left beside the output"
            );
            let again = build_ok(root, &[]);
            assert!(again.contains("niets veranderd"), "{step}: {again}");
        }
    }
}

#[test]
fn files_of_ones_own_survive_the_loss_of_the_state_folder() {
    let dir = project("minimal");
    let root = dir.path();
    build_ok(root, &[]);
    let public = root.join("public");
    std::fs::write(public.join("CNAME"), "kennisbank.example.nl\n").unwrap();
    std::fs::create_dir(public.join("rapporten")).unwrap();
    std::fs::write(public.join("rapporten/jaarverslag.pdf"), "%PDF").unwrap();
    // Deleted to save space, or only `public/` restored by a CI cache.
    std::fs::remove_dir_all(root.join(".public.kennisbank")).unwrap();
    let first = build_ok(root, &[]);
    assert!(
        first.contains("hield geen lijst van wat kennisbank in")
            && first.contains("alle 2 bestanden en mappen"),
        "{first}"
    );
    for text in ["Eerst dit.\n", "Dan dat.\n", "En nog iets.\n"] {
        edit_practice(root, text);
        build_ok(root, &[]);
        assert_eq!(read(root, "public/CNAME"), "kennisbank.example.nl\n");
        assert_eq!(read(root, "public/rapporten/jaarverslag.pdf"), "%PDF");
    }
    build_ok(root, &["--out", "fresh"]);
    let mut expected = tree(&root.join("fresh"));
    let mut seen = tree(&public);
    for t in [&mut expected, &mut seen] {
        t.retain(|(p, _)| !p.contains("CNAME") && !p.contains("rapporten"));
    }
    assert!(seen == expected, "the site itself is that of a fresh build");
}

#[test]
fn an_output_copied_from_elsewhere_is_built_and_its_old_pages_kept_aside() {
    let dir = project("minimal");
    let root = dir.path();
    let other = project("minimal");
    edit_practice(other.path(), "Een oudere versie.\n");
    build_ok(other.path(), &[]);
    std::fs::write(other.path().join("public/CNAME"), "x\n").unwrap();
    // `public/` copied to this machine, without the hidden state folder.
    copy_dir(&other.path().join("public"), &root.join("public"));
    let err = build_ok(root, &[]);
    assert!(err.contains("previous-output-1"), "{err}");
    assert_eq!(read(root, "public/CNAME"), "x\n");
    build_ok(root, &["--out", "fresh"]);
    let mut seen = tree(&root.join("public"));
    seen.retain(|(p, _)| !p.contains("CNAME"));
    assert!(seen == tree(&root.join("fresh")), "the new site is built");
    assert!(
        root.join(".public.kennisbank/previous-output-1/CNAME")
            .exists(),
        "the old tree is kept aside"
    );
}

#[test]
fn a_full_disk_is_an_io_error_naming_the_file_being_written() {
    let dir = project("minimal");
    let root = dir.path();
    let disk = root.join("schijf");
    std::fs::create_dir(&disk).unwrap();
    // A disk too small for the site (root can mount a tmpfs; elsewhere this is skipped).
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=48k", "tmpfs"])
        .arg(&disk)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here (not root)");
        return;
    }
    let out = build_with(root, &["--out", "schijf/site"], None);
    let _ = std::process::Command::new("umount").arg(&disk).status();
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an I/O error, not content: {err}"
    );
    assert!(err.contains("de schijf is vol"), "{err}");
    assert!(
        err.contains(".site.kennisbank/spare/"),
        "the file being written: {err}"
    );
    assert!(!err.contains("er is niets geschreven"), "{err}");
    assert!(err.contains("`./schijf/site` is niet veranderd"), "{err}");
}

/// An output folder set up for a web server (`chmod 2775`, another group) keeps its permissions
/// and group after every build: each build exchanges the folder for the spare tree.
#[cfg(unix)]
#[test]
fn the_output_folder_keeps_its_permissions_and_group_across_builds() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let project = project("minimal");
    let root = project.path();
    let out = root.join("public");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o2775)).unwrap();
    // Another group when this user may give one (root may; others keep their own group).
    let gid = if std::os::unix::fs::chown(&out, None, Some(65534)).is_ok() {
        65534
    } else {
        std::fs::metadata(&out).unwrap().gid()
    };
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o2775)).unwrap();
    for text in ["Eerste tekst.\n", "Tweede tekst.\n", "Derde tekst.\n"] {
        edit_practice(root, text);
        build_ok(root, &[]);
        let meta = std::fs::metadata(&out).unwrap();
        assert_eq!(meta.permissions().mode() & 0o7777, 0o2775, "after {text:?}");
        assert_eq!(meta.gid(), gid, "after {text:?}");
    }
}
