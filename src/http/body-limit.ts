// Request body limits that never read ahead. Hono's bodyLimit buffers a body sent without Content-Length
// (chunked) in full before any route runs — up to EVIDENCE_MAX_MB for questionnaire pages, even from
// someone signed out. Here a declared length is checked at once, and an undeclared one is counted as the
// route reads it, so a route can refuse (not signed in, not a member) before a single body byte is read.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../domain/kernel/errors.ts';
import type { AppEnv } from './env.ts';

/** Refuses bodies over `maxSize` bytes with 413 (AppError too_large), without buffering them. */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const tooLarge = () => new AppError('too_large', 'error.too_large');
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding')) {
      if (!/^\d+$/.test(declared) || Number(declared) > maxSize) throw tooLarge();
      return next();
    }
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
    return next();
  };
}
