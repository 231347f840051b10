// Live workshop room: listens to the server's event stream and, on each change, fetches the changing
// part of the page again and swaps it in. Changes that arrive while a fetch runs are folded into one more
// fetch, so a burst of saved answers costs two requests, not one per answer. Without this script the
// page has a refresh link.
const live = document.getElementById('room-live');
const status = document.getElementById('room-status');
if (live && 'EventSource' in window) {
  let running = false;
  let again = false;
  const say = (text) => {
    if (status) status.textContent = text;
  };
  const refresh = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const res = await fetch(live.dataset.src, { credentials: 'same-origin', headers: { accept: 'text/html' } });
        if (!res.ok) throw new Error(String(res.status));
        // Same-origin HTML rendered (and escaped) by the server.
        live.innerHTML = await res.text();
        live.dataset.updated = String(Date.now());
      } while (again);
    } catch {
      say(live.dataset.offlineText);
    } finally {
      running = false;
    }
  };
  const es = new EventSource(live.dataset.events);
  es.addEventListener('ready', () => {
    say(live.dataset.liveText);
    // Catch up with anything missed while disconnected.
    if (live.dataset.connected) refresh();
    live.dataset.connected = '1';
  });
  es.addEventListener('change', refresh);
  es.addEventListener('error', () => say(live.dataset.offlineText));
}
