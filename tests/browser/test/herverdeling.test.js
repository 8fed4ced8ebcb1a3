// The herverdelingscheck, driven with the keyboard alone (Tab, Shift+Tab, typing, Enter):
// a valid redistribution, a broken sum with its error summary, adding and removing a row, the
// state in the address, and the letter (print, download, copy). axe-core checks each state.
// The documents module is fetched only when the user asks for the letter, a download or a scenario
// file; the first load stays within its budget; a YAML scenario written for the CLI opens.

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { siteDirs } from '../lib/build.js';
import {
  artifact,
  assertClean,
  assertNoViolations,
  axe,
  clippedText,
  dateOrder,
  focusIndicator,
  focusSweep,
  focused,
  horizontalOverflow,
  newContext,
  open,
  setup,
  tabTo,
} from '../lib/harness.js';
import { allPages } from '../lib/pages.js';

const page = allPages(siteDirs().root).find((p) => p.role === 'checker');
const skip = !page.present && !page.required ? `${page.why}; optional until it lands` : false;

let env;
let order;
before(async () => {
  env = await setup();
  order = await dateOrder(env.browser);
});
after(async () => {
  await env?.close();
});

/** A fresh context whose window.print only counts calls (a headless browser has no printer). */
async function checker(options = {}) {
  const context = await newContext(env.browser, options);
  context.requests = [];
  context.on('request', (r) => context.requests.push(r.url()));
  await context.addInitScript(() => {
    window.__printCalls = 0;
    window.print = () => {
      window.__printCalls += 1;
    };
  });
  const p = await open(context, env.url + page.urlPath, { ready: page.ready });
  return { context, page: p };
}

const row = (p, n) => p.getByRole('group', { name: `Gemeente ${n}`, exact: true });
const field = (scope, label) => scope.getByLabel(label, { exact: true });
const verdict = (p) => p.locator('[data-verdict]').getAttribute('data-verdict');
const documentsRequests = (context) => context.requests.filter((u) => u.includes('herverdeling_documents'));

/** "Brief tonen" with the keyboard; waits for the letter's text. */
async function showLetter(p) {
  const letter = p.getByRole('region', { name: 'Brief aan het COA' });
  await letter.waitFor({ timeout: 5000 });
  await tabTo(p, letter.getByRole('button', { name: 'Brief tonen' }));
  await p.keyboard.press('Enter');
  await p.locator('[data-letter]').getByText('unit Plaatsing').waitFor({ timeout: 10000 });
  return letter;
}

/** Tab to the field, select what is in it and type the value, as a keyboard user would. */
async function typeInto(p, locator, value) {
  await tabTo(p, locator);
  await p.keyboard.press('ControlOrMeta+a');
  await p.keyboard.type(value);
}

/** A date field takes the digits of day, month and year in the browser's order. */
async function typeDate(p, locator, iso) {
  const [y, m, d] = iso.split('-');
  await tabTo(p, locator);
  await p.keyboard.type({ dmy: d + m + y, mdy: m + d + y, ymd: y + m + d }[order]);
  assert.equal(await locator.inputValue(), iso, `date typed into ${await focused(p)}`);
}

/** Ameland 6 → 0 and Heerenveen 20 → 26 in 2026-1: a valid redistribution of 6. */
async function fillValid(p) {
  await typeInto(p, field(p, 'Taakstellingsperiode'), '2026-1');
  await typeDate(p, field(p, 'Besluit van B&W'), '2026-02-10');
  await typeDate(p, field(p, 'Bekendmaking'), '2026-02-12');
  await typeInto(p, field(row(p, 1), 'Naam'), 'Ameland');
  await typeInto(p, field(row(p, 1), 'Taakstelling vóór'), '6');
  await typeInto(p, field(row(p, 1), 'Taakstelling na'), '0');
  await typeInto(p, field(row(p, 2), 'Naam'), 'Heerenveen');
  await typeInto(p, field(row(p, 2), 'Taakstelling vóór'), '20');
  await typeInto(p, field(row(p, 2), 'Taakstelling na'), '26');
  await p.locator('[data-verdict="valid"]').waitFor({ timeout: 5000 });
}

describe('herverdelingscheck', { skip }, () => {
  before(() => {
    if (!page.present) throw new Error(`required page missing: ${page.why}`);
  });

  it('takes a valid redistribution from the keyboard and shows the letter', async () => {
    const { context, page: p } = await checker();
    try {
      assert.match(await p.locator('[data-status]').innerText(), /Vul de herverdeling in/, 'before typing, the page asks for input');
      await fillValid(p);
      assert.equal(await verdict(p), 'valid');
      await p.locator('[data-status]').filter({ hasText: 'Geldig' }).waitFor({ timeout: 5000 });
      assert.equal(await p.locator('[data-status]').getAttribute('aria-live'), 'polite', 'the verdict is announced');
      assert.equal(await p.locator('[data-sum-before]').textContent(), '26');
      assert.equal(await p.locator('[data-sum-after]').textContent(), '26');
      await p.getByRole('region', { name: 'Brief aan het COA' }).waitFor({ timeout: 5000 });
      assert.deepEqual(documentsRequests(context), [], 'a valid check fetches no documents module');
      const letter = await showLetter(p);
      assert.ok(documentsRequests(context).length > 0, 'asking for the letter fetches the documents module');
      assert.match(await letter.innerText(), /Ameland/);
      assert.match(await letter.innerText(), /Heerenveen/);
      for (const name of ['Brief kopiëren', 'Downloaden (.html)', 'Afdrukken']) {
        assert.ok(await letter.getByRole('button', { name }).isVisible(), `button "${name}"`);
      }
      // Checked before axe runs: axe itself leaves empty style attributes behind.
      const styled = await p.evaluate(() => [...document.querySelectorAll('[style]')].map((e) => e.outerHTML.slice(0, 80)));
      assert.deepEqual(styled, [], 'the script sets no style attributes (CSP style-src)');
      assertNoViolations(await axe(p), 'the checker with a valid scenario and its letter');
      // From the top of the page (the skip link) through the form, the result and the letter.
      await p.locator('.skip-link').focus();
      const sweep = await focusSweep(p);
      assert.ok(sweep.stops > 30, `the result and letter are in the tab order (${sweep.stops} stops)`);
      assert.deepEqual(sweep.failures, [], 'focus visible on every tab stop with the letter shown');
      await p.screenshot({ path: artifact('herverdelingscheck-valid-1280.png'), fullPage: true });
      await p.setViewportSize({ width: 320, height: 800 });
      await p.screenshot({ path: artifact('herverdelingscheck-valid-320.png'), fullPage: true });
      assert.equal(await horizontalOverflow(p), 0, 'no horizontal scrolling at 320 px with the letter shown');
      assert.deepEqual(await clippedText(p), [], 'no text cut off at 320 px');
      assertNoViolations(await axe(p), 'the checker with its letter at 320 px');
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('marks a changed sum invalid, with an error summary whose links move the focus to the field', async () => {
    const { context, page: p } = await checker();
    try {
      await fillValid(p);
      const after = field(row(p, 2), 'Taakstelling na');
      await typeInto(p, after, '25');
      await p.locator('[data-verdict="invalid"]').waitFor({ timeout: 5000 });
      const summary = p.locator('[data-summary]');
      await summary.waitFor({ state: 'visible', timeout: 5000 });
      const links = summary.getByRole('link');
      assert.ok((await links.count()) >= 1, 'the summary lists the errors as links');
      assert.match(await summary.innerText(), /som|totaal/i, 'the summary names the changed sum');
      const fieldErrors = await p.locator('[data-form] .hv-field-error').evaluateAll((els) => els.filter((e) => e.checkVisibility() && e.textContent.trim()).map((e) => e.textContent));
      assert.ok(fieldErrors.some((t) => /som/i.test(t)), 'the error is also shown at the fields it is about');
      assert.equal(await p.getByRole('region', { name: 'Brief aan het COA' }).count(), 0, 'no letter for an invalid scenario');
      assertNoViolations(await axe(p), 'the checker with an error summary');
      await p.screenshot({ path: artifact('herverdelingscheck-invalid-1280.png'), fullPage: true });

      // The summary comes before the form: back up to its first link, follow it.
      const first = links.first();
      const href = await first.getAttribute('href');
      await tabTo(p, first, { back: true });
      const indicator = await focusIndicator(p);
      assert.ok(indicator.visible, `the focused summary link shows its focus (${indicator.element})`);
      await p.keyboard.press('Enter');
      assert.equal(`#${await p.evaluate(() => document.activeElement?.id)}`, href, `Enter on "${href}" focuses that field`);

      await typeInto(p, after, '26');
      await p.locator('[data-verdict="valid"]').waitFor({ timeout: 5000 });
      assert.ok(await summary.isHidden(), 'the summary goes away once the sum is right again');
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('adds and removes a municipality with the keyboard', async () => {
    const { context, page: p } = await checker();
    try {
      await fillValid(p);
      await tabTo(p, p.getByRole('button', { name: 'Gemeente toevoegen' }));
      await p.keyboard.press('Enter');
      const third = row(p, 3);
      await third.waitFor({ timeout: 5000 });
      assert.equal(await p.evaluate(() => document.activeElement?.id), 'field-gemeenten-2-naam', 'the focus goes to the new row');
      await p.keyboard.type('Harlingen');
      await typeInto(p, field(third, 'Taakstelling vóór'), '4');
      await typeInto(p, field(third, 'Taakstelling na'), '4');
      await p.locator('[data-verdict="valid"]').waitFor({ timeout: 5000 });
      assert.equal(await p.locator('[data-sum-before]').textContent(), '30', 'the new row counts');

      await tabTo(p, p.getByRole('button', { name: 'Gemeente 3 verwijderen' }));
      await p.keyboard.press('Enter');
      await third.waitFor({ state: 'detached', timeout: 5000 });
      assert.equal(await p.evaluate(() => document.activeElement?.id), 'field-gemeenten', 'the focus goes to the list of municipalities');
      assert.equal(await p.locator('[data-sum-before]').textContent(), '26');
      await p.locator('[data-status]').filter({ hasText: /verwijderd|Geldig/ }).waitFor({ timeout: 5000 });
      assert.equal(await verdict(p), 'valid');
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('keeps the check in the address: opening it elsewhere restores form and verdict', async () => {
    const first = await checker();
    let shared;
    try {
      await fillValid(first.page);
      shared = first.page.url();
      assert.match(new URL(shared).hash, /Ameland/, 'the address holds the scenario in its fragment');
      assert.equal(new URL(shared).search, '', 'nothing of the scenario goes to the server');
      assert.equal(new URL(await first.page.locator('[data-share-link]').evaluate((a) => a.href)).hash, new URL(shared).hash, 'the share link is the address');
      assertClean(first.context);
    } finally {
      await first.context.close();
    }
    const context = await newContext(env.browser);
    try {
      const p = await open(context, shared, { ready: page.ready });
      await p.locator('[data-verdict="valid"]').waitFor({ timeout: 5000 });
      assert.equal(await field(p, 'Taakstellingsperiode').inputValue(), '2026-1');
      assert.equal(await field(p, 'Besluit van B&W').inputValue(), '2026-02-10');
      assert.equal(await field(row(p, 1), 'Naam').inputValue(), 'Ameland');
      assert.equal(await field(row(p, 2), 'Taakstelling na').inputValue(), '26');
      assert.ok(await p.getByRole('region', { name: 'Brief aan het COA' }).isVisible(), 'the letter is there');
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('works on a page that does not name the engine files, as an older theme\'s template writes it', async () => {
    // A theme copied before the page named the WebAssembly files by hash: the script then loads
    // them from beside itself.
    const context = await newContext(env.browser);
    context.requests = [];
    context.on('request', (r) => context.requests.push(r.url()));
    await context.route(`**${page.urlPath}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/ data-(engine|documents)-(glue|binary)="[^"]*"/g, '');
      assert.doesNotMatch(html, /data-engine-glue|data-documents-glue/);
      await route.fulfill({ response, body: html });
    });
    try {
      const p = await open(context, env.url + page.urlPath, { ready: page.ready });
      await fillValid(p);
      assert.equal(await verdict(p), 'valid');
      const letter = await showLetter(p);
      assert.match(await letter.innerText(), /Heerenveen/);
      const wasm = context.requests.filter((u) => /herverdeling(_documents)?(_bg\.wasm|\.js)/.test(u) && u.includes('/wasm/'));
      assert.equal(wasm.length, 4, `engine and documents, glue and module: ${wasm.join(', ')}`);
      assert.ok(wasm.every((u) => !u.includes('?')), `loaded by the script's own relative names: ${wasm.join(', ')}`);
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('downloads the letter as an OpenDocument file (.odt) with the keyboard', async () => {
    const { context, page: p } = await checker({ acceptDownloads: true });
    try {
      await fillValid(p);
      const letter = p.getByRole('region', { name: 'Brief aan het COA' });
      await letter.waitFor({ timeout: 5000 });
      await tabTo(p, letter.getByRole('button', { name: 'Afdrukken' }));
      assert.deepEqual(documentsRequests(context), [], 'no documents module before a download is asked for');
      const downloading = p.waitForEvent('download', { timeout: 10000 });
      await tabTo(p, letter.getByRole('button', { name: 'Downloaden voor LibreOffice (.odt)' }), { back: true });
      await p.keyboard.press('Enter');
      const download = await downloading;
      assert.match(download.suggestedFilename(), /^brief-coa-herverdeling-2026-1\.odt$/);
      const bytes = await readFile(await download.path());
      assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'a zip package');
      assert.equal(bytes.subarray(30, 38).toString('latin1'), 'mimetype', 'the mimetype entry comes first');
      assert.equal(bytes.subarray(38, 77).toString('latin1'), 'application/vnd.oasis.opendocument.text');
      const text = bytes.toString('utf8');
      assert.match(text, /gemeenten Ameland en Heerenveen/, 'the sender names both colleges');
      assert.match(text, /unit Plaatsing/);
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('prints, downloads and copies the letter with the keyboard; the print is the letter alone', async () => {
    const { context, page: p } = await checker({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      await fillValid(p);
      const letter = p.getByRole('region', { name: 'Brief aan het COA' });
      await letter.waitFor({ timeout: 5000 });

      await tabTo(p, letter.getByRole('button', { name: 'Afdrukken' }));
      await p.keyboard.press('Enter');
      // "Afdrukken" writes the letter first (the documents module loads), then opens the dialog.
      await p.waitForFunction(() => window.__printCalls === 1, null, { timeout: 10000 });
      assert.match(await letter.innerText(), /Heerenveen/, 'the letter is written before printing');

      await p.emulateMedia({ media: 'print' });
      const shown = await p.evaluate(() => {
        const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.checkVisibility());
        return {
          header: visible('.site-header'),
          footer: visible('.site-footer'),
          form: visible('[data-form]'),
          buttons: visible('.hv-letter-actions'),
          rules: visible('.hv-rules'),
          letter: visible('[data-letter]'),
        };
      });
      assert.deepEqual(shown, { header: false, footer: false, form: false, buttons: false, rules: false, letter: true }, 'in print only the letter shows');
      // Room to sign above each line to sign, as in the .odt and .docx (1.5 cm = 56.7 px).
      const room = await p.evaluate(() => [...document.querySelectorAll('[data-letter] .tekenregel')]
        .map((e) => Math.round(parseFloat(getComputedStyle(e).marginTop))));
      assert.deepEqual(room, [57, 57], 'both colleges sign with 1.5 cm above the line');
      await p.screenshot({ path: artifact('print-letter.png'), fullPage: true });
      await p.pdf({ path: artifact('print-letter.pdf'), format: 'A4', printBackground: true });
      await p.emulateMedia({ media: 'screen' });

      const downloading = p.waitForEvent('download', { timeout: 5000 });
      await tabTo(p, letter.getByRole('button', { name: 'Downloaden (.html)' }), { back: true });
      await p.keyboard.press('Enter');
      const download = await downloading;
      assert.match(download.suggestedFilename(), /^brief-coa-herverdeling-2026-1\.html$/);
      const html = await readFile(await download.path(), 'utf8');
      assert.match(html, /<html lang="nl">/);
      assert.match(html, /Ameland/);
      assert.match(html, /Heerenveen/);
      // The page the CLI writes (`--document coa --format html`): its title, and room to sign.
      assert.match(html, /<title>Brief aan het COA: herverdeling taakstelling huisvesting vergunninghouders<\/title>/);
      assert.equal(html.match(/<p class="tekenregel">de secretaris, /g)?.length, 2, html);
      assert.match(html, /p\.tekenregel\{margin-top:1\.5cm;margin-bottom:\.5cm;break-before:avoid\}/);

      await tabTo(p, letter.getByRole('button', { name: 'Brief kopiëren' }), { back: true });
      await p.keyboard.press('Enter');
      await p.locator('[data-status]').filter({ hasText: 'Brief gekopieerd.' }).waitFor({ timeout: 5000 });
      const copied = await p.evaluate(() => navigator.clipboard.readText());
      assert.match(copied, /Heerenveen/, 'the clipboard holds the letter');
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('lines up the fields of a municipality side by side, none running into the next', async () => {
    // "Taakstelling vóór" wraps in its narrow column; its input sat lower than the others, and the
    // fields (10rem at least) ran into the next column.
    const { context, page: p } = await checker({ viewport: { width: 1280, height: 900 } });
    try {
      await fillValid(p);
      const boxes = await row(p, 1).locator('input').evaluateAll((inputs) => inputs
        .filter((i) => i.checkVisibility())
        .map((i) => { const r = i.getBoundingClientRect(); return { top: Math.round(r.top), left: r.left, right: r.right }; }));
      assert.equal(boxes.length, 4, JSON.stringify(boxes));
      assert.deepEqual(new Set(boxes.map((b) => b.top)).size, 1, `inputs at different heights: ${JSON.stringify(boxes)}`);
      for (let k = 1; k < boxes.length; k++) {
        assert.ok(boxes[k - 1].right < boxes[k].left, `input ${k} runs into input ${k + 1}: ${JSON.stringify(boxes)}`);
      }
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('shows the province of a municipality written another way, as the check reads it', async () => {
    // The check knows "Den Bosch" and "Sudwest-Fryslan"; an empty province field beside them
    // told the official to fill in what the check already knew.
    const { context, page: p } = await checker();
    try {
      await typeInto(p, field(row(p, 1), 'Naam'), 'Den Bosch');
      await typeInto(p, field(row(p, 2), 'Naam'), 'Sudwest-Fryslan');
      await p.waitForFunction(() => document.querySelectorAll('[data-rows="gemeenten"] [data-name="provincie"]')[1]?.placeholder === 'Fryslân', null, { timeout: 5000 });
      assert.equal(await field(row(p, 1), 'Provincie').getAttribute('placeholder'), 'Noord-Brabant');
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('loads within 250 KB gzip at first, without the documents module', async () => {
    const context = await newContext(env.browser);
    const bodies = [];
    context.on('response', (r) => {
      bodies.push(r.body().then((b) => ({ url: new URL(r.url()).pathname, bytes: b.length, gzip: gzipSync(b, { level: 9 }).length }), () => null));
    });
    try {
      const p = await open(context, env.url + page.urlPath, { ready: page.ready });
      await p.waitForLoadState('networkidle');
      const files = (await Promise.all(bodies)).filter(Boolean);
      const total = files.reduce((n, f) => n + f.gzip, 0);
      await writeFile(artifact('herverdeling-first-load.json'), JSON.stringify({ totalGzip: total, files }, null, 2));
      assert.deepEqual(files.filter((f) => f.url.includes('herverdeling_documents')), [], 'the documents module is not fetched');
      assert.ok(total <= 250 * 1024, `first load is ${total} bytes gzip: over the budget of 250 KB`);
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('opens a scenario written for the command line (YAML) and saves the scenario as YAML', async () => {
    const { context, page: p } = await checker({ acceptDownloads: true });
    try {
      const yaml = await readFile(new URL('../../../calculator-wasm/tests/scenarios/09-three-colleges-own-dates.yaml', import.meta.url));
      await p.locator('[data-scenario-open]').setInputFiles({ name: 'scenario.yaml', mimeType: 'application/yaml', buffer: yaml });
      await p.locator('[data-status]').filter({ hasText: 'Scenario geopend.' }).waitFor({ timeout: 10000 });
      await p.locator('[data-verdict="valid"]').waitFor({ timeout: 5000 });
      assert.equal(await field(row(p, 3), 'Naam').inputValue(), 'Smallingerland');
      assert.equal(await field(p, 'Taakstellingsperiode').inputValue(), '2026-1');

      // The opened scenario unfolds three colleges' own decisions and the penvoerder: start from
      // the file field beside the button rather than tabbing through them all.
      await p.locator('[data-scenario-open]').focus();
      await tabTo(p, p.getByRole('button', { name: 'Scenario opslaan als bestand' }), { back: true });
      const downloading = p.waitForEvent('download', { timeout: 10000 });
      await p.keyboard.press('Enter');
      const download = await downloading;
      assert.match(download.suggestedFilename(), /^herverdeling-2026-1\.yaml$/);
      const saved = await readFile(await download.path(), 'utf8');
      assert.match(saved, /naam: Smallingerland/, saved);
      assert.match(saved, /kenmerk: HV\/2026\/0142/, 'the penvoerder, which has no fields yet, is kept');
      assert.match(saved, /taakstelling: 8\n/, 'numbers are written as numbers');

      await p.locator('[data-scenario-open]').setInputFiles({ name: 'kapot.yaml', mimeType: 'application/yaml', buffer: Buffer.from('periode: 2026-1\ngemeenten:\n  - naam: [Ameland\n') });
      await p.locator('[data-status]').filter({ hasText: /kan de pagina niet lezen \(regel \d+\)/ }).waitFor({ timeout: 5000 });
      assert.equal(await field(row(p, 3), 'Naam').inputValue(), 'Smallingerland', 'a broken file leaves the form as it was');
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('takes the penvoerder in a folded part and shows the answers with change links before the documents', async () => {
    const { context, page: p } = await checker();
    try {
      await fillValid(p);
      const part = p.locator('[data-penvoerder]');
      assert.equal(await part.getAttribute('open'), null, 'the penvoerder part starts folded, so the common case stays short');
      await tabTo(p, part.locator('summary'));
      await p.keyboard.press('Enter');
      await typeInto(p, field(p, 'Gemeente (penvoerder)'), 'Heerenveen');
      await typeInto(p, field(p, 'Contactpersoon'), 'J. de Vries');
      await typeInto(p, field(p, 'Ons kenmerk'), 'HV/2026/0142');
      await p.locator('[data-verdict="valid"]').waitFor({ timeout: 5000 });
      const answers = p.locator('[data-answers]');
      await answers.getByText('Heerenveen; J. de Vries; kenmerk HV/2026/0142').waitFor({ timeout: 5000 });
      assert.match(await answers.innerText(), /Ameland \(GM0060\): 6 → 0; besluit 10 februari 2026, bekendgemaakt 12 februari 2026/);
      assertNoViolations(await axe(p), 'the checker with the answers and the penvoerder');

      // "Wijzigen" beside the penvoerder moves the focus to its field.
      const change = answers.getByRole('link', { name: 'Wijzigen penvoerder' });
      await tabTo(p, change, { back: true });
      await p.keyboard.press('Enter');
      assert.equal(await p.evaluate(() => document.activeElement?.id), 'field-penvoerder.gemeente');

      // A penvoerder that does not take part is an error at its field.
      await typeInto(p, field(p, 'Gemeente (penvoerder)'), 'Urk');
      await p.locator('[data-verdict="invalid"]').waitFor({ timeout: 5000 });
      assert.match(await p.locator('#field-penvoerder\\.gemeente-error').innerText(), /penvoerder \(Urk\) staat niet bij de betrokken gemeenten/);
      assertClean(context);
    } finally {
      await context.close();
    }
  });
  it('takes numbers per period, folded under each municipality, when the agreement spans more periods', async () => {
    const { context, page: p } = await checker();
    try {
      await fillValid(p);
      const box = (n) => row(p, n).locator('[data-per-period]');
      assert.equal(await box(1).isVisible(), false, 'one period: no period fields, the common case stays short');
      await typeInto(p, field(p, 'Tot en met (optioneel)'), '2026-2');
      await typeInto(p, field(p, 'Toelichting bij een langere afspraak (alleen bij meer dan één periode)'), 'Waddeneilanden');
      await box(1).waitFor({ state: 'visible', timeout: 5000 });
      assert.equal(await box(1).getAttribute('open'), null, 'folded: one pair for every period stays possible');
      await p.locator('[data-verdict="valid"]').waitFor({ timeout: 5000 });

      // Ameland 6 → 0 in 2026-1 and 4 → 0 in 2026-2; Heerenveen takes them over.
      const numbers = { 1: [['6', '0'], ['4', '0']], 2: [['20', '26'], ['18', '22']] };
      for (const n of [1, 2]) {
        for (const name of ['taakstelling', 'nieuw']) {
          await tabTo(p, row(p, n).locator(`[data-name="${name}"]`));
          await p.keyboard.press('ControlOrMeta+a');
          await p.keyboard.press('Backspace');
        }
        await tabTo(p, box(n).locator('summary'));
        await p.keyboard.press('Enter');
        for (const [k, period] of ['2026-1', '2026-2'].entries()) {
          const group = box(n).getByRole('group', { name: `Periode ${period}` });
          await typeInto(p, field(group, 'Taakstelling vóór'), numbers[n][k][0]);
          await typeInto(p, field(group, 'Taakstelling na'), numbers[n][k][1]);
        }
      }
      await p.locator('[data-verdict="valid"]').waitFor({ timeout: 5000 });
      const answers = p.locator('[data-answers]');
      await answers.getByText(/Ameland \(GM0060\): 2026-1: 6 → 0, 2026-2: 4 → 0/).waitFor({ timeout: 5000 });
      assert.match(await answers.innerText(), /Heerenveen \(GM0074\): 2026-1: 20 → 26, 2026-2: 18 → 22/);
      assertNoViolations(await axe(p), 'the checker with numbers per period');

      // A wrong number is named at its own period's field.
      const later = box(1).getByRole('group', { name: 'Periode 2026-2' });
      await typeInto(p, field(later, 'Taakstelling na'), 'x');
      await p.locator('[data-verdict="invalid"]').waitFor({ timeout: 5000 });
      assert.notEqual(await p.locator('#field-gemeenten-0-perioden\\.2026-2\\.nieuw-error').innerText(), '');
      assert.equal(await field(later, 'Taakstelling na').getAttribute('aria-invalid'), 'true');

      // Back to one period: the fields go, the numbers travel with the scenario and come back.
      await typeInto(p, field(later, 'Taakstelling na'), '0');
      await tabTo(p, field(p, 'Tot en met (optioneel)'), { back: true });
      await p.keyboard.press('ControlOrMeta+a');
      await p.keyboard.press('Backspace');
      await box(1).waitFor({ state: 'hidden', timeout: 5000 });
      await typeInto(p, field(p, 'Tot en met (optioneel)'), '2026-2');
      await box(1).waitFor({ state: 'visible', timeout: 5000 });
      assert.equal(await field(box(1).getByRole('group', { name: 'Periode 2026-2' }), 'Taakstelling vóór').inputValue(), '4');
      assertClean(context);
    } finally {
      await context.close();
    }
  });
});
