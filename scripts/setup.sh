#!/usr/bin/env bash
# Installs everything the full test suite needs on a fresh Debian machine, skipping what is there:
#   - the WebAssembly toolchain (scripts/wasm-toolchain.sh): Debian's rustc-web + std source, wasm-bindgen-cli;
#   - Debian's Chromium and ChromeDriver, for the browser tests;
#   - LibreOffice Writer (headless) and poppler-utils, to open the herverdeling documents (.odt,
#     .docx) in the tests and to render them as PDF/PNG for review;
#   - the browser tests' npm packages (playwright-core, axe-core), from tests/browser/package-lock.json;
#   - nightly Rust and cargo-fuzz, for the fuzz step (fuzz/run.sh).
# Building and serving the site needs none of this: the WebAssembly modules ship with the generator.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf 'setup: %s\n' "$*"; }

. "$root/scripts/lib.sh"

apt_ensure chromium chromium-driver
apt_ensure libreoffice-writer-nogui poppler-utils

"$root/scripts/wasm-toolchain.sh"

if [ -f "$root/tests/browser/package.json" ]; then
    npm_ensure "$root/tests/browser" "the browser tests"
fi
"$root/fuzz/run.sh" --setup

log "ready"
