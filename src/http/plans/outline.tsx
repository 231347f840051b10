// The strategy outline of a plan: narrative sections, then one objective per pillar with the actions grouped
// under it (an action sits under the first of its pillars), then the remaining sections. Each action is a
// card of facts linking to its own page, where it is edited or its progress recorded.
import { type TPlanAction, type TPlanData, NARRATIVE_SECTIONS, objectiveKey } from '../../domain/plans/plan-model.ts';
import { recommendedAction } from '../../domain/plans/plan-draft.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { allPillars } from '../../instrument/model.ts';
import type { TInstrument } from '../../instrument/schema.ts';
import { Bdi, UserText } from '../kit/bidi.tsx';
import { Pairs, type TPair } from '../kit/dl.tsx';
import { num, quarterLabel } from '../kit/format.ts';
import { txt } from '../kit/instrument-text.tsx';
import { assessmentPaths } from '../paths.ts';
import { priorityText } from './form-parts.tsx';

/** What the outline needs. */
export interface TOutlineProps {
  t: TFn;
  locale: TLocale;
  inst: TInstrument;
  assessmentId: string;
  d: TPlanData;
  editable: boolean;
}

/** A section's title: a narrative section's name, or "Objective" for a pillar. */
function sectionTitle(t: TFn, key: string): string {
  return key.startsWith('objective.') ? t('plan.objective') : t(`plan.section.${key}`);
}

/** Typed text in paragraphs (blank lines separate them), each taking its own direction. */
export function Paragraphs(p: { text: string }) {
  return (
    <>
      {p.text.split(/\n\s*\n/).map((para) => (
        <UserText>{para}</UserText>
      ))}
    </>
  );
}

/** One narrative section with its edit link. */
function Section(p: TOutlineProps & { k: string; level: 'h3' | 'h5' }) {
  const s = p.d.sections.get(p.k);
  const H = p.level;
  return (
    <div class="plan-section">
      <H>{sectionTitle(p.t, p.k)}</H>
      {s ? <Paragraphs text={s.body} /> : <p class="muted">{p.t('plan.section_empty')}</p>}
      {p.editable && (
        <p>
          <a href={assessmentPaths(p.assessmentId).planSection(p.k)}>{p.t('plan.edit_section', { section: sectionTitle(p.t, p.k) })}</a>
        </p>
      )}
    </div>
  );
}

/** The facts of one action, as on its card and its own page. */
export function actionFacts(t: TFn, locale: TLocale, inst: TInstrument, d: TPlanData, a: TPlanAction): (TPair | false | null | '')[] {
  const org = new Map(d.organisations.map((o) => [o.id, o.name]));
  const rec = recommendedAction(inst, a.action_key);
  const unit = t(`plan.unit.${a.indicator_unit}`);
  return [
    [t('plan.field.lead'), a.lead_org && org.get(a.lead_org) ? <Bdi>{org.get(a.lead_org)}</Bdi> : rec ? t('plan.lead_recommended', { lead: t(`lead.${rec.lead}`) }) : t('plan.not_decided')],
    a.partners.length > 0 && [t('plan.field.partners'), a.partners.map((id, i) => <>{i > 0 && t('plan.list_separator')}<Bdi>{org.get(id) ?? '?'}</Bdi></>)],
    [t('plan.period'), t('plan.period_value', { start: quarterLabel(t, a.start_q), end: quarterLabel(t, a.end_q) })],
    [t('plan.field.indicator'), a.indicator ? <><UserText as="span">{a.indicator}</UserText>{' '}{t('plan.indicator_values', { baseline: num(locale, a.baseline, 2), target: num(locale, a.target, 2), unit })}</> : t('plan.not_decided')],
    [t('plan.field.budget'), a.budget ? t(`plan.budget.${a.budget}`) : t('plan.not_decided')],
    [t('plan.field.status'), <>{t(`plan.status.${a.currentStatus}`)}{a.completion && <>{' · '}{t(`plan.completion.${a.completion}`)}</>}</>],
    a.currentStatus === 'dropped' && a.drop_reason && [t('plan.field.dropReason'), <UserText as="span">{a.drop_reason}</UserText>],
    a.items.length > 0 && [t('plan.field.items'), <span dir="ltr">{a.items.join(', ')}</span>],
    a.sdg.length > 0 && [t('plan.field.sdg'), <span dir="ltr">{a.sdg.join(', ')}</span>],
    [t('plan.priority'), priorityText(locale, a.priority)],
  ];
}

/** One action as a card: number, title linking to its page, its facts. */
function ActionCard(p: TOutlineProps & { a: TPlanAction }) {
  const { t, a } = p;
  return (
    <li class="card" id={`action-${a.id}`}>
      <h5>
        <a href={assessmentPaths(p.assessmentId).planAction(a.id)}>
          {`${a.position}. `}
          <UserText as="span">{a.title}</UserText>
        </a>
      </h5>
      <Pairs pairs={actionFacts(t, p.locale, p.inst, p.d, a)} />
    </li>
  );
}

/** The outline: context and vision, objectives with their actions per pillar, governance and monitoring. */
export function Outline(p: TOutlineProps) {
  const { t, locale, inst, d } = p;
  const pillars = allPillars(inst);
  const under = (id: string) => d.actions.filter((a) => a.pillars[0] === id);
  const known = new Set(pillars.map((x) => x.id));
  const other = d.actions.filter((a) => !a.pillars[0] || !known.has(a.pillars[0]));
  const [first, second, ...rest] = NARRATIVE_SECTIONS;
  return (
    <>
      <section aria-labelledby="plan-narrative-h">
        <h3 id="plan-narrative-h" class="visually-hidden">{t('plan.narrative')}</h3>
        {[first, second].map((k) => k && <Section {...p} k={k} level="h3" />)}
      </section>
      <section aria-labelledby="plan-objectives-h">
        <h3 id="plan-objectives-h">{t('plan.objectives_actions', { count: d.actions.length })}</h3>
        {pillars
          .filter((x) => under(x.id).length > 0 || d.sections.has(objectiveKey(x.id)))
          .map((x) => (
            <section aria-labelledby={`pillar-${x.id}-h`} class="plan-pillar">
              <h4 id={`pillar-${x.id}-h`}>{`${x.id} · ${txt(inst, x.title, locale)}`}</h4>
              <Section {...p} k={objectiveKey(x.id)} level="h5" />
              <ul class="cards plan-actions">
                {under(x.id).map((a) => (
                  <ActionCard {...p} a={a} />
                ))}
              </ul>
            </section>
          ))}
        {other.length > 0 && (
          <section aria-labelledby="pillar-other-h" class="plan-pillar">
            <h4 id="pillar-other-h">{t('plan.other_actions')}</h4>
            <ul class="cards plan-actions">
              {other.map((a) => (
                <ActionCard {...p} a={a} />
              ))}
            </ul>
          </section>
        )}
      </section>
      <section aria-labelledby="plan-follow-h">
        <h3 id="plan-follow-h" class="visually-hidden">{t('plan.follow_up')}</h3>
        {rest.map((k) => (
          <Section {...p} k={k} level="h3" />
        ))}
      </section>
    </>
  );
}
