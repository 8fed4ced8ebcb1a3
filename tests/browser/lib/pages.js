// Every kind of page the suite checks, one entry each. A page in REQUIRED_PAGES that is missing
// from the build fails every test of that page; one in OPTIONAL_PAGES is reported as skipped
// until it lands. To make a page mandatory, move its entry from OPTIONAL_PAGES to REQUIRED_PAGES.
//
// Fields: `kind` (test name), `file` (what the build must contain, relative to the site root),
// `path` (URL path below the base; a function of the site folder when it depends on content),
// `status` (expected HTTP status), `role`: 'content' (reads fully without JavaScript), 'search'
// or 'checker' (need JavaScript and say so when it is off), `ready` (how to know the page's
// script has finished starting: a function run in the page).

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function subdirs(dir) {
  try {
    return readdirSync(dir)
      .filter((n) => statSync(path.join(dir, n)).isDirectory())
      .sort();
  } catch {
    return [];
  }
}

/** The first practice of the first category that has one: `praktijken/<cat>/<id>/`. */
function firstPractice(site) {
  for (const cat of subdirs(path.join(site, 'praktijken'))) {
    const ids = subdirs(path.join(site, 'praktijken', cat));
    if (ids.length) return `praktijken/${cat}/${ids[0]}/`;
  }
  return null;
}

function firstCategory(site) {
  const cat = subdirs(path.join(site, 'praktijken'))[0];
  return cat ? `praktijken/${cat}/` : null;
}

function firstTag(site) {
  const tag = subdirs(path.join(site, 'tags'))[0];
  return tag ? `tags/${tag}/` : null;
}

export const REQUIRED_PAGES = [
  { kind: 'home', file: 'index.html', path: '', role: 'content' },
  { kind: 'all practices', file: 'praktijken/index.html', path: 'praktijken/', role: 'content' },
  { kind: 'category', path: firstCategory, role: 'content' },
  { kind: 'practice', path: firstPractice, role: 'content' },
  { kind: 'tag index', file: 'tags/index.html', path: 'tags/', role: 'content' },
  { kind: 'tag', path: firstTag, role: 'content' },
  { kind: 'stappenplan', file: 'stappenplan/index.html', path: 'stappenplan/', role: 'content' },
  { kind: '404', file: '404.html', path: 'bestaat-niet/', status: 404, role: 'content' },
  {
    kind: 'search',
    file: 'zoeken/index.html',
    path: 'zoeken/',
    role: 'search',
    // zoeken.js sets data-ready once it waits for the field (the engine loads on focus) or answered.
    ready: () => document.querySelector('[data-search-page]')?.dataset.ready === 'true',
  },
  { kind: 'toegankelijkheidsverklaring', file: 'toegankelijkheid/index.html', path: 'toegankelijkheid/', role: 'content' },
  {
    kind: 'herverdelingscheck',
    file: 'herverdeling/index.html',
    path: 'herverdeling/',
    role: 'checker',
    ready: () => document.querySelector('[data-herverdeling]')?.dataset.ready === 'true',
  },
  { kind: 'new and changed', file: 'nieuw/index.html', path: 'nieuw/', role: 'content' },
];

export const OPTIONAL_PAGES = [];

/**
 * Resolves an entry against a built site: `{ ...entry, urlPath, present, required, why }`.
 * `why` says what is missing when the page is not there.
 */
export function resolvePage(entry, site, required) {
  const urlPath = typeof entry.path === 'function' ? entry.path(site) : entry.path;
  const file = entry.file ?? (urlPath ? urlPath + 'index.html' : null);
  let present = false;
  try {
    present = file !== null && statSync(path.join(site, file)).isFile();
  } catch {
    present = false;
  }
  const why = file === null
    ? `no ${entry.kind} page in the build (nothing to derive its address from)`
    : `\`${file}\` is not in the build`;
  return { status: 200, ...entry, urlPath, present, required, why };
}

export function allPages(site) {
  return [
    ...REQUIRED_PAGES.map((e) => resolvePage(e, site, true)),
    ...OPTIONAL_PAGES.map((e) => resolvePage(e, site, false)),
  ];
}
