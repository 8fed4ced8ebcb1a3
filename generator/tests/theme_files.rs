//! The theme's static files are read with the same rules as content (no symbolic links, plain
//! files only) and a size limit of their own.

mod common;
use common::*;

#[test]
fn a_static_file_over_ten_megabytes_is_refused_with_its_path() {
    let dir = project("minimal");
    let big = dir.path().join("themes/default/static/video.mp4");
    std::fs::write(&big, vec![0u8; 10 * 1024 * 1024 + 1]).unwrap();
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 1, "{diags:#?}");
    let e = diags
        .iter()
        .find(|d| d["code"] == "file-too-large")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(e["path"], "themes/default/static/video.mp4");
    assert_eq!(
        e["message"],
        "dit bestand van het thema is groter dan 10 MB (10485761 bytes)"
    );
    assert!(e["hint"].as_str().unwrap().contains("static/"), "{e}");

    // Exactly at the limit is fine.
    std::fs::write(&big, vec![0u8; 10 * 1024 * 1024]).unwrap();
    let (code, diags) = check_json(dir.path());
    assert_eq!(code, 0, "{diags:#?}");
}
