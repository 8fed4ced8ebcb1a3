// Search as a keyboard user does it: from the header search box on any page to the results
// page, "/" to the search field, arrow keys through the results, Enter to a practice.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildProject, largeProject, largeSiteDir, siteDirs } from '../lib/build.js';
import { startServer } from '../lib/server.js';
import { artifact, assertClean, assertNoViolations, axe, focusIndicator, focused, newContext, open, setup, tabTo } from '../lib/harness.js';
import { allPages } from '../lib/pages.js';

const search = allPages(siteDirs().root).find((p) => p.role === 'search');
const skip = !search.present && !search.required ? `${search.why}; optional until it lands` : false;

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

async function withContext(body) {
  const context = await newContext(env.browser);
  try {
    await body(context);
    assertClean(context);
  } finally {
    await context.close();
  }
}

const results = (p) => p.locator('[data-search-results]');
const resultLinks = (p) => results(p).locator('a[href]');

describe('search', { skip }, () => {
  before(() => {
    if (!search.present) throw new Error(`required page missing: ${search.why}`);
  });

  it('goes from the header search box on the home page to results for "huurtoeslag"', async () => {
    await withContext(async (context) => {
      const p = await open(context, env.url);
      const box = p.locator('form[role="search"] #zoekveld[name="q"]');
      const presses = await tabTo(p, box, { max: 5 });
      assert.ok(presses <= 3, `the search box is among the first tab stops (${presses} presses)`);
      await p.keyboard.type('huurtoeslag');
      await Promise.all([p.waitForURL(/\/zoeken\/\?q=huurtoeslag$/), p.keyboard.press('Enter')]);
      await resultLinks(p).first().waitFor({ timeout: 10000 });
      assert.ok((await resultLinks(p).count()) >= 1, 'at least one result');
      const status = p.locator('[data-search-status]');
      assert.equal(await status.getAttribute('aria-live'), 'polite', 'the result count is in a live region');
      // Announced once typing pauses: wait for it.
      await status.filter({ hasText: /\d/ }).waitFor({ timeout: 10000 });
      assert.match(await status.innerText(), /^\d+ (resultaat|resultaten) (voor|met) “huurtoeslag”/, 'the status says how many results');
      assert.equal(await p.locator('[data-search-input]').inputValue(), 'huurtoeslag', 'the query is in the search field');
    });
  });

  it('"/" focuses the search field, arrows walk the results and Enter opens a practice', async () => {
    await withContext(async (context) => {
      const p = await open(context, env.url + 'zoeken/?q=huurtoeslag');
      await resultLinks(p).first().waitFor({ timeout: 10000 });
      const links = await resultLinks(p).evaluateAll((as) => as.map((a) => ({ href: a.href, text: a.textContent.trim() })));
      await p.keyboard.press('/');
      assert.equal(await p.evaluate(() => document.activeElement?.matches('[data-search-input]')), true, `"/" focuses the search field, not ${await focused(p)}`);
      await p.keyboard.press('ArrowDown');
      assert.equal(await p.evaluate(() => document.activeElement?.href), links[0].href, 'ArrowDown goes to the first result');
      const indicator = await focusIndicator(p);
      assert.ok(indicator.visible && indicator.onScreen, `the focused result shows its focus (${indicator.element})`);
      if (links.length > 1) {
        await p.keyboard.press('ArrowDown');
        assert.equal(await p.evaluate(() => document.activeElement?.href), links[1].href, 'ArrowDown goes to the next result');
        await p.keyboard.press('ArrowUp');
        assert.equal(await p.evaluate(() => document.activeElement?.href), links[0].href, 'ArrowUp goes back');
      }
      await p.keyboard.press('ArrowUp');
      assert.equal(await p.evaluate(() => document.activeElement?.matches('[data-search-input]')), true, 'ArrowUp on the first result returns to the field');
      await p.keyboard.press('ArrowDown');
      await Promise.all([p.waitForURL(links[0].href), p.keyboard.press('Enter')]);
      assert.match(new URL(p.url()).pathname, /^\/praktijken\/[^/]+\/[^/]+\/$/, 'landed on a practice page');
      assert.equal((await p.locator('h1').innerText()).trim(), links[0].text, 'the practice is the one that was chosen');
      assert.match(await p.locator('main').innerText(), /huurtoeslag/i, 'the practice is about the query');
    });
  });

  it('updates results and the address while typing, and says when nothing matches', async () => {
    await withContext(async (context) => {
      const p = await open(context, env.url + 'zoeken/', { ready: search.ready });
      await p.keyboard.press('/');
      // A single letter finds nothing, and the status says so at once.
      await p.keyboard.type('l');
      await p.locator('[data-search-status]').filter({ hasText: 'Geen resultaten voor “l”' }).waitFor({ timeout: 10000 });
      await p.keyboard.type('eegstand');
      await p.waitForURL(/\?q=leegstand$/, { timeout: 10000 });
      await resultLinks(p).first().waitFor({ timeout: 10000 });
      // What was said about "l" must not stay next to these results (the count follows once
      // typing pauses).
      const meanwhile = (await p.locator('[data-search-status]').innerText()).trim();
      assert.ok(!/Geen resultaten/.test(meanwhile), `the status next to the results of "leegstand" is not an earlier query's: "${meanwhile}"`);
      assertNoViolations(await axe(p), '/zoeken/ with results');
      await p.screenshot({ path: artifact('search-results-1280.png'), fullPage: true });
      await p.keyboard.press('ControlOrMeta+a');
      await p.keyboard.type('qqqxyzzy');
      await p.locator('[data-search-status]').filter({ hasText: 'Geen resultaten voor “qqqxyzzy”' }).waitFor({ timeout: 10000 });
      assert.equal(await resultLinks(p).count(), 0, 'no results left over');
      // A question of common words only: the status says why nothing is found, and what helps.
      await p.keyboard.press('ControlOrMeta+a');
      await p.keyboard.type('wat is het ');
      await p.locator('[data-search-status]').filter({ hasText: 'bijna elke tekst' }).waitFor({ timeout: 10000 });
      const why = (await p.locator('[data-search-status]').innerText()).trim();
      assert.match(why, /^Geen resultaten voor “wat is het”: de kennisbank zoekt niet op woorden die in bijna elke tekst staan/, why);
      await p.keyboard.press('ControlOrMeta+a');
      await p.keyboard.press('Backspace');
      await p.waitForURL(/\/zoeken\/$/, { timeout: 10000 });
      assert.equal((await p.locator('[data-search-status]').innerText()).trim(), '', 'an empty field clears the status');
    });
  });

  it('follows a section result to its anchor and sees the searched words marked', async () => {
    await withContext(async (context) => {
      const p = await open(context, env.url + 'zoeken/?q=eenmaal%20overgedragen');
      const section = results(p).locator('.search-section-title a').first();
      await section.waitFor({ timeout: 10000 });
      assert.match(await section.innerText(), /^Uitgangspunt 3: Eenmaal overgedragen/, 'the section is named by its heading');
      const page = results(p).locator('.search-result').first().locator('.search-result-title a');
      assert.match(await page.innerText(), /^Stappenplan/, 'under the name of its page');
      const href = await section.getAttribute('href');
      assert.match(href, /\/stappenplan\/\?markeer=[^#]*overgedragen[^#]*#uitgangspunt-3$/, `the link leads to the section with the words (${href})`);
      await Promise.all([p.waitForURL(/#uitgangspunt-3$/), section.click()]);
      const marks = p.locator('#uitgangspunt-3 mark.zoekwoord');
      await marks.first().waitFor({ timeout: 10000 });
      const marked = (await marks.allInnerTexts()).map((t) => t.toLowerCase());
      assert.ok(marked.includes('overgedragen') && marked.includes('eenmaal'), `the words are marked in the section: ${marked}`);
      assert.ok(await p.locator('#uitgangspunt-3').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0;
      }), 'the section is in view');
      assertNoViolations(await axe(p), '/stappenplan/ with marked words');
    });
  });

  it('counts a page once, however many of its sections match, and lists them under it', async () => {
    await withContext(async (context) => {
      const p = await open(context, env.url + 'zoeken/?q=taakstelling');
      const status = p.locator('[data-search-status]');
      await status.filter({ hasText: /\d/ }).waitFor({ timeout: 10000 });
      const items = results(p).locator('.search-result');
      const said = Number((await status.innerText()).match(/^([\d.]+) resultat/)?.[1].replace('.', ''));
      assert.equal(said, await items.count(), `the count is the pages listed: ${await status.innerText()}`);
      const pages = await items.evaluateAll((lis) => lis.map((li) => li.dataset.page));
      assert.equal(new Set(pages).size, pages.length, `each page once: ${pages}`);
      const plan = results(p).locator('.search-result[data-page$="/stappenplan/"]');
      const steps = plan.locator('.search-section-title');
      const opening = await plan.evaluate((li) => li.querySelectorAll(':scope > .search-result-snippet').length);
      assert.equal(opening + (await steps.count()), 3, 'three of the stappenplan\'s matching parts are listed: its opening text and two steps');
      // The others are counted, with a link to the page that marks the words.
      const untold = plan.locator('.search-more-sections a');
      assert.match(await untold.innerText(), /^\d+ andere delen van deze pagina$/);
      assert.match(await untold.getAttribute('href'), /\/stappenplan\/\?markeer=taakstelling/);
      assertNoViolations(await axe(p), '/zoeken/?q=taakstelling');
    });
  });

  it('finds a step by its number, typed last, and marks the number on the page', async () => {
    await withContext(async (context) => {
      const p = await open(context, env.url + 'zoeken/');
      await p.locator('[data-search-input]').fill('stap 2');
      const section = results(p).locator('.search-section-title a').first();
      await section.filter({ hasText: /^Stap 2:/ }).waitFor({ timeout: 10000 });
      const href = await section.getAttribute('href');
      assert.match(href, /\/stappenplan\/\?markeer=[^#]*#stap-2$/, `the first section is step 2 (${href})`);
      await Promise.all([p.waitForURL(/#stap-2$/), section.click()]);
      const marks = p.locator('#stap-2 mark.zoekwoord');
      await marks.first().waitFor({ timeout: 10000 });
      const marked = (await marks.allInnerTexts()).map((t) => t.toLowerCase());
      assert.ok(marked.includes('2') && marked.includes('stap'), `the number and the word are marked: ${marked}`);
    });
  });

  it('on a phone, shows the first result on the first screen, without the keyboard tip', async () => {
    const context = await newContext(env.browser, { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    try {
      const p = await open(context, env.url + 'zoeken/?q=stap%202');
      const first = results(p).locator('.search-result-title a').first();
      await first.waitFor({ timeout: 10000 });
      assert.equal(await p.locator('#zoektips').isVisible(), false, 'no "druk op /" tip on a phone');
      const box = await first.boundingBox();
      assert.ok(box && box.y + box.height <= 780, `the first result's title ends within the first screen (at ${box && Math.round(box.y + box.height)} px of 780)`);
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('loads the engine only when the field gets focus, and suggests a word when nothing matches', async () => {
    await withContext(async (context) => {
      const p = await context.newPage();
      const wasm = [];
      p.on('request', (r) => {
        if (/search_bg\.wasm|meta\.bin/.test(r.url())) wasm.push(r.url());
      });
      await p.goto(env.url + 'zoeken/');
      await p.waitForLoadState('networkidle');
      assert.deepEqual(wasm, [], 'nothing of the engine is fetched before the field is used');
      await p.keyboard.press('/');
      await p.keyboard.type('gemeenet');
      const suggestion = p.locator('[data-search-suggestion] a');
      await suggestion.waitFor({ timeout: 10000 });
      assert.ok(wasm.length >= 1, 'the engine loads once the field has focus');
      assert.equal(await suggestion.innerText(), 'gemeente', '"Bedoelde u" offers the indexed word');
      await suggestion.click();
      await p.waitForURL(/\?q=gemeente$/, { timeout: 10000 });
      await p.locator('[data-search-status]').filter({ hasText: /resultaten voor “gemeente”/ }).waitFor({ timeout: 10000 });
      assert.equal(await p.locator('[data-search-suggestion]').isHidden(), true, 'no suggestion for a word that is found');
    });
  });

  it('warms the engine when the header search box gets focus, and not before', async () => {
    await withContext(async (context) => {
      const p = await context.newPage();
      const engine = [];
      const indexFiles = [];
      let wholeIn;
      const wholeLoaded = new Promise((resolve) => (wholeIn = resolve));
      p.on('request', (r) => {
        if (/search\.js|search_bg\.wasm|meta\.bin|zoeken\.(js|css)/.test(r.url())) engine.push(new URL(r.url()).pathname);
        const file = new URL(r.url()).pathname.match(/\/zoeken\/index\/(.+\.bin)$/);
        if (file && file[1] !== 'meta.bin') indexFiles.push(file[1]);
      });
      p.on('requestfinished', (r) => {
        if (new URL(r.url()).pathname.endsWith('/zoeken/index/all.bin')) wholeIn();
      });
      await p.goto(env.url + 'praktijken/');
      await p.waitForLoadState('networkidle');
      assert.deepEqual(engine, [], 'a page that is only read fetches nothing of the engine');
      const warmed = ['search.js', 'search_bg.wasm', 'meta.bin', 'zoeken.css', 'zoeken.js']
        .map((name) => p.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/' + name), { timeout: 10000 }));
      await p.locator('#zoekveld').focus();
      await Promise.all(warmed);
      assert.deepEqual([...engine].sort(), ['/static/wasm/search.js', '/static/wasm/search_bg.wasm', '/static/zoeken.css', '/static/zoeken.js', '/zoeken/index/meta.bin'], 'focus fetches the glue, the WebAssembly, the metadata and the search page\'s style and script');
      assert.deepEqual(indexFiles, [], 'focus alone fetches no word of the index');
      await p.keyboard.type('huurtoeslag', { delay: 50 });
      // This site's index is small: while the visitor types, the whole of it comes in one file.
      await Promise.race([wholeLoaded, new Promise((resolve) => setTimeout(resolve, 10000))]);
      assert.deepEqual(indexFiles, ['all.bin'], 'the whole index, once, while typing');
      await Promise.all([p.waitForURL(/\/zoeken\/\?q=huurtoeslag$/), p.keyboard.press('Enter')]);
      await resultLinks(p).first().waitFor({ timeout: 10000 });
      // The results page fetches it again from the browser's cache (or not at all), nothing else.
      assert.deepEqual([...new Set(indexFiles)], ['all.bin'], `no other index file for the results: ${indexFiles}`);
      // The tag filter counts the results per tag from the same file (no tags.bin).
      const tagLabels = await p.locator('[data-search-tag] option').allInnerTexts();
      assert.ok(tagLabels.some((l) => /\([1-9]\d*\)$/.test(l)), `tag counts shown: ${tagLabels}`);
      assert.ok(tagLabels.filter((l) => l !== tagLabels[0]).every((l) => /\(\d+\)$/.test(l)), `every tag counted: ${tagLabels}`);
      await p.locator('[data-search-input]').fill('kamerverhuur');
      await p.locator('[data-search-status]').filter({ hasText: /kamerverhuur/ }).waitFor({ timeout: 10000 });
      assert.deepEqual([...new Set(indexFiles)], ['all.bin'], `a second query fetches nothing: ${indexFiles}`);
    });
  });

  it('on a larger site, answers a frequent word from the one file the build worked out, and a second word the usual way', async () => {
    const large = await startServer({ root: largeSiteDir() });
    try {
      await answersOn(large.url);
    } finally {
      await large.close();
    }
  });

  async function answersOn(siteUrl) {
    await withContext(async (context) => {
      const p = await context.newPage();
      const indexFiles = [];
      p.on('request', (r) => {
        const file = new URL(r.url()).pathname.match(/\/zoeken\/index\/([a-z]\/[0-9]+\.bin)$/);
        if (file) indexFiles.push(file[1]);
      });
      // The word every practice is about: among the most frequent, so the build answers it.
      await p.goto(siteUrl + 'zoeken/?q=vergunninghouders');
      await resultLinks(p).nth(9).waitFor({ timeout: 10000 });
      const status = p.locator('[data-search-status]');
      await status.filter({ hasText: /\d/ }).waitFor({ timeout: 10000 });
      assert.match(await status.innerText(), /^[\d.]+ resultaten (voor|met) “vergunninghouders”/, 'the count is said');
      assert.equal(indexFiles.length, 1, `one index file for a frequent word alone: ${indexFiles}`);
      assert.match(indexFiles[0], /^a\//, `that file is its answer: ${indexFiles}`);
      const firstTitles = await resultLinks(p).allInnerTexts();
      assert.ok(firstTitles.length >= 10, `a first page of results: ${firstTitles.length}`);
      // A second word: no answer, the words' fragments and the documents of the results.
      await p.locator('[data-search-input]').press('End');
      await p.keyboard.type(' coa');
      await p.waitForURL(/q=vergunninghouders(\+|%20)coa/, { timeout: 10000 });
      await p.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent.includes('coa'), null, { timeout: 10000 });
      assert.ok(indexFiles.some((f) => f.startsWith('t/')), `fragments for two words: ${indexFiles}`);
      assert.ok(indexFiles.some((f) => f.startsWith('d/')), `documents for two words: ${indexFiles}`);
      assert.ok((await resultLinks(p).count()) >= 1, 'results for two words');
    });
  }

  it('answers right when the site is deployed again while the search page is open', async () => {
    const { root, out } = largeProject();
    const site = await startServer({ root: out });
    try {
      await withContext(async (context) => {
        const p = await context.newPage();
        const metaFetches = [];
        const indexUrls = [];
        p.on('request', (r) => {
          const url = new URL(r.url());
          if (url.pathname.endsWith('/zoeken/index/meta.bin')) metaFetches.push(url.href);
          else if (url.pathname.includes('/zoeken/index/')) indexUrls.push(url);
        });
        const countFor = async (page, word) => {
          await page.locator('[data-search-status]').filter({ hasText: new RegExp(`\\d.*${word}|${word}.*\\d`) }).waitFor({ timeout: 10000 });
          return page.locator('[data-search-status]').innerText();
        };
        await p.goto(site.url + 'zoeken/?q=zorg');
        await countFor(p, 'zorg');
        // Deployed again: a new practice, with words enough (all sorting first) to move where
        // the index's fragments begin, and documents numbered anew.
        const words = Array.from({ length: 400 }, (_, i) => 'aa' + i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26))) + 'kwartier');
        writeFileSync(
          path.join(root, 'content', 'praktijken', 'algemeen', 'zwaluwstaart.md'),
          `---\ntitle: Werken met de zwaluwstaartregeling\nadded: 2026-12-01\norder: 1\n---\nDe zwaluwstaartregeling verbindt ${words.join(' ')}.\n`,
        );
        buildProject(root, out);
        await p.locator('[data-search-input]').fill('zwaluwstaartregeling');
        await countFor(p, 'zwaluwstaartregeling');
        assert.deepEqual(await resultLinks(p).allInnerTexts(), ['Werken met de zwaluwstaartregeling'], 'the new practice is found, and only it');
        assert.equal(metaFetches.length, 2, `meta.bin fetched again once the page met a file of the new build: ${metaFetches}`);
        assert.ok(indexUrls.every((u) => /^[0-9a-f]{8}$/.test(u.searchParams.get('v'))), `every index file asked with its build's stamp: ${indexUrls.map((u) => u.search)}`);
        // An earlier word is counted as a fresh page of the new build counts it.
        await p.locator('[data-search-input]').fill('zorg');
        const kept = await countFor(p, 'zorg');
        const fresh = await context.newPage();
        await fresh.goto(site.url + 'zoeken/?q=zorg');
        assert.equal(kept, await countFor(fresh, 'zorg'), 'the open page counts as a new one');
      });
    } finally {
      await site.close();
    }
  });

  it('comes back from a result to the results as they were, "Meer resultaten tonen" included', async () => {
    await withContext(async (context) => {
      const p = await open(context, env.url + 'zoeken/?q=woning');
      const items = results(p).locator(':scope > li');
      await items.nth(9).waitFor({ timeout: 10000 });
      await p.locator('[data-search-more]').click();
      await items.nth(10).waitFor({ timeout: 10000 });
      const shown = await items.count();
      const link = items.last().locator('.search-result-title a');
      const title = (await link.innerText()).trim();
      await Promise.all([p.waitForURL((u) => !u.pathname.startsWith('/zoeken/')), link.click()]);
      await p.goBack();
      await p.waitForFunction(() => document.querySelector('[data-search-page]')?.dataset.ready === 'true', null, { timeout: 10000 });
      await items.nth(shown - 1).waitFor({ timeout: 10000 });
      assert.equal(await items.count(), shown, 'as many results as before');
      const again = items.last().locator('.search-result-title a');
      assert.equal((await again.innerText()).trim(), title, 'the result followed is there');
      const box = await again.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 800, `and in view (at ${box && Math.round(box.y)} px of 800)`);
    });
  });

  it('says which filter a "geen resultaten" is for, and "Bedoelde u" keeps it', async () => {
    await withContext(async (context) => {
      // A link someone was sent: huurtoeslag is a word of the knowledge base, not of this category.
      const p = await open(context, env.url + 'zoeken/?q=huurtoeslag&categorie=medisch');
      const status = p.locator('[data-search-status]');
      await status.filter({ hasText: 'Geen resultaten' }).waitFor({ timeout: 10000 });
      assert.equal((await status.innerText()).trim(), 'Geen resultaten voor “huurtoeslag” in de categorie Medisch.');
      await p.locator('[data-search-category]').selectOption('');
      await p.locator('[data-search-tag]').selectOption('flexwonen');
      await status.filter({ hasText: 'flexwonen' }).waitFor({ timeout: 10000 });
      assert.equal((await status.innerText()).trim(), 'Geen resultaten voor “huurtoeslag” met het onderwerp flexwonen.');
      await p.locator('[data-search-tag]').selectOption('');
      await status.filter({ hasText: /^\d+ resulta/ }).waitFor({ timeout: 10000 });
      assert.match(await status.innerText(), /^\d+ (resultaat|resultaten) (voor|met) “huurtoeslag”(,|\.)/, 'without filters, nothing is added');
      // "Bedoelde u" keeps the filter, clicked or opened in a new tab.
      await p.goto(env.url + 'zoeken/?q=wadeneilanden&categorie=algemeen');
      const suggestion = p.locator('[data-search-suggestion] a');
      await suggestion.waitFor({ timeout: 10000 });
      // Written as the texts write the name, with its capital.
      assert.equal(await suggestion.getAttribute('href'), '/zoeken/?q=Waddeneilanden&categorie=algemeen');
      assert.equal(await suggestion.innerText(), 'Waddeneilanden');
    });
  });

  it('names a query with a direction override, or in a right-to-left script, without turning the sentence around', async () => {
    // Where the first match of `pattern` in the status is drawn.
    const at = (p, pattern) =>
      p.locator('[data-search-status]').evaluate((status, source) => {
        const nodes = [];
        const walker = document.createTreeWalker(status, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) nodes.push(walker.currentNode);
        const text = nodes.map((n) => n.nodeValue).join('');
        const m = new RegExp(source, 'u').exec(text);
        if (!m) return null;
        const start = m.index + m[0].length - m.at(-1).length;
        let offset = 0;
        for (const n of nodes) {
          if (start < offset + n.nodeValue.length) {
            const range = document.createRange();
            range.setStart(n, start - offset);
            range.setEnd(n, start - offset + m.at(-1).length);
            const r = range.getBoundingClientRect();
            return { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top) };
          }
          offset += n.nodeValue.length;
        }
        return null;
      }, pattern.source);
    await withContext(async (context) => {
      // U+202E RIGHT-TO-LEFT OVERRIDE, pasted or in a link someone was sent.
      const p = await open(context, env.url + 'zoeken/?q=' + encodeURIComponent('\u202Ehuur'));
      const status = p.locator('[data-search-status]');
      await status.filter({ hasText: /verwant/ }).waitFor({ timeout: 10000 });
      await p.screenshot({ path: artifact('search-status-override.png') });
      const [met, query, after] = [await at(p, /(met)/), await at(p, /(huur)/), await at(p, /(verwant)/)];
      assert.ok(met.right <= query.left && query.right <= after.left && after.top === met.top,
        `the status reads left to right, the query in its place: "met" ${JSON.stringify(met)}, "huur" ${JSON.stringify(query)}, "verwant" ${JSON.stringify(after)}`);
      // A Hebrew word last: the count after the query stays after it, outside the quotes.
      await p.locator('[data-search-input]').fill('huur שלום');
      await status.filter({ hasText: /שלום.*verwant/ }).waitFor({ timeout: 10000 });
      await p.screenshot({ path: artifact('search-status-hebrew.png') });
      const [hebrew, quote, count] = [await at(p, /(שלום)/), await at(p, /(”)/), await at(p, /”\D*(\d+)/)];
      assert.ok(hebrew.right <= quote.left && quote.right <= count.left,
        `the closing quote and the count come after the query: "שלום" ${JSON.stringify(hebrew)}, "”" ${JSON.stringify(quote)}, count ${JSON.stringify(count)}`);
    });
  });

  it('names a very long query by its start, and shows the results on the first screen', async () => {
    await withContext(async (context) => {
      const p = await open(context, env.url + 'zoeken/?q=' + encodeURIComponent('huurtoeslag '.repeat(1000)));
      const first = results(p).locator('.search-result-title a').first();
      await first.waitFor({ timeout: 10000 });
      const status = p.locator('[data-search-status]');
      await status.filter({ hasText: /\d/ }).waitFor({ timeout: 10000 });
      const text = await status.innerText();
      assert.ok(text.length < 200, `the status names the query by its start (${text.length} characters): ${text.slice(0, 300)}`);
      assert.match(text, /“huurtoeslag huurtoeslag[^”]*…”/, 'with an ellipsis where it is cut');
      const box = await first.boundingBox();
      assert.ok(box && box.y + box.height <= 800, `the first result is on the first screen (ends at ${box && Math.round(box.y + box.height)} px of 800)`);
    });
  });

  it('without JavaScript, the header search form leads to a page that explains and links on', async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    try {
      const p = await open(context, env.url);
      await tabTo(p, p.locator('#zoekveld'), { max: 5 });
      await p.keyboard.type('huurtoeslag');
      await Promise.all([p.waitForURL(/\/zoeken\/\?q=huurtoeslag$/), p.keyboard.press('Enter')]);
      const main = p.locator('main');
      assert.match(await main.innerText(), /JavaScript/, 'the page says search needs JavaScript');
      const categories = await main.locator('a[href*="/praktijken/"]').evaluateAll((as) => as.filter((a) => a.checkVisibility()).length);
      assert.ok(categories >= 1, 'and offers the categories instead');
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  it('works from a site served under a sub-path', async () => {
    await withContext(async (context) => {
      const p = await open(context, env.subUrl + 'zoeken/?q=huurtoeslag');
      await resultLinks(p).first().waitFor({ timeout: 10000 });
      const hrefs = await resultLinks(p).evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
      for (const href of hrefs) assert.match(href, /^\/kennisbank\/praktijken\//, 'result links keep the base path');
      const home = await open(context, env.subUrl);
      await tabTo(home, home.locator('#zoekveld'), { max: 5 });
      await home.keyboard.type('leegstand');
      await Promise.all([home.waitForURL(/\/kennisbank\/zoeken\/\?q=leegstand$/), home.keyboard.press('Enter')]);
      await resultLinks(home).first().waitFor({ timeout: 10000 });
    });
  });
});
