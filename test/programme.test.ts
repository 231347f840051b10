// The programme view and programme officers (issue 17) on real databases: an officer reads the assessments
// of their countries and nothing else, changes nothing inside one unless also a member; administrators see
// every assessment; the filters narrow the view; the open-data export carries published results only, with
// no personal data, and the same numbers as the results themselves.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { insertMembership, setAssessmentState } from '../src/db/repositories/assessments.ts';
import { findUserByEmail } from '../src/db/repositories/users.ts';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { createAssessment } from '../src/domain/assessments/create-assessment.ts';
import { loadAssessment } from '../src/domain/kernel/access.ts';
import { OPERATOR, type Actor } from '../src/domain/kernel/context.ts';
import { getProgrammeView } from '../src/domain/programme/get-programme-view.ts';
import { grantProgrammeCountries } from '../src/domain/programme/grant-programme-countries.ts';
import { computeResults } from '../src/domain/results/compute-results.ts';
import { assessmentPaths, paths } from '../src/http/paths.ts';
import { parseCsv } from '../src/lib/csv.ts';
import { newId } from '../src/lib/tokens.ts';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';
import type { Hono } from 'hono';
import type { AppEnv } from '../src/http/env.ts';
import { demoApp } from './support/demo.ts';

const PREVIOUS_ID = '00000000-0000-4000-8000-000000000de4';
const PASSWORD = 'a long enough password';

eachDialect('programme view', (get) => {
  let demoId = '';
  let kenya = '';
  let fiji = '';
  let as: (email: string) => Promise<Browser>;
  let app: Hono<AppEnv>;
  let officer: Actor;
  let admin: Actor;
  before(async () => {
    const ctx = get().ctx;
    const demo = await demoApp(ctx);
    demoId = demo.id;
    as = demo.as;
    app = demo.app;
    // The previous demo cycle is published: the only published result of the world.
    await setAssessmentState(ctx.db.kysely, PREVIOUS_ID, 'validated', 'published', ctx.now().toISOString());
    kenya = await createAssessment(ctx, OPERATOR, { country: 'KEN', cycleYear: 2026 });
    fiji = await createAssessment(ctx, OPERATOR, { country: 'FJI', cycleYear: 2026 });
    await createUser(ctx, OPERATOR, { name: 'Paula Programme', email: 'paula@example.org', password: PASSWORD });
    await createUser(ctx, OPERATOR, { name: 'Adam Admin', email: 'adam@example.org', password: PASSWORD, isAdmin: true });
    const u = (await findUserByEmail(ctx.db.kysely, 'paula@example.org'))!;
    officer = { id: u.id, isAdmin: false, isCoordinator: false, isProgrammeOfficer: true, email: u.email, name: u.name, locale: null };
    const a = (await findUserByEmail(ctx.db.kysely, 'adam@example.org'))!;
    admin = { id: a.id, isAdmin: true, isCoordinator: true, email: a.email, name: a.name, locale: null };
  });

  // demoApp signs in with the demo password; these two have their own.
  async function signIn(email: string): Promise<Browser> {
    const b = new Browser(app);
    const r = await b.post(paths.signIn(), { email, password: PASSWORD });
    assert.equal(r.status, 303, `sign-in ${email}`);
    return b;
  }

  test('only administrators grant; bad countries and unknown people are refused; every change is audited', async () => {
    const ctx = get().ctx;
    await assert.rejects(grantProgrammeCountries(ctx, officer, { email: officer.email, countries: 'KEN', change: 'grant' }), /forbidden/);
    await assert.rejects(grantProgrammeCountries(ctx, OPERATOR, { email: officer.email, countries: 'KEN ZZZ', change: 'grant' }), (e: Error & { fields?: Record<string, string> }) => e.fields?.countries === 'error.programme_countries');
    await assert.rejects(grantProgrammeCountries(ctx, OPERATOR, { email: officer.email, countries: ' , ', change: 'grant' }), /invalid_input|error.programme_countries/);
    await assert.rejects(grantProgrammeCountries(ctx, OPERATOR, { email: 'nobody@example.org', countries: 'KEN', change: 'grant' }), (e: Error & { fields?: Record<string, string> }) => e.fields?.email === 'error.user_unknown');
    assert.deepEqual(await grantProgrammeCountries(ctx, OPERATOR, { email: officer.email, countries: 'xdm, ken;TZA', change: 'grant' }), ['KEN', 'TZA', 'XDM']);
    assert.deepEqual(await grantProgrammeCountries(ctx, OPERATOR, { email: officer.email, countries: 'TZA', change: 'revoke' }), ['KEN', 'XDM']);
    const log = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('entity_id', '=', officer.id).where('action', 'like', 'programme.%').orderBy('id').execute();
    assert.deepEqual(
      log.map((l) => [l.action, JSON.parse(l.before_json ?? 'null'), JSON.parse(l.after_json ?? 'null')]),
      [
        ['programme.grant', { countries: [] }, { countries: ['KEN', 'TZA', 'XDM'] }],
        ['programme.revoke', { countries: ['KEN', 'TZA', 'XDM'] }, { countries: ['KEN', 'XDM'] }],
      ],
    );
  });

  test('an officer sees only the assessments of their countries; an administrator sees all; others may not look', async () => {
    const ctx = get().ctx;
    const mine = await getProgrammeView(ctx, officer);
    assert.deepEqual(new Set(mine.rows.map((r) => r.id)), new Set([demoId, PREVIOUS_ID, kenya]));
    assert.deepEqual(mine.countries, ['KEN', 'XDM']);
    const all = await getProgrammeView(ctx, admin);
    for (const id of [demoId, PREVIOUS_ID, kenya, fiji]) assert.ok(all.rows.some((r) => r.id === id), id);
    await assert.rejects(getProgrammeView(ctx, { ...officer, id: 'x', isProgrammeOfficer: false }), /forbidden/);
    // The demo's programme officer holds Demoland: both its cycles.
    const pat = (await findUserByEmail(ctx.db.kysely, 'programme@demo.metep.example'))!;
    const demoView = await getProgrammeView(ctx, { id: pat.id, isAdmin: false, isCoordinator: false, isProgrammeOfficer: true, email: pat.email, name: pat.name, locale: null });
    assert.deepEqual(new Set(demoView.rows.map((r) => r.id)), new Set([demoId, PREVIOUS_ID]));
    const coordinator = (await findUserByEmail(ctx.db.kysely, 'coordinator@demo.metep.example'))!;
    await assert.rejects(getProgrammeView(ctx, { id: coordinator.id, isAdmin: false, isCoordinator: true, email: coordinator.email, name: coordinator.name, locale: null }), /forbidden/);
    // Over HTTP: the navigation links the view for the officer, the page lists Kenya and Demoland, not Fiji.
    const b = await signIn('paula@example.org');
    const home = await b.get(paths.home);
    assert.ok(home.text.includes(`href="${paths.programme()}"`), 'navigation link');
    const page = await b.get(paths.programme());
    assert.equal(page.status, 200);
    assert.match(page.text, /Kenya/);
    assert.match(page.text, /Demoland/);
    assert.doesNotMatch(page.text, /Fiji/);
    const respondent = await as('respondent1@demo.metep.example');
    assert.equal((await respondent.get(paths.programme())).status, 403);
    assert.ok(!(await respondent.get(paths.home)).text.includes(`href="${paths.programme()}"`));
    assert.equal((await respondent.get(paths.programmeOfficers)).status, 403);
  });

  test('the figures are the results use cases\' own: index, interval, stages, progress', async () => {
    const ctx = get().ctx;
    const v = await getProgrammeView(ctx, officer);
    for (const id of [demoId, PREVIOUS_ID]) {
      const row = v.rows.find((r) => r.id === id)!;
      const res = await computeResults(ctx, OPERATOR, id);
      assert.equal(row.index, res.scores.score);
      assert.deepEqual(row.interval, { low: res.uncertainty.bootstrap.index.low, high: res.uncertainty.bootstrap.index.high });
      assert.deepEqual(row.stages, res.scores.stages);
      assert.equal(row.answering, res.respondents);
      assert.equal(row.respondents, 12);
      assert.ok(row.answered! > 0 && row.answered! <= row.expected!, `${row.answered}/${row.expected}`);
      assert.equal(row.calibration?.gap, res.calibration?.gap ?? undefined);
    }
    // The current demo cycle has a citizen pulse; the previous one has none; Kenya has no answers yet.
    assert.ok((v.rows.find((r) => r.id === demoId)?.pulse ?? 0) > 0);
    assert.equal(v.rows.find((r) => r.id === PREVIOUS_ID)?.pulse, null);
    assert.equal(v.rows.find((r) => r.id === kenya)?.index, null);
    // A second look gives the same numbers (finished results are kept, not recomputed).
    assert.deepEqual((await getProgrammeView(ctx, officer)).rows, v.rows);
  });

  test('an officer reads overview, results and report, and changes nothing unless a member', async () => {
    const ctx = get().ctx;
    const b = await signIn('paula@example.org');
    const to = assessmentPaths(demoId);
    for (const path of [to.overview, to.results, to.resultsCsv, assessmentPaths(PREVIOUS_ID).report()]) assert.equal((await b.get(path)).status, 200, path);
    // Another country's assessment does not exist for them.
    assert.equal((await b.get(assessmentPaths(fiji).overview)).status, 404);
    assert.equal((await b.post(assessmentPaths(fiji).state, { to: 'collecting' })).status, 404);
    for (const path of [to.participants, to.settings, to.workshop, to.answer, to.plan, to.pulse]) assert.equal((await b.get(path)).status, 403, path);
    for (const [path, form] of [
      [to.state, { to: 'consolidating' }],
      [to.settings, { targetIndex: '0.9' }],
      [to.invitations, { name: 'X', organisation: 'Y', group: 'academia', role: 'respondent' }],
      [to.organisations, { name: 'New org', group: 'academia' }],
      [to.answerPillar('A'), { 'A.01': '3' }],
      [to.submit, {}],
      [to.anonymise, { anonymise: '1' }],
      [to.polls, { itemId: 'A.01' }],
      [to.consensus('A.01'), { value: '3', rationale: 'x' }],
      [to.pulse, {}],
      [to.planGenerate, {}],
    ] as const) {
      assert.equal((await b.post(path, form as Record<string, string>)).status, 403, path);
    }
    const state = await ctx.db.kysely.selectFrom('assessments').select('state').where('id', '=', demoId).executeTakeFirstOrThrow();
    assert.equal(state.state, 'collecting');
    await assert.rejects(loadAssessment(ctx, officer, demoId, 'answers.write_own'), /forbidden/);
    // Made a respondent of the demo, the officer answers there as any respondent — and still reads results.
    await insertMembership(ctx.db.kysely, { id: newId(), assessment_id: demoId, user_id: officer.id, role: 'respondent', organisation_id: null, created_at: ctx.now().toISOString() });
    const access = await loadAssessment(ctx, officer, demoId, 'answers.write_own');
    assert.equal(access.role, 'respondent');
    assert.ok(access.may('results.read'));
    assert.ok(!access.may('participants.read'));
    assert.equal((await b.get(to.answer)).status < 400, true);
  });

  test('filters by region, subregion, cycle and state', async () => {
    const ctx = get().ctx;
    const ids = async (f: Parameters<typeof getProgrammeView>[2]) => (await getProgrammeView(ctx, admin, f)).rows.map((r) => r.id).sort();
    // Kenya: Africa (002), Eastern Africa (014); Fiji: Oceania (009), Melanesia (054); Demoland has no M49 area.
    assert.deepEqual(await ids({ region: '002' }), [kenya]);
    assert.deepEqual(await ids({ subregion: '054' }), [fiji]);
    assert.deepEqual(await ids({ cycle: 2024 }), [PREVIOUS_ID]);
    assert.deepEqual(await ids({ state: 'published' }), [PREVIOUS_ID]);
    assert.deepEqual(await ids({ region: '002', state: 'published' }), []);
    const v = await getProgrammeView(ctx, admin);
    assert.deepEqual(v.facets.regions, ['002', '009']);
    assert.ok(v.facets.cycles.includes(2024) && v.facets.cycles.includes(2026));
    // The GET form works without script: the query string narrows the page; nonsense values are dropped.
    const b = await signIn('adam@example.org');
    const page = await b.get(paths.programme('region=002&cycle=2026'));
    assert.match(page.text, /Kenya/);
    assert.doesNotMatch(page.text, /Fiji/);
    assert.match(page.text, /<option value="002" selected="">/);
    const odd = await b.get(paths.programme('region=%3Cx%3E&cycle=abc&state=nope'));
    assert.equal(odd.status, 200);
    assert.match(odd.text, /Fiji/);
  });

  test('the export has the published results only, as numbers, labelled in the language, with no personal data', async () => {
    const ctx = get().ctx;
    const b = await signIn('paula@example.org');
    const r = await b.get(paths.programmeCsv());
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /text\/csv/);
    const rows = parseCsv(r.text.replace(/^\uFEFF/, ''));
    assert.equal(rows.length, 2, 'a header and the one published result');
    const [head, row] = rows as [string[], string[]];
    const col = (name: string) => row[head.indexOf(name)];
    assert.equal(col('Country code (ISO 3166-1 alpha-3)'), 'XDM');
    assert.equal(col('Cycle year'), '2024');
    const res = await computeResults(ctx, OPERATOR, PREVIOUS_ID);
    assert.equal(Number(col('METEP index (0–1)')), Math.round(res.scores.score! * 1e6) / 1e6);
    assert.match(col('95 % interval, low') ?? '', /^0\.\d+$/);
    // No names, e-mail addresses or organisations of the people who answered.
    for (const personal of ['@', 'Amina', 'Haddad', 'Rania', 'Ministry of Digital Affairs', 'Open Government Network']) assert.ok(!r.text.includes(personal), personal);
    // A filter naming another state still exports published results only.
    const collecting = parseCsv((await b.get(paths.programmeCsv('state=collecting'))).text.replace(/^\uFEFF/, ''));
    assert.equal(collecting.length, 2);
    // Labels in the language chosen.
    await b.get(`${paths.home}?lang=fr`);
    const fr = parseCsv((await b.get(paths.programmeCsv())).text.replace(/^\uFEFF/, ''));
    assert.equal(fr[0]?.[0], 'Code du pays (ISO 3166-1 alpha-3)');
    assert.equal(fr[1]?.[1], 'Démoland (pays fictif, pour la formation)');
  });
}, {});
