// Editing after creation (issue 10, item 6) through the HTTP routes as a coordinator uses them, on real
// databases: deadline and target, an organisation's name and group, a person's role and organisation, removing
// an organisation and a person — each audited, stale forms refused with 409, and results recomputed from the
// corrected groups.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { resolveSession } from '../src/domain/accounts/resolve-session.ts';
import { computeResults } from '../src/domain/results/compute-results.ts';
import { eachDialect } from './env.ts';
import type { Browser } from './http.ts';
import { demoApp } from './support/demo.ts';

eachDialect('editing an assessment after creation', (get) => {
  let demo: Awaited<ReturnType<typeof demoApp>>;
  let coordinator: Browser;
  const base = () => `/assessments/${demo.id}`;
  const db = () => get().ctx.db.kysely;
  const lastAudit = (action: string) => db().selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const orgId = (name: string) => db().selectFrom('organisations').select(['id', 'revision']).where('assessment_id', '=', demo.id).where('name', '=', name).executeTakeFirstOrThrow();
  const membership = (email: string) =>
    db().selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['memberships.user_id as userId', 'memberships.revision', 'memberships.role', 'memberships.organisation_id']).where('memberships.assessment_id', '=', demo.id).where('users.email', '=', email).executeTakeFirst();
  const results = async () => computeResults(get().ctx, await resolveSession(get().ctx, coordinator.cookies.get('metep_session') ?? ''), demo.id);
  const overallGap = (r: Awaited<ReturnType<typeof results>>) => {
    const gs = r.gaps.pillars;
    return { nGov: Math.max(...gs.map((g) => g.nGovernment)), nNon: Math.max(...gs.map((g) => g.nNonGovernment)), gaps: gs.map((g) => g.gap) };
  };

  before(async () => {
    demo = await demoApp(get().ctx);
    coordinator = await demo.as('coordinator@demo.metep.example');
  });

  test('the participants page links each person and organisation to its edit page', async () => {
    const r = await coordinator.get(`${base()}/participants`);
    const ministry = await orgId('Ministry of Digital Affairs');
    assert.ok(r.text.includes(`href="${base()}/organisations/${ministry.id}"`));
    const m = await membership('respondent1@demo.metep.example');
    assert.ok(m && r.text.includes(`href="${base()}/people/${m.userId}"`));
    // People who may read the list but not manage it get no edit links.
    const facilitator = await demo.as('facilitator@demo.metep.example');
    assert.ok(!(await facilitator.get(`${base()}/participants`)).text.includes(`${base()}/people/`));
  });

  test('moving a respondent from government to civil society changes the perception gap, and the audit log says who moved whom', async () => {
    const before = overallGap(await results());
    const gov = await db()
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .innerJoin('answers', (j) => j.onRef('answers.user_id', '=', 'memberships.user_id').onRef('answers.assessment_id', '=', 'memberships.assessment_id'))
      .select(['memberships.user_id as userId', 'memberships.revision', 'organisations.name'])
      .where('memberships.assessment_id', '=', demo.id)
      .where('organisations.group_code', '=', 'central_government')
      .executeTakeFirstOrThrow();
    const page = await coordinator.get(`${base()}/people/${gov.userId}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /name="revision" value="0"/);
    const civic = await orgId('Open Government Network');
    const r = await coordinator.post(`${base()}/people/${gov.userId}`, { role: 'respondent', organisation: civic.id, revision: String(gov.revision) });
    assert.equal(r.status, 303);
    const after = overallGap(await results());
    assert.equal(after.nGov, before.nGov - 1);
    assert.equal(after.nNon, before.nNon + 1);
    assert.notDeepEqual(after.gaps, before.gaps);
    const a = await lastAudit('member.change');
    assert.equal(a.actor_id, (await membership('coordinator@demo.metep.example'))?.userId);
    assert.deepEqual(JSON.parse(a.before_json ?? ''), { user: gov.userId, role: 'respondent', organisation: gov.name, group: 'central_government' });
    assert.deepEqual(JSON.parse(a.after_json ?? ''), { user: gov.userId, role: 'respondent', organisation: 'Open Government Network', group: 'civil_society' });
    // The same form sent again (the page a colleague still had open) is stale: refused, nothing changed.
    const stale = await coordinator.post(`${base()}/people/${gov.userId}`, { role: 'observer', organisation: '', revision: String(gov.revision) });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /someone else changed this while you were editing/);
    assert.equal((await db().selectFrom('memberships').select('role').where('user_id', '=', gov.userId).where('assessment_id', '=', demo.id).executeTakeFirstOrThrow()).role, 'respondent');
  });

  test('an organisation is renamed and regrouped; a clashing name is refused in the user\'s language', async () => {
    const org = await orgId('Capital City Council');
    let r = await coordinator.post(`${base()}/organisations/${org.id}`, { name: 'Ministry of Finance', group: 'local_government', revision: String(org.revision) }, { 'accept-language': 'fr' });
    assert.equal(r.status, 409);
    assert.match(r.text, /Une autre organisation de cette évaluation porte déjà ce nom/);
    assert.match(r.text, /value="Ministry of Finance"/);
    r = await coordinator.post(`${base()}/organisations/${org.id}`, { name: 'Capital City Council (Civic Tech Office)', group: 'civil_society', revision: String(org.revision) });
    assert.equal(r.status, 303);
    const a = await lastAudit('organisation.edit');
    assert.deepEqual(JSON.parse(a.before_json ?? ''), { organisation: org.id, name: 'Capital City Council', group: 'local_government' });
    assert.equal(JSON.parse(a.after_json ?? '').group, 'civil_society');
    r = await coordinator.post(`${base()}/organisations/${org.id}`, { name: 'Again', group: 'media', revision: String(org.revision) });
    assert.equal(r.status, 409, 'stale revision');
    assert.match(r.text, /value="Capital City Council \(Civic Tech Office\)"/, 'the current name is shown');
  });

  test('an organisation with people cannot be removed until they are moved; an empty one can', async () => {
    const org = await orgId('Chamber of ICT Companies');
    const page = await coordinator.get(`${base()}/organisations/${org.id}`);
    assert.match(page.text, /An organization can be removed once nobody is in it/);
    assert.ok(!page.text.includes(`action="${base()}/organisations/${org.id}/remove"`));
    let r = await coordinator.post(`${base()}/organisations/${org.id}/remove`, { revision: String(org.revision) });
    assert.equal(r.status, 409);
    assert.match(r.text, /Not removed: 1 person and 0 invitations still belong to this organization/);
    const people = await db().selectFrom('memberships').select(['user_id', 'revision']).where('organisation_id', '=', org.id).execute();
    const academia = await orgId('State University, School of Governance');
    for (const p of people) assert.equal((await coordinator.post(`${base()}/people/${p.user_id}`, { role: 'respondent', organisation: academia.id, revision: String(p.revision) })).status, 303);
    assert.match((await coordinator.get(`${base()}/organisations/${org.id}`)).text, /Nobody is in this organization, so it can be removed/);
    r = await coordinator.post(`${base()}/organisations/${org.id}/remove`, { revision: String(org.revision) });
    assert.equal(r.status, 303);
    assert.equal((await coordinator.get(`${base()}/organisations/${org.id}`)).status, 404);
    assert.deepEqual(JSON.parse((await lastAudit('organisation.remove')).before_json ?? '').name, 'Chamber of ICT Companies');
  });

  test('removing a person who answered asks first, takes their answers out of the results and keeps them in the audit log', async () => {
    const m = await membership('respondent3@demo.metep.example');
    assert.ok(m);
    const answers = await db().selectFrom('answers').select('item_id').where('assessment_id', '=', demo.id).where('user_id', '=', m.userId).execute();
    assert.ok(answers.length > 0);
    const before = (await results()).respondents;
    const confirm = await coordinator.get(`${base()}/people/${m.userId}/remove`);
    assert.equal(confirm.status, 200);
    assert.match(confirm.text, new RegExp(`has answered ${answers.length} items\\. Removing them takes these answers out of the results`));
    assert.match(confirm.text, /name="confirm" value="yes"/);
    // Without the confirmation nothing happens.
    let r = await coordinator.post(`${base()}/people/${m.userId}/remove`, { revision: String(m.revision) });
    assert.equal(r.status, 400);
    assert.ok(await membership('respondent3@demo.metep.example'));
    r = await coordinator.post(`${base()}/people/${m.userId}/remove`, { revision: String(m.revision), confirm: 'yes' });
    assert.equal(r.status, 303);
    assert.equal(await membership('respondent3@demo.metep.example'), undefined);
    assert.equal((await results()).respondents, before - 1);
    const a = await lastAudit('member.remove');
    assert.equal(JSON.parse(a.before_json ?? '').answers.length, answers.length);
    // The person lost access.
    const gone = await demo.as('respondent3@demo.metep.example');
    assert.equal((await gone.get(`${base()}/answer`)).status, 404);
  });

  test('the last coordinator can be neither demoted nor removed', async () => {
    const me = await membership('coordinator@demo.metep.example');
    assert.ok(me);
    let r = await coordinator.post(`${base()}/people/${me.userId}`, { role: 'observer', organisation: '', revision: String(me.revision) });
    assert.equal(r.status, 409);
    assert.match(r.text, /An assessment needs at least one coordinator/);
    r = await coordinator.post(`${base()}/people/${me.userId}/remove`, { revision: String(me.revision), confirm: 'yes' });
    assert.equal(r.status, 409);
    assert.equal((await membership('coordinator@demo.metep.example'))?.role, 'coordinator');
  });

  test('the deadline is extended and the target changed; bad values and stale forms are refused; validated assessments are locked', async () => {
    const a = await db().selectFrom('assessments').select(['revision', 'deadline', 'target_index']).where('id', '=', demo.id).executeTakeFirstOrThrow();
    let r = await coordinator.post(`${base()}/settings`, { deadline: '2027-01-31', targetIndex: '2', revision: String(a.revision) }, { 'accept-language': 'es' });
    assert.equal(r.status, 400);
    assert.match(r.text, /value="2027-01-31"/);
    r = await coordinator.post(`${base()}/settings`, { deadline: '2027-01-31', targetIndex: '0.7', revision: String(a.revision) });
    assert.equal(r.status, 303);
    const now = await db().selectFrom('assessments').select(['deadline', 'target_index', 'revision']).where('id', '=', demo.id).executeTakeFirstOrThrow();
    assert.deepEqual({ deadline: now.deadline, target: now.target_index, revision: now.revision }, { deadline: '2027-01-31', target: 0.7, revision: a.revision + 1 });
    const audit = await lastAudit('assessment.settings');
    assert.deepEqual(JSON.parse(audit.before_json ?? ''), { deadline: a.deadline, targetIndex: a.target_index });
    assert.deepEqual(JSON.parse(audit.after_json ?? ''), { deadline: '2027-01-31', targetIndex: 0.7 });
    r = await coordinator.post(`${base()}/settings`, { deadline: '2027-02-28', targetIndex: '0.7', revision: String(a.revision) });
    assert.equal(r.status, 409);
    assert.match(r.text, /value="2027-01-31"/);
    assert.match((await coordinator.get(base())).text, new RegExp(`href="${base()}/settings"`));
    // The demo's previous cycle is validated: its people and settings are locked.
    const previous = await db().selectFrom('assessments').select(['id', 'revision']).where('state', '=', 'validated').executeTakeFirstOrThrow();
    r = await coordinator.post(`/assessments/${previous.id}/settings`, { deadline: '2027-01-31', targetIndex: '', revision: String(previous.revision) });
    assert.equal(r.status, 409);
    assert.match(r.text, /Move the assessment back to consolidation to change them/);
  });
});
