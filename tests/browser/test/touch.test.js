// Every kind of page (lib/pages.js) as municipal staff open it on a phone: 360 × 780 px, a touch
// screen (Chromium's mobile emulation, so `pointer: coarse` holds). Every control, and every link
// that stands on its own (menus, footer, tags, lists of links), is at least 44 × 44 px (WCAG 2.5.5),
// so a finger hits the one it aims at; a link inside running text keeps the height of its line
// (the exception of that criterion). axe-core runs on the page at that size too.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { siteDirs } from '../lib/build.js';
import { assertClean, assertNoViolations, axe, newContext, open, setup } from '../lib/harness.js';
import { allPages } from '../lib/pages.js';

const PAGES = allPages(siteDirs().root).filter((p) => p.present);
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const MIN_TARGET = 44;

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/**
 * Tap targets on the page smaller than MIN_TARGET in either direction, as `tag "text" w×h`.
 * A link counts as running text when it is laid out inline and the block around it holds a
 * sentence of its own (at least 12 other letters).
 */
function smallTargets(min) {
  const out = [];
  const blocks = 'p, li, td, th, dd, dt, figcaption, h1, h2, h3, h4, blockquote';
  for (const el of document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary')) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
    // The skip link waits above the page until it is focused.
    if (r.bottom <= 0) continue;
    if (el.tagName === 'A' && style.display === 'inline') {
      const block = el.closest(blocks);
      const own = el.textContent.replace(/\s/g, '').length;
      const around = block ? block.textContent.replace(/\s/g, '').length - own : 0;
      if (around >= 12) continue;
    }
    if (r.width < min || r.height < min) {
      const text = (el.textContent || el.getAttribute('aria-label') || el.name || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      out.push(`${el.tagName.toLowerCase()} "${text}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  return out;
}

describe('on a phone (360 px, touch)', () => {
  for (const p of PAGES) {
    it(`${p.kind}: tap targets of at least ${MIN_TARGET} px and no axe-core violations`, async () => {
      const context = await newContext(env.browser, PHONE);
      try {
        const page = await open(context, env.url + p.urlPath, { status: p.status, ready: p.ready });
        assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'the browser emulates a touch screen');
        assert.deepEqual(await page.evaluate(smallTargets, MIN_TARGET), [], `tap targets under ${MIN_TARGET} px on /${p.urlPath}`);
        assertNoViolations(await axe(page), `/${p.urlPath} at 360 px`);
        assertClean(context);
      } finally {
        await context.close();
      }
    });
  }
});
