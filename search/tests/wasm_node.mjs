#!/usr/bin/env node
// Runs queries through the built WebAssembly search module, reading the
// index from disk the way the search page fetches it, and prints the results
// as JSON, so they can be compared with `kennisbank search --json`.
//
//   node search/tests/wasm_node.mjs INDEX_DIR QUERIES.json [--wasm GLUE.js] [--limit N]
//
// INDEX_DIR: the built site's zoeken/index/ folder. QUERIES.json: an array of
// strings, or of objects {"q", "category", "tag", "limit"}. GLUE.js defaults
// to generator/assets/wasm/search.js. Output: an array of
// {"query", "total", "exact_total", "shown", "suggestion", "hits": [{"url","link","title","section","exact","category","score","snippet","more"}],
//  "category_counts", "tag_counts", "files", "bytes", "ms"} where files/bytes are what the query
// fetched (raw, not gzip) after meta.bin; the module is fresh for each query,
// as on a first visit.

import { readFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const positional = [];
let gluePath = resolve(here, "../../generator/assets/wasm/search.js");
let defaultLimit = 10;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--wasm") gluePath = resolve(args[++i]);
  else if (args[i] === "--limit") defaultLimit = Number(args[++i]);
  else positional.push(args[i]);
}
if (positional.length !== 2 || !Number.isInteger(defaultLimit) || defaultLimit < 1) {
  console.error("usage: wasm_node.mjs INDEX_DIR QUERIES.json [--wasm GLUE.js] [--limit N]");
  process.exit(2);
}
const [indexDir, queriesPath] = positional;

let queries;
try {
  queries = JSON.parse(readFileSync(queriesPath, "utf8"));
  if (!Array.isArray(queries)) throw new Error("not a JSON array");
} catch (e) {
  console.error(`error: ${queriesPath}: ${e.message}`);
  process.exit(2);
}

const glue = await import(pathToFileURL(gluePath).href);
const wasmPath = gluePath.replace(/\.js$/, "_bg.wasm");
await glue.default({ module_or_path: readFileSync(wasmPath) });

let meta;
try {
  meta = readFileSync(join(indexDir, "meta.bin"));
} catch (e) {
  console.error(`error: no search index in ${indexDir}: ${e.message}`);
  process.exit(2);
}

const out = [];
for (const entry of queries) {
  const q = typeof entry === "string" ? { q: entry } : entry;
  const limit = q.limit ?? defaultLimit;
  const index = new glue.SearchIndex(meta);
  let files = 0;
  let bytes = 0;
  for (let round = 0; round < 6; round++) {
    const needed = index.needed(q.q, q.category, q.tag, limit);
    if (!needed) break;
    for (const path of needed.split("\n")) {
      const data = readFileSync(join(indexDir, path));
      index.addFile(path, data);
      files += 1;
      bytes += data.length;
    }
  }
  const started = process.hrtime.bigint();
  const results = JSON.parse(index.search(q.q, q.category, q.tag, limit));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  out.push({
    query: q.q,
    total: results.total,
    exact_total: results.exact_total,
    suggestion: results.suggestion,
    shown: results.shown,
    hits: results.hits.map(({ url, link, title, section, exact, category, score, snippet, more }) => ({
      url,
      link,
      title,
      section,
      exact,
      category,
      score,
      snippet,
      more,
    })),
    category_counts: results.category_counts,
    tag_counts: results.tag_counts,
    files,
    bytes,
    ms: Math.round(ms * 100) / 100,
  });
  index.free();
}
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
