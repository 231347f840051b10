// `metep assessments list`: the assessments of this installation, for an operator at the terminal (the
// id is what `metep results` takes).
import { countryName } from '../i18n/countries.ts';
import { listAssessments } from '../domain/assessments/list-assessments.ts';
import { OPERATOR } from '../domain/kernel/context.ts';
import { withCtx } from './context.ts';
import { UsageError, type CommandRun } from './index.ts';

/** Lists every assessment, newest first, as tab-separated lines or JSON. */
export const assessmentsList: CommandRun = async ({ values, config }) => {
  if (values.format !== 'tsv' && values.format !== 'json') throw new UsageError('--format must be tsv or json');
  const rows = await withCtx(config(), (ctx) => listAssessments(ctx, OPERATOR), { existing: true });
  const list = rows.map((r) => ({ id: r.id, country: r.country, countryName: countryName('en', r.country), cycleYear: r.cycle_year, scope: r.scope, state: r.state, deadline: r.deadline, createdAt: r.created_at }));
  if (values.format === 'json') {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  process.stdout.write('id\tcountry\tyear\tscope\tstate\tdeadline\n');
  for (const a of list) process.stdout.write(`${a.id}\t${a.country} ${a.countryName}\t${a.cycleYear}\t${a.scope ?? '-'}\t${a.state}\t${a.deadline ?? '-'}\n`);
  if (list.length === 0) process.stderr.write('no assessments yet\n');
  return 0;
};
