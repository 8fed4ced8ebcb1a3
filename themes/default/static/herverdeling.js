// The herverdelingscheck page. The rules run in WebAssembly (calculator-wasm, the same Rust code
// as `kennisbank herverdeling`); this script only moves values between the form, the module and
// the URL. Without JavaScript or WebAssembly the page keeps its rules and checklist.

const app = document.querySelector('[data-herverdeling]');

const SCALARS = ['periode', 'tot_en_met', 'uitzondering', 'besluitdatum', 'bekendmaking', 'melddatum'];
const ROW_FIELDS = {
  gemeenten: ['naam', 'provincie', 'taakstelling', 'nieuw', 'besluitdatum', 'bekendmaking', 'publicatie'],
  overdrachten: ['van', 'naar', 'aantal'],
};
const ROW_NAMES = { gemeenten: 'Gemeente', overdrachten: 'Overdracht' };
const PENVOERDER = ['gemeente', 'naam', 'email', 'telefoon', 'kenmerk'];

/** `gemeenten[1].taakstelling` → `field-gemeenten-1-taakstelling`: the id of the form field. */
function fieldId(path) {
  return 'field-' + path.replace(/\[(\d+)\]\.?/g, '-$1-').replace(/-$/, '');
}

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function signed(n) {
  if (n === null || n === undefined) return '?';
  return n > 0 ? `+${n}` : String(n);
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december'];
function dutchDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

// ---- the page's state -------------------------------------------------------------------------
// The elements the check writes to; the engine and the list once loaded (loadEngine); what the
// user has done so far.
const q = (sel) => app?.querySelector(sel);
const form = q('[data-form]');
const loadError = q('[data-load-error]');
const status = q('[data-status]');
const summary = q('[data-summary]');
const summaryTitle = q('[data-summary-title]');
const summaryList = q('[data-summary-list]');
const result = q('[data-result]');
const letterSection = q('[data-letter-section]');
const letterBox = q('[data-letter]');
const shareLink = q('[data-share-link]');
let wasm;
let municipalities;
const provinceOf = new Map();
let touched = false;
let lastScenarioJson = '';
let letterRequest = 0;

// ---- loading ------------------------------------------------------------------------------------
// The rules engine and the municipalities list; false (with a message) when they cannot be had.
async function loadEngine() {
  try {
    // The glue and its module as the page names them (with their build's hash, so that a cached
    // copy of another build is never paired with this one); next to this script otherwise.
    const glue = await import(app.dataset.engineGlue ?? new URL('./wasm/herverdeling.js', import.meta.url).href);
    const [, listText] = await Promise.all([
      glue.default(app.dataset.engineBinary ? { module_or_path: app.dataset.engineBinary } : undefined),
      fetch(app.dataset.municipalities).then((r) => {
        if (!r.ok) throw new Error(`gemeentelijst: HTTP ${r.status}`);
        return r.text();
      }),
    ]);
    wasm = glue;
    municipalities = listText;
  } catch (e) {
    loadError.textContent = 'De check kon niet worden geladen. Gebruik de regels en de checklist hieronder. (' + e.message + ')';
    loadError.hidden = false;
    return false;
  }
  try {
    for (const m of JSON.parse(municipalities).gemeenten) provinceOf.set(m.naam.toLowerCase(), m.provincie);
  } catch {
    // The engine reports a broken list itself; only the placeholders are lost.
  }
  return true;
}

// ---- rows -----------------------------------------------------------------------------------
function renumber(kind) {
  const rows = app.querySelectorAll(`[data-rows="${kind}"] [data-row]`);
  rows.forEach((row, i) => {
    const label = `${ROW_NAMES[kind]} ${i + 1}`;
    row.querySelector('[data-row-legend]').textContent = label;
    row.id = `field-${kind}-${i}`;
    for (const name of ROW_FIELDS[kind]) {
      const id = `field-${kind}-${i}-${name}`;
      const input = row.querySelector(`[data-name="${name}"]`);
      input.id = id;
      input.name = `${kind}-${i}-${name}`;
      row.querySelector(`[data-for="${name}"]`).setAttribute('for', id);
      const error = row.querySelector(`[data-error="${name}"]`);
      error.id = `${id}-error`;
      input.setAttribute('aria-describedby', error.id);
    }
    row.querySelector('[data-remove]').setAttribute('aria-label', `${label} verwijderen`);
    const perPeriod = row.querySelector('[data-per-period]');
    if (perPeriod) {
      // `gemeenten[i].perioden` and `gemeenten[i].perioden.2026-1.taakstelling` are the rules' paths.
      perPeriod.id = `field-${kind}-${i}-perioden`;
      perPeriod.querySelector('[data-error="perioden"]').id = `field-${kind}-${i}-perioden-error`;
      row.dataset.gridRange = '';
    }
  });
  if (kind === 'gemeenten') syncPeriods();
}

function addRow(kind, values = {}) {
  const template = app.querySelector(`[data-row-template="${kind}"]`);
  const row = template.content.firstElementChild.cloneNode(true);
  for (const name of ROW_FIELDS[kind]) {
    row.querySelector(`[data-name="${name}"]`).value = values[name] ?? '';
  }
  // A college with its own decision shows it; the common case (one date for all) stays short.
  // Numbers per period are kept on the row and shown in its period fields (syncPeriods) once the
  // herverdeling spans more than one period; a period outside that span travels unchanged, so the
  // rules name it and opening a file or link loses nothing.
  if (values.perioden) row.dataset.perioden = JSON.stringify(values.perioden);
  const own = row.querySelector('[data-own-decision]');
  if (own && (values.besluitdatum || values.bekendmaking || values.publicatie)) own.open = true;
  app.querySelector(`[data-rows="${kind}"]`).append(row);
  renumber(kind);
  return row;
}

// Adding and removing rows.
function wireRows() {
  app.addEventListener('click', (event) => {
    const add = event.target.closest('[data-add]');
    if (add) {
      const row = addRow(add.dataset.add);
      row.querySelector('input').focus();
      touched = true;
      update();
      return;
    }
    const remove = event.target.closest('[data-remove]');
    if (remove) {
      const row = remove.closest('[data-row]');
      const kind = row.parentElement.dataset.rows;
      const fieldset = row.parentElement.closest('fieldset');
      row.remove();
      renumber(kind);
      fieldset.focus();
      touched = true;
      update();
      announce(`${ROW_NAMES[kind]} verwijderd.`);
    }
  });
}

// ---- numbers per period ---------------------------------------------------------------------
// An agreement over more than one period may give each municipality its numbers per period. The
// fields appear, folded, under each municipality once "tot en met" makes the span longer than one
// period; the common single-period case stays as short as it was.
const MAX_PERIOD_FIELDS = 12;

function parsePeriod(text) {
  const m = /^\s*(\d{4})-([12])\s*$/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The periods from `periode` through `tot_en_met`, when that is 2 to 12 periods; else []. */
function periodSpan() {
  const from = parsePeriod(form.elements.periode.value);
  const to = parsePeriod(form.elements.tot_en_met.value);
  if (!from || !to) return [];
  const out = [];
  let [y, h] = from;
  while ((y < to[0] || (y === to[0] && h <= to[1])) && out.length <= MAX_PERIOD_FIELDS) {
    out.push(`${y}-${h}`);
    [y, h] = h === 2 ? [y + 1, 1] : [y, 2];
  }
  return out.length > 1 && out.length <= MAX_PERIOD_FIELDS ? out : [];
}

/** A row's numbers per period: what its period fields hold, over what it came with. */
function rowPeriods(row) {
  const perioden = row.dataset.perioden ? JSON.parse(row.dataset.perioden) : {};
  for (const line of row.querySelectorAll('[data-period]')) {
    const key = line.dataset.period;
    for (const k of Object.keys(perioden)) if (k.trim() === key) delete perioden[k];
    const numbers = {};
    for (const name of ['taakstelling', 'nieuw']) {
      const v = line.querySelector(`[data-period-name="${name}"]`).value;
      if (v.trim() !== '') numbers[name] = v;
    }
    if (Object.keys(numbers).length) perioden[key] = numbers;
  }
  return perioden;
}

/** Shows each municipality's period fields for the current span (or hides them). */
function syncPeriods() {
  const span = periodSpan();
  const key = span.join(',');
  app.querySelectorAll('[data-rows="gemeenten"] [data-row]').forEach((row, i) => {
    const box = row.querySelector('[data-per-period]');
    if (!box || row.dataset.gridRange === key) return;
    // Keep what was typed before the fields are made again for another span.
    const kept = rowPeriods(row);
    if (Object.keys(kept).length) row.dataset.perioden = JSON.stringify(kept);
    else delete row.dataset.perioden;
    row.dataset.gridRange = key;
    const grid = box.querySelector('[data-period-grid]');
    grid.replaceChildren();
    box.hidden = span.length === 0;
    for (const p of span) {
      const base = `field-gemeenten-${i}-perioden.${p}`;
      const line = el('fieldset', { class: 'hv-period', 'data-period': p, id: base });
      line.append(el('legend', {}, `Periode ${p}`));
      for (const [name, text] of [['taakstelling', 'Taakstelling vóór'], ['nieuw', 'Taakstelling na']]) {
        const id = `${base}.${name}`;
        const field = el('p', { class: 'hv-field hv-getal' });
        const input = el('input', {
          id, type: 'text', inputmode: 'numeric', autocomplete: 'off',
          'data-period-name': name, 'aria-describedby': `${id}-error`,
        });
        const value = Object.entries(kept).find(([k]) => k.trim() === p)?.[1]?.[name];
        if (value !== undefined && value !== null) input.value = String(value);
        field.append(el('label', { for: id }, text), input, el('span', { class: 'hv-field-error', id: `${id}-error` }));
        line.append(field);
      }
      grid.append(line);
    }
    if (span.some((p) => Object.keys(kept).some((k) => k.trim() === p))) box.open = true;
  });
}

// ---- form <-> scenario ----------------------------------------------------------------------
function readForm() {
  const s = {};
  for (const name of SCALARS) {
    const v = form.elements[name].value;
    if (v.trim() !== '') s[name] = v;
  }
  for (const kind of Object.keys(ROW_FIELDS)) {
    const rows = [...app.querySelectorAll(`[data-rows="${kind}"] [data-row]`)].map((row) => {
      const r = {};
      for (const name of ROW_FIELDS[kind]) {
        const v = row.querySelector(`[data-name="${name}"]`).value;
        if (v.trim() !== '') r[name] = v;
      }
      if (kind === 'gemeenten') {
        const perioden = rowPeriods(row);
        if (Object.keys(perioden).length) r.perioden = perioden;
      }
      return r;
    });
    if (rows.length) s[kind] = rows;
  }
  const penvoerder = {};
  for (const name of PENVOERDER) {
    const v = form.elements[`penvoerder-${name}`].value;
    if (v.trim() !== '') penvoerder[name] = v;
  }
  if (Object.keys(penvoerder).length) s.penvoerder = penvoerder;
  return s;
}

function fillForm(s) {
  for (const name of SCALARS) form.elements[name].value = s[name] ?? '';
  for (const name of PENVOERDER) form.elements[`penvoerder-${name}`].value = s.penvoerder?.[name] ?? '';
  // The penvoerder's part stays folded until it holds something.
  if (s.penvoerder && Object.values(s.penvoerder).some((v) => String(v).trim())) q('[data-penvoerder]').open = true;
  for (const kind of Object.keys(ROW_FIELDS)) {
    app.querySelector(`[data-rows="${kind}"]`).replaceChildren();
    for (const values of s[kind] ?? []) addRow(kind, values);
  }
  if (!(s.gemeenten ?? []).length) {
    addRow('gemeenten');
    addRow('gemeenten');
  }
}

// ---- announcements --------------------------------------------------------------------------
// Screen readers hear the verdict once the typing pauses, not at every key.
let announceTimer;
function announce(text) {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    status.textContent = text;
  }, 700);
}

// ---- verdict --------------------------------------------------------------------------------
function showFieldErrors(verdict) {
  for (const node of app.querySelectorAll('.hv-field-error')) node.textContent = '';
  for (const node of app.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  if (!touched) return;
  for (const issue of verdict.errors) {
    const target = document.getElementById(fieldId(issue.field));
    const slot = document.getElementById(`${fieldId(issue.field)}-error`)
      ?? app.querySelector(`[data-error-for="${issue.field}"]`);
    if (target && target.matches('input, textarea')) target.setAttribute('aria-invalid', 'true');
    if (slot) slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + issue.message;
  }
}

function showSummary(verdict) {
  summaryList.replaceChildren();
  if (verdict.valid || !touched) {
    summary.hidden = true;
    return;
  }
  const n = verdict.errors.length;
  summaryTitle.textContent = n === 1 ? 'Nog niet in orde: 1 fout' : `Nog niet in orde: ${n} fouten`;
  for (const issue of verdict.errors) {
    const a = el('a', { href: `#${fieldId(issue.field)}` }, issue.message);
    summaryList.append(el('li', { 'data-code': issue.code }).appendChild(a).parentNode);
  }
  summary.hidden = false;
}

function showResult(verdict) {
  const warnings = q('[data-warnings]');
  warnings.replaceChildren();
  if (verdict.warnings.length) {
    warnings.append(el('h3', {}, 'Let op'));
    const ul = el('ul', { class: 'hv-warnings' });
    for (const w of verdict.warnings) {
      const li = el('li', { 'data-code': w.code });
      li.append(el('a', { href: `#${fieldId(w.field)}` }, w.message));
      ul.append(li);
    }
    warnings.append(ul);
  }
  const body = q('[data-table-body]');
  body.replaceChildren();
  for (const m of verdict.municipalities) {
    const tr = el('tr');
    tr.append(el('td', {}, m.name), el('td', {}, m.province ?? '?'),
      el('td', { class: 'num' }, m.before ?? '?'), el('td', { class: 'num' }, m.after ?? '?'),
      el('td', { class: 'num' }, signed(m.difference)));
    body.append(tr);
  }
  q('[data-sum-before]').textContent = verdict.sum_before ?? '?';
  q('[data-sum-after]').textContent = verdict.sum_after ?? '?';
  const diff = verdict.sum_before !== null && verdict.sum_after !== null
    ? verdict.sum_after - verdict.sum_before : null;
  q('[data-sum-diff]').textContent = signed(diff);

  const dl = q('[data-deadlines]');
  dl.replaceChildren();
  const d = verdict.deadlines;
  if (d.notify_by) {
    dl.append(el('dt', {}, 'COA en provincie informeren uiterlijk'),
      el('dd', {}, `${dutchDate(d.notify_by)} (een week na de bekendmaking)`));
  }
  if (d.coa_processes_within) {
    const basis = d.receipt_assumed
      ? `één maand na ontvangst; aangenomen dat de brief op ${dutchDate(d.receipt)} binnen is`
      : `één maand na ontvangst op ${dutchDate(d.receipt)}`;
    dl.append(el('dt', {}, 'COA verwerkt de cijfers uiterlijk'),
      el('dd', {}, `${dutchDate(d.coa_processes_within)} (${basis})`));
  }
  if (!dl.children.length) dl.append(el('dt', {}, 'Termijnen'), el('dd', {}, 'Vul de datum van bekendmaking in.'));

  const ul = q('[data-recipients]');
  ul.replaceChildren();
  for (const r of verdict.recipients) {
    const parts = [r.name];
    if (r.attention) parts.push(`t.a.v. ${r.attention}`);
    parts.push(...r.address);
    if (r.phone) parts.push(`T ${r.phone}`);
    const li = el('li', {}, parts.join(', '));
    li.append(el('span', { class: 'hv-reason' }, ` — ${r.reason}`));
    ul.append(li);
  }
  result.hidden = !touched;
}

// The documents module (the letter, .odt and .docx, scenarios as YAML) is loaded only when the user
// asks for the letter, a download, or opens or saves a scenario file: the page's first load, and
// every check, carry the rules alone.
let documentsPromise;
function documentsModule() {
  documentsPromise ??= import(app.dataset.documentsGlue ?? new URL('./wasm/herverdeling_documents.js', import.meta.url).href)
    .then(async (m) => {
      await m.default(app.dataset.documentsBinary ? { module_or_path: app.dataset.documentsBinary } : undefined);
      return m;
    });
  return documentsPromise;
}

let templatePromise;
function letterTemplate() {
  templatePromise ??= fetch(app.dataset.letterTemplate).then((r) => {
    if (!r.ok) throw new Error(`briefsjabloon: HTTP ${r.status}`);
    return r.text();
  });
  return templatePromise;
}

// The letter is written once the user asks for it ("Brief tonen", copy, print); after that it
// follows every change of a valid scenario.
let letterWanted = false;
let lastVerdict;

async function showLetter(verdict, scenarioJson) {
  const request = ++letterRequest;
  if (!verdict.valid) {
    letterSection.hidden = true;
    document.documentElement.classList.remove('hv-has-letter');
    return;
  }
  letterSection.hidden = false;
  q('[data-letter-show]').hidden = letterWanted;
  if (!letterWanted) {
    letterBox.hidden = true;
    return;
  }
  let out;
  try {
    const [docs, template] = await Promise.all([documentsModule(), letterTemplate()]);
    out = JSON.parse(docs.letter(template, scenarioJson, municipalities));
  } catch (e) {
    out = { error: { message: e.message } };
  }
  if (request !== letterRequest) return; // a newer scenario has taken over
  if (out.error) {
    letterBox.replaceChildren(el('p', { class: 'notice' }, `De brief kon niet worden gemaakt: ${out.error.message}`));
  } else {
    // The template is the editors' own file and every value in it is escaped by the engine.
    letterBox.innerHTML = out.html;
  }
  letterBox.hidden = false;
  document.documentElement.classList.add('hv-has-letter');
}

// ---- check your answers ----------------------------------------------------------------------
// Before the documents: what was filled in, each with a link back to its field (GOV.UK's "check
// your answers"). Dates in Dutch come from the verdict, so they read as in the documents.
function showAnswers(scenario, verdict) {
  const dl = q('[data-answers]');
  dl.replaceChildren();
  const row = (key, value, target, what) => {
    const div = el('div', { class: 'hv-answer' });
    const change = el('a', { href: `#${target}` }, 'Wijzigen');
    change.append(el('span', { class: 'visually-hidden' }, ` ${what}`));
    div.append(el('dt', {}, key), el('dd', {}, value), el('dd', { class: 'hv-answer-change' }));
    div.lastChild.append(change);
    dl.append(div);
  };
  const periods = verdict.periods?.text ?? [];
  row('Periode', periods.join('; '), 'field-periode', 'periode');
  if (scenario.uitzondering) row('Toelichting bij een langere afspraak', scenario.uitzondering, 'field-uitzondering', 'uitzondering');
  verdict.municipalities.forEach((m, i) => {
    const dates = m.besluitdatum && m.bekendmaking
      ? `; besluit ${dutchDate(m.besluitdatum)}, bekendgemaakt ${dutchDate(m.bekendmaking)}${m.publicatie ? ` (${m.publicatie})` : ''}`
      : '';
    const numbers = m.perioden?.length
      ? m.perioden.map((p) => `${p.periode}: ${p.before} → ${p.after}`).join(', ')
      : `${m.before} → ${m.after}`;
    row(`Gemeente ${i + 1}`, `${m.name}${m.cbs ? ` (${m.cbs})` : ''}: ${numbers}${dates}`, `field-gemeenten-${i}-naam`, `gemeente ${i + 1}`);
  });
  const transfers = scenario.overdrachten?.length ?? 0;
  if (transfers) row('Overdrachten', `${transfers}`, 'field-overdrachten', 'overdrachten');
  if (verdict.dates.melddatum) row('Melding aan COA en provincie', dutchDate(verdict.dates.melddatum), 'field-melddatum', 'melddatum');
  const pv = scenario.penvoerder ?? {};
  const contact = [pv.naam, pv.email, pv.telefoon].filter(Boolean).join(', ');
  row('Penvoerder', pv.gemeente ? `${pv.gemeente}${contact ? `; ${contact}` : ''}${pv.kenmerk ? `; kenmerk ${pv.kenmerk}` : ''}` : 'Niet ingevuld',
    'field-penvoerder.gemeente', 'penvoerder');
}

// Writes the letter if it is not there yet (for copy, print and the .html download).
async function ensureLetter() {
  if (letterWanted || !lastVerdict) return;
  letterWanted = true;
  await showLetter(lastVerdict, lastScenarioJson);
}

function update() {
  syncPeriods();
  const scenario = readForm();
  const scenarioJson = JSON.stringify(scenario);
  if (scenarioJson === lastScenarioJson) return;
  lastScenarioJson = scenarioJson;
  const verdict = JSON.parse(wasm.check(scenarioJson, municipalities));
  if (verdict.error) {
    status.dataset.verdict = 'invalid';
    status.textContent = `De check kon niet rekenen: ${verdict.error.message}`;
    return;
  }
  status.dataset.verdict = verdict.valid ? 'valid' : 'invalid';
  status.classList.toggle('hv-valid', verdict.valid);
  const n = verdict.errors.length;
  const w = verdict.warnings.length;
  // The sentence itself comes from the rules (verdict.conclusion), the same as in the CLI.
  const text = verdict.valid
    ? `Geldig: ${verdict.conclusion}${w ? ` Let op ${w} ${w === 1 ? 'aandachtspunt' : 'aandachtspunten'}.` : ''} De brief aan het COA staat onderaan.`
    : (touched ? verdict.conclusion : 'Vul de herverdeling in.');
  announce(text);

  // Provinces of listed municipalities appear as placeholders, so users see they need not type them;
  // the rules' own reading of the name (one verdict row per form row) also knows other spellings,
  // "Den Bosch" and "Sudwest-Fryslan", which the list alone does not.
  app.querySelectorAll('[data-rows="gemeenten"] [data-row]').forEach((row, k) => {
    const naam = row.querySelector('[data-name="naam"]').value.trim().toLowerCase();
    const read = verdict.municipalities?.[k];
    const known = read?.listed && naam ? read.province : null;
    row.querySelector('[data-name="provincie"]').placeholder = known ?? provinceOf.get(naam) ?? '';
  });

  showFieldErrors(verdict);
  showSummary(verdict);
  // "Fout:" in the title while there are errors, so screen reader users hear it on arrival.
  const baseTitle = document.title.replace(/^Fout: /, '');
  document.title = !verdict.valid && touched ? `Fout: ${baseTitle}` : baseTitle;
  showResult(verdict);
  lastVerdict = verdict;
  if (verdict.valid) showAnswers(scenario, verdict);
  showLetter(verdict, scenarioJson);

  // The scenario goes in the fragment, which never reaches the server's access log.
  const encoded = JSON.parse(wasm.encode_link(scenarioJson));
  if (encoded.link) {
    const fragment = encoded.link.includes('#') ? encoded.link.slice(encoded.link.indexOf('#')) : '';
    const url = location.pathname + fragment;
    history.replaceState(null, '', url);
    shareLink.href = url;
  }
}

// Typing checks at once; Enter and the links in the summary move the focus.
function wireForm() {
  form.addEventListener('input', () => {
    touched = true;
    update();
  });
  // Submitting (Enter in a field) moves the focus to the error summary, as GOV.UK forms do; while
  // typing the focus stays where the user is.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    touched = true;
    update();
    if (!summary.hidden) summary.focus();
  });

  // Links in the summary and warnings move the focus to the field, not just the scroll position.
  app.addEventListener('click', (event) => {
    const a = event.target.closest('a[href^="#field-"]');
    if (!a) return;
    const target = document.getElementById(a.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    const closed = target.closest('details:not([open])');
    if (closed) closed.open = true;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  });
}

// ---- sharing and the letter's buttons -------------------------------------------------------
async function copy(html, text, done) {
  try {
    if (html && window.ClipboardItem) {
      await navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      })]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    status.textContent = done;
  } catch {
    status.textContent = 'Kopiëren lukte niet; selecteer de tekst en kopieer met de toetsen Ctrl+C.';
  }
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
const MEDIA = {
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

// The buttons: copy the link, save and open the scenario, copy, print and download the documents.
function wireButtons() {
  q('[data-copy-link]').addEventListener('click', () => copy(null, shareLink.href, 'Link gekopieerd.'));

  // Save and resume without an account: the scenario as the YAML file that `kennisbank herverdeling`
  // reads (JSON when the documents module cannot be loaded), and opening such a file (YAML or
  // JSON) again.
  q('[data-scenario-save]').addEventListener('click', async () => {
    const periode = (form.elements.periode.value.trim() || 'herverdeling').replace(/[^0-9A-Za-z-]/g, '');
    let yaml = '';
    try {
      yaml = (await documentsModule()).scenario_to_yaml(JSON.stringify(readForm()));
    } catch {
      // Saved as JSON below, which the CLI reads as well.
    }
    if (yaml) {
      save(new Blob([yaml], { type: 'application/yaml' }), `herverdeling-${periode}.yaml`);
    } else {
      const text = JSON.stringify(readForm(), null, 2) + '\n';
      save(new Blob([text], { type: 'application/json' }), `herverdeling-${periode}.json`);
    }
    status.textContent = 'Scenario opgeslagen.';
  });
  q('[data-scenario-open]').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > 1024 * 1024) {
      status.textContent = 'Dit bestand is groter dan 1 MB; een scenario is een klein tekstbestand.';
      return;
    }
    const text = await file.text();
    let read;
    try {
      read = JSON.parse((await documentsModule()).scenario_from_text(text));
    } catch (e) {
      read = { error: { message: e.message } };
    }
    if (read.error) {
      const where = read.error.line ? ` (regel ${read.error.line})` : '';
      status.textContent = `Dit bestand kan de pagina niet lezen${where}: ${read.error.message}. Open een scenario dat met "Scenario opslaan" of voor de opdrachtregel (kennisbank herverdeling) is gemaakt.`;
      return;
    }
    fillForm(read.scenario);
    touched = true;
    update();
    status.textContent = 'Scenario geopend.';
  });
  q('[data-letter-show]').addEventListener('click', async () => {
    await ensureLetter();
    letterBox.focus();
  });
  q('[data-letter-copy]').addEventListener('click', async () => {
    await ensureLetter();
    copy(letterBox.innerHTML, letterBox.innerText, 'Brief gekopieerd.');
  });
  q('[data-letter-print]').addEventListener('click', async () => {
    await ensureLetter();
    window.print();
  });
  for (const button of app.querySelectorAll('[data-document-download]')) {
    button.addEventListener('click', async () => {
      const format = button.dataset.documentDownload;
      const name = button.dataset.document;
      const periode = (form.elements.periode.value.trim() || 'herverdeling').replace(/[^0-9A-Za-z-]/g, '');
      try {
        const templateText = button.dataset.template
          ? fetch(button.dataset.template).then((r) => {
            if (!r.ok) throw new Error(`sjabloon: HTTP ${r.status}`);
            return r.text();
          })
          : letterTemplate();
        const [docs, template] = await Promise.all([documentsModule(), templateText]);
        const bytes = docs.document(template, JSON.stringify(readForm()), municipalities, format, name);
        if (!bytes.length) throw new Error('de herverdeling doorstaat de controles nog niet');
        const file = name === 'coa' ? 'brief-coa' : name;
        save(new Blob([bytes], { type: MEDIA[format] }), `${file}-herverdeling-${periode}.${format}`);
        status.textContent = `Document gedownload (.${format}).`;
      } catch (e) {
        status.textContent = `De brief kon niet worden gemaakt: ${e.message}`;
      }
    });
  }
  q('[data-letter-download]').addEventListener('click', async () => {
    await ensureLetter();
    const periode = (form.elements.periode.value.trim() || 'herverdeling').replace(/[^0-9A-Za-z-]/g, '');
    // The page around the letter is the CLI's (`--document coa --format html`): one style, with
    // room to sign above the lines to sign.
    const doc = (await documentsModule()).printable(letterBox.innerHTML, 'coa');
    const url = URL.createObjectURL(new Blob([doc], { type: 'text/html' }));
    const a = el('a', { href: url, download: `brief-coa-herverdeling-${periode}.html` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = 'Brief gedownload.';
  });
}

// ---- start: the state in the URL, if any ----------------------------------------------------
// New links carry the scenario in the fragment; older ones in the query string.
function restoreState() {
  let initial = {};
  const carried = location.hash.includes('=') ? location.hash : location.search;
  if (carried) {
    const decoded = JSON.parse(wasm.decode_link(carried));
    if (decoded.error) {
      loadError.textContent = decoded.error.message;
      loadError.hidden = false;
    } else {
      initial = decoded.scenario;
      touched = true;
    }
  }
  fillForm(initial);
}

async function start() {
  if (!(await loadEngine())) return;
  q('[data-needs-js]').hidden = true;
  form.hidden = false;
  q('[data-verdict-box]').hidden = false;
  wireRows();
  wireForm();
  wireButtons();
  restoreState();
  update();
  app.dataset.ready = 'true';
}

if (app) start();
