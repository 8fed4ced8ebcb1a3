// A scenario file an official broke by hand, opened in the herverdelingscheck: the page says in
// Dutch at which line the file goes wrong, what is wrong and how to fix it, never the YAML
// parser's English, and leaves the form as it was.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { siteDirs } from '../lib/build.js';
import { artifact, assertClean, newContext, open, setup } from '../lib/harness.js';
import { allPages } from '../lib/pages.js';

const page = allPages(siteDirs().root).find((p) => p.role === 'checker');
const skip = !page.present && !page.required ? `${page.why}; optional until it lands` : false;

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

// Line 4 is indented one space less than the field above it: YAML says "did not find expected
// '-' indicator … while parsing a block collection".
const broken = ['periode: 2026-1', 'gemeenten:', '  - naam: Ameland', '   taakstelling: 6', ''].join('\n');

describe('herverdelingscheck: a broken scenario file', { skip }, () => {
  it('is explained in Dutch with its line and the fix', async () => {
    const context = await newContext(env.browser);
    try {
      const p = await open(context, env.url + page.urlPath, { ready: page.ready });
      await p.locator('[data-scenario-open]').setInputFiles({ name: 'kapot.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken) });
      const status = p.locator('[data-status]').filter({ hasText: 'kan de pagina niet lezen' });
      await status.waitFor({ timeout: 10000 });
      const text = await status.innerText();
      await p.screenshot({ path: artifact('herverdeling-scenario-error.png'), fullPage: false });
      assert.match(text, /\(regel 4\)/, text);
      assert.match(text, /regel 4, kolom \d+: deze regel springt anders in dan de lijst erboven/, text);
      assert.match(text, /begin elk item van de lijst met `- `/, text);
      for (const english of ['found', 'expected', 'indicator', 'while parsing', 'block collection']) {
        assert.ok(!text.includes(english), `English "${english}" on the page: ${text}`);
      }
      assert.equal(await p.getByLabel('Naam', { exact: true }).first().inputValue(), '', 'the form is left as it was');
      assertClean(context);
    } finally {
      await context.close();
    }
  });
});
