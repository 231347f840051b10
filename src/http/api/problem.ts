// The one shape of an error from the JSON API: RFC 9457 problem+json (type, title, status, detail) with
// METEP's machine-readable `code`, one `errors` entry per field that does not fit, and the older `error`
// object that clients written before it (the questionnaire's autosave among them) still read.
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { paths } from '../paths.ts';

const TITLED = [400, 401, 403, 404, 409, 410, 413, 429, 503];

/** Sends a problem+json answer; `fields` maps a field's path to its (already translated) message. */
export function problem(c: Context<AppEnv>, status: number, code: string, detail: string, fields: Record<string, string> = {}): Response {
  const errors = Object.entries(fields).map(([field, d]) => ({ field, detail: d }));
  const body = {
    type: `${paths.apiDocs}#problem-${code}`,
    title: c.var.t(`errorpage.${TITLED.includes(status) ? status : 500}.title`),
    status,
    detail,
    code,
    ...(errors.length ? { errors } : {}),
    error: { code, message: detail, ...(errors.length ? { fields } : {}) },
  };
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(body), status as 400, { 'Content-Type': 'application/problem+json; charset=UTF-8' });
}
