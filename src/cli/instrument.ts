// `metep instrument …`: validate, list, export and import instrument versions; sign off a translation.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { OPERATOR } from '../domain/kernel/context.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { importInstrument, InstrumentRejected } from '../domain/instruments/import-instrument.ts';
import { importTranslations } from '../domain/instruments/import-translations.ts';
import { getInstrument } from '../domain/instruments/get-instrument.ts';
import { listInstruments } from '../domain/instruments/list-instruments.ts';
import { loadInstrument } from '../instrument/loader.ts';
import { allItems } from '../instrument/model.ts';
import { isPulseDocument } from '../instrument/pulse/loader.ts';
import { checkPulseInstrument, isScored } from '../instrument/pulse/schema.ts';
import { exportTranslationsXlsx } from '../domain/translations/export-translations-xlsx.ts';
import { exportXliff } from '../domain/translations/export-xliff.ts';
import { publishTranslation } from '../domain/translations/publish-translation.ts';
import { t } from '../i18n/index.ts';
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

// A citizen pulse instrument is one JSON file marked `"kind": "citizen-pulse"`; anything else is a METEP
// instrument (file or folder) and goes to its own checks.
function pulseDocument(path: string): unknown {
  if (!path.endsWith('.json') || statSync(path, { throwIfNoEntry: false })?.isFile() !== true) return undefined;
  try {
    const doc: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isPulseDocument(doc) ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** Checks an instrument file or folder and lists every problem by item and field. */
export const validate: CommandRun = async ({ positionals }) => {
  const [path] = positionals;
  if (!path) throw new UsageError('give the instrument file or folder to validate');
  const pulse = pulseDocument(path);
  if (pulse !== undefined) {
    const c = checkPulseInstrument(pulse);
    if (!c.ok) {
      process.stderr.write(`${path}: ${c.problems.length} problem(s)\n${c.problems.map((p) => `  ${p}`).join('\n')}\n`);
      return 1;
    }
    const scored = c.instrument.questions.filter(isScored).length;
    process.stdout.write(`${path}: valid — citizen pulse ${c.instrument.key} ${c.instrument.version} (${c.instrument.status}), ${c.instrument.questions.length} questions (${scored} compared on a stage), languages: ${c.instrument.languages.join(', ')}\n`);
    return 0;
  }
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

const FORMATS = ['json', 'xlsx', 'xliff', 'xlsform', 'xform'] as const;

/** Writes an instrument version as merged JSON, a translators' XLSX, one language as XLIFF 2.0, an XLSForm or an XForm. */
export const exportInstrument: CommandRun = async ({ values, config }) => {
  const format = String(values.format) as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (format === 'xliff' && !values.lang) throw new UsageError('--format xliff needs --lang (ar, es, fr, ru or zh)');
  const body = await withCtx(
    config(),
    async (ctx) => {
      const { instrument } = await getInstrument(ctx, String(values.key), values.version as string | undefined).catch(rejected);
      if (format === 'xliff') return Buffer.from(await exportXliff(ctx, OPERATOR, `${instrument.key}@${instrument.version}`, String(values.lang)).catch(rejected));
      return format === 'json' ? Buffer.from(`${JSON.stringify(instrument, null, 2)}\n`)
        : format === 'xlsx' ? await exportTranslationsXlsx(ctx, OPERATOR, instrument)
        : format === 'xlsform' ? await instrumentToXlsForm(instrument, GROUPS)
        : Buffer.from(instrumentToXform(instrument, GROUPS));
    },
    { existing: true },
  );
  const binary = format === 'xlsx' || format === 'xlsform';
  if (values.out) writeFileSync(String(values.out), body);
  else if (binary && process.stdout.isTTY) throw new UsageError('an XLSX file is binary: give --out FILE or redirect the output');
  else process.stdout.write(body);
  return 0;
};

/** Stores a new instrument version from a JSON instrument, a translated XLSX or an XLIFF 2.0 file. */
export const importFile: CommandRun = async ({ positionals, values, config }) => {
  const [file] = positionals;
  if (!file) throw new UsageError('give the file to import');
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const isXlsx = buf.subarray(0, 2).toString() === 'PK' || /^(\uFEFF)?\s*<\?xml|^\s*<xliff/.test(buf.subarray(0, 64).toString('utf8'));
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

/** Signs off one language of an instrument version as approved (all its texts must be approved). */
export const publishLanguage: CommandRun = async ({ values, config }) => {
  if (!values.lang) throw new UsageError('give --lang (ar, es, fr, ru or zh)');
  const lang = String(values.lang);
  const scope = await withCtx(config(), async (ctx) => {
    const { instrument } = await getInstrument(ctx, String(values.key), values.version as string | undefined).catch(rejected);
    const scope = `${instrument.key}@${instrument.version}`;
    await publishTranslation(ctx, OPERATOR, scope, lang).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'conflict') throw new UsageError(t('en', e.messageKey, e.params));
      return rejected(e);
    });
    return scope;
  });
  process.stdout.write(`${scope} ${lang}: published as an approved translation.\n`);
  return 0;
};
