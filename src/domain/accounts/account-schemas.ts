// Input schemas for the account use cases (forms and API alike).
import { z } from 'zod';
import { ZEmail, ZName, zPassword } from '../kernel/schemas.ts';

/** Sign-in form. */
export const ZSignIn = z.object({
  email: z.string({ error: 'error.email_invalid' }).trim().min(1, { error: 'error.email_invalid' }).max(254),
  password: z.string({ error: 'error.password_required' }).min(1, { error: 'error.password_required' }).max(256),
});
/** Sign-in input. */
export type TSignIn = z.infer<typeof ZSignIn>;

/** New account form (setup and CLI). */
export function zNewAccount(min: number) {
  return z.object({ name: ZName, email: ZEmail, password: zPassword(min) });
}

/** Password choice with confirmation. */
export function zNewPassword(min: number) {
  return z
    .object({ password: zPassword(min), confirm: z.string().max(256) })
    .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'error.password_mismatch' });
}
