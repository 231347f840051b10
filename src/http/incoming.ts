// Request headers and cookies read from Node's own parsed headers when the app runs under the Node
// server. The first `c.req.header()` makes the adapter build a web `Headers` object from every raw
// header (each name and value validated), which cost as much as the rest of the middleware on an
// autosave (bench/README.md); Node has already parsed them into a plain object. In-process requests
// (`app.request()` in tests, other runtimes) fall back to Hono's accessors: the answers are the same.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { parse } from 'hono/utils/cookie';

function incoming(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}

/** A request header by its lower-case name; repeated headers joined as `Headers.get` joins them. */
export function header(c: Context, name: string): string | undefined {
  const req = incoming(c);
  if (!req) return c.req.header(name);
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** One cookie's value, or undefined. */
export function cookie(c: Context, name: string): string | undefined {
  const raw = header(c, 'cookie');
  return raw ? parse(raw, name)[name] : undefined;
}
