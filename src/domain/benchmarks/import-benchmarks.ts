// Use case: load a new UN E-Government Survey edition from the Data Center's file (CSV or XLSX). All or
// nothing: when any row has a problem nothing is stored (unless the administrator asks to skip the bad
// rows), and an edition already loaded is replaced only when asked. The import is in the audit log.
import { countRealValues, deleteRealValues, editionYears, insertValues, upsertEdition } from '../../db/repositories/benchmarks.ts';
import { readSheet } from '../../lib/sheet.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorize } from '../kernel/policies.ts';
import { parseDataCenter, type TImportProblem } from './data-center.ts';
import { ensureBundledBenchmarks } from './ensure-bundled-benchmarks.ts';

export type { TImportProblem } from './data-center.ts';

/** Thrown with every problem, each with its row number, when a file cannot be imported. */
export class BenchmarksRejected extends AppError {
  constructor(public readonly problems: TImportProblem[]) {
    super('invalid_input', 'bm.error.rejected', { count: problems.length });
  }
}

/** How to import. */
export interface TImportOptions {
  /** The file's name, kept with the edition. */
  fileName: string;
  /** The survey year, when the file has no Survey Year column (or to check it). */
  edition?: number | undefined;
  /** Check everything and report, store nothing. */
  dryRun?: boolean | undefined;
  /** Replace an edition already loaded. */
  replace?: boolean | undefined;
  /** Import the good rows and report the bad ones instead of refusing the file. */
  skipInvalid?: boolean | undefined;
}

/** What an import did (or would do, on a dry run). */
export interface TImportReport {
  year: number;
  countries: number;
  skipped: TImportProblem[];
  replaced: boolean;
  stored: boolean;
}

/** Checks a Data Center file and stores its edition; throws BenchmarksRejected with row-numbered problems. */
export async function importBenchmarks(ctx: Ctx, actor: Actor | undefined, file: Buffer, opts: TImportOptions): Promise<TImportReport> {
  authorize(actor, 'benchmark.manage');
  if (opts.edition !== undefined && (!Number.isInteger(opts.edition) || opts.edition < 2001 || opts.edition > 2100)) {
    throw new BenchmarksRejected([{ row: 0, key: 'bm.problem.bad_year', params: { value: String(opts.edition) } }]);
  }
  let table;
  try {
    table = await readSheet(file);
  } catch (e) {
    throw new BenchmarksRejected([{ row: 0, key: 'bm.problem.unreadable', params: { reason: (e as Error).message } }]);
  }
  const parsed = parseDataCenter(table, opts.edition);
  if (parsed.fileProblems.length) throw new BenchmarksRejected(parsed.fileProblems);
  if (parsed.rowProblems.length && !opts.skipInvalid) throw new BenchmarksRejected(parsed.rowProblems);
  const year = parsed.year as number;
  if (parsed.rows.length === 0) throw new BenchmarksRejected([...parsed.rowProblems, { row: 1, key: 'bm.problem.empty', params: {} }]);
  // The bundled editions first, so that importing a bundled year counts as a replacement.
  await ensureBundledBenchmarks(ctx);
  const exists = (await editionYears(ctx.db.kysely)).includes(year);
  if (exists && !opts.replace) throw new AppError('conflict', 'bm.error.edition_exists', { year });
  const report: TImportReport = { year, countries: parsed.rows.length, skipped: parsed.rowProblems, replaced: exists, stored: false };
  if (opts.dryRun) return report;
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = exists ? await countRealValues(trx, year) : undefined;
    if (exists) await deleteRealValues(trx, year);
    await upsertEdition(trx, {
      year,
      source: `United Nations E-Government Survey ${year} (UN DESA), UN E-Government Knowledgebase Data Center, file ${opts.fileName}`,
      origin: 'import',
      file_name: opts.fileName,
      countries: parsed.rows.length,
      imported_at: at,
      imported_by: actor.id,
    });
    await insertValues(trx, parsed.rows.map((r) => ({ year, iso3: r.iso3, egdi: r.egdi, epi: r.epi, osi: r.osi, hci: r.hci, tii: r.tii, egdi_rank: r.egdiRank })));
    await audit(trx, {
      at,
      actorId: actor.id,
      action: 'benchmarks.import',
      entityType: 'benchmark_edition',
      entityId: String(year),
      ...(before !== undefined ? { before: { year, countries: before } } : {}),
      after: { year, countries: parsed.rows.length, file: opts.fileName, skippedRows: parsed.rowProblems.map((p) => p.row), replaced: exists },
    });
  });
  return { ...report, stored: true };
}
