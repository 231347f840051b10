// Progressive enhancement of the questionnaire form: every change saves itself through the JSON API;
// changes made offline wait in localStorage and are sent when the connection returns, so nothing is lost
// on reload. Without this script the page is a plain form that saves with its buttons.
const form = document.querySelector('form[data-autosave]');
if (form) {
  const url = form.dataset.autosave;
  // One queue per pillar page, under its author's id, so a queue is never sent in someone else's name.
  const prefix = `metep:pending:${form.dataset.key}:`;
  const storeKey = `${prefix}${form.dataset.pillar}`;
  const status = document.querySelector('[data-save-status]');
  const msg = (k) => form.dataset[`msg${k}`];
  // Batches stay well under the server's body limit (16 KiB at the smallest); a 413 halves them again.
  const BATCH_BYTES = 12 * 1024;
  let timer;
  let sending = false;
  // Stopped: a refusal that retrying cannot fix (signed out, no longer allowed, collection closed). The
  // queue is kept; it is sent again when the page is shown again (after signing in, or in another tab).
  let stopped = false;
  // Items the server refused as invalid: kept until the person changes them, not resent unchanged.
  const held = new Map();

  const read1 = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key) || '{}');
    } catch {
      return {};
    }
  };
  const pending = () => read1(storeKey);
  const store = (p) => (Object.keys(p).length ? localStorage.setItem(storeKey, JSON.stringify(p)) : localStorage.removeItem(storeKey));
  const show = (state, text) => {
    status.hidden = false;
    status.dataset.state = state;
    status.textContent = text || msg(state === 'saved' ? 'Saved' : state === 'saving' ? 'Saving' : state === 'offline' ? 'Offline' : 'Error');
  };
  // Signed out meanwhile: say so, with a link that comes back here; the answers wait on this device.
  const showSignIn = () => {
    show('error', msg('Session'));
    const a = document.createElement('a');
    a.href = form.dataset.signIn;
    a.textContent = msg('Signin');
    status.append(' ', a);
  };
  const size = (answers) => new Blob([JSON.stringify({ answers })]).size;
  // Splits answers into batches of at most `limit` bytes each (an answer larger than that goes alone).
  const split = (answers, limit) => {
    const out = [];
    let cur = [];
    for (const a of answers) {
      if (cur.length && (size([...cur, a]) > limit || cur.length >= 100)) {
        out.push(cur);
        cur = [];
      }
      cur.push(a);
    }
    if (cur.length) out.push(cur);
    return out;
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
      // As the server reads it (parseTypedNumber): Arabic-Indic digits, ٫ or a comma for the decimals.
      const raw = fs.querySelector('input[type=text]').value.replace(/[\s\u00a0\u202f\u066c]/g, '')
        .replace(/[\u0660-\u0669]/g, (d) => d.charCodeAt(0) - 0x660).replace(/[\u06f0-\u06f9]/g, (d) => d.charCodeAt(0) - 0x6f0)
        .replace(/[\u066b,]/, '.').replace(/^\u2212/, '-');
      // Not (yet) a number: nothing to send, and the saved answer is not cleared; Save says what is wrong.
      if (raw !== '' && !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(raw)) return null;
      if (raw !== '') value = { kind: 'number', number: Number(raw) };
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

  // Sends one batch; resolves to what to do next: 'ok', 'split' (too large), 'retry' (network, 5xx) or
  // 'stop'. Only an acknowledged save removes answers from the queue, and only those sent unchanged.
  async function send(key, batch) {
    let res;
    try {
      res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ answers: batch }), credentials: 'same-origin' });
    } catch {
      show('offline');
      return 'retry';
    }
    if (res.ok) {
      // The page's record of when each answer it shows was saved (b.<item>) follows this save, so the Save
      // button does not take this tab's own autosave for a change made elsewhere.
      const body = await res.json().catch(() => null);
      for (const a of batch) {
        const b = field(`b.${a.itemId}`);
        if (b && body && body.at) b.value = body.at;
      }
      const now = read1(key);
      for (const a of batch) if (JSON.stringify(now[a.itemId]) === JSON.stringify(a)) delete now[a.itemId];
      if (Object.keys(now).length) localStorage.setItem(key, JSON.stringify(now));
      else localStorage.removeItem(key);
      return 'ok';
    }
    const body = await res.json().catch(() => null);
    const message = body && body.error ? body.error.message : undefined;
    if (res.status === 401) return showSignIn(), 'stop';
    if (res.status === 413) return batch.length > 1 ? 'split' : (held.set(batch[0].itemId, JSON.stringify(batch[0])), show('error', message), 'ok');
    if (res.status >= 500) return show('error', message), 'retry';
    const bad = res.status === 400 && body && body.error && body.error.fields ? Object.keys(body.error.fields) : [];
    show('error', message);
    if (bad.length) {
      // The batch is all-or-nothing: hold the refused answers (kept, not resent until changed) and send the rest.
      for (const a of batch) if (bad.includes(a.itemId)) held.set(a.itemId, JSON.stringify(a));
      return 'ok';
    }
    // 403 (no longer allowed), 409 (collection closed) or another refusal: keep everything and stop.
    return 'stop';
  }

  async function flushKey(key) {
    let limit = BATCH_BYTES;
    for (let round = 0; round < 50; round++) {
      const batch = Object.values(read1(key)).filter((a) => held.get(a.itemId) !== JSON.stringify(a));
      if (!batch.length) return 'ok';
      let again = false;
      for (const part of split(batch, limit)) {
        const r = await send(key, part);
        if (r === 'split') {
          limit = Math.max(1, Math.floor(size(part) / 2));
          again = true;
          break;
        }
        if (r !== 'ok') return r;
      }
      if (!again && Object.values(read1(key)).every((a) => held.get(a.itemId) === JSON.stringify(a))) return 'ok';
    }
    return 'retry';
  }

  async function flush() {
    if (sending || stopped) return;
    // This page's queue first, then queues other pillars left behind (e.g. before signing in again).
    const keys = [storeKey, ...Object.keys(localStorage).filter((k) => k.startsWith(prefix) && k !== storeKey)];
    if (!keys.some((k) => Object.keys(read1(k)).length)) return;
    if (!navigator.onLine) return show('offline');
    sending = true;
    show('saving');
    let result = 'ok';
    try {
      for (const k of keys) {
        result = await flushKey(k);
        if (result !== 'ok') break;
      }
      if (result === 'ok' && !held.size) show('saved');
      if (result === 'stop') stopped = true;
    } finally {
      sending = false;
    }
    // Retry a network failure or server error later; pick up changes made while this round was sending.
    const more = result === 'ok' && Object.values(pending()).some((a) => held.get(a.itemId) !== JSON.stringify(a));
    if (result === 'retry' || more) {
      clearTimeout(timer);
      timer = setTimeout(flush, more ? 400 : 2000);
    }
  }

  function queue(fs) {
    const a = read(fs);
    if (!a) return;
    const p = pending();
    p[fs.dataset.item] = a;
    held.delete(fs.dataset.item);
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
  // Back to this tab (perhaps after signing in again elsewhere): try what was stopped once more.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    stopped = false;
    flush();
  });

  // Queues of earlier versions held a whole assessment under one key: move them to their pillars.
  const legacy = prefix.slice(0, -1);
  if (localStorage.getItem(legacy) !== null) {
    for (const a of Object.values(read1(legacy))) {
      const k = `${prefix}${String(a.itemId).split('.')[0]}`;
      const q = read1(k);
      q[a.itemId] ??= a;
      localStorage.setItem(k, JSON.stringify(q));
    }
    localStorage.removeItem(legacy);
  }

  const p = pending();
  for (const fs of form.querySelectorAll('fieldset.q')) {
    if (p[fs.dataset.item]) apply(fs, p[fs.dataset.item]);
    hint(fs);
  }
  flush();
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
