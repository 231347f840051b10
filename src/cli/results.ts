// `metep results <assessment-id> --format json|csv [--lang L]`: the scores of an assessment for programs.
import { OPERATOR } from '../domain/kernel/context.ts';
import { computeResults } from '../domain/results/compute-results.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { isLocale } from '../i18n/index.ts';
import { resultsCsv, resultsJson } from '../reports/results-export.ts';
import { withCtx } from './context.ts';
import { UsageError, type CommandRun } from './index.ts';

/** Prints the scores of an assessment as JSON or CSV. */
export const results: CommandRun = async ({ positionals, values, config }) => {
  const [id] = positionals;
  if (!id) throw new UsageError('give the assessment id (see the address of its page)');
  if (values.format !== 'json' && values.format !== 'csv') throw new UsageError('--format must be json or csv');
  if (!isLocale(values.lang)) throw new UsageError('--lang must be one of ar, en, es, fr, ru, zh');
  const lang = values.lang;
  const res = await withCtx(config(), (ctx) =>
    computeResults(ctx, OPERATOR, id).catch((e) => {
      if (e instanceof AppError && e.code === 'not_found') throw new UsageError(`no assessment ${id}`);
      throw e;
    }),
    { existing: true },
  );
  process.stdout.write(values.format === 'json' ? `${JSON.stringify(resultsJson(res), null, 2)}\n` : resultsCsv(res, lang));
  return 0;
};
