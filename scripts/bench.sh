#!/usr/bin/env bash
# The side-by-side benchmark (BENCHMARKS.md): installs what it needs when missing (Debian's hugo
# and chromium, the npm packages of bench/: pagefind and playwright-core), builds the generator
# and the harness in release mode, and runs `compare`. Arguments go to `compare`, for example:
#   ./scripts/bench.sh                                   # 10, 1,000 and 10,000 practices
#   ./scripts/bench.sh --sizes 10,1000,10000,50000       # what BENCHMARKS.md records
#   ./scripts/bench.sh --sizes 10000 --only serve --runs 7
# Results go to bench/results/ (results.json, tables.md, build-time.svg, build-memory.svg).
# Criterion micro-benchmarks are separate: `cargo bench -p kennisbank`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf 'bench: %s\n' "$*"; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi

apt_missing=()
for p in hugo chromium time; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        apt_missing+=("$p")
    fi
done
if ((${#apt_missing[@]})); then
    log "installing ${apt_missing[*]}"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${apt_missing[@]}"
fi

if [ ! -d "$root/bench/node_modules" ] || [ "$root/bench/package-lock.json" -nt "$root/bench/node_modules" ]; then
    log "installing npm packages for the benchmark (pagefind, playwright-core)"
    (cd "$root/bench" && npm ci --no-audit --no-fund)
    touch "$root/bench/node_modules"
fi

log "building kennisbank and the harness (release)"
(cd "$root" && cargo build --release -p kennisbank -p kennisbank-bench)
exec "$root/target/release/compare" "$@"
