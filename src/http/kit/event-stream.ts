// A server-sent event stream, gzip-compressed when the browser accepts it. The room pushes the same HTML
// part again and again with a few numbers changed; one deflate stream over the whole connection (flushed
// after every event, so nothing waits in a buffer) sends each push as little more than the changes, which
// matters on phones on slow or metered connections (bench/README.md). Hono's streamSSE writes plain text
// and its compress middleware rightly leaves event streams alone, so the stream is built here.
import { constants, createGzip, type Gzip } from 'node:zlib';
import type { Context } from 'hono';
import { header } from '../incoming.ts';

/** The writing side of an event stream. */
export interface TEventStream {
  /** One event; a payload of several lines is sent as several data lines (EventSource joins them). */
  send(event: { event: string; data: string; id?: string; retry?: number }): void;
  /** A comment line (keeps proxies from closing an idle stream, or carries a retry hint). */
  write(raw: string): void;
  /** Whether the browser has gone. */
  readonly aborted: boolean;
  /** Called once when the browser goes. */
  onAbort(fn: () => void): void;
}

/** Answers with an event stream that `run` writes to; the stream ends when `run` returns. */
export function eventStream(c: Context, run: (s: TEventStream) => Promise<void>): Response {
  const gzip = /\bgzip\b/i.test(header(c, 'accept-encoding') ?? '');
  const enc = new TextEncoder();
  let aborted = false;
  const aborts: (() => void)[] = [];
  let z: Gzip | undefined;
  let ctl: ReadableStreamDefaultController<Uint8Array> | undefined;
  const push = (bytes: Uint8Array) => {
    if (aborted) return;
    try {
      ctl?.enqueue(bytes);
    } catch {
      // closed meanwhile
    }
  };
  const raw = (text: string) => {
    if (aborted) return;
    if (z) z.write(text);
    else push(enc.encode(text));
  };
  const abort = () => {
    if (aborted) return;
    aborted = true;
    for (const fn of aborts.splice(0)) fn();
  };
  const s: TEventStream = {
    send: (e) => {
      let out = `event: ${e.event}\n`;
      if (e.id !== undefined) out += `id: ${e.id}\n`;
      if (e.retry !== undefined) out += `retry: ${e.retry}\n`;
      for (const line of e.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
      raw(`${out}\n`);
    },
    write: raw,
    get aborted() {
      return aborted;
    },
    onAbort: (fn) => {
      if (aborted) fn();
      else aborts.push(fn);
    },
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      ctl = controller;
      if (gzip) {
        // Every write is flushed at once (Z_SYNC_FLUSH): an event reaches the browser when it is sent.
        // A 4 KB window and a small hash table: a stream holds about 32 KB instead of zlib's default 256 KB
        // (300 phones in a room, or a member opening thousands of streams), and a room part (1.4 KB) still
        // finds the previous one within the window, which is where its saving comes from.
        z = createGzip({ flush: constants.Z_SYNC_FLUSH, windowBits: 12, memLevel: 5 });
        z.on('data', (chunk: Buffer) => push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
        z.on('error', abort);
      }
      void run(s)
        .catch(() => undefined)
        .finally(async () => {
          if (z && !aborted) {
            const zz = z;
            await new Promise<void>((r) => {
              zz.once('end', r);
              zz.once('error', r);
              zz.end();
            });
          }
          if (!aborted) {
            try {
              controller.close();
            } catch {
              // already closed
            }
          }
          z?.destroy();
        });
    },
    cancel() {
      abort();
      z?.destroy();
    },
  });
  const headers: Record<string, string> = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no', Vary: 'Accept-Encoding' };
  if (gzip) headers['Content-Encoding'] = 'gzip';
  return new Response(body, { status: 200, headers });
}
