// One action's page: the edit form of a draft plan's action (with a colleague's newer version after a stale
// save, and what was typed kept), or an adopted action's facts with its progress history, the progress
// form, and for a carried action the before/after of its linked items; and the form to add an action.
import { type TPlanActionRow as PlanActionRow, ACTION_STATUSES, BUDGET_BANDS, COMPLETION_LEVELS, INDICATOR_UNITS, quarterOptions, type TPlanData } from '../../domain/plans/plan-model.ts';
import type { TPlanActionPage } from '../../domain/plans/get-plan-action.ts';
import type { TPlanPage } from '../../domain/plans/get-plan.ts';
import { recommendedAction } from '../../domain/plans/plan-draft.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { allPillars } from '../../instrument/model.ts';
import { SDG_TARGETS, type TInstrument } from '../../instrument/schema.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { Bdi, Ltr, UserText } from '../kit/bidi.tsx';
import { Pairs } from '../kit/dl.tsx';
import { dateTime, score } from '../kit/format.ts';
import { ErrorSummary, Field, SelectField } from '../kit/forms.tsx';
import { txt } from '../kit/instrument-text.tsx';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';
import { CheckboxGroup } from './form-parts.tsx';
import { quarterLabel } from '../kit/format.ts';
import { actionFacts } from './outline.tsx';

/** Form values as typed (strings, and lists for checkboxes). */
export type TFormValues = Record<string, string | string[]>;

/** What a form shows after a refused save. */
export interface TFormState {
  error?: string | undefined;
  fields?: Record<string, string> | undefined;
  values?: TFormValues | undefined;
}

const str = (v: TFormValues, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
const arr = (v: TFormValues, k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : typeof v[k] === 'string' && v[k] ? [v[k] as string] : []);
const numText = (x: number | null) => (x === null ? '' : String(x));

/** An action's stored values as the form's fields. */
export function actionFormValues(a: PlanActionRow): TFormValues {
  return {
    title: a.title, description: a.description, leadOrg: a.lead_org ?? '', partners: a.partners, start: a.start_q, end: a.end_q,
    indicator: a.indicator, unit: a.indicator_unit, baseline: numText(a.baseline), target: numText(a.target), budget: a.budget ?? '',
    status: a.status, dropReason: a.drop_reason ?? '', items: a.items.join(', '), pillars: a.pillars, sdg: a.sdg, baseRevision: String(a.revision),
  };
}

/** The action form (edit or add): every field with its error, what was typed kept. */
function ActionForm(p: { t: TFn; locale: TLocale; inst: TInstrument; d: TPlanData; cycleYear: number; action: string; v: TFormValues; state: TFormState; hint?: string | undefined; submit: string }) {
  const { t, locale, v } = p;
  const f = p.state.fields ?? {};
  const orgs = p.d.organisations.map((o) => [o.id, o.name] as const);
  const quarters = quarterOptions(p.cycleYear).map((q) => [q, quarterLabel(t, q)] as const);
  return (
    <form method="post" action={p.action} novalidate class="card">
      <ErrorSummary message={p.state.error} />
      {v.baseRevision !== undefined && <input type="hidden" name="baseRevision" value={str(v, 'baseRevision')} />}
      <Field name="title" label={t('plan.field.title')} value={str(v, 'title')} error={f.title} required multiline />
      <Field name="description" label={t('plan.field.description')} hint={t('plan.description_hint')} value={str(v, 'description')} error={f.description} multiline />
      <SelectField name="leadOrg" label={t('plan.field.lead')} hint={[p.hint, t('plan.lead_not_listed')].filter(Boolean).join(' ')} value={str(v, 'leadOrg')} error={f.leadOrg} options={[['', t('plan.not_decided')], ...orgs]} />
      {orgs.length > 0 && <CheckboxGroup name="partners" legend={t('plan.field.partners')} values={arr(v, 'partners')} options={orgs} error={f.partners} />}
      <SelectField name="start" label={t('plan.field.start')} value={str(v, 'start')} error={f.start} options={quarters} />
      <SelectField name="end" label={t('plan.field.end')} value={str(v, 'end')} error={f.end} options={quarters} />
      <Field name="indicator" label={t('plan.field.indicator')} hint={t('plan.indicator_hint')} value={str(v, 'indicator')} error={f.indicator} />
      <SelectField name="unit" label={t('plan.field.unit')} value={str(v, 'unit')} error={f.unit} options={Object.keys(INDICATOR_UNITS).map((u) => [u, t(`plan.unit_range.${u}`)] as const)} />
      <Field name="baseline" label={t('plan.field.baseline')} value={str(v, 'baseline')} error={f.baseline} />
      <Field name="target" label={t('plan.field.target')} value={str(v, 'target')} error={f.target} />
      <SelectField name="budget" label={t('plan.field.budget')} value={str(v, 'budget')} error={f.budget} options={[['', t('plan.not_decided')], ...BUDGET_BANDS.map((b) => [b, t(`plan.budget.${b}`)] as const)]} />
      <SelectField name="status" label={t('plan.field.status')} value={str(v, 'status') || 'planned'} error={f.status} options={ACTION_STATUSES.map((s) => [s, t(`plan.status.${s}`)] as const)} />
      <Field name="dropReason" label={t('plan.field.dropReason')} hint={t('plan.drop_hint')} value={str(v, 'dropReason')} error={f.dropReason} multiline />
      <Field name="items" label={t('plan.field.items')} hint={t('plan.items_hint')} value={str(v, 'items')} error={f.items} />
      <CheckboxGroup name="pillars" legend={t('plan.field.pillars')} values={arr(v, 'pillars')} options={allPillars(p.inst).map((x) => [x.id, `${x.id} · ${txt(p.inst, x.title, locale)}`] as const)} error={f.pillars} />
      <CheckboxGroup name="sdg" legend={t('plan.field.sdg')} values={arr(v, 'sdg')} options={SDG_TARGETS.map((s) => [s, t('plan.sdg_target', { target: s })] as const)} error={f.sdg} />
      <button type="submit">{p.submit}</button>
    </form>
  );
}

/** The form that records progress on an adopted action. */
function UpdateForm(p: { t: TFn; action: string; current: string; state: TFormState }) {
  const { t } = p;
  const v = p.state.values ?? {};
  const f = p.state.fields ?? {};
  return (
    <form method="post" action={p.action} novalidate class="card">
      <h3>{t('plan.record_progress')}</h3>
      <ErrorSummary message={p.state.error} />
      <SelectField name="status" label={t('plan.field.status')} value={str(v, 'status') || p.current} error={f.status} options={ACTION_STATUSES.map((s) => [s, t(`plan.status.${s}`)] as const)} />
      <SelectField name="completion" label={t('plan.completion')} hint={t('plan.completion_hint')} value={str(v, 'completion') || 'not_started'} error={f.completion} options={COMPLETION_LEVELS.map((c) => [c, t(`plan.completion.${c}`)] as const)} />
      <Field name="evidenceUrl" type="url" label={t('plan.evidence_url')} hint={t('plan.evidence_hint')} value={str(v, 'evidenceUrl')} error={f.evidenceUrl} />
      <Field name="note" label={t('plan.note')} hint={t('plan.note_hint')} value={str(v, 'note')} error={f.note} multiline />
      <button type="submit">{t('plan.save_progress')}</button>
    </form>
  );
}

/** The progress recorded on an action, oldest first. */
function History(p: { t: TFn; locale: TLocale; pa: TPlanActionPage }) {
  const { t, locale } = p;
  const ups = p.pa.action.updates;
  return (
    <section aria-labelledby="history-h">
      <h3 id="history-h">{t('plan.progress')}</h3>
      {ups.length === 0 ? (
        <p class="muted">{t('plan.no_progress')}</p>
      ) : (
        <ol class="history">
          {ups.map((u) => (
            <li>
              <p>
                <strong>{t(`plan.status.${u.status}`)}</strong>
                {' · '}
                {t(`plan.completion.${u.completion}`)}
                {' · '}
                <Bdi>{dateTime(locale, u.recorded_at)}</Bdi>
                {u.recorded_by_name && <>{' · '}<Bdi>{u.recorded_by_name}</Bdi></>}
              </p>
              {u.note && <UserText>{u.note}</UserText>}
              {u.evidence_url && (
                <p class="plan-evidence">
                  <a href={u.evidence_url} rel="noopener noreferrer nofollow">
                    <Ltr>{u.evidence_url}</Ltr>
                  </a>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One action's page. */
export function ActionPage(p: { t: TFn; locale: TLocale; pa: TPlanActionPage; state?: TFormState | undefined; conflict?: PlanActionRow | undefined; update?: TFormState | undefined }) {
  const { t, locale, pa } = p;
  const access = pa.scope.access;
  const a = access.assessment;
  const ap = assessmentPaths(a.id);
  const inst = pa.carried && pa.scope.carried ? pa.scope.carried.access.instrument : access.instrument;
  const rec = recommendedAction(inst, pa.action.action_key);
  // A stale save builds on the version that beat it, so saving again is a deliberate overwrite.
  const values = p.state?.values ?? actionFormValues(pa.action);
  if (p.conflict) values.baseRevision = String(p.conflict.revision);
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={access} current={ap.plan} />
      <h2>
        {`${pa.action.position}. `}
        <UserText as="span">{pa.action.title}</UserText>
      </h2>
      <p>
        <a href={ap.plan}>{t('plan.back')}</a>
      </p>
      {pa.carried && <p class="notice">{t('plan.carried_action', { year: pa.scope.carried?.access.assessment.cycle_year ?? '' })}</p>}
      {p.conflict && (
        <div class="warning" role="alert">
          <p>{t('plan.conflict_explain')}</p>
          <Pairs pairs={actionFacts(t, locale, inst, pa.plan, { ...pa.action, ...p.conflict, currentStatus: p.conflict.status, completion: null, updates: [] })} />
          <p>
            <strong>{t('plan.field.title')}</strong>
            {': '}
            <UserText as="span">{p.conflict.title}</UserText>
          </p>
        </div>
      )}
      {pa.editable ? (
        <ActionForm t={t} locale={locale} inst={inst} d={pa.plan} cycleYear={a.cycle_year} action={ap.planAction(pa.action.id)} v={values} state={p.state ?? {}} hint={rec ? t('plan.recommended', { lead: t(`lead.${rec.lead}`), horizon: t(`horizon.${rec.horizon}`) }) : undefined} submit={t('plan.save_action')} />
      ) : (
        <>
          <Pairs pairs={actionFacts(t, locale, inst, pa.plan, pa.action)} />
          {pa.action.description && <UserText>{pa.action.description}</UserText>}
          {pa.plan.plan.status === 'draft' && <p class="hint">{t('plan.read_only')}</p>}
        </>
      )}
      {pa.effect && (
        <DataTable
          t={t}
          caption={t('plan.effect_caption')}
          rows={pa.effect.items}
          columns={[
            { head: t('plan.item'), rowHeader: true, cell: (x) => <span dir="ltr">{x.laterId && x.laterId !== x.id ? `${x.id} → ${x.laterId}` : x.id}</span> },
            { head: t('plan.before', { year: pa.scope.carried?.access.assessment.cycle_year ?? '' }), num: true, cell: (x) => score(locale, x.before) },
            { head: t('plan.after'), num: true, cell: (x) => score(locale, x.after) },
          ]}
        />
      )}
      {pa.plan.plan.status === 'adopted' && <History t={t} locale={locale} pa={pa} />}
      {pa.trackable && <UpdateForm t={t} action={ap.planActionUpdates(pa.action.id)} current={pa.action.currentStatus} state={p.update ?? {}} />}
    </>
  );
}

/** The page that adds an action by hand to the draft plan. */
export function NewActionPage(p: { t: TFn; locale: TLocale; pg: TPlanPage; state?: TFormState | undefined }) {
  const { t, locale, pg } = p;
  const a = pg.access.assessment;
  const ap = assessmentPaths(a.id);
  const d = pg.own as TPlanData;
  const start = `${a.cycle_year + 1}Q1`;
  const v: TFormValues = p.state?.values ?? { start, end: `${a.cycle_year + 1}Q4`, unit: 'percent', status: 'planned' };
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={pg.access} current={ap.plan} />
      <h2>{t('plan.add_action')}</h2>
      <p>
        <a href={ap.plan}>{t('plan.back')}</a>
      </p>
      <ActionForm t={t} locale={locale} inst={pg.access.instrument} d={d} cycleYear={a.cycle_year} action={ap.planActions} v={v} state={p.state ?? {}} submit={t('plan.add_action')} />
    </>
  );
}
