// Progressive enhancement of the questionnaire form: every change saves itself through the JSON API;
// changes made offline wait in localStorage and are sent when the connection returns, so nothing is lost
// on reload. Without this script the page is a plain form that saves with its buttons.
const form = document.querySelector('form[data-autosave]');
if (form) {
  const url = form.dataset.autosave;
  const storeKey = `metep:pending:${form.dataset.key}`;
  const status = document.querySelector('[data-save-status]');
  const msg = (k) => form.dataset[`msg${k}`];
  let timer;
  let sending = false;

  const pending = () => {
    try {
      return JSON.parse(localStorage.getItem(storeKey) || '{}');
    } catch {
      return {};
    }
  };
  const store = (p) => localStorage.setItem(storeKey, JSON.stringify(p));
  const show = (state) => {
    status.hidden = false;
    status.dataset.state = state;
    status.textContent = msg(state === 'saved' ? 'Saved' : state === 'saving' ? 'Saving' : state === 'offline' ? 'Offline' : 'Error');
  };
  const field = (name) => form.elements.namedItem(name);
  const checkedIn = (fs, name) => [...fs.querySelectorAll('input')].filter((i) => i.name === name && i.checked).map((i) => i.value);

  // The answer an item's controls describe, in the API's shape (value null = not answered).
  function read(fs) {
    const id = fs.dataset.item;
    const type = fs.dataset.type;
    const v = checkedIn(fs, `v.${id}`);
    const x = checkedIn(fs, `x.${id}`)[0];
    let value = null;
    if (v[0] === 'dont_know' || v[0] === 'not_applicable') value = { kind: 'excluded', reason: v[0] };
    else if (x) value = { kind: 'excluded', reason: x };
    else if (type === 'status' && v[0]) value = { kind: 'status', status: v[0] };
    else if (type === 'level' && v[0]) value = { kind: 'level', level: Number(v[0]) };
    else if (type === 'checklist' && v.length) value = { kind: 'checklist', checked: v.filter((c) => c !== '__none') };
    else if (type === 'number') {
      const raw = fs.querySelector('input[type=text]').value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
      if (raw !== '' && Number.isFinite(Number(raw))) value = { kind: 'number', number: Number(raw) };
    } else if (type === 'text') {
      const tx = fs.querySelector('textarea[name^="v."]').value.trim();
      if (tx) value = { kind: 'text', text: tx };
    }
    const comment = field(`c.${id}`).value;
    return { itemId: id, value, comment };
  }

  // Puts a saved-but-unsent answer back into the controls after a reload.
  function apply(fs, a) {
    const id = fs.dataset.item;
    for (const i of fs.querySelectorAll('input[type=radio],input[type=checkbox]')) {
      if (i.name !== `v.${id}` && i.name !== `x.${id}`) continue;
      const v = a.value;
      i.checked =
        !!v &&
        ((v.kind === 'excluded' && i.value === v.reason) ||
          (v.kind === 'status' && i.value === v.status) ||
          (v.kind === 'level' && i.value === String(v.level)) ||
          (v.kind === 'checklist' && (v.checked.includes(i.value) || (i.value === '__none' && !v.checked.length))));
    }
    const num = fs.querySelector('input[type=text][name^="v."]');
    if (num) num.value = a.value && a.value.kind === 'number' ? String(a.value.number) : '';
    const tx = fs.querySelector('textarea[name^="v."]');
    if (tx) tx.value = a.value && a.value.kind === 'text' ? a.value.text : '';
    field(`c.${id}`).value = a.comment || '';
  }

  // Shows the "evidence expected" hint when the chosen answer scores above the item's threshold.
  function hint(fs) {
    const above = fs.dataset.evidenceAbove;
    const el = fs.querySelector('[data-evidence-hint]');
    if (above === undefined || !el) return;
    const chosen = [...fs.querySelectorAll('input[type=radio][data-score]')].find((i) => i.checked);
    const hasEvidence = !!fs.querySelector('[data-evidence-count] li');
    const needs = !!chosen && Number(chosen.dataset.score) > Number(above) && !hasEvidence;
    el.className = needs ? 'warning' : 'hint';
  }

  async function flush() {
    const p = pending();
    const batch = Object.values(p);
    if (!batch.length || sending) return;
    if (!navigator.onLine) return show('offline');
    sending = true;
    show('saving');
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ answers: batch }), credentials: 'same-origin' });
      if (res.ok) {
        // Forget only what was sent unchanged; edits made meanwhile stay queued.
        const now = pending();
        for (const a of batch) if (JSON.stringify(now[a.itemId]) === JSON.stringify(a)) delete now[a.itemId];
        store(now);
        show('saved');
      } else {
        const body = await res.json().catch(() => null);
        show('error');
        if (body && body.error) status.textContent = body.error.message;
        // A refused answer would block the queue forever: drop the refused items (the server kept their
        // last good value) and retry the rest; when collection is closed nothing more can be sent.
        const bad = body && body.error && body.error.fields ? Object.keys(body.error.fields) : [];
        const now = pending();
        if (res.status === 400 && bad.length) for (const id of bad) delete now[id];
        store(res.status === 400 && bad.length ? now : res.status >= 500 ? now : {});
      }
    } catch {
      show('offline');
    } finally {
      sending = false;
    }
    if (Object.keys(pending()).length && navigator.onLine) timer = setTimeout(flush, 2000);
  }

  function queue(fs) {
    const p = pending();
    p[fs.dataset.item] = read(fs);
    store(p);
    hint(fs);
    clearTimeout(timer);
    timer = setTimeout(flush, 400);
  }

  form.addEventListener('change', (e) => {
    const fs = e.target.closest('fieldset.q');
    if (!fs || e.target.type === 'file' || /^l[tuf]\./.test(e.target.name)) return;
    // Choosing an option clears "don't know"/"n/a" and "none of these", and the other way round.
    if (e.target.name.startsWith('x.') && e.target.checked) for (const i of fs.querySelectorAll(`input[name="v.${fs.dataset.item}"]`)) i.checked = false;
    if (e.target.name.startsWith('v.') && e.target.type === 'checkbox') {
      for (const i of fs.querySelectorAll(`input[name="x.${fs.dataset.item}"]`)) i.checked = false;
      if (e.target.value === '__none' && e.target.checked) for (const i of fs.querySelectorAll(`input[name="v.${fs.dataset.item}"]`)) i.checked = i.value === '__none';
      else if (e.target.checked) fs.querySelector(`input[value="__none"][name="v.${fs.dataset.item}"]`).checked = false;
    }
    queue(fs);
  });
  form.addEventListener('input', (e) => {
    const fs = e.target.closest('fieldset.q');
    if (fs && (e.target.tagName === 'TEXTAREA' || e.target.type === 'text') && !/^l[tuf]\./.test(e.target.name)) queue(fs);
  });
  window.addEventListener('online', flush);
  window.addEventListener('offline', () => show('offline'));

  const p = pending();
  for (const fs of form.querySelectorAll('fieldset.q')) {
    if (p[fs.dataset.item]) apply(fs, p[fs.dataset.item]);
    hint(fs);
  }
  if (Object.keys(p).length) flush();
}

// Keep this page and its files available offline (see sw.js). The page stores itself once so that a
// reload without a connection works even on the first visit.
if (form && 'serviceWorker' in navigator && 'caches' in window) {
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => {
      const files = [...document.querySelectorAll('link[rel=stylesheet],script[src],link[rel=icon]')].map((el) => el.href || el.src);
      caches.open('metep-static-v1').then((c) => c.addAll(files)).catch(() => {});
      caches.open('metep-pages-v1').then((c) => c.add(location.pathname)).catch(() => {});
    })
    .catch(() => {});
}
