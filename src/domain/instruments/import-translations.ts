// Use case: turn a translators' spreadsheet (XLSX) or an XLIFF 2.0 file into a new draft version of the
// instrument it came from.
import type { TLang } from '../../instrument/schema.ts';
import { applyTexts } from '../../instrument/texts.ts';
import { xlsxToTexts } from '../../instrument/xlsx.ts';
import { xliffToTexts } from '../../instrument/xliff.ts';
import { allItems } from '../../instrument/model.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { importInstrument, InstrumentRejected } from './import-instrument.ts';
import { getInstrument } from './get-instrument.ts';
import { listInstruments } from './list-instruments.ts';
import { authorize } from '../kernel/policies.ts';
import { recordImportedStatuses } from '../translations/record-imported-statuses.ts';

/** Whether a file is XML (XLIFF) rather than a zip (XLSX): it starts with "<" after an optional BOM and spaces. */
export function isXml(buf: Buffer): boolean {
  return /^(\uFEFF)?\s*</.test(buf.subarray(0, 64).toString('utf8'));
}

/** Imports the spreadsheet or XLIFF file as a new version (`version`, or the next free minor version); returns it. */
export async function importTranslations(ctx: Ctx, actor: Actor | undefined, buf: Buffer, version?: string): Promise<{ version: string; changed: number }> {
  authorize(actor, 'instrument.manage');
  let sheet;
  try {
    sheet = isXml(buf) ? xliffToTexts(buf.toString('utf8')) : await xlsxToTexts(buf);
  } catch (e) {
    throw new InstrumentRejected([(e as Error).message]);
  }
  const { instrument: base } = await getInstrument(ctx, sheet.key, sheet.version).catch(() => {
    throw new InstrumentRejected([`the spreadsheet comes from ${sheet.key} ${sheet.version}, which this installation does not have`]);
  });
  let inst = base;
  let changed = 0;
  const unknown: string[] = [];
  for (const [lang, texts] of sheet.texts) {
    if (!(lang in base.languages)) {
      unknown.push(`sheet ${lang}: the instrument has no ${lang} language`);
      continue;
    }
    const r = applyTexts(inst, lang as TLang, texts);
    inst = r.instrument;
    changed += r.changed;
    unknown.push(...r.unknown.map((k) => `sheet ${lang}: unknown key ${k} (keys in column A must not be changed)`));
  }
  if (unknown.length) throw new InstrumentRejected(unknown);
  const existing = new Set((await listInstruments(ctx)).filter((r) => r.instrument_key === base.key).map((r) => r.version));
  let next = version;
  if (!next) {
    const [year, minor] = base.version.split('.').map(Number) as [number, number];
    let m = minor + 1;
    while (existing.has(`${year}.${m}`)) m++;
    next = `${year}.${m}`;
  }
  const ids = Object.fromEntries(allItems(inst).map(({ item }) => [item.id, item.id]));
  const r = await importInstrument(ctx, actor, { ...inst, version: next, status: 'draft', crosswalk: { from: base.version, map: ids } });
  // The review statuses follow the texts into the new version (changed texts are drafts).
  await recordImportedStatuses(ctx, actor, base, r.instrument, sheet.statuses);
  return { version: next, changed };
}
