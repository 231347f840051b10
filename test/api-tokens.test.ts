// Personal API tokens on real databases: created on their page and shown once, stored hashed, scoped (read
// or read-write, one assessment or all the owner may see), expiring, revocable, rate-limited per token in
// the database, each use recorded; Bearer authentication only on /api/v1.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { hashToken } from '../src/lib/tokens.ts';
import { eachDialect } from './env.ts';
import type { Browser } from './http.ts';
import { Contract, loadDocument } from './support/contract.ts';
import { buildWorld, type TWorld } from './support/identities.ts';

eachDialect('personal API tokens', (get) => {
  let w: TWorld;
  let contract: Contract;
  before(async () => {
    w = await buildWorld(get().ctx);
    contract = new Contract(await loadDocument(w.app));
  });

  /** Creates a token on the page as `b`; returns the secret the page showed. */
  async function create(b: Browser, form: Record<string, string>): Promise<string> {
    const r = await b.post('/account/tokens', { days: '30', scope: 'read', assessmentId: '', ...form });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    const m = /metep_[A-Za-z0-9_-]{43}/.exec(r.text);
    assert.ok(m, 'the new token is shown');
    return m[0];
  }
  /** A request with the token; an API answer is checked against the OpenAPI document (contract.ts). */
  const api = async (path: string, token: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await w.app.request(`http://metep.test${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    if (path.startsWith('/api/')) {
      const text = await res.clone().text();
      contract.check(init.method ?? 'GET', path, res.status, res.headers.get('content-type'), text === '' ? undefined : JSON.parse(text));
    }
    return res;
  };

  test('a token is shown once and stored hashed; the page lists it with scope, assessment and last use', async () => {
    const b = await w.as('coordinator');
    const secret = await create(b, { name: 'Dashboard sync', assessmentId: w.own.id });
    const row = await get().ctx.db.kysely.selectFrom('api_tokens').selectAll().where('name', '=', 'Dashboard sync').executeTakeFirstOrThrow();
    assert.equal(row.token_hash, hashToken(secret));
    assert.notEqual(row.token_hash, secret);
    assert.equal((await api(`/api/v1/assessments/${w.own.id}/results`, secret)).status, 200);
    const page = await b.get('/account/tokens');
    assert.doesNotMatch(page.text, new RegExp(secret), 'never shown again');
    assert.match(page.text, /Dashboard sync/);
    assert.match(page.text, /Read only/);
    const used = await get().ctx.db.kysely.selectFrom('api_tokens').select(['last_used_at', 'use_count']).where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.ok(used.last_used_at);
    assert.equal(Number(used.use_count), 1);
  });

  test('scope: a token for one assessment hides the others (404); read-only cannot write (403); read-write can, and is audited', async () => {
    const respondent = await w.as('respondent');
    const one = await create(respondent, { name: 'one', assessmentId: w.own.id });
    const value = { answers: [{ itemId: 'A.01', value: { kind: 'level', level: 2 }, comment: null }] };
    assert.equal((await api(`/api/v1/assessments/${w.own.id}/answers`, one, { method: 'POST', body: value })).status, 403, 'read-only token');
    const coordinator = await w.as('coordinator');
    const admin = await w.as('admin');
    const adminOwn = await create(admin, { name: 'admin own', assessmentId: w.own.id });
    assert.equal((await api(`/api/v1/assessments/${w.other.id}/results`, adminOwn)).status, 404, 'scoped to another assessment');
    const adminAll = await create(admin, { name: 'admin all' });
    assert.equal((await api(`/api/v1/assessments/${w.other.id}/results`, adminAll)).status, 200, 'all the owner may see');
    // A token never goes beyond its owner: the coordinator of the demo does not see the other assessment.
    const coordAll = await create(coordinator, { name: 'coord all' });
    assert.equal((await api(`/api/v1/assessments/${w.other.id}/results`, coordAll)).status, 404);

    const rw = await create(respondent, { name: 'field app', scope: 'read_write', assessmentId: w.own.id });
    const res = await api(`/api/v1/assessments/${w.own.id}/answers`, rw, { method: 'POST', body: value });
    assert.equal(res.status, 200, await res.text());
    const tokenId = (await get().ctx.db.kysely.selectFrom('api_tokens').select('id').where('name', '=', 'field app').executeTakeFirstOrThrow()).id;
    const audited = await get().ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'api_token.use').where('entity_id', '=', tokenId).execute();
    assert.equal(audited.length, 1);
    assert.match(audited[0]?.after_json ?? '', /POST/);
    // Tokens work on the API only: a page with the token and no session asks to sign in.
    const pageRes = await api(`/assessments/${w.own.id}`, rw);
    assert.equal(pageRes.status, 303);
    assert.match(pageRes.headers.get('location') ?? '', /^\/sign-in/);
  });

  test('revoked, expired and unknown tokens are refused with 401 and a JSON error; nobody revokes another’s token', async () => {
    const b = await w.as('observer');
    const secret = await create(b, { name: 'short', days: '1' });
    const path = `/api/v1/assessments/${w.own.id}/results`;
    assert.equal((await api(path, secret)).status, 200);
    const realNow = get().ctx.now;
    get().ctx.now = () => new Date(realNow().getTime() + 2 * 86_400_000);
    try {
      const expired = await api(path, secret);
      assert.equal(expired.status, 401);
      assert.equal(((await expired.json()) as { error: { code: string } }).error.code, 'unauthenticated');
    } finally {
      get().ctx.now = realNow;
    }
    const id = (await get().ctx.db.kysely.selectFrom('api_tokens').select('id').where('name', '=', 'short').executeTakeFirstOrThrow()).id;
    const other = await w.as('facilitator');
    assert.equal((await other.post(`/account/tokens/${id}/revoke`, {})).status, 404);
    assert.equal((await api(path, secret)).status, 200, 'still valid after a failed revocation');
    const r = await b.post(`/account/tokens/${id}/revoke`, {});
    assert.equal(r.status, 303);
    assert.equal((await api(path, secret)).status, 401);
    assert.match((await b.get('/account/tokens')).text, /Revoked/);
    assert.equal((await api(path, 'metep_nonsense')).status, 401);
    const malformed = await w.app.request(`http://metep.test${path}`, { headers: { authorization: 'Basic abc' } });
    assert.equal(malformed.status, 401);
  });

  test('validity beyond the maximum and an assessment the person cannot see are refused on the form', async () => {
    const b = await w.as('respondent');
    const tooLong = await b.post('/account/tokens', { name: 'x', scope: 'read', assessmentId: '', days: String(get().ctx.config.apiTokenMaxDays + 1) });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.text, /at most 365 days/);
    const notMine = await b.post('/account/tokens', { name: 'x', scope: 'read', assessmentId: w.other.id, days: '5' });
    assert.equal(notMine.status, 404);
  });

  test('the rate limit per token is counted in the database: over the limit gets 429', async () => {
    const b = await w.as('facilitator');
    const secret = await create(b, { name: 'busy' });
    const path = `/api/v1/assessments/${w.own.id}/results`;
    const limit = get().ctx.config.apiRatePerMinute;
    get().ctx.config.apiRatePerMinute = 3;
    try {
      for (let i = 0; i < 3; i++) assert.equal((await api(path, secret)).status, 200);
      const over = await api(path, secret);
      assert.equal(over.status, 429);
      const row = await get().ctx.db.kysely.selectFrom('login_throttle').selectAll().where('key', 'like', 'api:%').execute();
      assert.ok(row.length >= 1);
    } finally {
      get().ctx.config.apiRatePerMinute = limit;
    }
  });
});
