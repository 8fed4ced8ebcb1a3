// The rename page of `kennisbank serve`: lists the practices and asks the local backend
// (/api/v1, action `renamePractice`) to rename one, as `kennisbank mv` does.
(function () {
  const form = document.querySelector('[data-rename]');
  const status = document.querySelector('[data-status]');
  const practice = form.elements.praktijk;
  const category = form.elements.categorie;
  const newId = form.elements['nieuw-id'];

  async function call(action, params) {
    const response = await fetch('/api/v1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action, params }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || `De server antwoordde ${response.status}.`);
    return body;
  }

  // The backend's sentences mark names and ids with backticks, as the terminal shows them; here
  // they become <code> (built as nodes: the text is never read as HTML).
  function show(kind, text) {
    status.dataset.result = kind;
    status.replaceChildren(...text.split('`').map((part, i) => {
      if (i % 2 === 0) return document.createTextNode(part);
      const code = document.createElement('code');
      code.textContent = part;
      return code;
    }));
  }

  // The new id is marked invalid while a refusal about it is shown.
  function invalid(yes) {
    if (yes) newId.setAttribute('aria-invalid', 'true');
    else newId.removeAttribute('aria-invalid');
  }
  newId.addEventListener('input', () => invalid(false));

  async function load(selected) {
    const { practices, categories } = await call('practices', {});
    practice.replaceChildren(...practices.map((p) => {
      const option = new Option(`${p.title} (${p.category}/${p.id})`, p.id);
      option.dataset.category = p.category;
      return option;
    }));
    category.replaceChildren(...categories.map((c) => new Option(c.title, c.slug)));
    if (selected) practice.value = selected;
    category.value = practice.selectedOptions[0]?.dataset.category ?? '';
  }

  practice.addEventListener('change', () => {
    category.value = practice.selectedOptions[0]?.dataset.category ?? '';
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!newId.value.trim()) {
      show('fout', 'Fout: vul een nieuw id in.');
      invalid(true);
      newId.focus();
      return;
    }
    show('bezig', 'Bezig met hernoemen…');
    try {
      const renamed = newId.value.trim();
      const done = await call('renamePractice', { id: practice.value, newId: renamed, category: category.value });
      const others = done.updated.length;
      show('klaar', `Hernoemd: ${done.from} is nu ${done.to}. ${others === 1 ? '1 ander bestand is' : `${others} andere bestanden zijn`} bijgewerkt; het oude adres leidt naar de nieuwe pagina.`);
      newId.value = '';
      await load(renamed);
    } catch (e) {
      show('fout', `Fout: ${e.message}`);
      invalid(true);
    }
  });

  load().catch((e) => show('fout', `Fout: de praktijken konden niet worden geladen (${e.message}).`));
})();
