// The admin page of `kennisbank serve`: when the local backend saved a new practice under
// another name than Decap CMS chose (Decap turns a title such as "Con" into an empty name, and
// keeps a long title whole; see generator/src/cms/naming.rs), open the practice where it was
// saved, so that the page shows its real address and the next save goes to that file.
(function () {
  const original = window.fetch;
  window.fetch = async function (input, init) {
    const response = await original.call(this, input, init);
    try {
      const url = typeof input === 'string' ? input : input.url;
      if (new URL(url, location.href).pathname !== '/api/v1' || !response.ok) return response;
      const request = JSON.parse(init.body);
      if (request.action !== 'persistEntry') return response;
      const files = request.params.dataFiles || [request.params.entry];
      const saved = (await response.clone().json()).paths || [];
      const moved = saved.find((p, i) => files[i] && p !== (files[i].newPath || files[i].path));
      const m = moved && /^content\/praktijken\/([^/]+)\/([^/]+)\.md$/.exec(moved);
      // After Decap has handled the save. Loaded afresh: Decap would keep the form as a new
      // practice under the name it chose, and refuse the next save as a file that exists.
      if (m) {
        setTimeout(() => {
          history.replaceState(null, '', `#/collections/praktijken-${m[1]}/entries/${m[2]}`);
          location.reload();
        }, 300);
      }
    } catch {
      // Not a request of ours, or no JSON: Decap handles it as always.
    }
    return response;
  };
})();
