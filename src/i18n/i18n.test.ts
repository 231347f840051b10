import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalog, DIRECTION, formatNumber, LOCALES, negotiate, t } from './index.ts';

function argNames(els: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of els) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) argNames(o.value, out);
    if (el.type === TYPE.tag) argNames(el.children, out);
  }
  return out;
}

const en = catalog('en');

test('every language has exactly the keys of English', () => {
  for (const l of LOCALES) {
    const keys = Object.keys(catalog(l));
    const missing = Object.keys(en).filter((k) => !keys.includes(k));
    const extra = keys.filter((k) => !(k in en));
    assert.deepEqual(missing, [], `${l} is missing keys`);
    assert.deepEqual(extra, [], `${l} has keys English does not`);
  }
});

test('every message parses and uses the same placeholders in every language', () => {
  for (const [key, msg] of Object.entries(en)) {
    const want = [...argNames(parse(msg))].sort();
    for (const l of LOCALES) {
      const m = catalog(l)[key] as string;
      assert.ok(m.trim().length > 0, `${l}:${key} is empty`);
      const got = [...argNames(parse(m))].sort();
      assert.deepEqual(got, want, `${l}:${key} placeholders differ from English`);
    }
  }
});

test('non-English messages are translated, not copies of English', () => {
  for (const l of LOCALES.filter((x) => x !== 'en')) {
    const copies = Object.entries(catalog(l)).filter(([k, v]) => v === en[k] && /\p{L}{4,}\s+\p{L}{3,}/u.test(v)).map(([k]) => k);
    assert.deepEqual(copies, [], `${l} has untranslated messages`);
  }
});

test('plurals follow each language (Arabic dual, Russian few/many)', () => {
  assert.equal(t('en', 'users.caption', { count: 1 }), '1 account');
  assert.equal(t('ar', 'users.caption', { count: 2 }), 'حسابان');
  assert.equal(t('ru', 'users.caption', { count: 3 }), '3 учётные записи');
  assert.equal(t('ru', 'users.caption', { count: 5 }), '5 учётных записей');
});

test('only Arabic is right-to-left; Arabic numbers use Latin digits by choice', () => {
  assert.deepEqual(LOCALES.filter((l) => DIRECTION[l] === 'rtl'), ['ar']);
  assert.equal(formatNumber('ar', 1234.5), '1,234.5');
  assert.equal(formatNumber('fr', 0.5, { style: 'percent' }), '50\u00a0%');
});

test('Accept-Language negotiation picks the best supported language', () => {
  assert.equal(negotiate('fr-CA,fr;q=0.9,en;q=0.8'), 'fr');
  assert.equal(negotiate('de-DE,de;q=0.9,ar;q=0.5'), 'ar');
  assert.equal(negotiate('de'), 'en');
  assert.equal(negotiate(undefined), 'en');
  assert.equal(negotiate('zh-Hans-CN'), 'zh');
});

test('a missing key shows the key (never crashes a page)', () => {
  assert.equal(t('en', 'no.such.key'), 'no.such.key');
});

test('every literal message key used in the code exists in the catalogs', async () => {
  const { readdirSync, readFileSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const root = new URL('../', import.meta.url).pathname;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(n) && !n.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(root);
  const missing = new Set<string>();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    // t('key'), t("key"), messageKey 'error.x' literals, zod { error: 'error.x' } messages and <Msg k="key">.
    for (const m of src.matchAll(/\bt\(\s*'([a-z0-9_]+\.[a-z0-9_.]+)'|\b(?:t|translate)\([^,)']+,\s*'([a-z0-9_.]+)'|'(error\.[a-z0-9_]+)'|'(flash\.[a-z0-9_]+)'|<Msg\b[^>]*\bk="([a-z0-9_.]+)"/g)) {
      const key = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
      if (key && !(key in en)) missing.add(`${key} (${f.slice(root.length)})`);
    }
  }
  assert.deepEqual([...missing], []);
});
