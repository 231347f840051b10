// SQLite WAL checkpoints off the event loop. By default SQLite checkpoints inside whichever commit pushes
// the write-ahead log past 1,000 pages: that commit then copies the log into the database file and waits
// for the disk (fsync), and since better-sqlite3 is synchronous the whole server waits with it. Those
// stalls were the tail of the autosave latency (bench/README.md: p99 at 6,000 saves/s 21.6 → 7.5 ms
// without them). The server therefore turns automatic checkpoints (nearly) off on its connection and a
// worker thread with a connection of its own checkpoints every CHECKPOINT_EVERY_MS. PASSIVE checkpoints
// never wait for, nor block, the server's readers and writer; the log restarts from its beginning once
// it has been copied in full. Should the worker stop, the server's own checkpoint at FALLBACK_PAGES still
// keeps the log bounded.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type SQLite from 'better-sqlite3';

const CHECKPOINT_EVERY_MS = 500;
/** The server connection's own checkpoint threshold while the worker runs (pages of 4 KB: 80 MB). */
export const FALLBACK_PAGES = 20_000;

// Plain JavaScript evaluated in the worker (no loader needed, built or not).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message || e) });
  }
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

/** Moves checkpoints of the database file behind `sqlite` to a worker thread; returns how to stop it. */
export function checkpointInBackground(sqlite: SQLite.Database, file: string, onError: (message: string) => void): () => Promise<void> {
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file, everyMs: CHECKPOINT_EVERY_MS } });
  // Never what keeps a finishing process alive.
  worker.unref();
  let stopped: () => void = () => undefined;
  const done = new Promise<void>((r) => (stopped = r));
  worker.on('message', (m: { error?: string; stopped?: boolean }) => {
    if (m.error) onError(m.error);
    if (m.stopped) stopped();
  });
  worker.on('error', (e) => {
    onError(e.message);
    stopped();
  });
  worker.on('exit', () => stopped());
  return async () => {
    worker.postMessage('stop');
    await Promise.race([done, new Promise((r) => setTimeout(r, 2000).unref())]);
    await worker.terminate();
  };
}
