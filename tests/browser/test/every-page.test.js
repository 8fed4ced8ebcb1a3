// Every HTML page of the build, not one per kind: each practice, category and tag page has its
// own content (tables, footnotes, links, contact blocks), so each gets axe-core (WCAG 2.1 A/AA
// and best practice) and the heading rules, in one browser page that visits them in turn.

import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertClean, axe, headingProblems, newContext, open, setup } from '../lib/harness.js';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

function builtPages(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...builtPages(dir, r));
    else if (name === 'index.html') out.push(rel ? rel + '/' : '');
  }
  return out;
}

describe('every page of the site', () => {
  it('has no axe-core violations and well-ordered headings', async () => {
    const pages = builtPages(env.sites.root);
    assert.ok(pages.length >= 20, `${pages.length} pages built`);
    const context = await newContext(env.browser);
    const problems = [];
    try {
      const page = await open(context, env.url);
      for (const rel of pages) {
        await page.goto(env.url + rel, { waitUntil: 'load' });
        // Pages with a script get it started before axe looks at them.
        if (await page.locator('script[src]').count()) await page.waitForLoadState('networkidle');
        for (const v of await axe(page)) problems.push(`/${rel}: ${v}`);
        for (const h of await headingProblems(page)) problems.push(`/${rel}: ${h}`);
      }
      assertClean(context);
      // The accessibility statement says the site sets no cookies and keeps nothing in the browser.
      assert.deepEqual(await context.cookies(), [], 'no cookies');
      assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0], 'nothing in web storage');
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, [], `${problems.length} problem(s) over ${builtPages(env.sites.root).length} pages`);
  });
});
