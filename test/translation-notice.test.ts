// The draft-translation notice says "draft translation" once (issue 10, item 11): it states the status from
// the catalogue, and the translators' note beside it adds what the status does not say (who should review,
// which terms) instead of repeating it. Checked in the bundled instruments' notes (five languages, both
// versions) and on the pages that show the notice, in Arabic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { t } from '../src/i18n/index.ts';
import { bundledInstruments } from '../src/instrument/loader.ts';
import type { TLang } from '../src/instrument/schema.ts';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';
import { demoApp } from './support/demo.ts';

/** The ways each language says "draft translation": the catalogue's status and the notice's own words. */
const STATUS_WORDS: Record<string, RegExp> = {
  ar: /ترجمة أولية/,
  es: /traducci[oó]n (preliminar|provisional)/i,
  fr: /traduction provisoire/i,
  ru: /(проект|предварительный) перевод/i,
  zh: /草译稿|初稿|初步译文/,
};

test('no translators\' note restates the draft status that the notice already states', () => {
  for (const inst of bundledInstruments()) {
    for (const [lang, words] of Object.entries(STATUS_WORDS)) {
      const tr = inst.languages[lang as TLang];
      assert.ok(tr && tr.status === 'draft', `${inst.version} ${lang} is a draft`);
      assert.ok(words.test(`${t(lang as 'ar', 'inst.translation.draft')} ${t(lang as 'ar', 'inst.pillar_translation.draft', { done: 0, total: 1, note: '' })}`), `${lang}: the notice says it`);
      assert.doesNotMatch(tr.note ?? '', words, `${inst.version} ${lang}: the note says it again`);
      assert.ok((tr.note ?? '').length > 10, `${inst.version} ${lang}: the note still says who should review`);
    }
  }
});

eachDialect('the draft-translation notice', (get) => {
  test('appears once on the Arabic questionnaire and instrument pages, saying "draft" once', async () => {
    const demo = await demoApp(get().ctx);
    const respondent = await demo.as('respondent5@demo.metep.example');
    respondent.cookies.set('metep_lang', 'ar');
    const pages = [`/assessments/${demo.id}/answer/A`, `/assessments/${demo.id}/answer/G`, '/instruments/metep/2026.1', '/instruments/metep/2026.2/A'];
    for (const path of pages) {
      const r = await respondent.get(path);
      assert.equal(r.status, 200, path);
      const notices = [...r.text.matchAll(/<p class="notice">([\s\S]*?)<\/p>/g)].map((m) => m[1]!).filter((n) => /ترجمة|مراجعة/.test(n));
      assert.equal(notices.length, 1, `${path}: one notice`);
      assert.equal(r.text.match(/ترجمة أولية/g)?.length, 1, `${path}: "draft translation" once on the page`);
    }
    // English is the source: no notice at all.
    const en = await new Browser(demo.app).get('/instruments/metep/2026.2/A', { 'accept-language': 'en' });
    assert.doesNotMatch(en.text, /Text in this language|draft translation/);
  });
});
