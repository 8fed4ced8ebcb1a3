//! The smoke test CI runs: the harness generates a small synthetic site that the generator builds
//! without a problem, the same seed gives the same files, the Hugo version has the same pages,
//! and the report and plots come out. No timing is judged here; benchmarks are commands
//! (`compare`), not tests.

use kennisbank_bench::measure::{run_timed, Run, Stat};
use kennisbank_bench::project::{
    default_hugo_skeleton, default_source_root, load_source, write_hugo_site, write_project, MARKER,
};
use kennisbank_bench::report::{all_tables, Outcome, Results, SizeResult};
use kennisbank_bench::synth::generate;
use std::path::Path;
use std::process::Command;

fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, std::fs::read(e.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn synth_writes_a_site_the_generator_builds_without_problems() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let status = Command::new(env!("CARGO_BIN_EXE_synth"))
        .args(["--count", "10", "--seed", "3", "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let built = kennisbank::build::build_in_memory(&out, "/");
    let problems: Vec<String> = built
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.path, d.message))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let content = built.content.expect("the synthetic content loads");
    assert_eq!(content.practices.len(), 10);
    let pages = built
        .files
        .iter()
        .filter(|f| f.path.starts_with("praktijken/") && f.path.matches('/').count() == 3)
        .count();
    assert_eq!(pages, 10, "one page per practice");
}

#[test]
fn same_seed_writes_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let source = default_source_root();
    let (content, corpus) = load_source(&source).unwrap();
    let cats: Vec<String> = content
        .settings
        .categories
        .iter()
        .map(|c| c.slug.clone())
        .collect();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    write_project(&source, &a, &generate(&corpus, &cats, 25, 11)).unwrap();
    write_project(&source, &b, &generate(&corpus, &cats, 25, 11)).unwrap();
    assert_eq!(files_under(&a), files_under(&b));
}

#[test]
fn a_second_write_replaces_only_folders_synth_made() {
    let tmp = tempfile::tempdir().unwrap();
    let source = default_source_root();
    let (content, corpus) = load_source(&source).unwrap();
    let cats: Vec<String> = content
        .settings
        .categories
        .iter()
        .map(|c| c.slug.clone())
        .collect();
    let practices = generate(&corpus, &cats, 5, 1);
    let ours = tmp.path().join("ours");
    write_project(&source, &ours, &practices).unwrap();
    assert!(ours.join(MARKER).is_file());
    write_project(&source, &ours, &practices[..2]).unwrap();
    let count = std::fs::read_dir(ours.join("content/praktijken"))
        .unwrap()
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .count();
    assert_eq!(count, 2, "the first write's practices are gone");

    let foreign = tmp.path().join("foreign");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
    assert!(write_project(&source, &foreign, &practices).is_err());
    assert_eq!(
        std::fs::read_to_string(foreign.join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn hugo_site_has_the_same_practices_and_builds_when_hugo_is_installed() {
    let tmp = tempfile::tempdir().unwrap();
    let source = default_source_root();
    let (content, corpus) = load_source(&source).unwrap();
    let cats: Vec<String> = content
        .settings
        .categories
        .iter()
        .map(|c| c.slug.clone())
        .collect();
    let practices = generate(&corpus, &cats, 10, 5);
    let site = tmp.path().join("hugo");
    write_hugo_site(
        &default_hugo_skeleton(),
        &source,
        &content,
        &site,
        &practices,
    )
    .unwrap();
    for p in &practices {
        let page = site.join(format!("content/praktijken/{}/{}.md", p.category, p.id));
        let text = std::fs::read_to_string(&page).unwrap();
        assert!(text.contains(&format!("title: \"{}\"", p.title)), "{text}");
    }
    assert!(site.join("hugo.toml").is_file());
    assert!(site.join("layouts/_default/single.html").is_file());
    // Hugo is optional on developer machines; when it is there, the skeleton must build.
    if Command::new("hugo").arg("version").output().is_ok() {
        let out = tmp.path().join("hugo-public");
        let run = run_timed(
            Path::new("hugo"),
            &[
                "--source".into(),
                site.to_string_lossy().into_owned(),
                "--destination".into(),
                out.to_string_lossy().into_owned(),
                "--quiet".into(),
            ],
            None,
        );
        let run = match run {
            Ok(r) => r,
            Err(e) if e.contains("cannot run") => return,
            Err(e) => panic!("{e}"),
        };
        assert!(run.wall_ms > 0.0);
        for p in &practices {
            let page = out.join(p.url()).join("index.html");
            assert!(page.is_file(), "Hugo wrote no page for {}", p.id);
        }
    }
}

#[test]
fn report_and_plots_come_out_of_measured_results() {
    let mut results = Results::default();
    for (n, ours, hugo) in [(10, 20.0, 70.0), (1000, 400.0, 750.0)] {
        let stat = |ms: f64, kib: u64| Outcome::Measured {
            value: Stat::from_runs(vec![Run {
                wall_ms: ms,
                max_rss_kib: Some(kib),
                cpu_ms: None,
            }]),
        };
        results.put(SizeResult {
            practices: n,
            build_ours: stat(ours, 10_000),
            build_hugo: stat(hugo, 50_000),
            ..SizeResult::default()
        });
    }
    let tables = all_tables(&results);
    assert!(
        tables
            .contains("| 1,000 | 400 ms | 750 ms | 0.53× | – | – | – | 10 MiB | 49 MiB | 0.20× |"),
        "{tables}"
    );
    let tmp = tempfile::tempdir().unwrap();
    let svg = tmp.path().join("build-time.svg");
    kennisbank_bench::plot::build_time_svg(&results, &svg).unwrap();
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg"), "{}", &text[..text.len().min(80)]);
    assert!(text.contains("kennisbank build") && text.contains("hugo"));
}
