// The room's live part at workshop scale: rendered once per change and served to every member from that —
// the same ETag and body for every member in one language, 304 to a page that has it, a new tag after a
// change — while each request still checks the asker's access (an outsider with a valid tag gets nothing).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { createApp } from '../src/http/app.tsx';
import { eachDialect } from './env.ts';
import type { Browser } from './http.ts';
import { demoApp } from './support/demo.ts';

eachDialect('room live part shared by every member', (get) => {
  let id = '';
  let app: ReturnType<typeof createApp>;
  let as: (email: string) => Promise<Browser>;
  before(async () => {
    ({ id, app, as } = await demoApp(get().ctx));
  });

  test('one rendering per change for every member; 304 when unchanged; access checked on every request', async () => {
    const facilitator = await as('facilitator@demo.metep.example');
    const respondent = await as('respondent1@demo.metep.example');
    const live = `/assessments/${id}/room?part=live`;
    const a = await facilitator.get(live);
    const b = await respondent.get(live);
    assert.equal(a.status, 200);
    const tag = a.headers.get('etag') as string;
    assert.match(tag, /^W\/"room-/);
    assert.equal(b.headers.get('etag'), tag, 'the same content for every member');
    assert.equal(b.text, a.text);
    assert.match(a.headers.get('cache-control') ?? '', /private/);

    const again = await respondent.get(live, { 'if-none-match': tag });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');

    // Another language is another rendering.
    const fr = await respondent.get(live, { cookie: `${[...respondent.cookies].map(([k, v]) => `${k}=${v}`).join('; ')}; metep_lang=fr` });
    assert.notEqual(fr.headers.get('etag'), tag);

    // An outsider holding the tag gets no "unchanged": access comes first.
    const outside = await app.request(`http://metep.test${live}`, { headers: { 'if-none-match': tag } });
    assert.notEqual(outside.status, 304);
    assert.notEqual(outside.status, 200);

    // A saved answer is a change: a new tag and the new content.
    const saved = await respondent.request('POST', `/api/v1/assessments/${id}/answers`, JSON.stringify({ answers: [{ itemId: 'A.03', value: null, comment: 'a change for the room' }] }), { 'content-type': 'application/json', origin: 'http://metep.test' });
    assert.equal(saved.status, 200, saved.text);
    // Answer announcements are thinned to one per 100 ms per assessment (domain/kernel/live.ts) and on
    // PostgreSQL travel through NOTIFY: the room is a moment late by design, never stale for good.
    let after = await facilitator.get(live, { 'if-none-match': tag });
    for (let i = 0; i < 40 && after.status === 304; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await facilitator.get(live, { 'if-none-match': tag });
    }
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get('etag'), tag);
  });
});
