import assert from 'node:assert/strict';
import { test } from 'node:test';
import { icuProblems } from './icu-check.ts';

const keys = (s: string, t: string, l: string) => icuProblems(s, t, l).map((p) => p.key);

test('a translation with the same arguments and the plural categories of its language passes', () => {
  assert.deepEqual(keys('Hello {name}', 'Bonjour {name}', 'fr'), []);
  assert.deepEqual(keys('{count, plural, one {# item} other {# items}}', '{count, plural, one {# élément} many {# éléments} other {# éléments}}', 'fr'), []);
  assert.deepEqual(keys('{count, plural, one {# item} other {# items}}', '{count, plural, other {# 项}}', 'zh'), []);
  assert.deepEqual(keys('{count, plural, one {# item} other {# items}}', '{count, plural, one {# штука} few {# штуки} many {# штук} other {# штуки}}', 'ru'), []);
});

test('syntax errors, missing and unknown arguments are named', () => {
  assert.deepEqual(keys('Hello {name}', 'Bonjour {name', 'fr'), ['error.icu_syntax']);
  const p = icuProblems('Hello {name}, {count} new', 'Bonjour {nom}', 'fr');
  assert.deepEqual(p.map((x) => x.key), ['error.icu_missing', 'error.icu_unknown']);
  assert.equal(p[0]!.params.names, '{name}, {count}');
  assert.equal(p[1]!.params.names, '{nom}');
});

test('the plural categories the target language needs are required (Arabic six, Russian four)', () => {
  const src = '{count, plural, one {# item} other {# items}}';
  const ar = icuProblems(src, '{count, plural, one {عنصر واحد} other {# عناصر}}', 'ar');
  assert.equal(ar[0]?.key, 'error.icu_plural');
  assert.equal(ar[0]?.params.missing, 'zero, two, few, many');
  assert.equal(ar[0]?.params.needed, 'zero, one, two, few, many, other');
  assert.deepEqual(keys(src, '{count, plural, zero {لا عناصر} one {عنصر} two {عنصران} few {# عناصر} many {# عنصرًا} other {# عنصر}}', 'ar'), []);
  assert.deepEqual(keys(src, '{count, plural, one {# штука} other {# штуки}}', 'ru'), ['error.icu_plural']);
});

test('a source that is not ICU is compared as plain text', () => {
  assert.deepEqual(keys('Use {curly braces', 'Utiliser', 'fr'), []);
});

test('French and Spanish plurals need no compact-only many form', () => {
  assert.deepEqual(keys('{count, plural, one {# item} other {# items}}', '{count, plural, one {# élément} other {# éléments}}', 'fr'), []);
  assert.deepEqual(keys('{count, plural, one {# item} other {# items}}', '{count, plural, one {# elemento} other {# elementos}}', 'es'), []);
  assert.equal(keys('{count, plural, one {# item} other {# items}}', '{count, plural, other {# éléments}}', 'fr').length, 1);
});
