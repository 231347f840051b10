// `metep benchmarks` as an administrator runs it on the server: a real process through the package bin, on a
// file it writes in the UN Data Center's layout.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const bin = new URL('../bin/metep.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'metep-bm-cli-'));
const env = { ...process.env, DATABASE_URL: join(dir, 'cli.sqlite'), LOG_LEVEL: 'silent', PUBLIC_URL: 'https://metep.example.org' };
after(() => rmSync(dir, { recursive: true, force: true }));

function metep(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
}

const HEAD = 'Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,Online Service Index,Human Capital Index,Telecommunication Infrastructure Index';
const ROWS = [
  '2026,Kenya,103,0.6536,0.589,0.7821,0.5312,0.6475',
  '2026,Türkiye,27,0.8913,0.8904,0.8924,0.8563,0.9253',
  '2026,"Bolivia (Plurinational State of)",95,0.6467,0.3425,0.5814,0.7689,0.5897',
  '2026,United Republic of Tanzania,126,0.5476,0.5616,0.6841,0.4098,0.5489',
];

test('a file with two bad rows: row-numbered problems, exit 1, nothing imported; then a good file imports and show prints it', () => {
  const bad = join(dir, 'EGOV_DATA_2026_bad.csv');
  writeFileSync(bad, [HEAD, ROWS[0], '2026,Gondwana,12,0.5,0.5,0.5,0.5,0.5', ROWS[1], '2026,Kenya,103,0.6536,0.589,0.7821,0.5312,0.6475', ROWS[2]].join('\n') + '\n');
  const r = metep(['benchmarks', 'import', bad]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /refused — 2 problem\(s\); nothing was imported/);
  assert.match(r.stderr, /row 3: unknown country "Gondwana"/);
  assert.match(r.stderr, /row 5: Kenya appears again \(first on row 2\)/);
  const list = metep(['benchmarks', 'list']);
  assert.equal(list.status, 0, list.stderr);
  assert.doesNotMatch(list.stdout, /^2026\t/m);
  assert.match(list.stdout, /^2024\t193\tbundled\t/m);

  const good = join(dir, 'EGOV_DATA_2026.csv');
  writeFileSync(good, [HEAD, ...ROWS].join('\r\n'));
  const dry = metep(['benchmarks', 'import', good, '--dry-run']);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /Dry run — nothing stored\. Would import the 2026 edition: 4 countries/);
  const ok = metep(['benchmarks', 'import', good]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /Imported the 2026 edition: 4 countries\./);
  const again = metep(['benchmarks', 'import', good]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /The 2026 edition is already loaded: give --replace to replace it/);
  assert.match(metep(['benchmarks', 'list']).stdout, /^2026\t4\timport\t\S+\toperator\t.*EGOV_DATA_2026\.csv/m);

  const show = metep(['benchmarks', 'show', 'TUR']);
  assert.equal(show.status, 0, show.stderr);
  const j = JSON.parse(show.stdout);
  assert.equal(j.country, 'TUR');
  const e2026 = j.editions.find((e: { year: number }) => e.year === 2026);
  assert.deepEqual([e2026.egdi, e2026.epi, e2026.egdiRank, e2026.epiRank, e2026.epiOf], [0.8913, 0.8904, 27, 1, 4]);
  const csv = metep(['benchmarks', 'show', 'TUR', '--format', 'csv']);
  assert.match(csv.stdout, /^country,year,measure,value\r\nTUR,2010,egdi,/);
  assert.match(csv.stdout, /TUR,2026,epi,0\.8904\r\n/);
  assert.equal(metep(['benchmarks', 'show', 'ZZZ']).status, 2);
});
