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
