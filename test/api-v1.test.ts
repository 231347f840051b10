// API v1 on real databases, every response checked against the served OpenAPI document (contract.ts):
// the document is valid OpenAPI 3.1 and lists what the registry declares; reads with the pages'
// permissions; writes need a read-write token; a token for one assessment hides the others; expired and
// revoked tokens get 401; the rate limit per token gets 429 with Retry-After; lists are paginated with a
// next link; reads carry an ETag and answer 304; every error is one problem+json shape.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { listOperations, openApiPath } from '../src/http/api/registry.ts';
import { eachDialect } from './env.ts';
import type { Browser } from './http.ts';
import { Contract, contractClient, loadDocument } from './support/contract.ts';
import { buildWorld, type TWorld } from './support/identities.ts';
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { countryName } from '../src/i18n/countries.ts';

type TProblem = { type: string; title: string; status: number; detail: string; code: string; errors?: { field: string; detail: string }[] };

eachDialect('API v1 against its OpenAPI document', (get) => {
  let w: TWorld;
  let contract: Contract;
  let api: ReturnType<typeof contractClient>;
  before(async () => {
    w = await buildWorld(get().ctx);
    contract = new Contract(await loadDocument(w.app));
    api = contractClient(w.app, contract);
  });

  /** Creates a token on the tokens page as `b` and returns the secret shown once. */
  async function token(b: Browser, form: Record<string, string>): Promise<string> {
    const r = await b.post('/account/tokens', { days: '30', scope: 'read', assessmentId: '', name: `t${Math.random()}`, ...form });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    const m = /metep_[A-Za-z0-9_-]{43}/.exec(r.text);
    assert.ok(m);
    return m[0];
  }

  const problem = (body: unknown) => body as TProblem;

  test('the document is OpenAPI 3.1, names every operation of the registry, and the documentation page lists them', async () => {
    const doc = (await api('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { operationId: string }>> };
    for (const op of listOperations()) assert.equal(doc.paths[openApiPath(op.path)]?.[op.method]?.operationId, op.id);
    const b = await w.as('anonymous');
    for (const lang of ['en', 'ar']) {
      const page = await b.get(`/api?lang=${lang}`).then(() => b.get('/api'));
      assert.equal(page.status, 200);
      for (const op of listOperations()) assert.ok(page.text.includes(openApiPath(op.path)), `${op.path} on the page`);
      assert.match(page.text, /href="\/api\/v1\/openapi.json"/);
      assert.match(page.text, /href="\/account\/tokens"/);
    }
  });

  test('reads with a read token: the same permissions as the pages (coordinators see organisations, respondents do not)', async () => {
    const coordinator = await token(await w.as('coordinator'), {});
    const one = await api(`/api/v1/assessments/${w.own.id}`, { token: coordinator });
    assert.equal(one.status, 200);
    const a = one.body as { role: string; organisations: unknown[] | null; participants: { total: number } | null; instrument: { key: string } };
    assert.equal(a.role, 'coordinator');
    assert.ok(a.organisations && a.organisations.length > 0);
    assert.ok(a.participants && a.participants.total > 0);
    assert.equal(a.instrument.key, 'metep');
    const respondent = await token(await w.as('respondent'), {});
    const seen = (await api(`/api/v1/assessments/${w.own.id}`, { token: respondent })).body as { organisations: unknown; participants: unknown };
    assert.equal(seen.organisations, null);
    assert.equal(seen.participants, null);
    // Results: the respondent may not read them while collecting (as on the page); the coordinator may.
    assert.equal((await api(`/api/v1/assessments/${w.own.id}/results`, { token: respondent })).status, 403);
    const results = await api(`/api/v1/assessments/${w.own.id}/results`, { token: coordinator });
    assert.equal(results.status, 200);
    assert.ok((results.body as { pillars: unknown[] }).pillars.length > 0);
    assert.equal((await api(`/api/v1/assessments/${w.own.id}/pulse`, { token: coordinator })).status, 200);
    // The demo's current cycle has no plan yet: 404 with a problem object.
    const plan = await api(`/api/v1/assessments/${w.own.id}/plan`, { token: coordinator });
    assert.equal(plan.status, 404);
    assert.equal(problem(plan.body).code, 'not_found');
    // The earlier cycle has an adopted plan and validated results: every assessment's plan and results.
    const mine = (await api('/api/v1/assessments', { token: coordinator })).body as { items: { id: string }[] };
    const plans = [];
    for (const x of mine.items) {
      plans.push((await api(`/api/v1/assessments/${x.id}/plan`, { token: coordinator })).status);
      assert.equal((await api(`/api/v1/assessments/${x.id}/results`, { token: coordinator })).status, 200);
    }
    assert.ok(plans.includes(200), `a plan is read: ${plans.join(', ')}`);
    assert.equal((await api('/api/v1/countries/KEN')).status, 200);
    const countries = await api('/api/v1/countries?limit=5');
    assert.equal(countries.status, 200);
    const cp = countries.body as { items: { country: string }[]; next: string };
    assert.equal(cp.items.length, 5);
    assert.equal((await api(cp.next)).status, 200);
    assert.equal((await api('/api/v1/instruments')).status, 200);
    assert.equal((await api('/api/v1/instruments/metep/2026.1')).status, 200);
    assert.equal((await api('/api/v1/instruments/metep/1999.9')).status, 404);
    // Someone outside the other assessment does not learn that it exists.
    assert.equal((await api(`/api/v1/assessments/${w.other.id}`, { token: coordinator })).status, 404);
  });

  test('writes need a read-write token: a read token gets 403; answers, organisations and invitations are saved', async () => {
    const respondentB = await w.as('respondent');
    const read = await token(respondentB, { assessmentId: w.own.id });
    const answers = { answers: [{ itemId: 'A.01', value: { kind: 'level', level: 2 }, comment: null }] };
    const denied = await api(`/api/v1/assessments/${w.own.id}/answers`, { method: 'POST', token: read, body: answers });
    assert.equal(denied.status, 403);
    assert.equal(problem(denied.body).code, 'forbidden');
    const rw = await token(respondentB, { assessmentId: w.own.id, scope: 'read_write' });
    const saved = await api(`/api/v1/assessments/${w.own.id}/answers`, { method: 'POST', token: rw, body: answers });
    assert.equal(saved.status, 200);
    assert.equal((saved.body as { saved: number }).saved, 1);
    const bad = await api(`/api/v1/assessments/${w.own.id}/answers`, { method: 'POST', token: rw, body: { answers: [{ itemId: 'A.02', value: { kind: 'level', level: 1 } }] } });
    assert.equal(bad.status, 400);
    assert.ok(problem(bad.body).errors?.some((e) => e.field === 'A.02'), `the item is named: ${JSON.stringify(bad.body)}`);
    // Every API answer carries the security headers, whichever way it was built: a write (its own header
    // record), a refused write, a read, an error.
    const read1 = await api(`/api/v1/assessments/${w.own.id}`, { token: rw });
    for (const [what, r] of [['saved', saved], ['refused', denied], ['invalid', bad], ['read', read1]] as const) {
      assert.equal(r.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'", what);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', what);
      assert.equal(r.headers.get('referrer-policy'), 'same-origin', what);
      assert.match(r.headers.get('content-type') ?? '', /json/, what);
    }
    assert.equal(saved.headers.get('cache-control'), 'no-store');
    // A respondent's read-write token still cannot do what the respondent cannot.
    assert.equal((await api(`/api/v1/assessments/${w.own.id}/organisations`, { method: 'POST', token: rw, body: { name: 'X', group: 'academia' } })).status, 403);

    const coord = await token(await w.as('coordinator'), { scope: 'read_write' });
    const org = await api(`/api/v1/assessments/${w.own.id}/organisations`, { method: 'POST', token: coord, body: { name: 'Institute of Open Data', group: 'academia' } });
    assert.equal(org.status, 201);
    const orgId = (org.body as { id: string }).id;
    const row = await get().ctx.db.kysely.selectFrom('organisations').select(['name', 'group_code']).where('id', '=', orgId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { name: 'Institute of Open Data', group_code: 'academia' });
    const clash = await api(`/api/v1/assessments/${w.own.id}/organisations`, { method: 'POST', token: coord, body: { name: 'Institute of Open Data', group: 'media' } });
    assert.equal(clash.status, 409);
    const inv = await api(`/api/v1/assessments/${w.own.id}/invitations`, { method: 'POST', token: coord, body: { name: 'Lina Api', organisation: 'Institute of Open Data', group: 'academia', role: 'respondent' } });
    assert.equal(inv.status, 201, JSON.stringify(inv.body));
    assert.match((inv.body as { url: string }).url, /\/join\//);
    const invalid = await api(`/api/v1/assessments/${w.own.id}/invitations`, { method: 'POST', token: coord, body: { name: '', role: 'emperor' } });
    assert.equal(invalid.status, 400);
    const p = problem(invalid.body);
    assert.equal(p.status, 400);
    assert.equal(p.type, '/api#problem-invalid_input');
    assert.ok(p.errors?.some((e) => e.field === 'role'));
    assert.equal(invalid.headers.get('content-type'), 'application/problem+json; charset=UTF-8');
    const notJson = await api(`/api/v1/assessments/${w.own.id}/organisations`, { method: 'POST', token: coord, body: '{"name":', headers: { 'content-type': 'application/json' } });
    assert.equal(notJson.status, 400);
  });

  test('a token for one assessment: the others are 404 and the list holds only that one', async () => {
    const admin = await w.as('admin');
    const only = await token(admin, { assessmentId: w.own.id });
    assert.equal((await api(`/api/v1/assessments/${w.other.id}`, { token: only })).status, 404);
    assert.equal((await api(`/api/v1/assessments/${w.other.id}/results`, { token: only })).status, 404);
    const list = (await api('/api/v1/assessments', { token: only })).body as { items: { id: string }[] };
    assert.deepEqual(list.items.map((i) => i.id), [w.own.id]);
    const all = await token(admin, {});
    assert.equal((await api(`/api/v1/assessments/${w.other.id}`, { token: all })).status, 200);
  });

  test('expired, revoked, unknown and malformed tokens get 401 problem objects', async () => {
    const b = await w.as('observer');
    const secret = await token(b, { name: 'expiring', days: '1' });
    const path = `/api/v1/assessments/${w.own.id}`;
    assert.equal((await api(path, { token: secret })).status, 200);
    const realNow = get().ctx.now;
    get().ctx.now = () => new Date(realNow().getTime() + 2 * 86_400_000);
    try {
      const expired = await api(path, { token: secret });
      assert.equal(expired.status, 401);
      assert.equal(problem(expired.body).code, 'unauthenticated');
    } finally {
      get().ctx.now = realNow;
    }
    const id = (await get().ctx.db.kysely.selectFrom('api_tokens').select('id').where('name', '=', 'expiring').executeTakeFirstOrThrow()).id;
    assert.equal((await b.post(`/account/tokens/${id}/revoke`, {})).status, 303);
    assert.equal((await api(path, { token: secret })).status, 401);
    assert.equal((await api(path, { token: 'metep_nonsense' })).status, 401);
    assert.equal((await api(path, { headers: { authorization: 'Basic abc' } })).status, 401);
    assert.equal((await api('/api/v1/assessments')).status, 401, 'no token, no session');
    assert.equal((await api('/api/v1/instruments', { token: secret })).status, 401, 'a public operation still refuses a bad token');
  });

  test('the rate limit per token answers 429 with Retry-After', async () => {
    const secret = await token(await w.as('facilitator'), {});
    const limit = get().ctx.config.apiRatePerMinute;
    get().ctx.config.apiRatePerMinute = 2;
    try {
      for (let i = 0; i < 2; i++) assert.equal((await api('/api/v1/assessments', { token: secret })).status, 200);
      const over = await api('/api/v1/assessments', { token: secret });
      assert.equal(over.status, 429);
      assert.equal(over.headers.get('retry-after'), '60');
      assert.equal(problem(over.body).code, 'throttled');
    } finally {
      get().ctx.config.apiRatePerMinute = limit;
    }
  });

  test('lists are paginated: limit, a next cursor in the body and the Link header, every item once; a bad cursor is 400', async () => {
    const secret = await token(await w.as('admin'), {});
    const full = (await api('/api/v1/assessments?limit=100', { token: secret })).body as { items: { id: string }[]; next: string | null };
    assert.ok(full.items.length >= 3, `${full.items.length} assessments`);
    assert.equal(full.next, null);
    const ids: string[] = [];
    let next: string | null = '/api/v1/assessments?limit=1';
    let pages = 0;
    while (next) {
      const r = await api(next, { token: secret });
      assert.equal(r.status, 200);
      const body = r.body as { items: { id: string }[]; next: string | null };
      assert.equal(body.items.length, 1);
      ids.push(...body.items.map((i) => i.id));
      if (body.next) assert.equal(r.headers.get('link'), `<${body.next}>; rel="next"`);
      else assert.equal(r.headers.get('link'), null);
      next = body.next;
      pages++;
    }
    assert.equal(pages, full.items.length);
    assert.deepEqual(ids, full.items.map((i) => i.id));
    assert.equal((await api('/api/v1/assessments?cursor=bm9wZQ', { token: secret })).status, 400);
    assert.equal((await api('/api/v1/assessments?limit=0', { token: secret })).status, 400);
    assert.equal((await api('/api/v1/assessments?limit=1000', { token: secret })).status, 400);
  });

  test('reads carry an ETag: If-None-Match answers 304 until the resource changes', async () => {
    const secret = await token(await w.as('coordinator'), { scope: 'read_write' });
    const path = `/api/v1/assessments/${w.own.id}`;
    const first = await api(path, { token: secret });
    const tag = first.headers.get('etag');
    assert.ok(tag);
    assert.match(first.headers.get('cache-control') ?? '', /private/);
    const again = await api(path, { token: secret, headers: { 'if-none-match': tag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), tag);
    assert.equal((await api(path, { token: secret, headers: { 'if-none-match': 'W/"something-else"' } })).status, 200);
    // A change (a new organisation) makes a new representation: the old tag no longer matches.
    assert.equal((await api(`${path}/organisations`, { method: 'POST', token: secret, body: { name: 'Radio Civic', group: 'media' } })).status, 201);
    const changed = await api(path, { token: secret, headers: { 'if-none-match': tag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), tag);
    const doc = await api('/api/v1/openapi.json', {});
    assert.equal((await api('/api/v1/openapi.json', { headers: { 'if-none-match': doc.headers.get('etag') ?? '' } })).status, 304);
  });

  test('a body over the limit is 413 in the same problem shape', async () => {
    const secret = await token(await w.as('respondent'), { scope: 'read_write' });
    const big = JSON.stringify({ answers: [{ itemId: 'A.01', value: { kind: 'text', text: 'x'.repeat(get().ctx.config.bodyLimitBytes + 10) } }] });
    const r = await api(`/api/v1/assessments/${w.own.id}/answers`, { method: 'POST', token: secret, body: big, headers: { 'content-length': String(Buffer.byteLength(big)) } });
    assert.equal(r.status, 413);
    assert.equal(problem(r.body).code, 'too_large');
  });

  test('published assessments are readable without a token, redacted to their level; unpublished ones are 404', async () => {
    const previous = '00000000-0000-4000-8000-000000000de4'; // the demo's validated 2024 cycle
    assert.equal((await api(`/api/v1/public/assessments/${previous}`, {})).status, 404);
    await changeAssessmentState(get().ctx, OPERATOR, previous, { to: 'published', level: 'scores', licence: 'CC0-1.0' });
    const list = await api('/api/v1/public/assessments?limit=10', {});
    assert.equal(list.status, 200);
    const items = (list.body as { items: { id: string; licence: string; level: string; data: string }[] }).items;
    assert.deepEqual(items.map((i) => i.id), [previous]);
    assert.equal(items[0]!.licence, 'CC0-1.0');
    // Country names in the language asked, and links that keep it; English when none (or an unknown one).
    const inArabic = (await api('/api/v1/public/assessments?language=ar', {})).body as { items: { countryName: string; page: string; data: string }[] };
    assert.equal(inArabic.items[0]!.countryName, countryName('ar', 'XDM'));
    assert.notEqual(countryName('ar', 'XDM'), countryName('en', 'XDM'));
    assert.match(inArabic.items[0]!.page, /\?language=ar$/);
    assert.match(inArabic.items[0]!.data, /\?language=ar$/);
    const unknown = (await api('/api/v1/public/assessments?language=xx', {})).body as { items: { countryName: string; page: string }[] };
    assert.equal(unknown.items[0]!.countryName, countryName('en', 'XDM'));
    assert.doesNotMatch(unknown.items[0]!.page, /language=/);
    const one = await api(`/api/v1/public/assessments/${previous}?language=ar`, {});
    assert.equal(one.status, 200);
    const body = one.body as { publication: { level: string }; report: { items: { buckets: unknown[] }[]; cover: { countryCode: string } } };
    assert.equal(body.publication.level, 'scores');
    assert.ok(body.report.items.length > 0 && body.report.items.every((i) => i.buckets.length === 0), 'no distributions at "scores"');
    // Another assessment, not published: not found, with or without a token.
    assert.equal((await api(`/api/v1/public/assessments/${w.own.id}`, {})).status, 404);
  });

  test('every operation and every error status the tests met was checked against the document', () => {
    const statuses = new Set([...contract.seen.keys()].map((k) => k.split(' ').at(-1)));
    for (const s of ['200', '201', '304', '400', '401', '403', '404', '409', '413', '429']) assert.ok(statuses.has(s), `a ${s} was checked`);
    const ops = new Set([...contract.seen.keys()].map((k) => k.split(' ').slice(0, 2).join(' ')));
    for (const op of listOperations()) assert.ok(ops.has(`${op.method.toUpperCase()} ${openApiPath(op.path)}`), `${op.id} was exercised`);
  });
});
