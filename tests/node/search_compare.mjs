#!/usr/bin/env node
// Compares the answers of the search WebAssembly module (search/tests/wasm_node.mjs) with those of
// the native engine (search example query_index) and of `kennisbank search --json`, query by query
// of the shared table tests/search-queries.json. Exits 1 on any difference in urls, order, titles,
// categories, snippets, totals or counts, or in scores beyond float tolerance.
//
//   node tests/node/search_compare.mjs --queries Q.json --wasm W.json --native N.json \
//        --cli KENNISBANK_BIN --site SITE_DIR [--limit N]
//
// Filtered queries (category, tag) are compared with native code only: `kennisbank search` has no
// filter options.

import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const SCORE_TOLERANCE = 1e-3;

function parseArgs(argv) {
  const opts = { limit: 10 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    const value = argv[++i];
    if (value === undefined) throw new Error(`${argv[i - 1]} needs a value`);
    opts[key] = key === "limit" ? Number(value) : value;
  }
  for (const required of ["queries", "wasm", "native", "cli", "site"]) {
    if (!opts[required]) throw new Error(`--${required} is missing`);
  }
  return opts;
}

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/// Differences between two hit lists, as messages.
function compareHits(label, a, b) {
  const out = [];
  if (a.length !== b.length) {
    out.push(`${label}: ${a.length} hits vs ${b.length}: ${a.map((h) => h.url)} | ${b.map((h) => h.url)}`);
    return out;
  }
  a.forEach((ha, i) => {
    const hb = b[i];
    for (const field of ["url", "link", "title", "section", "exact", "category", "snippet", "more"]) {
      if (ha[field] !== hb[field]) {
        out.push(`${label}: hit ${i + 1} ${field}: ${JSON.stringify(ha[field])} vs ${JSON.stringify(hb[field])}`);
      }
    }
    if (!(Math.abs(ha.score - hb.score) <= SCORE_TOLERANCE)) {
      out.push(`${label}: hit ${i + 1} (${ha.url}) score ${ha.score} vs ${hb.score}`);
    }
  });
  return out;
}

const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`error: ${e.message}`);
    console.error("usage: search_compare.mjs --queries Q.json --wasm W.json --native N.json --cli BIN --site DIR [--limit N]");
    process.exit(2);
  }
  const queries = readJson(opts.queries).map((q) => (typeof q === "string" ? { q } : q));
  const wasm = readJson(opts.wasm);
  const native = readJson(opts.native);
  if (wasm.length !== queries.length || native.length !== queries.length) {
    console.error(`error: ${queries.length} queries, ${wasm.length} wasm answers, ${native.length} native answers`);
    process.exit(1);
  }

  const problems = [];
  let cliRuns = 0;
  let hits = 0;
  queries.forEach((q, i) => {
    const label = JSON.stringify(q.q) + (q.category ? ` in ${q.category}` : "") + (q.tag ? ` tagged ${q.tag}` : "");
    const w = wasm[i];
    const n = native[i];
    if (w.query !== q.q || n.query !== q.q) {
      problems.push(`${label}: answers out of order (${w.query}, ${n.query})`);
      return;
    }
    hits += w.hits.length;
    problems.push(...compareHits(`${label} wasm/native`, w.hits, n.hits));
    for (const field of ["total", "exact_total", "shown", "suggestion"]) {
      if (w[field] !== n[field]) problems.push(`${label}: ${field} ${w[field]} (wasm) vs ${n[field]} (native)`);
    }
    if (!same(w.category_counts, n.category_counts)) {
      problems.push(`${label}: category counts ${JSON.stringify(w.category_counts)} vs ${JSON.stringify(n.category_counts)}`);
    }
    if (!same(w.tag_counts, n.tag_counts)) {
      problems.push(`${label}: tag counts ${JSON.stringify(w.tag_counts)} vs ${JSON.stringify(n.tag_counts)}`);
    }
    if (q.category || q.tag) return;

    let cli;
    try {
      const text = execFileSync(
        opts.cli,
        ["search", q.q, "--json", "--limit", String(q.limit ?? opts.limit), "--out", opts.site],
        { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      cli = JSON.parse(text);
    } catch (e) {
      // A query without words (only punctuation) is refused by the command line, exit 2; the
      // engines answer it with nothing.
      const noWords = !/[\p{L}\p{N}]/u.test(q.q);
      if (noWords && e.status === 2 && w.hits.length === 0) {
        cliRuns += 1;
        return;
      }
      problems.push(`${label}: kennisbank search failed: ${e.stderr || e.message}`);
      return;
    }
    cliRuns += 1;
    problems.push(...compareHits(`${label} wasm/cli`, w.hits, cli));
  });

  if (problems.length > 0) {
    console.error(`search: ${problems.length} difference(s) between wasm, native and CLI:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  const times = wasm.map((r) => r.ms ?? 0);
  const bytes = wasm.map((r) => r.bytes ?? 0);
  console.log(
    `search: ${queries.length} queries (${hits} hits): wasm = native, and = kennisbank search --json ` +
      `for the ${cliRuns} without filters; wasm query ${Math.min(...times)}-${Math.max(...times)} ms, ` +
      `index files fetched per first query ${Math.min(...bytes)}-${Math.max(...bytes)} bytes (raw)`,
  );
}

main();
