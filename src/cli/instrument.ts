// `metep instrument …`: validate, list, export and import instrument versions.
import { readFileSync, writeFileSync } from 'node:fs';
import { OPERATOR } from '../domain/kernel/context.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { importInstrument, InstrumentRejected } from '../domain/instruments/import-instrument.ts';
import { importTranslations } from '../domain/instruments/import-translations.ts';
import { getInstrument } from '../domain/instruments/get-instrument.ts';
import { listInstruments } from '../domain/instruments/list-instruments.ts';
import { loadInstrument } from '../instrument/loader.ts';
import { allItems } from '../instrument/model.ts';
import { instrumentToXlsx } from '../instrument/xlsx.ts';
import { instrumentToXform } from '../instrument/xform.ts';
import { instrumentToXlsForm } from '../instrument/xlsform.ts';
import { GROUPS } from '../domain/kernel/groups.ts';
import { withCtx } from './context.ts';
import { UsageError, type CommandRun } from './index.ts';

function rejected(e: unknown): never {
  if (e instanceof InstrumentRejected) throw new UsageError(`refused — ${e.problems.length} problem(s):\n${e.problems.map((p) => `  ${p}`).join('\n')}`);
  if (e instanceof AppError && e.code === 'not_found') throw new UsageError('no such instrument version (see `metep instrument list`)');
  throw e;
}

/** Checks an instrument file or folder and lists every problem by item and field. */
export const validate: CommandRun = async ({ positionals }) => {
  const [path] = positionals;
  if (!path) throw new UsageError('give the instrument file or folder to validate');
  const r = loadInstrument(path);
  if (!r.ok) {
    process.stderr.write(`${path}: ${r.problems.length} problem(s)\n${r.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  const items = allItems(r.instrument).map(({ item }) => item);
  const scored = items.filter((i) => i.type !== 'text').length;
  process.stdout.write(
    `${path}: valid — ${r.instrument.key} ${r.instrument.version} (${r.instrument.status}), ${items.length} items (${scored} scored), languages: ${Object.keys(r.instrument.languages).join(', ')}\n`,
  );
  return 0;
};

/** Lists the instrument versions stored in this installation. */
export const list: CommandRun = async ({ config }) => {
  const rows = await withCtx(config(), (ctx) => listInstruments(ctx), { existing: true });
  for (const r of rows) process.stdout.write(`${r.instrument_key}\t${r.version}\t${r.status}\t${r.created_at}${r.previous_version ? `\tafter ${r.previous_version}` : ''}\n`);
  return 0;
};

const FORMATS = ['json', 'xlsx', 'xlsform', 'xform'] as const;

/** Writes an instrument version as merged JSON, a translators' XLSX, an XLSForm or an XForm. */
export const exportInstrument: CommandRun = async ({ values, config }) => {
  const format = String(values.format) as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const { instrument } = await withCtx(config(), (ctx) => getInstrument(ctx, String(values.key), values.version as string | undefined).catch(rejected), { existing: true });
  const body =
    format === 'json' ? Buffer.from(`${JSON.stringify(instrument, null, 2)}\n`)
    : format === 'xlsx' ? await instrumentToXlsx(instrument)
    : format === 'xlsform' ? await instrumentToXlsForm(instrument, GROUPS)
    : Buffer.from(instrumentToXform(instrument, GROUPS));
  const binary = format === 'xlsx' || format === 'xlsform';
  if (values.out) writeFileSync(String(values.out), body);
  else if (binary && process.stdout.isTTY) throw new UsageError('an XLSX file is binary: give --out FILE or redirect the output');
  else process.stdout.write(body);
  return 0;
};

/** Stores a new instrument version from a JSON instrument or a translated XLSX. */
export const importFile: CommandRun = async ({ positionals, values, config }) => {
  const [file] = positionals;
  if (!file) throw new UsageError('give the file to import');
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const isXlsx = buf.subarray(0, 2).toString() === 'PK';
  const msg = await withCtx(config(), async (ctx) => {
    if (isXlsx) {
      const r = await importTranslations(ctx, OPERATOR, buf, values.version as string | undefined).catch(rejected);
      return `Imported as version ${r.version} (draft), ${r.changed} text(s) changed.`;
    }
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(buf.toString('utf8'));
    } catch (e) {
      throw new UsageError(`${file} is neither XLSX nor valid JSON: ${(e as Error).message}`);
    }
    if (values.version) doc.version = values.version;
    const r = await importInstrument(ctx, OPERATOR, doc).catch(rejected);
    return `Imported ${r.instrument.key} ${r.instrument.version} (${r.instrument.status}).`;
  });
  process.stdout.write(`${msg}\n`);
  return 0;
};
