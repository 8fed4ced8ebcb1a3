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

/// Every `?h=` URL of every page, as (the path in the output, the hash in the URL).
fn hashed_urls(files: &[kennisbank::render::OutputFile]) -> Vec<(String, String)> {
    let mut urls = Vec::new();
    for page in files.iter().filter(|f| f.path.ends_with(".html")) {
        let html = String::from_utf8_lossy(&page.bytes);
        let parts: Vec<&str> = html.split("?h=").collect();
        for pair in parts.windows(2) {
            let (before, after) = (pair[0], pair[1]);
            let path = before
                .rsplit(['"', ' '])
                .next()
                .unwrap()
                .trim_start_matches('/');
            urls.push((path.to_string(), after[..8].to_string()));
        }
    }
    urls.sort();
    urls.dedup();
    urls
}

/// After a deploy, a browser may keep an older copy of a script, a style sheet, the search
/// engine or a letter template: the pages name each such file with a hash of its bytes, so a page
/// asks for the files of its own build. Every hash named is that of the file written, and an edit
/// changes the URL of the edited file only.
#[test]
fn pages_name_the_static_and_data_files_by_the_hash_of_their_bytes() {
    let dir = project("real");
    let built = kennisbank::build::build_in_memory(dir.path(), "/");
    assert!(!built.has_errors(), "{:?}", built.diagnostics);
    let urls = hashed_urls(&built.files);
    let named: Vec<&str> = urls.iter().map(|(p, _)| p.as_str()).collect();
    for expected in [
        "static/style.css",
        "static/pagina.js",
        "static/zoeken.js",
        "static/wasm/search.js",
        "static/wasm/search_bg.wasm",
        "static/wasm/herverdeling_documents_bg.wasm",
        "herverdeling/brief-coa.html",
        "herverdeling/gemeenten.json",
        "herverdeling/besluit.html",
    ] {
        assert!(
            named.contains(&expected),
            "{expected} not named by hash: {named:?}"
        );
    }
    for (path, hash) in &urls {
        let file = built
            .files
            .iter()
            .find(|f| &f.path == path)
            .unwrap_or_else(|| panic!("{path}: named with ?h= but not written"));
        let url = kennisbank::render::static_urls::versioned(path, &file.bytes);
        assert_eq!(
            url,
            format!("{path}?h={hash}"),
            "{path}: the hash of another build"
        );
    }

    // One edited style sheet and one letter template: their URLs change, no other.
    let css = dir.path().join("themes/default/static/style.css");
    let text = std::fs::read_to_string(&css).unwrap();
    std::fs::write(&css, format!("{text}\n/* bewerkt */\n")).unwrap();
    let letter = dir.path().join("content/herverdeling/besluit.html");
    let text = std::fs::read_to_string(&letter).unwrap();
    std::fs::write(&letter, format!("{text}\n")).unwrap();
    let again = kennisbank::build::build_in_memory(dir.path(), "/");
    assert!(!again.has_errors(), "{:?}", again.diagnostics);
    let after = hashed_urls(&again.files);
    let changed: Vec<&str> = after
        .iter()
        .filter(|u| !urls.contains(u))
        .map(|(p, _)| p.as_str())
        .collect();
    assert_eq!(changed, ["herverdeling/besluit.html", "static/style.css"]);
}
