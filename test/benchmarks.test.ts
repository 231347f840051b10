// UN E-Government Survey benchmarks on real databases: the bundled editions, the Data Center importer (all or
// nothing, row-numbered problems, replace, dry run, skip, XLSX, audit), country profiles, the calibration of
// results, and the pages and API.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { ensureBundledBenchmarks } from '../src/domain/benchmarks/ensure-bundled-benchmarks.ts';
import { getCountryProfile } from '../src/domain/benchmarks/get-country-profile.ts';
import { BenchmarksRejected, importBenchmarks } from '../src/domain/benchmarks/import-benchmarks.ts';
import { listBenchmarkEditions } from '../src/domain/benchmarks/list-benchmark-editions.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { AppError } from '../src/domain/kernel/errors.ts';
import { computeResults } from '../src/domain/results/compute-results.ts';
import { createApp } from '../src/http/app.tsx';
import { resultsCsv, resultsJson } from '../src/reports/results-export.ts';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';

/** A file in the Data Center's layout (EGOV_DATA_<year>.csv). */
function dataCenterCsv(year: number, rows: (string | number)[][]): Buffer {
  const head = 'Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,Online Service Index,Human Capital Index,Telecommunication Infrastructure Index';
  const q = (v: string | number) => (typeof v === 'string' && /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  return Buffer.from(`${head}\r\n${rows.map((r) => [year, ...r].map(q).join(',')).join('\r\n')}\r\n`);
}

const GOOD: (string | number)[][] = [
  ['Denmark', 1, 0.9847, 1, 0.9979, 0.9559, 1],
  ['Türkiye', 27, 0.8913, 0.8904, 0.8924, 0.8563, 0.9253],
  ["Côte d'Ivoire", 120, 0.5587, 0.4658, 0.5712, 0.4567, 0.6483],
  ['Republic of Korea', 4, 0.9679, 0.9863, 0.9836, 0.9202, 1],
  ['Bolivia (Plurinational State of)', 95, 0.6467, 0.3425, 0.5814, 0.7689, 0.5897],
  ['Iran (Islamic Republic of)', 64, 0.7387, 0.2877, 0.6214, 0.8102, 0.7846],
  ['United Republic of Tanzania', 126, 0.5476, 0.5616, 0.6841, 0.4098, 0.5489],
  ['Kenya', 103, 0.6536, 0.589, 0.7821, 0.5312, 0.6475],
  ['Somalia', 191, 0.1284, 0, 0.1571, '', 0.0912],
];

eachDialect('benchmarks', (get) => {
  test('the bundled editions 2010–2024 load once at start, with their source, and again never', async () => {
    const { ctx } = get();
    assert.deepEqual(await ensureBundledBenchmarks(ctx), [2010, 2012, 2014, 2016, 2018, 2022, 2024]);
    assert.deepEqual(await ensureBundledBenchmarks(ctx), []);
    const editions = await listBenchmarkEditions(ctx, OPERATOR);
    assert.deepEqual(editions.map((e) => [e.year, e.countries, e.origin]), [[2024, 193], [2022, 193], [2018, 193], [2016, 193], [2014, 193], [2012, 193], [2010, 192]].map(([y, n]) => [y, n, 'bundled']));
    assert.match(editions[0]?.source ?? '', /United Nations E-Government Survey 2024/);
    const n = await ctx.db.kysely.selectFrom('benchmark_values').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1350);
  });

  test('a Data Center file with two bad rows is refused with their row numbers, and nothing is imported', async () => {
    const { ctx } = get();
    const bad = dataCenterCsv(2026, [...GOOD.slice(0, 3), ['Narnia', 50, 0.5, 0.5, 0.5, 0.5, 0.5], ...GOOD.slice(3, 6), ['Ghana', 108, 0.6317, 1.2, 0.6913, 0.6156, 0.5882], ...GOOD.slice(6)]);
    const before = await ctx.db.kysely.selectFrom('benchmark_values').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await assert.rejects(importBenchmarks(ctx, OPERATOR, bad, { fileName: 'EGOV_DATA_2026.csv' }), (e: unknown) => {
      assert.ok(e instanceof BenchmarksRejected);
      // Row 1 is the header: Narnia is on row 5, the EPI of 1.2 on row 9.
      assert.deepEqual(e.problems.map((p) => [p.row, p.key]), [[5, 'bm.problem.unknown_country'], [9, 'bm.problem.out_of_range']]);
      assert.equal(e.problems[1]?.params.column, 'E-Participation Index');
      return true;
    });
    const after = await ctx.db.kysely.selectFrom('benchmark_values').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
    assert.ok(!(await listBenchmarkEditions(ctx, OPERATOR)).some((e) => e.year === 2026));
    // A duplicate country names the row it first appeared on.
    await assert.rejects(importBenchmarks(ctx, OPERATOR, dataCenterCsv(2026, [GOOD[0]!, GOOD[1]!, ['Turkey', 27, 0.89, 0.89, 0.89, 0.85, 0.92]]), { fileName: 'dup.csv' }), (e: unknown) => {
      assert.ok(e instanceof BenchmarksRejected);
      assert.deepEqual(e.problems.map((p) => [p.row, p.key, p.params.first]), [[4, 'bm.problem.duplicate_country', 3]]);
      return true;
    });
  });

  test('a correct file imports (UN name variants mapped), is in the audit log, and a second import needs --replace', async () => {
    const { ctx } = get();
    const file = dataCenterCsv(2026, GOOD);
    const dry = await importBenchmarks(ctx, OPERATOR, file, { fileName: 'EGOV_DATA_2026.csv', dryRun: true });
    assert.deepEqual([dry.year, dry.countries, dry.stored], [2026, 9, false]);
    assert.ok(!(await listBenchmarkEditions(ctx, OPERATOR)).some((e) => e.year === 2026), 'a dry run stores nothing');
    const r = await importBenchmarks(ctx, OPERATOR, file, { fileName: 'EGOV_DATA_2026.csv' });
    assert.deepEqual([r.year, r.countries, r.replaced, r.stored], [2026, 9, false, true]);
    const rows = await ctx.db.kysely.selectFrom('benchmark_values').selectAll().where('year', '=', 2026).orderBy('iso3').execute();
    assert.deepEqual(rows.map((x) => x.iso3), ['BOL', 'CIV', 'DNK', 'IRN', 'KEN', 'KOR', 'SOM', 'TUR', 'TZA']);
    const som = rows.find((x) => x.iso3 === 'SOM');
    assert.equal(som?.hci, null, 'a blank is "not available"');
    assert.equal(Number(som?.epi), 0);
    const audit = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'benchmarks.import').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.entity_id, '2026');
    assert.deepEqual(JSON.parse(audit[0]?.after_json ?? '{}').countries, 9);
    await assert.rejects(importBenchmarks(ctx, OPERATOR, file, { fileName: 'again.csv' }), (e: unknown) => e instanceof AppError && e.code === 'conflict' && e.messageKey === 'bm.error.edition_exists');
    // Replacing with a corrected file: the old figures go, the audit keeps both counts.
    const replaced = await importBenchmarks(ctx, OPERATOR, dataCenterCsv(2026, GOOD.slice(0, 8)), { fileName: 'EGOV_DATA_2026_v2.csv', replace: true });
    assert.deepEqual([replaced.countries, replaced.replaced], [8, true]);
    const last = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'benchmarks.import').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual([JSON.parse(last.before_json ?? '{}').countries, JSON.parse(last.after_json ?? '{}').countries], [9, 8]);
    // Only administrators import.
    await assert.rejects(importBenchmarks(ctx, { ...OPERATOR, id: 'u', isAdmin: false }, file, { fileName: 'x.csv', replace: true }), (e: unknown) => e instanceof AppError && e.code === 'forbidden');
  });

  test('--skip-invalid imports the good rows and reports the others; XLSX works like CSV', async () => {
    const { ctx } = get();
    const r = await importBenchmarks(ctx, OPERATOR, dataCenterCsv(2028, [GOOD[0]!, ['Atlantis', 1, 0.5, 0.5, 0.5, 0.5, 0.5], GOOD[7]!]), { fileName: 'x.csv', skipInvalid: true });
    assert.deepEqual([r.countries, r.skipped.map((p) => p.row)], [2, [3]]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('EGOV_DATA_2030');
    ws.addRow(['Country Name', 'E-Government Rank', 'E-Government Index', 'E-Participation Index', 'Online Service Index', 'Human Capital Index', 'Telecommunication Infrastructure Index']);
    ws.addRow(['Viet Nam', 71, 0.7709, 0.6301, 0.7837, 0.7017, 0.8273]);
    ws.addRow(['Kenya', 103, 0.6536, 0.589, 0.7821, 0.5312, 0.6475]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await assert.rejects(importBenchmarks(ctx, OPERATOR, xlsx, { fileName: 'x.xlsx' }), (e: unknown) => e instanceof BenchmarksRejected && e.problems[0]?.key === 'bm.problem.no_year');
    const x = await importBenchmarks(ctx, OPERATOR, xlsx, { fileName: 'EGOV_DATA_2030.xlsx', edition: 2030 });
    assert.deepEqual([x.year, x.countries], [2030, 2]);
  });

  test('a country profile: ranks and percentiles per edition, peers by region, group and a custom list; the demo is fictional and counts for nobody', async () => {
    const { ctx } = get();
    const before = await getCountryProfile(ctx, 'KEN', { edition: '2024' });
    await seedDemo(ctx);
    const ken = await getCountryProfile(ctx, 'ken', { edition: '2024', peers: 'custom', custom: 'Rwanda, UGA, Narnia' });
    assert.deepEqual(ken.series.map((s) => s.year), [2010, 2012, 2014, 2016, 2018, 2022, 2024, 2026, 2028, 2030]);
    const y2024 = ken.series.find((s) => s.year === 2024);
    assert.deepEqual([y2024?.egdiRank, y2024?.epiOf, y2024?.egdiGroup], [109, 193, 'high']);
    assert.equal(y2024?.epiPercentile, before.series.find((s) => s.year === 2024)?.epiPercentile, 'the fictional Demoland changes no real percentile');
    assert.deepEqual(ken.groups.map((g) => [g.kind, g.code, g.members.length]), [['world', null, 193], ['region', '002', 54], ['subregion', '014', 18], ['group', 'high', 62], ['custom', null, 3]]);
    assert.deepEqual(ken.custom.unknown, ['Narnia']);
    assert.equal(ken.peers, 'custom');
    assert.deepEqual(ken.table.map((r) => r.iso3).sort(), ['KEN', 'RWA', 'UGA']);
    const xdm = await getCountryProfile(ctx, 'XDM', {});
    assert.equal(xdm.fictional, true);
    assert.equal(xdm.m49, undefined);
    assert.equal(xdm.peers, 'group', 'no M49 region: peers by EGDI group');
    assert.ok(!xdm.groups.find((g) => g.kind === 'world')?.members.some((m) => m.iso3 === 'XDM'));
    await assert.rejects(getCountryProfile(ctx, 'ZZZ'), (e: unknown) => e instanceof AppError && e.code === 'not_found');
  });

  test('results carry the calibration against the EPI, with its trend, in JSON and CSV', async () => {
    const { ctx } = get();
    const demo = await seedDemo(ctx);
    const res = await computeResults(ctx, OPERATOR, demo.assessmentId);
    const c = res.calibration;
    assert.ok(c);
    assert.deepEqual([c.edition, c.lagYears, c.fictional, c.method, c.peers], [2024, 2, true, 'scale', 0]);
    const partII = res.scores.parts.find((p) => p.id === 'II')?.score as number;
    assert.equal(c.partII, partII);
    assert.ok(Math.abs((c.gap as number) - (partII - (c.epiPercentile as number))) < 1e-12);
    assert.deepEqual(c.trend.cycles.map((x) => [x.year, x.provisional]), [[2024, false], [2026, true]]);
    assert.deepEqual(c.trend.editions.map((x) => x.year), [2010, 2012, 2014, 2016, 2018, 2022, 2024]);
    const j = resultsJson(res);
    assert.equal(j.calibration?.edition, 2024);
    assert.equal(j.calibration?.reading, c.reading);
    const csv = resultsCsv(res);
    assert.match(csv, new RegExp(`calibration,EPI,gap,${j.calibration?.gap}\\r\\n`));
    assert.match(csv, /trend_cycle,2024,partII,/);
  });

  test('pages: the profile and list are public in every language, the API gives JSON, editions are for administrators', async () => {
    const { ctx } = get();
    const app = createApp(ctx);
    const anon = new Browser(app, 'http://metep.test', { 'accept-language': 'ar' });
    let r = await anon.get('/countries/KEN');
    assert.equal(r.status, 200);
    assert.match(r.text, /<html lang="ar" dir="rtl">/);
    assert.match(r.text, /كينيا/);
    assert.equal((r.text.match(/<svg /g) ?? []).length, 2, 'over time, among peers');
    assert.equal((r.text.match(/<svg [^>]*direction="rtl"/g) ?? []).length, 2, 'both charts drawn right to left');
    assert.doesNotMatch(r.text, /\sstyle=|<script(?![^>]*\bsrc=)/);
    r = await new Browser(app).get('/countries/XDM?peers=world&index=egdi&edition=nonsense');
    assert.equal(r.status, 200);
    assert.match(r.text, /fictional country/);
    r = await new Browser(app).get('/countries');
    assert.match(r.text, /Kenya/);
    assert.equal((await new Browser(app).get('/countries/ZZZ')).status, 404);
    r = await new Browser(app).get('/api/v1/countries/KEN');
    assert.equal(r.status, 200);
    const api = JSON.parse(r.text);
    assert.deepEqual([api.country, api.subregion, api.editions.find((e: { year: number }) => e.year === 2024).egdiRank], ['KEN', '014', 109]);
    assert.equal((await new Browser(app).get('/admin/benchmarks')).status, 303, 'signed out: to the sign-in page');
    await createUser(ctx, OPERATOR, { name: 'Ada Admin', email: 'ada@example.org', password: 'ada has a long password', isAdmin: true });
    await createUser(ctx, OPERATOR, { name: 'Cy Coordinator', email: 'cy@example.org', password: 'cy has a long password', isCoordinator: true });
    const as = async (email: string, password: string) => {
      const b = new Browser(app);
      b.cookies.set('metep_session', (await signIn(ctx, { email, password }, { ip: null, userAgent: null })).token);
      return b;
    };
    assert.equal((await (await as('cy@example.org', 'cy has a long password')).get('/admin/benchmarks')).status, 403);
    r = await (await as('ada@example.org', 'ada has a long password')).get('/admin/benchmarks');
    assert.equal(r.status, 200);
    assert.match(r.text, /EGOV_DATA_2030\.xlsx/);
    assert.match(r.text, /shipped with METEP/);
    // The results API carries the calibration too.
    const admin = await as('ada@example.org', 'ada has a long password');
    r = await admin.get(`/api/v1/assessments/00000000-0000-4000-8000-000000000de0/results`);
    assert.equal(JSON.parse(r.text).calibration.edition, 2024);
    r = await admin.get(`/assessments/00000000-0000-4000-8000-000000000de0/results`);
    assert.match(r.text, /id="cal-h"/);
    assert.match(r.text, /consistent with the external index|optimistic than the external index|cautious than the external index/);
  });
});
