// Login throttling policy: after N failures within the lock window a key (an e-mail address or a client
// address) is locked for the window. Addresses get a wider allowance because offices share one NAT.
import type { Ctx } from '../kernel/context.ts';
import { clearThrottle, getThrottle, putThrottle } from '../../db/repositories/throttle.ts';

/** Keys a sign-in attempt is counted under, with their failure allowance. */
export function throttleKeys(ctx: Ctx, email: string, ip: string | null): { key: string; max: number }[] {
  const keys = [{ key: `email:${email.trim().toLowerCase()}`, max: ctx.config.loginMaxFailures }];
  if (ip) keys.push({ key: `ip:${ip}`, max: ctx.config.loginMaxFailures * 4 });
  return keys;
}

/** Minutes until the first locked key unlocks, or 0 when none is locked. */
export async function lockedMinutes(ctx: Ctx, keys: { key: string }[]): Promise<number> {
  const now = ctx.now().getTime();
  let wait = 0;
  for (const { key } of keys) {
    const row = await getThrottle(ctx.db.kysely, key);
    if (row?.locked_until) {
      const until = Date.parse(row.locked_until);
      if (until > now) wait = Math.max(wait, Math.ceil((until - now) / 60_000));
    }
  }
  return wait;
}

/** Counts a failure under every key, locking those that reached their allowance. */
export async function recordFailure(ctx: Ctx, keys: { key: string; max: number }[]): Promise<void> {
  const now = ctx.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const { key, max } of keys) {
      const row = await getThrottle(trx, key);
      const inWindow = row && now.getTime() - Date.parse(row.window_start) < ctx.config.loginLockMs;
      const failures = inWindow ? row.failures + 1 : 1;
      const windowStart = inWindow ? row.window_start : now.toISOString();
      const lockedUntil = failures >= max ? new Date(now.getTime() + ctx.config.loginLockMs).toISOString() : null;
      await putThrottle(trx, { key, failures, window_start: windowStart, locked_until: lockedUntil });
    }
  });
}

/** Clears the account key after a successful sign-in (the address key keeps counting other accounts). */
export async function recordSuccess(ctx: Ctx, email: string): Promise<void> {
  await clearThrottle(ctx.db.kysely, `email:${email.trim().toLowerCase()}`);
}
