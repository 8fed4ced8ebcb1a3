// The whole site as a crawler sees it, built at `/` and under a sub-path: every page reachable
// from the home page, every internal link, script, stylesheet and data file answering 200 with
// the right content type, every #fragment existing, and on every page (not one per kind) the
// CSP meta tag, the header search form and no inline script or style.
// Then the checker in a real browser under the sub-path.

import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SUB_PATH, siteDirs } from '../lib/build.js';
import { assertClean, newContext, open, setup } from '../lib/harness.js';
import { allPages } from '../lib/pages.js';
import { contentType } from '../lib/server.js';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const ATTRS = /\s(href|src|data-municipalities|data-letter-template|data-engine-glue|data-engine-binary|data-engine-index|data-warm-page)="([^"]*)"/g;

function decodeEntities(s) {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Every `index.html` of the build, as URL paths below the base. */
function builtPages(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...builtPages(dir, r));
    else if (name === 'index.html') out.push(rel ? rel + '/' : '');
  }
  return out;
}

/**
 * Crawls from `start`; returns { pages: Map(url → html), problems: [] }. Only URLs below `start`
 * are followed; a link to another host is an ordinary link and is not fetched, but a resource
 * (src, stylesheet) from another host is a problem.
 */
async function crawl(start) {
  const origin = new URL(start).origin;
  const pages = new Map();
  const checked = new Map();
  const problems = [];
  const fragments = [];
  const queue = [start];
  while (queue.length) {
    const url = queue.shift();
    if (pages.has(url)) continue;
    const res = await fetch(url, { redirect: 'manual' });
    if (res.status !== 200) {
      problems.push(`${url}: HTTP ${res.status}`);
      pages.set(url, null);
      continue;
    }
    const html = await res.text();
    pages.set(url, html);
    // A list attribute (data-warm-page) names several files, separated by spaces.
    const uses = [...html.matchAll(ATTRS)].flatMap((m) =>
      (m[1] === 'data-warm-page' ? m[2].split(' ').filter(Boolean) : [m[2]]).map((raw) => ({ m, attr: m[1], raw })));
    for (const { m, attr, raw } of uses) {
      const value = decodeEntities(raw);
      if (value === '' || value.startsWith('mailto:') || value.startsWith('tel:') || value.startsWith('data:')) continue;
      let target;
      try {
        target = new URL(value, url);
      } catch {
        problems.push(`${url}: ${attr}="${value}" is not a URL`);
        continue;
      }
      const isResource = attr !== 'href' || /<link[^>]+rel="(stylesheet|icon|modulepreload|preload)"[^>]*$/.test(html.slice(Math.max(0, m.index - 200), m.index + 1));
      if (target.origin !== origin) {
        if (isResource) problems.push(`${url}: ${attr} loads from another origin: ${value}`);
        continue;
      }
      if (!target.pathname.startsWith(new URL(start).pathname)) {
        problems.push(`${url}: ${attr}="${value}" leaves the base path ${new URL(start).pathname}`);
        continue;
      }
      if (target.hash && attr === 'href') fragments.push({ from: url, target: target.href });
      target.hash = '';
      const clean = attr === 'data-engine-index' ? new URL('meta.bin', target).href : target.href;
      const isPage = clean.endsWith('/') || clean.endsWith('.html');
      if (isPage && attr === 'href') {
        if (!pages.has(clean)) queue.push(clean);
      } else if (!checked.has(clean)) {
        const r = await fetch(clean);
        checked.set(clean, r.status);
        if (r.status !== 200) problems.push(`${url}: ${attr}="${value}" answers HTTP ${r.status}`);
        else {
          const expected = contentType(new URL(clean).pathname);
          if (r.headers.get('content-type') !== expected) problems.push(`${clean}: content type ${r.headers.get('content-type')}, expected ${expected}`);
        }
        await r.arrayBuffer();
      }
    }
  }
  for (const f of fragments) {
    const u = new URL(f.target);
    const id = decodeURIComponent(u.hash.slice(1));
    u.hash = '';
    const html = pages.get(u.href);
    if (html && !html.includes(` id="${id}"`)) problems.push(`${f.from}: link to #${id} on ${u.href}, which has no element with that id`);
  }
  return { pages, problems };
}

function pageProblems(url, html, base) {
  const out = [];
  if (!/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval'[^"]*">/.test(html)) out.push(`${url}: no CSP meta tag with script-src 'self' 'wasm-unsafe-eval'`);
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) if (!/\ssrc="/.test(m[1])) out.push(`${url}: inline <script${m[1]}>`);
  if (/<style[\s>]/.test(html)) out.push(`${url}: <style> element`);
  if (/\sstyle="/.test(html)) out.push(`${url}: style attribute`);
  if (/\son[a-z]+="/.test(html)) out.push(`${url}: event handler attribute`);
  const form = html.match(/<form\b[^>]*role="search"[^>]*>/);
  if (!form || !form[0].includes(`action="${base}zoeken/"`) || !form[0].includes('method="get"')) out.push(`${url}: no header search form (GET ${base}zoeken/)`);
  if (!/<input id="zoekveld" name="q"/.test(html)) out.push(`${url}: no search box #zoekveld named q`);
  return out;
}

for (const [label, key, base] of [
  ['at /', 'url', '/'],
  [`under ${SUB_PATH}`, 'subUrl', SUB_PATH],
]) {
  describe(`the site ${label}`, () => {
    it('has no broken link, resource or fragment, and every page has the CSP, the search form and no inline code', async () => {
      const start = env[key];
      const { pages, problems } = await crawl(start);
      for (const [url, html] of pages) if (html) problems.push(...pageProblems(url, html, base));
      const site = key === 'url' ? env.sites.root : env.sites.sub;
      const reached = new Set([...pages.keys()].map((u) => new URL(u).pathname.slice(base.length)));
      for (const p of builtPages(site)) if (!reached.has(p)) problems.push(`/${p} is built but no page links to it`);
      assert.ok(pages.size >= 20, `crawled ${pages.size} pages`);
      assert.deepEqual(problems, [], `${problems.length} problem(s) over ${pages.size} pages`);
    });
  });
}

const checker = allPages(siteDirs().root).find((p) => p.role === 'checker');
describe(`the herverdelingscheck under ${SUB_PATH}`, { skip: !checker.present && !checker.required ? checker.why : false }, () => {
  it('loads its module and data and restores a shared check', async () => {
    const context = await newContext(env.browser);
    try {
      const query = '?periode=2026-1&besluitdatum=2026-02-10&bekendmaking=2026-02-12&gemeente=Ameland,6,0&gemeente=Heerenveen,20,26';
      const p = await open(context, env.subUrl + checker.urlPath + query, { ready: checker.ready });
      await p.locator('[data-verdict="valid"]').waitFor({ timeout: 5000 });
      // Asked for, the letter comes from the documents module, fetched under the base path too.
      await p.getByRole('button', { name: 'Brief tonen' }).click();
      await p.locator('[data-letter]').filter({ hasText: 'Heerenveen' }).waitFor({ timeout: 10000 });
      assert.equal(new URL(await p.locator('[data-share-link]').evaluate((a) => a.href)).pathname, SUB_PATH + checker.urlPath, 'the share link keeps the base path');
      assertClean(context);
    } finally {
      await context.close();
    }
  });
});
