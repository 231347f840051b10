// The citizen pulse on real databases: what a submission stores (no personal data, asserted on the schema
// and the stored row), the rate limit across two app instances on one PostgreSQL, duplicate damping,
// closed pulses, one-time codes, the honeypot, small-cell suppression, and the public pages over HTTP.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createContext } from '../src/context.ts';
import { createDb } from '../src/db/index.ts';
import { OPERATOR, type Ctx } from '../src/domain/kernel/context.ts';
import { AppError } from '../src/domain/kernel/errors.ts';
import { generatePulseCodes } from '../src/domain/pulse/generate-pulse-codes.ts';
import { getPulseResults } from '../src/domain/pulse/get-pulse-results.ts';
import { openPulse } from '../src/domain/pulse/open-pulse.ts';
import { PULSE_DEVICE_MAX, PULSE_RATE_MAX, submitPulse } from '../src/domain/pulse/submit-pulse.ts';
import { createLogger } from '../src/lib/log.ts';
import { eachDialect, postgresOnly, type TestEnv } from './env.ts';
import { demoApp } from './support/demo.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { DEMO_PULSE_ANSWERS } from '../src/domain/pulse/seed-demo-pulse.ts';
import { Browser } from './http.ts';

/** A complete, valid answer sheet (the substantive questions; demographics given as asked). */
function sheet(extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return { P01: 'yes', P02: 'often', P03: 'somewhat', P04: 'once_twice', P05: 'did_not_take_part', P06: 'no', P07: 'never', P08: 'some', P09: ['cost', 'skills'], ...extra };
}

const client = (ip: string, ua = 'Mozilla/5.0 test') => ({ ip, userAgent: ua, locale: 'en' });

async function rejects(p: Promise<unknown>, code: string, key: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof AppError && e.code === code && e.messageKey === key);
}

/** The demo with its pulse removed, so these tests count from zero (the demo's own pulse is tested below). */
async function demoWithoutPulse(ctx: Ctx) {
  const d = await demoApp(ctx);
  await ctx.db.kysely.deleteFrom('pulses').execute();
  return d;
}

async function opened(get: () => TestEnv): Promise<{ id: string; code: string; ctx: Ctx }> {
  const { ctx } = get();
  const { id } = await demoWithoutPulse(ctx);
  const { code } = await openPulse(ctx, OPERATOR, id, { opens: '2026-05-01', closes: '2026-06-30', regions: 'North\nSouth\nCapital' });
  return { id, code, ctx };
}

eachDialect('citizen pulse', (get) => {
  let id = '';
  let code = '';
  let ctx: Ctx;
  before(async () => {
    ({ id, code, ctx } = await opened(get));
  });

  test('a submission stores the answers, the language and the hour — no name, e-mail or address column, none in the row', async () => {
    await submitPulse(ctx, code, sheet({ D1: '25_34', D3: 'r2' }), client('203.0.113.7', 'Mozilla/5.0 (Linux; Android 14) unique-agent'));
    const cols = await get().db.kysely.introspection.getTables();
    const table = cols.find((t) => t.name === 'pulse_responses');
    assert.ok(table);
    assert.deepEqual(table.columns.map((c) => c.name).sort(), ['answers_json', 'hour', 'id', 'locale', 'pulse_id', 'synthetic', 'with_code']);
    const rows = await get().db.kysely.selectFrom('pulse_responses').selectAll().execute();
    assert.equal(rows.length, 1);
    const text = JSON.stringify(rows);
    for (const secret of ['203.0.113.7', 'unique-agent', 'Android']) assert.ok(!text.includes(secret), `${secret} is not stored`);
    assert.equal(rows[0]?.hour, '2026-06-01T09:00:00Z');
    assert.deepEqual(JSON.parse(rows[0]?.answers_json as string), sheet({ D1: '25_34', D3: 'r2' }));
    // The counters hold salted hashes, not the address.
    const keys = (await get().db.kysely.selectFrom('login_throttle').select('key').execute()).map((r) => r.key);
    assert.ok(keys.length >= 2 && keys.every((k) => k.startsWith('pulse:') && !k.includes('203.0.113.7')));
  });

  test('incomplete or wrong answers are refused field by field; demographics are never required', async () => {
    const { P02: _drop, ...rest } = sheet();
    await assert.rejects(submitPulse(ctx, code, { ...rest, P01: 'maybe' }, client('198.51.100.1')), (e: unknown) => e instanceof AppError && e.fields.P01 === 'pulse.error.invalid_choice' && e.fields.P02 === 'pulse.error.required' && !('D1' in e.fields));
    await rejects(submitPulse(ctx, code, sheet({ D3: 'r9' }), client('198.51.100.1')), 'invalid_input', 'pulse.error.incomplete');
  });

  test('the honeypot: a filled trap is thanked and dropped', async () => {
    const before = (await get().db.kysely.selectFrom('pulse_responses').select('id').execute()).length;
    const r = await submitPulse(ctx, code, { ...sheet(), website: 'http://spam.example' }, client('198.51.100.2'));
    assert.equal(r.stored, false);
    assert.equal((await get().db.kysely.selectFrom('pulse_responses').select('id').execute()).length, before);
  });

  test('duplicate damping: one device answers at most PULSE_DEVICE_MAX times a day; another browser on the same address may; the next day it may again', async () => {
    for (let i = 0; i < PULSE_DEVICE_MAX; i++) await submitPulse(ctx, code, sheet(), client('198.51.100.3', 'phone-a'));
    await rejects(submitPulse(ctx, code, sheet(), client('198.51.100.3', 'phone-a')), 'throttled', 'pulse.error.duplicate');
    assert.deepEqual(await submitPulse(ctx, code, sheet(), client('198.51.100.3', 'phone-b')), { stored: true });
    get().advance(24 * 3600_000);
    assert.deepEqual(await submitPulse(ctx, code, sheet(), client('198.51.100.3', 'phone-a')), { stored: true });
    // Yesterday's counters are gone after the purge that follows each answer.
    get().advance(30 * 60_000);
    await submitPulse(ctx, code, sheet(), client('198.51.100.4', 'phone-c'));
    const old = await get().db.kysely.selectFrom('login_throttle').select('window_start').where('window_start', '<', '2026-06-02T00:00:00Z').execute();
    assert.equal(old.length, 0);
  });

  test('a closed pulse and one not yet open refuse, with their own message', async () => {
    get().advance(40 * 24 * 3600_000);
    await rejects(submitPulse(ctx, code, sheet(), client('198.51.100.5')), 'gone', 'pulse.error.closed');
    await openPulse(ctx, OPERATOR, id, { opens: '2026-12-01', closes: '2026-12-31', regions: 'North\nSouth\nCapital' });
    await rejects(submitPulse(ctx, code, sheet(), client('198.51.100.5')), 'forbidden', 'pulse.error.not_open');
  });

  test('one-time codes: each works once; without one the pulse refuses', async () => {
    const now = get().ctx.now().toISOString().slice(0, 10);
    await openPulse(ctx, OPERATOR, id, { opens: now, closes: now, regions: 'North\nSouth\nCapital', codesRequired: 'on' });
    const { codes } = await generatePulseCodes(ctx, OPERATOR, id, { count: '3' });
    assert.equal(codes.length, 3);
    assert.ok(codes.every((c) => /^[346789A-Y]{8}$/.test(c)));
    await rejects(submitPulse(ctx, code, sheet(), client('198.51.100.6')), 'invalid_input', 'pulse.error.incomplete');
    const c0 = codes[0] as string;
    assert.deepEqual(await submitPulse(ctx, code, { ...sheet(), code: c0.toLowerCase() }, client('198.51.100.6')), { stored: true });
    await rejects(submitPulse(ctx, code, { ...sheet(), code: c0 }, client('198.51.100.7')), 'conflict', 'pulse.error.code_used');
    const stored = await get().db.kysely.selectFrom('pulse_codes').selectAll().execute();
    assert.ok(stored.every((r) => !codes.includes(r.code_hash)), 'only hashes are stored');
  });

  test('results: nothing but the count below the minimum sample; then distributions, Wilson intervals and suppressed small cells', async () => {
    let r = await getPulseResults(ctx, OPERATOR, id);
    assert.equal(r.enough, false);
    assert.ok(r.questions.every((q) => q.distribution === null));
    assert.equal(r.breakdowns.length, 0);
    assert.ok(r.stages.every((s) => s.citizens === null));
    const now = get().ctx.now().toISOString().slice(0, 10);
    await openPulse(ctx, OPERATOR, id, { opens: now, closes: now, regions: 'North\nSouth\nCapital' });
    // 36 more people: 33 from the capital (r3), 3 from the north (r1): the north cell must be suppressed.
    for (let i = 0; i < 36; i++) await submitPulse(ctx, code, sheet({ D3: i < 3 ? 'r1' : 'r3', P01: i % 2 ? 'yes' : 'no' }), client(`192.0.2.${i}`));
    r = await getPulseResults(ctx, OPERATOR, id);
    assert.equal(r.enough, true);
    const region = r.breakdowns.find((b) => b.question.id === 'D3');
    assert.ok(region);
    assert.deepEqual(region.rows.find((x) => x.value === 'r1'), { value: 'r1', n: null, stages: null });
    assert.equal(region.rows.find((x) => x.value === 'r3')?.n, 33);
    const p01 = r.questions.find((q) => q.question.id === 'P01')?.distribution;
    assert.ok(p01);
    const yes = p01.shares.find((s) => s.option === 'yes');
    assert.ok(yes && yes.low < yes.share && yes.share < yes.high);
    const s = r.stages.find((x) => x.stage === 'e_information');
    assert.ok(s && s.citizens !== null && s.nCitizens === r.total);
    // Government and non-government come from the demo's self-assessment (both sides answer stage E).
    assert.ok(s.government !== null && s.nonGovernment !== null);
  });
});

postgresOnly('citizen pulse across instances', (get) => {
  test('the rate limit holds across two app instances on one database', async () => {
    const { code, ctx } = await opened(get);
    // A second instance: its own connection pool and context on the same database.
    const db2 = createDb(get().ctx.config.database);
    const ctx2 = createContext({ db: db2, config: ctx.config, log: createLogger('silent'), now: () => ctx.now() });
    try {
      let accepted = 0;
      let refused = 0;
      // Different browsers (no duplicate damping), one address, alternating instances, in parallel pairs.
      for (let i = 0; i < PULSE_RATE_MAX + 10; i += 2) {
        const rs = await Promise.allSettled([submitPulse(ctx, code, sheet(), client('203.0.113.50', `ua-${i}`)), submitPulse(ctx2, code, sheet(), client('203.0.113.50', `ua-${i + 1}`))]);
        for (const x of rs) {
          if (x.status === 'fulfilled') accepted++;
          else if (x.reason instanceof AppError && x.reason.messageKey === 'pulse.error.too_many') refused++;
          else throw x.reason;
        }
      }
      assert.equal(accepted, PULSE_RATE_MAX);
      assert.equal(refused, 10);
    } finally {
      await ctx2.bus.close();
      await db2.close();
    }
  });
});

eachDialect('citizen pulse over HTTP', (get) => {
  let id = '';
  let code = '';
  let app: Awaited<ReturnType<typeof demoApp>>['app'];
  let as: Awaited<ReturnType<typeof demoApp>>['as'];
  before(async () => {
    const d = await demoWithoutPulse(get().ctx);
    ({ id, app, as } = d);
    const coordinator = await as('coordinator@demo.metep.example');
    const r = await coordinator.post(`/assessments/${id}/pulse`, { opens: '2026-05-01', closes: '2026-06-30', regions: 'North\nSouth' });
    assert.equal(r.status, 303);
    const admin = await coordinator.get(`/assessments/${id}/pulse`);
    assert.equal(admin.status, 200);
    code = /\/p\/([0-9A-Z]{6})/.exec(admin.text)?.[1] ?? '';
    assert.ok(code, 'the coordinator page shows the public link');
    assert.match(admin.text, /<svg[^>]+role="img"/, 'with its QR code');
  });

  test('anyone opens the pulse signed out: a plain form without script, in the chosen language', async () => {
    const b = new Browser(app);
    const r = await b.get(`/p/${code}`, { 'accept-language': 'ar' });
    assert.equal(r.status, 200);
    assert.match(r.text, /<html lang="ar" dir="rtl"/);
    assert.match(r.text, /<form method="post" action="\/p\/[0-9A-Z]{6}">/);
    assert.doesNotMatch(r.text, /<script/);
    assert.match(r.text, /هل تعرف أين تجد المعلومات الرسمية/);
    assert.match(r.text, /name="website"/);
  });

  test('an incomplete answer comes back with what was chosen still chosen and the reason per question', async () => {
    const b = new Browser(app);
    const r = await b.post(`/p/${code}`, { P01: 'yes', P02: 'often' }, { 'accept-language': 'fr' });
    assert.equal(r.status, 400);
    assert.match(r.text, /Il manque des réponses/);
    assert.match(r.text, /id="q-P01-yes" name="P01" value="yes" checked=""/);
    assert.match(r.text, /id="q-P03-err"/);
  });

  test('a complete answer is recorded and thanked; a post from another site is refused', async () => {
    const b = new Browser(app);
    const form = { ...(sheet() as Record<string, string>), P09: 'cost' };
    const r = await b.post(`/p/${code}`, form);
    assert.equal(r.status, 303);
    assert.equal(r.location, `/p/${code}/thanks`);
    assert.equal((await b.get(r.location)).status, 200);
    const evil = await new Browser(app).post(`/p/${code}`, form, { origin: 'http://evil.example' });
    assert.equal(evil.status, 403);
  });

  test('the poster is in the language of its address and carries the QR code', async () => {
    const r = await new Browser(app).get(`/p/${code}/poster/zh`, { 'accept-language': 'en' });
    assert.equal(r.status, 200);
    assert.match(r.text, /<html lang="zh"/);
    assert.match(r.text, /扫描二维码/);
    assert.match(r.text, /<svg[^>]+aria-label="公民脉搏问卷的二维码"/);
    assert.equal((await new Browser(app).get(`/p/NOPE99`)).status, 404);
  });

  test('results: the section on the results page, the pulse results page, the API and the exports', async () => {
    const observer = await as('observer@demo.metep.example');
    const page = await observer.get(`/assessments/${id}/results`);
    assert.equal(page.status, 200);
    assert.match(page.text, /id="citizens"/);
    const api = await observer.get(`/api/v1/assessments/${id}/pulse`);
    assert.equal(api.status, 200);
    const j = JSON.parse(api.text) as { responses: number; stages: { stage: string }[] };
    assert.equal(j.responses, 1);
    assert.deepEqual(j.stages.map((s) => s.stage), ['e_information', 'e_consultation', 'e_decision_making']);
    const json = JSON.parse((await observer.get(`/assessments/${id}/results.json`)).text) as { citizens: { responses: number } };
    assert.equal(json.citizens.responses, 1);
    assert.match((await observer.get(`/assessments/${id}/results.csv`)).text, /stage_comparison,e_information,government,/);
    assert.equal((await observer.get(`/assessments/${id}/pulse/results`)).status, 200);
    // Only the coordinator manages the pulse.
    assert.equal((await observer.get(`/assessments/${id}/pulse`)).status, 403);
  });
});

eachDialect('the demo citizen pulse', (get) => {
  test('Demoland gets a pulse with a few hundred synthetic answers, marked synthetic; seeding again changes nothing', async () => {
    const { ctx } = get();
    const first = await seedDemo(ctx);
    const rows = async () => get().db.kysely.selectFrom('pulse_responses').select(['id', 'answers_json', 'synthetic']).orderBy('id').execute();
    const before = await rows();
    assert.equal(before.length, DEMO_PULSE_ANSWERS);
    assert.ok(before.every((r) => Number(r.synthetic) === 1));
    await seedDemo(ctx);
    assert.deepEqual(await rows(), before);
    const r = await getPulseResults(ctx, OPERATOR, first.assessmentId);
    assert.equal(r.synthetic, DEMO_PULSE_ANSWERS);
    assert.ok(r.enough);
    const [info = 0, consult = 0, decide = 0] = r.stages.map((s) => s.citizens as number);
    assert.ok(info > consult && consult > decide, `people know e-information best: ${info}, ${consult}, ${decide}`);
  });
});
