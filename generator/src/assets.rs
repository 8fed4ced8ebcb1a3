//! The WebAssembly modules and their wasm-bindgen glue, shipped inside the binary so that a
//! `cargo install`ed `kennisbank` builds the complete site without a WebAssembly toolchain.
//! They are built by `scripts/build-wasm.sh`; a test fails when they are stale.

use crate::render::OutputFile;

/// (file name, bytes), written to `static/wasm/`.
pub const WASM_FILES: &[(&str, &[u8])] = &[
    (
        "herverdeling.js",
        include_bytes!("../assets/wasm/herverdeling.js"),
    ),
    (
        "herverdeling_bg.wasm",
        include_bytes!("../assets/wasm/herverdeling_bg.wasm"),
    ),
    (
        "herverdeling_documents.js",
        include_bytes!("../assets/wasm/herverdeling_documents.js"),
    ),
    (
        "herverdeling_documents_bg.wasm",
        include_bytes!("../assets/wasm/herverdeling_documents_bg.wasm"),
    ),
    ("search.js", include_bytes!("../assets/wasm/search.js")),
    (
        "search_bg.wasm",
        include_bytes!("../assets/wasm/search_bg.wasm"),
    ),
];

pub fn files() -> Vec<OutputFile> {
    WASM_FILES
        .iter()
        .map(|(name, bytes)| OutputFile {
            path: format!("static/wasm/{name}"),
            bytes: bytes.to_vec(),
        })
        .collect()
}
