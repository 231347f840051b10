// Small helpers shared by routes: rendering a page in the layout, reading form bodies, request metadata,
// session cookies, translated field errors.
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import type { RequestMeta } from '../domain/kernel/context.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { representable } from '../domain/kernel/schemas.ts';
import type { AppEnv } from './env.ts';
import { Layout } from './kit/layout.tsx';
import { header, cookie } from './incoming.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'metep_session';
/** Name of the language cookie. */
export const LANG_COOKIE = 'metep_lang';
const FLASH_COOKIE = 'metep_flash';

// Embeddings and overrides (U+202A–U+202E) make stored text display in another order than it is written
// ("\u202egpj.exe" shows as "exe.jpg"). New names and titles lose them on the way in (kernel/schemas.ts);
// this removes them from every page at once, whatever the field or however old the data. Isolates
// (U+2066–U+2069), which our own catalogs use to keep an e-mail address whole, stay.
const BIDI_OVERRIDES = /[\u202a-\u202e]/g;

/** A rendered page with bidirectional embeddings and overrides removed. */
export function neutraliseBidi(html: string): string {
  return html.replace(BIDI_OVERRIDES, '');
}

/** Renders a full HTML page in the layout. */
export function page(c: Context<AppEnv>, title: string, body: Child, opts: { status?: number; scripts?: string[]; bare?: boolean; stylesheet?: string } = {}) {
  const flashKey = cookie(c, FLASH_COOKIE);
  if (flashKey) deleteCookie(c, FLASH_COOKIE, { path: '/' });
  // The cookie comes back from the browser, so it is input: only our own flash messages are shown, with
  // nothing but numbers (one decimal at most) as their parameters.
  const m = flashKey ? /^(flash\.[a-z0-9_]+)((?:;[a-z]+=\d{1,9}(?:\.\d)?)*)$/.exec(flashKey) : null;
  const flash = m ? c.var.t(m[1] as string, Object.fromEntries((m[2] as string).split(';').slice(1).map((kv) => [kv.split('=')[0] as string, Number(kv.split('=')[1])]))) : undefined;
  const html = Layout({ t: c.var.t, locale: c.var.locale, actor: c.var.actor, url: new URL(c.req.url), title, children: body, flash, ...(opts.scripts ? { scripts: opts.scripts } : {}), ...(opts.bare ? { bare: true } : {}), ...(opts.stylesheet ? { stylesheet: opts.stylesheet } : {}) });
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${neutraliseBidi(String(html))}`, (opts.status ?? 200) as 200);
}

/** Stores a message key (and numeric parameters, one decimal at most) to show once on the next page (Post/Redirect/Get). */
export function flash(c: Context<AppEnv>, key: string, params: Record<string, number> = {}): void {
  const value = [key, ...Object.entries(params).map(([k, v]) => `${k}=${Math.round(v * 10) / 10}`)].join(';');
  setCookie(c, FLASH_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 });
}

/** The JSON body of a request, as the middleware parsed it; anything else is the sender's error (400). */
export function readJson(c: Context<AppEnv>): Promise<unknown> {
  if (!(header(c, 'content-type') ?? '').startsWith('application/json')) return Promise.reject(new AppError('invalid_input', 'error.bad_request'));
  const parsed = c.get('json');
  if (parsed !== undefined) return Promise.resolve(parsed);
  return c.req.json().catch(() => {
    throw new AppError('invalid_input', 'error.bad_request');
  });
}

/** The parsed body of a form post; a malformed or truncated body is the sender's error (400), not ours. */
export async function readForm(c: Context<AppEnv>, opts: { all?: boolean } = {}): Promise<Record<string, string | File | (string | File)[]>> {
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: opts.all ?? false });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('invalid_input', 'error.bad_request');
  }
  for (const [k, v] of Object.entries(body)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (!representable(k) || (typeof x === 'string' ? !representable(x) : !representable(x.name))) throw new AppError('invalid_input', 'error.bad_characters');
    }
  }
  return body;
}

/** The form fields of a urlencoded or multipart body as strings (files are ignored here). */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await readForm(c);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * The client address behind `trustedProxies` reverse proxies: each proxy appends the address it received
 * the request from to X-Forwarded-For, so only the right-most `trustedProxies` entries were written by
 * proxies we trust and the first of those (counted from the right) is the client. Entries further left
 * are whatever the client sent and are ignored; a malformed entry falls back to the socket address.
 */
export function forwardedClient(header: string | undefined, trustedProxies: number, socket: string | null): string | null {
  const hops = (header ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  if (!hops.length) return socket;
  const hop = hops[Math.max(0, hops.length - trustedProxies)] as string;
  return isIP(hop) ? hop : socket;
}

/** IP and user agent for the audit log. */
export function meta(c: Context<AppEnv>): RequestMeta {
  return { ip: c.var.ip, userAgent: header(c, 'user-agent') ?? null };
}

/** Sets the session cookie (HttpOnly, SameSite=Lax, Secure on https installations). */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  const cfg = c.var.ctx.config;
  setCookie(c, SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: cfg.secureCookies, maxAge: Math.floor(cfg.sessionMaxMs / 1000) });
}

/** Remembers the interface language on this device (Secure on https installations, like every cookie). */
export function setLangCookie(c: Context<AppEnv>, locale: string): void {
  setCookie(c, LANG_COOKIE, locale, { path: '/', sameSite: 'Lax', maxAge: 60 * 60 * 24 * 365, secure: c.var.ctx.config.secureCookies });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.var.ctx.config.secureCookies });
}

/** Translates an invalid-input error into one message per field; other errors rethrow. */
export function fieldErrors(c: Context<AppEnv>, e: unknown, params: Record<string, string | number> = {}): { error: string; fields: Record<string, string> } {
  if (!(e instanceof AppError) || !['invalid_input', 'unauthenticated', 'throttled', 'conflict'].includes(e.code)) throw e;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.fields)) fields[k] = c.var.t(v, { ...params, ...e.params });
  return { error: c.var.t(e.messageKey, { ...params, ...e.params }), fields };
}

/**
 * The one rule for every address the app redirects to from user input (sign-in `next`, the room and poll
 * forms' `back`): a path on this site or "/". Browsers forgive a lot in a Location header — they drop tabs
 * and newlines ("/\t/evil.example" becomes "//evil.example"), read "\\" as "/", and take "//host" as
 * another site — so anything with a control character, a backslash or a leading "//" is refused outright,
 * and what is left must resolve to our own origin.
 */
export function safeNext(next: string | undefined): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.length > 2000) return '/';
  if (/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(next)) return '/';
  try {
    const base = 'http://same-origin.invalid';
    const u = new URL(next, base);
    // The serialised form: non-ASCII percent-encoded, as a Location header must be.
    return u.origin === base && !u.pathname.startsWith('//') ? `${u.pathname}${u.search}${u.hash}` : '/';
  } catch {
    return '/';
  }
}

/** A path parameter, which may come from the prefix a sub-app is mounted at (typed routes cannot see it). */
export function param(c: Context<AppEnv>, name: string): string {
  const v = c.req.param(name as never) as string | undefined;
  if (v === undefined) throw new AppError('not_found', 'error.not_found');
  return v;
}
