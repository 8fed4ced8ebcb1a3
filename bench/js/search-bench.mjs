// Search and page-weight measurements in the system Chromium, driven by playwright-core.
//
//   node bench/js/search-bench.mjs --site DIR [--queries "a,b c"] [--runs N] [--pages /p/,/q/]
//        [--throttle slow4g]
//
// --throttle slow4g: every query measurement runs under Chromium's "Slow 4G" network emulation
// (CDP Network.emulateNetworkConditions with the DevTools preset: 562.5 ms latency, 1.44 Mbit/s
// down, 675 kbit/s up), so the time to the first results counts round trips, not only bytes.
//
// Serves DIR on a loopback port with gzip (level 6, only when it makes the body smaller, as a web
// server with gzip on for all types would), and counts the body bytes the server sends; headers
// are not counted. Every measurement uses a fresh browser context, so nothing is cached.
//
// For each engine present in DIR (ours: /static/wasm/search.js + /zoeken/index/meta.bin;
// Pagefind: /pagefind/pagefind.js) and each query:
//   cold: from a blank page, load the engine, run the query and get the first 10 results with
//         their titles and excerpts; bytes and time.
//   warm: the same, after the engine was loaded and answered another query in the same page.
// Pages: bytes and requests to load each page of --pages until the network is idle.
// --flow "q1,q2": what a visitor does, on the site's own pages (ours only): open the home page,
//   wait until it is idle, put the focus in the header search box, type the query at --type-ms
//   per key (default 250, a phone), press Enter, and time from Enter to the first result shown
//   on the results page ("flow_ms"). The page itself may use the typing time (the header box
//   warms the engine on focus).
// Files are served with `Cache-Control: max-age=600` and `Last-Modified`, as GitHub Pages does;
// every measurement starts in a fresh browser context, so only what one visit fetched is cached.
// Prints one JSON object on stdout.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gzipSync, constants as zc } from 'node:zlib';
import { join, normalize, extname } from 'node:path';
import { chromium } from 'playwright-core';

function args() {
  const a = { site: null, queries: 'huurtoeslag', runs: 5, pages: '', warmup: 'gemeente', limit: 10, throttle: '', flow: '', 'type-ms': 250 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in a)) throw new Error(`unknown option --${key}`);
    a[key] = argv[i + 1];
  }
  if (!a.site) throw new Error('--site DIR is required');
  a.runs = Number(a.runs);
  a.limit = Number(a.limit);
  a.queries = a.queries.split(',').map((q) => q.trim()).filter(Boolean);
  a.pages = a.pages.split(',').map((p) => p.trim()).filter(Boolean);
  a.flow = a.flow.split(',').map((q) => q.trim()).filter(Boolean);
  a['type-ms'] = Number(a['type-ms']);
  if (a.throttle && !(a.throttle in THROTTLE)) throw new Error(`unknown --throttle ${a.throttle}`);
  return a;
}

// Chromium DevTools' network presets (front_end/core/sdk/NetworkManager.ts), bytes per second.
const THROTTLE = {
  slow4g: { offline: false, latency: 150 * 3.75, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 },
};

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.txt': 'text/plain',
  '.xml': 'application/xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

const HARNESS = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';

function startServer(root) {
  const counter = { bytes: 0, requests: 0, files: [] };
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (path === '/__bench/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(HARNESS);
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403); res.end(); return; }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      let entry = cache.get(file);
      if (!entry) {
        const raw = await readFile(file);
        const gz = gzipSync(raw, { level: 6, memLevel: 8, strategy: zc.Z_DEFAULT_STRATEGY });
        entry = { raw, gz: gz.length < raw.length ? gz : null };
        cache.set(file, entry);
      }
      const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      const body = accepts && entry.gz ? entry.gz : entry.raw;
      const headers = {
        'content-type': TYPES[extname(file)] || 'application/octet-stream', 'content-length': body.length,
        'cache-control': 'max-age=600', 'last-modified': info.mtime.toUTCString(),
      };
      if (body === entry.gz) headers['content-encoding'] = 'gzip';
      res.writeHead(200, headers);
      res.end(body);
      counter.bytes += body.length;
      counter.requests += 1;
      counter.files.push([path, body.length]);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, counter, port: server.address().port })));
}

const ENGINES = {
  ours: {
    present: (site) => existsSync(join(site, 'static/wasm/search.js')) && existsSync(join(site, 'zoeken/index/meta.bin')),
    // What the search page does: load the module, the metadata, then the files the query needs.
    load: async () => {
      // The metadata and the WebAssembly are fetched beside the glue, as the search page does.
      const metaBytes = fetch('/zoeken/index/meta.bin').then((r) => r.arrayBuffer());
      const wasm = fetch('/static/wasm/search_bg.wasm');
      const mod = await import('/static/wasm/search.js');
      await mod.default({ module_or_path: wasm });
      if (typeof mod.SearchIndex !== 'function') throw new Error('search.js exports no SearchIndex');
      const meta = new Uint8Array(await metaBytes);
      const index = new mod.SearchIndex(meta);
      return async (q, limit) => {
        for (let round = 0; round < 8; round++) {
          const need = index.needed(q, null, null, limit).split('\n').filter(Boolean);
          if (need.length === 0) break;
          // With the build's stamp in the URL, as the page asks (an older engine has no fileUrl).
          const url = (p) => '/zoeken/index/' + (index.fileUrl ? index.fileUrl(p) : p);
          const files = await Promise.all(need.map(async (p) => [p, new Uint8Array(await (await fetch(url(p))).arrayBuffer())]));
          for (const [p, bytes] of files) {
            if (index.addFile(p, bytes) === false) throw new Error(`${p}: from another build than meta.bin`);
          }
        }
        const r = JSON.parse(index.search(q, null, null, limit));
        return { total: r.total, exact: r.exact_total, top: r.hits.map((h) => ({ url: h.url, title: h.title, excerpt: h.snippet })) };
      };
    },
  },
  pagefind: {
    present: (site) => existsSync(join(site, 'pagefind/pagefind.js')),
    load: async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.options({ excerptLength: 30 });
      await pf.init();
      return async (q, limit) => {
        const s = await pf.search(q);
        const data = await Promise.all(s.results.slice(0, limit).map((r) => r.data()));
        return { total: s.results.length, top: data.map((d) => ({ url: d.url, title: d.meta && d.meta.title, excerpt: d.excerpt })) };
      };
    },
  },
};

// Runs in the page: times loading the engine and answering `q` with the first `limit` results.
async function inPage({ engine, q, limit, loaders }) {
  const load = new Function(`return (${loaders[engine]})`)();
  const t0 = performance.now();
  const run = await load();
  const r = await run(q, limit);
  return { ms: performance.now() - t0, ...r };
}

async function measureQuery(browser, base, counter, engine, q, warm, limit, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/__bench/');
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLE[throttle]);
  }
  const loaders = { [engine]: ENGINES[engine].load.toString() };
  try {
    if (warm) {
      // Load the engine and answer another query, then measure `q` in the same page.
      await page.evaluate(async ({ engine, warmup, limit, loaders }) => {
        const load = new Function(`return (${loaders[engine]})`)();
        const run = await load();
        await run(warmup, limit);
        window.__run = run;
      }, { engine, warmup: warm, limit, loaders });
      counter.bytes = 0; counter.requests = 0; counter.files = [];
      const r = await page.evaluate(async ({ q, limit }) => {
        const t0 = performance.now();
        const r = await window.__run(q, limit);
        return { ms: performance.now() - t0, ...r };
      }, { q, limit });
      return { ...r, bytes: counter.bytes, requests: counter.requests, files: counter.files };
    }
    counter.bytes = 0; counter.requests = 0; counter.files = [];
    const r = await page.evaluate(inPage, { engine, q, limit, loaders });
    return { ...r, bytes: counter.bytes, requests: counter.requests, files: counter.files };
  } finally {
    await context.close();
  }
}

// A visitor's search from the home page's header box; see --flow.
async function measureFlow(browser, base, counter, q, typeMs, throttle) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', THROTTLE[throttle]);
    }
    await page.goto(base + '/', { waitUntil: 'networkidle' });
    counter.bytes = 0; counter.requests = 0; counter.files = [];
    await page.locator('#zoekveld').focus();
    await page.keyboard.type(q, { delay: typeMs });
    const t0 = Date.now();
    await Promise.all([page.waitForURL(/\/zoeken\/\?/), page.keyboard.press('Enter')]);
    await page.locator('[data-search-results] a[href]').first().waitFor({ timeout: 120000 });
    return { ms: Date.now() - t0, bytes: counter.bytes, requests: counter.requests };
  } finally {
    await context.close();
  }
}

async function measurePage(browser, base, counter, path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    counter.bytes = 0; counter.requests = 0; counter.files = [];
    const resp = await page.goto(base + path, { waitUntil: 'networkidle' });
    return { status: resp ? resp.status() : 0, bytes: counter.bytes, requests: counter.requests, files: counter.files };
  } finally {
    await context.close();
  }
}

function median(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

async function main() {
  const a = args();
  const site = normalize(a.site);
  const { server, counter, port } = await startServer(site);
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const out = {
    engines: {},
    pages: [],
    method: 'server-side gzip body bytes; fresh browser context per run; loopback network' + (a.throttle ? `; Chromium network emulation ${a.throttle}` : ''),
  };
  try {
    for (const [name, engine] of Object.entries(ENGINES)) {
      if (!engine.present(site)) { out.engines[name] = { available: false }; continue; }
      const queries = [];
      for (const q of a.queries) {
        const cold = [];
        const warm = [];
        for (let i = 0; i < a.runs; i++) {
          cold.push(await measureQuery(browser, base, counter, name, q, null, a.limit, a.throttle));
          warm.push(await measureQuery(browser, base, counter, name, q, a.warmup, a.limit, a.throttle));
        }
        const last = cold[cold.length - 1];
        queries.push({
          q, words: q.split(/\s+/).length,
          total: last.total, exact: last.exact ?? null, top: last.top.map((t) => t.url), titles: last.top.map((t) => t.title),
          excerpt: last.top.length ? last.top[0].excerpt : null,
          files: last.files,
          cold_ms: median(cold.map((r) => r.ms)), cold_bytes: median(cold.map((r) => r.bytes)), cold_requests: median(cold.map((r) => r.requests)),
          warm_ms: median(warm.map((r) => r.ms)), warm_bytes: median(warm.map((r) => r.bytes)), warm_requests: median(warm.map((r) => r.requests)),
          cold_runs_ms: cold.map((r) => r.ms), warm_runs_ms: warm.map((r) => r.ms),
        });
      }
      out.engines[name] = { available: true, queries };
    }
    if (a.flow.length) {
      out.flow = [];
      for (const q of a.flow) {
        const runs = [];
        for (let i = 0; i < a.runs; i++) runs.push(await measureFlow(browser, base, counter, q, a['type-ms'], a.throttle));
        out.flow.push({ q, type_ms: a['type-ms'], flow_ms: median(runs.map((r) => r.ms)), runs_ms: runs.map((r) => r.ms), bytes: median(runs.map((r) => r.bytes)) });
      }
    }
    for (const path of a.pages) {
      const runs = [];
      for (let i = 0; i < Math.min(a.runs, 3); i++) runs.push(await measurePage(browser, base, counter, path));
      const last = runs[runs.length - 1];
      out.pages.push({ path, status: last.status, bytes: median(runs.map((r) => r.bytes)), requests: last.requests, files: last.files });
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
