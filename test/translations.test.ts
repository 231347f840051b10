// Translation review on real databases: rights per language decide who may review, a reviewed pillar changes
// the questionnaire notice for that pillar only, every review is in the audit log, and an instrument language
// can be signed off as approved only when all its texts are.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { OPERATOR, type Actor } from '../src/domain/kernel/context.ts';
import { getInstrument } from '../src/domain/instruments/get-instrument.ts';
import { importTranslations } from '../src/domain/instruments/import-translations.ts';
import { getTranslationSummary } from '../src/domain/translations/get-translation-summary.ts';
import { grantTranslatorRight } from '../src/domain/translations/grant-translator-right.ts';
import { publishTranslation } from '../src/domain/translations/publish-translation.ts';
import { reviewTranslations } from '../src/domain/translations/review-translations.ts';
import { instrumentScope, instrumentStrings } from '../src/domain/translations/translation-model.ts';
import { findUserByEmail } from '../src/db/repositories/users.ts';
import { exportTranslationsXlsx } from '../src/domain/translations/export-translations-xlsx.ts';
import ExcelJS from 'exceljs';
import { uiOverrides } from '../src/domain/translations/ui-overrides.ts';
import type { TInstrument } from '../src/instrument/schema.ts';
import { eachDialect } from './env.ts';
import { demoApp } from './support/demo.ts';
import type { Browser } from './http.ts';

eachDialect('translation review', (get) => {
  let id = '';
  let as: (email: string) => Promise<Browser>;
  let inst: TInstrument;
  let scope = '';
  let reviewer: Actor;
  before(async () => {
    ({ id, as } = await demoApp(get().ctx));
    ({ instrument: inst } = await getInstrument(get().ctx, 'metep', '2026.2'));
    scope = instrumentScope(inst);
    const u = (await findUserByEmail(get().ctx.db.kysely, 'observer@demo.metep.example'))!;
    reviewer = { id: u.id, isAdmin: false, isCoordinator: false, email: u.email, name: u.name, locale: null };
  });

  test('shipped Arabic texts are drafts; the questionnaire says so for the pillar, with how many were reviewed', async () => {
    const s = await getTranslationSummary(get().ctx, inst, 'ar');
    assert.equal(s.status, 'draft');
    assert.equal(s.pillars.get('A')?.status, 'draft');
    assert.equal((await getTranslationSummary(get().ctx, inst, 'en')).status, 'approved');
    const b = await as('respondent1@demo.metep.example');
    const r = await b.get(`/assessments/${id}/answer/A?lang=ar`, { 'accept-language': 'ar' });
    const page = r.status === 303 ? await b.get(r.location!) : r;
    assert.match(page.text, /نص هذه الركيزة بهذه اللغة ترجمة أولية: رُوجع 0 من أصل \d+/);
  });

  test('only a reviewer of the language (or an administrator) may review it', async () => {
    await assert.rejects(reviewTranslations(get().ctx, reviewer, { scope, lang: 'ar', status: 'approved', pillar: 'A' }), /forbidden/);
    await grantTranslatorRight(get().ctx, OPERATOR, { email: reviewer.email, lang: 'fr', role: 'reviewer' });
    await assert.rejects(reviewTranslations(get().ctx, reviewer, { scope, lang: 'ar', status: 'approved', pillar: 'A' }), /forbidden/, 'a French reviewer may not review Arabic');
    await grantTranslatorRight(get().ctx, OPERATOR, { email: reviewer.email, lang: 'ar', role: 'translator' });
    await assert.rejects(reviewTranslations(get().ctx, reviewer, { scope, lang: 'ar', status: 'approved', pillar: 'A' }), /forbidden/, 'a translator may not approve');
    await grantTranslatorRight(get().ctx, OPERATOR, { email: reviewer.email, lang: 'ar', role: 'reviewer' });
    await assert.rejects(grantTranslatorRight(get().ctx, reviewer, { email: reviewer.email, lang: 'ru', role: 'reviewer' }), /forbidden/, 'only administrators grant rights');
  });

  test('approving an Arabic pillar changes that pillar\'s notice only, and is in the audit log with who', async () => {
    const r = await reviewTranslations(get().ctx, reviewer, { scope, lang: 'ar', status: 'approved', pillar: 'A' });
    assert.ok(r.changed > 10);
    const s = await getTranslationSummary(get().ctx, inst, 'ar');
    assert.equal(s.pillars.get('A')?.status, 'approved');
    assert.equal(s.pillars.get('B')?.status, 'draft');
    assert.equal(s.status, 'draft');
    const b = await as('respondent1@demo.metep.example');
    await b.get(`/assessments/${id}/answer/A?lang=ar`);
    const a = await b.get(`/assessments/${id}/answer/A`);
    assert.doesNotMatch(a.text, /ترجمة أولية|لم تُعتمد بعد/);
    const bb = await b.get(`/assessments/${id}/answer/B`);
    assert.match(bb.text, /ترجمة أولية/);
    const row = await get().ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'translation.review').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(row.actor_id, reviewer.id);
    assert.equal(row.entity_id, `${scope}/ar/A`);
    assert.equal(JSON.parse(row.after_json!).status, 'approved');
  });

  test('a reviewed (not approved) pillar says so; approving needs every text of the language before sign-off', async () => {
    await reviewTranslations(get().ctx, reviewer, { scope, lang: 'ar', status: 'reviewed', pillar: 'B' });
    const b = await as('respondent1@demo.metep.example');
    await b.get(`/assessments/${id}/answer/B?lang=ar`);
    assert.match((await b.get(`/assessments/${id}/answer/B`)).text, /ترجمة مُراجَعة لم تُعتمد بعد: اعتُمد 0 من أصل/);
    await assert.rejects(publishTranslation(get().ctx, OPERATOR, scope, 'ar'), (e: Error & { params?: { count: number } }) => /conflict/.test(e.message) && (e.params?.count ?? 0) > 0);
    const keys = instrumentStrings(inst, 'ar').map((s) => s.key);
    await reviewTranslations(get().ctx, reviewer, { scope, lang: 'ar', status: 'approved', keys });
    await assert.rejects(publishTranslation(get().ctx, reviewer, scope, 'ar'), /forbidden/, 'signing off stays with administrators');
    await publishTranslation(get().ctx, OPERATOR, scope, 'ar');
    const s = await getTranslationSummary(get().ctx, inst, 'ar');
    assert.equal(s.status, 'approved');
    assert.equal(s.release?.by, OPERATOR.id);
  });

  test('unknown keys, English and missing statuses are refused with a message', async () => {
    await assert.rejects(reviewTranslations(get().ctx, reviewer, { scope, lang: 'ar', status: 'approved', keys: ['Z.99.question'] }), /error.translation_nothing_selected/);
    await assert.rejects(reviewTranslations(get().ctx, OPERATOR, { scope, lang: 'en', status: 'approved', pillar: 'A' }), /error.translation_lang/);
    await assert.rejects(reviewTranslations(get().ctx, OPERATOR, { scope, lang: 'ar', status: 'final', pillar: 'A' }), /error.translation_status/);
  });

  test('the workbench: an administrator grants rights, a reviewer filters, approves a pillar; a bad selection is refused', async () => {
    const admin = await as('coordinator@demo.metep.example');
    assert.equal((await admin.get('/admin/translators')).status, 403, 'a coordinator is no administrator');
    await get().ctx.db.kysely.updateTable('users').set({ is_admin: 1 }).where('email', '=', 'coordinator@demo.metep.example').execute();
    let r = await admin.post('/admin/translators', { email: 'nobody@example.org', lang: 'ru', role: 'reviewer' });
    assert.equal(r.status, 400);
    assert.match(r.text, /No user has this e-mail address/);
    r = await admin.post('/admin/translators', { email: 'facilitator@demo.metep.example', lang: 'ru', role: 'reviewer' });
    assert.equal(r.status, 303);
    assert.match((await admin.get('/admin/translators')).text, /Tomas Facilitator/);
    const rev = await as('facilitator@demo.metep.example');
    assert.equal((await rev.get('/translations/ar')).status, 403, 'rights are per language');
    const list = await rev.get(`/translations/ru?scope=${encodeURIComponent(scope)}&pillar=C&status=draft`);
    assert.equal(list.status, 200);
    assert.match(list.text, /lang="ru" dir="ltr"/);
    assert.match(list.text, /C\.01\.question/);
    assert.doesNotMatch(list.text, /A\.01\.question/, 'filtered by pillar');
    r = await rev.post('/translations/ru/review', { scope, pillar: 'C', status: 'approved', back: `/translations/ru?scope=${encodeURIComponent(scope)}&pillar=C` });
    assert.equal(r.status, 303);
    assert.match(r.location ?? '', /^\/translations\/ru\?/);
    assert.match((await rev.get(`/translations/ru?scope=${encodeURIComponent(scope)}&pillar=C&status=draft`)).text, /0 texts match|Найдено 0/);
    r = await rev.post('/translations/ru/review', { scope, status: 'approved', keys: 'Z.99.question' });
    assert.equal(r.status, 400);
    const s = await getTranslationSummary(get().ctx, inst, 'ru');
    assert.equal(s.pillars.get('C')?.status, 'approved');
    const ui = await rev.get('/translations/ru?scope=ui&show=missing');
    assert.equal(ui.status, 200);
  });

  test('XLIFF 2.0 download carries the review states; importing it back makes a draft version with nothing changed', async () => {
    const rev = await as('facilitator@demo.metep.example');
    const r = await rev.get(`/translations/ru/xliff?scope=${encodeURIComponent(scope)}`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /application\/xliff\+xml/);
    assert.match(r.text, /<unit id="C\.01\.question">\s*<segment state="final">/);
    assert.match(r.text, /<unit id="A\.01\.question">\s*<segment state="translated">/);
    const imported = await importTranslations(get().ctx, OPERATOR, Buffer.from(r.text, 'utf8'));
    assert.equal(imported.changed, 0);
    assert.equal(imported.version, '2026.3');
  });
});

// Editing in the workbench: who may edit which language, the revision history, a stale save refused with
// 409 showing both texts, ICU checks with a message in the user's language, reviewers' suggestions.
eachDialect('translation editing', (get) => {
  let as: (email: string) => Promise<Browser>;
  let scope = '';
  const q = (lang: string, key: string) => `/translations/${lang}/string?${new URLSearchParams({ scope, key })}`;
  before(async () => {
    ({ as } = await demoApp(get().ctx));
    const { instrument } = await getInstrument(get().ctx, 'metep', '2026.2');
    scope = instrumentScope(instrument);
    await grantTranslatorRight(get().ctx, OPERATOR, { email: 'observer@demo.metep.example', lang: 'ar', role: 'translator' });
    await grantTranslatorRight(get().ctx, OPERATOR, { email: 'facilitator@demo.metep.example', lang: 'ar', role: 'reviewer' });
    await grantTranslatorRight(get().ctx, OPERATOR, { email: 'coordinator@demo.metep.example', lang: 'fr', role: 'translator' });
  });

  test('a translator edits an Arabic text: a revision with who and old → new, back to draft, audited', async () => {
    const tr = await as('observer@demo.metep.example');
    const page = await tr.get(q('ar', 'A.01.question'));
    assert.equal(page.status, 200);
    assert.match(page.text, /<textarea id="tr-text" name="text" rows="4" lang="ar" dir="rtl"/);
    const old = /<textarea id="tr-text"[^>]*>([^<]*)<\/textarea>/.exec(page.text)![1]!;
    const r = await tr.post('/translations/ar/edit', { scope, key: 'A.01.question', text: 'نص جديد للسؤال الأول', baseRevision: '0' });
    assert.equal(r.status, 303);
    const after = await tr.get(r.location!);
    assert.match(after.text, /نص جديد للسؤال الأول/);
    assert.match(after.text, /Revision 1: edited by Olga Observer|Revision 1: edited by/);
    const rev = await get().ctx.db.kysely.selectFrom('translation_revisions').selectAll().where('string_key', '=', 'A.01.question').executeTakeFirstOrThrow();
    assert.equal(rev.new_text, 'نص جديد للسؤال الأول');
    assert.ok(rev.old_text && rev.old_text.length > 0 && old.length > 0, 'the shipped text is the old text');
    const st = await get().ctx.db.kysely.selectFrom('translation_status').selectAll().where('scope', '=', scope).where('lang', '=', 'ar').where('string_key', '=', 'A.01.question').executeTakeFirstOrThrow();
    assert.equal(st.status, 'draft');
    const audit = await get().ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'translation.edit').executeTakeFirstOrThrow();
    assert.equal(audit.entity_id, `${scope}/ar/A.01.question`);
  });

  test('a save against a stale base gets 409 with both texts, in the user\'s language; nothing is lost', async () => {
    const tr = await as('observer@demo.metep.example');
    const rv = await as('facilitator@demo.metep.example');
    assert.equal((await rv.post('/translations/ar/edit', { scope, key: 'A.01.question', text: 'نص المراجع', baseRevision: '1' })).status, 303);
    const r = await tr.post('/translations/ar/edit', { scope, key: 'A.01.question', text: 'نص المترجم المتأخر', baseRevision: '1' }, { 'accept-language': 'ar' });
    assert.equal(r.status, 409);
    assert.match(r.text, /لم يُحفظ نصك/);
    assert.match(r.text, /نص المراجع/, 'the text that won');
    assert.match(r.text, /<textarea id="tr-text"[^>]*>نص المترجم المتأخر<\/textarea>/, 'the refused text stays in the form');
    assert.match(r.text, /name="baseRevision" value="2"/, 'saving again is a deliberate overwrite');
    const stored = await get().ctx.db.kysely.selectFrom('translation_texts').selectAll().where('string_key', '=', 'A.01.question').executeTakeFirstOrThrow();
    assert.equal(stored.text, 'نص المراجع');
    assert.equal((await tr.post('/translations/ar/edit', { scope, key: 'A.01.question', text: 'نص المترجم المتأخر', baseRevision: '2' })).status, 303);
    const hist = await tr.get(q('ar', 'A.01.question'));
    for (const t of ['نص جديد للسؤال الأول', 'نص المراجع', 'نص المترجم المتأخر']) assert.match(hist.text, new RegExp(t));
  });

  test('ICU problems are refused with a message naming them; the typed text is kept and nothing saved', async () => {
    const tr = await as('observer@demo.metep.example');
    // A UI string with a plural: Arabic needs six categories.
    let r = await tr.post('/translations/ar/edit', { scope: 'ui', key: 'tr.matching', text: '{count, plural, one {نص واحد} other {# نصوص}}', baseRevision: '0' }, { 'accept-language': 'en' });
    assert.equal(r.status, 400);
    assert.match(r.text, /the plural of count lacks the forms zero, two, few, many/);
    assert.match(r.text, /\{count, plural, one \{نص واحد\} other \{# نصوص\}\}<\/textarea>/);
    r = await tr.post('/translations/ar/edit', { scope: 'ui', key: 'tr.page', text: 'الصفحة {page}', baseRevision: '0' }, { 'accept-language': 'fr' });
    assert.equal(r.status, 400);
    assert.match(r.text, /il manque à la traduction les marqueurs du texte anglais \{pages\}/);
    r = await tr.post('/translations/ar/edit', { scope: 'ui', key: 'tr.page', text: 'الصفحة {page من {pages}', baseRevision: '0' });
    assert.equal(r.status, 400);
    assert.match(r.text, /not a valid ICU message/);
    r = await tr.post('/translations/ar/edit', { scope: 'ui', key: 'tr.page', text: 'الصفحة {page} من {pages} {extra}', baseRevision: '0' });
    assert.match(r.text, /placeholders the English text does not have: \{extra\}/);
    assert.equal((await get().ctx.db.kysely.selectFrom('translation_texts').selectAll().where('scope', '=', 'ui').execute()).length, 0);
  });

  test('an edited UI string overrides the bundled catalog at run time', async () => {
    const tr = await as('observer@demo.metep.example');
    const text = '{count, plural, zero {لا شيء يطابق} one {نص واحد يطابق} two {نصان يطابقان} few {# نصوص تطابق} many {# نصاً يطابق} other {# نص يطابق}}';
    assert.equal((await tr.post('/translations/ar/edit', { scope: 'ui', key: 'tr.matching', text, baseRevision: '0' })).status, 303);
    const wb = await tr.get(`/translations/ar?scope=${encodeURIComponent(scope)}`, { 'accept-language': 'ar' });
    assert.match(wb.text, /\d+ نص(اً)? يطابق|نصوص تطابق/);
  });

  test('rights: a French translator cannot edit or read Arabic; a translator cannot suggest; nobody decides their own suggestion', async () => {
    const fr = await as('coordinator@demo.metep.example');
    assert.equal((await fr.post('/translations/ar/edit', { scope, key: 'A.01.question', text: 'x', baseRevision: '3' })).status, 403);
    assert.equal((await fr.get(q('ar', 'A.01.question'))).status, 403);
    assert.equal((await fr.get(q('fr', 'A.01.question'))).status, 200);
    const tr = await as('observer@demo.metep.example');
    assert.equal((await tr.post('/translations/ar/suggest', { scope, key: 'A.01.question', text: 'اقتراح' })).status, 403);
  });

  test('a reviewer suggests; the translator accepts one (a new revision) and rejects another (kept in the history); audited', async () => {
    const rv = await as('facilitator@demo.metep.example');
    const tr = await as('observer@demo.metep.example');
    assert.equal((await rv.post('/translations/ar/suggest', { scope, key: 'A.02.question', text: 'اقتراح أول', note: 'UN term' })).status, 303);
    assert.equal((await rv.post('/translations/ar/suggest', { scope, key: 'A.02.question', text: 'اقتراح ثان' })).status, 303);
    const sugs = await get().ctx.db.kysely.selectFrom('translation_suggestions').selectAll().where('string_key', '=', 'A.02.question').orderBy('text').execute();
    const first = sugs.find((s) => s.text === 'اقتراح أول')!;
    const second = sugs.find((s) => s.text === 'اقتراح ثان')!;
    assert.equal((await rv.post(`/translations/ar/suggestions/${first.id}`, { scope, key: 'A.02.question', decision: 'accept', baseRevision: '0' })).status, 403, 'not one\'s own');
    let r = await tr.post(`/translations/ar/suggestions/${first.id}`, { scope, key: 'A.02.question', decision: 'accept', baseRevision: '0' });
    assert.equal(r.status, 303);
    r = await tr.post(`/translations/ar/suggestions/${second.id}`, { scope, key: 'A.02.question', decision: 'reject', baseRevision: '1' });
    assert.equal(r.status, 303);
    r = await tr.post(`/translations/ar/suggestions/${second.id}`, { scope, key: 'A.02.question', decision: 'accept', baseRevision: '1' });
    assert.equal(r.status, 409, 'a decided suggestion stays decided');
    const page = await tr.get(q('ar', 'A.02.question'));
    assert.match(page.text, /Revision 1: suggestion accepted by/);
    assert.match(page.text, /اقتراح ثان/);
    assert.match(page.text, /Rejected/);
    const text = await get().ctx.db.kysely.selectFrom('translation_texts').selectAll().where('string_key', '=', 'A.02.question').executeTakeFirstOrThrow();
    assert.equal(text.text, 'اقتراح أول');
    const actions = (await get().ctx.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', `${scope}/ar/A.02.question`).execute()).map((a) => a.action).sort();
    assert.deepEqual(actions, ['translation.suggest', 'translation.suggest', 'translation.suggestion_accept', 'translation.suggestion_reject']);
  });

  test('the XLSX round trip carries workbench edits and statuses; importing lowers a status, never raises one', async () => {
    const ctx = get().ctx;
    const { instrument } = await getInstrument(ctx, 'metep', '2026.2');
    await reviewTranslations(ctx, OPERATOR, { scope, lang: 'ar', status: 'approved', keys: ['A.03.question', 'A.04.question', 'A.02.question'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportTranslationsXlsx(ctx, OPERATOR, instrument)) as unknown as ArrayBuffer);
    const ar = wb.getWorksheet('ar')!;
    assert.equal(ar.getRow(1).getCell(4).value, 'status');
    const rows = new Map<string, ExcelJS.Row>();
    ar.eachRow((r) => rows.set(String(r.getCell(1).value), r));
    assert.equal(rows.get('A.02.question')!.getCell(3).value, 'اقتراح أول', 'the accepted suggestion is the text');
    assert.equal(rows.get('A.02.question')!.getCell(4).value, 'approved');
    assert.equal(rows.get('A.01.question')!.getCell(4).value, 'draft');
    rows.get('A.03.question')!.getCell(3).value = 'نص معدل في الجدول';
    rows.get('A.04.question')!.getCell(4).value = 'draft';
    rows.get('A.01.question')!.getCell(4).value = 'approved';
    const r = await importTranslations(ctx, OPERATOR, Buffer.from(await wb.xlsx.writeBuffer()));
    const next = (await getInstrument(ctx, 'metep', r.version)).instrument;
    const statuses = new Map((await ctx.db.kysely.selectFrom('translation_status').selectAll().where('scope', '=', instrumentScope(next)).where('lang', '=', 'ar').execute()).map((x) => [x.string_key, x.status]));
    assert.equal(statuses.get('A.02.question'), 'approved', 'unchanged and approved stays approved');
    assert.equal(statuses.get('A.03.question'), 'draft', 'a text changed in the file is a draft');
    assert.equal(statuses.get('A.04.question'), 'draft', 'the file may lower a status');
    assert.equal(statuses.get('A.01.question'), 'draft', 'the file may not raise one');
    assert.equal(instrumentStrings(next, 'ar').find((x) => x.key === 'A.02.question')?.text, 'اقتراح أول', 'the edit is in the new version');
  });

  test('a stored UI edit that no longer fits the English is left out of the run-time overrides', async () => {
    const ctx = get().ctx;
    const row = { scope: 'ui', lang: 'fr', revision: 1, edited_by: 'x', edited_at: '2026-01-01T00:00:00Z' };
    await ctx.db.kysely.insertInto('translation_texts').values([
      { ...row, string_key: 'tr.page', text: 'Page {page} sur {pages} ({gone})' },
      { ...row, string_key: 'tr.filter', text: 'Filtrer la liste' },
      { ...row, string_key: 'no.such.key', text: 'x' },
    ]).execute();
    const fr = (await uiOverrides(ctx)).get('fr') ?? {};
    assert.equal(fr['tr.filter'], 'Filtrer la liste');
    assert.equal(fr['tr.page'], undefined, 'an argument the English no longer passes would fail the page');
    assert.equal(fr['no.such.key'], undefined);
  });
});
