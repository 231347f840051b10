// The plan page: the assessment's own plan (status, downloads, adoption, the outline), or before there is
// one the draft the results suggest with the button that creates it; then the plan carried over from the
// previous cycle with its progress and the before/after of each action.
import type { TPlanPage } from '../../domain/plans/get-plan.ts';
import { type TDraft, instrumentText } from '../../domain/plans/plan-draft.ts';
import type { TCarried } from '../../domain/plans/plan-scope.ts';
import type { TActionEffect } from '../../scoring/plan-effects.ts';
import { ENDONYM, LOCALES, type TFn, type TLocale } from '../../i18n/index.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { UserText } from '../kit/bidi.tsx';
import { Pairs } from '../kit/dl.tsx';
import { date, delta, score } from '../kit/format.ts';
import { ErrorSummary, SelectField } from '../kit/forms.tsx';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';
import { priorityText } from './form-parts.tsx';
import { Outline } from './outline.tsx';

type TPageProps = { t: TFn; locale: TLocale; pg: TPlanPage; error?: string | undefined };

/** Status, downloads and the coordinator's buttons for the assessment's own plan. */
function PlanStatus(p: TPageProps) {
  const { t, locale, pg } = p;
  const d = pg.own;
  if (!d) return null;
  const ap = assessmentPaths(pg.access.assessment.id);
  const draft = d.plan.status === 'draft';
  return (
    <section aria-labelledby="plan-status-h" class="card">
      <h3 id="plan-status-h">{t('plan.version', { version: d.plan.version })}</h3>
      <Pairs
        pairs={[
          [t('plan.field.status'), <span class={`badge plan-${d.plan.status}`}>{t(`plan.state.${d.plan.status}`)}</span>],
          d.plan.adopted_at && [t('plan.adopted_on'), date(locale, d.plan.adopted_at, 'long')],
          [t('plan.language'), ENDONYM[d.plan.language as TLocale] ?? d.plan.language],
        ]}
      />
      <p>{draft ? t('plan.draft_explain') : t('plan.adopted_explain')}</p>
      <div class="actions">
        <a href={ap.planTimeline}>{t('plan.timeline')}</a>
        <a href={ap.planXlsx}>{t('plan.download_xlsx')}</a>
        <a href={ap.planCsv}>{t('plan.download_csv')}</a>
        <a href={ap.planJson}>{t('plan.download_json')}</a>
      </div>
      {draft && pg.access.may('plan.edit') && (
        <p>
          <a class="button secondary" href={ap.planActionNew}>{t('plan.add_action')}</a>
        </p>
      )}
      {draft && pg.access.may('plan.adopt') && (
        <form method="post" action={ap.planAdopt}>
          <p class="hint" id="adopt-hint">{t('plan.adopt_hint')}</p>
          <button type="submit" aria-describedby="adopt-hint">{t('plan.adopt')}</button>
        </form>
      )}
      {!draft && pg.access.may('plan.adopt') && (
        <form method="post" action={ap.planVersions}>
          <p class="hint" id="version-hint">{t('plan.new_version_hint')}</p>
          <button type="submit" class="secondary" aria-describedby="version-hint">{t('plan.new_version')}</button>
        </form>
      )}
    </section>
  );
}

/** The draft the results suggest, before a plan exists; with the button that creates it once validated. */
function Preview(p: TPageProps & { draft: TDraft | undefined }) {
  const { t, locale, pg } = p;
  const inst = pg.access.instrument;
  const a = pg.access.assessment;
  return (
    <section aria-labelledby="plan-preview-h">
      <h3 id="plan-preview-h">{t('plan.suggested')}</h3>
      {!p.draft ? (
        <p class="notice">{t('plan.no_results_yet', { state: t(`state.${a.state}`) })}</p>
      ) : (
        <>
          <p class={pg.canGenerate ? 'notice' : 'provisional'} role="note">
            {pg.canGenerate ? t('plan.suggested_explain', { reference: score(locale, p.draft.reference) }) : t('plan.preview_explain', { reference: score(locale, p.draft.reference) })}
          </p>
          {pg.canGenerate && (
            <form method="post" action={assessmentPaths(a.id).planGenerate} class="card">
              <SelectField name="language" label={t('plan.language')} hint={t('plan.language_hint')} value={locale} options={LOCALES.map((l) => [l, ENDONYM[l]] as const)} />
              <button type="submit">{t('plan.generate')}</button>
            </form>
          )}
          <DataTable
            t={t}
            caption={t('plan.suggested_caption', { count: p.draft.actions.length, size: p.draft.size })}
            rows={p.draft.actions}
            rowClass={(x) => (p.draft && p.draft.actions.indexOf(x) >= p.draft.size ? 'muted' : undefined)}
            columns={[
              { head: '#', num: true, cell: (_x, i) => String(i + 1) },
              { head: t('plan.priority'), num: true, cell: (x) => priorityText(locale, x.priority) },
              { head: t('plan.field.title'), cell: (x) => instrumentText(inst, x.recommended.text, locale) },
              { head: t('plan.field.items'), cell: (x) => <span dir="ltr">{x.items.join(', ')}</span> },
              { head: t('plan.lead_type'), cell: (x) => t(`lead.${x.recommended.lead}`) },
              { head: t('plan.horizon'), cell: (x) => t(`horizon.${x.recommended.horizon}`) },
            ]}
          />
        </>
      )}
    </section>
  );
}

/** The table of a carried plan's actions: status, completion and the before/after of their linked items. */
export function EffectsTable(p: { t: TFn; locale: TLocale; assessmentId: string; carried: Pick<TCarried, 'plan'>; effects: Map<string, TActionEffect>; year: number; caption: string; link: boolean }) {
  const { t, locale } = p;
  return (
    <DataTable
      t={t}
      caption={p.caption}
      rows={p.carried.plan.actions}
      columns={[
        { head: t('plan.field.title'), rowHeader: true, cell: (a) => (p.link ? <a href={assessmentPaths(p.assessmentId).planAction(a.id)}><UserText as="span">{`${a.position}. ${a.title}`}</UserText></a> : <UserText as="span">{`${a.position}. ${a.title}`}</UserText>) },
        { head: t('plan.before', { year: p.year }), num: true, cell: (a) => score(locale, p.effects.get(a.id)?.before) },
        { head: t('plan.after'), num: true, cell: (a) => score(locale, p.effects.get(a.id)?.after) },
        { head: t('res.change'), num: true, cell: (a) => delta(locale, p.effects.get(a.id)?.after, p.effects.get(a.id)?.before) },
        { head: t('plan.field.status'), cell: (a) => t(`plan.status.${a.currentStatus}`) },
        { head: t('plan.completion'), cell: (a) => (a.completion ? t(`plan.completion.${a.completion}`) : '–') },
        { head: t('plan.field.items'), cell: (a) => <span dir="ltr">{a.items.join(', ')}</span> },
      ]}
    />
  );
}

/** The previous cycle's adopted plan, tracked in this cycle. */
function Carried(p: TPageProps & { carried: TCarried }) {
  const { t, pg } = p;
  const year = p.carried.access.assessment.cycle_year;
  return (
    <section aria-labelledby="plan-carried-h">
      <h3 id="plan-carried-h">{t('plan.carried_title', { year })}</h3>
      <p>{t('plan.carried_explain', { year })}</p>
      <p>
        <a href={assessmentPaths(pg.access.assessment.id).planTimeline}>{t('plan.timeline')}</a>
      </p>
      <EffectsTable t={t} locale={p.locale} assessmentId={pg.access.assessment.id} carried={p.carried} effects={pg.effects} year={year} caption={t('plan.effects_caption', { year })} link />
      <p class="hint">{t('plan.effects_hint')}</p>
    </section>
  );
}

/** The plan page. */
export function PlanPage(p: TPageProps) {
  const { t, locale, pg } = p;
  const a = pg.access.assessment;
  const d = pg.own;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={pg.access} current={assessmentPaths(a.id).plan} />
      <h2>{t('plan.title')}</h2>
      <ErrorSummary message={p.error} />
      {d ? (
        <>
          <PlanStatus {...p} />
          <Outline t={t} locale={locale} inst={pg.access.instrument} assessmentId={a.id} d={d} editable={d.plan.status === 'draft' && pg.access.may('plan.edit')} />
        </>
      ) : (
        <Preview {...p} draft={pg.preview} />
      )}
      {pg.carried && <Carried {...p} carried={pg.carried} />}
    </>
  );
}
