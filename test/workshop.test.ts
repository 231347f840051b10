// The workshop half of the cycle on real databases, through the HTTP routes as browsers use them: the
// room's live stream and a quick poll during collection, then consensus with a conflict between two
// facilitators, results that equal the scoring engine and trace back to answers and decisions, and
// validation.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, test } from 'node:test';
import { createBus } from '../src/db/bus.ts';
import { createDb } from '../src/db/index.ts';
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { createLogger } from '../src/lib/log.ts';
import { OPERATOR, type Ctx } from '../src/domain/kernel/context.ts';
import { createApp } from '../src/http/app.tsx';
import { AppError } from '../src/domain/kernel/errors.ts';
import { voteByCode } from '../src/domain/workshop/vote-by-code.ts';
import { bundledInstrument } from '../src/instrument/loader.ts';
import { t } from '../src/i18n/index.ts';
import { allItems } from '../src/instrument/model.ts';
import { consolidate } from '../src/scoring/consolidate.ts';
import type { TAnswer, TValue } from '../src/scoring/types.ts';
import { eachDialect, postgresOnly } from './env.ts';
import { demoApp } from './support/demo.ts';
import { Browser } from './http.ts';
import { paths } from '../src/http/paths.ts';

const GOV = new Set(['central_government', 'local_government']);
/** A text item of the demo's instrument: answering it changes the room's answer count and nothing scored. */
const TEXT_ITEM = allItems(bundledInstrument('2026.2')).map(({ item }) => item).find((i) => i.type === 'text')!;

/** Reads server-sent events from a streaming response until `until` matches one, or times out. */
async function readEvents(res: Response, until: (ev: { event: string; data: string; id?: string }) => boolean, ms = 5000): Promise<{ event: string; data: string; id?: string }[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const dec = new TextDecoder();
  const seen: { event: string; data: string; id?: string }[] = [];
  let buf = '';
  const deadline = Date.now() + ms;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!chunk || chunk.done) break;
      buf += dec.decode(chunk.value, { stream: true });
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const ev: { event: string; data: string; id?: string } = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('id:')) ev.id = line.slice(3).trim();
          if (line.startsWith('event:')) ev.event = line.slice(6).trim();
          // A multi-line payload comes as several data lines, joined with newlines (as EventSource does).
          if (line.startsWith('data:')) ev.data = ev.data ? `${ev.data}\n${line.slice(5).trim()}` : line.slice(5).trim();
        }
        if (block.startsWith(':')) continue;
        seen.push(ev);
        if (until(ev)) return seen;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return seen;
}

eachDialect('workshop', (get) => {
  let id = '';
  let app: ReturnType<typeof createApp>;
  let as: (email: string) => Promise<Browser>;
  before(async () => {
    ({ id, app, as } = await demoApp(get().ctx));
  });

  test('the room stream pushes the live part with the new count after a saved answer', async () => {
    const facilitator = await as('facilitator@demo.metep.example');
    const respondent = await as('respondent1@demo.metep.example');
    // Clear one text item so that answering it adds exactly one answer.
    const textItem = TEXT_ITEM;
    await get().db.kysely.deleteFrom('answers').where('assessment_id', '=', id).where('item_id', '=', textItem.id).execute();
    const before = await facilitator.get(`/assessments/${id}/room?part=live`);
    assert.equal(before.status, 200);
    const count = (html: string) => Number(/(\d+) answers/.exec(html)?.[1]);
    const n0 = count(before.text);
    assert.ok(n0 > 700);
    const cookie = [...facilitator.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const stream = await app.request(`http://metep.test/assessments/${id}/room/events`, { headers: { cookie } });
    assert.equal(stream.headers.get('content-type'), 'text/event-stream');
    const events = readEvents(stream, (e) => e.event === 'live' && count(e.data) === n0 + 1);
    // Give the stream time to subscribe before the change happens.
    await new Promise((r) => setTimeout(r, 100));
    const saved = await respondent.request('POST', `/api/v1/assessments/${id}/answers`, JSON.stringify({ answers: [{ itemId: textItem.id, value: { kind: 'text', text: 'Consultations are announced on the portal.' } }] }), { 'content-type': 'application/json', origin: 'http://metep.test' });
    assert.equal(saved.status, 200, saved.text);
    const seen = await events;
    // Opened without saying what it shows, the stream starts with the current part, then pushes the new one.
    assert.deepEqual(seen.map((e) => e.event), ['ready', 'live', 'live']);
    assert.equal(count(seen[1]!.data), n0);
    assert.equal(count(seen[2]!.data), n0 + 1);
    assert.match(seen[2]!.data, /<h2/, 'the pushed part is the rendered room part');
    const afterLive = await facilitator.get(`/assessments/${id}/room?part=live`);
    assert.equal(count(afterLive.text), n0 + 1, 'one more answer');
    // Without permission there is no stream: someone from outside gets 404 (existence not revealed).
    const anon = await app.request(`http://metep.test/assessments/${id}/room/events`);
    assert.notEqual(anon.status, 200);
  });

  test('the room stream starts from what the page shows; signing out ends it', async () => {
    const observer = await as('observer@demo.metep.example');
    const respondent = await as('respondent1@demo.metep.example');
    const textItem = TEXT_ITEM;
    const save = async (text: string) => {
      const r = await respondent.request('POST', `/api/v1/assessments/${id}/answers`, JSON.stringify({ answers: [{ itemId: textItem.id, value: { kind: 'text', text } }] }), { 'content-type': 'application/json', origin: 'http://metep.test' });
      assert.equal(r.status, 200, r.text);
    };
    const page = await observer.get(`/assessments/${id}/room`);
    const events = /id="room-live"[^>]* data-events="([^"]+)"/.exec(page.text)?.[1]?.replaceAll('&amp;', '&');
    assert.match(events ?? '', /\/room\/events\?since=/, 'the page says which snapshot it shows');
    const cookie = [...observer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    // The page is current: the stream sends nothing until something changes, then the new part.
    const s1 = await app.request(`http://metep.test${events}`, { headers: { cookie } });
    const first = readEvents(s1, (e) => e.event === 'live');
    await new Promise((r) => setTimeout(r, 100));
    await save('Published on the portal.');
    const seen = await first;
    assert.deepEqual(seen.map((e) => e.event), ['ready', 'live']);
    // Opened without a snapshot, the stream starts with the current part; a reconnecting browser says
    // which part it has (Last-Event-ID) and is not sent it again.
    const fresh = await readEvents(await app.request(`http://metep.test/assessments/${id}/room/events`, { headers: { cookie } }), (e) => e.event === 'live');
    assert.deepEqual(fresh.map((e) => e.event), ['ready', 'live']);
    assert.equal(fresh[1]!.id, seen[1]!.id, 'the same snapshot, named by its id');
    const again = await readEvents(await app.request(`http://metep.test/assessments/${id}/room/events`, { headers: { cookie, 'last-event-id': fresh[1]!.id! } }), (e) => e.event === 'live', 600);
    assert.deepEqual(again.map((e) => e.event), ['ready']);
    // Signed out while the room is open: the next change ends the stream instead of reaching the page.
    const s2 = await app.request(`http://metep.test/assessments/${id}/room/events`, { headers: { cookie, 'last-event-id': fresh[1]!.id! } });
    const started = Date.now();
    const second = readEvents(s2, (e) => e.event === 'live', 8000);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await observer.post(paths.signOut, {})).status, 303);
    await save('Published on the portal and in the gazette.');
    const after = await second;
    assert.deepEqual(after.map((e) => e.event), ['ready'], 'nothing pushed after signing out');
    assert.ok(Date.now() - started < 5000, 'the stream ended rather than timing out');
    assert.notEqual((await app.request(`http://metep.test${events}`, { headers: { cookie } })).status, 200, 'and cannot be opened again');
  });

  test('the open pages of a room are checked together before each push: a signed-out and a removed member get nothing, the rest get the part', async () => {
    const respondent = await as('respondent1@demo.metep.example');
    const pages = await Promise.all(['observer', 'respondent3', 'respondent4', 'respondent5'].map((who) => as(`${who}@demo.metep.example`)));
    const cookieOf = (b: Browser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const now = await pages[0]!.get(`/assessments/${id}/room?part=live`);
    const tag = /W\/"room-([^"]+)-en"/.exec(now.headers.get('etag') ?? '')?.[1];
    assert.ok(tag, 'the live part names its snapshot');
    const started = Date.now();
    // Each page already shows the current part (Last-Event-ID): only a change is pushed.
    const opened = pages.map(async (b) => app.request(`http://metep.test/assessments/${id}/room/events`, { headers: { cookie: cookieOf(b), 'last-event-id': tag } }));
    const seen = Promise.all(opened.map(async (r) => readEvents(await r, (e) => e.event === 'live', 8000)));
    await new Promise((r) => setTimeout(r, 150));
    // Respondent 4 is removed from the assessment and respondent 5 signs out while their pages are open.
    const removed = await get().db.kysely.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').selectAll('memberships').where('memberships.assessment_id', '=', id).where('users.email', '=', 'respondent4@demo.metep.example').executeTakeFirstOrThrow();
    await get().db.kysely.deleteFrom('memberships').where('id', '=', removed.id).execute();
    try {
      assert.equal((await pages[3]!.post(paths.signOut, {})).status, 303);
      const saved = await respondent.request('POST', `/api/v1/assessments/${id}/answers`, JSON.stringify({ answers: [{ itemId: TEXT_ITEM.id, value: { kind: 'text', text: `Checked together ${Date.now()}` } }] }), { 'content-type': 'application/json', origin: 'http://metep.test' });
      assert.equal(saved.status, 200, saved.text);
      const [observer, r3, r4, r5] = (await seen).map((events) => events.map((e) => e.event));
      assert.deepEqual(observer, ['ready', 'live']);
      assert.deepEqual(r3, ['ready', 'live']);
      assert.deepEqual(r4, ['ready'], 'nothing pushed to a removed member');
      assert.deepEqual(r5, ['ready'], 'nothing pushed after signing out');
      assert.ok(Date.now() - started < 7000, 'their streams ended rather than timing out');
    } finally {
      await get().db.kysely.insertInto('memberships').values(removed).execute();
    }
  });

  test('the room stream is gzip-compressed for a browser that accepts it, each push flushed at once', async () => {
    const observer = await as('observer@demo.metep.example');
    const respondent = await as('respondent2@demo.metep.example');
    const cookie = [...observer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await app.request(`http://metep.test/assessments/${id}/room/events`, { headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(res.headers.get('content-type'), 'text/event-stream');
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    const plain = new Response((res.body as ReadableStream<Uint8Array>).pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>));
    let lives = 0;
    const events = readEvents(plain, (e) => e.event === 'live' && ++lives === 2);
    await new Promise((r) => setTimeout(r, 100));
    const textItem = TEXT_ITEM;
    const saved = await respondent.request('POST', `/api/v1/assessments/${id}/answers`, JSON.stringify({ answers: [{ itemId: textItem.id, value: { kind: 'text', text: `Compressed ${Date.now()}` } }] }), { 'content-type': 'application/json', origin: 'http://metep.test' });
    assert.equal(saved.status, 200);
    // The second part arrives while the stream stays open: every event is flushed through the compressor.
    const seen = await events;
    assert.deepEqual(seen.map((e) => e.event), ['ready', 'live', 'live']);
    assert.match(seen[2]!.data, /\d+ answers/);
  });

  test('a person may keep eight room streams open at once; the ninth is refused with 429 until one closes', async () => {
    const observer = await as('observer@demo.metep.example');
    const cookie = [...observer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const open = () => app.request(`http://metep.test/assessments/${id}/room/events`, { headers: { cookie } });
    const streams = await Promise.all(Array.from({ length: 8 }, open));
    assert.deepEqual(streams.map((r) => r.status), Array(8).fill(200));
    const ninth = await open();
    assert.equal(ninth.status, 429);
    const refused = await ninth.text();
    assert.ok([t('en', 'error.too_many_streams', { max: 8 }), t('ar', 'error.too_many_streams', { max: 8 })].some((m) => refused.includes(m)), refused.slice(0, 200));
    // Another person is not affected.
    const facilitator = await as('facilitator@demo.metep.example');
    const other = await app.request(`http://metep.test/assessments/${id}/room/events`, { headers: { cookie: [...facilitator.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(other.status, 200);
    await other.body?.cancel();
    // A closed page frees its place.
    await streams[0]!.body?.cancel();
    await new Promise((r) => setTimeout(r, 50));
    const again = await open();
    assert.equal(again.status, 200);
    for (const r of [...streams.slice(1), again]) await r.body?.cancel();
  });

  test('a quick poll: facilitator opens it, phones vote, the room shows the count; stale and invalid votes are refused', async () => {
    const facilitator = await as('facilitator@demo.metep.example');
    const r1 = await as('respondent1@demo.metep.example');
    const r2 = await as('respondent2@demo.metep.example');
    // Respondents cannot open polls.
    assert.equal((await r1.post(`/assessments/${id}/polls`, { itemId: 'A.01', back: '/' })).status, 403);
    const open = await facilitator.post(`/assessments/${id}/polls`, { itemId: 'A.01', back: `/assessments/${id}/workshop/items/A.01` });
    assert.equal(open.status, 303);
    const phone = await r1.get(`/assessments/${id}/poll`);
    const pollId = /name="pollId" value="([^"]+)"/.exec(phone.text)?.[1];
    assert.ok(pollId, 'the phone page shows the open poll');
    assert.equal((await r1.post(`/assessments/${id}/poll`, { pollId, choice: '3' })).status, 303);
    assert.equal((await r2.post(`/assessments/${id}/poll`, { pollId, choice: '1' })).status, 303);
    // Changing one's vote replaces it.
    assert.equal((await r2.post(`/assessments/${id}/poll`, { pollId, choice: '3' })).status, 303);
    const bad = await r2.post(`/assessments/${id}/poll`, { pollId, choice: '9' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Choose one answer/);
    const room = await facilitator.get(`/assessments/${id}/room?part=live`);
    assert.match(room.text, /Quick poll: 2 votes/);
    const votes = await get().db.kysely.selectFrom('poll_votes').selectAll().where('poll_id', '=', pollId).execute();
    assert.deepEqual(votes.map((v) => v.choice).sort(), ['3', '3']);
    await facilitator.post(`/assessments/${id}/polls/close`, { back: '/' });
    const late = await r1.post(`/assessments/${id}/poll`, { pollId, choice: '2' });
    assert.equal(late.status, 409);
    assert.match(late.text, /This poll has closed/);
  });

  test('a checklist poll: members and devices without an account tick elements; the room shows code, address and QR, shares and the resulting score', async () => {
    const { ctx, db } = get();
    const facilitator = await as('facilitator@demo.metep.example');
    const r1 = await as('respondent1@demo.metep.example');
    const r2 = await as('respondent2@demo.metep.example');
    const back = `/assessments/${id}/workshop/items/C.05`;
    // A free-text item has no scale: the refusal says so.
    const text = await facilitator.post(`/assessments/${id}/polls`, { itemId: 'D.11', back });
    assert.equal(text.status, 400);
    assert.match(text.text, /free-text item has no scale to vote on/);
    assert.equal((await facilitator.post(`/assessments/${id}/polls`, { itemId: 'C.05', back })).status, 303);
    let room = await facilitator.get(`/assessments/${id}/room`);
    const code = /<p class="vote-code"><span dir="ltr">([2-9A-HJKMNP-Z]{6})<\/span><\/p>/.exec(room.text)?.[1] ?? '';
    assert.ok(code, 'the room shows a six-character code');
    assert.match(room.text, new RegExp(`<p class="vote-url"><span dir="ltr">http://metep\\.test/v/${code}</span></p>`), 'and the full address, scheme included');
    assert.match(room.text, new RegExp(`<svg [^>]*role="img" aria-label="QR code of the voting address, code ${code}"`));
    assert.match(room.text, /Only members of the assessment vote/);
    const ballot = (b: Browser, path: string, pollId: string, ticked: string[]) =>
      b.request('POST', path, new URLSearchParams([['pollId', pollId], ...ticked.map((k) => ['choice', k])]).toString(), { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://metep.test' });
    const phone = await r1.get(`/assessments/${id}/poll`);
    assert.match(phone.text, /type="checkbox" name="choice" id="choice-web_platform"/);
    const pollId = /name="pollId" value="([^"]+)"/.exec(phone.text)?.[1] ?? '';
    assert.equal((await ballot(r1, `/assessments/${id}/poll`, pollId, ['web_platform', 'sms_ussd'])).status, 303);
    assert.equal((await ballot(r2, `/assessments/${id}/poll`, pollId, ['web_platform'])).status, 303);
    assert.equal((await ballot(r2, `/assessments/${id}/poll`, pollId, ['web_platform', 'nonsense'])).status, 400);
    // A member following the code goes to their own poll page.
    assert.equal((await r1.get(`/v/${code}`)).location, `/assessments/${id}/poll`);
    // Before the facilitator allows it, the code page only says how to take part.
    const stranger = new Browser(app);
    let page = await stranger.get(`/v/${code.toLowerCase()}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /not open in room/);
    assert.equal((await ballot(stranger, `/v/${code}`, pollId, ['web_platform'])).status, 403);
    assert.equal((await facilitator.post(`/assessments/${id}/room/voting`, { open: '1', back })).status, 303);
    page = await stranger.get(`/v/${code}`);
    assert.match(page.text, /one vote per device/);
    assert.match(page.text, /type="checkbox" name="choice" id="choice-sms_ussd"/);
    assert.match(page.text, /<form method="post" action="\/v\/[^"]+"/, 'a plain form: it works without JavaScript');
    assert.doesNotMatch(page.text, /<script/);
    // One vote per device: voting again replaces it.
    assert.equal((await ballot(stranger, `/v/${code}`, pollId, ['sms_ussd'])).status, 303);
    assert.equal((await ballot(stranger, `/v/${code}`, pollId, ['web_platform'])).status, 303);
    assert.match((await stranger.get(`/v/${code}`)).text, /Your vote: Web participation platform or portal</);
    const other = new Browser(app);
    await other.get(`/v/${code}`);
    assert.equal((await ballot(other, `/v/${code}`, pollId, [])).status, 303, 'ticking nothing is a vote too');
    const devices = await db.kysely.selectFrom('poll_device_votes').selectAll().where('poll_id', '=', pollId).execute();
    assert.equal(devices.length, 2);
    assert.ok(devices.every((d) => d.device.length === 64 && !Object.values(stranger.cookies).includes(d.device)), 'only a hash of the device cookie is stored');
    room = await facilitator.get(`/assessments/${id}/room?part=live`);
    assert.match(room.text, /Quick poll: 4 votes/);
    assert.match(room.text, /2 members and 2 devices without an account voted/);
    assert.match(room.text, /Of which without an account/);
    assert.match(room.text, /Voting without an account is open until/);
    // web_platform: 3 of 4 voters (in place); sms_ussd: 1 of 4; weights total 8, web_platform weighs 2 → 25 %.
    assert.match(room.text, /Elements ticked by more than half of the voters: 1 of 7; resulting score: 25%\./);
    assert.match(room.text, /<th scope="row">Web participation platform or portal<\/th><td class="num">.*?3<\/td><td class="num">75%<\/td><td class="num">1<\/td>/);
    assert.match(room.text, /<th scope="row">SMS or USSD[^<]*<\/th><td class="num">.*?1<\/td><td class="num">25%<\/td><td class="num">0<\/td>/);
    // Votes without an account are counted per client address; over the allowance they are refused.
    const allowance = ctx.config.pollVotesPerAddress;
    ctx.config.pollVotesPerAddress = 2;
    try {
      const m = { ip: '198.51.100.9', userAgent: 'test' };
      await voteByCode(ctx, code, 'device-one', { pollId, choice: [] }, m);
      await voteByCode(ctx, code, 'device-two', { pollId, choice: [] }, m);
      await assert.rejects(voteByCode(ctx, code, 'device-three', { pollId, choice: [] }, m), (e: unknown) => e instanceof AppError && e.code === 'throttled');
    } finally {
      ctx.config.pollVotesPerAddress = allowance;
    }
    // A closed poll refuses votes, with or without an account.
    await facilitator.post(`/assessments/${id}/polls/close`, { back });
    const late = await ballot(other, `/v/${code}`, pollId, ['web_platform']);
    assert.equal(late.status, 409);
    assert.match(late.text, /This poll has closed/);
    assert.equal((await facilitator.post(`/assessments/${id}/room/voting`, { open: '0', back })).status, 303);
    assert.match((await other.get(`/v/${code}`)).text, /not open in room/);
    assert.equal((await new Browser(app).get('/v?code=zz')).status, 400);
    assert.equal((await new Browser(app).get(`/v?code=${code.slice(0, 3)}-${code.slice(3)}`)).location, `/v/${code}`);
  });

  test('two facilitators decide the same item: the later one gets a conflict with the newer decision, nothing is overwritten', async () => {
    await changeAssessmentState(get().ctx, OPERATOR, id, { to: 'consolidating' });
    const facilitator = await as('facilitator@demo.metep.example');
    const coordinator = await as('coordinator@demo.metep.example');
    const page = await facilitator.get(`/assessments/${id}/workshop/A`);
    assert.equal(page.status, 200);
    // Items are listed from the least agreed to the most; the demo's contested A.03 is the least agreed of
    // the level items (three-point status items agree less by nature).
    const listed = [...page.text.matchAll(/workshop\/items\/(A\.\d\d)".*?<td class="num">(\d+)%/gs)].map((m) => ({ id: m[1], agreement: Number(m[2]) }));
    const levels = new Set(bundledInstrument('2026.2').parts[0]!.pillars[0]!.items.filter((i) => i.type === 'level').map((i) => i.id));
    assert.ok(listed.length >= 8, 'every scored item of the pillar is listed');
    assert.deepEqual(listed.map((r) => r.agreement), [...listed.map((r) => r.agreement)].sort((x, y) => x - y));
    assert.equal(listed.find((r) => levels.has(r.id as string))?.id, 'A.03', 'the contested item comes first among level items');
    const a = await facilitator.get(`/assessments/${id}/workshop/items/A.03`);
    const b = await coordinator.get(`/assessments/${id}/workshop/items/A.03`);
    assert.match(a.text, /name="baseRevision" value="0"/);
    assert.match(b.text, /name="baseRevision" value="0"/);
    const first = await facilitator.post(`/assessments/${id}/workshop/items/A.03/consensus`, { 'v.A.03': '2', rationale: 'The portal exists but consultations are rare.', baseRevision: '0' });
    assert.equal(first.status, 303);
    const second = await coordinator.post(`/assessments/${id}/workshop/items/A.03/consensus`, { 'v.A.03': '3', rationale: 'Ministries publish drafts routinely.', dissent: 'Civil society disagrees.', baseRevision: '0' });
    assert.equal(second.status, 409);
    assert.match(second.text, /Tomas Facilitator recorded a decision on this item \(revision 1\)/);
    const decisionSection = /id="decision-h"[\s\S]*?<\/section>/.exec(second.text)?.[0] ?? '';
    assert.equal(decisionSection.split('The portal exists but consultations are rare.').length - 1, 1, 'the newer decision is shown, once (the history lists it too)');
    assert.match(second.text, /Ministries publish drafts routinely\./, 'what the coordinator typed is kept');
    assert.match(second.text, /name="baseRevision" value="1"/, 'saving again now builds on the newer revision');
    let rows = await get().db.kysely.selectFrom('consensus').selectAll().where('assessment_id', '=', id).where('item_id', '=', 'A.03').execute();
    assert.equal(rows.length, 1);
    assert.equal(JSON.parse(rows[0]!.value_json).level, 2);
    const again = await coordinator.post(`/assessments/${id}/workshop/items/A.03/consensus`, { 'v.A.03': '3', rationale: 'Ministries publish drafts routinely.', dissent: 'Civil society disagrees.', baseRevision: '1' });
    assert.equal(again.status, 303);
    rows = await get().db.kysely.selectFrom('consensus').selectAll().where('assessment_id', '=', id).where('item_id', '=', 'A.03').orderBy('revision').execute();
    assert.deepEqual(rows.map((r) => r.revision), [1, 2], 'every revision is kept');
    const audit = await get().db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'consensus.record').where('entity_id', '=', `${id}/A.03`).execute();
    assert.equal(audit.length, 2);
    // The landing page lists the most contested items still without a decision, across pillars.
    const landing = await facilitator.get(`/assessments/${id}/workshop`);
    const contested = [...landing.text.matchAll(/workshop\/items\/([A-G]\.\d\d)".*?<td class="num">(\d+)%/gs)].map((m) => ({ id: m[1], agreement: Number(m[2]) }));
    assert.equal(contested.length, 12);
    assert.ok(!contested.some((c) => c.id === 'A.03'), 'decided items leave the list');
    assert.ok(new Set(contested.map((c) => c.id?.[0])).size > 1, 'several pillars');
    assert.deepEqual(contested.map((c) => c.agreement), [...contested.map((c) => c.agreement)].sort((x, y) => x - y));
    const history = await facilitator.get(`/assessments/${id}/workshop/items/A.03`);
    assert.match(history.text, /Civil society disagrees\./);
    assert.match(history.text, /revision 2/);
  });

  test('bad decisions get a clear message and save nothing', async () => {
    const facilitator = await as('facilitator@demo.metep.example');
    const noWhy = await facilitator.post(`/assessments/${id}/workshop/items/B.07/consensus`, { 'v.B.07': '1', rationale: '  ', baseRevision: '0' });
    assert.equal(noWhy.status, 400);
    assert.match(noWhy.text, /Write down why the workshop agreed/);
    const noValue = await facilitator.post(`/assessments/${id}/workshop/items/B.07/consensus`, { rationale: 'Because.', baseRevision: '0' });
    assert.equal(noValue.status, 400);
    assert.match(noValue.text, /Choose the agreed answer/);
    const respondent = await as('respondent1@demo.metep.example');
    assert.equal((await respondent.post(`/assessments/${id}/workshop/items/B.07/consensus`, { 'v.B.07': '1', rationale: 'x', baseRevision: '0' })).status, 403);
    const n = await get().db.kysely.selectFrom('consensus').selectAll().where('assessment_id', '=', id).where('item_id', '=', 'B.07').execute();
    assert.equal(n.length, 0);
  });

  test('results equal the scoring engine on the raw data, page and CLI JSON agree, and a score traces to its answers and decisions', async () => {
    const observer = await as('observer@demo.metep.example');
    // Independent recomputation from the tables.
    const db = get().db.kysely;
    const members = await db.selectFrom('memberships').leftJoin('organisations', 'organisations.id', 'memberships.organisation_id').select(['memberships.user_id', 'memberships.role', 'organisations.group_code']).where('memberships.assessment_id', '=', id).execute();
    const answers = await db.selectFrom('answers').selectAll().where('assessment_id', '=', id).execute();
    const evidence = await db.selectFrom('evidence').select(['user_id', 'item_id']).where('assessment_id', '=', id).execute();
    const decisions = await db.selectFrom('consensus').selectAll().where('assessment_id', '=', id).orderBy('revision').execute();
    const respondents = members
      .filter((m) => m.role === 'respondent')
      .map((m) => {
        const mine = answers.filter((a) => a.user_id === m.user_id && a.value_json !== 'null');
        return { government: GOV.has(m.group_code ?? ''), answers: new Map<string, TAnswer>(mine.map((a) => [a.item_id, { value: JSON.parse(a.value_json) as TValue, evidence: evidence.filter((e) => e.user_id === m.user_id && e.item_id === a.item_id).length }])) };
      })
      .filter((r) => r.answers.size > 0);
    const agreed = new Map(decisions.map((d) => [d.item_id, JSON.parse(d.value_json) as TValue]));
    const engine = consolidate(bundledInstrument('2026.2'), respondents, agreed); // the demo's current cycle is on 2026.2
    const api = await observer.get(`/api/v1/assessments/${id}/results`);
    assert.equal(api.status, 200);
    const j = JSON.parse(api.text);
    const r6 = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);
    assert.equal(j.index.score, r6(engine.scores.score));
    assert.deepEqual(j.pillars.map((p: { score: number }) => p.score), engine.scores.pillars.map((p) => r6(p.score)));
    const a03 = j.items.find((i: { id: string }) => i.id === 'A.03');
    assert.equal(a03.source, 'consensus');
    assert.equal(a03.score, 0.75, 'the agreed level 3 is scored, not the computed default');
    assert.equal(j.index.agreedItems, 1);
    // `metep results`, run as a user runs it against the same database, prints the same numbers.
    const database = get().ctx.config.database;
    const cli = spawnSync(process.execPath, [new URL('../bin/metep.js', import.meta.url).pathname, 'results', id, '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent', PUBLIC_URL: get().ctx.config.publicUrl, DATABASE_URL: database.kind === 'sqlite' ? database.file : database.url, ...(database.kind === 'postgres' && database.schema ? { DATABASE_SCHEMA: database.schema } : {}) },
    });
    assert.equal(cli.status, 0, cli.stderr);
    // Whether the citizen pulse is open depends on the clock: the test's is fixed, the command's is real.
    const clockFree = (x: { citizens?: { pulse?: { state?: string } | null } | null }) => {
      if (x.citizens?.pulse) delete x.citizens.pulse.state;
      return x;
    };
    assert.deepEqual(clockFree(JSON.parse(cli.stdout)), clockFree(structuredClone(j)));
    // The page shows the same index, marked provisional.
    const page = await observer.get(`/assessments/${id}/results`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Provisional results/);
    assert.ok(page.text.includes(`>${(engine.scores.score as number).toFixed(2)}<`), 'the index on the page');
    assert.match(page.text, /<svg[^>]*role="img"/);
    assert.doesNotMatch(page.text, /<script(?![^>]*src=)/, 'no inline script');
    // Beside the scores: the bootstrap interval, the uncertainty table, Krippendorff's α and the gap test,
    // with the same numbers as the API (the analysis is seeded, so the CLI's separate process agreed above).
    assert.ok(page.text.includes(`${(j.index.low as number).toFixed(2)} – ${(j.index.high as number).toFixed(2)}`), 'the index interval on the page');
    assert.match(page.text, /id="unc-table"/);
    assert.match(page.text, /Krippendorff’s α|Krippendorff&#39;s α|Krippendorff's α/);
    assert.match(page.text, /id="gap-test"/);
    // The perception-gap chart and its table show the same numbers on the same scale: each bar's label is
    // the table's government or non-government cell, written the same way, and the axis ends at 1.00.
    const gapChart = /<svg\b[^>]*aria-labelledby="gap-title"[\s\S]*?<\/svg>/.exec(page.text)?.[0] ?? '';
    const barLabels = [...gapChart.matchAll(/<rect [^>]*\/><text[^>]*>([\d.]+)<\/text>/g)].map((m) => m[1]);
    const gapTable = /<table\b[^>]*id="gap-table"[\s\S]*?<\/table>/.exec(page.text)?.[0] ?? '';
    const tableCells = [...gapTable.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).flatMap((row) => [...row[1]!.matchAll(/<td\b[^>]*>([^<]*)<\/td>/g)].slice(0, 2).map((c) => c[1]));
    assert.equal(barLabels.length, 14, 'seven pillars, two groups');
    assert.deepEqual(barLabels, tableCells.filter((c) => c !== '–'));
    assert.match(gapChart, />1\.00<\/text>/);
    // Trace: the item page lists every respondent's answer and the decisions with their rationale.
    const trace = await observer.get(`/assessments/${id}/results/items/A.03`);
    assert.equal(trace.status, 200);
    assert.match(trace.text, /Ministries publish drafts routinely\./);
    assert.match(trace.text, /The portal exists but consultations are rare\./);
    const answered = respondents.filter((r) => r.answers.has('A.03')).length;
    assert.equal((trace.text.match(/Respondent \d+/g) ?? []).length, answered, 'observers see numbered respondents, one row each');
    // Every item's score is on a page of its own, linked from the results; each links to its trace.
    assert.ok(page.text.includes(`href="/assessments/${id}/results/items"`), 'the results link to every item');
    assert.ok(page.text.includes(`href="/assessments/${id}/results/items#items-A"`), 'a pillar links to its items');
    const items = await observer.get(`/assessments/${id}/results/items`);
    assert.equal(items.status, 200);
    assert.ok(items.text.includes(`/assessments/${id}/results/items/A.03`), 'the item links its score to its trace');
    for (const it of engine.scores.items.filter((x) => x.score !== null).slice(0, 5)) assert.ok(items.text.includes(`>${it.id}</a>`), `${it.id} listed`);
  });

  test('anonymising hides names from the workshop', async () => {
    const coordinator = await as('coordinator@demo.metep.example');
    const named = await coordinator.get(`/assessments/${id}/workshop/items/A.01`);
    assert.doesNotMatch(named.text, /Respondent \d+/);
    assert.equal((await coordinator.post(`/assessments/${id}/anonymise`, { anonymise: '1' })).status, 303);
    const anon = await coordinator.get(`/assessments/${id}/workshop/items/A.01`);
    assert.match(anon.text, /Respondent \d+/);
    const facilitator = await as('facilitator@demo.metep.example');
    assert.equal((await facilitator.post(`/assessments/${id}/anonymise`, { anonymise: '0' })).status, 403, 'only the coordinator decides');
  });

  test('validation asks to acknowledge open points, locks decisions, and reopening needs a reason', async () => {
    const coordinator = await as('coordinator@demo.metep.example');
    const check = await coordinator.get(`/assessments/${id}/validation`);
    assert.equal(check.status, 200);
    assert.match(check.text, /Items without an agreed answer \(\d+\)/);
    const blocked = await coordinator.post(`/assessments/${id}/validation`, { to: 'validated' });
    assert.equal(blocked.status, 400);
    assert.match(blocked.text, /Tick the box to confirm/);
    assert.equal((await get().db.kysely.selectFrom('assessments').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state, 'consolidating');
    const ok = await coordinator.post(`/assessments/${id}/validation`, { to: 'validated', acknowledge: '1' });
    assert.equal(ok.status, 303);
    const results = await coordinator.get(`/assessments/${id}/results`);
    assert.match(results.text, /Validated results/);
    const locked = await coordinator.post(`/assessments/${id}/workshop/items/A.03/consensus`, { 'v.A.03': '1', rationale: 'late', baseRevision: '2' });
    assert.equal(locked.status, 409);
    const noReason = await coordinator.post(`/assessments/${id}/validation`, { to: 'consolidating', reason: '' });
    assert.equal(noReason.status, 400);
    const reopened = await coordinator.post(`/assessments/${id}/validation`, { to: 'consolidating', reason: 'A ministry sent new evidence.' });
    assert.equal(reopened.status, 303);
  });

  test('publishing publishes: every member reads the results, respondents included; withdrawing says so and closes them again', async () => {
    const coordinator = await as('coordinator@demo.metep.example');
    const respondent = await as('respondent1@demo.metep.example');
    assert.equal((await coordinator.post(`/assessments/${id}/validation`, { to: 'validated', acknowledge: '1' })).status, 303);
    assert.equal((await respondent.get(`/assessments/${id}/results`)).status, 403, 'validated results are not yet for respondents');
    const published = await coordinator.post(`/assessments/${id}/state`, { to: 'published' });
    assert.equal(published.status, 303);
    const page = await respondent.get(`/assessments/${id}/results`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Validated results/);
    assert.equal((await respondent.get(`/assessments/${id}/results.json`)).status, 200);
    assert.equal((await respondent.get(`/assessments/${id}/results/items/A.03`)).status, 200);
    assert.match((await respondent.get(`/assessments/${id}`)).text, new RegExp(`href="/assessments/${id}/results"`), 'the results are in their navigation');
    // The way back from Published is a withdrawal, not a second validation.
    const overview = await coordinator.get(`/assessments/${id}`);
    assert.match(overview.text, /Withdraw publication/);
    assert.doesNotMatch(overview.text, /Validate and lock results/);
    assert.equal((await coordinator.post(`/assessments/${id}/state`, { to: 'validated', reason: 'A figure needs checking.' })).status, 303);
    assert.equal((await respondent.get(`/assessments/${id}/results`)).status, 403, 'withdrawn: closed again');
    assert.match((await coordinator.get(`/assessments/${id}`)).text, /Publish results/);
  });
});

// Several app instances share one PostgreSQL; SQLite runs as one process.
postgresOnly('workshop across app instances', (get) => {
  let id = '';
  let as: (email: string) => Promise<Browser>;
  before(async () => {
    ({ id, as } = await demoApp(get().ctx));
  });

  test('two app instances on one PostgreSQL: an answer saved through one reaches a room stream on the other', async () => {
    const { ctx } = get();
    const db2 = createDb(ctx.config.database);
    const log = createLogger('silent');
    const ctx2 = { ...ctx, db: db2, bus: createBus(db2, ctx.config.database, log) };
    try {
      await ctx2.bus.ready();
      const app2 = createApp(ctx2);
      const facilitator = await as('facilitator@demo.metep.example');
      const cookie = [...facilitator.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const stream = await app2.request(`http://metep.test/assessments/${id}/room/events`, { headers: { cookie } });
      let lives = 0;
      const events = readEvents(stream, (e) => e.event === 'live' && ++lives === 2);
      await new Promise((r) => setTimeout(r, 100));
      const respondent = await as('respondent2@demo.metep.example');
      const saved = await respondent.request('POST', `/api/v1/assessments/${id}/answers`, JSON.stringify({ answers: [{ itemId: 'B.01', value: { kind: 'level', level: 1 } }] }), { 'content-type': 'application/json', origin: 'http://metep.test' });
      assert.equal(saved.status, 200);
      const seen = await events;
      assert.deepEqual(seen.map((e) => e.event), ['ready', 'live', 'live'], 'the other instance heard the change and pushed the part again');
    } finally {
      await ctx2.bus.close();
      await db2.close();
    }
  });
});
