// The `metep` command as a user runs it: a real process through the package bin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import JSZip from 'jszip';

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
  const xform = metep(['instrument', 'export', '--version', '2026.1', '--format', 'xform']);
  assert.equal(xform.status, 0, xform.stderr);
  assert.match(xform.stdout, /<metep_2026_1 id="metep_2026_1" version="2026\.1">/);
  const xlsform = join(dir, 'form.xlsx');
  assert.equal(metep(['instrument', 'export', '--format', 'xlsform', '--out', xlsform]).status, 0);
  assert.ok(existsSync(xlsform));
  assert.equal(metep(['instrument', 'export', '--format', 'pdf']).status, 2);
  // Field answers go into an assessment that exists; the message says which was not found.
  writeFileSync(join(dir, 'kobo.csv'), '"pillar_A/A_01";"_uuid"\n"2";"5f0c2a1e-7d3b-4c8e-9a1f-000000000001"\n');
  const noAssessment = metep(['answers', 'import', '00000000-0000-4000-8000-000000000000', join(dir, 'kobo.csv')]);
  assert.equal(noAssessment.status, 2);
  assert.match(noAssessment.stderr, /could not find/);
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

test('assessments list shows every assessment with the id `metep results` takes', () => {
  const empty = metep(['assessments', 'list']);
  assert.equal(empty.status, 0, empty.stderr);
  assert.equal(empty.stdout, 'id\tcountry\tyear\tscope\tstate\tdeadline\n');
  assert.equal(metep(['demo']).status, 0);
  const r = metep(['assessments', 'list']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 3, 'header, the demo cycle and the earlier one');
  assert.match(lines[1]!, /^[0-9a-f-]{36}\tXDM \S.*\t2026\t-\tcollecting\t2026-12-15$/);
  const json = JSON.parse(metep(['assessments', 'list', '--format', 'json']).stdout) as { id: string; state: string }[];
  assert.deepEqual(json.map((a) => a.state), ['collecting', 'validated']);
  const results = metep(['results', json[0]!.id]);
  assert.equal(results.status, 0, results.stderr);
  assert.equal(metep(['assessments', 'list', '--format', 'xml']).status, 2);
});

test('report writes the country report as standalone HTML and as PDF, in the language asked', () => {
  assert.equal(metep(['demo']).status, 0);
  const id = '00000000-0000-4000-8000-000000000de4';
  const html = join(dir, 'report.html');
  const r = metep(['report', id, '--lang', 'ar', '--format', 'html', '--out', html]);
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(html, 'utf8');
  assert.match(text, /<html lang="ar" dir="rtl">/);
  assert.match(text, /<style>[^<]*@page/, 'the stylesheet travels inside the file');
  const pdf = join(dir, 'report.pdf');
  const p = metep(['report', id, '--lang', 'zh', '--format', 'pdf', '--out', pdf]);
  assert.equal(p.status, 0, p.stderr);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  const none = metep(['report', id, '--lang', 'en', '--format', 'pdf', '--out', join(dir, 'none.pdf')], { CHROMIUM_PATH: join(dir, 'no-chromium') });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /--format html/);
  assert.equal(metep(['report', id, '--lang', 'xx', '--format', 'pdf', '--out', pdf]).status, 2);
  assert.equal(metep(['report', id, '--lang', 'en', '--format', 'doc', '--out', pdf]).status, 2);
});

test('report --format datapackage writes the open data as a zip: datapackage.json and CSVs in the language asked', async () => {
  const id = '00000000-0000-4000-8000-000000000de4';
  const out = join(dir, 'data.zip');
  const r = metep(['report', id, '--lang', 'ar', '--format', 'datapackage', '--licence', 'CC-BY-SA-4.0', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const zip = await JSZip.loadAsync(readFileSync(out));
  const descriptor = JSON.parse(await zip.file('datapackage.json')!.async('string')) as { name: string; licenses: { name: string }[]; resources: { path: string }[] };
  assert.match(descriptor.name, /-ar$/);
  assert.equal(descriptor.licenses[0]?.name, 'CC-BY-SA-4.0');
  for (const res of descriptor.resources) assert.ok(zip.file(res.path), res.path);
  assert.match(await zip.file('data/pillars.csv')!.async('string'), /[\u0600-\u06ff]/, 'Arabic labels');
  assert.equal(metep(['report', id, '--lang', 'ar', '--format', 'datapackage', '--licence', 'MIT', '--out', out]).status, 2);
});

test('commands that read an installation refuse a database that is not there, and create nothing', () => {
  const nowhere = join(dir, 'no-such-folder', 'metep.sqlite');
  for (const args of [['results', '00000000-0000-4000-8000-000000000de0'], ['assessments', 'list'], ['instrument', 'list']]) {
    const r = metep(args, { DATABASE_URL: nowhere });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /no METEP database at .*no-such-folder\/metep\.sqlite \(DATABASE_URL\)/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  assert.equal(existsSync(join(dir, 'no-such-folder')), false, 'no folder or empty database was created');
  // A server that does not answer: said plainly, with no password in the message.
  const pg = metep(['results', 'x'], { DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/metep' });
  assert.equal(pg.status, 2, pg.stderr);
  assert.match(pg.stderr, /cannot open the database at postgresql:\/\/127\.0\.0\.1:1\/metep \(DATABASE_URL\)/);
  assert.doesNotMatch(pg.stderr, /secret/);
});

test('instrument export --format xliff and publish-translation: a draft language is refused with how many texts remain', () => {
  assert.equal(metep(['migrate']).status, 0);
  const out = join(dir, 'ar.xlf');
  const noLang = metep(['instrument', 'export', '--format', 'xliff']);
  assert.equal(noLang.status, 2);
  assert.match(noLang.stderr, /--lang/);
  const exp = metep(['instrument', 'export', '--format', 'xliff', '--lang', 'ar', '--out', out]);
  assert.equal(exp.status, 0, exp.stderr);
  assert.ok(existsSync(out));
  const pub = metep(['instrument', 'publish-translation', '--lang', 'ar']);
  assert.notEqual(pub.status, 0);
  assert.match(pub.stderr, /cannot be published as approved: \d+ of its \d+ texts are not approved yet/);
});

test('translations export-ui writes the bundled catalog with the texts edited in the workbench, keys sorted', async () => {
  assert.equal(metep(['migrate']).status, 0);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(env.DATABASE_URL);
  db.prepare("insert into translation_texts (scope, lang, string_key, text, revision, edited_by, edited_at) values ('ui', 'fr', 'tr.title', 'Traductions (atelier)', 1, 'x', '2026-01-01T00:00:00Z')").run();
  db.close();
  assert.equal(metep(['translations', 'export-ui']).status, 2, 'the language is required');
  const r = metep(['translations', 'export-ui', '--lang', 'fr']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, string>;
  const bundled = JSON.parse(readFileSync(new URL('../src/i18n/locales/fr.json', import.meta.url), 'utf8')) as Record<string, string>;
  assert.equal(out['tr.title'], 'Traductions (atelier)');
  assert.deepEqual(Object.keys(out), Object.keys(bundled));
  assert.equal(out['tr.filter'], bundled['tr.filter']);
  assert.match(r.stderr, /fr: 1 text\(s\) edited/);
});
