// The country report on real databases: the model labelled in a language chosen apart from the interface,
// built from the results and plan use cases (decisions with rationale and dissent, the plan, the EPI
// calibration); nobody named without consent; a fingerprint that changes with any answer; the page with
// <html lang dir> of the report language and who may open it; the PDF printed by Chromium, its text in
// logical order in Arabic, Chinese and English (pdftotext) and its Arabic cover rendered to PNG; and a
// clear message with the HTML fallback when Chromium is missing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { OPERATOR, type Actor } from '../src/domain/kernel/context.ts';
import { AppError } from '../src/domain/kernel/errors.ts';
import { getReport } from '../src/domain/reports/get-report.ts';
import { reportPdf } from '../src/http/reports/report-files.ts';
import { t } from '../src/i18n/index.ts';
import { closePdfBrowser } from '../src/reports/pdf.ts';
import { reportXlsx } from '../src/reports/report-xlsx.ts';
import { demoApp } from './support/demo.ts';
import { eachDialect } from './env.ts';

const PREVIOUS = '00000000-0000-4000-8000-000000000de4';
/** Bidi controls pdftotext writes around right-to-left runs; they are not part of the text. */
const controls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

async function actorOf(get: () => { ctx: import('../src/domain/kernel/context.ts').Ctx }, email: string): Promise<Actor> {
  const u = await get().ctx.db.kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  return { id: u.id, isAdmin: false, isCoordinator: false, email: u.email, name: u.name, locale: null };
}

eachDialect('country report', (get) => {
  let current = '';
  before(async () => {
    current = (await seedDemo(get().ctx)).assessmentId;
  });

  test('the model is labelled in the chosen language, from the results, workshop and plan', async () => {
    const ar = await getReport(get().ctx, OPERATOR, PREVIOUS, 'ar');
    const en = await getReport(get().ctx, OPERATOR, PREVIOUS, 'en');
    assert.equal(ar.cover.stateLabel, t('ar', 'state.validated'));
    assert.equal(en.cover.stateLabel, t('en', 'state.validated'));
    assert.notEqual(ar.pillars[0]?.title, en.pillars[0]?.title, 'pillar titles follow the report language');
    assert.equal(ar.summary.score, en.summary.score, 'the numbers do not depend on the language');
    assert.ok(ar.summary.low !== null && ar.summary.high !== null && ar.summary.low <= (ar.summary.score as number) && (ar.summary.score as number) <= ar.summary.high);
    assert.ok(en.decisions.length > 0 && en.decisions.every((d) => d.rationale.length > 0));
    assert.ok(en.decisions.some((d) => d.dissent !== null), 'dissent is kept with its decision');
    assert.ok(en.plan && en.plan.actions.length > 0, 'the adopted 2024 plan');
    assert.ok(en.benchmarks, 'Demoland has (fictional) EPI figures');
    assert.ok(en.items.every((i) => i.buckets.length > 0), 'every item has its answer distribution');
    assert.equal(en.citizens, undefined, 'no pulse data');
    assert.equal(en.items.find((i) => i.buckets.some((b) => b.key === 'yes'))?.buckets.find((b) => b.key === 'yes')?.label, t('en', 'answer.yes'));
  });

  test('people are named only when they agreed; organisations always', async () => {
    const before_ = await getReport(get().ctx, OPERATOR, PREVIOUS, 'en');
    assert.ok(before_.participants.organisations.length > 0);
    assert.deepEqual(before_.participants.named, []);
    const one = await get().ctx.db.kysely.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['memberships.id', 'users.name']).where('memberships.assessment_id', '=', PREVIOUS).where('memberships.role', '=', 'respondent').executeTakeFirstOrThrow();
    await get().ctx.db.kysely.updateTable('memberships').set({ named_in_report: 1 }).where('id', '=', one.id).execute();
    const after_ = await getReport(get().ctx, OPERATOR, PREVIOUS, 'en');
    assert.deepEqual(after_.participants.named.map((n) => n.name), [one.name]);
    assert.notEqual(after_.fingerprint, before_.fingerprint);
    await get().ctx.db.kysely.updateTable('memberships').set({ named_in_report: 0 }).where('id', '=', one.id).execute();
  });

  test('the fingerprint changes with any answer and not otherwise', async () => {
    const a = await getReport(get().ctx, OPERATOR, current, 'fr');
    assert.equal((await getReport(get().ctx, OPERATOR, current, 'fr')).fingerprint, a.fingerprint);
    const row = await get().ctx.db.kysely.selectFrom('answers').selectAll().where('assessment_id', '=', current).where('value_json', '=', JSON.stringify({ kind: 'status', status: 'yes' })).executeTakeFirstOrThrow();
    await get().ctx.db.kysely.updateTable('answers').set({ value_json: JSON.stringify({ kind: 'status', status: 'no' }) }).where('assessment_id', '=', row.assessment_id).where('user_id', '=', row.user_id).where('item_id', '=', row.item_id).execute();
    assert.notEqual((await getReport(get().ctx, OPERATOR, current, 'fr')).fingerprint, a.fingerprint);
    await get().ctx.db.kysely.updateTable('answers').set({ value_json: row.value_json }).where('assessment_id', '=', row.assessment_id).where('user_id', '=', row.user_id).where('item_id', '=', row.item_id).execute();
  });

  test('whoever may read the results may read the report; a respondent before publication may not', async () => {
    const observer = await actorOf(get, 'observer@demo.metep.example');
    assert.ok((await getReport(get().ctx, observer, PREVIOUS, 'en')).plan, 'observers read plans');
    const respondent = (await get().ctx.db.kysely.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('users.email').where('memberships.assessment_id', '=', current).where('memberships.role', '=', 'respondent').executeTakeFirstOrThrow()).email;
    await assert.rejects(getReport(get().ctx, await actorOf(get, respondent), current, 'en'), (e) => e instanceof AppError && (e.code === 'forbidden' || e.code === 'not_found'));
  });

  test('the workbook: a sheet per part, right-to-left in Arabic, numbers as numbers, texts as text, frozen headers', async () => {
    const r = await getReport(get().ctx, OPERATOR, PREVIOUS, 'ar');
    // A decision whose rationale looks like a date or a fraction must stay the text it is.
    const first = r.decisions[0]!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await reportXlsx({ ...r, decisions: [{ ...first, rationale: '10/10' }, ...r.decisions.slice(1)] }) as unknown as ArrayBuffer);
    // Sheet names are at most 31 characters (the file format's limit).
    // Comments (anonymous) are a sheet when the reader may read every answer and there are some, as in the demo.
    assert.ok(r.items.some((i) => i.comments.length > 0));
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['report.summary', 'res.pillars', 'res.items', 'ws.distribution', 'report.decisions', 'report.comments', 'plan.title', 'cal.title'].map((k) => t('ar', k).slice(0, 31)));
    for (const w of wb.worksheets) {
      assert.equal(w.views[0]?.rightToLeft, true, w.name);
      assert.equal((w.views[0] as { ySplit?: number }).ySplit, 1, w.name);
    }
    const pillars = wb.worksheets[1]!;
    assert.equal(pillars.getCell('C2').type, ExcelJS.ValueType.Number);
    assert.equal(pillars.getCell('C2').numFmt, '0.00');
    assert.equal(pillars.getCell('C2').value, r.pillars[0]!.score);
    const decisions = wb.worksheets[4]!;
    assert.equal(decisions.getCell('D2').type, ExcelJS.ValueType.String);
    assert.equal(decisions.getCell('D2').value, '10/10');
    const dist = wb.worksheets[3]!;
    assert.equal(dist.rowCount - 1, r.items.reduce((n, i) => n + i.buckets.length, 0), 'every bucket of every item');
  });

  test('the page is in the report language, the bar in the reader’s', async () => {
    const d = await demoApp(get().ctx);
    const b = await d.as('coordinator@demo.metep.example');
    const r = await b.get(`/assessments/${PREVIOUS}/report?language=ar`);
    assert.equal(r.status, 200);
    assert.match(r.text, /<html lang="ar" dir="rtl">/);
    assert.match(r.text, /<nav class="report-bar" lang="en" dir="ltr"/);
    assert.ok(r.text.includes(t('ar', 'report.summary')) && r.text.includes(t('en', 'report.download_pdf')));
    assert.match(r.text, /<option value="ar" lang="ar" selected="">/);
    // Its charts are mirrored with it: the radar turns anticlockwise and the bars start on the right.
    const charts = [...r.text.matchAll(/<svg [^>]*role="img"[^>]*>/g)].map((m) => m[0]);
    assert.ok(charts.length >= 2);
    for (const svg of charts) assert.match(svg, /direction="rtl"/);
    const anonymous = await d.app.request(`/assessments/${PREVIOUS}/report`);
    assert.notEqual(anonymous.status, 200);
  });
});

eachDialect('country report without Chromium', (get) => {
  before(async () => {
    await closePdfBrowser();
    await seedDemo(get().ctx);
  });

  test('the PDF route says why in the reader’s language and links the HTML to print', async () => {
    const d = await demoApp(get().ctx);
    const b = await d.as('coordinator@demo.metep.example');
    const r = await b.get(`/assessments/${PREVIOUS}/report.pdf?language=zh`);
    assert.equal(r.status, 503);
    assert.ok(r.text.includes(t('en', 'report.pdf_unavailable')));
    assert.ok(r.text.includes(`/assessments/${PREVIOUS}/report?language=zh`));
  });
}, { CHROMIUM_PATH: '/nonexistent/chromium' });

/** Headings that must come out of the PDF's text layer whole and in reading order. */
const HEADINGS = { ar: ['report.summary', 'report.decisions'], zh: ['report.summary', 'report.methodology'], en: ['report.summary', 'report.participants'] } as const;

eachDialect('country report PDF', (get) => {
  const dir = mkdtempSync(join(tmpdir(), 'metep-report-'));
  before(async () => {
    await seedDemo(get().ctx);
  });
  after(closePdfBrowser);

  for (const lang of ['ar', 'zh', 'en'] as const) {
    test(`${lang}: pdftotext gives the headings in logical order; fonts embedded`, async () => {
      const r = await getReport(get().ctx, OPERATOR, PREVIOUS, lang);
      const pdf = await reportPdf(get().ctx, r);
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.equal(await reportPdf(get().ctx, r), pdf, 'the same content is served from the cache');
      const file = join(dir, `report-${lang}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(controls, '');
      for (const key of HEADINGS[lang]) assert.ok(text.includes(t(lang, key)), `${lang} ${key}: ${t(lang, key)}`);
      // pdftotext spaces a number inside a right-to-left line its own way: compare without spaces.
      const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);
      assert.ok(text.replace(/\s/g, '').includes(t(lang, 'report.page_of', { page: 2, pages }).replace(/\s/g, '')), 'page numbers in the footer');
      // Columns emb, sub, uni: every font is embedded and maps back to Unicode (the CJK collection comes out as Type 3).
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      assert.ok(fonts.length > 0 && fonts.every((f) => /\syes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$/.test(f)), 'every font embedded, with Unicode');
      if (lang === 'ar') assert.ok(fonts.some((f) => f.includes('NotoSansArabic')));
    });
  }

  test('the Arabic cover renders to a PNG', async () => {
    const file = join(dir, 'report-ar.pdf');
    assert.ok(existsSync(file));
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '80', '-png', '-singlefile', file, join(dir, 'cover-ar')]);
    assert.ok(statSync(join(dir, 'cover-ar.png')).size > 10_000);
  });
});
