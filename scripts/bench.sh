#!/usr/bin/env bash
# The side-by-side benchmark (BENCHMARKS.md): installs what it needs when missing (Debian's hugo
# and chromium, the npm packages of bench/: pagefind and playwright-core), builds the generator
# and the harness in release mode, and runs `compare`. Arguments go to `compare`, for example:
#   ./scripts/bench.sh                                   # 10, 1,000 and 10,000 practices
#   ./scripts/bench.sh --sizes 10,1000,10000,50000       # what BENCHMARKS.md records
#   ./scripts/bench.sh --sizes 10000 --only serve --runs 7
#   ./scripts/bench.sh --sizes 10000 --only writes --runs 3 --work /work/bench-work
#                                  # clean/unchanged/one edit/template, on the disk of --work and on tmpfs, with Hugo
#   ./scripts/bench.sh --sizes 50000 --only writes --runs 1 --writes-warmup 0 --work /work/bench-work
#                                  # the same at 50,000 (add --hugo-max 10000 to leave Hugo out: minutes a run)
# Results go to bench/results/ (results.json, tables.md, build-time.svg, build-memory.svg).
# Criterion micro-benchmarks are separate: `cargo bench -p kennisbank`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf 'bench: %s\n' "$*"; }

. "$root/scripts/lib.sh"

apt_ensure hugo chromium time
npm_ensure "$root/bench" "the benchmark (pagefind, playwright-core)"

log "building kennisbank and the harness (release)"
(cd "$root" && cargo build --release -p kennisbank -p kennisbank-bench)
exec "$root/target/release/compare" "$@"
