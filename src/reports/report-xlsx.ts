// The country report as an XLSX workbook (exceljs): summary, pillars, items, answer distributions,
// decisions, the action plan and the benchmarks, one sheet each, headers in the report's language and
// sheets right-to-left for Arabic. Numbers are written as numbers with a display format; every text is
// written as a string cell, so nothing ("10/10", "2024-2026", "1.5") is turned into a date or a number.
import ExcelJS from 'exceljs';
import type { TReport } from '../domain/reports/get-report.ts';
import { translator } from '../i18n/index.ts';

type TCol = { header: string; key: string; width: number; fmt?: string };

const SCORE = '0.00';
const SHARE = '0%';

/** The report as an XLSX workbook. */
export async function reportXlsx(r: TReport): Promise<Buffer> {
  const t = translator(r.locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'METEP';
  const sheet = (name: string, cols: TCol[], rows: Record<string, string | number | null>[]) => {
    const ws = wb.addWorksheet(name.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: r.locale === 'ar' }] });
    ws.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.fmt ? { style: { numFmt: c.fmt } } : {}) }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    return ws;
  };
  const s = r.summary;
  // Ids are labelled in the report's language wherever a sheet lists items or pillars.
  const pillarTitle = new Map(r.pillars.map((p) => [p.id, p.title]));
  const question = new Map(r.items.map((i) => [i.id, i.question]));
  const labelled = (ids: readonly string[]) => ids.map((id) => `${id} ${question.get(id) ?? ''}`.trim()).join('; ');
  sheet(
    t('report.summary'),
    [{ header: t('report.xlsx_what'), key: 'k', width: 40 }, { header: t('report.xlsx_value'), key: 'v', width: 40 }],
    [
      { k: t('asm.country'), v: r.cover.country },
      { k: t('asm.cycle_year'), v: r.cover.cycleYear },
      { k: t('asm.instrument_version'), v: r.cover.instrument },
      { k: t('asm.status'), v: r.cover.stateLabel },
      { k: t('res.index'), v: s.score },
      { k: t('res.band'), v: s.bandLabel },
      { k: t('report.interval_low'), v: s.low },
      { k: t('report.interval_high'), v: s.high },
      { k: t('res.coverage'), v: s.coverage },
      { k: t('res.agreement'), v: s.agreement },
      { k: t('res.evidence_strength'), v: s.evidenceStrength },
      { k: t('asm.respondents'), v: s.respondents },
    ],
  );
  const scoreCols: TCol[] = [
    { header: t('res.score'), key: 'score', width: 10, fmt: SCORE },
    { header: t('res.band'), key: 'band', width: 16 },
    { header: t('res.coverage'), key: 'coverage', width: 12, fmt: SHARE },
  ];
  sheet(
    t('res.pillars'),
    [{ header: t('report.code'), key: 'id', width: 6 }, { header: t('ws.pillar'), key: 'title', width: 40 }, ...scoreCols, { header: t('report.interval_low'), key: 'low', width: 12, fmt: SCORE }, { header: t('report.interval_high'), key: 'high', width: 12, fmt: SCORE }, { header: t('res.agreement'), key: 'agreement', width: 12, fmt: SHARE }, { header: t('res.evidence_strength'), key: 'evidence', width: 12, fmt: SHARE }],
    r.pillars.map((p) => ({ id: p.id, title: p.title, score: p.score, band: p.bandLabel, coverage: p.coverage, low: p.low, high: p.high, agreement: p.agreement, evidence: p.evidenceStrength })),
  );
  sheet(
    t('res.items'),
    [{ header: t('report.code'), key: 'id', width: 7 }, { header: t('ws.pillar'), key: 'pillar', width: 32 }, { header: t('ws.item'), key: 'question', width: 60 }, { header: t('res.scored_answer'), key: 'answer', width: 24 }, { header: t('res.source'), key: 'source', width: 22 }, { header: t('res.score'), key: 'score', width: 8, fmt: SCORE }, { header: t('res.agreement'), key: 'agreement', width: 10, fmt: SHARE }],
    r.items.map((i) => ({ id: i.id, pillar: `${i.pillarId} ${pillarTitle.get(i.pillarId) ?? ''}`.trim(), question: i.question, answer: i.answer, source: i.source, score: i.score, agreement: i.agreement })),
  );
  sheet(
    t('ws.distribution').slice(0, 31),
    [{ header: t('report.code'), key: 'id', width: 7 }, { header: t('ws.item'), key: 'question', width: 48 }, { header: t('ws.answer'), key: 'label', width: 30 }, { header: t('ws.all'), key: 'total', width: 8, fmt: '0' }, { header: t('group.government'), key: 'gov', width: 10, fmt: '0' }, { header: t('group.non_government'), key: 'non', width: 10, fmt: '0' }],
    r.items.flatMap((i) => i.buckets.map((b) => ({ id: i.id, question: i.question, label: b.label, total: b.total, gov: b.government, non: b.nonGovernment }))),
  );
  sheet(
    t('report.decisions'),
    [{ header: t('report.code'), key: 'id', width: 7 }, { header: t('ws.item'), key: 'question', width: 48 }, { header: t('ws.agreed_answer'), key: 'answer', width: 24 }, { header: t('ws.rationale'), key: 'rationale', width: 60 }, { header: t('ws.dissent'), key: 'dissent', width: 40 }, { header: t('ws.decided'), key: 'at', width: 22 }],
    r.decisions.map((d) => ({ id: d.itemId, question: d.question, answer: d.answer, rationale: d.rationale, dissent: d.dissent ?? '', at: d.decidedAt })),
  );
  // Comments only when the report has any (an internal reader who may read all answers, or a public report
  // published with comments): one row per comment, without who wrote it.
  const comments = r.items.flatMap((i) => i.comments.map((c) => ({ id: i.id, comment: c })));
  if (comments.length > 0) sheet(t('report.comments'), [{ header: t('report.code'), key: 'id', width: 7 }, { header: t('report.comments'), key: 'comment', width: 80 }], comments);
  if (r.plan) {
    sheet(
      t('plan.title'),
      [{ header: t('plan.field.title'), key: 'title', width: 48 }, { header: t('plan.field.lead'), key: 'lead', width: 28 }, { header: t('plan.field.start'), key: 'start', width: 10 }, { header: t('plan.field.end'), key: 'end', width: 10 }, { header: t('plan.field.status'), key: 'status', width: 16 }, { header: t('plan.field.items'), key: 'items', width: 48 }, { header: t('plan.field.indicator'), key: 'indicator', width: 32 }, { header: t('plan.field.target'), key: 'target', width: 10 }],
      r.plan.actions.map((a) => ({ title: a.title, lead: a.lead, start: a.start, end: a.end, status: a.status, items: labelled(a.items), indicator: a.indicator, target: a.target })),
    );
  }
  if (r.benchmarks) {
    sheet(
      t('cal.title'),
      [{ header: t('cal.year'), key: 'year', width: 8, fmt: '0' }, { header: t('bm.epi'), key: 'epi', width: 10, fmt: '0.0000' }, { header: t('cal.epi_percentile'), key: 'pct', width: 14, fmt: SHARE }],
      r.benchmarks.editions.map((e) => ({ year: e.year, epi: e.epi, pct: e.epiPercentile })),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
