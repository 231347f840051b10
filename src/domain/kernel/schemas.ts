// Input schemas that several areas share (accounts signs people up, participants invites them): a person's
// e-mail, name and password, with locale keys as messages (see validate.ts).
import { z } from 'zod';

// NUL cannot be stored in PostgreSQL text and a lone surrogate is not a character in any encoding: such
// input is refused (400) at the edge rather than failing in the database (500).
const UNREPRESENTABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Bidirectional embeddings, overrides and isolates make text display in another order than it is stored
// ("gpj.exe" shown for "exe.jpg"); names and titles never need them, so they are removed on the way in.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Whether a string can be stored as text on both databases (no NUL, no lone surrogate). */
export function representable(s: string): boolean {
  return !UNREPRESENTABLE.test(s);
}

/** Removes bidirectional embedding, override and isolate controls from a name or title. */
export function withoutBidiControls(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}

/** A short text typed by a person (name, title, organisation): representable, bidi controls removed. */
export function zLabel(max: number, requiredKey = 'error.name_required') {
  return z
    .string({ error: requiredKey })
    .refine(representable, { error: 'error.bad_characters' })
    .transform(withoutBidiControls)
    .pipe(z.string().trim().min(1, { error: requiredKey }).max(max, { error: max === 120 ? 'error.name_too_long' : 'error.too_long' }));
}

/** An e-mail address, trimmed and lower-cased. */
export const ZEmail = z
  .string({ error: 'error.email_invalid' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'error.email_invalid' }).max(254, { error: 'error.email_invalid' }));

/** A display name. */
export const ZName = zLabel(120);

/** A password of at least `min` characters (at most 256 so hashing stays cheap). */
export function zPassword(min: number) {
  return z
    .string({ error: 'error.password_too_short' })
    .min(min, { error: 'error.password_too_short' })
    .max(256, { error: 'error.password_too_long' });
}

// Digits as phones type them in Arabic, Persian and Urdu keyboards; the decimal and thousands separators
// of those languages, the decimal comma of many others, and spaces between groups.
const ARABIC_INDIC = /[\u0660-\u0669]/g;
const EASTERN_ARABIC_INDIC = /[\u06f0-\u06f9]/g;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/**
 * A number as a person typed it: ASCII, Arabic-Indic (٠–٩) or Eastern Arabic-Indic (۰–۹) digits; a point,
 * a comma or the Arabic decimal separator (٫) before the decimals; spaces or the Arabic thousands separator
 * (٬) between groups; a minus or the minus sign. NaN for anything else, an empty string included (Number()
 * alone reads "" as 0 and accepts "0x10", "1e3" and "Infinity").
 */
export function parseTypedNumber(raw: string): number {
  const s = raw
    .replace(/[\s\u00a0\u202f\u066c]/g, '')
    .replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(EASTERN_ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u066b,]/, '.')
    .replace(/^\u2212/, '-');
  return DECIMAL.test(s) ? Number(s) : NaN;
}

/** For z.preprocess: a typed, non-empty string becomes its number (NaN when it is none); anything else passes. */
export const typedNumber = (v: unknown): unknown => (typeof v === 'string' && v.trim() !== '' ? parseTypedNumber(v) : v);
