// Request headers and cookies read from Node's own parsed headers when the app runs under the Node
// server. The first `c.req.header()` makes the adapter build a web `Headers` object from every raw
// header (each name and value validated), which cost as much as the rest of the middleware on an
// autosave (bench/README.md); Node has already parsed them into a plain object. In-process requests
// (`app.request()` in tests, other runtimes) fall back to Hono's accessors: the answers are the same.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

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

const COOKIE_VALUE = /^[ !#-:<-[\]-~]*$/;

/**
 * One cookie's value, or undefined: the first `name=value` pair of that name (RFC 6265 §5.4 sends the
 * most specific first), quotes removed, %-escapes decoded, and a value with characters a cookie may not
 * carry ignored — what Hono's cookie parser gives for one name, without building an object of every
 * cookie (every autosave reads the session cookie; bench/README.md).
 */
export function cookie(c: Context, name: string): string | undefined {
  const raw = header(c, 'cookie');
  if (!raw || !raw.includes(name)) return undefined;
  for (const pair of raw.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!COOKIE_VALUE.test(value)) continue;
    if (!value.includes('%')) return value;
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
