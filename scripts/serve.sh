#!/usr/bin/env bash
# Builds the site from content/ and serves it with live reload on http://127.0.0.1:1111/.
# Needs only Rust (cargo); extra arguments go to `kennisbank serve` (see `--help`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
exec cargo run --release --quiet -p kennisbank -- serve --root "$root" "$@"
