// Malformed and hostile input never gets a 5xx and never changes more than it should (issue 12, defects 5–16
// except the redirects, which test/redirects.test.ts covers): NUL and lone surrogates refused with 400
// before the database, duplicate items in a batch, concurrent same-name organisations, CSV rows whose
// message names a value, truncated multipart, a poisoned flash cookie, evidence downloads' own CSP, the
// language cookie on https, cross-site ?lang=, the upload route's order of checks, revoked invitations,
// evidence on item traces, and bidirectional overrides.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createApp } from '../src/http/app.tsx';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';
import { demoApp } from './support/demo.ts';
import { multipart } from './support/multipart.ts';

const json = { 'content-type': 'application/json', origin: 'http://metep.test', accept: 'application/json' };

eachDialect('malformed and hostile input', (get) => {
  let id = '';
  let as: (email: string) => Promise<Browser>;
  let app: ReturnType<typeof createApp>;
  let password = '';
  before(async () => {
    ({ id, as, app, password } = await demoApp(get().ctx));
  });
  const postMultipart = (b: Browser, path: string, fields: Parameters<typeof multipart>[0]) => {
    const { body, type } = multipart(fields);
    return b.request('POST', path, body as unknown as string, { 'content-type': type, origin: 'http://metep.test' });
  };

  test('5: NUL in a path, a query, a form field or a JSON body is a 400, signed in or not', async () => {
    const anon = new Browser(app);
    for (const path of ['/instruments/metep%00/2026.1', '/assessments/%00', '/?q=%00', '/api/v1/instruments/metep/2026%00.1']) {
      const r = await anon.get(path);
      assert.equal(r.status, 400, path);
    }
    const coord = await as('coordinator@demo.metep.example');
    assert.equal((await coord.get('/assessments/%00')).status, 400);
    let r = await coord.post(`/assessments/${id}/organisations`, { orgName: 'Ministry\u0000of Nothing', orgGroup: 'academia' });
    assert.equal(r.status, 400);
    assert.match(r.text, /cannot be stored/);
    const resp = await as('respondent1@demo.metep.example');
    for (const comment of ['a\u0000b', 'lone \ud800 surrogate']) {
      r = await resp.request('POST', `/api/v1/assessments/${id}/answers`, JSON.stringify({ answers: [{ itemId: 'A.01', value: null, comment }] }), json);
      assert.equal(r.status, 400, JSON.stringify(comment));
      assert.equal(JSON.parse(r.text).error.code, 'invalid_input');
    }
    r = await resp.request('POST', `/api/v1/assessments/${id}/answers`, '{"answers":[{"itemId":"A.01","value":null,"comment":"x\\u0000"}]}', json);
    assert.equal(r.status, 400, 'an escaped NUL in JSON too');
  });

  test('JSON nested 20,000 deep is a 400 wherever it is posted, and a deep lone surrogate is still found', async () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const anon = new Browser(app);
    for (const path of ['/no/such/path', '/api/v1/public/assessments', `/api/v1/assessments/${id}/answers`]) {
      const r = await anon.request('POST', path, deep, json);
      assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status}`);
    }
    const resp = await as('respondent1@demo.metep.example');
    let r = await resp.request('POST', `/api/v1/assessments/${id}/answers`, `{"answers":[{"itemId":"A.01","value":null,"comment":${deep}}]}`, json);
    assert.equal(r.status, 400);
    r = await resp.request('POST', `/api/v1/assessments/${id}/answers`, `{"answers":[{"itemId":"A.01","value":null,"comment":${'['.repeat(5000)}"\\ud800"${']'.repeat(5000)}}]}`, json);
    assert.equal(r.status, 400);
    assert.equal(JSON.parse(r.text).error.code, 'invalid_input');
    assert.match(JSON.parse(r.text).error.message, /cannot be stored/);
  });

  test('a JSON body posted to a page route from another origin is refused like a form; from ours it passes', async () => {
    const observer = await as('observer@demo.metep.example');
    const signedIn = async () => (await observer.get(`/assessments/${id}`)).status === 200;
    assert.ok(await signedIn());
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const r = await observer.request('POST', '/sign-out', '{}', { 'content-type': 'application/json', ...(origin ? { origin } : {}) });
      assert.equal(r.status, 403, String(origin));
      assert.ok(await signedIn(), `still signed in after a post from ${String(origin)}`);
    }
    // Other spellings and other non-form types get the same check.
    for (const type of ['APPLICATION/JSON', 'text/json', 'application/csp-report', 'application/xml']) {
      const r = await observer.request('POST', '/sign-out', '{}', { 'content-type': type, origin: 'https://evil.example' });
      assert.equal(r.status, 403, type);
      assert.ok(await signedIn(), `still signed in after a ${type} post from another site`);
    }
    const ok = await observer.request('POST', '/sign-out', '{}', { 'content-type': 'application/json', origin: 'http://metep.test' });
    assert.ok(ok.status < 400, String(ok.status));
    assert.equal(await signedIn(), false, 'signed out by a post from our origin');
  });

  test('?lang= on an address that begins with two slashes redirects on this site, never to another one', async () => {
    const anon = new Browser(app);
    for (const path of ['//evil.example/?lang=en', '//evil.example/x?lang=ar&y=1', '/\\evil.example/?lang=fr']) {
      const r = await anon.get(path);
      assert.equal(r.status, 303, path);
      assert.ok(r.location?.startsWith('/') && !r.location.startsWith('//') && !r.location.startsWith('/\\'), `${path} → ${r.location}`);
    }
    assert.equal((await anon.get('/countries?lang=ar&region=2')).location, '/countries?region=2', 'an ordinary address keeps its path and query');
  });

  test('5: the same item twice in one autosave batch: the later one wins', async () => {
    const resp = await as('respondent2@demo.metep.example');
    const r = await resp.request('POST', `/api/v1/assessments/${id}/answers`, JSON.stringify({ answers: [{ itemId: 'A.02', value: null, comment: 'first' }, { itemId: 'A.02', value: null, comment: 'second' }] }), json);
    assert.equal(r.status, 200, r.text);
    const user = await get().db.kysely.selectFrom('users').select('id').where('email', '=', 'respondent2@demo.metep.example').executeTakeFirstOrThrow();
    const row = await get().db.kysely.selectFrom('answers').select('comment').where('assessment_id', '=', id).where('user_id', '=', user.id).where('item_id', '=', 'A.02').executeTakeFirstOrThrow();
    assert.equal(row.comment, 'second');
  });

  test('5: six concurrent posts of one new organisation name: no 5xx, one organisation', async () => {
    // Signed in one after another: six sign-ins at once to one account would meet the sign-in throttle.
    const coords: Browser[] = [];
    for (let i = 0; i < 6; i++) coords.push(await as('coordinator@demo.metep.example'));
    const rs = await Promise.all(coords.map((b) => b.post(`/assessments/${id}/organisations`, { orgName: 'Raced Institute', orgGroup: 'academia' })));
    assert.deepEqual(rs.map((r) => r.status), [303, 303, 303, 303, 303, 303]);
    const rows = await get().db.kysely.selectFrom('organisations').select('id').where('assessment_id', '=', id).where('name', '=', 'Raced Institute').execute();
    assert.equal(rows.length, 1);
  });

  test('6: a CSV row naming an organisation of another group is reported with its name; earlier rows show their links', async () => {
    const coord = await as('coordinator@demo.metep.example');
    await coord.post(`/assessments/${id}/organisations`, { orgName: 'Clash Council', orgGroup: 'local_government' });
    const csv = 'name,e-mail,organisation,group,role\r\nFirst Row,first.row@example.org,Fine Foundation,civil_society,respondent\r\nSecond Row,second.row@example.org,Clash Council,academia,respondent\r\n';
    const r = await postMultipart(coord, `/assessments/${id}/invitations/csv`, { file: { name: 'people.csv', type: 'text/csv', data: Buffer.from(csv) } });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.match(r.text, /Clash Council/);
    assert.match(r.text, /http:\/\/metep\.test\/join\/[\w-]{20,}/, 'the first row\'s link is shown');
  });

  test('7: a truncated multipart body is a 400, signed out too', async () => {
    const { body, type } = multipart({ email: 'x@example.org', password: 'something long' });
    const cut = body.subarray(0, body.length - 30);
    for (const b of [new Browser(app), await as('respondent3@demo.metep.example')]) {
      const r = await b.request('POST', '/sign-in', cut as unknown as string, { 'content-type': type, origin: 'http://metep.test' });
      assert.equal(r.status, 400);
    }
    const resp = await as('respondent3@demo.metep.example');
    const r = await resp.request('POST', `/assessments/${id}/answer/A`, cut as unknown as string, { 'content-type': type, origin: 'http://metep.test' });
    assert.equal(r.status, 400);
  });

  test('9: a flash cookie naming "__proto__" or any non-flash key is ignored', async () => {
    for (const v of ['__proto__', 'constructor', 'error.internal', 'toString']) {
      const r = await new Browser(app).get('/', { cookie: `metep_flash=${v}` });
      assert.equal(r.status, 200, v);
      assert.ok(r.text.length > 500);
    }
  });

  test('10: evidence downloads keep their sandboxing CSP', async () => {
    const resp = await as('respondent4@demo.metep.example');
    let r = await postMultipart(resp, `/assessments/${id}/answer/A`, { action: 'upload:A.01', 'lf.A.01': { name: 'note.txt', type: 'text/plain', data: Buffer.from('hello') } });
    assert.equal(r.status, 303, r.text.slice(0, 300));
    const file = await get().db.kysely.selectFrom('files').select('id').where('name', '=', 'note.txt').executeTakeFirstOrThrow();
    r = await resp.get(`/assessments/${id}/files/${file.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-security-policy'), "default-src 'none'; sandbox");
  });

  test('11: the language cookie is Secure on https installations, also when set at sign-in', async () => {
    const { ctx } = get();
    const https = createApp({ ...ctx, config: { ...ctx.config, publicUrl: 'https://metep.test', secureCookies: true } });
    await ctx.db.kysely.updateTable('users').set({ locale: 'fr' }).where('email', '=', 'observer@demo.metep.example').execute();
    const res = await https.request('https://metep.test/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ email: 'observer@demo.metep.example', password }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://metep.test' },
    });
    assert.equal(res.status, 303);
    const lang = res.headers.getSetCookie().find((c) => c.startsWith('metep_lang='));
    assert.ok(lang, 'the saved language is remembered');
    assert.match(lang, /;\s*Secure/i);
    const q = await https.request('https://metep.test/?lang=es');
    assert.match(q.headers.getSetCookie().find((c) => c.startsWith('metep_lang=')) ?? '', /;\s*Secure/i);
  });

  test('14: ?lang= from another site does not change a signed-in user\'s saved language; from this site it does', async () => {
    const { db } = get();
    const b = await as('facilitator@demo.metep.example');
    const saved = async () => (await db.kysely.selectFrom('users').select('locale').where('email', '=', 'facilitator@demo.metep.example').executeTakeFirstOrThrow()).locale;
    const before = await saved();
    await b.get('/?lang=ar', { 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'image' });
    assert.equal(await saved(), before, 'cross-site <img>');
    await b.get('/?lang=zh', { referer: 'https://evil.example/' });
    assert.equal(await saved(), before, 'no Fetch Metadata, foreign Referer');
    await b.get('/?lang=ru', { 'sec-fetch-site': 'same-origin' });
    assert.equal(await saved(), 'ru');
  });

  test('13: the upload route refuses a signed-out post before reading its body', async () => {
    // A body that never ends: a route that read it first would never answer.
    const never = new ReadableStream({ start() {} });
    const res = await Promise.race([
      app.request(`http://metep.test/assessments/${id}/answer/A`, { method: 'POST', body: never, headers: { 'content-type': 'multipart/form-data; boundary=x', origin: 'http://metep.test' }, duplex: 'half' } as RequestInit),
      new Promise<'hung'>((r) => setTimeout(() => r('hung'), 3000)),
    ]);
    assert.notEqual(res, 'hung', 'answered without reading the body');
    assert.ok([303, 401].includes((res as Response).status));
  });

  test('16: "New link" on a revoked invitation is refused; it stays revoked', async () => {
    const coord = await as('coordinator@demo.metep.example');
    let r = await coord.post(`/assessments/${id}/invitations`, { name: 'Revoked Person', email: 'revoked.person@example.org', organisation: 'Fine Foundation', group: 'civil_society', role: 'respondent', locale: 'en' });
    assert.ok([200, 303].includes(r.status), r.text.slice(0, 200));
    const inv = await get().db.kysely.selectFrom('invitations').select('id').where('email', '=', 'revoked.person@example.org').executeTakeFirstOrThrow();
    r = await coord.post(`/assessments/${id}/invitations/${inv.id}/revoke`, {});
    assert.equal(r.status, 303);
    r = await coord.post(`/assessments/${id}/invitations/${inv.id}/resend`, {});
    assert.equal(r.status, 409);
    const row = await get().db.kysely.selectFrom('invitations').select('revoked_at').where('id', '=', inv.id).executeTakeFirstOrThrow();
    assert.ok(row.revoked_at, 'still revoked');
    assert.doesNotMatch((await coord.get(`/assessments/${id}/participants`)).text, new RegExp(`invitations/${inv.id}/resend`), 'no "New link" offered');
  });

  test('15: item traces show evidence addresses only to roles that may read all evidence', async () => {
    const item = await get().db.kysely.selectFrom('evidence').select('item_id').where('assessment_id', '=', id).where('kind', '=', 'link').executeTakeFirstOrThrow();
    const url = `https://example.org/demoland/${item.item_id.toLowerCase()}`;
    const fac = await as('facilitator@demo.metep.example');
    let r = await fac.get(`/assessments/${id}/results/items/${item.item_id}?lang=en`);
    r = await fac.get(`/assessments/${id}/results/items/${item.item_id}`);
    assert.equal(r.status, 200);
    assert.ok(r.text.includes(url), 'facilitators see it');
    const obs = await as('observer@demo.metep.example');
    r = await obs.get(`/assessments/${id}/results/items/${item.item_id}`);
    assert.equal(r.status, 200);
    assert.ok(!r.text.includes('example.org/demoland'), 'observers do not');
  });

  test('12: right-to-left overrides in names, organisations and file names never reach a page', async () => {
    const coord = await as('coordinator@demo.metep.example');
    await coord.post(`/assessments/${id}/organisations`, { orgName: 'Evil \u202eLtd', orgGroup: 'academia' });
    const org = await get().db.kysely.selectFrom('organisations').select('name').where('name', 'like', 'Evil%').executeTakeFirstOrThrow();
    assert.equal(org.name, 'Evil Ltd', 'removed on the way in');
    // Data stored before this rule (or by another path) is neutralised on the page.
    await get().db.kysely.updateTable('users').set({ name: 'Old \u202egpj.exe' }).where('email', '=', 'respondent5@demo.metep.example').execute();
    const r = await coord.get(`/assessments/${id}/participants`);
    assert.equal(r.status, 200);
    assert.ok(r.text.includes('Old gpj.exe'));
    assert.doesNotMatch(r.text, /[\u202a-\u202e]/);
    const resp = await as('respondent4@demo.metep.example');
    await postMultipart(resp, `/assessments/${id}/answer/A`, { action: 'upload:A.02', 'lf.A.02': { name: 'photo\u202egpj.exe.txt', type: 'text/plain', data: Buffer.from('x') } });
    const f = await get().db.kysely.selectFrom('files').select('name').where('name', 'like', 'photo%').executeTakeFirstOrThrow();
    assert.equal(f.name, 'photogpj.exe.txt');
  });
});
