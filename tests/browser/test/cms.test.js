// The CMS end to end on `kennisbank serve`, on a temporary copy of the minimal fixture (never the
// real content/): open /admin/, add a practice through the form (title, category, tags, related),
// publish; the file in content/ passes `kennisbank check` and its page is served. Edit it. An
// invalid save (`updated` before `added`) is refused with its Dutch message and the file on disk
// stays as it was. A practice is renamed on the rename page (`/admin/hernoemen.html`): the file
// moves, `related` follows, the old address leads on. No request leaves loopback.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { binary, project, serve } from '../lib/cms-project.js';
import { artifact, assertNoViolations, axe, CHROMIUM, LAUNCH_ARGS } from '../lib/harness.js';

const FILE = 'content/praktijken/algemeen/buddyproject-in-de-buurt.md';

let root, server, browser, bin;
before(async () => {
  bin = binary();
  root = project('kb-cms-');
  server = await serve(bin, root);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
});
after(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A page signed in to the CMS; requests that would leave loopback are aborted and recorded. */
async function cms() {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  const outside = [];
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (['127.0.0.1', 'localhost'].includes(host) || route.request().url().startsWith('data:')) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/admin/`);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  return { page, context, outside, errors };
}

async function publish(page) {
  await page.getByRole('button', { name: 'Publiceer' }).first().click();
  await page.getByRole('menuitem', { name: 'Publiceer nu' }).click();
}

async function waitForFile(file, test, ms = 10000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (existsSync(file) && test(readFileSync(file, 'utf8'))) return readFileSync(file, 'utf8');
    await new Promise((r) => setTimeout(r, 100));
  }
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

async function waitForPage(url, text, ms = 15000) {
  const end = Date.now() + ms;
  let body = '';
  while (Date.now() < end) {
    const r = await fetch(url);
    body = await r.text();
    if (r.status === 200 && body.includes(text)) return body;
    await new Promise((r) => setTimeout(r, 200));
  }
  return body;
}

describe('the CMS on kennisbank serve', () => {
  it('serves /admin/ with its own CSP and config.yml from the schema', async () => {
    const page = await fetch(`${server.url}/admin/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy');
    assert.match(csp, /default-src 'self'/);
    const config = await (await fetch(`${server.url}/admin/config.yml`)).text();
    assert.match(config, /folder: content\/praktijken\/algemeen/);
    assert.match(config, /file: content\/site\.yaml/);
    // The public pages keep their strict policy.
    const home = await (await fetch(`${server.url}/`)).text();
    assert.match(home, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/);
  });

  it('adds a practice through the form; the file passes check and its page is served', async () => {
    const { page, context, outside, errors } = await cms();
    await page.goto(`${server.url}/admin/#/collections/praktijken-algemeen/new`);
    await page.getByLabel('Titel', { exact: true }).fill('Buddyproject in de buurt');
    await page.getByLabel('Toegevoegd op').fill('2026-03-01');
    await page.getByLabel('Tags (optioneel)').fill('buddy, Bestuur');
    await page.getByLabel('Gerelateerde praktijken (optioneel)').fill('Eerste');
    await page.keyboard.press('Enter');
    await page.locator('[contenteditable=true]').click();
    await page.keyboard.type('Vrijwilligers helpen nieuwe inwoners op weg.');
    await publish(page);
    const text = await waitForFile(path.join(root, FILE), (t) => t.includes('Vrijwilligers'));
    assert.ok(text, 'the practice file was written');
    assert.match(text, /^---\ntitle: Buddyproject in de buurt\nadded: 2026-03-01\n/);
    assert.match(text, /tags:\n {2}- buddy\n {2}- Bestuur\n/);
    assert.match(text, /related:\n {2}- eerste-praktijk\n/);
    const check = spawnSync(bin, ['check', '--root', root], { encoding: 'utf8' });
    assert.equal(check.status, 0, `check failed:\n${check.stdout}${check.stderr}`);
    const html = await waitForPage(`${server.url}/praktijken/algemeen/buddyproject-in-de-buurt/`, 'Vrijwilligers helpen');
    assert.match(html, /Buddyproject in de buurt/);
    await page.screenshot({ path: artifact('cms-new.png'), fullPage: true });
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('edits a practice', async () => {
    const { page, context } = await cms();
    await page.goto(`${server.url}/admin/#/collections/praktijken-algemeen/entries/buddyproject-in-de-buurt`);
    await page.getByLabel('Samenvatting (optioneel)').fill('Buddy’s voor nieuwe inwoners.');
    await publish(page);
    const text = await waitForFile(path.join(root, FILE), (t) => t.includes('summary:'));
    assert.match(text, /summary: Buddy’s voor nieuwe inwoners\./);
    await waitForPage(`${server.url}/praktijken/algemeen/`, 'Buddy’s voor nieuwe inwoners.');
    await context.close();
  });

  it('refuses an invalid save with the Dutch message and writes nothing', async () => {
    const before = readFileSync(path.join(root, FILE), 'utf8');
    const { page, context } = await cms();
    await page.goto(`${server.url}/admin/#/collections/praktijken-algemeen/entries/buddyproject-in-de-buurt`);
    await page.getByLabel('Bijgewerkt op (optioneel)').fill('2026-02-01');
    await publish(page);
    const toast = page.locator('.Toastify');
    await toast.getByText('Niet opgeslagen').waitFor();
    const message = await toast.innerText();
    assert.match(message, /Niet opgeslagen: content\/praktijken\/algemeen\/buddyproject-in-de-buurt\.md bevat fouten\. Er is niets gewijzigd\./);
    assert.match(message, /regel \d+, veld ‘Bijgewerkt op’: `updated` \(2026-02-01\) ligt vóór `added` \(2026-03-01\)/);
    await page.screenshot({ path: artifact('cms-refused.png') });
    assert.equal(readFileSync(path.join(root, FILE), 'utf8'), before);
    await context.close();
  });
  it('renames a practice on the rename page: the file moves, related follows, the old address leads on', async () => {
    const { page, context, outside, errors } = await cms();
    const link = page.getByRole('link', { name: 'Praktijk hernoemen' });
    await link.click();
    await page.getByRole('heading', { name: 'Praktijk hernoemen' }).waitFor();
    await page.getByLabel('Praktijk').selectOption('medische-woning');
    assert.equal(await page.getByLabel('Categorie').inputValue(), 'medisch', 'the category starts as the practice\'s own');
    assertNoViolations(await axe(page), 'the rename page');
    // A bad id is refused with the Dutch reason; nothing moves.
    await page.getByLabel(/^Nieuw id/).fill('Woning met zorg!');
    await page.getByRole('button', { name: 'Hernoemen' }).click();
    await page.getByRole('status').getByText(/Fout: .*geen geldige naam.*woning-met-zorg/).waitFor();
    assert.equal(await page.getByLabel(/^Nieuw id/).getAttribute('aria-invalid'), 'true', 'the refused id is marked invalid');
    assert.ok(existsSync(path.join(root, 'content/praktijken/medisch/medische-woning.md')));
    // On a phone (360 px) with the refusal shown: nothing scrolls sideways, and axe finds nothing.
    await page.setViewportSize({ width: 360, height: 800 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'no horizontal scrolling at 360 px');
    assertNoViolations(await axe(page), 'the rename page at 360 px with a refusal');
    await page.screenshot({ path: artifact('cms-rename-360.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByLabel(/^Nieuw id/).fill('woning-met-zorg');
    await page.getByRole('button', { name: 'Hernoemen' }).click();
    await page.getByRole('status').getByText(/Hernoemd: content\/praktijken\/medisch\/medische-woning\.md is nu content\/praktijken\/medisch\/woning-met-zorg\.md/).waitFor();
    assert.ok(!existsSync(path.join(root, 'content/praktijken/medisch/medische-woning.md')));
    assert.match(readFileSync(path.join(root, 'content/praktijken/algemeen/eerste-praktijk.md'), 'utf8'), /related: \[woning-met-zorg\]/);
    const check = spawnSync(bin, ['check', '--root', root], { encoding: 'utf8' });
    assert.equal(check.status, 0, `check failed:\n${check.stdout}${check.stderr}`);
    const fresh = await waitForPage(`${server.url}/praktijken/medisch/woning-met-zorg/`, 'Medische woning melden');
    assert.match(fresh, /Medische woning melden/);
    const old = await waitForPage(`${server.url}/praktijken/medisch/medische-woning/`, 'rel="canonical"');
    assert.match(old, /\/praktijken\/medisch\/woning-met-zorg\//);
    await page.screenshot({ path: artifact('cms-rename.png'), fullPage: true });
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
