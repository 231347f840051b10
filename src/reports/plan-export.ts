// Presenters of an action plan for programs and spreadsheets: a JSON document (field whitelist), a tidy
// CSV (one row per action, machine-readable codes) and an XLSX workbook with one sheet in the reader's
// language (right-to-left for Arabic). The country report reuses planJson.
import ExcelJS from 'exceljs';
import type { AssessmentRow } from '../db/repositories/assessments.ts';
import type { TPlanData } from '../domain/plans/plan-model.ts';
import type { TFn, TLocale } from '../i18n/index.ts';
import { itemsById, pillarById, textIn } from '../instrument/model.ts';
import type { TInstrument } from '../instrument/schema.ts';
import { toCsv } from '../lib/csv.ts';

const r6 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);

/** The plan as a plain JSON-able object. */
export function planJson(a: Pick<AssessmentRow, 'id' | 'country' | 'scope' | 'cycle_year'>, d: TPlanData) {
  const org = new Map(d.organisations.map((o) => [o.id, o]));
  const named = (id: string | null) => (id && org.get(id) ? { id, name: org.get(id)?.name } : null);
  return {
    assessment: { id: a.id, country: a.country, scope: a.scope, cycleYear: a.cycle_year },
    plan: { version: d.plan.version, status: d.plan.status, language: d.plan.language, createdAt: d.plan.created_at, adoptedAt: d.plan.adopted_at },
    sections: [...d.sections.values()].map((s) => ({ key: s.key, body: s.body, revision: s.revision })),
    actions: d.actions.map((x) => ({
      id: x.id,
      position: x.position,
      source: x.action_key,
      title: x.title,
      description: x.description,
      lead: named(x.lead_org),
      partners: x.partners.map(named).filter(Boolean),
      start: x.start_q,
      end: x.end_q,
      indicator: { name: x.indicator, unit: x.indicator_unit, baseline: x.baseline, target: x.target },
      budget: x.budget,
      status: x.status,
      currentStatus: x.currentStatus,
      completion: x.completion,
      dropReason: x.drop_reason,
      items: x.items,
      pillars: x.pillars,
      sdg: x.sdg,
      priority: r6(x.priority),
      revision: x.revision,
      updates: x.updates.map((u) => ({ at: u.recorded_at, status: u.status, completion: u.completion, evidenceUrl: u.evidence_url, note: u.note, by: u.recorded_by_name })),
    })),
  };
}

const CSV_COLUMNS = ['position', 'id', 'title', 'lead', 'partners', 'start', 'end', 'indicator', 'unit', 'baseline', 'target', 'budget', 'status', 'current_status', 'completion', 'drop_reason', 'items', 'item_labels', 'pillars', 'pillar_labels', 'sdg', 'priority', 'source'] as const;

/** The items an action addresses as "id text" in `lang` (source language where untranslated), for readers. */
export function itemLabels(inst: TInstrument, ids: readonly string[], lang: string): string[] {
  const items = itemsById(inst);
  return ids.map((id) => `${id} ${textIn(inst, items.get(id)?.question, lang)}`.trim());
}

/** The pillars an action addresses as "id text" in `lang`. */
export function pillarLabels(inst: TInstrument, ids: readonly string[], lang: string): string[] {
  return ids.map((id) => `${id} ${textIn(inst, pillarById(inst, id)?.title, lang)}`.trim());
}

/** The plan as tidy CSV: one row per action, lists separated by "; ", items and pillars labelled in `lang`. */
export function planCsv(a: Pick<AssessmentRow, 'id' | 'country' | 'scope' | 'cycle_year'>, d: TPlanData, inst: TInstrument, lang: TLocale): string {
  const j = planJson(a, d);
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]];
  for (const x of j.actions) {
    rows.push([x.position, x.id, x.title, x.lead?.name ?? null, x.partners.map((p) => p?.name).join('; '), x.start, x.end, x.indicator.name, x.indicator.unit, x.indicator.baseline, x.indicator.target, x.budget, x.status, x.currentStatus, x.completion, x.dropReason, x.items.join('; '), itemLabels(inst, x.items, lang).join('; '), x.pillars.join('; '), pillarLabels(inst, x.pillars, lang).join('; '), x.sdg.join('; '), x.priority, x.source]);
  }
  return toCsv(rows);
}

/**
 * The plan as an XLSX workbook: one sheet, headers, codes and the items and pillars an action addresses in
 * `locale`, RTL for Arabic. Every text is a string cell, so nothing is turned into a date or a formula.
 */
export async function planXlsx(t: TFn, locale: TLocale, d: TPlanData, inst: TInstrument, quarter: (q: string) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'METEP';
  const ws = wb.addWorksheet(t('plan.title').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: locale === 'ar' }] });
  const org = new Map(d.organisations.map((o) => [o.id, o.name]));
  ws.columns = [
    { header: '#', key: 'n', width: 5 },
    { header: t('plan.field.title'), key: 'title', width: 48 },
    { header: t('plan.field.lead'), key: 'lead', width: 28 },
    { header: t('plan.field.partners'), key: 'partners', width: 28 },
    { header: t('plan.field.start'), key: 'start', width: 14 },
    { header: t('plan.field.end'), key: 'end', width: 14 },
    { header: t('plan.field.indicator'), key: 'indicator', width: 32 },
    { header: t('plan.field.unit'), key: 'unit', width: 14 },
    { header: t('plan.field.baseline'), key: 'baseline', width: 10 },
    { header: t('plan.field.target'), key: 'target', width: 10 },
    { header: t('plan.field.budget'), key: 'budget', width: 22 },
    { header: t('plan.field.status'), key: 'status', width: 16 },
    { header: t('plan.completion'), key: 'completion', width: 18 },
    { header: t('plan.field.items'), key: 'items', width: 48 },
    { header: t('plan.field.pillars'), key: 'pillars', width: 32 },
    { header: t('plan.field.sdg'), key: 'sdg', width: 12 },
    { header: t('plan.priority'), key: 'priority', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const x of d.actions) {
    ws.addRow({
      n: x.position,
      title: x.title,
      lead: x.lead_org ? (org.get(x.lead_org) ?? '') : '',
      partners: x.partners.map((p) => org.get(p) ?? '').filter(Boolean).join('; '),
      start: quarter(x.start_q),
      end: quarter(x.end_q),
      indicator: x.indicator,
      unit: t(`plan.unit.${x.indicator_unit}`),
      baseline: x.baseline,
      target: x.target,
      budget: x.budget ? t(`plan.budget.${x.budget}`) : '',
      status: t(`plan.status.${x.currentStatus}`),
      completion: x.completion ? t(`plan.completion.${x.completion}`) : '',
      items: itemLabels(inst, x.items, locale).join('\n'),
      pillars: pillarLabels(inst, x.pillars, locale).join('\n'),
      sdg: x.sdg.join(', '),
      priority: r6(x.priority),
    });
  }
  for (const k of ['title', 'items', 'pillars']) ws.getColumn(k).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
