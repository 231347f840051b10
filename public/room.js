// Live workshop room: the server pushes the room's changing part over an event stream (rendered once for
// everyone, at most twice a second) and this swaps it in. Without this script the page has a refresh link.
const live = document.getElementById('room-live');
const status = document.getElementById('room-status');
if (live && 'EventSource' in window) {
  const say = (text) => {
    if (status) status.textContent = text;
  };
  const es = new EventSource(live.dataset.events);
  es.addEventListener('ready', () => say(live.dataset.liveText));
  es.addEventListener('live', (e) => {
    // Same-origin HTML rendered (and escaped) by the server.
    live.innerHTML = e.data;
    live.dataset.updated = String(Date.now());
  });
  es.addEventListener('error', () => say(live.dataset.offlineText));
}
