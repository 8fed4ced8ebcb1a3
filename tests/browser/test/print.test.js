// Printing a practice: the print style sheet leaves out header, menu, search and footer, keeps
// the text, and writes the address of each outside link after it. The PDF and a screenshot of
// the print emulation are kept as artifacts.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { siteDirs } from '../lib/build.js';
import { artifact, assertClean, newContext, open, setup } from '../lib/harness.js';
import { allPages } from '../lib/pages.js';

const practice = allPages(siteDirs().root).find((p) => p.kind === 'practice');

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

describe('printing a practice', () => {
  it('prints the practice without site navigation, with link addresses written out', async () => {
    if (!practice.present) throw new Error(`required page missing: ${practice.why}`);
    const context = await newContext(env.browser);
    try {
      const p = await open(context, env.url + practice.urlPath);
      const screenText = await p.locator('article').innerText();
      await p.emulateMedia({ media: 'print' });
      const shown = await p.evaluate(() => {
        const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.checkVisibility());
        return {
          skipLink: visible('.skip-link'),
          header: visible('.site-header'),
          nav: visible('.site-nav'),
          search: visible('form[role="search"]'),
          footer: visible('.site-footer'),
          h1: visible('h1'),
          body: visible('.practice-body'),
        };
      });
      assert.deepEqual(shown, { skipLink: false, header: false, nav: false, search: false, footer: false, h1: true, body: true });
      const printText = await p.locator('article').innerText();
      for (const line of screenText.split('\n').filter((l) => l.trim().length > 20)) {
        assert.ok(printText.includes(line.trim()), `the print keeps "${line.trim().slice(0, 60)}"`);
      }
      // Outside links in the text show their address on paper (a::after in the print style).
      const external = await p.locator('.practice-body a[href^="http"]').evaluateAll((as) =>
        as.map((a) => ({ href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content })),
      );
      for (const link of external) assert.match(link.after, /attr\(href\)|http/, `the address of ${link.href} is printed`);
      assert.equal(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'the print is not wider than the paper');
      await p.screenshot({ path: artifact('print-practice.png'), fullPage: true });
      await p.pdf({ path: artifact('print-practice.pdf'), format: 'A4', printBackground: true });
      assertClean(context);
    } finally {
      await context.close();
    }
  });
});
