#!/usr/bin/env bash
# The search engine compiled to WebAssembly gives, under Node, the same answers as native code: every
# query of tests/search-queries.json (the table of generator/tests/search_quality.rs) is run through
# the shipped module (search/tests/wasm_node.mjs), through the native engine (search example
# query_index, with the same filters) and, without filters, through `kennisbank search --json`, over
# the real content built into a temporary folder. Any difference in urls, order, snippets, totals or
# counts fails; scores may differ by 0.001.
#
#   tests/node/search.sh [--release]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

profile=()
case "${1:-}" in
    "") ;;
    --release) profile=(--release) ;;
    *) echo "usage: tests/node/search.sh [--release]" >&2; exit 2 ;;
esac

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The path of the executable a `cargo build` made, from its JSON messages.
executable() {
    node -e '
        let last = "";
        for (const line of require("fs").readFileSync(0, "utf8").split("\n")) {
            if (!line.startsWith("{")) continue;
            const m = JSON.parse(line);
            if (m.reason === "compiler-artifact" && m.executable) last = m.executable;
        }
        if (!last) { console.error("cargo built no executable"); process.exit(1); }
        console.log(last);'
}
kennisbank="$(cargo build -q "${profile[@]}" -p kennisbank --bin kennisbank --message-format=json | executable)"
query_index="$(cargo build -q "${profile[@]}" -p search --example query_index --message-format=json | executable)"

"$kennisbank" build --out "$tmp/site" 2>"$tmp/build.log" || { cat "$tmp/build.log" >&2; exit 1; }
index="$tmp/site/zoeken/index"
node search/tests/wasm_node.mjs "$index" tests/search-queries.json >"$tmp/wasm.json"
"$query_index" "$index" tests/search-queries.json >"$tmp/native.json"
node tests/node/search_compare.mjs --queries tests/search-queries.json --wasm "$tmp/wasm.json" \
    --native "$tmp/native.json" --cli "$kennisbank" --site "$tmp/site"
