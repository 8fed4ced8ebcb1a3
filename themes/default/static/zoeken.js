// The search page: runs the kennisbank search engine (crate `search`, as
// WebAssembly) in the browser. It fetches the index metadata first, then per
// query only the term fragments and the result documents it needs.
//
// Plain ES module, no build step. Everything it needs comes from data-
// attributes of [data-search-page] (see templates/zoeken.html).

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 150;
// The number of results is announced once typing pauses this long; "geen resultaten" at once.
const ANNOUNCE_MS = 900;
const MAX_ROUNDS = 6;
// The most results shown again when the visitor comes back (see `kept`).
const MAX_SHOWN = 1000;

const page = document.querySelector("[data-search-page]");
if (page) {
  start(page).catch((error) => showFailure(page, error));
}

const numberNl = (n) => n.toLocaleString("nl-NL");

// A query is named in the status by its first so many characters (as `kennisbank search` does):
// a pasted page of text would push the results off the screen, and be read out whole.
const QUOTED_CHARS = 80;

/// The query as the status names it, between quotes: its start when it is long, in a <bdi> of
/// its own, so that right-to-left words or a direction override (U+202E) in it cannot turn the
/// rest of the sentence around.
function quoted(query) {
  const chars = [...query];
  const bdi = document.createElement("bdi");
  bdi.textContent = chars.length > QUOTED_CHARS ? chars.slice(0, QUOTED_CHARS).join("") + "…" : query;
  return ["“", bdi, "”"];
}

/// The filters a count is for, after the query: without them, "geen resultaten" would read as
/// none in the whole knowledge base.
function filtered(categoryTitle, tag) {
  const parts = [];
  if (categoryTitle) parts.push(`in de categorie ${categoryTitle}`);
  if (tag) parts.push(`met het onderwerp ${tag}`);
  return parts.length ? [" " + parts.join(", ")] : [];
}

/// What the status says, as text and nodes: exact matches first, then the related ones
/// (compound parts, typos, word families, synonyms), counted apart; the filters after the query.
function statusText(query, results, filters = []) {
  const n = results.total;
  const exact = results.exact_total;
  const q = [...quoted(query), ...filters];
  if (n === 0 && results.only_common_words) {
    // Only words too common to search for (`wat is het`) or single letters: say why, and what helps.
    return ["Geen resultaten voor ", ...q, ": de kennisbank zoekt niet op woorden die in bijna elke tekst staan (de, het, wat, …) of op losse letters; typ een woord dat meer zegt, zoals ‘huurtoeslag’ of ‘taakstelling’."];
  }
  if (n === 0) return ["Geen resultaten voor ", ...q, "."];
  let text;
  if (exact === n) text = [`${numberNl(n)} ${n === 1 ? "resultaat" : "resultaten"} voor `, ...q];
  else if (exact === 0) text = ["Geen resultaten met ", ...q, `; ${numberNl(n)} ${n === 1 ? "verwant resultaat" : "verwante resultaten"}`];
  else text = [`${numberNl(exact)} ${exact === 1 ? "resultaat" : "resultaten"} met `, ...q, `, daarna ${numberNl(n - exact)} ${n - exact === 1 ? "verwant" : "verwante"}`];
  return [...text, n > results.shown ? `, ${results.shown} getoond.` : "."];
}

function showFailure(root, error) {
  console.error("zoeken:", error);
  const failed = root.querySelector("[data-search-failed]");
  if (failed) failed.hidden = false;
  const status = root.querySelector("[data-search-status]");
  if (status) status.textContent = "De zoekfunctie is niet beschikbaar.";
}

async function start(root) {
  const input = root.querySelector("[data-search-input]");
  const categorySelect = root.querySelector("[data-search-category]");

  // State from the URL: ?q=...&categorie=...&tag=...
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  const wantedCategory = params.get("categorie") || "";
  categorySelect.value = wantedCategory;
  if (categorySelect.value !== wantedCategory) categorySelect.value = "";

  // Keyboard: "/" focuses the search box.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const t = event.target;
    if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  // The engine loads when it is needed: at once for a query in the address, else when the
  // search field or a filter gets focus (or is typed in). Typing meanwhile is kept and searched
  // after. `data-ready` says the page is set up (and, with a query, answered).
  if (!input.value.trim()) {
    root.dataset.ready = "true";
    const controls = [input, categorySelect, root.querySelector("[data-search-tag]")];
    await new Promise((resolve) => {
      const types = ["focus", "input", "pointerdown"];
      const go = () => {
        for (const c of controls) for (const type of types) c.removeEventListener(type, go);
        resolve();
      };
      for (const c of controls) for (const type of types) c.addEventListener(type, go);
      if (controls.includes(document.activeElement)) go();
    });
  }
  await engine(root, params);
  root.dataset.ready = "true";
}

async function engine(root, params) {
  const base = root.dataset.base || "/";
  // Where the engine is: named once, on the header search form (see pagina.js). Without it (a
  // theme's own base.html) the page says search could not be loaded and links the categories.
  const header = document.querySelector("form[data-engine-glue]");
  if (!header) throw new Error("base.html has no header search form with data-engine-glue, -binary and -index");
  const engineFiles = header.dataset;
  const indexBase = engineFiles.engineIndex;
  const input = root.querySelector("[data-search-input]");
  const form = root.querySelector("[data-search-form]");
  const categorySelect = root.querySelector("[data-search-category]");
  const tagSelect = root.querySelector("[data-search-tag]");
  const status = root.querySelector("[data-search-status]");
  const suggestion = root.querySelector("[data-search-suggestion]");
  const list = root.querySelector("[data-search-results]");
  const more = root.querySelector("[data-search-more]");
  const wantedTag = params.get("tag") || "";

  // The engine's glue, its WebAssembly and the index metadata, fetched side by side: on a slow
  // network each request made after another costs a round trip.
  const metaPromise = fetchBytes(indexBase + "meta.bin");
  const wasmResponse = fetch(engineFiles.engineBinary);
  const glue = await import(engineFiles.engineGlue);
  await glue.default({ module_or_path: wasmResponse });
  // Replaced when the site was deployed again while the page was open (see reloadIndex).
  let index = null;
  let meta = null;
  let categoryTitles = null;
  // Files already fetched or on their way, by relative path, for the current index.
  let files = new Map();
  // With the whole index in one file (a small site), the tag file comes with it.
  let tagsLoaded = false;

  function adopt(metaBytes) {
    index = new glue.SearchIndex(metaBytes);
    meta = JSON.parse(index.meta());
    categoryTitles = new Map(meta.categories.map((c) => [c.slug, c.title]));
    files = new Map();
    tagsLoaded = meta.whole;
    const chosen = tagSelect.value || wantedTag;
    for (const option of [...tagSelect.options]) if (option.value) option.remove();
    for (const tag of meta.tags) {
      const option = document.createElement("option");
      option.value = tag.name;
      option.textContent = tag.name;
      tagSelect.append(option);
    }
    tagSelect.value = chosen;
    if (tagSelect.value !== chosen) tagSelect.value = "";
  }
  adopt(await metaPromise);

  // Each index file is fetched with its build's stamp in the URL (`fileUrl`), so the browser's
  // cache never mixes two builds. A file that is from another build than `meta.bin` (the site
  // was deployed again since it was fetched) is refused by the engine: `OtherBuild`.
  function load(path) {
    if (!files.has(path)) {
      const into = index;
      const pending = fetchBytes(indexBase + into.fileUrl(path)).then((bytes) => {
        if (into !== index) return; // the index was replaced meanwhile
        if (!into.addFile(path, bytes)) throw new OtherBuild(path);
      });
      // A failed fetch may be retried by the next query.
      const mine = files;
      pending.catch(() => mine.delete(path));
      files.set(path, pending);
    }
    return files.get(path);
  }

  // `meta.bin` again, from the server (the copy in the browser's cache is the old build's), and
  // a new index from it; shared by the queries that find out at the same time.
  let reloading = null;
  function reloadIndex() {
    reloading ??= fetchBytes(indexBase + "meta.bin", { cache: "no-cache" })
      .then(adopt)
      .finally(() => (reloading = null));
    return reloading;
  }

  // The rounds of files a query needs; once more after a new `meta.bin` when a file was of
  // another build. False when a newer query took over.
  async function fetchNeeded(mine, query, category, tag) {
    for (let attempt = 0; ; attempt++) {
      try {
        for (let round = 0; round < MAX_ROUNDS; round++) {
          const needed = index.needed(query, category, tag, limit);
          if (!needed) break;
          await Promise.all(needed.split("\n").map(load));
          if (mine !== sequence) return false;
        }
        return true;
      } catch (error) {
        if (!(error instanceof OtherBuild) || attempt > 0) throw error;
        await reloadIndex();
        if (mine !== sequence) return false;
      }
    }
  }

  // Back from a result, the page is built anew: the history entry keeps how many results were
  // shown ("Meer resultaten tonen"), where the page was scrolled to and which result was followed
  // (see updateUrl and the click handler of the list), so the visitor finds them as they were.
  const kept = history.state?.zoeken?.query === input.value ? history.state.zoeken : null;
  let limit = Number.isInteger(kept?.shown) ? Math.min(Math.max(kept.shown, PAGE_SIZE), MAX_SHOWN) : PAGE_SIZE;
  let sequence = 0;
  let timer = 0;
  let announceTimer = 0;

  // `parts`: text and nodes (see statusText). Said at once ("geen resultaten") or once typing
  // pauses (a count), for screen readers. A status that says something else meanwhile is
  // emptied at once: it was about an earlier query ("Geen resultaten voor ‘l’" next to the
  // results of "leegstand"), and typing on would otherwise keep it there.
  function announce(parts, now) {
    clearTimeout(announceTimer);
    if (now) {
      status.replaceChildren(...parts);
      return;
    }
    const text = parts.map((part) => (typeof part === "string" ? part : part.textContent)).join("");
    if (status.textContent !== text) status.replaceChildren();
    announceTimer = setTimeout(() => status.replaceChildren(...parts), ANNOUNCE_MS);
  }

  async function run() {
    const mine = ++sequence;
    const query = input.value;
    const category = categorySelect.value || undefined;
    const tag = tagSelect.value || undefined;
    updateUrl(query, category, tag);
    if (!query.trim()) {
      list.replaceChildren();
      more.hidden = true;
      suggestion.hidden = true;
      announce([], true);
      updateCounts(null);
      return;
    }
    if (!(await fetchNeeded(mine, query, category, tag))) return; // a newer query took over
    const results = JSON.parse(index.search(query, category, tag, limit));
    render(query, results, filtered(category && categoryTitles.get(category), tag));
    // Tag counts need the tag file; fetch it once, after the first results.
    if (!tagsLoaded && !files.has("tags.bin")) {
      const into = index;
      load("tags.bin")
        .then(() => {
          if (into !== index) return;
          tagsLoaded = true;
          if (mine === sequence) updateCounts(JSON.parse(index.search(query, category, tag, limit)));
        })
        .catch((e) => console.error("zoeken:", e));
    }
  }

  function schedule() {
    clearTimeout(timer);
    clearTimeout(announceTimer);
    limit = PAGE_SIZE;
    timer = setTimeout(() => run().catch((e) => showFailure(root, e)), DEBOUNCE_MS);
  }

  // The build writes URLs with the base already in them ("/kennisbank/praktijken/…"); prefixing
  // the base again made "//praktijken/…", a link to another host, at base "/".
  const href = (url) => (url.startsWith("/") ? url : base + url);
  const pageOf = (url) => url.split("#")[0];

  function link(text, url) {
    const a = document.createElement("a");
    a.className = "search-link";
    a.href = href(url);
    a.textContent = text;
    return a;
  }

  function snippetOf(hit) {
    const p = document.createElement("p");
    p.className = "search-result-snippet";
    // The engine escapes the text; its only markup is <mark>.
    p.innerHTML = hit.snippet;
    return p;
  }

  // One item per page; the page's matching sections under it, each linking to its anchor with
  // the matched words for the page to mark.
  function render(query, results, filters) {
    const items = [];
    const untold = [];
    let item = null;
    let sections = null;
    for (const hit of results.hits) {
      if (!item || item.dataset.page !== pageOf(hit.url)) {
        item = document.createElement("li");
        item.className = "search-result";
        item.dataset.page = pageOf(hit.url);
        const h2 = document.createElement("h2");
        h2.className = "search-result-title";
        h2.append(link(hit.title, hit.section ? pageOf(hit.link) : hit.link));
        const cat = document.createElement("p");
        cat.className = "search-result-category";
        cat.textContent = hit.category_title + (hit.exact ? "" : " · verwant resultaat");
        item.append(h2, cat);
        sections = null;
        items.push(item);
        // The page's other matching parts, not listed: said after the listed ones (below).
        untold.push([item, hit.more, pageOf(hit.link)]);
      }
      if (!hit.section) {
        item.append(snippetOf(hit));
        continue;
      }
      if (!sections) {
        sections = document.createElement("ul");
        sections.className = "search-sections";
        item.append(sections);
      }
      const li = document.createElement("li");
      const h3 = document.createElement("h3");
      h3.className = "search-section-title";
      h3.append(link(hit.section, hit.link));
      li.append(h3, snippetOf(hit));
      sections.append(li);
    }
    for (const [item, n, href] of untold) {
      if (!n) continue;
      const p = document.createElement("p");
      p.className = "search-more-sections";
      p.append("… en ", link(`${numberNl(n)} ${n === 1 ? "ander deel" : "andere delen"} van deze pagina`, href));
      item.append(p);
    }
    list.replaceChildren(...items);
    more.hidden = results.total <= results.shown;
    if (results.suggestion) {
      const a = suggestion.querySelector("a");
      // The filters stay, as when the link is clicked (see its click handler): also when it is
      // opened in a new tab or copied.
      const p = new URLSearchParams({ q: results.suggestion });
      if (categorySelect.value) p.set("categorie", categorySelect.value);
      if (tagSelect.value) p.set("tag", tagSelect.value);
      a.href = location.pathname + "?" + p.toString();
      a.textContent = results.suggestion;
      suggestion.hidden = false;
    } else {
      suggestion.hidden = true;
    }
    const text = statusText(query.trim(), results, filters);
    if (results.suggestion) {
      const word = document.createElement("bdi");
      word.textContent = results.suggestion;
      text.push(" Bedoelde u ", word, "?");
    }
    announce(text, results.total === 0);
    updateCounts(results);
  }

  // Counts for the current query in the filter options.
  function updateCounts(results) {
    const catCounts = new Map(results ? results.category_counts : []);
    for (const option of categorySelect.options) {
      if (!option.value) continue;
      const title = categoryTitles.get(option.value) || option.value;
      option.textContent = results ? `${title} (${catCounts.get(option.value) || 0})` : title;
    }
    const tagCounts = new Map(results ? results.tag_counts : []);
    for (const option of tagSelect.options) {
      if (!option.value) continue;
      option.textContent =
        results && tagsLoaded ? `${option.value} (${tagCounts.get(option.value) || 0})` : option.value;
    }
  }

  function updateUrl(query, category, tag) {
    const p = new URLSearchParams();
    if (query) p.set("q", query);
    if (category) p.set("categorie", category);
    if (tag) p.set("tag", tag);
    const qs = p.toString();
    history.replaceState({ zoeken: { query, shown: limit } }, "", location.pathname + (qs ? "?" + qs : ""));
  }

  input.addEventListener("input", schedule);
  list.addEventListener("click", (event) => {
    const a = event.target.closest("a");
    const state = history.state?.zoeken;
    if (a && state) history.replaceState({ zoeken: { ...state, scroll: scrollY, followed: a.getAttribute("href") } }, "");
  });
  suggestion.addEventListener("click", (event) => {
    const a = event.target.closest("a");
    if (!a) return;
    event.preventDefault();
    input.value = a.textContent;
    input.focus();
    clearTimeout(timer);
    limit = PAGE_SIZE;
    run().catch((e) => showFailure(root, e));
  });
  categorySelect.addEventListener("change", schedule);
  tagSelect.addEventListener("change", schedule);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    limit = PAGE_SIZE;
    run().catch((e) => showFailure(root, e));
  });
  more.addEventListener("click", () => {
    limit += PAGE_SIZE;
    const firstNew = list.children.length;
    run()
      .then(() => list.children[firstNew]?.querySelector("a")?.focus())
      .catch((e) => showFailure(root, e));
  });

  // Keyboard: arrows walk through the results.
  root.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...list.querySelectorAll("a.search-link")];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement);
    if (document.activeElement === input) {
      if (event.key !== "ArrowDown") return;
      event.preventDefault();
      links[0].focus();
    } else if (at >= 0) {
      event.preventDefault();
      if (event.key === "ArrowDown") links[Math.min(at + 1, links.length - 1)].focus();
      else if (at === 0) input.focus();
      else links[at - 1].focus();
    }
  });

  // A query typed while the engine loaded, or given in the address.
  if (input.value.trim()) {
    await run();
    if (kept && Number.isFinite(kept.scroll)) {
      scrollTo(0, kept.scroll);
      const followed = [...list.querySelectorAll("a.search-link")].find((a) => a.getAttribute("href") === kept.followed);
      followed?.focus({ preventScroll: true });
    }
  }
}

// An index file of another build than the `meta.bin` in use.
class OtherBuild extends Error {
  constructor(path) {
    super(`${path}: van een andere build van de index dan meta.bin`);
  }
}

async function fetchBytes(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
