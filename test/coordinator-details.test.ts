// Smaller things a coordinator met in a full cycle (issue 10, item 11): signing in leads to their
// assessments; the account form's checkboxes are checkbox-sized (not stretched like text fields); strengths
// that rest on weak agreement or no evidence are flagged.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { resolveSession } from '../src/domain/accounts/resolve-session.ts';
import { getResultsPage } from '../src/domain/results/get-results-page.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { createApp } from '../src/http/app.tsx';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';
import { demoApp } from './support/demo.ts';

eachDialect('coordinator details', (get) => {
  let app: ReturnType<typeof createApp>;
  before(async () => {
    await createUser(get().ctx, OPERATOR, { name: 'Ada Admin', email: 'ada@example.org', password: 'ada has a long password', isAdmin: true });
    await createUser(get().ctx, OPERATOR, { name: 'Cora Coordinator', email: 'cora@example.org', password: 'cora has a long password', isCoordinator: true });
    app = createApp(get().ctx);
  });

  test('after signing in a coordinator lands on their assessments; a page asked for still wins', async () => {
    const b = new Browser(app);
    let r = await b.post('/sign-in', { email: 'cora@example.org', password: 'cora has a long password' });
    assert.equal(r.location, '/assessments');
    r = await b.get('/sign-in');
    assert.equal(r.location, '/assessments');
    r = await new Browser(app).post('/sign-in', { email: 'cora@example.org', password: 'cora has a long password', next: '/methodology' });
    assert.equal(r.location, '/methodology');
  });

  test('the account form puts each checkbox beside its label, outside the full-width field styling', async () => {
    const b = new Browser(app);
    await b.post('/sign-in', { email: 'ada@example.org', password: 'ada has a long password' });
    const page = (await b.get('/admin/users')).text;
    for (const name of ['isAdmin', 'isCoordinator']) {
      assert.match(page, new RegExp(`<div class="choice"><input type="checkbox" id="f-${name}" name="${name}" value="1"/><label for="f-${name}">`));
      // `.field input` is stretched to the full width; a checkbox inside a .field would be too.
      assert.doesNotMatch(page, new RegExp(`<div class="field">(?:(?!</div>).)*name="${name}"`, 's'));
    }
  });
});

eachDialect('strengths resting on weak ground are flagged', (get) => {
  test('a strength without evidence or with weak agreement says so; one on firm ground carries no flag', async () => {
    const demo = await demoApp(get().ctx);
    const coordinator = await demo.as('coordinator@demo.metep.example');
    const strengthsOf = (html: string) => /<h4>Strengths \(highest scores\)<\/h4>\s*<ul>([\s\S]*?)<\/ul>\s*<h4>/.exec(html)?.[1] ?? '';
    const items = (html: string) => [...strengthsOf(html).matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1] ?? '');
    const page = await getResultsPage(get().ctx, await resolveSession(get().ctx, coordinator.cookies.get('metep_session') ?? ''), demo.id);
    assert.ok(page.strengths.length > 0);
    let html = (await coordinator.get(`/assessments/${demo.id}/results`)).text;
    const lis = items(html);
    assert.equal(lis.length, page.strengths.length);
    page.strengths.forEach((s, i) => {
      assert.equal(/no evidence attached/.test(lis[i] ?? ''), s.withEvidence === 0, `${s.item.id} evidence flag`);
      assert.equal(/weak agreement/.test(lis[i] ?? ''), s.agreement !== null && s.agreement < 0.667, `${s.item.id} agreement flag`);
    });
    // Without any evidence every strength is flagged.
    await get().ctx.db.kysely.deleteFrom('evidence').where('assessment_id', '=', demo.id).execute();
    html = (await coordinator.get(`/assessments/${demo.id}/results`)).text;
    assert.ok(items(html).length > 0 && items(html).every((li) => li.includes('no evidence attached')));
  });
});
