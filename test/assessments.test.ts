// The collection half of the cycle on real databases, through the HTTP routes as a browser uses them:
// create an assessment, invite by e-mail (real SMTP), by copied link and by CSV, answer in different
// languages with evidence, track progress, close collection.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { ensureBundledInstrument } from '../src/domain/instruments/ensure-bundled-instrument.ts';
import { createApp } from '../src/http/app.tsx';
import { t } from '../src/i18n/index.ts';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';
import { multipart } from './support/multipart.ts';
import { bodyOf, startSmtpSink } from './smtp.ts';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
before(async () => {
  smtp = await startSmtpSink();
  process.env.METEP_TEST_SMTP = smtp.url;
});
after(async () => smtp?.close());

async function postMultipart(b: Browser, path: string, fields: Parameters<typeof multipart>[0]) {
  const { body, type } = multipart(fields);
  return b.request('POST', path, body as unknown as string, { 'content-type': type, origin: 'http://metep.test' });
}

eachDialect('collecting answers', (get) => {
  let app: ReturnType<typeof createApp>;
  let assessmentId = '';
  const links: Record<string, string> = {};
  const coord = () => new Browser(app);
  let coordinator: Browser;

  before(async () => {
    get().ctx.config.smtpUrl = smtp.url;
    await ensureBundledInstrument(get().ctx);
    await createUser(get().ctx, OPERATOR, { name: 'Cora Coordinator', email: 'cora@example.org', password: 'cora has a long password', isCoordinator: true });
    await createUser(get().ctx, OPERATOR, { name: 'Other Focal', email: 'other@example.org', password: 'other has a long password', isCoordinator: true });
    app = createApp(get().ctx);
    coordinator = coord();
    const r = await coordinator.post('/sign-in', { email: 'cora@example.org', password: 'cora has a long password' });
    assert.equal(r.status, 303);
  });

  test('a coordinator creates an assessment; bad input is explained and kept', async () => {
    let r = await coordinator.post('/assessments', { country: 'XXX', cycleYear: '1990', scope: 'Capital region', targetIndex: '7' });
    assert.equal(r.status, 400);
    assert.match(r.text, /Choose a country from the list/);
    assert.match(r.text, /Enter a year between 2000 and 2100/);
    assert.match(r.text, /value="Capital region"/);
    r = await coordinator.post('/assessments', { country: 'KEN', cycleYear: '2026', scope: '', targetIndex: '0.6', deadline: '2026-12-31', instrumentVersion: '2026.1' });
    assert.equal(r.status, 303);
    assessmentId = /\/assessments\/([^/]+)\/participants/.exec(r.location ?? '')?.[1] ?? '';
    assert.ok(assessmentId);
    r = await coordinator.get(`/assessments/${assessmentId}`, { 'accept-language': 'fr' });
    assert.match(r.text, /Kenya/);
  });

  test('invitations: e-mailed through SMTP, copied link, and CSV with a per-row report', async () => {
    let r = await coordinator.post(`/assessments/${assessmentId}/invitations`, { name: 'Amal Ministry', email: 'amal@example.org', organisation: 'Ministry of ICT', group: 'central_government', role: 'respondent' });
    assert.equal(r.status, 200);
    assert.match(r.text, /sent by e-mail/);
    const mail = smtp.messages.findLast((m) => m.to.includes('amal@example.org'));
    assert.ok(mail, 'the invitation arrived at the SMTP server');
    const mailed = /(http:\/\/metep\.test\/join\/[A-Za-z0-9_-]{43})/.exec(bodyOf(mail.raw))?.[1];
    assert.ok(mailed, 'the e-mail carries the link');
    links.amal = new URL(mailed).pathname;
    r = await coordinator.post(`/assessments/${assessmentId}/invitations`, { name: 'Bo Civil', email: '', organisation: 'Open Data Alliance', group: 'civil_society', role: 'respondent' });
    links.bo = new URL(/id="invite-link">([^<]+)</.exec(r.text)?.[1] ?? 'http://x/').pathname;
    assert.match(links.bo, /^\/join\//);
    r = await coordinator.post(`/assessments/${assessmentId}/invitations`, { name: 'No Org', role: 'respondent' });
    assert.equal(r.status, 400);
    assert.match(r.text, /answers for an organization/);
    const csv = 'name,e-mail,organisation,group,role\r\nChen Academic,chen@example.org,National University,academia,respondent\r\nBroken Row,not-an-email,Somewhere,nowhere,respondent\r\n"Dana, Observer",,,,observer\r\n';
    r = await postMultipart(coordinator, `/assessments/${assessmentId}/invitations/csv`, { file: { name: 'people.csv', type: 'text/csv', data: Buffer.from(csv) } });
    assert.equal(r.status, 200);
    assert.match(r.text, /2 invited, 1 with problems/);
    assert.match(r.text, /Enter a valid e-mail address/);
    assert.match(r.text, /Choose a stakeholder group from the list/);
    const chenMail = smtp.messages.findLast((m) => m.to.includes('chen@example.org'));
    links.chen = new URL(/(http:\/\/metep\.test\/join\/[A-Za-z0-9_-]{43})/.exec(bodyOf(chenMail?.raw ?? ''))?.[1] ?? 'http://x/').pathname;
    assert.match(links.chen, /^\/join\//);
  });

  test('the coordinator lists organisations with their stakeholder group; a clash of groups is refused', async () => {
    let r = await coordinator.post(`/assessments/${assessmentId}/organisations`, { orgName: 'Kenya Media Council', orgGroup: 'media' });
    assert.equal(r.status, 303);
    r = await coordinator.post(`/assessments/${assessmentId}/organisations`, { orgName: 'kenya media council', orgGroup: 'academia' });
    assert.equal(r.status, 400);
    assert.match(r.text, /already listed in another stakeholder group/);
    r = await coordinator.post(`/assessments/${assessmentId}/organisations`, { orgName: '', orgGroup: 'media' });
    assert.equal(r.status, 400);
    r = await coordinator.get(`/assessments/${assessmentId}/participants`);
    assert.match(r.text, /<a href="[^"]+\/organisations\/[^"]+"><bdi>Kenya Media Council<\/bdi><\/a> — <span class="muted">Media<\/span>/);
  });

  test('invited people join: new accounts in their own language, single-use links', async () => {
    const amal = new Browser(app, 'http://metep.test', { 'accept-language': 'ar' });
    let r = await amal.get(links.amal!);
    assert.equal(r.status, 200);
    assert.match(r.text, /dir="rtl"/);
    r = await amal.post(links.amal!, { name: 'أمل', password: 'short' });
    assert.equal(r.status, 400);
    r = await amal.post(links.amal!, { name: 'أمل', password: 'amal has a long password' });
    assert.equal(r.status, 303);
    assert.equal(r.location, `/assessments/${assessmentId}`);
    r = await new Browser(app).get(links.amal!);
    assert.equal(r.status, 410, 'the link works once');
    const bo = new Browser(app, 'http://metep.test', { 'accept-language': 'es' });
    r = await bo.post(links.bo!, { name: 'Bo', email: 'bo@example.org', password: 'bo has a long password too' });
    assert.equal(r.status, 303);
    const chen = new Browser(app, 'http://metep.test', { 'accept-language': 'zh' });
    r = await chen.post(links.chen!, { name: '陈', password: 'chen has a long password' });
    assert.equal(r.status, 303);
  });

  test('answers are refused until collection opens, then saved from the plain form with evidence', async () => {
    const amal = new Browser(app, 'http://metep.test', { 'accept-language': 'ar' });
    await amal.post('/sign-in', { email: 'amal@example.org', password: 'amal has a long password' });
    let r = await amal.request('POST', `/api/v1/assessments/${assessmentId}/answers`, JSON.stringify({ answers: [{ itemId: 'A.01', value: { kind: 'level', level: 3 } }] }), { 'content-type': 'application/json' });
    assert.equal(r.status, 409);
    r = await coordinator.post(`/assessments/${assessmentId}/state`, { to: 'collecting' });
    assert.equal(r.status, 303);
    r = await amal.get(`/assessments/${assessmentId}/answer`);
    assert.equal(r.location, `/assessments/${assessmentId}/answer/A`);
    r = await amal.get(`/assessments/${assessmentId}/answer/A`);
    assert.equal(r.status, 200);
    assert.match(r.text, /name="v\.A\.01"/);
    // A bad number is reported next to its item and nothing typed is lost.
    r = await postMultipart(amal, `/assessments/${assessmentId}/answer/B`, { 'v.B.01': '3', 'v.B.06': 'lots', 'c.B.01': 'تعليق', action: 'save' });
    assert.equal(r.status, 400);
    assert.match(r.text, /value="3" checked/);
    assert.match(r.text, /تعليق/);
    r = await postMultipart(amal, `/assessments/${assessmentId}/answer/A`, { 'v.A.01': '3', 'v.A.02': 'yes', 'c.A.01': 'قانون الحق في الحصول على المعلومات', 'lu.A.01': 'https://example.gov/ati-law', 'lt.A.01': 'ATI Act', action: 'link:A.01' });
    assert.equal(r.status, 303);
    // An address copied without its scheme is the web address it names; another scheme is refused.
    r = await postMultipart(amal, `/assessments/${assessmentId}/answer/A`, { 'v.A.01': '3', 'lu.A.01': 'www.example.gov/ati-report', 'lt.A.01': 'ATI report', action: 'link:A.01' });
    assert.equal(r.status, 303);
    const link = await get().db.kysely.selectFrom('evidence').select('url').where('title', '=', 'ATI report').executeTakeFirstOrThrow();
    assert.equal(link.url, 'https://www.example.gov/ati-report');
    r = await postMultipart(amal, `/assessments/${assessmentId}/answer/A`, { 'v.A.01': '3', 'lu.A.01': 'javascript:alert(1)', action: 'link:A.01' });
    assert.equal(r.status, 400);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 32)]);
    r = await postMultipart(amal, `/assessments/${assessmentId}/answer/A`, { 'v.A.01': '3', 'v.A.02': 'yes', 'lf.A.02': { name: 'dpa-report.pdf', type: 'application/pdf', data: pdf }, action: 'upload:A.02' });
    assert.equal(r.status, 303);
    r = await postMultipart(amal, `/assessments/${assessmentId}/answer/A`, { 'v.A.01': '3', 'lf.A.02': { name: 'evil.pdf', type: 'application/pdf', data: Buffer.from('MZ not a pdf') }, action: 'upload:A.02' });
    assert.equal(r.status, 400);
    r = await amal.get(`/assessments/${assessmentId}/answer/A`);
    assert.match(r.text, /ATI Act/);
    assert.match(r.text, /dpa-report\.pdf/);
    const fileHref = /href="(\/assessments\/[^"]+\/files\/[^"]+)"/.exec(r.text)?.[1];
    assert.ok(fileHref);
    const f = await amal.get(fileHref);
    assert.equal(f.status, 200);
    assert.match(f.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal((await coordinator.get(fileHref)).status, 200, 'the coordinator may read evidence');
    const bo = new Browser(app);
    await bo.post('/sign-in', { email: 'bo@example.org', password: 'bo has a long password too' });
    assert.equal((await bo.get(fileHref)).status, 403, 'another respondent may not');
  });

  test('autosave API: a batch is all-or-nothing and names the item that does not fit', async () => {
    const chen = new Browser(app, 'http://metep.test', { 'accept-language': 'zh' });
    await chen.post('/sign-in', { email: 'chen@example.org', password: 'chen has a long password' });
    let r = await chen.request('POST', `/api/v1/assessments/${assessmentId}/answers`, JSON.stringify({ answers: [{ itemId: 'E.01', value: { kind: 'level', level: 2 } }, { itemId: 'A.02', value: { kind: 'level', level: 9 } }] }), { 'content-type': 'application/json' });
    assert.equal(r.status, 400);
    r = await chen.request('POST', `/api/v1/assessments/${assessmentId}/answers`, JSON.stringify({ answers: [{ itemId: 'E.01', value: { kind: 'level', level: 2 } }, { itemId: 'A.02', value: { kind: 'level', level: 1 } }] }), { 'content-type': 'application/json' });
    assert.equal(r.status, 400);
    assert.ok(JSON.parse(r.text).error.fields['A.02'], 'A.02 is a status item: a level does not fit');
    const n = await get().db.kysely.selectFrom('answers').select('item_id').where('assessment_id', '=', assessmentId).where('item_id', '=', 'E.01').execute();
    assert.equal(n.length, 0, 'nothing of the refused batch was written');
    r = await chen.request('POST', `/api/v1/assessments/${assessmentId}/answers`, JSON.stringify({ answers: [{ itemId: 'E.01', value: { kind: 'level', level: 2 }, comment: '中文评论' }, { itemId: 'A.02', value: { kind: 'excluded', reason: 'dont_know' } }] }), { 'content-type': 'application/json' });
    assert.equal(r.status, 200);
    r = await chen.post(`/assessments/${assessmentId}/submit`, {});
    assert.equal(r.location, `/assessments/${assessmentId}/submit`, 'unanswered items: asked to confirm first');
    r = await chen.post(`/assessments/${assessmentId}/submit`, { anyway: '1' });
    assert.equal(r.status, 303);
  });

  test('the dashboard shows each person with status and progress per pillar; CSV export', async () => {
    let r = await coordinator.get(`/assessments/${assessmentId}/participants`);
    assert.equal(r.status, 200);
    assert.match(r.text, /أمل/);
    assert.match(r.text, /Submitted/);
    assert.match(r.text, /Dana, Observer/);
    r = await coordinator.get(`/assessments/${assessmentId}/participants.csv`);
    assert.match(r.headers.get('content-type') ?? '', /text\/csv/);
    const lines = r.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], `name,email,role,organisation,group,status,answered,total,${'ABCDEFG'.split('').map((p) => `pillar_${p}_answered,pillar_${p}_items`).join(',')},last_active`);
    const amal = lines.find((l) => l.startsWith('أمل'));
    assert.match(amal ?? '', /respondent,Ministry of ICT,central_government,started,2,76,2,10,/);
    // Plain numbers only: no "2/10", which spreadsheets open as a date.
    assert.ok(!lines.slice(1).some((l) => /\d+\/\d+/.test(l)), 'no cell shaped like a date');
  });

  test('mail is written in the recipient\'s language, not the coordinator\'s', async () => {
    // Invitations: the language chosen on the form, or a CSV row's language column.
    let r = await coordinator.post(`/assessments/${assessmentId}/invitations`, { name: 'Élise Conseil', email: 'elise@example.org', organisation: 'Conseil national', group: 'civil_society', role: 'respondent', locale: 'fr' });
    assert.equal(r.status, 200);
    assert.match(bodyOf(smtp.messages.findLast((m) => m.to.includes('elise@example.org'))?.raw ?? ''), /^Bonjour Élise Conseil,/);
    r = await coordinator.post(`/assessments/${assessmentId}/invitations`, { name: 'Wrong Language', email: 'wl@example.org', organisation: 'Conseil national', group: 'civil_society', locale: 'xx' });
    assert.equal(r.status, 400);
    assert.match(r.text, /Choose a language/);
    const csv = 'name,e-mail,organisation,group,role,language\r\nИван Петров,ivan@example.org,National University,academia,respondent,ru\r\n';
    r = await postMultipart(coordinator, `/assessments/${assessmentId}/invitations/csv`, { file: { name: 'people.csv', type: 'text/csv', data: Buffer.from(csv) } });
    assert.equal(r.status, 200);
    assert.match(bodyOf(smtp.messages.findLast((m) => m.to.includes('ivan@example.org'))?.raw ?? ''), /^Здравствуйте, Иван Петров!/);
    // Reminders: each respondent who has not submitted, in the language of their own account.
    const before = smtp.messages.length;
    r = await coordinator.post(`/assessments/${assessmentId}/remind`, {});
    assert.equal(r.status, 303);
    const sent = smtp.messages.slice(before);
    assert.match(bodyOf(sent.find((m) => m.to.includes('bo@example.org'))?.raw ?? ''), /^Estimado\/a Bo:/);
    const amal = bodyOf(sent.find((m) => m.to.includes('amal@example.org'))?.raw ?? '');
    assert.match(amal, /^حضرة أمل،/);
    assert.match(amal, new RegExp(`http://metep\\.test/assessments/${assessmentId}/answer`));
    assert.ok(!sent.some((m) => m.to.includes('chen@example.org')), 'no reminder to someone who submitted');
  });

  test('another coordinator can neither read nor change this assessment', async () => {
    const other = new Browser(app);
    await other.post('/sign-in', { email: 'other@example.org', password: 'other has a long password' });
    assert.equal((await other.get(`/assessments/${assessmentId}`)).status, 404);
    assert.equal((await other.get(`/assessments/${assessmentId}/participants`)).status, 404);
    assert.equal((await other.post(`/assessments/${assessmentId}/state`, { to: 'consolidating' })).status, 404);
    assert.equal((await other.post(`/assessments/${assessmentId}/invitations`, { name: 'X', organisation: 'Y', group: 'media' })).status, 404);
    const bo = new Browser(app);
    await bo.post('/sign-in', { email: 'bo@example.org', password: 'bo has a long password too' });
    assert.equal((await bo.get(`/assessments/${assessmentId}/participants`)).status, 403, 'a respondent may not see the dashboard');
  });

  test('an old questionnaire page does not clear or revert an answer saved since from another tab; Enter saves', async () => {
    const amal = new Browser(app, 'http://metep.test', { 'accept-language': 'en' });
    await amal.post('/sign-in', { email: 'amal@example.org', password: 'amal has a long password' });
    const stored = () => get().db.kysely.selectFrom('answers').innerJoin('users', 'users.id', 'answers.user_id').select(['value_json', 'comment', 'updated_at']).where('assessment_id', '=', assessmentId).where('users.email', '=', 'amal@example.org').where('item_id', '=', 'B.01').executeTakeFirst();
    const baseOf = (html: string) => /name="b\.B\.01" value="([^"]*)"/.exec(html)?.[1];
    const old = await amal.get(`/assessments/${assessmentId}/answer/B`);
    const oldBase = baseOf(old.text);
    assert.equal(oldBase, (await stored())?.updated_at ?? '');
    // Enter in a field submits with the form's first submit button: it must be a Save, not an item's
    // "Remove" (evidence) or "Add link".
    const form = old.text.slice(old.text.indexOf(`action="/assessments/${assessmentId}/answer/B"`));
    assert.match(/<button type="submit"[^>]*>/.exec(form)?.[0] ?? '', /value="save"/);
    // Another tab saves B.01 through autosave.
    const r = await amal.request('POST', `/api/v1/assessments/${assessmentId}/answers`, JSON.stringify({ answers: [{ itemId: 'B.01', value: { kind: 'level', level: 3 }, comment: 'from the other tab' }] }), { 'content-type': 'application/json' });
    assert.equal(r.status, 200);
    const newer = await stored();
    assert.equal(newer?.comment, 'from the other tab');
    // The old page, B.01 still empty there, is saved: B.01 stays, and the page says so.
    let p = await postMultipart(amal, `/assessments/${assessmentId}/answer/B`, { 'c.B.01': '', 'b.B.01': oldBase ?? '', 'v.B.06': '7', 'c.B.06': '', 'b.B.06': '', action: 'save' });
    assert.equal(p.status, 409);
    assert.ok(['ar', 'en'].some((l) => p.text.includes(t(l as 'en', 'error.answer_changed_elsewhere'))), 'the item says why');
    assert.match(p.text, /B\.01/);
    assert.deepEqual(await stored(), newer, 'the newer answer is kept as it was');
    const b06 = await get().db.kysely.selectFrom('answers').innerJoin('users', 'users.id', 'answers.user_id').select('value_json').where('assessment_id', '=', assessmentId).where('users.email', '=', 'amal@example.org').where('item_id', '=', 'B.06').executeTakeFirst();
    assert.deepEqual(JSON.parse(b06?.value_json ?? 'null'), { kind: 'number', number: 7 }, 'the rest of the page is saved');
    // The old page saying the same as what is stored: nothing to report.
    p = await postMultipart(amal, `/assessments/${assessmentId}/answer/B`, { 'v.B.01': '3', 'c.B.01': 'from the other tab', 'b.B.01': oldBase ?? '', action: 'save' });
    assert.equal(p.status, 303);
    // From a page opened after that save, clearing B.01 clears it.
    const fresh = baseOf((await amal.get(`/assessments/${assessmentId}/answer/B`)).text);
    assert.equal(fresh, newer?.updated_at);
    p = await postMultipart(amal, `/assessments/${assessmentId}/answer/B`, { 'c.B.01': '', 'b.B.01': fresh ?? '', action: 'save' });
    assert.equal(p.status, 303);
    assert.equal(await stored(), undefined);
    // The answers are saved and then the button's own action fails (a bad evidence address): the page that
    // comes back carries the saved answer's time, so its next save is not taken for a stale page.
    p = await postMultipart(amal, `/assessments/${assessmentId}/answer/B`, { 'v.B.01': '2', 'c.B.01': '', 'b.B.01': '', 'lu.B.01': 'javascript:alert(1)', action: 'link:B.01' });
    assert.equal(p.status, 400);
    assert.equal(baseOf(p.text), (await stored())?.updated_at);
    p = await postMultipart(amal, `/assessments/${assessmentId}/answer/B`, { 'v.B.01': '4', 'c.B.01': '', 'b.B.01': baseOf(p.text) ?? '', action: 'save' });
    assert.equal(p.status, 303);
    assert.equal(JSON.parse((await stored())?.value_json ?? 'null').level, 4);
  });

  test('numbers typed with Arabic-Indic digits are read; one that is no number comes back as typed', async () => {
    const amal = new Browser(app, 'http://metep.test', { 'accept-language': 'ar' });
    await amal.post('/sign-in', { email: 'amal@example.org', password: 'amal has a long password' });
    const b06 = async () => JSON.parse((await get().db.kysely.selectFrom('answers').innerJoin('users', 'users.id', 'answers.user_id').select('value_json').where('assessment_id', '=', assessmentId).where('users.email', '=', 'amal@example.org').where('item_id', '=', 'B.06').executeTakeFirstOrThrow()).value_json);
    let p = await postMultipart(amal, `/assessments/${assessmentId}/answer/B`, { 'v.B.06': '٥٥', action: 'save' });
    assert.equal(p.status, 303);
    assert.deepEqual(await b06(), { kind: 'number', number: 55 });
    p = await postMultipart(amal, `/assessments/${assessmentId}/answer/B`, { 'v.B.06': '١٢٫٥', action: 'save' });
    assert.deepEqual(await b06(), { kind: 'number', number: 12.5 });
    p = await postMultipart(amal, `/assessments/${assessmentId}/answer/B`, { 'v.B.06': '٥ تقريباً', 'c.B.06': 'تعليق', action: 'save' });
    assert.equal(p.status, 400);
    assert.match(p.text, /value="٥ تقريباً"/, 'what was typed is back in its field');
    assert.ok(p.text.includes(t('ar', 'error.number_invalid')));
    assert.deepEqual(await b06(), { kind: 'number', number: 12.5 }, 'nothing saved from the refused page');
    // The target index of a new assessment, typed in Arabic digits.
    const created = await coordinator.post('/assessments', { country: 'JOR', cycleYear: '٢٠٢٦', targetIndex: '٠٫٦' });
    assert.equal(created.status, 303, created.text.slice(0, 200));
    const row = await get().db.kysely.selectFrom('assessments').select(['cycle_year', 'target_index']).where('country', '=', 'JOR').executeTakeFirstOrThrow();
    assert.deepEqual([Number(row.cycle_year), Number(row.target_index)], [2026, 0.6]);
  });

  test('closing collection refuses further answers with a clear message; going back needs a reason', async () => {
    let r = await coordinator.post(`/assessments/${assessmentId}/state`, { to: 'consolidating' });
    assert.equal(r.status, 303);
    const chen = new Browser(app, 'http://metep.test', { 'accept-language': 'en' });
    await chen.post('/sign-in', { email: 'chen@example.org', password: 'chen has a long password' });
    r = await chen.request('POST', `/api/v1/assessments/${assessmentId}/answers`, JSON.stringify({ answers: [{ itemId: 'E.01', value: { kind: 'level', level: 4 } }] }), { 'content-type': 'application/json' });
    assert.equal(r.status, 409);
    assert.match(JSON.parse(r.text).error.message, /收集已结束/, 'in the language Chen chose when joining');
    r = await coordinator.post(`/assessments/${assessmentId}/state`, { to: 'collecting' });
    assert.equal(r.status, 400);
    assert.match(r.text, /Give a reason/);
    const audit = await get().db.kysely.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'assessment.state').execute();
    assert.equal(audit.length, 2);
  });
});
