// Use case: a populated demo assessment for a fictional country ("Demoland", code XDM) — a coordinator, a
// facilitator, an observer, a programme officer for Demoland and 12 respondents from different stakeholder groups who have answered with
// plausible, varied answers (disagreements, government optimism, evidence, comments), and the validated
// previous cycle (2024) to compare with, a fictional UN E-Government Survey history, and a citizen pulse
// with a few hundred synthetic answers (marked synthetic). The current cycle
// uses the newest published METEP version (2026.2); the 2024 cycle stays on 2026.1, as a real country's
// earlier cycle would, so the comparison goes through the crosswalk between the two. Idempotent: a
// second run changes no data; it only issues fresh passwords for the demo accounts.
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { upsertAnswers, submitResponse, touchResponse, insertEvidence } from '../../db/repositories/answers.ts';
import { insertAssessment, insertMembership, insertOrganisation } from '../../db/repositories/assessments.ts';
import { findInstrument, latestInstrument, type InstrumentRow } from '../../db/repositories/instruments.ts';
import { findUserByEmail, insertUser, setPasswordHash } from '../../db/repositories/users.ts';
import { insertProgrammeCountries } from '../../db/repositories/programme.ts';
import { allItems } from '../../instrument/model.ts';
import type { TItem } from '../../instrument/schema.ts';
import { seededRandom } from '../../scoring/prng.ts';
import type { TValue } from '../../scoring/types.ts';
import { insertConsensus } from '../../db/repositories/workshop.ts';
import type { Database } from '../../db/schema.ts';
import { audit } from '../kernel/audit.ts';
import type { Ctx } from '../kernel/context.ts';
import { ensureBundledInstrument } from '../instruments/ensure-bundled-instrument.ts';
import type { TGroup } from '../kernel/groups.ts';
import { instrumentById } from '../instruments/get-instrument.ts';
import { seedDemoBenchmarks } from '../benchmarks/seed-demo-benchmarks.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { newId } from '../../lib/tokens.ts';
import { seedDemoPlan } from '../plans/seed-demo-plan.ts';
import { seedDemoPulse } from '../pulse/seed-demo-pulse.ts';

/** The fictional country code used by the demo (ISO 3166 reserves X-codes for user assignment). */
export const DEMO_COUNTRY = 'XDM';
const DEMO_ID = '00000000-0000-4000-8000-000000000de0';
const DEMO_PREVIOUS_ID = '00000000-0000-4000-8000-000000000de4';
/** The METEP version of the demo's validated 2024 cycle (the current cycle uses the newest published one). */
export const DEMO_PREVIOUS_VERSION = '2026.1';
/** Items on which government and civil society disagree in the demo (they exist in both versions). */
export const CONTESTED = ['A.03', 'B.07', 'D.03', 'F.04', 'G.02', 'G.05'];

const ORGS: { name: string; group: TGroup; bias: number }[] = [
  { name: 'Ministry of Digital Affairs', group: 'central_government', bias: 0.8 },
  { name: 'Ministry of Finance', group: 'central_government', bias: 0.5 },
  { name: 'Public Service Commission', group: 'central_government', bias: 0.4 },
  { name: 'National Assembly Secretariat', group: 'parliament', bias: 0.3 },
  { name: 'Association of Municipalities', group: 'local_government', bias: 0 },
  { name: 'Capital City Council', group: 'local_government', bias: 0.2 },
  { name: 'Open Government Network', group: 'civil_society', bias: -0.7 },
  { name: 'Disability Rights Union', group: 'civil_society', bias: -0.9 },
  { name: 'State University, School of Governance', group: 'academia', bias: -0.3 },
  { name: 'Chamber of ICT Companies', group: 'private_sector', bias: -0.1 },
  { name: 'Independent Journalists Association', group: 'media', bias: -0.6 },
  { name: 'UN Country Team', group: 'international_org', bias: -0.2 },
];
const NAMES = ['Amina Haddad', 'Jorge Ramírez', 'Li Wei', 'Olga Ivanova', 'Kwame Mensah', 'Sophie Martin', 'Fatima Zahra', 'Daniel Okoro', 'Mei Chen', 'Pedro Alves', 'Nadia Karimova', 'Samuel Kiptoo'];

// A plausible answer: the item's "true" maturity (0–4), moved by the organisation's optimism and noise.
function answerFor(item: TItem, truth: number, bias: number, r: () => number): TValue | null {
  if (item.type === 'text') return r() < 0.5 ? { kind: 'text', text: 'In 2025 the online consultation on the draft Access to Information Regulation received 1,240 comments; the ministry published a response table and changed two articles.' } : null;
  if (r() < 0.07) return { kind: 'excluded', reason: r() < 0.8 ? 'dont_know' : 'not_applicable' };
  const level = Math.max(0, Math.min(4, Math.round(truth + bias + (r() - 0.5) * 1.6)));
  switch (item.type) {
    case 'level':
      return { kind: 'level', level };
    case 'status':
      return { kind: 'status', status: level >= 3 ? 'yes' : level >= 1.5 ? 'partly' : 'no' };
    case 'checklist':
      return { kind: 'checklist', checked: item.options.filter(() => r() < 0.15 + level * 0.18).map((o) => o.id) };
    case 'number':
      return { kind: 'number', number: level === 0 ? 0 : Math.round(((item.thresholds[level - 1] ?? 1) + (item.thresholds[Math.min(level, 3)] ?? 1)) / 2) };
  }
}

/** Demo accounts and the one-time passwords just set for them. */
export interface TDemoResult {
  assessmentId: string;
  created: boolean;
  accounts: { role: string; email: string; password: string }[];
}

/** Creates (once) and returns the demo assessment. */
export async function seedDemo(ctx: Ctx): Promise<TDemoResult> {
  await ensureBundledInstrument(ctx);
  // Demoland's fictional E-Government Survey history, so the demo shows the benchmarks and calibration.
  await seedDemoBenchmarks(ctx);
  const db = ctx.db.kysely;
  const password = randomBytes(9).toString('base64url');
  const hash = await hashPassword(password);
  const at = ctx.now().toISOString();
  const people = [
    { role: 'coordinator', email: 'coordinator@demo.metep.example', name: 'Rania Coordinator' },
    { role: 'facilitator', email: 'facilitator@demo.metep.example', name: 'Tomas Facilitator' },
    { role: 'observer', email: 'observer@demo.metep.example', name: 'Ines Observer' },
    ...NAMES.map((name, i) => ({ role: 'respondent', email: `respondent${i + 1}@demo.metep.example`, name })),
    // A programme officer for Demoland, with no role in its assessments: the programme view has data.
    { role: 'programme', email: 'programme@demo.metep.example', name: 'Paz Programme Officer' },
  ];
  const existing = new Set((await db.selectFrom('assessments').select('id').where('id', 'in', [DEMO_ID, DEMO_PREVIOUS_ID]).execute()).map((r) => r.id));
  const ids = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const p of people) {
      const u = await findUserByEmail(trx, p.email);
      if (u) {
        await setPasswordHash(trx, u.id, hash);
        ids.set(p.email, u.id);
      } else {
        const id = newId();
        await insertUser(trx, { id, email: p.email, name: p.name, passwordHash: hash, isAdmin: false, isCoordinator: p.role === 'coordinator', locale: null, disabled: false, createdAt: at });
        ids.set(p.email, id);
        if (p.role === 'programme') {
          await insertProgrammeCountries(trx, id, [DEMO_COUNTRY], 'operator', at);
          await audit(trx, { at, actorId: 'operator', action: 'programme.grant', entityType: 'user', entityId: id, before: { countries: [] }, after: { countries: [DEMO_COUNTRY] } });
        }
      }
    }
  });
  const accounts = people.filter((p, i) => p.role !== 'respondent' || i < 5).map((p) => ({ role: p.role, email: p.email, password }));
  if (existing.has(DEMO_ID) && existing.has(DEMO_PREVIOUS_ID)) {
    await seedDemoPlan(ctx, DEMO_PREVIOUS_ID, people[0]!.email);
    await seedDemoPulse(ctx, DEMO_ID, ids.get(people[0]!.email)!);
    return { assessmentId: DEMO_ID, created: false, accounts };
  }

  const currentRow = await latestInstrument(db, 'metep', true);
  const previousRow = await findInstrument(db, 'metep', DEMO_PREVIOUS_VERSION);
  if (!currentRow || !previousRow) throw new Error('the bundled instrument versions are missing');
  // Read before the transaction: on SQLite a query outside it would wait for it to end.
  const itemsOf = new Map<string, TItem[]>();
  for (const row of [currentRow, previousRow]) itemsOf.set(row.id, allItems(await instrumentById(ctx, row.id)).map(({ item }) => item));
  const creator = ids.get(people[0]!.email)!;
  // One cycle of answers on one instrument version. Seeded, so every demo has the same answers.
  const seedCycle = async (trx: Transaction<Database>, c: { id: string; year: number; state: 'collecting' | 'validated'; seed: number; shift: number; unfinished: boolean; instRow: InstrumentRow }) => {
    const instRow = c.instRow;
    // An earlier cycle happened in its own year: its dates (opened, answered, submitted) are that year's,
    // so its report does not say it started after its deadline.
    const when = c.state === 'validated' ? `${c.year}-09-15T09:00:00.000Z` : at;
    const items = itemsOf.get(instRow.id) ?? [];
    const r = seededRandom(c.seed);
    const truth = new Map(items.map((it) => [it.id, Math.max(0, Math.min(4, c.shift + 1 + r() * 2.6 + (it.id.startsWith('E') ? 0.6 : it.id.startsWith('G') ? -0.6 : 0)))]));
    await insertAssessment(trx, { id: c.id, country: DEMO_COUNTRY, scope: null, cycle_year: c.year, instrument_id: instRow.id, target_index: 0.6, deadline: c.state === 'collecting' ? '2026-12-15' : `${c.year}-11-30`, state: c.state, anonymise: 0, room_item: null, created_by: creator, created_at: when, updated_at: when });
    for (const p of people.slice(0, 3)) await insertMembership(trx, { id: newId(), assessment_id: c.id, user_id: ids.get(p.email)!, role: p.role as 'coordinator', organisation_id: null, created_at: when });
    for (const [i, org] of ORGS.entries()) {
      const orgId = newId();
      await insertOrganisation(trx, { id: orgId, assessment_id: c.id, name: org.name, group_code: org.group, created_at: when });
      const person = people[i + 3]!;
      const userId = ids.get(person.email)!;
      await insertMembership(trx, { id: newId(), assessment_id: c.id, user_id: userId, role: 'respondent', organisation_id: orgId, created_at: when });
      // Two respondents are still working: they stop part-way through.
      const upTo = c.unfinished && i === 4 ? 30 : c.unfinished && i === 10 ? 52 : items.length;
      const rows = [];
      for (const item of items.slice(0, upTo)) {
        // A few items are genuinely contested: government and civil society pull apart.
        const contested = CONTESTED.includes(item.id) ? org.bias * 2 : org.bias;
        const v = answerFor(item, truth.get(item.id) ?? 2, contested, r);
        if (!v) continue;
        const comment = r() < 0.08 ? (org.bias < 0 ? 'In practice this applies only in the capital; rural users are rarely reached.' : 'See the annual report of the lead agency for details.') : null;
        rows.push({ assessment_id: c.id, user_id: userId, item_id: item.id, value_json: JSON.stringify(v), comment, updated_at: when });
        if (v.kind !== 'excluded' && v.kind !== 'text' && r() < 0.35) {
          await insertEvidence(trx, { id: newId(), assessment_id: c.id, user_id: userId, item_id: item.id, kind: 'link', title: `${item.id} source document`, url: `https://example.org/demoland/${item.id.toLowerCase()}`, file_id: null, created_at: when });
        }
      }
      await upsertAnswers(trx, rows);
      if (upTo === items.length) await submitResponse(trx, c.id, userId, when);
      else await touchResponse(trx, c.id, userId, when);
    }
  };
  await db.transaction().execute(async (trx) => {
    if (!existing.has(DEMO_ID)) await seedCycle(trx, { id: DEMO_ID, year: 2026, state: 'collecting', seed: 2026, shift: 0, unfinished: true, instRow: currentRow });
    // The previous cycle, validated, so results compare with it; its workshop settled the contested items.
    // (Added on its own to demos created before it existed.)
    if (!existing.has(DEMO_PREVIOUS_ID)) {
      await seedCycle(trx, { id: DEMO_PREVIOUS_ID, year: 2024, state: 'validated', seed: 2024, shift: -0.5, unfinished: false, instRow: previousRow });
      const items = itemsOf.get(previousRow.id) ?? [];
      for (const [n, itemId] of CONTESTED.entries()) {
        const item = items.find((i) => i.id === itemId);
        const value: TValue | null = item?.type === 'level' ? { kind: 'level', level: 1 + (n % 2) } : item?.type === 'status' ? { kind: 'status', status: 'partly' } : null;
        if (!value) continue;
        await insertConsensus(trx, { id: newId(), assessment_id: DEMO_PREVIOUS_ID, item_id: itemId, revision: 1, value_json: JSON.stringify(value), rationale: 'Government and civil society agreed on the documented practice, not on plans.', dissent: n === 0 ? 'The Open Government Network considers this too generous.' : null, decided_by: ids.get(people[1]!.email)!, decided_at: at });
      }
    }
    await audit(trx, { at, actorId: 'operator', action: 'demo.create', entityType: 'assessment', entityId: DEMO_ID });
  });
  // The 2024 cycle's adopted action plan with progress, so the 2026 cycle shows its before/after.
  await seedDemoPlan(ctx, DEMO_PREVIOUS_ID, people[0]!.email);
  await seedDemoPulse(ctx, DEMO_ID, creator);
  return { assessmentId: DEMO_ID, created: true, accounts };
}
