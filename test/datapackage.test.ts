// The report's open data on real databases: a Frictionless data package in a ZIP, checked here against the
// Table Schema rules that matter to a reader of the data (no Frictionless validator is available for Node:
// these checks are the validator) — every resource file is in the zip, every CSV's header is its schema's
// field names in order, every value parses as its declared type, primary keys are present and unique,
// foreign keys resolve — in Arabic and English, with labels in the package's language; a table the model
// does not have (a redacted model without distributions) is not written; the authenticated download.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import JSZip from 'jszip';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { getReport, type TReport } from '../src/domain/reports/get-report.ts';
import { t } from '../src/i18n/index.ts';
import { parseCsv } from '../src/lib/csv.ts';
import { dataPackageZip, type TDataPackage } from '../src/reports/datapackage.ts';
import { demoApp } from './support/demo.ts';
import { eachDialect } from './env.ts';

const PREVIOUS = '00000000-0000-4000-8000-000000000de4';
const CREATED = '2026-11-30T12:00:00Z';

const TYPES: Record<string, RegExp> = {
  string: /^[\s\S]*$/,
  number: /^-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$/,
  integer: /^-?\d+$/,
  boolean: /^(true|false)$/,
  datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
};

interface TOpened {
  descriptor: TDataPackage;
  /** Rows of each resource as records keyed by field name ('' is a missing value, as the Table Schema's default). */
  tables: Map<string, Record<string, string>[]>;
  raw: Map<string, string>;
}

/** Opens a package and fails on anything a Table Schema validator would reject. */
async function openAndValidate(zipBytes: Buffer): Promise<TOpened> {
  const zip = await JSZip.loadAsync(zipBytes);
  const entry = zip.file('datapackage.json');
  assert.ok(entry, 'datapackage.json at the root');
  const descriptor = JSON.parse(await entry.async('string')) as TDataPackage;
  assert.match(descriptor.name, /^[a-z0-9._-]+$/, 'the package name is lower case, digits, ".", "_" or "-"');
  assert.ok(descriptor.title && descriptor.created && descriptor.licenses.length > 0);
  for (const l of descriptor.licenses) assert.ok(l.name && /^https:\/\//.test(l.path) && l.title, 'a licence has an SPDX id, a URL and a title');
  assert.match(descriptor.created, TYPES.datetime!);
  const names = descriptor.resources.map((r) => r.name);
  assert.equal(new Set(names).size, names.length, 'resource names are unique');
  const tables = new Map<string, Record<string, string>[]>();
  const raw = new Map<string, string>();
  for (const res of descriptor.resources) {
    assert.match(res.name, /^[a-z0-9._-]+$/);
    assert.equal(res.format, 'csv');
    assert.equal(res.mediatype, 'text/csv');
    assert.equal(res.encoding, 'utf-8');
    const file = zip.file(res.path);
    assert.ok(file, `${res.path} is in the zip`);
    const text = await file.async('string');
    raw.set(res.name, text);
    const [header, ...rows] = parseCsv(text);
    const fields = res.schema.fields;
    assert.deepEqual(header, fields.map((f) => f.name), `${res.name}: the header is the schema's field names in order`);
    for (const f of fields) {
      assert.ok(f.title && f.description && TYPES[f.type], `${res.name}.${f.name}: title, description and a known type`);
      assert.ok(!f.description.startsWith('odp.') && !f.title.startsWith('odp.'), `${res.name}.${f.name} is translated`);
    }
    const records = rows.map((row, n) => {
      assert.equal(row.length, fields.length, `${res.name} row ${n + 2}: one value per field`);
      return Object.fromEntries(fields.map((f, i) => [f.name, row[i] as string]));
    });
    for (const [n, rec] of records.entries()) {
      for (const f of fields) {
        const v = rec[f.name] as string;
        if (v === '') continue;
        assert.match(v, TYPES[f.type]!, `${res.name} row ${n + 2}, ${f.name}: "${v}" is not a ${f.type}`);
        if (f.type === 'datetime') assert.ok(!Number.isNaN(Date.parse(v)));
      }
    }
    const pk = res.schema.primaryKey;
    assert.ok(pk.length > 0 && pk.every((k) => fields.some((f) => f.name === k)), `${res.name}: the primary key names its fields`);
    const keys = records.map((rec) => JSON.stringify(pk.map((k) => rec[k])));
    for (const rec of records) for (const k of pk) assert.notEqual(rec[k], '', `${res.name}: a primary key value is never missing`);
    assert.equal(new Set(keys).size, keys.length, `${res.name}: primary key unique`);
    tables.set(res.name, records);
  }
  for (const res of descriptor.resources) {
    for (const fk of res.schema.foreignKeys ?? []) {
      const target = descriptor.resources.find((r) => r.name === fk.reference.resource);
      assert.ok(target, `${res.name}: foreign key to ${fk.reference.resource}, which is in the package`);
      const have = new Set((tables.get(target.name) ?? []).map((rec) => JSON.stringify(fk.reference.fields.map((k) => rec[k]))));
      for (const rec of tables.get(res.name) ?? []) {
        const key = fk.fields.map((k) => rec[k]);
        if (key.some((v) => v === '')) continue;
        assert.ok(have.has(JSON.stringify(key)), `${res.name} ${fk.fields.join(',')} = ${key.join(',')} resolves in ${target.name}`);
      }
    }
  }
  return { descriptor, tables, raw };
}

eachDialect('report open data (Frictionless data package)', (get) => {
  before(async () => {
    await seedDemo(get().ctx);
  });

  for (const lang of ['ar', 'en'] as const) {
    test(`${lang}: the package validates, with labels and schema titles in ${lang}`, async () => {
      const r = await getReport(get().ctx, OPERATOR, PREVIOUS, lang);
      const { descriptor, tables } = await openAndValidate(await dataPackageZip(r, { language: lang, created: CREATED }));
      assert.deepEqual(descriptor.resources.map((x) => x.name), ['summary', 'pillars', 'stages', 'items', 'distributions', 'decisions', 'perception_gaps', 'action_plan', 'action_plan_items', 'benchmarks', 'calibration']);
      assert.deepEqual(descriptor.licenses, [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' }]);
      assert.equal(descriptor.created, CREATED);
      assert.equal(descriptor.name, `metep-${r.cover.countryCode.toLowerCase()}-${r.cover.cycleYear}-${lang}`);
      const pillars = tables.get('pillars')!;
      assert.deepEqual(pillars.map((p) => p.title), r.pillars.map((p) => p.title), 'pillar titles in the chosen language');
      assert.deepEqual(pillars.map((p) => Number(p.score)), r.pillars.map((p) => p.score ?? 0), 'scores as numbers, as in the model');
      assert.equal(descriptor.resources.find((x) => x.name === 'pillars')?.schema.fields.find((f) => f.name === 'coverage')?.title, t(lang, 'res.coverage'));
      assert.equal(descriptor.resources.find((x) => x.name === 'pillars')?.title, t(lang, 'res.pillars'));
      assert.equal(tables.get('items')!.length, r.items.length);
      assert.equal(tables.get('distributions')!.length, r.items.reduce((n, i) => n + i.buckets.length, 0) * 3, 'every bucket, for all and for each side');
      const yes = tables.get('distributions')!.find((d) => d.answer_key === 'yes' && d.side === 'government');
      assert.equal(yes?.answer_label, t(lang, 'answer.yes'));
      assert.equal(yes?.side_label, t(lang, 'group.government'));
      assert.ok(tables.get('decisions')!.some((d) => d.dissent !== ''), 'dissent kept with its decision');
      assert.equal(tables.get('decisions')!.length, r.decisions.length);
      assert.equal(tables.get('action_plan')!.length, r.plan?.actions.length);
      assert.equal(tables.get('benchmarks')!.length, r.benchmarks?.editions.length);
      if (lang === 'ar') assert.match(tables.get('summary')![0]!.title!, /[\u0600-\u06ff]/);
    });
  }

  test('texts stay texts; a formula never runs; the same content gives the same bytes; the licence is chosen', async () => {
    const r = await getReport(get().ctx, OPERATOR, PREVIOUS, 'en');
    const [first, second] = r.decisions;
    const tricky: TReport = { ...r, decisions: [{ ...first!, rationale: '10/10' }, { ...second!, rationale: '=HYPERLINK("http://x.example","y")', dissent: '-1+2' }, ...r.decisions.slice(2)] };
    const zip = await dataPackageZip(tricky, { licence: 'CC0-1.0', created: CREATED });
    const { descriptor, tables } = await openAndValidate(zip);
    assert.equal(descriptor.licenses[0]?.name, 'CC0-1.0');
    assert.equal(descriptor.licenses[0]?.path, 'https://creativecommons.org/publicdomain/zero/1.0/');
    const decisions = tables.get('decisions')!;
    assert.equal(decisions[0]?.rationale, '10/10');
    assert.equal(descriptor.resources.find((x) => x.name === 'decisions')?.schema.fields.find((f) => f.name === 'rationale')?.type, 'string');
    assert.equal(decisions[1]?.rationale, `'=HYPERLINK("http://x.example","y")`);
    assert.equal(decisions[1]?.dissent, `'-1+2`);
    // A negative number stays a number (the perception gap of a pillar that government rates lower).
    const negative: TReport = { ...r, perceptionGaps: r.perceptionGaps.map((g, i) => (i === 0 ? { ...g, gap: -0.125 } : g)) };
    assert.equal((await openAndValidate(await dataPackageZip(negative, { created: CREATED }))).tables.get('perception_gaps')![0]?.gap, '-0.125');
    assert.deepEqual(await dataPackageZip(tricky, { licence: 'CC0-1.0', created: CREATED }), zip, 'deterministic');
    await assert.rejects(dataPackageZip(r, { language: 'ar' }), /not ar/, 'a model in another language is refused, not mixed');
  });

  test('what the model leaves out is not in the package: no distributions, no plan, no benchmarks', async () => {
    const r = await getReport(get().ctx, OPERATOR, PREVIOUS, 'en');
    const redacted: TReport = { ...r, items: r.items.map((i) => ({ ...i, buckets: [] })), plan: undefined, benchmarks: undefined };
    const { descriptor, raw } = await openAndValidate(await dataPackageZip(redacted, { created: CREATED }));
    assert.deepEqual(descriptor.resources.map((x) => x.name), ['summary', 'pillars', 'stages', 'items', 'decisions', 'perception_gaps']);
    const zip = await JSZip.loadAsync(await dataPackageZip(redacted, { created: CREATED }));
    // No folder entries: JSZip dates those with the clock, and the same content must give the same bytes.
    assert.deepEqual(Object.keys(zip.files).sort(), ['data/decisions.csv', 'data/items.csv', 'data/perception_gaps.csv', 'data/pillars.csv', 'data/stages.csv', 'data/summary.csv', 'datapackage.json']);
    assert.ok(![...raw.values()].some((csv) => r.plan!.actions.some((a) => csv.includes(a.title))));
  });

  test('the citizens’ comparison is a table when the model has it', async () => {
    const r = await getReport(get().ctx, OPERATOR, PREVIOUS, 'fr');
    const withPulse: TReport = { ...r, citizens: { respondents: 120, synthetic: 0, stages: r.stages.map((s, i) => ({ key: s.key, label: s.label, government: 60 + i, nonGovernment: 50 - i, citizens: i === 2 ? null : 40.5, nCitizens: 120 })) } };
    const { tables, descriptor } = await openAndValidate(await dataPackageZip(withPulse, { created: CREATED }));
    assert.deepEqual(tables.get('citizens')!.map((c) => c.stage_label), r.stages.map((s) => s.label));
    assert.equal(descriptor.resources.find((x) => x.name === 'citizens')?.title, t('fr', 'report.citizens'));
  });

  test('the download needs the results permission and is a zip in the language asked', async () => {
    const d = await demoApp(get().ctx);
    const b = await d.as('coordinator@demo.metep.example');
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await d.app.request(`http://metep.test/assessments/${PREVIOUS}/report.zip?language=ar`, { headers: { cookie } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/zip');
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="metep-data-[A-Z]+-2024-ar\.zip"/);
    const { descriptor } = await openAndValidate(Buffer.from(await res.arrayBuffer()));
    assert.equal(descriptor.title.startsWith(t('ar', 'report.title')), true);
    const page = await b.get(`/assessments/${PREVIOUS}/report?language=ar`);
    assert.ok(page.text.includes(`/assessments/${PREVIOUS}/report.zip?language=ar`), 'the report page links the open data');
    assert.notEqual((await d.app.request(`/assessments/${PREVIOUS}/report.zip`)).status, 200);
  });
});
