// Every kind of page (lib/pages.js), each in its own group: accessibility (axe-core at WCAG 2.1
// AA and best practice, page structure), keyboard (skip link, visible focus on every tab stop),
// content security (CSP meta tag, no inline script or style), reading without JavaScript,
// layout at 320/768/1280 px with screenshots, and 200% zoom. Every test also fails on a console
// error or a request that leaves loopback.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { siteDirs } from '../lib/build.js';
import {
  artifact,
  assertClean,
  assertNoViolations,
  axe,
  clippedText,
  focusSweep,
  focused,
  headingProblems,
  horizontalOverflow,
  newContext,
  open,
  setup,
} from '../lib/harness.js';
import { allPages } from '../lib/pages.js';

const PAGES = allPages(siteDirs().root);
const WIDTHS = [320, 768, 1280];
const MAX_TAB_STOPS = 200;

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const slug = (kind) => kind.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

/** Opens the page in a fresh context, runs `body(page, context)`, then checks the context stayed clean. */
async function withPage(p, options, body) {
  const { viewport, javaScriptEnabled, textZoom, ...rest } = options ?? {};
  const context = await newContext(env.browser, {
    ...(viewport ? { viewport } : {}),
    ...(javaScriptEnabled === false ? { javaScriptEnabled: false } : {}),
    ...rest,
  });
  try {
    const page = await open(context, env.url + p.urlPath, { status: p.status, ready: p.ready, textZoom });
    await body(page, context);
    assertClean(context);
  } finally {
    await context.close();
  }
}

for (const p of PAGES) {
  const skip = !p.present && !p.required ? `${p.why}; optional until it lands (OPTIONAL_PAGES in lib/pages.js)` : false;
  describe(`${p.kind} page (/${p.urlPath ?? '?'})`, { skip }, () => {
    before(() => {
      if (!p.present) throw new Error(`required page missing: ${p.why} (REQUIRED_PAGES in lib/pages.js)`);
    });

    it('has lang nl, a title, one h1, headings in order and the landmarks', async () => {
      await withPage(p, {}, async (page) => {
        const s = await page.evaluate(() => ({ lang: document.documentElement.lang, title: document.title.trim() }));
        assert.equal(s.lang, 'nl', 'html lang');
        assert.ok(s.title.length > 3, 'the page has a title');
        assert.deepEqual(await headingProblems(page), [], 'one h1, first, and no heading level skipped');
        assert.equal(await page.getByRole('banner').count(), 1, 'one banner (site header)');
        assert.equal(await page.getByRole('main').count(), 1, 'one main');
        assert.equal(await page.getByRole('contentinfo').count(), 1, 'one contentinfo (site footer)');
        assert.ok((await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()) === 1, 'the main menu is a named navigation');
        assert.ok((await page.getByRole('search').count()) >= 1, 'a search landmark (header search form)');
        assert.equal(await page.locator('main#inhoud').count(), 1, 'main has id "inhoud", the skip link target');
      });
    });

    it('has no axe-core violations (WCAG 2.1 A and AA, best practice)', async () => {
      await withPage(p, {}, async (page) => {
        assertNoViolations(await axe(page), `/${p.urlPath}`);
      });
    });

    it('has the CSP meta tag first in head and no inline script, style or handler', async () => {
      // Without JavaScript the DOM is the HTML as served (noscript content included).
      await withPage(p, { javaScriptEnabled: false }, async (page) => {
        const info = await page.evaluate(() => {
          const head = [...document.head.children];
          const metas = head.filter((e) => e.matches('meta') && (e.httpEquiv || '').toLowerCase() === 'content-security-policy');
          const firstResource = head.findIndex((e) => e.matches('script, style, link[rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"], base'));
          const all = [...document.querySelectorAll('*')];
          return {
            policies: metas.map((m) => m.content),
            cspIndex: head.indexOf(metas[0]),
            firstResource,
            inlineScripts: [...document.querySelectorAll('script:not([src])')].map((e) => e.outerHTML.slice(0, 80)),
            styleElements: [...document.querySelectorAll('style')].map((e) => e.outerHTML.slice(0, 80)),
            styleAttributes: [...document.querySelectorAll('[style]')].map((e) => e.outerHTML.slice(0, 80)),
            handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).map((e) => e.outerHTML.slice(0, 80)),
            jsUrls: all.filter((e) => [...e.attributes].some((a) => /^\s*javascript:/i.test(a.value))).map((e) => e.outerHTML.slice(0, 80)),
            externalScripts: [...document.querySelectorAll('script[src]')].map((e) => e.src).filter((s) => new URL(s).origin !== location.origin),
          };
        });
        assert.equal(info.policies.length, 1, 'exactly one Content-Security-Policy meta tag');
        assert.ok(info.firstResource === -1 || info.cspIndex < info.firstResource, 'the CSP meta tag comes before every script and stylesheet');
        const policy = parseCsp(info.policies[0]);
        assert.deepEqual(policy.get('default-src'), ["'self'"], 'default-src');
        assert.deepEqual([...(policy.get('script-src') ?? [])].sort(), ["'self'", "'wasm-unsafe-eval'"], 'script-src');
        assert.deepEqual(policy.get('style-src'), ["'self'"], 'style-src');
        for (const [directive, sources] of policy) {
          for (const source of sources) {
            const ok = ["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source) || (source === 'data:' && ['img-src', 'font-src'].includes(directive));
            assert.ok(ok, `CSP ${directive} allows ${source}: only the site's own origin (and data: images) may be allowed`);
          }
        }
        assert.deepEqual(info.inlineScripts, [], 'no inline <script> (every script has src)');
        assert.deepEqual(info.externalScripts, [], 'no script from another origin');
        assert.deepEqual(info.styleElements, [], 'no <style> element');
        assert.deepEqual(info.styleAttributes, [], 'no style attribute');
        assert.deepEqual(info.handlers, [], 'no on* event handler attribute');
        assert.deepEqual(info.jsUrls, [], 'no javascript: URL');
      });
      // With JavaScript on, the page's own scripts must not add style attributes either.
      await withPage(p, {}, async (page) => {
        const styled = await page.evaluate(() => [...document.querySelectorAll('[style]')].map((e) => e.outerHTML.slice(0, 80)));
        assert.deepEqual(styled, [], 'no style attribute after the scripts ran');
      });
    });

    it('has a skip link as first tab stop that moves focus to the content', async () => {
      await withPage(p, {}, async (page) => {
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => {
          const el = document.activeElement;
          const r = el.getBoundingClientRect();
          return { href: el.getAttribute('href'), text: el.textContent.trim(), top: r.top, bottom: r.bottom };
        });
        assert.equal(first.href, '#inhoud', `the first tab stop is the skip link, not ${await focused(page)}`);
        assert.ok(first.top >= 0 && first.bottom <= 800, `the focused skip link is on screen (top ${first.top})`);
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhoud', 'Enter on the skip link focuses main');
        await page.keyboard.press('Tab');
        const after = await page.evaluate(() => {
          const el = document.activeElement;
          return { inHeader: Boolean(el.closest('header.site-header, .skip-link')), body: el === document.body };
        });
        assert.ok(!after.body && !after.inHeader, `after the skip link, Tab goes on inside the content, not to ${await focused(page)}`);
      });
    });

    it('shows a visible focus indicator on every tab stop', async () => {
      await withPage(p, {}, async (page) => {
        const { stops, failures } = await focusSweep(page, MAX_TAB_STOPS);
        assert.ok(stops >= 3, `the page has tab stops (${stops})`);
        assert.deepEqual(failures, [], `focus not visible on ${failures.length} of ${stops} tab stops`);
      });
    });

    it('reads without JavaScript', async () => {
      let withJs = '';
      if (p.role === 'content') {
        await withPage(p, {}, async (page) => {
          withJs = await page.locator('main').innerText();
        });
      }
      await withPage(p, { javaScriptEnabled: false }, async (page) => {
        const main = page.locator('main');
        const text = await main.innerText();
        if (p.role === 'content') {
          assert.ok(text.length > 40, 'the content is there');
          assert.equal(text, withJs, 'without JavaScript the content is the same as with it');
          return;
        }
        assert.match(text, /JavaScript/, 'the page says it needs JavaScript');
        const links = await main.locator('a[href]').evaluateAll((as) => as.filter((a) => a.checkVisibility()).map((a) => a.getAttribute('href')));
        assert.ok(links.length >= 1, 'the page offers links to read on without JavaScript');
        if (p.role === 'checker') {
          const controls = await main.locator('input, select, textarea, button').evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
          assert.equal(controls, 0, 'no form controls that cannot work without JavaScript are shown');
          assert.ok(text.length > 500, 'the rules and the checklist are there to read and print');
        }
      });
    });

    it('fits 320, 768 and 1280 px without horizontal scrolling (screenshots)', async () => {
      for (const width of WIDTHS) {
        await withPage(p, { viewport: { width, height: 800 } }, async (page) => {
          await page.screenshot({ path: artifact(`${slug(p.kind)}-${width}.png`), fullPage: true });
          assert.equal(await horizontalOverflow(page), 0, `no horizontal scrolling at ${width} px`);
          if (width === 320) assert.deepEqual(await clippedText(page), [], 'no text cut off at 320 px');
        });
      }
    });

    it('stays readable at 200% zoom', async () => {
      // Browser zoom 200% on a 1280x800 window: 640x400 CSS pixels at device scale 2.
      await withPage(p, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }, async (page) => {
        await page.screenshot({ path: artifact(`${slug(p.kind)}-zoom200.png`) });
        assert.equal(await horizontalOverflow(page), 0, 'no horizontal scrolling at 200% zoom');
        assert.deepEqual(await clippedText(page), [], 'no text cut off at 200% zoom');
      });
      // Text-only zoom 200% (the browser's text size setting, WCAG 1.4.4) in a 1280 px window.
      await withPage(p, { textZoom: 2 }, async (page) => {
        await page.screenshot({ path: artifact(`${slug(p.kind)}-text200.png`) });
        assert.equal(await horizontalOverflow(page), 0, 'no horizontal scrolling with text at 200%');
        assert.deepEqual(await clippedText(page), [], 'no text cut off with text at 200%');
      });
    });
  });
}

/** `default-src 'self'; img-src 'self' data:` → Map { 'default-src' => ["'self'"], ... }. */
function parseCsp(text) {
  const map = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}
