// Live reload for `kennisbank serve`. Only `serve` adds this script to the pages it serves; `build`
// never writes it. It reloads the page when the server says the page changed, and shows the errors
// of a broken edit over the page (the server keeps serving the last good version meanwhile).

const ID = 'kennisbank-fouten';
// The overlay's texts, from the message catalogue in the language of `serve` (filled in by the server).
const TEXT = /*KB_TEXTS*/ {};
let instance = null;

// The page's path as the server names pages: `/praktijken/x/` for `/praktijken/x/index.html`.
function currentPath() {
  let path = location.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // Keep the path as it is.
  }
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

function concernsThisPage(paths) {
  const here = currentPath();
  return paths.some((p) => p === '*' || p === here);
}

function addStyle() {
  if (document.getElementById(`${ID}-stijl`)) return;
  const link = document.createElement('link');
  link.id = `${ID}-stijl`;
  link.rel = 'stylesheet';
  link.href = '/__kennisbank/overlay.css';
  document.head.append(link);
}

function hide() {
  document.getElementById(ID)?.remove();
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function show(errors) {
  hide();
  if (!Array.isArray(errors) || errors.length === 0) return;
  addStyle();
  const box = element('section', 'kb-overlay');
  box.id = ID;
  box.setAttribute('role', 'alert');
  box.setAttribute('aria-labelledby', `${ID}-kop`);
  const heading = element(
    'h2',
    'kb-overlay-kop',
    errors.length === 1 ? TEXT.headingOne : TEXT.headingMany.replace('{n}', String(errors.length)),
  );
  heading.id = `${ID}-kop`;
  const intro = element(
    'p',
    'kb-overlay-uitleg',
    TEXT.intro,
  );
  const list = element('ol', 'kb-overlay-lijst');
  for (const e of errors) {
    const item = element('li');
    let where = e.path;
    if (e.line) where += `:${e.line}${e.column ? `:${e.column}` : ''}`;
    item.append(element('code', 'kb-overlay-plaats', where), element('p', 'kb-overlay-melding', e.message));
    if (e.source_line) item.append(element('pre', 'kb-overlay-regel', `${e.line} | ${e.source_line}`));
    if (e.hint) item.append(element('p', 'kb-overlay-hint', e.hint));
    list.append(item);
  }
  const close = element('button', 'kb-overlay-sluiten', TEXT.close);
  close.type = 'button';
  close.addEventListener('click', hide);
  box.append(heading, intro, list, close);
  document.body.append(box);
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hide();
});

const events = new EventSource('/__kennisbank/events');
events.addEventListener('hello', (event) => {
  const now = JSON.parse(event.data).instance;
  // A new server process: whatever this page shows may be out of date.
  if (instance !== null && instance !== now) {
    location.reload();
    return;
  }
  instance = now;
});
events.addEventListener('errors', (event) => show(JSON.parse(event.data)));
events.addEventListener('reload', (event) => {
  if (concernsThisPage(JSON.parse(event.data).paths)) location.reload();
});
