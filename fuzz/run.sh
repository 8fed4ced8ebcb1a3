#!/usr/bin/env bash
# Fuzzes every target for a short, bounded time (the fuzz step of scripts/test.sh), after seeding
# each corpus with real files (content/, the fixtures, the scenario examples, links and the search
# index of a real build). A crash, a hang (an input that takes more than TIMEOUT seconds) or a
# memory blow-up (more than RSS_MB) is a finding: libFuzzer writes it to fuzz/artifacts/<target>/
# and this script fails, naming it. Then the stored findings (fuzz/regressions/) are run on stable.
#
#   fuzz/run.sh [SECONDS]        each target for SECONDS (default 20)
#   fuzz/run.sh --setup          only install what fuzzing needs (cargo-fuzz, nightly Rust)
#   FUZZ_TARGETS="scenario share_link" fuzz/run.sh 60
#
# Needs nightly Rust (`cargo +nightly`) and cargo-fuzz; installs cargo-fuzz when it is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log() { printf 'fuzz: %s\n' "$*"; }

seconds="${1:-20}"
timeout_s="${TIMEOUT:-10}"
rss_mb="${RSS_MB:-2048}"
all_targets="practice site_yaml stappenplan_yaml synoniemen_yaml scenario share_link search_query index_decoder"
targets="${FUZZ_TARGETS:-$all_targets}"

setup() {
    if ! cargo +nightly --version >/dev/null 2>&1; then
        if ! command -v rustup >/dev/null; then
            log "nightly Rust is missing and there is no rustup to install it (https://rustup.rs)"
            exit 2
        fi
        log "installing nightly Rust"
        rustup toolchain install nightly --profile minimal
    fi
    if ! cargo fuzz --version >/dev/null 2>&1; then
        log "installing cargo-fuzz"
        cargo install cargo-fuzz --locked
    fi
}
setup
if [ "$seconds" = "--setup" ]; then
    log "ready"
    exit 0
fi

# Seeds: copies of real inputs, named by their hash so that seeding again adds nothing twice.
seed() {
    local target="$1" file="$2" dir="fuzz/corpus/$1"
    mkdir -p "$dir"
    cp "$file" "$dir/seed-$(sha1sum "$file" | cut -c1-16)"
}
seed_text() {
    local target="$1" text="$2" tmp
    tmp="$(mktemp)"
    printf '%s' "$text" >"$tmp"
    seed "$target" "$tmp"
    rm -f "$tmp"
}
log "seeding the corpora from real files"
while IFS= read -r -d '' f; do seed practice "$f"; done < <(find content/praktijken tests/fixtures -name '*.md' -print0)
for kind in site stappenplan synoniemen; do
    while IFS= read -r -d '' f; do seed "${kind}_yaml" "$f"; done < <(find content tests/fixtures -name "$kind.yaml" -print0)
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build -q -p kennisbank
kennisbank="$root/target/debug/kennisbank"
for f in calculator-wasm/tests/scenarios/*; do
    seed scenario "$f"
    if link="$("$kennisbank" herverdeling --link "$f" 2>/dev/null)"; then
        seed_text share_link "$link"
    fi
done
while IFS= read -r title; do
    seed_text search_query "$title"
done < <(sed -n 's/^title: *//p' content/praktijken/*/*.md | head -40)
for q in 'woning' 'huur urgentie' 'statushouders huisvesten' 'woningcorporatie*' 'tijdelijke woning'$'\x01''algemeen' 'gezin'$'\x01'$'\x01''Bestuur'; do
    seed_text search_query "$q"
done
"$kennisbank" build --root "$root" --out "$work/site" >/dev/null 2>&1 || { log "the real site does not build; fix that first"; exit 1; }
index="$work/site/zoeken/index"
index_seed() {
    local kind="$1" file="$2" tmp="$work/index-seed"
    { printf "\\x$kind"; cat "$file"; } >"$tmp"
    seed index_decoder "$tmp"
}
index_seed 00 "$index/meta.bin"
[ -f "$index/tags.bin" ] && index_seed 03 "$index/tags.bin"
# A small site's index is one file (all.bin, holding the fragments and documents); a larger one is sharded.
[ -f "$index/all.bin" ] && index_seed 05 "$index/all.bin"
if [ -d "$index/t" ]; then
    for f in $(ls "$index"/t/* | head -8); do index_seed 01 "$f"; done
    for f in $(ls "$index"/d/* | head -8); do index_seed 02 "$f"; done
fi

log "building the targets (nightly, with coverage instrumentation)"
cargo +nightly fuzz build -s none
failed=()
for t in $targets; do
    log "$t: ${seconds}s, timeout ${timeout_s}s, memory limit ${rss_mb} MB"
    out="$work/$t.log"
    if cargo +nightly fuzz run -s none "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" \
        -print_final_stats=1 >"$out" 2>&1; then
        grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$out" \
            | sed "s/^/fuzz: $t: /" || true
    else
        tail -40 "$out"
        failed+=("$t")
    fi
done

log "running the stored findings (fuzz/regressions/)"
(cd fuzz && CARGO_TARGET_DIR="$root/target" cargo test -q)

if ((${#failed[@]})); then
    log "FINDINGS in: ${failed[*]}; the inputs are in fuzz/artifacts/<target>/."
    log "reproduce with \`cargo +nightly fuzz run -s none <target> <file>\`; after the fix, copy the file to fuzz/regressions/<target>/"
    exit 1
fi
log "no findings"
