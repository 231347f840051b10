// Use case: the translators' XLSX of an instrument version as METEP holds it now — each language's texts
// with the workbench's edits applied, and each text's review status in the "status" column — so the
// spreadsheet round trip and the workbench never undo each other.
import { listStatuses } from '../../db/repositories/translations.ts';
import type { TInstrument, TLang } from '../../instrument/schema.ts';
import { applyTexts } from '../../instrument/texts.ts';
import { instrumentToXlsx } from '../../instrument/xlsx.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { authorize } from '../kernel/policies.ts';
import { loadScopeStrings } from './load-scope-strings.ts';
import { effectiveStatuses, instrumentScope } from './translation-model.ts';

/** The XLSX workbook of `inst` with workbench edits and statuses. */
export async function exportTranslationsXlsx(ctx: Ctx, actor: Actor | undefined, inst: TInstrument): Promise<Buffer> {
  authorize(actor, 'instrument.manage');
  const scope = instrumentScope(inst);
  let doc = inst;
  const statuses = new Map<string, Map<string, string>>();
  for (const lang of Object.keys(inst.languages) as TLang[]) {
    if (lang === inst.sourceLanguage) continue;
    const { strings, shipped } = await loadScopeStrings(ctx, scope, lang);
    const edited = new Map(strings.filter((s) => (s.revision ?? 0) > 0 && s.text).map((s) => [s.key, s.text!]));
    if (edited.size) doc = applyTexts(doc, lang, edited).instrument;
    const eff = effectiveStatuses(strings, await listStatuses(ctx.db.kysely, scope, lang), shipped);
    statuses.set(lang, new Map([...eff].map(([k, v]) => [k, v.missing ? '' : v.status])));
  }
  return instrumentToXlsx(doc, statuses);
}
