// Request body limits that never read ahead. Hono's bodyLimit buffers a body sent without Content-Length
// (chunked) in full before any route runs — up to EVIDENCE_MAX_MB for questionnaire pages, even from
// someone signed out. Here a declared length is checked at once, and an undeclared one is counted as the
// route reads it, so a route can refuse (not signed in, not a member) before a single body byte is read.
// The declared length is read from the headers only: touching `c.req.raw.body` makes the node adapter
// build a web Request, AbortSignal and body stream for every request, which was the largest single cost
// of an answer save (bench/README.md). Node's HTTP parser reads exactly Content-Length bytes, so a body
// longer than declared is never seen by the route (the rest is parsed as a next request and refused), and
// a shorter one leaves the read waiting until the client sends the rest or goes away.
import type { Context } from 'hono';
import { AppError } from '../domain/kernel/errors.ts';
import type { AppEnv } from './env.ts';
import { header } from './incoming.ts';

const tooLarge = () => new AppError('too_large', 'error.too_large');

/** Refuses a body over `maxSize` bytes with 413 (AppError too_large), without buffering it: a declared
 * length is checked now, an undeclared one as the route reads the body. */
export function limitBody(c: Context<AppEnv>, maxSize: number): void {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD') return;
  const declared = header(c, 'content-length');
  if (declared !== undefined && header(c, 'transfer-encoding') === undefined) {
    // The body is exactly Content-Length bytes (RFC 9112 §6.3).
    if (!/^\d+$/.test(declared) || Number(declared) > maxSize) throw tooLarge();
    return;
  }
  // Chunked, or a Request built in-process without a declared length: counted as it is read.
  const raw = c.req.raw;
  if (!raw.body) return;
  let size = 0;
  const counted = raw.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        size += chunk.byteLength;
        if (size > maxSize) ctl.error(tooLarge());
        else ctl.enqueue(chunk);
      },
    }),
  );
  c.req.raw = new Request(raw, { body: counted, duplex: 'half' } as RequestInit);
}
