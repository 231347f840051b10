// Use case: the public pulse page anyone may open by its short code — the questions, the regions offered
// and whether it is open now. No sign-in; nothing about the assessment beyond its country is revealed.
import { findPulseByCode, type PulseRow } from '../../db/repositories/pulses.ts';
import { bundledPulseInstrument } from '../../instrument/pulse/loader.ts';
import type { TPulseInstrument } from '../../instrument/pulse/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** Whether a pulse takes answers now. */
export type TPulseState = 'not_open' | 'open' | 'closed';

/** A pulse as its public page shows it. */
export interface TPublicPulse {
  code: string;
  country: string;
  state: TPulseState;
  opensAt: string;
  closesAt: string;
  regions: string[];
  codesRequired: boolean;
  instrument: TPulseInstrument;
}

/** The state of a pulse at a moment. */
export function pulseState(p: Pick<PulseRow, 'opens_at' | 'closes_at'>, now: Date): TPulseState {
  const t = now.toISOString();
  return t < p.opens_at ? 'not_open' : t >= p.closes_at ? 'closed' : 'open';
}

/** The public pulse with that code; not_found when there is none. */
export async function getPublicPulse(ctx: Ctx, code: string): Promise<TPublicPulse & { id: string }> {
  const p = code.length <= 16 ? await findPulseByCode(ctx.db.kysely, code.toUpperCase()) : undefined;
  if (!p) throw new AppError('not_found', 'error.not_found');
  return { id: p.id, code: p.code, country: p.country, state: pulseState(p, ctx.now()), opensAt: p.opens_at, closesAt: p.closes_at, regions: p.regions, codesRequired: p.codesRequired, instrument: bundledPulseInstrument(p.instrument_version) };
}
