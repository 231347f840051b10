// Use case: an anonymous person answers the citizen pulse. Checked in this order: the pulse is open; the
// address is under its rate limit (counted per salted address hash in the database, so the limit holds
// across app instances); the honeypot is empty (a filled one is thanked and dropped, so a bot learns
// nothing); the answers are complete; then either the one-time code is unused (controlled sample) or the
// device (address + user agent, salted hash) has not already answered too often today (duplicate damping).
// What is stored: the answers, the language, the hour. Never a name, an e-mail or an address.
import { countAttempt } from '../../db/repositories/throttle.ts';
import { insertPulseResponse, purgePulseCounters, usePulseCode } from '../../db/repositories/pulses.ts';
import { newId } from '../../lib/tokens.ts';
import type { TPulseInstrument } from '../../instrument/pulse/schema.ts';
import { optionIds } from '../../scoring/pulse.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { getPublicPulse } from './get-public-pulse.ts';
import { codeHash } from './pulse-codes.ts';
import { saltedHash } from './pulse-salt.ts';

/** Submissions one address may make per window (generous: a school or a mobile operator puts many people behind one address). */
export const PULSE_RATE_MAX = 60;
/** The rate-limit window. */
export const PULSE_RATE_WINDOW_MS = 10 * 60_000;
/** Answers one device (address + browser) may give per pulse and day; a family may share a phone. */
export const PULSE_DEVICE_MAX = 3;
const DAY_MS = 24 * 3600_000;

/** The name of the honeypot field: hidden from people, filled by form-filling robots. */
export const HONEYPOT_FIELD = 'website';

/** A submission: form fields by question id, the one-time code, the honeypot. */
export type TPulseForm = Record<string, string | string[] | undefined>;

/** The answers a form gives, checked against the instrument; throws invalid_input naming each missing or wrong field. */
export function pulseAnswers(inst: TPulseInstrument, regions: readonly string[], form: TPulseForm): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const fields: Record<string, string> = {};
  for (const q of inst.questions) {
    const raw = form[q.id];
    const given = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).filter((v) => v !== '');
    const ids = optionIds(q, regions);
    if (given.some((v) => !ids.includes(v)) || (q.type !== 'multi' && given.length > 1)) fields[q.id] = 'pulse.error.invalid_choice';
    else if (given.length === 0) {
      if (q.required) fields[q.id] = 'pulse.error.required';
    } else out[q.id] = q.type === 'multi' ? [...new Set(given)] : (given[0] as string);
  }
  if (Object.keys(fields).length) throw new AppError('invalid_input', 'pulse.error.incomplete', {}, fields);
  return out;
}

/** Records one answer sheet; `stored` is false when the honeypot caught it. */
export async function submitPulse(ctx: Ctx, code: string, form: TPulseForm, client: { ip: string | null; userAgent: string | null; locale: string }): Promise<{ stored: boolean }> {
  const pulse = await getPublicPulse(ctx, code);
  if (pulse.state === 'not_open') throw new AppError('forbidden', 'pulse.error.not_open');
  if (pulse.state === 'closed') throw new AppError('gone', 'pulse.error.closed');
  const now = ctx.now();
  const iso = now.toISOString();
  const ip = client.ip ?? 'unknown';
  const rate = await countAttempt(ctx.db.kysely, {
    key: `pulse:ip:${await saltedHash(ctx, ip, now)}`,
    max: PULSE_RATE_MAX,
    now: iso,
    windowFloor: new Date(now.getTime() - PULSE_RATE_WINDOW_MS).toISOString(),
    lockUntil: new Date(now.getTime() + PULSE_RATE_WINDOW_MS).toISOString(),
  });
  if (rate.failures > PULSE_RATE_MAX) throw new AppError('throttled', 'pulse.error.too_many');
  const trap = form[HONEYPOT_FIELD];
  if (typeof trap === 'string' ? trap !== '' : Array.isArray(trap)) return { stored: false };
  const answers = pulseAnswers(pulse.instrument, pulse.regions, form);
  const typed = typeof form.code === 'string' ? form.code.trim() : '';
  if (pulse.codesRequired && !typed) throw new AppError('invalid_input', 'pulse.error.incomplete', {}, { code: 'pulse.error.code_required' });
  const row = { id: newId(), pulseId: pulse.id, hour: `${iso.slice(0, 13)}:00:00Z`, locale: client.locale, answers, withCode: pulse.codesRequired, synthetic: false };
  if (pulse.codesRequired) {
    // Code and answers commit together: a used code is never lost to a failed insert, and never used twice.
    await ctx.db.kysely.transaction().execute(async (tx) => {
      if (!(await usePulseCode(tx, pulse.id, codeHash(typed), iso))) throw new AppError('conflict', 'pulse.error.code_used', {}, { code: 'pulse.error.code_used' });
      await insertPulseResponse(tx, row);
    });
    return { stored: true };
  }
  // The device counter, the insert and the purge commit together: one commit instead of three (on SQLite
  // each commit is a write to the log on disk), and a refused device leaves its count where it was.
  const deviceKey = `pulse:dev:${pulse.id}:${await saltedHash(ctx, `${ip}\n${client.userAgent ?? ''}`, now)}`;
  await ctx.db.kysely.transaction().execute(async (tx) => {
    const device = await countAttempt(tx, {
      key: deviceKey,
      max: PULSE_DEVICE_MAX,
      now: iso,
      windowFloor: new Date(now.getTime() - DAY_MS).toISOString(),
      lockUntil: new Date(now.getTime() + DAY_MS).toISOString(),
    });
    if (device.failures > PULSE_DEVICE_MAX) throw new AppError('throttled', 'pulse.error.duplicate');
    await insertPulseResponse(tx, row);
    // Counters of past days are useless (their salt is gone) and are not kept.
    await purgePulseCounters(tx, new Date(now.getTime() - DAY_MS - PULSE_RATE_WINDOW_MS).toISOString());
  });
  return { stored: true };
}
