// Use case: Demoland's citizen pulse for the demo — open for the month around the seeding day, with 320
// synthetic answer sheets (marked synthetic in the database and on every results page), drawn from a seeded
// generator so every demo shows the same figures: people know e-information best and e-decision-making
// least, and those who took part in consultations mostly did not feel heard. Idempotent: an existing pulse
// keeps its dates, and its synthetic sheets are only written when missing.
import { countPulseResponses, deleteSyntheticResponses, findPulseOfAssessment, insertPulseResponse, savePulse } from '../../db/repositories/pulses.ts';
import { CURRENT_PULSE_VERSION } from '../../instrument/pulse/loader.ts';
import { seededRandom } from '../../scoring/prng.ts';
import type { Ctx } from '../kernel/context.ts';

/** How many synthetic sheets the demo pulse holds. */
export const DEMO_PULSE_ANSWERS = 320;
/** The demo pulse's public code (fixed, so printed demo posters keep working). */
export const DEMO_PULSE_CODE = 'XDM426';
const DEMO_PULSE_ID = '00000000-0000-4000-8000-00000000d0e5';
const REGIONS = ['Northern Province', 'Coastal Province', 'Capital District', 'Highlands'];
const DAY = 24 * 3600_000;

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.min(xs.length - 1, Math.floor(r() * xs.length))] as T;
}

/** One synthetic person's answers: an engagement level moves every answer, stage by stage less so. */
function syntheticSheet(r: () => number): Record<string, string | string[]> {
  const e = r();
  const level = (base: number, opts: readonly string[]) => opts[Math.max(0, Math.min(opts.length - 1, Math.floor((e * 0.7 + r() * 0.6 - base) * opts.length)))] as string;
  const know = ['no', 'somewhat', 'yes'] as const;
  const freq = ['never', 'once_twice', 'several', 'often'] as const;
  const s: Record<string, string | string[]> = {
    P01: level(0.05, know),
    P02: level(0.15, freq),
    P03: level(0.25, know),
    P04: level(0.45, freq),
    P06: level(0.4, know),
    P07: level(0.6, freq),
    P08: level(0.35, ['none', 'little', 'some', 'high']),
  };
  s.P05 = s.P04 === 'never' ? 'did_not_take_part' : level(0.45, ['not_at_all', 'a_little', 'mostly', 'fully']);
  const barriers = (['access', 'cost', 'skills', 'language', 'disability'] as const).filter((_, i) => r() < [0.25, 0.35, 0.3, 0.12, 0.06][i]! * (1.3 - e));
  s.P09 = barriers.length ? [...barriers] : ['none'];
  if (r() < 0.85) s.D1 = pick(r, ['15_24', '25_34', '35_49', '50_64', '65_plus']);
  if (r() < 0.85) s.D2 = pick(r, ['woman', 'man', 'woman', 'man', 'other']);
  if (r() < 0.8) s.D3 = `r${1 + Math.floor(r() * r() * REGIONS.length)}`;
  if (r() < 0.85) s.D4 = r() < 0.62 ? 'urban' : 'rural';
  if (r() < 0.7) s.D5 = r() < 0.09 ? 'yes' : 'no';
  return s;
}

/** Gives the demo assessment its pulse and synthetic answers (once). */
export async function seedDemoPulse(ctx: Ctx, assessmentId: string, coordinatorId: string): Promise<void> {
  const db = ctx.db.kysely;
  let pulse = await findPulseOfAssessment(db, assessmentId);
  if (!pulse) {
    const today = Date.parse(`${ctx.now().toISOString().slice(0, 10)}T00:00:00.000Z`);
    await savePulse(db, {
      id: DEMO_PULSE_ID,
      assessment_id: assessmentId,
      code: DEMO_PULSE_CODE,
      instrument_version: CURRENT_PULSE_VERSION,
      opens_at: new Date(today - 14 * DAY).toISOString(),
      closes_at: new Date(today + 30 * DAY).toISOString(),
      regions: REGIONS,
      codesRequired: false,
      updated_by: coordinatorId,
      updated_at: ctx.now().toISOString(),
    });
    pulse = await findPulseOfAssessment(db, assessmentId);
  }
  if (!pulse || (await countPulseResponses(db, pulse.id)) >= DEMO_PULSE_ANSWERS) return;
  const r = seededRandom(20260415);
  const opened = Date.parse(pulse.opens_at);
  await db.transaction().execute(async (tx) => {
    await deleteSyntheticResponses(tx, pulse.id);
    for (let i = 0; i < DEMO_PULSE_ANSWERS; i++) {
      // Most answers in the first days after the launch, as a campaign goes.
      const at = new Date(opened + Math.floor(r() * r() * 14 * DAY));
      await insertPulseResponse(tx, { id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`, pulseId: pulse.id, hour: `${at.toISOString().slice(0, 13)}:00:00Z`, locale: pick(r, ['ar', 'en', 'es', 'fr', 'ru', 'zh']), answers: syntheticSheet(r), withCode: false, synthetic: true });
    }
  });
}
