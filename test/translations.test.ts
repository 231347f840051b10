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
