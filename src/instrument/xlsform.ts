// The field form as an XLSForm (https://xlsform.org): the spreadsheet KoboToolbox and ODK Central accept
// for upload and convert themselves. Three sheets — survey, choices, settings — with a `label::English (en)`
// column (and hint, constraint message) per language; one group per pillar.
import ExcelJS from 'exceljs';
import { FIELD_DEFAULT_LANG, FIELD_LANGUAGE, fieldForm, type TFieldForm, type TFieldText } from './field-form.ts';
import { INSTRUMENT_LANGS, type TInstrument } from './schema.ts';

const per = (col: string) => INSTRUMENT_LANGS.map((l) => `${col}::${FIELD_LANGUAGE[l]}`);
const cells = (x: TFieldText | undefined) => INSTRUMENT_LANGS.map((l) => x?.[l] ?? '');

/** The survey sheet's columns, in order. */
export const SURVEY_COLUMNS = ['type', 'name', ...per('label'), ...per('hint'), 'required', 'relevant', 'constraint', ...per('constraint_message'), 'appearance'];
/** The choices sheet's columns, in order. */
export const CHOICES_COLUMNS = ['list_name', 'name', ...per('label')];

/** Builds the XLSForm workbook of an instrument version (stakeholder groups passed in, as for `fieldForm`). */
export async function instrumentToXlsForm(inst: TInstrument, groups: readonly string[]): Promise<Buffer> {
  return formToXlsForm(fieldForm(inst, groups));
}

/** Builds the XLSForm workbook of a field form. */
export async function formToXlsForm(form: TFieldForm): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'METEP';
  const survey = wb.addWorksheet('survey', { views: [{ state: 'frozen', ySplit: 1 }] });
  survey.addRow(SURVEY_COLUMNS);
  const blank = INSTRUMENT_LANGS.map(() => '');
  for (const g of form.groups) {
    survey.addRow(['begin_group', g.name, ...cells(g.label), ...blank, '', '', '', ...blank, 'field-list']);
    for (const q of g.questions) {
      const type = q.list ? `${q.type} ${q.list}` : q.type;
      survey.addRow([type, q.name, ...cells(q.label), ...cells(q.hint), q.required ? 'yes' : '', q.relevant ?? '', q.constraint ?? '', ...cells(q.constraintMessage), '']);
    }
    survey.addRow(['end_group', g.name]);
  }
  const choices = wb.addWorksheet('choices', { views: [{ state: 'frozen', ySplit: 1 }] });
  choices.addRow(CHOICES_COLUMNS);
  for (const [list, cs] of form.choices) for (const c of cs) choices.addRow([list, c.name, ...cells(c.label)]);
  const settings = wb.addWorksheet('settings');
  settings.addRow(['form_title', 'form_id', 'version', 'default_language', 'style']);
  settings.addRow([form.title[FIELD_DEFAULT_LANG], form.formId, form.version, FIELD_LANGUAGE[FIELD_DEFAULT_LANG], 'pages']);
  for (const ws of [survey, choices, settings]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
