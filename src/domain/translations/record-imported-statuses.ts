// When a translators' file (XLSX or XLIFF) becomes a new instrument version, the review statuses follow the
// texts: a text that changed (or whose English changed) is a draft; an unchanged one keeps the lower of its
// status in METEP and the status the file gives it. A file can lower a status, never raise one: approving
// happens in the workbench, by a reviewer, on the record.
import { listStatuses, upsertStatuses } from '../../db/repositories/translations.ts';
import type { TranslationStatusTable } from '../../db/schema.ts';
import type { TInstrument, TLang } from '../../instrument/schema.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { loadScopeStrings } from './load-scope-strings.ts';
import { effectiveStatuses, instrumentScope, instrumentStrings, REVIEW_STATUSES, sourceHash, type TReviewStatus } from './translation-model.ts';

const rank = (s: string | undefined): number => (REVIEW_STATUSES as readonly string[]).indexOf(s ?? '');

/** Writes the statuses of `next` (just imported from `base`'s file) in every translated language. */
export async function recordImportedStatuses(ctx: Ctx, actor: Actor, base: TInstrument, next: TInstrument, fileStatuses: ReadonlyMap<string, ReadonlyMap<string, string>>): Promise<void> {
  const at = ctx.now().toISOString();
  const baseScope = instrumentScope(base);
  const rows: TranslationStatusTable[] = [];
  for (const lang of Object.keys(next.languages) as TLang[]) {
    if (lang === next.sourceLanguage || !(lang in base.languages)) continue;
    const { strings, shipped } = await loadScopeStrings(ctx, baseScope, lang);
    const stored = await listStatuses(ctx.db.kysely, baseScope, lang);
    const before = effectiveStatuses(strings, stored, shipped);
    const byKey = new Map(strings.map((s) => [s.key, s]));
    const storedByKey = new Map(stored.map((r) => [r.string_key, r]));
    const file = fileStatuses.get(lang);
    for (const s of instrumentStrings(next, lang)) {
      if (!s.text) continue;
      const b = byKey.get(s.key);
      const was = before.get(s.key);
      const unchanged = !!b && !!was && b.text === s.text && b.source === s.source;
      let status: TReviewStatus = 'draft';
      if (unchanged) {
        const fromFile = rank(file?.get(s.key));
        status = REVIEW_STATUSES[fromFile >= 0 ? Math.min(fromFile, rank(was.status)) : rank(was.status)]!;
      }
      const row = storedByKey.get(s.key);
      const keepWho = unchanged && row && status === was?.status;
      rows.push({ scope: instrumentScope(next), lang, string_key: s.key, status, source_hash: sourceHash(s.source), reviewed_by: keepWho ? row.reviewed_by : actor.id, reviewed_at: keepWho ? row.reviewed_at : at });
    }
  }
  await ctx.db.kysely.transaction().execute((trx) => upsertStatuses(trx, rows));
}
