// Accounts on real databases: setup link, sign-in, throttling, sessions, password reset, audit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeSetup } from '../src/domain/accounts/complete-setup.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { createResetLink } from '../src/domain/accounts/create-reset-link.ts';
import { createSetupLink } from '../src/domain/accounts/create-setup-link.ts';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { AppError } from '../src/domain/kernel/errors.ts';
import { resetPassword } from '../src/domain/accounts/reset-password.ts';
import { resolveSession } from '../src/domain/accounts/resolve-session.ts';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { hashToken } from '../src/lib/tokens.ts';
import { eachDialect } from './env.ts';

const meta = { ip: '203.0.113.7', userAgent: 'test' };
const tokenOf = (url: string) => url.split('/').pop() as string;

function rejects(code: string, key?: string) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code);
    if (key) assert.equal(e.messageKey, key);
    return true;
  };
}

eachDialect('accounts', (get) => {
  test('first run: a one-time setup link creates the administrator, then no more links are issued', async () => {
    const { ctx, db } = get();
    const first = await createSetupLink(ctx);
    const second = await createSetupLink(ctx);
    assert.ok(first && second);
    // A restart issues a new link; the older printed one stops working.
    await assert.rejects(completeSetup(ctx, tokenOf(first.url), { name: 'A', email: 'a@example.org', password: 'long enough pass' }, { ...meta, locale: 'en' }), rejects('gone'));
    await assert.rejects(
      completeSetup(ctx, tokenOf(second.url), { name: '', email: 'not-mail', password: 'short' }, { ...meta, locale: 'ar' }),
      (e: unknown) => e instanceof AppError && e.code === 'invalid_input' && e.fields.name === 'error.name_required' && e.fields.email === 'error.email_invalid' && e.fields.password === 'error.password_too_short',
    );
    const r = await completeSetup(ctx, tokenOf(second.url), { name: 'Amina Admin', email: ' Amina@Example.org ', password: 'correct horse battery' }, { ...meta, locale: 'ar' });
    const actor = await resolveSession(ctx, r.token);
    assert.equal(actor?.email, 'amina@example.org');
    assert.equal(actor?.isAdmin, true);
    assert.equal(actor?.locale, 'ar');
    await assert.rejects(completeSetup(ctx, tokenOf(second.url), { name: 'B', email: 'b@example.org', password: 'correct horse battery' }, { ...meta, locale: 'en' }), rejects('gone'));
    assert.equal(await createSetupLink(ctx), undefined);
    // Only hashes of secrets are stored.
    const tokens = await db.kysely.selectFrom('auth_tokens').select('id').execute();
    assert.ok(tokens.every((t) => /^[0-9a-f]{64}$/.test(t.id)));
    assert.ok(tokens.some((t) => t.id === hashToken(tokenOf(second.url))));
    const sessions = await db.kysely.selectFrom('sessions').select('id').execute();
    assert.ok(!sessions.some((s) => s.id === r.token));
    const user = await db.kysely.selectFrom('users').select('password_hash').where('email', '=', 'amina@example.org').executeTakeFirstOrThrow();
    assert.match(user.password_hash ?? '', /^\$argon2id\$/);
  });

  test('sign-in succeeds with the right password and is audited', async () => {
    const { ctx, db } = get();
    await createUser(ctx, OPERATOR, { name: 'Ruth Respondent', email: 'ruth@example.org', password: 'a very good password' });
    const r = await signIn(ctx, { email: 'RUTH@example.org', password: 'a very good password' }, meta);
    assert.equal((await resolveSession(ctx, r.token))?.name, 'Ruth Respondent');
    const rows = await db.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'auth.sign_in').execute();
    assert.equal(rows.length, 1);
  });

  test('failed sign-ins are throttled per account and the lock expires', async () => {
    const { ctx, db, advance } = get();
    for (let i = 0; i < ctx.config.loginMaxFailures; i++) {
      await assert.rejects(signIn(ctx, { email: 'ruth@example.org', password: `wrong ${i}` }, meta), rejects('unauthenticated', 'error.sign_in_failed'));
    }
    // Even the right password is refused while locked: the attacker learns nothing.
    await assert.rejects(signIn(ctx, { email: 'ruth@example.org', password: 'a very good password' }, meta), (e: unknown) => e instanceof AppError && e.code === 'throttled' && e.params.minutes === 15);
    const failed = await db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'auth.sign_in_failed').execute();
    assert.equal(failed.length, ctx.config.loginMaxFailures);
    assert.equal((await db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'auth.sign_in_throttled').execute()).length, 1);
    advance(ctx.config.loginLockMs + 1000);
    const ok = await signIn(ctx, { email: 'ruth@example.org', password: 'a very good password' }, meta);
    assert.ok(ok.token);
  });

  test('unknown accounts fail like wrong passwords', async () => {
    const { ctx } = get();
    await assert.rejects(signIn(ctx, { email: 'nobody@example.org', password: 'whatever it is' }, { ip: '198.51.100.1', userAgent: null }), rejects('unauthenticated', 'error.sign_in_failed'));
  });

  test('sessions end after the idle timeout and after the absolute lifetime', async () => {
    const { ctx, advance } = get();
    const a = await signIn(ctx, { email: 'ruth@example.org', password: 'a very good password' }, meta);
    advance(ctx.config.sessionIdleMs - 60_000);
    assert.ok(await resolveSession(ctx, a.token), 'still alive just before the idle limit');
    advance(ctx.config.sessionIdleMs + 1);
    assert.equal(await resolveSession(ctx, a.token), undefined, 'idle too long');
    const b = await signIn(ctx, { email: 'ruth@example.org', password: 'a very good password' }, meta);
    const steps = Math.ceil(ctx.config.sessionMaxMs / (ctx.config.sessionIdleMs / 2));
    let alive = true;
    for (let i = 0; i < steps && alive; i++) {
      advance(ctx.config.sessionIdleMs / 2);
      alive = (await resolveSession(ctx, b.token)) !== undefined;
    }
    assert.equal(alive, false, 'an active session still ends at its absolute expiry');
    assert.equal(await resolveSession(ctx, 'not-a-token'), undefined);
  });

  test('an administrator reset link works once, ends other sessions, and only administrators may create one', async () => {
    const { ctx, db } = get();
    const user = await db.kysely.selectFrom('users').select(['id']).where('email', '=', 'ruth@example.org').executeTakeFirstOrThrow();
    const other = await signIn(ctx, { email: 'ruth@example.org', password: 'a very good password' }, meta);
    const ruth = await resolveSession(ctx, other.token);
    await assert.rejects(createResetLink(ctx, ruth, user.id, meta), rejects('forbidden'));
    await assert.rejects(createResetLink(ctx, undefined, user.id, meta), rejects('unauthenticated'));
    const link = await createResetLink(ctx, OPERATOR, user.id, meta);
    await assert.rejects(resetPassword(ctx, tokenOf(link.url), { password: 'another good password', confirm: 'different' }, meta), (e: unknown) => e instanceof AppError && e.fields.confirm === 'error.password_mismatch');
    const r = await resetPassword(ctx, tokenOf(link.url), { password: 'another good password', confirm: 'another good password' }, meta);
    assert.ok(await resolveSession(ctx, r.token));
    assert.equal(await resolveSession(ctx, other.token), undefined, 'old sessions are ended');
    await assert.rejects(resetPassword(ctx, tokenOf(link.url), { password: 'third good password', confirm: 'third good password' }, meta), rejects('gone'));
    await assert.rejects(signIn(ctx, { email: 'ruth@example.org', password: 'a very good password' }, { ip: '192.0.2.1', userAgent: null }), rejects('unauthenticated'));
    assert.ok(await signIn(ctx, { email: 'ruth@example.org', password: 'another good password' }, { ip: '192.0.2.1', userAgent: null }));
    const audited = await db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).execute();
    assert.ok(audited.some((a) => a.action === 'auth.reset_link_created'));
    assert.ok(audited.some((a) => a.action === 'auth.password_reset'));
  });

  test('an expired reset link is refused', async () => {
    const { ctx, db, advance } = get();
    const user = await db.kysely.selectFrom('users').select(['id']).where('email', '=', 'ruth@example.org').executeTakeFirstOrThrow();
    const link = await createResetLink(ctx, OPERATOR, user.id, meta);
    advance(ctx.config.resetLinkMs + 1);
    await assert.rejects(resetPassword(ctx, tokenOf(link.url), { password: 'fourth good password', confirm: 'fourth good password' }, meta), rejects('gone'));
  });

  test('e-mail addresses are unique regardless of case', async () => {
    const { ctx } = get();
    await assert.rejects(createUser(ctx, OPERATOR, { name: 'Dup', email: 'RUTH@EXAMPLE.ORG', password: 'a very good password' }), rejects('conflict'));
  });
});
