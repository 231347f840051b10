// Publication on real databases (issue 16): the coordinator publishes at a level with a data licence and
// the public sees exactly that — the redaction test seeds a respondent with a distinctive name, e-mail and
// comment, publishes with each setting and looks for them in every public output (HTML in every language,
// the PDF's text layer, the XLSX cells read back, the JSON API, the index), while a person who agreed to be
// named is named. Unpublished assessments are 404 at every public URL, for everyone; public pages need no
// sign-in; withdrawing needs a reason and is audited, as publishing is with its level; a respondent's
// consent to be named is theirs to give or withdraw, and audited.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Hono } from 'hono';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { redactReport } from '../src/domain/publication/redact-report.ts';
import { PUBLICATION_LEVELS } from '../src/domain/publication/publication-levels.ts';
import { getReport } from '../src/domain/reports/get-report.ts';
import type { AppEnv } from '../src/http/env.ts';
import { assessmentPaths, paths } from '../src/http/paths.ts';
import { LOCALES, t } from '../src/i18n/index.ts';
import { closePdfBrowser } from '../src/reports/pdf.ts';
import { eachDialect } from './env.ts';
import type { Browser } from './http.ts';
import { demoApp } from './support/demo.ts';

/** The demo's validated 2024 cycle. */
const PREVIOUS = '00000000-0000-4000-8000-000000000de4';
const SECRET_NAME = 'Zebulon Quaxworthy-Trelawney';
const SECRET_EMAIL = 'zq.trelawney@private-mail.example';
const SECRET_COMMENT = 'Marmalade teapot remark 7731 about the budget office';
const CONSENTING_NAME = 'Philippa Consentwell';
const controls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

async function fetchBytes(app: Hono<AppEnv>, path: string): Promise<{ status: number; body: Buffer; type: string }> {
  const res = await app.request(`http://metep.test${path}`);
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? '' };
}

async function xlsxText(body: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name);
    ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value ?? ''))));
  }
  return out.join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'metep-publication-'));

function pdfText(body: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(controls, '');
}

eachDialect('publication and redaction', (get) => {
  let app: Hono<AppEnv>;
  let coordinator: Browser;
  let respondentEmail = '';
  after(closePdfBrowser);

  before(async () => {
    const { ctx } = get();
    const demo = await demoApp(ctx);
    app = demo.app;
    coordinator = await demo.as('coordinator@demo.metep.example');
    // Two respondents of the 2024 cycle who answered: one keeps their privacy (and wrote a comment), one agrees to be named.
    const answered = await ctx.db.kysely
      .selectFrom('answers')
      .innerJoin('memberships', (j) => j.onRef('memberships.user_id', '=', 'answers.user_id').onRef('memberships.assessment_id', '=', 'answers.assessment_id'))
      .select(['answers.user_id', 'answers.item_id', 'memberships.id as membership'])
      .where('answers.assessment_id', '=', PREVIOUS)
      .where('memberships.role', '=', 'respondent')
      .where('answers.item_id', '=', 'A.03')
      .orderBy('answers.user_id')
      .execute();
    const [secret, consenting] = answered;
    assert.ok(secret && consenting && secret.user_id !== consenting.user_id);
    await ctx.db.kysely.updateTable('users').set({ name: SECRET_NAME, email: SECRET_EMAIL }).where('id', '=', secret.user_id).execute();
    await ctx.db.kysely.updateTable('answers').set({ comment: SECRET_COMMENT }).where('assessment_id', '=', PREVIOUS).where('user_id', '=', secret.user_id).where('item_id', '=', 'A.03').execute();
    await ctx.db.kysely.updateTable('users').set({ name: CONSENTING_NAME }).where('id', '=', consenting.user_id).execute();
    await ctx.db.kysely.updateTable('memberships').set({ named_in_report: 1 }).where('id', '=', consenting.membership).execute();
    respondentEmail = SECRET_EMAIL;
    // The full report (for a coordinator) does hold the comment: the redaction below is what removes it.
    const full = await getReport(ctx, OPERATOR, PREVIOUS, 'en');
    assert.ok(full.items.some((i) => i.comments.includes(SECRET_COMMENT)));
  });

  const publicUrls = (id: string) => [paths.publicAssessment(id), paths.publicAssessment(id, 'ar'), paths.publicReportPdf(id, 'en'), paths.publicReportXlsx(id, 'en'), paths.publicApiAssessment(id)];

  test('an unpublished assessment is not found at every public URL, for everyone, and not in the index', async () => {
    for (const url of publicUrls(PREVIOUS)) {
      assert.equal((await fetchBytes(app, url)).status, 404, `${url} signed out`);
      assert.equal((await coordinator.get(url)).status, 404, `${url} as its coordinator`);
    }
    const index = await fetchBytes(app, paths.publicAssessments);
    assert.equal(index.status, 200, 'the index needs no sign-in');
    assert.ok(index.body.toString().includes(t('en', 'pub.none')));
    const api = JSON.parse((await fetchBytes(app, paths.publicApi)).body.toString());
    assert.deepEqual(api, { items: [], next: null });
  });

  test('the redaction is a whitelist by level: distributions from "distributions", comments and rationale only at "comments"', async () => {
    const full = await getReport(get().ctx, OPERATOR, PREVIOUS, 'en');
    const scores = redactReport(full, 'scores');
    assert.ok(scores.items.every((i) => i.buckets.length === 0 && i.comments.length === 0));
    assert.ok(scores.decisions.length > 0 && scores.decisions.every((d) => d.rationale === '' && d.dissent === null));
    const dist = redactReport(full, 'distributions');
    assert.ok(dist.items.every((i, n) => i.buckets.length === full.items[n]!.buckets.length && i.comments.length === 0));
    const all = redactReport(full, 'comments');
    assert.deepEqual(all.items.map((i) => i.comments), full.items.map((i) => i.comments));
    assert.deepEqual(all.decisions, full.decisions);
    assert.equal(new Set([full.fingerprint, scores.fingerprint, dist.fingerprint, all.fingerprint]).size, 4, 'a public PDF is never the cached full one');
    assert.deepEqual(all.participants.named.map((n) => n.name), [CONSENTING_NAME]);
  });

  for (const level of PUBLICATION_LEVELS) {
    test(`published with "${level}": no name, e-mail or unpublished comment in any public output; the consenting person is named`, { timeout: 120_000 }, async () => {
      const { ctx } = get();
      const published = await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'published', level, licence: 'CC0-1.0' });
      assert.equal(published.status, 303, published.text.slice(0, 300));
      const entry = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'publication.publish').where('entity_id', '=', PREVIOUS).orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(entry.after_json ?? ''), { level, licence: 'CC0-1.0' });

      const outputs: [string, string][] = [];
      for (const l of LOCALES) {
        const page = await fetchBytes(app, paths.publicAssessment(PREVIOUS, l));
        assert.equal(page.status, 200, `page ${l}`);
        outputs.push([`html ${l}`, page.body.toString()]);
      }
      const pdf = await fetchBytes(app, paths.publicReportPdf(PREVIOUS, 'en'));
      assert.equal(pdf.status, 200);
      assert.equal(pdf.type, 'application/pdf');
      outputs.push(['pdf', pdfText(pdf.body, `public-${level}.pdf`)]);
      const xlsx = await fetchBytes(app, paths.publicReportXlsx(PREVIOUS, 'en'));
      assert.equal(xlsx.status, 200);
      outputs.push(['xlsx', await xlsxText(xlsx.body)]);
      // The open data: every CSV and the package descriptor, under the licence chosen when publishing.
      const zip = await fetchBytes(app, paths.publicReportZip(PREVIOUS, 'en'));
      assert.equal(zip.status, 200);
      assert.equal(zip.type, 'application/zip');
      const pkg = await JSZip.loadAsync(zip.body);
      const names = Object.keys(pkg.files);
      outputs.push(['data package', (await Promise.all(names.map((n) => pkg.file(n)!.async('string')))).join('\n')]);
      const descriptor = JSON.parse(await pkg.file('datapackage.json')!.async('string'));
      assert.equal(descriptor.licenses[0].name, 'CC0-1.0');
      assert.equal(names.some((n) => /distributions\.csv$/.test(n)), level !== 'scores', 'the distributions file only from "distributions"');
      const api = await fetchBytes(app, paths.publicApiAssessment(PREVIOUS));
      assert.equal(api.status, 200);
      outputs.push(['api', api.body.toString()]);
      const list = await fetchBytes(app, paths.publicApi);
      outputs.push(['api list', list.body.toString()]);
      outputs.push(['index', (await fetchBytes(app, paths.publicAssessments)).body.toString()]);

      for (const [what, text] of outputs) {
        assert.ok(!text.includes(SECRET_NAME) && !text.includes('Quaxworthy'), `${what}: the respondent's name`);
        assert.ok(!text.includes(respondentEmail) && !text.includes('private-mail'), `${what}: the respondent's e-mail`);
        assert.ok(!/@demo\.metep\.example/.test(text), `${what}: no demo account's e-mail`);
        if (level !== 'comments') assert.ok(!text.includes('Marmalade teapot'), `${what}: the unpublished comment`);
      }
      const named = outputs.filter(([what]) => what.startsWith('html') || what === 'pdf' || what === 'api');
      for (const [what, text] of named) assert.ok(text.replace(/\s+/g, ' ').includes(CONSENTING_NAME), `${what}: the person who agreed is named`);
      if (level === 'comments') {
        for (const [what, text] of outputs.filter(([w]) => w === 'html en' || w === 'api' || w === 'xlsx')) assert.ok(text.includes(SECRET_COMMENT), `${what}: the published comment`);
      }
      const json = JSON.parse(api.body.toString());
      assert.deepEqual(json.publication.level, level);
      assert.equal(json.publication.licence, 'CC0-1.0');
      assert.equal(json.report.items.some((i: { buckets: unknown[] }) => i.buckets.length > 0), level !== 'scores', 'distributions only from "distributions"');
      const listed = JSON.parse(list.body.toString()).items;
      assert.equal(listed.length, 1);
      assert.equal(listed[0].id, PREVIOUS);
      assert.ok(typeof listed[0].index === 'number' && typeof listed[0].band === 'string');
      // No user id in the public JSON: every id of a member of this assessment is absent.
      const ids = await ctx.db.kysely.selectFrom('memberships').select('user_id').where('assessment_id', '=', PREVIOUS).execute();
      for (const { user_id } of ids) assert.ok(!api.body.toString().includes(user_id) && !outputs[0]![1].includes(user_id), `user id ${user_id}`);

      // Withdrawing needs a reason; without one nothing changes.
      const refused = await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'validated', reason: '   ' });
      assert.equal(refused.status, 400);
      assert.equal((await fetchBytes(app, paths.publicAssessment(PREVIOUS))).status, 200, 'still public');
      const withdrawn = await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'validated', reason: `Level ${level} checked` });
      assert.equal(withdrawn.status, 303);
      const w = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'publication.withdraw').where('entity_id', '=', PREVIOUS).orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(w.after_json ?? ''), { reason: `Level ${level} checked` });
      assert.deepEqual(JSON.parse(w.before_json ?? ''), { level, licence: 'CC0-1.0' });
      for (const url of publicUrls(PREVIOUS)) assert.equal((await fetchBytes(app, url)).status, 404, `${url} after withdrawal`);
    });
  }

  test('a level or licence outside the lists is refused with a message and publishes nothing', async () => {
    const r = await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'published', level: 'everything', licence: 'CC-BY-4.0' });
    assert.equal(r.status, 400);
    assert.ok(r.text.includes(t('en', 'error.publication_level')));
    const l = await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'published', level: 'scores', licence: 'GPL' });
    assert.equal(l.status, 400);
    assert.ok(l.text.includes(t('en', 'error.licence')));
    assert.equal((await fetchBytes(app, paths.publicAssessment(PREVIOUS))).status, 404);
  });

  test('the coordinator changes the level and licence of a publication in place; audited; refused when not published', async () => {
    const { ctx } = get();
    const notYet = await coordinator.post(assessmentPaths(PREVIOUS).publication, { level: 'comments', licence: 'CC-BY-4.0' });
    assert.equal(notYet.status, 409);
    assert.ok(notYet.text.includes(t('en', 'error.not_published')));
    assert.equal((await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'published' })).status, 303);
    const before_ = JSON.parse((await fetchBytes(app, paths.publicApiAssessment(PREVIOUS))).body.toString());
    assert.deepEqual([before_.publication.level, before_.publication.licence], ['scores', 'CC-BY-4.0'], 'scores only under CC BY 4.0 unless chosen');
    assert.ok(!JSON.stringify(before_).includes(SECRET_COMMENT));
    assert.equal((await coordinator.post(assessmentPaths(PREVIOUS).publication, { level: 'comments', licence: 'ODbL-1.0' })).status, 303);
    const after_ = JSON.parse((await fetchBytes(app, paths.publicApiAssessment(PREVIOUS))).body.toString());
    assert.deepEqual([after_.publication.level, after_.publication.licence], ['comments', 'ODbL-1.0']);
    assert.ok(JSON.stringify(after_).includes(SECRET_COMMENT), 'the public report follows at once');
    const entry = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'publication.update').where('entity_id', '=', PREVIOUS).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(entry.after_json ?? ''), { level: 'comments', licence: 'ODbL-1.0' });
    const bad = await coordinator.post(assessmentPaths(PREVIOUS).publication, { level: 'all', licence: 'ODbL-1.0' });
    assert.equal(bad.status, 400);
    assert.ok(bad.text.includes(t('en', 'error.publication_level')));
    // A respondent of the 2024 cycle still under a demo address (the one picked as "secret" above, by
    // random id, has another address now and would sign in as nobody in this assessment).
    const { email } = await ctx.db.kysely.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('users.email').where('memberships.assessment_id', '=', PREVIOUS).where('memberships.role', '=', 'respondent').where('users.email', 'like', '%@demo.metep.example').orderBy('users.email').executeTakeFirstOrThrow();
    const respondent = await (await demoApp(ctx)).as(email);
    assert.equal((await respondent.post(assessmentPaths(PREVIOUS).publication, { level: 'scores', licence: 'CC0-1.0' })).status, 403);
    assert.equal((await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'validated', reason: 'done' })).status, 303);
  });

  test('publishing and reopening sent at the same moment: one is made, the other refused with 409, and the audit log has one', async () => {
    const { ctx } = get();
    const transitions = async () => (await ctx.db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'assessment.state').where('entity_id', '=', PREVIOUS).execute()).length;
    const before_ = await transitions();
    const other = await (await demoApp(ctx)).as('coordinator@demo.metep.example');
    const [a, b] = await Promise.all([
      coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'published', level: 'scores', licence: 'CC-BY-4.0' }),
      other.post(assessmentPaths(PREVIOUS).state, { to: 'consolidating', reason: 'one more look' }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [303, 409], `${a.status} ${b.status}`);
    const refused = a.status === 409 ? a : b;
    assert.ok(refused.text.includes(t('en', 'error.state_changed').replace(/'/g, '&#39;')), refused.text.slice(0, 300));
    assert.equal(await transitions(), before_ + 1, 'one transition recorded');
    const { state } = await ctx.db.kysely.selectFrom('assessments').select('state').where('id', '=', PREVIOUS).executeTakeFirstOrThrow();
    assert.equal(state, a.status === 303 ? 'published' : 'consolidating');
    // Back to Validated for the tests that follow.
    if (state === 'published') assert.equal((await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'validated', reason: 'done' })).status, 303);
    else assert.equal((await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'validated', acknowledge: '1' })).status, 303);
    // Four publishes at once: one publication, one audit entry.
    const n = await transitions();
    const four = await Promise.all([0, 1, 2, 3].map(() => coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'published', level: 'scores', licence: 'CC-BY-4.0' })));
    assert.deepEqual(four.map((r) => r.status).sort(), [303, 409, 409, 409]);
    assert.equal(await transitions(), n + 1);
    assert.equal((await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'validated', reason: 'done' })).status, 303);
  });

  test('a respondent agrees to be named and withdraws it; both are audited and the public report follows', async () => {
    const { ctx } = get();
    const demo = await demoApp(ctx);
    const member = await ctx.db.kysely.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['users.email', 'users.name', 'memberships.id']).where('memberships.assessment_id', '=', PREVIOUS).where('memberships.role', '=', 'respondent').where('memberships.named_in_report', '=', 0).where('users.email', 'like', '%@demo.metep.example').orderBy('users.email').executeTakeFirstOrThrow();
    const b = await demo.as(member.email);
    const page = await b.get(assessmentPaths(PREVIOUS).consent);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(t('en', 'consent.label')) && page.text.includes(t('en', 'consent.not_named')));
    assert.equal((await b.post(assessmentPaths(PREVIOUS).consent, { named: '1' })).status, 303);
    assert.equal(Number((await ctx.db.kysely.selectFrom('memberships').select('named_in_report').where('id', '=', member.id).executeTakeFirstOrThrow()).named_in_report), 1);
    assert.equal((await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'published', level: 'scores' })).status, 303);
    assert.ok((await fetchBytes(app, paths.publicAssessment(PREVIOUS))).body.toString().includes(member.name), 'named once agreed');
    assert.equal((await b.post(assessmentPaths(PREVIOUS).consent, {})).status, 303);
    assert.ok(!(await fetchBytes(app, paths.publicAssessment(PREVIOUS))).body.toString().includes(member.name), 'the public report follows at once');
    const entries = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'membership.named_in_report').where('entity_id', '=', member.id).orderBy('id').execute();
    assert.deepEqual(entries.map((e) => JSON.parse(e.after_json ?? '')), [{ named: true }, { named: false }]);
    // Someone who does not answer in the assessment has no consent to give here.
    assert.equal((await coordinator.get(assessmentPaths(PREVIOUS).consent)).status, 403);
    assert.equal((await coordinator.post(assessmentPaths(PREVIOUS).state, { to: 'validated', reason: 'done' })).status, 303);
  });
});
