// `metep benchmarks …`: the UN E-Government Survey editions of this installation — import a new edition
// from the Data Center's file, list the editions, print one country's figures.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { OPERATOR } from '../domain/kernel/context.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { t } from '../i18n/index.ts';
import { withCtx } from './context.ts';
import { UsageError, type CommandRun } from './index.ts';

/** One problem as a line of the report: "row 7: …". */
function problemLine(p: { row: number; key: string; params: Record<string, string | number> }): string {
  return `  ${p.row > 0 ? `row ${p.row}: ` : ''}${t('en', p.key, p.params)}`;
}

/** Imports a UN E-Government Survey edition from the Data Center file (all rows or nothing). */
export const benchmarksImport: CommandRun = async ({ positionals, values, config }) => {
  const [file] = positionals;
  if (!file) throw new UsageError('give the file to import');
  const edition = values.edition === undefined ? undefined : Number(values.edition);
  if (edition !== undefined && !Number.isInteger(edition)) throw new UsageError('--edition must be a year, e.g. 2026');
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const { importBenchmarks, BenchmarksRejected } = await import('../domain/benchmarks/import-benchmarks.ts');
  const opts = { fileName: basename(file), edition, dryRun: values['dry-run'] === true, replace: values.replace === true, skipInvalid: values['skip-invalid'] === true };
  try {
    const r = await withCtx(config(), (ctx) => importBenchmarks(ctx, OPERATOR, buf, opts));
    const skipped = r.skipped.length ? `\nSkipped ${r.skipped.length} row(s):\n${r.skipped.map(problemLine).join('\n')}` : '';
    const what = `the ${r.year} edition: ${r.countries} countries${r.replaced ? ', replacing the figures loaded before' : ''}`;
    process.stdout.write(`${r.stored ? `Imported ${what}.` : `Dry run — nothing stored. Would import ${what}.`}${skipped}\n`);
    return 0;
  } catch (e) {
    if (e instanceof BenchmarksRejected) {
      process.stderr.write(`${file}: refused — ${e.problems.length} problem(s); nothing was imported.\n${e.problems.map(problemLine).join('\n')}\n` + (e.problems.some((p) => p.row > 1) ? 'Correct the rows, or import the others with --skip-invalid.\n' : ''));
      return 1;
    }
    if (e instanceof AppError && e.code === 'conflict') throw new UsageError(`${t('en', e.messageKey, e.params).replace(/\.$/, '')}: give --replace to replace it`);
    throw e;
  }
};

/** Lists the loaded editions with their source and importer. */
export const benchmarksList: CommandRun = async ({ config }) => {
  const { listBenchmarkEditions } = await import('../domain/benchmarks/list-benchmark-editions.ts');
  const { ensureBundledBenchmarks } = await import('../domain/benchmarks/ensure-bundled-benchmarks.ts');
  const rows = await withCtx(config(), async (ctx) => {
    await ensureBundledBenchmarks(ctx);
    return listBenchmarkEditions(ctx, OPERATOR);
  }, { existing: true });
  process.stdout.write('year\tcountries\torigin\timported\tby\tsource\n');
  for (const r of rows) process.stdout.write(`${r.year}\t${r.countries}\t${r.origin}\t${r.imported_at}\t${r.imported_by_name ?? r.imported_by ?? '-'}\t${r.source}\n`);
  return 0;
};

/** Prints one country's EGDI and EPI in every edition as JSON or CSV. */
export const benchmarksShow: CommandRun = async ({ positionals, values, config }) => {
  const [iso3] = positionals;
  if (!iso3) throw new UsageError('give the country\'s ISO 3166 alpha-3 code, e.g. KEN');
  if (values.format !== 'json' && values.format !== 'csv') throw new UsageError('--format must be json or csv');
  const { getCountryProfile } = await import('../domain/benchmarks/get-country-profile.ts');
  const { ensureBundledBenchmarks } = await import('../domain/benchmarks/ensure-bundled-benchmarks.ts');
  const { countryBenchmarksCsv, countryBenchmarksJson } = await import('../reports/benchmarks-export.ts');
  const profile = await withCtx(config(), async (ctx) => {
    await ensureBundledBenchmarks(ctx);
    return getCountryProfile(ctx, iso3).catch((e) => {
      if (e instanceof AppError && e.code === 'not_found') throw new UsageError(`no figures for ${iso3} (an ISO 3166 alpha-3 code, e.g. KEN)`);
      throw e;
    });
  }, { existing: true });
  process.stdout.write(values.format === 'json' ? `${JSON.stringify(countryBenchmarksJson(profile), null, 2)}\n` : countryBenchmarksCsv(profile));
  return 0;
};
