// Input schemas that several areas share (accounts signs people up, participants invites them): a person's
// e-mail, name and password, with locale keys as messages (see validate.ts).
import { z } from 'zod';

/** An e-mail address, trimmed and lower-cased. */
export const ZEmail = z
  .string({ error: 'error.email_invalid' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'error.email_invalid' }).max(254, { error: 'error.email_invalid' }));

/** A display name. */
export const ZName = z.string({ error: 'error.name_required' }).trim().min(1, { error: 'error.name_required' }).max(120, { error: 'error.name_too_long' });

/** A password of at least `min` characters (at most 256 so hashing stays cheap). */
export function zPassword(min: number) {
  return z
    .string({ error: 'error.password_too_short' })
    .min(min, { error: 'error.password_too_short' })
    .max(256, { error: 'error.password_too_long' });
}
