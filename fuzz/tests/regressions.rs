//! Every input a fuzzer found a crash, hang or memory blow-up with, kept in
//! `regressions/<target>/`, run through the same function as the fuzz target. A file added there
//! fails this test until its problem is fixed (problems still open are in `known/`, see
//! `README.md`).

use std::time::{Duration, Instant};

/// A case that takes longer than this is the hang it was kept for.
const LIMIT: Duration = Duration::from_secs(10);

/// Runs every file of `<folder>/<target>/` through its target; returns how many ran.
fn run_stored(folder: &str) -> usize {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut ran = 0;
    for (name, target) in kennisbank_fuzz::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            let started = Instant::now();
            target(&data);
            let took = started.elapsed();
            assert!(took < LIMIT, "{}: took {took:?}", path.display());
            ran += 1;
        }
    }
    ran
}

#[test]
fn stored_fuzz_findings_pass() {
    let ran = run_stored("regressions");
    eprintln!("{ran} stored fuzz findings pass");
}

/// The findings not fixed yet (`known/`, see README.md): `cargo test -- --ignored` shows which
/// still fail; a passing one moves to `regressions/`.
#[test]
#[ignore]
fn known_fuzz_findings() {
    run_stored("known");
}

#[test]
fn every_regression_folder_names_a_target() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    for entry in std::fs::read_dir(root).unwrap() {
        let entry = entry.unwrap();
        if !entry.file_type().unwrap().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            kennisbank_fuzz::TARGETS.iter().any(|(t, _)| *t == name),
            "regressions/{name} is not a fuzz target"
        );
    }
}
