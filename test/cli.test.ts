// The `metep` command as a user runs it: a real process through the package bin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const bin = new URL('../bin/metep.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'metep-cli-'));
const env = { ...process.env, DATABASE_URL: join(dir, 'cli.sqlite'), LOG_LEVEL: 'silent', PUBLIC_URL: 'https://metep.example.org' };
after(() => rmSync(dir, { recursive: true, force: true }));

function metep(args: string[], extra: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { env: { ...env, ...extra }, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
}

test('--help lists the commands; every command has its own --help', () => {
  const r = metep(['--help']);
  assert.equal(r.status, 0);
  for (const c of ['serve', 'migrate', 'user create', 'user reset-link', 'instrument validate']) assert.match(r.stdout, new RegExp(`metep ${c}`));
  const u = metep(['user', 'create', '--help']);
  assert.equal(u.status, 0);
  assert.match(u.stdout, /--email/);
});

test('an unknown command or option exits 2 with a message', () => {
  assert.equal(metep(['frobnicate']).status, 2);
  const r = metep(['user', 'create', '--colour', 'red']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /colour/);
});

test('migrate is idempotent', () => {
  assert.equal(metep(['migrate']).status, 0);
  const again = metep(['migrate']);
  assert.equal(again.status, 0);
  assert.match(again.stdout, /up to date/);
});

test('user create prints a generated password once; a duplicate is refused', () => {
  const r = metep(['user', 'create', '--admin', '--email', 'Op@Example.org', '--name', 'Operator One']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Created administrator op@example.org/);
  assert.match(r.stdout, /Password \(shown once[^)]*\): \S{16}/);
  const dup = metep(['user', 'create', '--email', 'op@example.org', '--name', 'X']);
  assert.equal(dup.status, 2);
  assert.match(dup.stderr, /already exists/);
});

test('user create --password-stdin enforces the minimum length', () => {
  const r = metep(['user', 'create', '--email', 'short@example.org', '--name', 'Short', '--password-stdin'], {}, 'tiny\n');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /at least 12 characters/);
});

test('user reset-link prints a one-time https link', () => {
  const r = metep(['user', 'reset-link', '--email', 'op@example.org']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^https:\/\/metep\.example\.org\/reset\/[A-Za-z0-9_-]{43}$/m);
});

test('invalid configuration exits non-zero with one line per bad variable', () => {
  const r = metep(['migrate'], { PORT: 'abc', LOG_LEVEL: 'chatty' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /PORT:/);
  assert.match(r.stderr, /LOG_LEVEL:/);
});

test('instrument validate accepts the bundled instrument and rejects a broken one naming the item', async () => {
  const ok = metep(['instrument', 'validate', 'src/instrument/metep-2026.1']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /valid — metep 2026\.1 .*languages: ar, en, es, fr, ru, zh/);
  const revised = metep(['instrument', 'validate', 'src/instrument/metep-2026.2']);
  assert.equal(revised.status, 0, revised.stderr);
  assert.match(revised.stdout, /valid — metep 2026\.2 \(published\), 75 items .*languages: ar, en, es, fr, ru, zh/);
  const exp = metep(['instrument', 'export', '--format', 'json']);
  assert.equal(exp.status, 0, exp.stderr);
  const doc = JSON.parse(exp.stdout);
  const items = doc.parts.flatMap((p: any) => p.pillars.flatMap((x: any) => x.items));
  assert.ok(items.filter((i: any) => i.type !== 'text').length >= 60);
  for (const i of items) for (const l of ['ar', 'en', 'es', 'fr', 'ru', 'zh']) assert.ok(i.question[l], `${i.id} ${l}`);
  const { writeFileSync } = await import('node:fs');
  delete items[5].guidance.ru;
  const untranslated = join(dir, 'untranslated.json');
  writeFileSync(untranslated, JSON.stringify(doc));
  const missing = metep(['instrument', 'validate', untranslated]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, new RegExp(`${items[5].id.replace('.', '\\.')} guidance: missing ru`));
  items[3].weight = -2;
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, JSON.stringify(doc));
  const bad = metep(['instrument', 'validate', broken]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, new RegExp(`${items[3].id.replace('.', '\\.')} weight: must be positive`));
  const imp = metep(['instrument', 'import', broken]);
  assert.equal(imp.status, 2);
  assert.match(imp.stderr, /refused/);
});
