// Answers collected in the field with KoboToolbox or ODK come back into METEP: a CSV in Kobo's export
// layout imports to results equal to the same answers entered by hand; a failing row stops the whole
// import unless the coordinator asks to skip it; importing the same export again changes nothing.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { resolveSession } from '../src/domain/accounts/resolve-session.ts';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { importFieldAnswers } from '../src/domain/answering/import-field-answers.ts';
import { saveAnswers } from '../src/domain/answering/save-answers.ts';
import { submitResponse } from '../src/domain/answering/submit-response.ts';
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { createAssessment } from '../src/domain/assessments/create-assessment.ts';
import { ensureBundledInstrument } from '../src/domain/instruments/ensure-bundled-instrument.ts';
import { OPERATOR, type Actor } from '../src/domain/kernel/context.ts';
import { acceptInvitation } from '../src/domain/participants/accept-invitation.ts';
import { createInvitation } from '../src/domain/participants/create-invitation.ts';
import { computeResults } from '../src/domain/results/compute-results.ts';
import { fieldForm } from '../src/instrument/field-form.ts';
import { GROUPS } from '../src/domain/kernel/groups.ts';
import { bundledInstrument } from '../src/instrument/loader.ts';
import { allItems } from '../src/instrument/model.ts';
import type { TValue } from '../src/scoring/types.ts';
import { resultsJson } from '../src/reports/results-export.ts';
import { createApp } from '../src/http/app.tsx';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';
import { multipart } from './support/multipart.ts';
import { sampleValue } from './support/field-answers.ts';

const inst = bundledInstrument('2026.1');
const items = allItems(inst).map(({ item }) => item);
/** Four respondents: the first is invited by e-mail; the others answer pseudonymously with a group. */
const PEOPLE: { email: string; group: string }[] = [
  { email: 'named@example.org', group: 'central_government' },
  { email: '', group: 'central_government' },
  { email: '', group: 'civil_society' },
  { email: '', group: 'academia' },
];
const answersOf = (k: number) => items.map((item, i) => ({ itemId: item.id, value: sampleValue(item, i + 3 * k), comment: (i + k) % 6 === 0 ? `Field note ${item.id}; “quoted”` : null }));

/** A field value as Kobo writes it in its CSV export (XML choice names; select_multiple space-separated). */
function koboValue(v: TValue | null, forX: boolean): string {
  if (!v) return '';
  if (v.kind === 'excluded') return v.reason;
  if (forX) return '';
  if (v.kind === 'status') return v.status;
  if (v.kind === 'level') return String(v.level);
  if (v.kind === 'checklist') return v.checked.length ? v.checked.join(' ') : 'none';
  if (v.kind === 'number') return String(v.number);
  return v.text;
}

/**
 * A CSV in KoboToolbox's export layout: `;`-separated, every value quoted, group/question headers, a 0/1
 * column per choice after each select_multiple, then Kobo's own columns (_id, _uuid, _submission_time…).
 */
function koboCsv(rows: { email: string; group: string; uuid: string; answers: ReturnType<typeof answersOf> }[]): string {
  const form = fieldForm(inst, GROUPS);
  const head: string[] = ['start', 'end'];
  const cells: ((r: (typeof rows)[number]) => string)[] = [() => '2026-11-02T09:00:00.000+03:00', () => '2026-11-02T09:40:00.000+03:00'];
  for (const g of form.groups) {
    for (const q of g.questions) {
      head.push(`${g.name}/${q.name}`);
      const role = q.role;
      cells.push((r) => {
        if (role.kind === 'email') return r.email;
        if (role.kind === 'name') return '';
        if (role.kind === 'group') return r.group;
        const a = r.answers.find((x) => x.itemId === role.itemId);
        if (role.kind === 'comment') return a?.comment ?? '';
        const item = items.find((x) => x.id === role.itemId);
        const asX = role.kind === 'excluded';
        // Numbers carry "don't know" in their own question; every other type in the value itself.
        if (item?.type === 'number') return asX ? (a?.value?.kind === 'excluded' ? a.value.reason : '') : a?.value?.kind === 'excluded' ? '' : koboValue(a?.value ?? null, false);
        return koboValue(a?.value ?? null, false);
      });
      if (q.type === 'select_multiple') {
        for (const c of form.choices.get(q.list as string) ?? []) {
          head.push(`${g.name}/${q.name}/${c.name}`);
          cells.push((r) => {
            const v = koboValue(r.answers.find((x) => role.kind === 'value' && x.itemId === role.itemId)?.value ?? null, false);
            return v === '' ? '' : v.split(' ').includes(c.name) ? '1' : '0';
          });
        }
      }
    }
  }
  const meta: [string, (r: (typeof rows)[number], i: number) => string][] = [
    ['meta/instanceID', (r) => `uuid:${r.uuid}`],
    ['_id', (_, i) => String(41000 + i)],
    ['_uuid', (r) => r.uuid],
    ['_submission_time', () => '2026-11-02T06:41:12'],
    ['_validation_status', () => ''],
    ['_notes', () => ''],
    ['_status', () => 'submitted_via_web'],
    ['_submitted_by', () => 'enumerator1'],
    ['__version__', () => 'vQx7sZ2mTkFh4GdYyPcJ8a'],
    ['_tags', () => ''],
    ['_index', (_, i) => String(i + 1)],
  ];
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [[...head, ...meta.map(([h]) => h)].map(q).join(';')];
  rows.forEach((r, i) => lines.push([...cells.map((c) => c(r)), ...meta.map(([, f]) => f(r, i))].map(q).join(';')));
  return `${lines.join('\r\n')}\r\n`;
}

const uuid = (k: number) => `5f0c2a1e-7d3b-4c8e-9a1f-00000000000${k}`;

eachDialect('field collection import', (get) => {
  let cora: Actor;
  let named: Actor | undefined;
  /** An assessment on 2026.1 in collection, with the named respondent a member of it. */
  const setup = async (country: string) => {
    const id = await createAssessment(get().ctx, cora, { country, cycleYear: 2026, instrumentVersion: '2026.1' });
    const inv = await createInvitation(get().ctx, cora, id, { name: 'Named Person', email: PEOPLE[0]!.email, organisation: 'Ministry of Digital Affairs', group: PEOPLE[0]!.group, role: 'respondent', locale: 'en' });
    const r = await acceptInvitation(get().ctx, named, inv.url.split('/').pop() as string, { name: 'Named Person', password: 'named person long password' }, { ip: null, userAgent: null, locale: 'en' });
    if (r.sessionToken) named = (await resolveSession(get().ctx, r.sessionToken)) as Actor;
    await changeAssessmentState(get().ctx, cora, id, { to: 'collecting' });
    return id;
  };

  before(async () => {
    await ensureBundledInstrument(get().ctx);
    await createUser(get().ctx, OPERATOR, { name: 'Cora', email: 'cora.field@example.org', password: 'cora has a long password', isCoordinator: true });
    cora = (await resolveSession(get().ctx, (await signIn(get().ctx, { email: 'cora.field@example.org', password: 'cora has a long password' }, { ip: null, userAgent: null })).token)) as Actor;
  });

  test('a KoboToolbox CSV export imports to the same results as the same answers entered by hand', async () => {
    // By hand: the named respondent and three invited people of the same groups answer in METEP.
    const byHand = await setup('GHA');
    for (const [k, p] of PEOPLE.entries()) {
      let actor: Actor;
      if (k === 0) actor = named as Actor;
      else {
        const inv = await createInvitation(get().ctx, cora, byHand, { name: `Hand ${k}`, email: `hand${k}@example.org`, organisation: `Org ${p.group}`, group: p.group, role: 'respondent', locale: 'en' });
        const r = await acceptInvitation(get().ctx, undefined, inv.url.split('/').pop() as string, { name: `Hand ${k}`, password: 'respondent long password' }, { ip: null, userAgent: null, locale: 'en' });
        actor = (await resolveSession(get().ctx, r.sessionToken as string)) as Actor;
      }
      await saveAnswers(get().ctx, actor, byHand, { answers: answersOf(k) });
      await submitResponse(get().ctx, actor, byHand, { anyway: true });
    }

    // In the field: the same answers, exported from KoboToolbox.
    const field = await setup('KEN');
    const csv = koboCsv(PEOPLE.map((p, k) => ({ email: p.email, group: p.group, uuid: uuid(k), answers: answersOf(k) })));
    const r = await importFieldAnswers(get().ctx, cora, field, csv);
    assert.deepEqual(r.rows.flatMap((x) => x.problems), []);
    assert.equal(r.imported, true);
    assert.equal(r.written, 4);
    assert.equal(r.created, 3, 'three pseudonymous respondents');
    assert.deepEqual(r.rows.map((x) => x.line), [2, 3, 4, 5]);

    // Everything but the bootstrap intervals, which resample respondents in the order of their (random) ids.
    const BOOTSTRAP = new Set(['low', 'high', 'bandProbability']);
    const strip = (j: ReturnType<typeof resultsJson>) => JSON.parse(JSON.stringify({ ...j, assessment: null }, (k, v) => (BOOTSTRAP.has(k) ? undefined : v)));
    const hand = resultsJson(await computeResults(get().ctx, cora, byHand));
    const imported = resultsJson(await computeResults(get().ctx, cora, field));
    assert.equal(imported.respondents, 4);
    assert.deepEqual(strip(imported), strip(hand));

    // Comments come back verbatim, and the same export imported again creates no one and changes nothing.
    const again = await importFieldAnswers(get().ctx, cora, field, csv);
    assert.equal(again.created, 0);
    assert.deepEqual(strip(resultsJson(await computeResults(get().ctx, cora, field))), strip(hand));
    const note = await get().ctx.db.kysely.selectFrom('answers').select('comment').where('assessment_id', '=', field).where('comment', 'like', 'Field note A.01%').execute();
    assert.ok(note.some((n) => n.comment === 'Field note A.01; “quoted”'));
  });

  test('the same submission id in another assessment’s export is another person: nobody is shared between assessments', async () => {
    const rows = PEOPLE.slice(1).map((p, k) => ({ email: '', group: p.group, uuid: uuid(k + 1), answers: answersOf(k + 1) }));
    const first = await setup('UGA');
    const second = await setup('TZA');
    assert.equal((await importFieldAnswers(get().ctx, cora, first, koboCsv(rows))).created, 3);
    assert.equal((await importFieldAnswers(get().ctx, cora, second, koboCsv(rows))).created, 3, 'three new people, not the first assessment\'s');
    const membersOf = async (id: string) => new Set((await get().ctx.db.kysely.selectFrom('memberships').select('user_id').where('assessment_id', '=', id).where('role', '=', 'respondent').execute()).map((m) => m.user_id));
    const [a, b] = [await membersOf(first), await membersOf(second)];
    const shared = [...a].filter((u) => b.has(u));
    assert.equal(shared.length, 1, 'only the named respondent, invited to both, is in both');
    assert.equal((await importFieldAnswers(get().ctx, cora, second, koboCsv(rows))).created, 0, 'the same export again: the same people');
  });

  test('one failing row stops the import, with a per-row report; --skip-invalid imports the others', async () => {
    const id = await setup('SEN');
    const rows = PEOPLE.map((p, k) => ({ email: p.email, group: p.group, uuid: uuid(k), answers: answersOf(k) }));
    rows[2] = { ...rows[2]!, email: 'stranger@example.org' };
    let csv = koboCsv(rows);
    // Row 4 (line 4) says "maybe" to a status question.
    const status = items.find((i) => i.type === 'status')!;
    const lines = csv.split('\r\n');
    const head = lines[0]!.split(';');
    const col = head.indexOf(`"pillar_${status.id[0]}/${status.id.replace('.', '_')}"`);
    const cells = lines[3]!.split(';');
    cells[col] = '"maybe"';
    lines[3] = cells.join(';');
    csv = lines.join('\r\n');

    const r = await importFieldAnswers(get().ctx, cora, id, csv);
    assert.equal(r.imported, false);
    assert.deepEqual(r.rows.map((x) => [x.line, x.problems.map((p) => `${p.field} ${p.key}`)]), [
      [2, []],
      [3, []],
      [4, ['pillar_' + status.id[0] + '/' + status.id.replace('.', '_') + ' field_import.bad_answer', 'respondent/email field_import.not_respondent']],
      [5, []],
    ]);
    const none = await get().ctx.db.kysely.selectFrom('answers').select('item_id').where('assessment_id', '=', id).execute();
    assert.equal(none.length, 0, 'nothing written');

    const skipped = await importFieldAnswers(get().ctx, cora, id, csv, { skipInvalid: true });
    assert.equal(skipped.imported, true);
    assert.equal(skipped.written, 3);
    assert.equal((await computeResults(get().ctx, cora, id)).respondents, 3);
  });

  test('the coordinator’s page: field forms to use, upload, per-row report in Arabic; a respondent cannot reach it', async () => {
    const id = await setup('TUN');
    const b = new Browser(createApp(get().ctx));
    const token = (await signIn(get().ctx, { email: 'cora.field@example.org', password: 'cora has a long password' }, { ip: null, userAgent: null })).token;
    b.cookies.set('metep_session', token);
    const path = `/assessments/${id}/field-import`;
    await b.get(`${path}?lang=ar`);
    let r = await b.get(path);
    assert.equal(r.status, 200);
    assert.match(r.text, /href="\/instruments\/metep\/2026\.1\/xform\.xml"/);
    assert.match(r.text, /enctype="multipart\/form-data"/);
    const rows = PEOPLE.map((p, k) => ({ email: p.email, group: p.group, uuid: uuid(k), answers: answersOf(k) }));
    rows[3] = { ...rows[3]!, group: 'aliens' };
    const { body, type } = multipart({ file: { name: 'kobo.csv', type: 'text/csv', data: Buffer.from(koboCsv(rows)) } });
    r = await b.request('POST', path, body as unknown as string, { 'content-type': type, origin: 'http://metep.test' });
    assert.equal(r.status, 422);
    assert.match(r.text, /لم يُستورد شيء/);
    assert.match(r.text, /<bdi dir="ltr">respondent\/group<\/bdi>/);
    const skip = multipart({ file: { name: 'kobo.csv', type: 'text/csv', data: Buffer.from(koboCsv(rows)) }, skipInvalid: '1' });
    await b.get(`${path}?lang=en`);
    r = await b.request('POST', path, skip.body as unknown as string, { 'content-type': skip.type, origin: 'http://metep.test' });
    assert.equal(r.status, 200);
    // The same submission ids were imported into other assessments by the tests above: here they are new
    // people (a pseudonym belongs to its assessment).
    assert.match(r.text, /3 rows imported, 2 new pseudonymous respondents/);
    const respondent = new Browser(createApp(get().ctx));
    respondent.cookies.set('metep_session', (await signIn(get().ctx, { email: PEOPLE[0]!.email, password: 'named person long password' }, { ip: null, userAgent: null })).token);
    assert.equal((await respondent.get(path)).status, 403);
  });

  test('a file that is not this form’s export, or empty, is refused as a whole', async () => {
    const id = await setup('PER');
    await assert.rejects(importFieldAnswers(get().ctx, cora, id, 'name,email\nA,a@example.org\n'), /field_import.not_this_form/);
    await assert.rejects(importFieldAnswers(get().ctx, cora, id, ''), /error.csv_empty/);
  });
});
