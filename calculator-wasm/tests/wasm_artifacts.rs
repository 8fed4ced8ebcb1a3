//! The committed WebAssembly artifacts in `generator/assets/wasm/` are what `scripts/build-wasm.sh`
//! builds from the current source. Rebuilds into a temporary folder and compares byte for byte.
//!
//! Without the wasm toolchain (scripts/wasm-toolchain.sh) the test prints a notice and passes,
//! unless `KENNISBANK_REQUIRE_WASM=1`, which makes a missing toolchain a failure (for CI).

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Why the toolchain is not usable, if it is not.
fn toolchain_missing(root: &Path) -> Option<String> {
    for bin in ["/usr/bin/rustc", "/usr/bin/cargo"] {
        if !Path::new(bin).exists() {
            return Some(format!(
                "{bin} (Debian's rustc-web/cargo-web) is not installed"
            ));
        }
    }
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).ok()?;
    let want = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"wasm-bindgen\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
        .map(|v| v.trim_matches('"').to_string())?;
    let have = Command::new("wasm-bindgen")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    match have {
        Some(v) if v.ends_with(&want) => None,
        Some(v) => Some(format!("wasm-bindgen {want} is needed, found `{v}`")),
        None => Some("wasm-bindgen-cli is not installed".into()),
    }
}

#[test]
fn committed_wasm_artifacts_match_a_fresh_build() {
    let root = repo();
    if let Some(why) = toolchain_missing(&root) {
        if std::env::var("KENNISBANK_REQUIRE_WASM").as_deref() == Ok("1") {
            panic!("wasm toolchain required (KENNISBANK_REQUIRE_WASM=1) but {why}; run scripts/wasm-toolchain.sh");
        }
        eprintln!("NOTICE: skipping the wasm artifact check: {why}. Run scripts/wasm-toolchain.sh, or set KENNISBANK_REQUIRE_WASM=1 to make this a failure.");
        return;
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let out = std::env::temp_dir().join(format!("kennisbank-wasm-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let status = Command::new("bash")
        .arg(root.join("scripts/build-wasm.sh"))
        .arg(&out)
        .status()
        .expect("bash runs");
    assert!(status.success(), "scripts/build-wasm.sh failed");

    let committed = root.join("generator/assets/wasm");
    let mut stale = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(!names.is_empty(), "the build wrote nothing");
    for name in &names {
        let fresh = std::fs::read(out.join(name)).unwrap();
        let old = std::fs::read(committed.join(name)).unwrap_or_default();
        if fresh != old {
            stale.push(name.to_string_lossy().into_owned());
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    assert!(
        stale.is_empty(),
        "stale WebAssembly artifacts in generator/assets/wasm/: {}. Run scripts/build-wasm.sh and commit them.",
        stale.join(", ")
    );
}
