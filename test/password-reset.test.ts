// "Forgot your password?" and accounts made by an administrator, over a real SMTP server (test/smtp.ts):
// the same answer for known and unknown addresses, the mail in the account's language, a hashed expiring
// one-time link, throttling, and the advice to ask an administrator when the installation has no mail.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { createApp } from '../src/http/app.tsx';
import { hashToken } from '../src/lib/tokens.ts';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';
import { bodyOf, startSmtpSink } from './smtp.ts';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
before(async () => {
  smtp = await startSmtpSink();
});
after(async () => smtp?.close());

/** Waits for the nth message to reach the sink (the reset mail is sent without holding up the answer). */
async function nthMessage(n: number) {
  for (let i = 0; i < 200 && smtp.messages.length < n; i++) await new Promise((r) => setTimeout(r, 25));
  const m = smtp.messages[n - 1];
  assert.ok(m, `message ${n} arrived`);
  return m;
}

eachDialect('forgot password and set-password links', (get) => {
  let app: ReturnType<typeof createApp>;
  before(async () => {
    await createUser(get().ctx, OPERATOR, { name: 'Ada Admin', email: 'ada@example.org', password: 'ada has a long password', isAdmin: true });
    await createUser(get().ctx, OPERATOR, { name: 'Rania', email: 'rania@example.org', password: 'rania has a long password', locale: 'ar' });
    app = createApp(get().ctx);
  });

  test('without SMTP the page says to ask an administrator and sends nothing', async () => {
    get().ctx.config.smtpUrl = undefined;
    const before = smtp.messages.length;
    let r = await new Browser(app).get('/sign-in');
    assert.match(r.text, /href="\/forgot-password"/);
    r = await new Browser(app).get('/forgot-password');
    assert.equal(r.status, 200);
    assert.match(r.text, /Ask an administrator/);
    assert.doesNotMatch(r.text, /name="email"/);
    r = await new Browser(app).post('/forgot-password', { email: 'rania@example.org' });
    assert.equal(r.status, 409);
    assert.match(r.text, /Ask an administrator/);
    assert.equal(smtp.messages.length, before);
  });

  test('with SMTP: one neutral answer; the known account gets a mail in its language with a one-time link', async () => {
    const { ctx, db } = get();
    ctx.config.smtpUrl = smtp.url;
    const start = smtp.messages.length;
    const unknown = await new Browser(app).post('/forgot-password', { email: 'nobody@example.org' });
    const known = await new Browser(app).post('/forgot-password', { email: 'Rania@Example.org' });
    assert.equal(unknown.status, 200);
    assert.equal(known.status, 200);
    const answer = (t: string) => /<p class="flash" role="status">([^<]+)</.exec(t)?.[1];
    assert.ok(answer(known.text));
    assert.equal(answer(unknown.text), answer(known.text), 'the same answer whether or not the account exists');
    const m = await nthMessage(start + 1);
    assert.deepEqual(m.to, ['rania@example.org']);
    const body = bodyOf(m.raw);
    assert.match(body, /كلمة مرور جديدة/, 'written in the account holder’s language (Arabic)');
    const url = /http:\/\/metep\.test(\/reset\/[^\s]+)/.exec(body)?.[1];
    assert.ok(url);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(smtp.messages.length, start + 1, 'nothing goes to an unknown address');
    // Only the token's hash is stored, with an expiry.
    const token = url.split('/').pop() as string;
    const row = await db.kysely.selectFrom('auth_tokens').selectAll().where('id', '=', hashToken(token)).executeTakeFirstOrThrow();
    assert.equal(row.kind, 'reset');
    assert.ok(Date.parse(row.expires_at) > ctx.now().getTime());
    // An API token made before the reset (by the owner, or by whoever had taken the account over).
    const owner = new Browser(app);
    assert.equal((await owner.post('/sign-in', { email: 'rania@example.org', password: 'rania has a long password' })).status, 303);
    const made = await owner.post('/account/tokens', { name: 'before the reset', days: '30', scope: 'read', assessmentId: '' });
    const secret = /metep_[A-Za-z0-9_-]{43}/.exec(made.text)?.[0] as string;
    assert.ok(secret);
    const withToken = () => app.request('http://metep.test/api/v1/assessments', { headers: { authorization: `Bearer ${secret}` } });
    assert.equal((await withToken()).status, 200);
    const b = new Browser(app);
    let r = await b.post(url, { password: 'rania has a new password', confirm: 'rania has a new password' });
    assert.equal(r.status, 303);
    assert.equal((await withToken()).status, 401, 'the reset revoked the API token');
    assert.notEqual((await owner.get('/account/tokens')).status, 200, 'and ended the old session');
    r = await new Browser(app).post('/sign-in', { email: 'rania@example.org', password: 'rania has a new password' });
    assert.equal(r.status, 303);
    r = await new Browser(app).post(url, { password: 'once more a password', confirm: 'once more a password' });
    assert.equal(r.status, 410, 'the link works once');
  });

  test('a link expires; requests for one address are throttled', async () => {
    const { ctx } = get();
    ctx.config.smtpUrl = smtp.url;
    const start = smtp.messages.length;
    await new Browser(app).post('/forgot-password', { email: 'ada@example.org' });
    const url = /http:\/\/metep\.test(\/reset\/[^\s]+)/.exec(bodyOf((await nthMessage(start + 1)).raw))?.[1] as string;
    get().advance(ctx.config.resetLinkMs + 1000);
    const r = await new Browser(app).get(url);
    assert.equal(r.status, 410, 'an expired link no longer works');
    for (let i = 0; i < 5; i++) {
      const x = await new Browser(app).post('/forgot-password', { email: 'ada@example.org' });
      assert.equal(x.status, 200, 'throttled requests get the same answer');
    }
    // Mails leave without holding up the answer: wait for the ones due, then a moment for any stray one.
    await nthMessage(start + 1 + 3);
    await new Promise((r2) => setTimeout(r2, 300));
    // The clock moved past the throttle window above, so the count started again: three more mails, then none.
    assert.equal(smtp.messages.length, start + 1 + 3, 'three requests per address in the window, then none');
  });

  test('an administrator adds an account without typing its password: the owner gets a welcome link by mail', async () => {
    const { ctx } = get();
    ctx.config.smtpUrl = smtp.url;
    const admin = new Browser(app);
    await admin.post('/sign-in', { email: 'ada@example.org', password: 'ada has a long password' });
    await admin.get('/admin/users?lang=fr');
    let r = await admin.get('/admin/users');
    assert.doesNotMatch(r.text, /type="password"/);
    assert.match(r.text, /name="deliver" value="email"/);
    const start = smtp.messages.length;
    r = await admin.post('/admin/users', { name: 'Léa', email: 'lea@example.org', deliver: 'email' });
    assert.equal(r.status, 303);
    const m = await nthMessage(start + 1);
    assert.deepEqual(m.to, ['lea@example.org']);
    const body = bodyOf(m.raw);
    assert.match(body, /Un administrateur a créé un compte METEP/, "in the administrator's page language");
    const url = /http:\/\/metep\.test(\/reset\/[^\s]+)/.exec(body)?.[1] as string;
    r = await new Browser(app).post(url, { password: 'lea chose this password', confirm: 'lea chose this password' });
    assert.equal(r.status, 303);
    r = await new Browser(app).post('/sign-in', { email: 'lea@example.org', password: 'lea chose this password' });
    assert.equal(r.status, 303);
  });
});
