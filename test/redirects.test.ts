// Open redirects (issue 12, defects 3 and 8): one `safeNext` rule for every address taken from input —
// sign-in `next`, the room and poll forms' `back` — refuses control characters, backslashes, "//" and
// anything off this site, and never lets CR/LF reach a Location header (which was a 500).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { safeNext } from '../src/http/request.ts';
import { eachDialect } from './env.ts';
import type { Browser } from './http.ts';
import { demoApp } from './support/demo.ts';

const HOSTILE = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\nSet-Cookie: x=1',
  '//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/x\\..\\..\\evil',
  'https://evil.example/',
  'javascript:alert(1)',
  ' /x',
  '/\u0000x',
  '/\u2028x',
  '',
];

test('safeNext keeps same-site paths and turns everything else into "/"', () => {
  for (const bad of HOSTILE) assert.equal(safeNext(bad), '/', JSON.stringify(bad));
  assert.equal(safeNext(undefined), '/');
  assert.equal(safeNext('/assessments/a1/workshop/items/A.01?x=1#top'), '/assessments/a1/workshop/items/A.01?x=1#top');
  assert.equal(safeNext('/assessments?q=الأردن'), '/assessments?q=%D8%A7%D9%84%D8%A3%D8%B1%D8%AF%D9%86', 'non-ASCII is percent-encoded for the Location header');
});

eachDialect('redirects from input', (get) => {
  let id = '';
  let as: (email: string) => Promise<Browser>;
  before(async () => {
    ({ id, as } = await demoApp(get().ctx));
  });

  test('sign-in next: signed in (GET) and signing in (POST) never leave the site, never 500', async () => {
    const b = await as('observer@demo.metep.example');
    for (const next of [...HOSTILE, '/\u0627']) {
      const r = await b.get(`/sign-in?next=${encodeURIComponent(next)}`);
      // NUL is refused before any route (400); everything else is redirected, on this site.
      if (next.includes('\u0000')) {
        assert.equal(r.status, 400);
        continue;
      }
      assert.equal(r.status, 303, JSON.stringify(next));
      assert.ok(r.location === '/' || r.location === '/assessments' || r.location === '/%D8%A7', `${JSON.stringify(next)} → ${r.location}`);
    }
    const b2 = await as('observer@demo.metep.example');
    const r = await b2.post('/sign-in', { email: 'observer@demo.metep.example', password: 'x', next: '/\r\n/evil.example' });
    assert.notEqual(r.status, 500);
  });

  test('room and poll forms: a hostile back goes to "/"; a path on this site is kept', async () => {
    const f = await as('facilitator@demo.metep.example');
    for (const back of ['/\t/evil.example', '//evil.example', '/a\r\nb', '/\\evil']) {
      let r = await f.post(`/assessments/${id}/room/show`, { itemId: 'A.01', back });
      assert.equal(r.status, 303);
      assert.equal(r.location, '/', JSON.stringify(back));
      r = await f.post(`/assessments/${id}/polls`, { itemId: 'A.01', back });
      assert.equal(r.location, '/');
      r = await f.post(`/assessments/${id}/polls/close`, { back });
      assert.equal(r.location, '/');
    }
    const r = await f.post(`/assessments/${id}/room/show`, { itemId: 'A.02', back: `/assessments/${id}/workshop/items/A.02` });
    assert.equal(r.location, `/assessments/${id}/workshop/items/A.02`);
  });
});
