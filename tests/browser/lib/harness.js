// What every browser test shares: the built sites and their servers, Debian's Chromium driven
// by playwright-core, a guard that fails a test on any request that leaves loopback or any
// console error, axe-core, keyboard helpers and the artifacts folder.

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { siteDirs, SUB_PATH } from './build.js';
import { startServer } from './server.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require('axe-core').source;

export const BROWSER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = path.join(BROWSER_DIR, 'artifacts');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// No sandbox (containers and CI have no user namespaces), and nothing the browser would fetch on
// its own: the run must show only the site's own requests.
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export function artifact(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function leavesLoopback(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return false;
  return !LOOPBACK.has(u.hostname);
}

/**
 * Starts the servers and the browser once per test file. `env.url` is the site at `/`,
 * `env.subUrl` the same site built and served under SUB_PATH.
 */
export async function setup() {
  const sites = siteDirs();
  const server = await startServer({ root: sites.root });
  const subServer = await startServer({ root: sites.sub, prefix: SUB_PATH });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  return {
    sites,
    browser,
    url: server.url,
    subUrl: subServer.url,
    async close() {
      await browser.close();
      await server.close();
      await subServer.close();
    },
  };
}

/**
 * A fresh browser context (its own profile, cookies, storage). Every request that would leave
 * loopback is aborted before it is sent and recorded in `context.problems`.
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 800 }, ...options });
  context.problems = [];
  context.javaScriptEnabled = options.javaScriptEnabled !== false;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (leavesLoopback(url)) {
      context.problems.push(`request left loopback: ${route.request().method()} ${url}`);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  return context;
}

/**
 * Opens `url` in a new page of `context` and records everything that counts as a failure:
 * console errors, uncaught exceptions, failed requests and error statuses of anything but the
 * page itself (whose status is checked against `status`). `textZoom: 2` opens it with the
 * browser's text size doubled.
 */
export async function open(context, url, { status = 200, ready, waitUntil = 'load', textZoom } = {}) {
  const page = await context.newPage();
  const problems = context.problems;
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium logs the status of a 404 page itself as an error; that status is expected here.
    const expected = status !== 200 && msg.location().url === url && msg.text().includes(`status of ${status}`);
    if (!expected) problems.push(`console error on ${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception on ${page.url()}: ${err.message}`));
  // Main-frame navigations started, and for each request how many had started when it was made:
  // a fetch the page was still making when the visitor left it (a warm-up cut short by Enter) is
  // aborted by the browser, which is no failure.
  let navigations = 0;
  const madeAt = new WeakMap();
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations++;
    madeAt.set(req, navigations);
  });
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? 'failed';
    // Aborted by the loopback guard: already recorded.
    if (reason.includes('BLOCKED_BY_CLIENT')) return;
    if (reason.includes('ERR_ABORTED') && madeAt.get(req) < navigations) return;
    problems.push(`request failed: ${req.url()} (${reason})`);
  });
  page.on('response', (res) => {
    const req = res.request();
    // The page's own status is checked below, against what the test expects.
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) return;
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  if (textZoom) {
    // The browser's own text size setting (not page zoom): the default font size, which rem,
    // em and media queries in em follow, as they do for a user who set large text.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 * textZoom, fixed: 13 * textZoom } });
  }
  const response = await page.goto(url, { waitUntil });
  if (!response) throw new Error(`no response for ${url}`);
  if (response.status() !== status) {
    throw new Error(`${url} answered HTTP ${response.status()}, expected ${status}`);
  }
  if (ready && context.javaScriptEnabled) {
    await page.waitForFunction(ready, null, { timeout: 15000 });
  }
  return page;
}

/** Fails with every recorded problem of the context (requests off loopback, console errors...). */
export function assertClean(context) {
  if (context.problems.length) {
    throw new Error(`${context.problems.length} problem(s) in the browser:\n  ${context.problems.join('\n  ')}`);
  }
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core in the page: WCAG 2.0/2.1 A and AA, plus axe's best practices (one h1,
 * heading order, landmarks, unique landmark names...). Returns readable violation lines.
 * The script goes in through the DevTools protocol, so the page's CSP does not block it and
 * needs no relaxing.
 */
export async function axe(page, { include } = {}) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    async ({ tags, include }) => {
      const context = include ? { include: [include] } : document;
      return window.axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
    },
    { tags: [...AXE_TAGS, 'best-practice'], include },
  );
  return results.violations.map((v) => {
    const nodes = v.nodes.map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`);
    return `${v.id} (${v.impact}; ${v.tags.filter((t) => t.startsWith('wcag') || t === 'best-practice').join(', ')}): ${v.help}\n${nodes.join('\n')}`;
  });
}

/** Fails when axe found anything; the message lists rule, WCAG criterion and elements. */
export function assertNoViolations(violations, where) {
  if (violations.length) {
    throw new Error(`axe-core found ${violations.length} violation(s) on ${where}:\n  ${violations.join('\n  ')}`);
  }
}

/** Describes the focused element for messages: `a "Zoeken" (#id.class)`. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing (body)';
    const name = (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.value || '')
      .trim()
      .replace(/\s+/g, ' ')
      .slice(0, 50);
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${name}"`;
  });
}

/**
 * Moves the focus to `locator` with Tab (or Shift+Tab) only, as a keyboard user would, and fails
 * when it takes more than `max` presses. Returns the number of presses.
 */
export async function tabTo(page, locator, { max = 80, back = false } = {}) {
  const target = await locator.elementHandle({ timeout: 5000 });
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return i;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const name = await target.evaluate((el) => el.outerHTML.slice(0, 120));
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} did not reach ${name} in ${max} presses; focus is on ${await focused(page)}`);
}

/** Whether the focused element shows a focus indicator: an outline of 2px or more, or a box shadow. */
export async function focusIndicator(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { element: 'body', visible: false, onScreen: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const r = el.getBoundingClientRect();
    const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    const name = (el.getAttribute('aria-label') || el.textContent || el.id || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return { element: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${name}"`, visible: outline || shadow, onScreen, node: el.outerHTML.slice(0, 80) };
  });
}

/**
 * Tabs from the current focus through every tab stop of the page (until focus wraps or leaves
 * the page) and returns `{ stops, failures }`: the stops without a visible focus indicator or
 * not on screen when focused. A date field takes several presses (day, month, year) and counts once.
 */
export async function focusSweep(page, maxPresses = 200) {
  const failures = [];
  const seen = new Set();
  let first = null;
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    const f = await focusIndicator(page);
    if (f.element === 'body') break;
    const key = f.node + f.element;
    if (first === null) first = key;
    else if (key === first) break;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!f.visible) failures.push(`${f.element}: no outline or box shadow when focused`);
    if (!f.onScreen) failures.push(`${f.element}: focused but not on screen`);
  }
  return { stops: seen.size, failures };
}

/** Horizontal overflow of the document, in CSS pixels (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
}

/**
 * Elements whose text is cut off: content wider or taller than a box that hides its overflow,
 * or text that reaches past the right edge of the viewport. Screen-reader-only text is exempt,
 * and so is text inside a box that scrolls (a wide data table may scroll in its own box).
 */
export async function clippedText(page) {
  return page.evaluate(() => {
    const out = [];
    const width = document.documentElement.clientWidth;
    const inScroller = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (/auto|scroll/.test(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('.visually-hidden, [hidden], script, style, noscript, template, datalist, option')) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      const clips = /hidden|clip/.test(cs.overflowX + cs.overflowY);
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) && el.textContent.trim()) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} hides overflow (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
      }
      if (hasText) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0 && !inScroller(el)) out.push(`${el.tagName.toLowerCase()}.${el.className} reaches ${Math.round(r.right)}px, past the ${width}px viewport`);
      }
    }
    return out;
  });
}

/**
 * The order in which this browser's date fields take day, month and year from the keyboard
 * ('dmy', 'mdy' or 'ymd'). It follows the browser's own locale, not the page's, so it is measured
 * once in a blank page of the same kind of context.
 */
export async function dateOrder(browser, options = {}) {
  const context = await browser.newContext({ locale: 'nl-NL', ...options });
  try {
    const page = await context.newPage();
    await page.setContent('<input type="date" id="d">');
    await page.focus('#d');
    await page.keyboard.type('0102');
    await page.keyboard.type('2003');
    const value = await page.inputValue('#d');
    const order = { '2003-02-01': 'dmy', '2003-01-02': 'mdy' }[value];
    if (order) return order;
    await page.fill('#d', '');
    await page.focus('#d');
    await page.keyboard.type('20030102');
    if ((await page.inputValue('#d')) === '2003-01-02') return 'ymd';
    throw new Error(`cannot tell this browser's date field order (typed 01 02 2003, got "${value}")`);
  } finally {
    await context.close();
  }
}

/**
 * Problems with the page's headings: not exactly one h1, a first heading that is not the h1, or
 * a level skipped going down (h2 followed by h4). Hidden headings do not count; headings only
 * screen readers get (visually-hidden) do.
 */
export async function headingProblems(page) {
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => h.checkVisibility())
      .map((h) => ({ level: Number(h.tagName[1]), text: h.textContent.trim().replace(/\s+/g, ' ').slice(0, 60) })),
  );
  const out = [];
  const h1s = headings.filter((h) => h.level === 1);
  if (h1s.length !== 1) out.push(`${h1s.length} h1 headings (${h1s.map((h) => `"${h.text}"`).join(', ')}), expected one`);
  if (headings.length && headings[0].level !== 1) out.push(`the first heading is h${headings[0].level} "${headings[0].text}", not the h1`);
  for (let i = 1; i < headings.length; i++) {
    const [prev, cur] = [headings[i - 1], headings[i]];
    if (cur.level > prev.level + 1) out.push(`h${prev.level} "${prev.text}" is followed by h${cur.level} "${cur.text}"`);
  }
  return out;
}
