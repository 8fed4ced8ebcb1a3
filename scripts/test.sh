#!/usr/bin/env bash
# Runs every test: formatting, lints, Rust unit and integration tests, the WebAssembly modules under Node
# (and a check that the shipped modules are not stale), a short run of every fuzz target, and the
# browser suite in headless Chromium.
# Installs what is missing first (scripts/setup.sh). Set SKIP_SETUP=1 to skip installing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
step() { printf '\n=== %s ===\n' "$*"; }

if [ "${SKIP_SETUP:-0}" != 1 ]; then
    step "set-up"
    scripts/setup.sh
fi

step "cargo fmt"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test"
# KENNISBANK_REQUIRE_WASM=1: the stale-module test must run here, not skip.
KENNISBANK_REQUIRE_WASM=1 cargo test --workspace

# A short, bounded run of every fuzz target (FUZZ_SECONDS each; FUZZ_SECONDS=0 skips it), then the
# stored findings as regression tests. See fuzz/README.md.
if [ "${FUZZ_SECONDS:-20}" != 0 ]; then
    step "fuzzing (each target ${FUZZ_SECONDS:-20} s)"
    fuzz/run.sh "${FUZZ_SECONDS:-20}"
fi

for t in tests/node/*.sh; do
    [ -e "$t" ] || continue
    step "node: $t"
    bash "$t"
done

if [ -f tests/browser/package.json ]; then
    step "browser suite"
    (cd tests/browser && npm test)
fi
step "all tests passed"
