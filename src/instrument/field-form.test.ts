// Field forms are checked by real consumers: the XForm of 2026.1 loads in ODK's own form engine, is
// filled there, and the submission it produces reads back to the answers that were entered; the XLSForm
// is read back sheet by sheet and describes the same questions, choices and translations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { GROUPS } from '../domain/kernel/groups.ts';
import type { TValue } from '../scoring/types.ts';
import { odkEngine, parseXml } from '../../test/support/odk.ts';
import { sampleValue } from '../../test/support/field-answers.ts';
import { FIELD_LANGUAGE, fieldForm, readFieldRecord } from './field-form.ts';
import { bundledInstrument } from './loader.ts';
import { allItems } from './model.ts';
import { INSTRUMENT_LANGS } from './schema.ts';
import { instrumentToXform } from './xform.ts';
import { CHOICES_COLUMNS, instrumentToXlsForm, SURVEY_COLUMNS } from './xlsform.ts';

const inst = bundledInstrument('2026.1');
const items = allItems(inst).map(({ item }) => item);

type TNode = { nodeType: string; currentState: { reference: string; children?: TNode[] | null; label?: { asString: string } | null }; validationState?: { violation: unknown } } & Record<string, unknown>;

function leaves(n: TNode, out = new Map<string, TNode>()): Map<string, TNode> {
  for (const c of n.currentState.children ?? []) {
    if (c.nodeType === 'group') leaves(c, out);
    else out.set(c.currentState.reference, c);
  }
  return out;
}

test('XForm of 2026.1 loads in ODK’s form engine, in six languages, and a filled instance reads back to the same answers', async () => {
  const { loadForm } = await odkEngine();
  const xml = instrumentToXform(inst, GROUPS);
  const loaded = await loadForm(xml);
  if (loaded.status === 'failure') assert.fail(String(loaded.error));
  assert.equal(loaded.status, 'success');
  const { root } = loaded.createInstance();
  assert.deepEqual(root.languages.map((l) => l.language).sort(), INSTRUMENT_LANGS.map((l) => FIELD_LANGUAGE[l]).sort());

  const nodes = leaves(root as unknown as TNode);
  const at = (path: string) => {
    const n = nodes.get(`/metep_2026_1/${path}`);
    assert.ok(n, `no node ${path}`);
    return n as TNode & { selectValue(v: string): void; selectValues(v: string[]): void; setValue(v: unknown): void };
  };
  const ar = root.languages.find((l) => l.language === FIELD_LANGUAGE.ar);
  root.setLanguage(ar as never);
  assert.equal(at('pillar_A/A_01').currentState.label?.asString, `A.01 ${inst.parts[0]?.pillars[0]?.items[0]?.question.ar}`);

  // A checklist refuses "none of these" together with an option.
  const checklist = items.find((x) => x.type === 'checklist');
  assert.ok(checklist && checklist.type === 'checklist');
  const cl = at(`pillar_${checklist.id[0]}/${checklist.id.replace('.', '_')}`);
  cl.selectValues(['none', checklist.options[0]?.id as string]);
  assert.ok(cl.validationState?.violation, 'a checklist with "none" and an option must be invalid');
  cl.selectValues([]);

  at('respondent/group').selectValue('civil_society');
  at('respondent/email').setValue('field.one@example.org');
  const expected = new Map<string, { value: TValue | null; comment: string | null }>();
  items.forEach((item, i) => {
    const path = `pillar_${item.id[0]}/${item.id.replace('.', '_')}`;
    const v = sampleValue(item, i);
    const comment = i % 5 === 0 ? `Comment ${item.id}` : null;
    expected.set(item.id, { value: v, comment });
    if (comment) at(`${path}_comment`).setValue(comment);
    if (!v) return;
    if (v.kind === 'excluded') {
      if (item.type === 'number') at(`${path}_x`).selectValue(v.reason);
      else if (item.type === 'checklist') at(path).selectValues([v.reason]);
      else at(path).selectValue(v.reason);
    } else if (v.kind === 'status') at(path).selectValue(v.status);
    else if (v.kind === 'level') at(path).selectValue(String(v.level));
    else if (v.kind === 'checklist') at(path).selectValues(v.checked.length ? v.checked : ['none']);
    else if (v.kind === 'number') at(path).setValue(v.number);
    else if (v.kind === 'text') at(path).setValue(v.text);
  });

  const payload = await root.prepareInstancePayload();
  assert.equal(payload.status, 'ready', JSON.stringify(payload.violations));
  const file = payload.data[0].get('xml_submission_file') as File;
  const doc = parseXml(await file.text());
  assert.equal(doc.documentElement.getAttribute('version'), '2026.1');
  const record = new Map<string, string>();
  for (const group of Array.from(doc.documentElement.children)) {
    for (const field of Array.from(group.children)) record.set(`${group.tagName}/${field.tagName}`, field.textContent ?? '');
  }
  assert.match(record.get('meta/instanceID') ?? '', /^uuid:/);

  const back = readFieldRecord(inst, fieldForm(inst, GROUPS), record);
  assert.deepEqual(back.problems, []);
  assert.equal(back.group, 'civil_society');
  assert.equal(back.email, 'field.one@example.org');
  assert.equal(back.answers.length, items.length);
  for (const a of back.answers) assert.deepEqual({ value: a.value, comment: a.comment }, expected.get(a.itemId), a.itemId);
});

test('readFieldRecord names what does not fit its item', () => {
  const form = fieldForm(inst, GROUPS);
  const r = readFieldRecord(inst, form, new Map([['respondent/group', 'aliens'], ['pillar_A/A_01', 'maybe'], ['A_02', 'yes']]));
  assert.deepEqual(r.problems, [
    { field: 'respondent/group', key: 'field_import.bad_group', value: 'aliens' },
    { field: 'pillar_A/A_01', key: 'field_import.bad_answer', value: 'maybe' },
  ]);
  // A bare column name (Kobo's export without group names) is read too.
  const a02 = items.find((x) => x.id === 'A.02');
  assert.equal(r.answers.find((a) => a.itemId === 'A.02')?.value?.kind, a02?.type === 'status' ? 'status' : undefined);
});

function text(v: ExcelJS.CellValue): string {
  return v === null || v === undefined ? '' : String(v);
}

test('XLSForm of 2026.1: survey, choices and settings sheets describe the same questions in six languages', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await instrumentToXlsForm(inst, GROUPS)) as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['survey', 'choices', 'settings']);
  const rows = (name: string) => {
    const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
    const head = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text);
    const out: Record<string, string>[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) out.push(Object.fromEntries(head.map((h, i) => [h, text(row.getCell(i + 1).value)])));
    });
    return { head, out };
  };
  const survey = rows('survey');
  assert.deepEqual(survey.head, SURVEY_COLUMNS);
  for (const l of INSTRUMENT_LANGS) assert.ok(survey.head.includes(`label::${FIELD_LANGUAGE[l]}`));
  const groups = survey.out.filter((r) => r.type === 'begin_group').map((r) => r.name);
  assert.deepEqual(groups, ['respondent', ...inst.parts.flatMap((p) => p.pillars.map((x) => `pillar_${x.id}`))]);
  assert.equal(survey.out.filter((r) => r.type === 'end_group').length, groups.length);

  const choices = rows('choices');
  assert.deepEqual(choices.head, CHOICES_COLUMNS);
  const listOf = (list: string) => choices.out.filter((c) => c.list_name === list).map((c) => c.name);
  for (const item of items) {
    const name = item.id.replace('.', '_');
    const row = survey.out.find((r) => r.name === name);
    assert.ok(row, `no survey row for ${item.id}`);
    for (const l of INSTRUMENT_LANGS) assert.equal(row[`label::${FIELD_LANGUAGE[l]}`], `${item.id} ${item.question[l] ?? item.question[inst.sourceLanguage]}`);
    const [type, list] = (row.type as string).split(' ');
    const want = { status: 'select_one', level: 'select_one', checklist: 'select_multiple', number: 'decimal', text: 'text' }[item.type];
    assert.equal(type, want, item.id);
    if (item.type === 'status') assert.deepEqual(listOf(list as string), ['yes', 'partly', 'no', 'dont_know', 'not_applicable']);
    if (item.type === 'level') assert.deepEqual(listOf(list as string), ['0', '1', '2', '3', '4', 'dont_know', 'not_applicable']);
    if (item.type === 'checklist') {
      assert.deepEqual(listOf(list as string), [...item.options.map((o) => o.id), 'none', 'dont_know', 'not_applicable']);
      assert.match(row.constraint as string, /count-selected/);
    }
    if (item.type === 'number') {
      assert.match(row.constraint as string, new RegExp(`\\. >= ${item.min}`));
      assert.equal(survey.out.find((r) => r.name === `${name}_x`)?.relevant, `\${${name}} = ''`);
    }
    assert.ok(survey.out.some((r) => r.name === `${name}_comment`));
  }
  const settings = rows('settings');
  assert.deepEqual(settings.out[0], { form_title: inst.title.en, form_id: 'metep_2026_1', version: '2026.1', default_language: 'English (en)', style: 'pages' });
});
