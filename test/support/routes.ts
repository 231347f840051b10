// The app's route table as data, for the tests generated from it (authorisation matrix, fuzz): every
// method + path Hono has registered, and filling a pattern's parameters.
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/http/env.ts';

/** One route: method and Hono path pattern, e.g. "POST /assessments/:id/state". */
export interface TRoute {
  method: string;
  path: string;
}

/** Every GET and POST route of the app (middleware excluded), sorted. */
export function routeTable(app: Hono<AppEnv>): TRoute[] {
  const seen = new Map<string, TRoute>();
  for (const r of app.routes) {
    if (r.method !== 'GET' && r.method !== 'POST') continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** The key of a route in expectation tables. */
export function routeKey(r: TRoute): string {
  return `${r.method} ${r.path}`;
}

/** The parameter names of a pattern, in order. */
export function paramNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
}

/** URL-encodes any string; a lone surrogate (not encodable) becomes the invalid UTF-8 a raw client could send. */
export function enc(s: string): string {
  return s
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

/** Fills a pattern's parameters (`:name`, `:name{regex}`, optional `?`) with URL-encoded values. */
export function fill(path: string, value: (name: string) => string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?(\?)?/g, (_m, name: string) => enc(value(name)));
}
