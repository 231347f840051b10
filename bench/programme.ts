// The programme view over many assessments: the demo's validated 2024 cycle copied `N` times (default 200)
// to as many UN Member States — 12 respondents × the 2026.1 items each — half published, half still
// collecting; then the view as an administrator sees it, cold (every result computed) and warm (twice more),
// and the open-data export. Wall time per call. SQLite, or PostgreSQL with BENCH_DATABASE_URL.
// Usage: npx tsx bench/programme.ts [assessments]
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { getProgrammeView } from '../src/domain/programme/get-programme-view.ts';
import { UN_MEMBER_STATES } from '../src/i18n/un-countries.ts';
import { newId } from '../src/lib/tokens.ts';
import { demoDatabase } from './setup.ts';

const N = Number(process.argv[2] ?? 200);
const PREVIOUS = '00000000-0000-4000-8000-000000000de4';

const d = await demoDatabase();
const db = d.ctx.db.kysely;
const src = await db.selectFrom('assessments').selectAll().where('id', '=', PREVIOUS).executeTakeFirstOrThrow();
const orgs = await db.selectFrom('organisations').selectAll().where('assessment_id', '=', PREVIOUS).execute();
const members = await db.selectFrom('memberships').selectAll().where('assessment_id', '=', PREVIOUS).execute();
const answers = await db.selectFrom('answers').selectAll().where('assessment_id', '=', PREVIOUS).execute();
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('assessments').values({ ...src, id, country: UN_MEMBER_STATES[i % UN_MEMBER_STATES.length] as string, cycle_year: i % 2 ? 2026 : 2024, state: i % 2 ? 'collecting' : 'published' }).execute();
    const orgId = new Map<string, string>();
    for (const o of orgs) {
      orgId.set(o.id, newId());
      await trx.insertInto('organisations').values({ ...o, id: orgId.get(o.id) as string, assessment_id: id }).execute();
    }
    for (const m of members) await trx.insertInto('memberships').values({ ...m, id: newId(), assessment_id: id, organisation_id: m.organisation_id ? (orgId.get(m.organisation_id) ?? null) : null }).execute();
    // Answers shifted a little per copy, so no two assessments have the same results.
    const rows = answers.map((a, k) => (k % (i + 2) === 0 ? { ...a, assessment_id: id, value_json: JSON.stringify({ kind: 'excluded', reason: 'dont_know' }) } : { ...a, assessment_id: id }));
    for (let k = 0; k < rows.length; k += 200) await trx.insertInto('answers').values(rows.slice(k, k + 200)).execute();
  });
}
console.log(`${d.dialect}: ${N} assessments copied in ${Math.round(performance.now() - t0)} ms`);

const time = async (label: string, f: () => Promise<unknown>) => {
  const cpu = process.cpuUsage();
  const s = performance.now();
  await f();
  const c = process.cpuUsage(cpu);
  console.log(`${label}: ${Math.round(performance.now() - s)} ms wall, ${Math.round((c.user + c.system) / 1000)} ms CPU`);
};
let rows = 0;
await time('view, cold', async () => (rows = (await getProgrammeView(d.ctx, OPERATOR)).rows.length));
await time('view, warm', () => getProgrammeView(d.ctx, OPERATOR));
await time('view, warm again', () => getProgrammeView(d.ctx, OPERATOR));
await time('view, published only (the export)', () => getProgrammeView(d.ctx, OPERATOR, { state: 'published' }));
await time('view, one cycle (2026: the collecting half)', () => getProgrammeView(d.ctx, OPERATOR, { cycle: 2026 }));
console.log(`${rows} rows`);
await d.ctx.db.close?.();
await d.cleanup();
process.exit(0);
