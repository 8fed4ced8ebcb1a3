//! Shared helpers for the integration tests: fixture projects in temporary folders and running the CLI.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary project: the fixture's `content/` (or the real one for `"real"`) and the repository's themes.
pub fn project(fixture: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = if fixture == "real" {
        repo_root().join("content")
    } else {
        repo_root()
            .join("tests/fixtures")
            .join(fixture)
            .join("content")
    };
    copy_dir(&content, &dir.path().join("content"));
    // Fixtures share the real municipalities list and letter template unless they bring their own.
    for shared in ["gemeenten.yaml", "herverdeling"] {
        let target = dir.path().join("content").join(shared);
        if !target.exists() {
            let source = repo_root().join("content").join(shared);
            if source.is_dir() {
                copy_dir(&source, &target);
            } else {
                std::fs::copy(&source, &target).unwrap();
            }
        }
    }
    copy_dir(&repo_root().join("themes"), &dir.path().join("themes"));
    dir
}

pub fn kennisbank(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kennisbank"))
        .args(args)
        .current_dir(cwd)
        // Messages in the default language (Dutch), whatever this machine's locale.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("run kennisbank")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Every file below `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// `check --format json` on a project: the diagnostics as JSON values.
pub fn check_json(dir: &Path) -> (i32, Vec<serde_json::Value>) {
    let out = kennisbank(&["check", "--format", "json"], dir);
    let text = stdout(&out);
    let diags: Vec<serde_json::Value> = if text.trim().is_empty() {
        vec![]
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
    };
    (out.status.code().unwrap_or(-1), diags)
}

/// The href values in an HTML page.
pub fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|s| s.replace("&amp;", "&"))
        .collect()
}

/// The names of the entries of `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
