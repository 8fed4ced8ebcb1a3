#!/usr/bin/env bash
# The herverdelingscheck's WebAssembly module under Node gives the same verdicts, links and letters
# as the native crate (calculator-wasm/tests/wasm_cases.json, kept equal to native by `cargo test`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
node --test calculator-wasm/tests/wasm_node.mjs
