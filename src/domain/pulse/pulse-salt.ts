// The daily salt of the citizen pulse: HMAC(server secret, date). Counters are kept under salted hashes of
// an address (and user agent), never the address itself; since the salt changes at midnight UTC, yesterday's
// keys can no longer be linked to today's, and they are purged after a day (docs/METHODOLOGY.md).
import { createHmac, randomBytes } from 'node:crypto';
import { pulseSecret } from '../../db/repositories/pulses.ts';
import type { Ctx } from '../kernel/context.ts';

const secrets = new WeakMap<object, Promise<string>>();

/** A keyed hash of `value` under the salt of `now`'s UTC day. */
export async function saltedHash(ctx: Ctx, value: string, now: Date): Promise<string> {
  let secret = secrets.get(ctx.db);
  if (!secret) {
    secret = pulseSecret(ctx.db.kysely, randomBytes(32).toString('base64url'));
    secrets.set(ctx.db, secret);
  }
  const salt = createHmac('sha256', await secret).update(`pulse-salt:${now.toISOString().slice(0, 10)}`).digest();
  return createHmac('sha256', salt).update(value).digest('base64url').slice(0, 32);
}
