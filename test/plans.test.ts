// The action plan on real databases: the demo's adopted 2024 plan with progress; drafting the 2026 plan
// from its results (priorities equal the documented formula recomputed here, duplicate actions merged),
// refused before validation; edits with a conflict between two people; bad input named per field; sections;
// adoption freezes; progress with evidence; a new version; carry-over into the next cycle with before/after
// on the plan page and the results page; permissions; and the routes, downloads and API as browsers use them.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { OPERATOR, type Actor } from '../src/domain/kernel/context.ts';
import { AppError } from '../src/domain/kernel/errors.ts';
import { addPlanAction } from '../src/domain/plans/add-plan-action.ts';
import { adoptPlan } from '../src/domain/plans/adopt-plan.ts';
import { createPlanDraft } from '../src/domain/plans/create-plan-draft.ts';
import { getPlan } from '../src/domain/plans/get-plan.ts';
import { loadLatestPlan, type TPlanAction } from '../src/domain/plans/plan-model.ts';
import { recordPlanUpdate } from '../src/domain/plans/record-plan-update.ts';
import { PlanActionConflict, savePlanAction } from '../src/domain/plans/save-plan-action.ts';
import { PlanSectionConflict, savePlanSection } from '../src/domain/plans/save-plan-section.ts';
import { startPlanVersion } from '../src/domain/plans/start-plan-version.ts';
import { computeResults } from '../src/domain/results/compute-results.ts';
import { getResultsPage } from '../src/domain/results/get-results-page.ts';
import { recordConsensus } from '../src/domain/workshop/record-consensus.ts';
import { createApp } from '../src/http/app.tsx';
import { allPillars, locateItem } from '../src/instrument/model.ts';
import { DRAFT_SIZE } from '../src/scoring/plan-priority.ts';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';

const PREVIOUS = '00000000-0000-4000-8000-000000000de4';

/** Form-like input that re-saves an action as it is, with some fields changed. */
function input(a: TPlanAction, change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    baseRevision: a.revision, title: a.title, description: a.description, leadOrg: a.lead_org ?? '', partners: a.partners, start: a.start_q, end: a.end_q,
    indicator: a.indicator, unit: a.indicator_unit, baseline: a.baseline ?? '', target: a.target ?? '', budget: a.budget ?? '', status: a.status,
    dropReason: a.drop_reason ?? '', items: a.items.join(', '), pillars: a.pillars, sdg: a.sdg, ...change,
  };
}

/** The fields of an invalid-input error, or fails. */
async function fieldsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError && e.code === 'invalid_input', String(e));
    return e.fields;
  }
  assert.fail('expected invalid input');
}

/** The code of the AppError a promise rejects with. */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e.code;
  }
  assert.fail('expected an error');
}

eachDialect('action plan', (get) => {
  let id = '';
  let password = '';
  const people = new Map<string, Actor>();
  const as = (role: string) => people.get(role) as Actor;

  before(async () => {
    const ctx = get().ctx;
    const demo = await seedDemo(ctx);
    id = demo.assessmentId;
    password = demo.accounts[0]!.password;
    for (const role of ['coordinator', 'facilitator', 'observer']) {
      const u = await ctx.db.kysely.selectFrom('users').selectAll().where('email', '=', `${role}@demo.metep.example`).executeTakeFirstOrThrow();
      people.set(role, { id: u.id, isAdmin: false, isCoordinator: role === 'coordinator', email: u.email, name: u.name, locale: null });
    }
  });

  test('the demo: the validated 2024 cycle has an adopted plan with owners, indicators and progress with evidence', async () => {
    const plan = await loadLatestPlan(get().ctx, PREVIOUS);
    assert.equal(plan?.plan.status, 'adopted');
    assert.ok((plan?.actions.length ?? 0) >= 5);
    const first = plan!.actions[0]!;
    assert.ok(first.lead_org && first.indicator && first.budget);
    assert.equal(first.currentStatus, 'done');
    assert.equal(first.completion, 'complete');
    assert.match(first.updates[0]?.evidence_url ?? '', /^https:\/\//);
    // A second run adds no plan (and issues fresh passwords, kept for the route test).
    password = (await seedDemo(get().ctx)).accounts[0]!.password;
    assert.equal((await loadLatestPlan(get().ctx, PREVIOUS))?.plan.id, plan?.plan.id);
  });

  test('drafting: a preview during consolidation, refused until validated', async () => {
    const ctx = get().ctx;
    const collecting = await getPlan(ctx, as('coordinator'), id);
    assert.equal(collecting.preview, undefined, 'no preview while collecting');
    await changeAssessmentState(ctx, OPERATOR, id, { to: 'consolidating' });
    // The workshop agrees that A.03 and F.01 are at level 0: both recommend the same action (F.01's is
    // marked sameAs A.03's), so the draft must merge them.
    await recordConsensus(ctx, as('facilitator'), id, 'A.03', { value: { kind: 'level', level: 0 }, rationale: 'Nothing in place yet.', baseRevision: 0 });
    await recordConsensus(ctx, as('facilitator'), id, 'F.01', { value: { kind: 'number', number: 0 }, rationale: 'Nothing in place yet.', baseRevision: 0 });
    const preview = await getPlan(ctx, as('coordinator'), id);
    assert.ok(preview.preview && preview.preview.actions.length > 0);
    assert.equal(preview.canGenerate, false);
    assert.equal(await codeOf(createPlanDraft(ctx, as('coordinator'), id, {})), 'conflict');
    await changeAssessmentState(ctx, OPERATOR, id, { to: 'validated', acknowledge: 'yes' });
  });

  test('drafting: priorities equal the documented formula; duplicate actions merged with links to every item', async () => {
    const ctx = get().ctx;
    assert.equal(await codeOf(createPlanDraft(ctx, as('facilitator'), id, {})), 'forbidden', 'the coordinator drafts the plan');
    const { actions } = await createPlanDraft(ctx, as('coordinator'), id, { language: 'fr' });
    const plan = (await loadLatestPlan(ctx, id))!;
    assert.equal(plan.plan.status, 'draft');
    assert.equal(plan.plan.language, 'fr');
    assert.equal(plan.actions.length, actions);
    // docs/METHODOLOGY.md §12, recomputed from the results without the engine's plan code.
    const res = await computeResults(ctx, as('coordinator'), id);
    const inst = res.access.instrument;
    const reference = Math.max(res.access.assessment.target_index ?? 0, 0.5);
    const pillarTotal = allPillars(inst).reduce((s, p) => s + p.weight, 0);
    const expected = new Map<string, number>();
    for (const c of res.items) {
      const located = locateItem(inst, c.id)!;
      const s = res.scores.items.find((x) => x.id === c.id)?.score ?? null;
      if (located.item.type === 'text' || s === null || s >= reference) continue;
      const itemTotal = located.pillar.items.filter((i) => i.type !== 'text').reduce((x, i) => x + i.weight, 0);
      const share = (located.pillar.weight / pillarTotal) * (located.item.weight / itemTotal);
      const confidence = 0.5 + 0.25 * (c.agreement ?? 0) + 0.25 * (c.n ? c.withEvidence / c.n : 0);
      const p = 100 * share * (reference - s) * confidence;
      for (const a of located.item.actions) {
        const key = a.sameAs ?? `${c.id}/${a.id}`;
        expected.set(key, (expected.get(key) ?? 0) + p);
      }
    }
    // The draft starts with the DRAFT_SIZE most urgent actions.
    const top = [...expected].sort((x, y) => y[1] - x[1]).slice(0, DRAFT_SIZE);
    assert.ok(expected.size > DRAFT_SIZE, 'the fixture suggests more actions than a draft holds');
    assert.deepEqual(new Set(plan.actions.map((a) => a.action_key)), new Set(top.map(([k]) => k)));
    for (const a of plan.actions) assert.ok(Math.abs((a.priority ?? -1) - (expected.get(a.action_key!) ?? 0)) < 1e-9, `${a.action_key} priority`);
    for (let i = 1; i < plan.actions.length; i++) assert.ok(plan.actions[i - 1]!.priority! >= plan.actions[i]!.priority!, 'highest priority first');
    const merged = plan.actions.find((a) => a.action_key === 'A.03/a1');
    assert.deepEqual([...(merged?.items ?? [])].sort(), ['A.03', 'F.01']);
    assert.equal(plan.actions.filter((a) => a.action_key?.startsWith('F.01/')).length, 0, 'the copies are not separate actions');
    assert.ok(plan.sections.get('context')?.body.includes('METEP'), 'narrative sections drafted from the French templates');
    assert.match(plan.sections.get('context')?.body ?? '', /En 2026/);
    assert.equal(await codeOf(createPlanDraft(ctx, as('coordinator'), id, {})), 'conflict', 'one plan per assessment');
  });

  test('editing: a stale save is refused with the newer version; nothing is overwritten; the audit log has both', async () => {
    const ctx = get().ctx;
    const a = (await loadLatestPlan(ctx, id))!.actions[0]!;
    const orgs = await ctx.db.kysely.selectFrom('organisations').select(['id', 'name']).where('assessment_id', '=', id).execute();
    await savePlanAction(ctx, as('facilitator'), id, a.id, input(a, { leadOrg: orgs[0]!.id, indicator: 'Ministries consulting online', unit: 'percent', baseline: '10', target: '75', budget: 'small' }));
    try {
      await savePlanAction(ctx, as('coordinator'), id, a.id, input(a, { title: 'A different title' }));
      assert.fail('a stale save must be refused');
    } catch (e) {
      assert.ok(e instanceof PlanActionConflict);
      assert.equal(e.status, 409);
      assert.equal(e.newer?.revision, 2);
      assert.equal(e.newer?.indicator, 'Ministries consulting online');
    }
    const now = (await loadLatestPlan(ctx, id))!.actions.find((x) => x.id === a.id)!;
    assert.equal(now.title, a.title);
    assert.equal(now.target, 75);
    const audits = await ctx.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', a.id).execute();
    assert.deepEqual(audits.map((r) => r.action), ['plan.action.update']);
  });

  test('bad input is named per field: end before start, unknown organisation, empty title, target out of range, unknown item, drop without reason', async () => {
    const ctx = get().ctx;
    const a = (await loadLatestPlan(ctx, id))!.actions[1]!;
    const f = await fieldsOf(savePlanAction(ctx, as('facilitator'), id, a.id, input(a, { title: '  ', start: '2027Q3', end: '2027Q1', leadOrg: 'no-such-org', unit: 'percent', target: '150', status: 'dropped', dropReason: '' })));
    assert.equal(f.title, 'error.plan_title_required');
    assert.equal(f.end, 'error.plan_end_before_start');
    assert.equal(f.target, 'error.plan_value_range');
    assert.equal(f.dropReason, 'error.plan_drop_reason');
    const g = await fieldsOf(savePlanAction(ctx, as('facilitator'), id, a.id, input(a, { leadOrg: 'no-such-org', items: 'A.03, Z.99', unit: 'score', baseline: '0.2', target: '0.8' })));
    assert.equal(g.leadOrg, 'error.plan_unknown_org');
    assert.equal(g.items, 'error.plan_unknown_item');
    const h = await fieldsOf(savePlanAction(ctx, as('facilitator'), id, a.id, input(a, { unit: 'count', baseline: '-1', target: '12' })));
    assert.equal(h.baseline, 'error.plan_value_min');
    assert.equal((await fieldsOf(savePlanAction(ctx, as('facilitator'), id, a.id, input(a, { target: 'many' })))).target, 'error.plan_number');
    // Every problem at once: a number that is none no longer hides the dates' order until the next save.
    const both = await fieldsOf(savePlanAction(ctx, as('facilitator'), id, a.id, input(a, { baseline: 'some', start: '2027Q3', end: '2027Q1' })));
    assert.deepEqual([both.baseline, both.end], ['error.plan_number', 'error.plan_end_before_start']);
    assert.equal((await loadLatestPlan(ctx, id))!.actions[1]!.revision, a.revision, 'nothing written');
  });

  test('actions added by hand go last without a priority; sections are edited with the same conflict rule', async () => {
    const ctx = get().ctx;
    const { actionId } = await addPlanAction(ctx, as('facilitator'), id, { title: 'Publish the plan on the national portal', start: '2027Q1', end: '2027Q2', unit: 'count', status: 'planned', items: 'C.01', sdg: '16.10' });
    const plan = (await loadLatestPlan(ctx, id))!;
    const added = plan.actions[plan.actions.length - 1]!;
    assert.equal(added.id, actionId);
    assert.equal(added.priority, null);
    assert.deepEqual(added.pillars, ['C']);
    assert.deepEqual(added.sdg, ['16.10']);
    const s = plan.sections.get('vision')!;
    await savePlanSection(ctx, as('facilitator'), id, 'vision', { body: 'Everyone can take part.', baseRevision: s.revision });
    await assert.rejects(savePlanSection(ctx, as('coordinator'), id, 'vision', { body: 'Another vision.', baseRevision: s.revision }), (e) => e instanceof PlanSectionConflict && e.newer?.body === 'Everyone can take part.');
    // A pillar objective that was not drafted is written at revision 1.
    const missing = allPillars((await computeResults(ctx, as('coordinator'), id)).access.instrument).find((p) => !plan.sections.has(`objective.${p.id}`));
    if (missing) await savePlanSection(ctx, as('coordinator'), id, `objective.${missing.id}`, { body: 'Keep the score.', baseRevision: 0 });
    assert.equal(await codeOf(savePlanSection(ctx, as('coordinator'), id, 'not-a-section', { body: 'x', baseRevision: 0 })), 'not_found');
  });

  test('permissions: observers read the plan but neither edit, adopt nor record progress', async () => {
    const ctx = get().ctx;
    const a = (await loadLatestPlan(ctx, id))!.actions[0]!;
    assert.ok((await getPlan(ctx, as('observer'), id)).own);
    assert.equal(await codeOf(savePlanAction(ctx, as('observer'), id, a.id, input(a))), 'forbidden');
    assert.equal(await codeOf(adoptPlan(ctx, as('observer'), id)), 'forbidden');
    assert.equal(await codeOf(adoptPlan(ctx, as('facilitator'), id)), 'forbidden');
  });

  test('adoption freezes the plan; progress needs evidence beyond "not started"; a new version copies the current status', async () => {
    const ctx = get().ctx;
    assert.equal(await codeOf(recordPlanUpdate(ctx, as('coordinator'), id, (await loadLatestPlan(ctx, id))!.actions[0]!.id, { status: 'in_progress', completion: 'limited', evidenceUrl: 'https://example.org/x' })), 'conflict', 'no progress on a draft');
    await adoptPlan(ctx, as('coordinator'), id);
    const plan = (await loadLatestPlan(ctx, id))!;
    const a = plan.actions[0]!;
    assert.equal(plan.plan.status, 'adopted');
    assert.equal(await codeOf(savePlanAction(ctx, as('coordinator'), id, a.id, input(a))), 'conflict');
    assert.equal(await codeOf(addPlanAction(ctx, as('coordinator'), id, { title: 'Late', start: '2027Q1', end: '2027Q1', unit: 'count', status: 'planned' })), 'conflict');
    assert.equal(await codeOf(savePlanSection(ctx, as('coordinator'), id, 'vision', { body: 'x', baseRevision: 2 })), 'conflict');
    assert.equal(await codeOf(adoptPlan(ctx, as('coordinator'), id)), 'conflict');
    const f = await fieldsOf(recordPlanUpdate(ctx, as('coordinator'), id, a.id, { status: 'in_progress', completion: 'limited', evidenceUrl: '' }));
    assert.equal(f.evidenceUrl, 'error.plan_evidence_required');
    assert.equal((await fieldsOf(recordPlanUpdate(ctx, as('coordinator'), id, a.id, { status: 'in_progress', completion: 'limited', evidenceUrl: 'javascript:alert(1)' }))).evidenceUrl, 'error.url_invalid');
    assert.equal(await codeOf(recordPlanUpdate(ctx, as('facilitator'), id, a.id, { status: 'done', completion: 'complete', evidenceUrl: 'https://example.org/x' })), 'forbidden');
    get().advance(60_000);
    await recordPlanUpdate(ctx, as('coordinator'), id, a.id, { status: 'in_progress', completion: 'limited', evidenceUrl: 'https://example.org/decree', note: 'Decree signed.' });
    const after = (await loadLatestPlan(ctx, id))!.actions[0]!;
    assert.equal(after.status, 'planned', 'the adopted action itself is unchanged');
    assert.equal(after.currentStatus, 'in_progress');
    assert.equal(after.completion, 'limited');
    await startPlanVersion(ctx, as('coordinator'), id);
    assert.equal(await codeOf(startPlanVersion(ctx, as('coordinator'), id)), 'conflict', 'one open draft at a time');
    const v2 = (await loadLatestPlan(ctx, id))!;
    assert.equal(v2.plan.version, 2);
    assert.equal(v2.plan.status, 'draft');
    assert.equal(v2.actions[0]!.status, 'in_progress');
    assert.equal(v2.sections.get('vision')?.body, 'Everyone can take part.');
    await adoptPlan(ctx, as('coordinator'), id);
    const versions = await ctx.db.kysely.selectFrom('plans').select(['version', 'status']).where('assessment_id', '=', id).orderBy('version').execute();
    assert.deepEqual(versions.map((v) => [Number(v.version), v.status]), [[1, 'superseded'], [2, 'adopted']]);
  });

  test('carry-over: the next cycle shows the previous adopted plan with before/after scores, on the plan page and the results page', async () => {
    const ctx = get().ctx;
    const pg = await getPlan(ctx, as('coordinator'), id);
    assert.equal(pg.carried?.access.assessment.id, PREVIOUS);
    const before = await computeResults(ctx, as('coordinator'), PREVIOUS);
    const now = await computeResults(ctx, as('coordinator'), id);
    const score = (r: typeof now, item: string) => r.scores.items.find((x) => x.id === item)?.score ?? null;
    const weight = (item: string) => now.scores.items.find((x) => x.id === item)!.weight;
    for (const a of pg.carried!.plan.actions) {
      const both = a.items.filter((i) => score(before, i) !== null && score(now, i) !== null);
      const w = both.reduce((s, i) => s + weight(i), 0);
      const e = pg.effects.get(a.id);
      if (!w) {
        assert.equal(e?.change, null);
        continue;
      }
      const b = both.reduce((s, i) => s + weight(i) * score(before, i)!, 0) / w;
      const n = both.reduce((s, i) => s + weight(i) * score(now, i)!, 0) / w;
      assert.ok(Math.abs((e?.before ?? NaN) - b) < 1e-12 && Math.abs((e?.after ?? NaN) - n) < 1e-12, `${a.title}: before/after`);
    }
    // Progress on the carried plan is recorded from the new cycle.
    const carriedAction = pg.carried!.plan.actions[4]!;
    await recordPlanUpdate(ctx, as('coordinator'), id, carriedAction.id, { status: 'done', completion: 'complete', evidenceUrl: 'https://example.org/audit-report', note: 'Audit published.' });
    const again = await getPlan(ctx, as('coordinator'), id);
    assert.equal(again.carried!.plan.actions[4]!.currentStatus, 'done');
    const results = await getResultsPage(ctx, as('observer'), id);
    assert.equal(results.planEffects?.cycleYear, 2024);
    assert.equal(results.planEffects?.plan.actions.length, pg.carried!.plan.actions.length);
  });

  test('routes: the pages, a stale save through the form (409, typed text kept), downloads and the API', async () => {
    const app = createApp(get().ctx);
    const b = new Browser(app);
    assert.equal((await b.post('/sign-in', { email: 'coordinator@demo.metep.example', password })).status, 303);
    const pageRes = await b.get(`/assessments/${PREVIOUS}/plan`);
    assert.equal(pageRes.status, 200);
    assert.match(pageRes.text, /Action plan, version 1/);
    const timeline = await b.get(`/assessments/${PREVIOUS}/plan/timeline`);
    assert.match(timeline.text, /<svg[^>]+role="img"/);
    assert.match(timeline.text, /id="timeline-table"/);
    const json = await b.get(`/api/v1/assessments/${PREVIOUS}/plan`);
    assert.equal(json.status, 200);
    const doc = JSON.parse(json.text) as { plan: { status: string }; actions: { title: string; updates: unknown[]; lead: { name: string } | null }[] };
    assert.equal(doc.plan.status, 'adopted');
    assert.ok(doc.actions[0]?.lead?.name);
    assert.ok(doc.actions[0]!.updates.length >= 1);
    assert.ok(!('revision_json' in doc) && !JSON.stringify(doc).includes('updated_by'), 'a whitelist, not rows');
    const csv = await b.get(`/assessments/${PREVIOUS}/plan.csv`);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.equal(csv.text.split('\n')[0]?.replace('\uFEFF', '').split(',')[0], 'position');
    b.cookies.set('metep_lang', 'ar');
    const xlsx = await app.request(`http://metep.test/assessments/${PREVIOUS}/plan.xlsx`, { headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    assert.equal(wb.worksheets.length, 1);
    assert.equal(wb.worksheets[0]!.views[0]?.rightToLeft, true, 'Arabic sheet is right-to-left');
    assert.equal(wb.worksheets[0]!.getCell('B1').value, 'الإجراء');
    b.cookies.set('metep_lang', 'en');
    // A stale edit through the form: 409, the colleague's version shown, the typed title kept.
    const ctx = get().ctx;
    const v2 = (await loadLatestPlan(ctx, id))!;
    await startPlanVersion(ctx, as('coordinator'), id);
    const draft = (await loadLatestPlan(ctx, id))!;
    const a = draft.actions[0]!;
    await savePlanAction(ctx, as('facilitator'), id, a.id, input(a, { title: 'Saved first by the facilitator' }));
    const form = Object.fromEntries(Object.entries(input(a, { title: 'Typed by the coordinator' })).filter(([, v]) => !Array.isArray(v)).map(([k, v]) => [k, String(v)]));
    const stale = await b.post(`/assessments/${id}/plan/actions/${a.id}`, form);
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Saved first by the facilitator/);
    assert.match(stale.text, /Typed by the coordinator/);
    const bad = await b.post(`/assessments/${id}/plan/actions/${a.id}`, { ...form, baseRevision: '2', start: '2028Q2', end: '2027Q1', target: '500' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /The end comes before the start/);
    assert.match(bad.text, /between 0 and 100/);
    assert.match(bad.text, /value="500"/, 'what was typed is kept');
    assert.ok(v2.plan.version < draft.plan.version);
    // Observers see no edit links and cannot post.
    const obs = new Browser(app);
    await obs.post('/sign-in', { email: 'observer@demo.metep.example', password });
    assert.equal((await obs.post(`/assessments/${id}/plan/actions/${a.id}`, form)).status, 403);
    const results = await obs.get(`/assessments/${id}/results`);
    assert.match(results.text, /Did what we did move what we measured\?/);
  });
});
