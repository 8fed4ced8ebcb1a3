// The script of every page.
//
// 1. Marks the words a visitor searched for on the page a search result led to. The result's link
// carries them (`?markeer=woord1+woord2#anker`, written by the search engine: the words of this
// page that matched, as written here); this script wraps each in <mark> inside <main>. Single
// letters are left out, as the search engine leaves them out; a single digit ("stap 2") is kept,
// as the engine keeps it.
//
// 2. Warms the search engine when the header search box gets focus: the engine's glue, its
// WebAssembly and the index metadata (named by the form's `data-engine-*` attributes) and the
// search page's own style and script (`data-warm-page`) are fetched into the browser's cache
// while the visitor types, so the results page that Enter opens finds them there. As the visitor
// types, the engine (started here once its files are in) names the index files that hold the
// words typed so far, and those are fetched too (for a frequent word, the answer the build worked
// out); the documents of the results are not (they are most of a query's bytes and change with
// every letter). On a slow phone connection these files
// are most of the wait for the first results. Not on the search page (it loads the engine
// itself), and not when the visitor asked to save data.
//
// Without JavaScript the page is just the page.

const params = new URLSearchParams(location.search);
const words = (params.get("markeer") || "").split(" ").map((w) => w.trim()).filter((w) => w.length > 1 || /^[0-9]$/.test(w)).slice(0, 12);
const main = document.querySelector("main");
if (words.length && main) mark(main, words);

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function mark(root, words) {
  // Whole words only, in any case: letters and digits around a match mean another word.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement.closest("script, style, mark, textarea, [hidden], [data-search-ignore]")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  let first = null;
  for (const node of nodes) {
    const text = node.nodeValue;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const parts = document.createDocumentFragment();
    let at = 0;
    for (const m of text.matchAll(pattern)) {
      parts.append(text.slice(at, m.index));
      const el = document.createElement("mark");
      el.className = "zoekwoord";
      el.textContent = m[0];
      parts.append(el);
      first ??= el;
      at = m.index + m[0].length;
    }
    parts.append(text.slice(at));
    node.replaceWith(parts);
  }
  // Without an anchor, show the first marked word.
  if (first && !location.hash) first.scrollIntoView({ block: "center" });
}

const headerForm = document.querySelector("form[data-engine-glue]");
const box = headerForm?.querySelector("input[type=search]");
if (box && !document.querySelector("[data-search-page]") && !navigator.connection?.saveData) {
  box.addEventListener("focus", warmSearchEngine, { once: true });
  if (document.activeElement === box) warmSearchEngine();
}

// Rounds of index files a query may need before its documents (its words' fragments, then those
// of their compound parts); the search page stops at the same number.
const WARM_ROUNDS = 6;
// Wait this long after a key before asking the engine: one look-up per short pause, not per letter.
const WARM_TYPING_MS = 100;

function warmSearchEngine() {
  const d = headerForm.dataset;
  const page = (d.warmPage || "").split(" ").filter(Boolean);
  const warm = (url) => fetch(url, { priority: "low" }).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(r.status)));
  for (const url of page) warm(url).catch(() => {});
  // Only the cache is wanted: a failure here is met again, and reported, by the search page.
  startEngine(d, warm).catch(() => {});
}

async function startEngine(d, warm) {
  const meta = warm(d.engineIndex + "meta.bin");
  const binary = fetch(d.engineBinary, { priority: "low" });
  const glue = await import(d.engineGlue);
  await glue.default({ module_or_path: binary });
  const index = new glue.SearchIndex(new Uint8Array(await meta));
  const files = new Map();
  const load = (path) => {
    if (!files.has(path)) {
      // With the build's stamp in the URL, as the search page asks (see zoeken.js `load`). A
      // file of another build (false) is left: the search page fetches `meta.bin` anew.
      const got = warm(d.engineIndex + index.fileUrl(path)).then((bytes) => index.addFile(path, new Uint8Array(bytes)));
      got.catch(() => files.delete(path));
      files.set(path, got);
    }
    return files.get(path);
  };
  let timer = 0;
  let typed = 0;
  const lookUp = async () => {
    const mine = ++typed;
    for (let round = 0; round < WARM_ROUNDS && mine === typed; round++) {
      // Files on their way are named again until they are in; waiting for them is what tells
      // the engine the next round.
      const paths = index.neededIndex(box.value).split("\n").filter(Boolean);
      if (!paths.length) break;
      await Promise.all(paths.map(load));
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => lookUp().catch(() => {}), WARM_TYPING_MS);
  };
  box.addEventListener("input", schedule);
  if (box.value.trim()) schedule();
}
