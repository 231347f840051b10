// Use case: at validation the coordinator accepts, in one step, the computed default answers of every item
// the respondents already agree on (agreement ≥ CONSENSUAL_AGREEMENT, docs/METHODOLOGY.md §9), so the
// workshop spends its time on the contested ones. Each becomes a workshop decision of its own, attributed to
// the coordinator, with a rationale that states the rule and the item's agreement, and an audit entry.
// Items with a decision are left alone — also one a facilitator records while this runs (its revision 1
// exists, so this insert does nothing).
import { z } from 'zod';
import { insertConsensus } from '../../db/repositories/workshop.ts';
import { formatNumber, isLocale, t, type TLocale } from '../../i18n/index.ts';
import { CONSENSUAL_AGREEMENT, consensualDefaults } from '../../scoring/consensual.ts';
import { loadAnswerSet } from '../results/load-answer-set.ts';
import { decisionsOpen } from '../workshop/record-consensus.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { announce } from '../kernel/live.ts';
import { parseInput } from '../kernel/validate.ts';
import { newId } from '../../lib/tokens.ts';
import { typedNumber } from '../kernel/schemas.ts';

const ZAccept = z.object({
  /** How many items the page offered: when it no longer matches, the coordinator sees the new list first. */
  expected: z.preprocess(typedNumber, z.coerce.number({ error: 'error.form_invalid' }).int({ error: 'error.form_invalid' }).min(1, { error: 'error.form_invalid' }).max(100000, { error: 'error.form_invalid' })),
});

/** Two decimals, as the rationale shows an agreement and the threshold. */
function two(locale: TLocale, x: number): string {
  return formatNumber(locale, x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Records the consensual defaults as decisions; returns how many were recorded. */
export async function acceptConsensualDefaults(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown, locale: string): Promise<number> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'assessment.change_state');
  const a = access.assessment;
  if (!decisionsOpen(a.state)) throw new AppError('conflict', 'error.workshop_closed', { state: a.state });
  const { expected } = parseInput(ZAccept, input);
  const set = await loadAnswerSet(ctx, access);
  const items = consensualDefaults(set.consolidation.items, new Set(set.current.keys()));
  if (items.length !== expected) throw new AppError('conflict', 'error.consensual_changed', { count: items.length });
  const lang: TLocale = isLocale(locale) ? locale : 'en';
  const at = ctx.now().toISOString();
  let recorded = 0;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const it of items) {
      const rationale = t(lang, 'val.consensual_rationale', { agreement: two(lang, it.agreement ?? 0), threshold: two(lang, CONSENSUAL_AGREEMENT), n: it.n });
      const row = { id: newId(), assessment_id: a.id, item_id: it.id, revision: 1, value_json: JSON.stringify(it.defaultAnswer), rationale, dissent: null, decided_by: access.actor.id, decided_at: at };
      if (!(await insertConsensus(trx, row))) continue;
      recorded++;
      await audit(trx, { at, actorId: access.actor.id, action: 'consensus.accept_default', entityType: 'item', entityId: `${a.id}/${it.id}`, after: { revision: 1, value: it.defaultAnswer, rationale, agreement: it.agreement, threshold: CONSENSUAL_AGREEMENT, respondents: it.n } });
    }
  });
  await announce(ctx, a.id, 'consensus');
  return recorded;
}
