// Login throttling policy: at most N password checks per key (an e-mail address or a client address)
// within the lock window; the Nth locks the key for the window. An attempt is counted *before* its
// password is checked, in one database statement that also returns the count, so parallel guesses on any
// number of app instances cannot all slip under the limit; a right password refunds its count.
// Addresses get a wider allowance because offices share one NAT.
import type { Ctx } from '../kernel/context.ts';
import { clearThrottle, countAttempt, uncountAttempt } from '../../db/repositories/throttle.ts';

/** A key a sign-in attempt is counted under, with its allowance. */
export type TThrottleKey = { key: string; max: number; kind: 'email' | 'ip' };

/** Keys a sign-in attempt is counted under, with their allowance. */
export function throttleKeys(ctx: Ctx, email: string, ip: string | null): TThrottleKey[] {
  const keys: TThrottleKey[] = [{ key: `email:${email.trim().toLowerCase()}`, max: ctx.config.loginMaxFailures, kind: 'email' }];
  if (ip) keys.push({ key: `ip:${ip}`, max: ctx.config.loginMaxFailures * 4, kind: 'ip' });
  return keys;
}

/** Counts the attempt under every key; returns 0 when it may be checked, else the minutes until it may. */
export async function admitAttempt(ctx: Ctx, keys: TThrottleKey[]): Promise<number> {
  const now = ctx.now();
  const lockMs = ctx.config.loginLockMs;
  let wait = 0;
  for (const k of keys) {
    const r = await countAttempt(ctx.db.kysely, {
      key: k.key,
      max: k.max,
      now: now.toISOString(),
      windowFloor: new Date(now.getTime() - lockMs).toISOString(),
      lockUntil: new Date(now.getTime() + lockMs).toISOString(),
    });
    if (r.failures > k.max) {
      const until = r.lockedUntil ? Date.parse(r.lockedUntil) : now.getTime() + lockMs;
      wait = Math.max(wait, Math.max(1, Math.ceil((until - now.getTime()) / 60_000)));
    }
  }
  return wait;
}

/** After a right password: the account starts afresh and the address gets its count back. */
export async function recordSuccess(ctx: Ctx, keys: TThrottleKey[]): Promise<void> {
  for (const k of keys) {
    if (k.kind === 'email') await clearThrottle(ctx.db.kysely, k.key);
    else await uncountAttempt(ctx.db.kysely, k.key);
  }
}
