// A new editor's unusual input in the CMS on `kennisbank serve` (a temporary copy of the minimal
// fixture): a title of only "Con" is saved as con-praktijk.md (the name `kennisbank new` gives;
// Decap CMS itself asks for `.md`) and opened there, so the next save goes to the same file; a
// title without letters and a date after today are refused in Dutch, naming the form field, with
// nothing written; two editors saving the same practice: the second is refused and the first's
// change stays. Screenshots at 1280 and 360 px wide.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { binary, project, serve } from '../lib/cms-project.js';
import { artifact, CHROMIUM, LAUNCH_ARGS } from '../lib/harness.js';

const ALGEMEEN = 'content/praktijken/algemeen';

let root, server, browser, bin;
before(async () => {
  bin = binary();
  root = project('kb-cms-editor-');
  server = await serve(bin, root);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
});
after(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A signed-in CMS page at `hash`, loaded afresh; `width` px wide. */
async function cms(hash, width = 1280) {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.goto(`${server.url}/admin/${hash}`);
  await page.getByLabel('Titel', { exact: true }).waitFor();
  return { page, context };
}

async function fillNew(page, title, added) {
  await page.getByLabel('Titel', { exact: true }).fill(title);
  await page.getByLabel('Toegevoegd op').fill(added);
  await page.locator('[contenteditable=true]').click();
  await page.keyboard.type('Tekst van de praktijk.');
}

async function publish(page) {
  await page.getByRole('button', { name: 'Publiceer' }).first().click();
  await page.getByRole('menuitem', { name: 'Publiceer nu' }).click();
}

/** The refusal's message, once shown; a screenshot of it as `shot`. */
async function refusal(page, shot) {
  const toast = page.locator('.Toastify');
  await toast.getByText('Niet opgeslagen').waitFor();
  await page.waitForTimeout(1000); // the toast slides in
  await page.screenshot({ path: artifact(shot) });
  return toast.innerText();
}

const files = () => readdirSync(path.join(root, ALGEMEEN)).sort();

describe('unusual input in the CMS', () => {
  it('saves a practice titled "Con" as con-praktijk.md and keeps saving it there', async () => {
    const { page, context } = await cms('#/collections/praktijken-algemeen/new');
    await fillNew(page, 'Con', '2026-03-01');
    await publish(page);
    await page.waitForURL(/\/entries\/con-praktijk$/);
    await page.getByLabel('Samenvatting (optioneel)').waitFor();
    const file = path.join(root, ALGEMEEN, 'con-praktijk.md');
    assert.match(readFileSync(file, 'utf8'), /^---\ntitle: Con\nadded: 2026-03-01\n---\n/);
    // The second save (the form now the practice on disk) changes that file; no `.md` appears.
    await page.getByLabel('Samenvatting (optioneel)').fill('Een tweede keer opgeslagen.');
    await publish(page);
    await page.locator('.Toastify').getByText('Item opgeslagen').waitFor();
    assert.match(readFileSync(file, 'utf8'), /summary: Een tweede keer opgeslagen\./);
    assert.deepEqual(files(), ['con-praktijk.md', 'eerste-praktijk.md', 'tweede-praktijk.md']);
    const check = spawnSync(bin, ['check', '--root', root], { encoding: 'utf8' });
    assert.equal(check.status, 0, `check failed:\n${check.stdout}${check.stderr}`);
    await page.screenshot({ path: artifact('cms-editor-con.png') });
    await context.close();
  });

  it('refuses a title without letters and a date after today, naming the field, at 360 px too', async () => {
    const before = files();
    for (const width of [1280, 360]) {
      const { page, context } = await cms('#/collections/praktijken-algemeen/new', width);
      await fillNew(page, '?!', '2026-03-01');
      await publish(page);
      assert.match(await refusal(page, `cms-editor-title-${width}.png`), /het veld Titel \(‘\?!’\) bevat geen letter of cijfer.*Voeg een woord aan de titel toe/s);
      if (width === 360) {
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'no horizontal scrolling at 360 px');
      }
      await context.close();
    }
    const { page, context } = await cms('#/collections/praktijken-algemeen/new');
    await fillNew(page, 'Toekomst', '2062-03-01');
    await publish(page);
    const message = await refusal(page, 'cms-editor-future.png');
    assert.match(message, /`added` \(2062-03-01\) ligt na vandaag/);
    assert.match(message, /vul in het veld ‘Toegevoegd op’ de datum van vandaag of eerder in/);
    await context.close();
    assert.deepEqual(files(), before, 'nothing is written');
  });

  it('refuses the second of two editors saving the same practice; the first one\'s change stays', async () => {
    const hash = '#/collections/praktijken-algemeen/entries/eerste-praktijk';
    const a = await cms(hash);
    const b = await cms(hash);
    const file = path.join(root, ALGEMEEN, 'eerste-praktijk.md');
    for (const [editor, text] of [[a, 'Samenvatting van A.'], [b, 'Samenvatting van B.']]) {
      await editor.page.getByLabel('Samenvatting (optioneel)').fill(text);
      await publish(editor.page);
    }
    await a.page.locator('.Toastify').getByText('Item opgeslagen').waitFor();
    assert.match(await refusal(b.page, 'cms-editor-conflict.png'), /is door iemand anders \(of in een ander tabblad\) opgeslagen nadat u het opende.*Er is niets gewijzigd/s);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /summary: Samenvatting van A\./);
    assert.doesNotMatch(text, /Samenvatting van B/);
    // The first editor saves again from the version it wrote: that goes through.
    await a.page.getByLabel('Samenvatting (optioneel)').fill('Nog eens A.');
    await publish(a.page);
    await a.page.locator('.Toastify').getByText('Item opgeslagen').nth(1).waitFor().catch(() => {});
    const end = Date.now() + 10000;
    while (!readFileSync(file, 'utf8').includes('Nog eens A.') && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    assert.match(readFileSync(file, 'utf8'), /summary: Nog eens A\./);
    await a.context.close();
    await b.context.close();
  });
});
