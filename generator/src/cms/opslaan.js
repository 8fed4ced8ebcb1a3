// The admin page of `kennisbank serve`, between Decap CMS and the local backend (/api/v1):
// - Two editors (or two tabs) saving the same practice: each save says which version of the file
//   its form was loaded from (`baseIds`, the ids the backend gave with the file), and the backend
//   refuses it when the file has changed since, instead of writing over the other's work.
// - When the backend saved a new practice under another name than Decap chose (Decap turns a
//   title such as "Con" into an empty name and keeps a long title whole; see
//   generator/src/cms/naming.rs), the practice is opened where it was saved, so that the page
//   shows its real address and the next save goes to that file.
(function () {
  const original = window.fetch;
  const loaded = new Map(); // path → id of the version the page last read or saved

  function remember(file) {
    if (file && typeof file.path === 'string') {
      if (file.id) loaded.set(file.path, file.id);
      else loaded.delete(file.path);
    }
  }

  window.fetch = async function (input, init) {
    const url = typeof input === 'string' ? input : input.url;
    let request = null;
    try {
      if (new URL(url, location.href).pathname === '/api/v1' && init && typeof init.body === 'string') {
        request = JSON.parse(init.body);
      }
    } catch {
      request = null;
    }
    if (!request) return original.call(this, input, init);
    const files = request.action === 'persistEntry'
      ? (request.params.dataFiles || [request.params.entry]).filter(Boolean)
      : [];
    if (files.length) {
      const baseIds = {};
      for (const f of files) if (loaded.has(f.path)) baseIds[f.path] = loaded.get(f.path);
      init = { ...init, body: JSON.stringify({ ...request, params: { ...request.params, baseIds } }) };
    }
    const response = await original.call(this, input, init);
    if (!response.ok) return response;
    try {
      const body = await response.clone().json();
      if (Array.isArray(body)) body.forEach((e) => remember(e && e.file));
      else if (body && body.file) remember(body.file);
      if (request.action === 'deleteFile') loaded.delete(request.params.path);
      if (request.action === 'persistEntry') {
        const saved = body.paths || [];
        saved.forEach((path, i) => remember({ path, id: (body.ids || [])[i] }));
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
      }
    } catch {
      // No JSON: Decap handles the answer as always.
    }
    return response;
  };
})();
