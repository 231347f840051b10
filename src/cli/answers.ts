// `metep answers import`: answers collected in the field with KoboToolbox or ODK (their CSV export of
// METEP's field form) into an assessment in collection, with a per-row report.
import { readFileSync } from 'node:fs';
import { importFieldAnswers } from '../domain/answering/import-field-answers.ts';
import { OPERATOR } from '../domain/kernel/context.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { t } from '../i18n/index.ts';
import { withCtx } from './context.ts';
import { UsageError, type CommandRun } from './index.ts';

/** Imports a KoboToolbox/ODK CSV export into an assessment (all rows or nothing, unless --skip-invalid). */
export const answersImport: CommandRun = async ({ positionals, values, config }) => {
  const [assessmentId, file] = positionals;
  if (!assessmentId || !file) throw new UsageError('give the assessment id (see `metep assessments list`) and the CSV file');
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    const r = await withCtx(config(), (ctx) => importFieldAnswers(ctx, OPERATOR, assessmentId, csv, { skipInvalid: values['skip-invalid'] === true }), { existing: true });
    const problems = r.rows.flatMap((row) => row.problems.map((p) => `  line ${row.line}: ${t('en', p.key, { field: p.field, value: p.value })}`));
    if (!r.imported) {
      process.stderr.write(`${file}: refused — ${problems.length} problem(s); nothing was imported.\n${problems.join('\n')}\nCorrect the rows, or import the others with --skip-invalid.\n`);
      return 1;
    }
    process.stdout.write(`${t('en', 'field_import.done', { count: r.written, created: r.created })}\n${problems.length ? `Skipped:\n${problems.join('\n')}\n` : ''}`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) throw new UsageError(t('en', e.messageKey, { max: 5000, version: '', ...e.params }));
    throw e;
  }
};
