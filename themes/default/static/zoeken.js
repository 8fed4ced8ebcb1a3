// The search page: runs the kennisbank search engine (crate `search`, as
// WebAssembly) in the browser. It fetches the index metadata first, then per
// query only the term fragments and the result documents it needs.
//
// Plain ES module, no build step. Everything it needs comes from data-
// attributes of [data-search-page] (see templates/zoeken.html).

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 150;
const MAX_ROUNDS = 6;

const page = document.querySelector("[data-search-page]");
if (page) {
  start(page).catch((error) => showFailure(page, error));
}

function showFailure(root, error) {
  console.error("zoeken:", error);
  const failed = root.querySelector("[data-search-failed]");
  if (failed) failed.hidden = false;
  const status = root.querySelector("[data-search-status]");
  if (status) status.textContent = "De zoekfunctie is niet beschikbaar.";
}

async function start(root) {
  const base = root.dataset.base || "/";
  const indexBase = root.dataset.index;
  const input = root.querySelector("[data-search-input]");
  const form = root.querySelector("[data-search-form]");
  const categorySelect = root.querySelector("[data-search-category]");
  const tagSelect = root.querySelector("[data-search-tag]");
  const status = root.querySelector("[data-search-status]");
  const list = root.querySelector("[data-search-results]");
  const more = root.querySelector("[data-search-more]");

  // State from the URL: ?q=...&categorie=...&tag=...
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  const wantedCategory = params.get("categorie") || "";
  const wantedTag = params.get("tag") || "";
  categorySelect.value = wantedCategory;
  if (categorySelect.value !== wantedCategory) categorySelect.value = "";

  // The engine and the index metadata.
  const glue = await import(root.dataset.wasm);
  await glue.default();
  const metaBytes = await fetchBytes(indexBase + "meta.bin");
  const index = new glue.SearchIndex(metaBytes);
  const meta = JSON.parse(index.meta());
  const categoryTitles = new Map(meta.categories.map((c) => [c.slug, c.title]));

  for (const tag of meta.tags) {
    const option = document.createElement("option");
    option.value = tag.name;
    option.textContent = tag.name;
    tagSelect.append(option);
  }
  tagSelect.value = wantedTag;
  if (tagSelect.value !== wantedTag) tagSelect.value = "";

  // Files already fetched or on their way, by relative path.
  const files = new Map();
  function load(path) {
    if (!files.has(path)) {
      const pending = fetchBytes(indexBase + path).then((bytes) => index.addFile(path, bytes));
      // A failed fetch may be retried by the next query.
      pending.catch(() => files.delete(path));
      files.set(path, pending);
    }
    return files.get(path);
  }

  let limit = PAGE_SIZE;
  let tagsLoaded = false;
  let sequence = 0;
  let timer = 0;

  async function run() {
    const mine = ++sequence;
    const query = input.value;
    const category = categorySelect.value || undefined;
    const tag = tagSelect.value || undefined;
    updateUrl(query, category, tag);
    if (!query.trim()) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      updateCounts(null);
      return;
    }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const needed = index.needed(query, category, tag, limit);
      if (!needed) break;
      await Promise.all(needed.split("\n").map(load));
      if (mine !== sequence) return; // a newer query took over
    }
    const results = JSON.parse(index.search(query, category, tag, limit));
    render(query, results);
    // Tag counts need the tag file; fetch it once, after the first results.
    if (!files.has("tags.bin")) {
      load("tags.bin")
        .then(() => {
          tagsLoaded = true;
          if (mine === sequence) updateCounts(JSON.parse(index.search(query, category, tag, limit)));
        })
        .catch((e) => console.error("zoeken:", e));
    }
  }

  function schedule() {
    clearTimeout(timer);
    limit = PAGE_SIZE;
    timer = setTimeout(() => run().catch((e) => showFailure(root, e)), DEBOUNCE_MS);
  }

  function render(query, results) {
    const items = results.hits.map((hit) => {
      const li = document.createElement("li");
      li.className = "search-result";
      const h2 = document.createElement("h2");
      h2.className = "search-result-title";
      const a = document.createElement("a");
      // The build writes URLs with the base already in them ("/kennisbank/praktijken/…"); prefixing
      // the base again made "//praktijken/…", a link to another host, at base "/".
      a.href = hit.url.startsWith("/") ? hit.url : base + hit.url;
      a.textContent = hit.title;
      h2.append(a);
      const cat = document.createElement("p");
      cat.className = "search-result-category";
      cat.textContent = hit.category_title;
      const snippet = document.createElement("p");
      snippet.className = "search-result-snippet";
      // The engine escapes the text; its only markup is <mark>.
      snippet.innerHTML = hit.snippet;
      li.append(h2, cat, snippet);
      return li;
    });
    list.replaceChildren(...items);
    more.hidden = results.total <= results.hits.length;
    const n = results.total;
    const shown = query.trim();
    status.textContent =
      n === 0
        ? `Geen resultaten voor “${shown}”.`
        : `${n} ${n === 1 ? "resultaat" : "resultaten"} voor “${shown}”` +
          (n > results.hits.length ? `, ${results.hits.length} getoond.` : ".");
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
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
  }

  input.addEventListener("input", schedule);
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

  // Keyboard: "/" focuses the search box; arrows walk through the results.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const t = event.target;
    if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  root.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...list.querySelectorAll(".search-result-title a")];
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

  if (input.value.trim()) {
    await run();
  }
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
