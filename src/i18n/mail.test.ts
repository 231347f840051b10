// Mail templates: written in the recipient's language, and never greeting nobody.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCALES } from './index.ts';
import { invitationMail, reminderMail, resetMail } from './mail.ts';

const facts = { country: 'KEN', year: 2026, deadline: '2026-12-31', url: 'https://metep.example.org/assessments/x/answer' };

test('a reminder to one person greets them by name; the text to copy for many has no empty greeting', () => {
  for (const locale of LOCALES) {
    const named = reminderMail({ ...facts, locale, name: 'Amal' }).text;
    const copy = reminderMail({ ...facts, locale, name: '' }).text;
    assert.ok(named.split('\n')[0]?.includes('Amal'), `${locale}: the first line names the person`);
    assert.equal(named.split('\n\n').slice(1).join('\n\n'), copy, `${locale}: the copy is the same text without the salutation`);
    assert.ok(copy.includes(facts.url), `${locale}: the link is kept`);
  }
});

test('an invitation is written in the language given, with the role in that language', () => {
  const fr = invitationMail({ locale: 'fr', name: 'Élise', country: 'KEN', year: 2026, role: 'respondent', url: 'https://x/join/t', expiresAt: '2026-12-14T00:00:00Z' });
  assert.match(fr.text, /^Bonjour Élise,/);
  assert.match(fr.text, /2026-12-14/);
  assert.match(fr.subject, /Kenya/);
});

test('no message greets nobody: without a name every template leaves the salutation out, in six languages', () => {
  const base = { country: 'KEN', year: 2026, url: 'https://metep.example.org/x', expiresAt: '2026-12-14T00:00:00Z' };
  for (const locale of LOCALES) {
    const texts = {
      invitation: (name: string) => invitationMail({ ...base, locale, name, role: 'respondent' }).text,
      reminder: (name: string) => reminderMail({ ...base, locale, name, deadline: '2026-12-31' }).text,
      reset: (name: string) => resetMail({ ...base, locale, name, welcome: false }).text,
      welcome: (name: string) => resetMail({ ...base, locale, name, welcome: true }).text,
    };
    for (const [kind, text] of Object.entries(texts)) {
      const named = text('Amal');
      assert.ok(named.split('\n')[0]?.includes('Amal'), `${locale} ${kind}: the first line names the person`);
      for (const nobody of ['', '  ']) {
        const anon = text(nobody);
        assert.equal(anon, named.split('\n\n').slice(1).join('\n\n'), `${locale} ${kind}: the same text without the salutation`);
        assert.ok(anon.includes(base.url), `${locale} ${kind}: the link is kept`);
        assert.doesNotMatch(anon.split('\n')[0] ?? '', /\s[,،，]|^[,،，]/, `${locale} ${kind}: no empty greeting`);
      }
    }
  }
});
