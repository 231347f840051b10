// Smaller things a coordinator met in a full cycle (issue 10, item 11): signing in leads to their
// assessments; the account form's checkboxes are checkbox-sized (not stretched like text fields).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { createApp } from '../src/http/app.tsx';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';

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
