// Every URL comes from paths.ts: a path written by hand elsewhere would drift from the routes' mount points.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { absolute, assessmentPaths, isAnswerPage, paths } from './paths.ts';

const SRC = new URL('../', import.meta.url).pathname;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

test('no file under src/ but paths.ts writes an assessment, API or invitation path literally', () => {
  // A string or template literal that starts with one of the app's own URL prefixes.
  const literal = /[`'"]\/(assessments|api\/v1|join)(\/|[`'"?])/;
  const offenders = sources(SRC)
    .filter((f) => !f.endsWith('/http/paths.ts'))
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, line, i })))
    .filter(({ line }) => literal.test(line))
    .map(({ f, i, line }) => `${relative(SRC, f)}:${i + 1}: ${line.trim()}`);
  assert.deepEqual(offenders, []);
});

test('path builders encode what they are given and agree with the mount points', () => {
  const a = assessmentPaths('a b/c');
  assert.equal(a.overview, '/assessments/a%20b%2Fc');
  assert.equal(a.answerPillar('E'), '/assessments/a%20b%2Fc/answer/E');
  assert.equal(a.api.answers, '/api/v1/assessments/a%20b%2Fc/answers');
  assert.equal(paths.signIn('/assessments/x?y=1'), '/sign-in?next=%2Fassessments%2Fx%3Fy%3D1');
  assert.equal(absolute('https://metep.example.org/', paths.join('t0k')), 'https://metep.example.org/join/t0k');
  assert.ok(isAnswerPage(assessmentPaths('x').answerPillar('A')));
  assert.ok(!isAnswerPage(assessmentPaths('x').answer));
});
