// "Did what we did move what we measured?": on a later cycle's results, each action of the previous cycle's
// adopted plan with its status and the before/after scores of its linked items (docs/METHODOLOGY.md §16).
import { UserText } from '../kit/bidi.tsx';
import { delta, score } from '../kit/format.ts';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';
import type { TResultsView } from './view.tsx';

/** The before/after section, when the previous cycle adopted a plan this person may read. */
export function PlanEffects(p: { v: TResultsView }) {
  const { t, locale, a, r } = p.v;
  const pe = r.planEffects;
  if (!pe) return null;
  const year = pe.cycleYear;
  return (
    <section aria-labelledby="plan-effects-h">
      <h3 id="plan-effects-h">{t('plan.effects_title', { year })}</h3>
      <p>{t('plan.effects_intro', { year })}</p>
      <DataTable
        t={t}
        caption={t('plan.effects_caption', { year })}
        rows={pe.plan.actions}
        columns={[
          { head: t('plan.field.title'), rowHeader: true, cell: (x) => <a href={assessmentPaths(a.id).planAction(x.id)}><UserText as="span">{`${x.position}. ${x.title}`}</UserText></a> },
          { head: t('plan.before', { year }), num: true, cell: (x) => score(locale, pe.effects.get(x.id)?.before) },
          { head: t('plan.after'), num: true, cell: (x) => score(locale, pe.effects.get(x.id)?.after) },
          { head: t('res.change'), num: true, cell: (x) => delta(locale, pe.effects.get(x.id)?.after, pe.effects.get(x.id)?.before) },
          { head: t('plan.field.status'), cell: (x) => t(`plan.status.${x.currentStatus}`) },
          { head: t('plan.field.items'), cell: (x) => <span dir="ltr">{x.items.join(', ')}</span> },
        ]}
      />
      <p class="hint">{t('plan.effects_hint')}</p>
    </section>
  );
}
