// The country report as open data: a Frictionless Data Package (datapackage.json, Data Package v1 with a
// Table Schema for every CSV) of tidy long CSVs — one row per pillar, item, answer bucket and side,
// decision, plan action… — with ids beside labels in the report's language, zipped.
//
// Built from the report model only (src/domain/reports/get-report.ts), never from the database: what the
// model leaves out (a redacted model for public pages: no distributions, no comments) is not in the package
// either, and a table the model does not have is not written.
//
// CSVs go through the project's writer (src/lib/csv.ts): numbers are written as numbers; a text that starts
// with =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula. A CSV has no cell
// types, so a spreadsheet may still read a text such as "10/10" as a date when it opens the file: the
// schema declares such fields as strings (what data tools follow) and the XLSX workbook is the format for
// spreadsheets. Each CSV starts with a byte-order mark, as the other CSV downloads do, so that spreadsheets
// read Arabic and Chinese as UTF-8 (Frictionless readers take utf-8 with a BOM).
import JSZip from 'jszip';
import type { TReport } from '../domain/reports/get-report.ts';
import { t as translate, type TLocale } from '../i18n/index.ts';
import { toCsv } from '../lib/csv.ts';

/** Table Schema field types used here. */
export type TFieldType = 'string' | 'number' | 'integer' | 'boolean' | 'datetime';

export interface TField {
  name: string;
  type: TFieldType;
  title: string;
  description: string;
}

export interface TForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface TResource {
  name: string;
  path: string;
  title: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  schema: { fields: TField[]; primaryKey: string[]; foreignKeys?: TForeignKey[] };
}

export interface TDataPackage {
  profile: 'tabular-data-package';
  name: string;
  id: string;
  title: string;
  description: string;
  licenses: { name: string; path: string; title: string }[];
  created: string;
  keywords: string[];
  resources: TResource[];
}

/** Licences a coordinator may choose for the open data (SPDX ids). */
export const LICENCES = {
  'CC-BY-4.0': { path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' },
  'CC-BY-SA-4.0': { path: 'https://creativecommons.org/licenses/by-sa/4.0/', title: 'Creative Commons Attribution-ShareAlike 4.0 International' },
  'CC0-1.0': { path: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'Creative Commons Zero v1.0 Universal' },
  'ODC-By-1.0': { path: 'https://opendatacommons.org/licenses/by/1-0/', title: 'Open Data Commons Attribution License v1.0' },
  'ODbL-1.0': { path: 'https://opendatacommons.org/licenses/odbl/1-0/', title: 'Open Data Commons Open Database License v1.0' },
  'PDDL-1.0': { path: 'https://opendatacommons.org/licenses/pddl/1-0/', title: 'Open Data Commons Public Domain Dedication and License v1.0' },
} as const;
export type TLicence = keyof typeof LICENCES;
export const DEFAULT_LICENCE: TLicence = 'CC-BY-4.0';

export function isLicence(x: unknown): x is TLicence {
  return typeof x === 'string' && Object.hasOwn(LICENCES, x);
}

export interface TPackageOptions {
  /** The language of labels, titles and descriptions; the report's own language by default. */
  language?: TLocale;
  /** SPDX id of the licence; CC-BY-4.0 by default. */
  licence?: TLicence;
  /** When the package was made (ISO 8601); now by default. Fixed in tests for identical bytes. */
  created?: string;
}

type TCell = string | number | boolean | null;

interface TTable {
  resource: Omit<TResource, 'format' | 'mediatype' | 'encoding' | 'path'>;
  rows: TCell[][];
}

/** The datapackage.json and each CSV's text, by path. */
export interface TBuiltPackage {
  descriptor: TDataPackage;
  files: Map<string, string>;
}

// ISO 8601 in UTC without milliseconds: the Table Schema's default datetime format.
const isoSeconds = (s: string | null | undefined): string | null => {
  if (!s) return null;
  const d = new Date(s.includes('T') || s.endsWith('Z') ? s : `${s.replace(' ', 'T')}Z`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/** Builds the descriptor and the CSV texts from the report model. */
export function buildDataPackage(r: TReport, options: TPackageOptions = {}): TBuiltPackage {
  // The model's labels are in its own language; titles and descriptions follow it too, so a package never
  // mixes languages. A different language means a model built in that language.
  if (options.language && options.language !== r.locale) throw new Error(`the report model is in ${r.locale}, not ${options.language}`);
  const locale = r.locale;
  const t = (key: string, values?: Record<string, string | number>) => translate(locale, key, values);
  const licence = options.licence ?? DEFAULT_LICENCE;
  const field = (name: string, type: TFieldType, title: string): TField => ({ name, type, title, description: t(`odp.field.${name}`) });
  const code = (name: string, label: string): TField => field(name, 'string', t('odp.code_of', { label }));

  const scoreFields = (): TField[] => [
    field('score', 'number', t('res.score')),
    code('band', t('res.band')),
    field('band_label', 'string', t('res.band')),
    field('interval_low', 'number', t('report.interval_low')),
    field('interval_high', 'number', t('report.interval_high')),
    field('coverage', 'number', t('res.coverage')),
  ];
  const scoreCells = (s: { score: number | null; band: string | null; bandLabel: string; low: number | null; high: number | null; coverage: number }): TCell[] => [s.score, s.band, s.bandLabel, s.low, s.high, s.coverage];
  const itemKey: TForeignKey[] = [{ fields: ['item_id'], reference: { resource: 'items', fields: ['item_id'] } }];
  const pillarKey: TForeignKey[] = [{ fields: ['pillar_id'], reference: { resource: 'pillars', fields: ['pillar_id'] } }];

  const tables: TTable[] = [];
  const s = r.summary;
  tables.push({
    resource: {
      name: 'summary',
      title: t('report.summary'),
      schema: {
        fields: [code('level', t('res.scope')), field('id', 'string', t('report.code')), field('title', 'string', t('res.scope')), ...scoreFields(), field('agreement', 'number', t('res.agreement')), field('evidence_strength', 'number', t('res.evidence_strength')), field('respondents', 'integer', t('report.people'))],
        primaryKey: ['id'],
      },
    },
    rows: [
      ['index', 'index', t('res.index'), ...scoreCells(s), s.agreement, s.evidenceStrength, s.respondents],
      ...r.parts.map((p): TCell[] => ['part', p.id, p.title, ...scoreCells(p), null, null, null]),
    ],
  });
  tables.push({
    resource: {
      name: 'pillars',
      title: t('res.pillars'),
      schema: {
        fields: [field('pillar_id', 'string', t('report.code')), field('title', 'string', t('ws.pillar')), ...scoreFields(), field('agreement', 'number', t('res.agreement')), field('evidence_strength', 'number', t('res.evidence_strength')), field('unsupported', 'integer', t('res.unsupported'))],
        primaryKey: ['pillar_id'],
      },
    },
    rows: r.pillars.map((p) => [p.id, p.title, ...scoreCells(p), p.agreement, p.evidenceStrength, p.unsupported]),
  });
  tables.push({
    resource: {
      name: 'stages',
      title: t('res.stages_title'),
      schema: { fields: [code('stage', t('res.stage')), field('stage_label', 'string', t('res.stage')), field('percent', 'number', t('res.percent'))], primaryKey: ['stage'] },
    },
    rows: r.stages.map((x) => [x.key, x.label, x.percent]),
  });
  tables.push({
    resource: {
      name: 'items',
      title: t('res.items'),
      schema: {
        fields: [
          field('item_id', 'string', t('report.code')),
          field('pillar_id', 'string', t('ws.pillar')),
          field('question', 'string', t('res.items')),
          field('weight', 'number', t('odp.title.weight')),
          field('score', 'number', t('res.score')),
          field('answer', 'string', t('res.scored_answer')),
          field('source', 'string', t('res.source')),
          field('agreement', 'number', t('res.agreement')),
          field('answered', 'integer', t('report.people')),
        ],
        primaryKey: ['item_id'],
        foreignKeys: pillarKey,
      },
    },
    rows: r.items.map((i) => [i.id, i.pillarId, i.question, i.weight, i.score, i.answer, i.source, i.agreement, i.answered]),
  });
  if (r.items.some((i) => i.buckets.length > 0)) {
    const sides = [['all', t('ws.all')], ['government', t('group.government')], ['non_government', t('group.non_government')]] as const;
    tables.push({
      resource: {
        name: 'distributions',
        title: t('ws.distribution'),
        schema: {
          fields: [field('item_id', 'string', t('report.code')), field('answer_order', 'integer', t('odp.title.order')), code('answer_key', t('ws.answer')), field('answer_label', 'string', t('ws.answer')), code('side', t('res.side')), field('side_label', 'string', t('res.side')), field('respondents', 'integer', t('report.people'))],
          primaryKey: ['item_id', 'answer_key', 'side'],
          foreignKeys: itemKey,
        },
      },
      rows: r.items.flatMap((i) =>
        i.buckets.flatMap((b, n) => sides.map(([side, label]): TCell[] => [i.id, n + 1, b.key, b.label, side, label, side === 'all' ? b.total : side === 'government' ? b.government : b.nonGovernment])),
      ),
    });
  }
  tables.push({
    resource: {
      name: 'decisions',
      title: t('report.decisions'),
      schema: {
        fields: [field('item_id', 'string', t('report.code')), field('question', 'string', t('res.items')), field('answer', 'string', t('ws.agreed_answer')), field('rationale', 'string', t('ws.rationale')), field('dissent', 'string', t('ws.dissent')), field('decided_at', 'datetime', t('ws.decided')), field('revision', 'integer', t('odp.title.revision'))],
        primaryKey: ['item_id'],
        foreignKeys: itemKey,
      },
    },
    rows: r.decisions.map((d) => [d.itemId, d.question, d.answer, d.rationale, d.dissent, isoSeconds(d.decidedAt), d.revision]),
  });
  tables.push({
    resource: {
      name: 'perception_gaps',
      title: t('res.gap_title'),
      schema: {
        fields: [field('pillar_id', 'string', t('ws.pillar')), field('government', 'number', t('group.government')), field('non_government', 'number', t('group.non_government')), field('gap', 'number', t('res.gap_title')), field('p_value', 'number', t('res.p_value')), field('distinguishable', 'boolean', t('res.gap_real')), field('items_compared', 'integer', t('res.gap_items'))],
        primaryKey: ['pillar_id'],
        foreignKeys: pillarKey,
      },
    },
    rows: r.perceptionGaps.map((g) => [g.pillarId, g.government, g.nonGovernment, g.gap, g.p, g.distinguishable, g.compared]),
  });
  if (r.plan) {
    const actions = r.plan.actions;
    tables.push({
      resource: {
        name: 'action_plan',
        title: t('plan.title'),
        schema: {
          fields: [field('action', 'integer', t('odp.title.number')), field('action_title', 'string', t('plan.field.title')), field('lead', 'string', t('plan.field.lead')), field('start', 'string', t('plan.field.start')), field('end', 'string', t('plan.field.end')), field('status', 'string', t('plan.field.status')), field('indicator', 'string', t('plan.field.indicator')), field('target', 'number', t('plan.field.target'))],
          primaryKey: ['action'],
        },
      },
      rows: actions.map((a, n) => [n + 1, a.title, a.lead, a.start, a.end, a.status, a.indicator, a.target]),
    });
    tables.push({
      resource: {
        name: 'action_plan_items',
        title: `${t('plan.title')}: ${t('plan.field.items')}`,
        schema: {
          fields: [field('action', 'integer', t('odp.title.number')), field('item_id', 'string', t('report.code'))],
          primaryKey: ['action', 'item_id'],
          foreignKeys: [{ fields: ['action'], reference: { resource: 'action_plan', fields: ['action'] } }, ...itemKey],
        },
      },
      rows: actions.flatMap((a, n) => [...new Set(a.items)].map((id): TCell[] => [n + 1, id])),
    });
  }
  if (r.benchmarks) {
    const b = r.benchmarks;
    tables.push({
      resource: {
        name: 'benchmarks',
        title: t('cal.title'),
        schema: {
          fields: [field('year', 'integer', t('cal.year')), field('epi', 'number', 'EPI'), field('epi_percentile', 'number', t('cal.epi_percentile')), field('fictional', 'boolean', t('odp.title.fictional'))],
          primaryKey: ['year'],
        },
      },
      rows: b.editions.map((e) => [e.year, e.epi, e.epiPercentile, b.fictional]),
    });
    tables.push({
      resource: {
        name: 'calibration',
        title: t('cal.gap'),
        schema: {
          fields: [field('edition', 'integer', t('cal.year')), field('epi', 'number', 'EPI'), field('epi_rank', 'integer', t('odp.title.rank')), field('epi_of', 'integer', t('odp.title.of')), field('epi_percentile', 'number', t('cal.epi_percentile')), field('part_ii', 'number', t('cal.part_ii')), field('self_position', 'number', t('cal.self_position')), field('calibration_gap', 'number', t('cal.gap')), field('reading', 'string', t('res.reading'))],
          primaryKey: ['edition'],
        },
      },
      rows: [[b.edition, b.epi, b.epiRank, b.epiOf, b.epiPercentile, b.partII, b.selfPosition, b.gap, b.reading]],
    });
  }
  if (r.citizens) {
    tables.push({
      resource: {
        name: 'citizens',
        title: t('report.citizens'),
        schema: {
          fields: [code('stage', t('res.stage')), field('stage_label', 'string', t('res.stage')), field('government', 'number', t('group.government')), field('non_government', 'number', t('group.non_government')), field('citizens', 'number', t('pulse.citizens')), field('n_citizens', 'integer', t('pulse.n_citizens'))],
          primaryKey: ['stage'],
          foreignKeys: [{ fields: ['stage'], reference: { resource: 'stages', fields: ['stage'] } }],
        },
      },
      rows: r.citizens.stages.map((x) => [x.key, x.label, x.government, x.nonGovernment, x.citizens, x.nCitizens]),
    });
  }

  const files = new Map<string, string>();
  const resources: TResource[] = tables.map(({ resource, rows }) => {
    const path = `data/${resource.name}.csv`;
    const header = resource.schema.fields.map((f) => f.name);
    files.set(path, `\uFEFF${toCsv([header, ...rows.map((row) => row.map((c) => (typeof c === 'boolean' ? String(c) : c)))])}`);
    return { name: resource.name, path, title: resource.title, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', schema: resource.schema };
  });
  const c = r.cover;
  const descriptor: TDataPackage = {
    profile: 'tabular-data-package',
    name: `metep-${c.countryCode}-${c.cycleYear}-${locale}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
    id: `${c.assessmentId}:${locale}:${r.fingerprint}`,
    title: `${t('report.title')}: ${c.country}${c.scope ? ` (${c.scope})` : ''}, ${c.cycleYear}`,
    description: t('odp.description', { instrument: c.instrument, state: c.stateLabel }),
    licenses: [{ name: licence, ...LICENCES[licence] }],
    created: isoSeconds(options.created ?? new Date().toISOString()) as string,
    keywords: ['METEP', 'e-participation', 'UN DESA', c.countryCode],
    resources,
  };
  return { descriptor, files };
}

// A fixed file date, and no folder entries (JSZip would date a "data/" entry with the clock): the same
// package content gives the same zip bytes.
const ZIP_DATE = new Date(Date.UTC(2026, 0, 1));

/** The open-data package of a report model as a ZIP (datapackage.json at its root, CSVs under data/). */
export async function dataPackageZip(r: TReport, options: TPackageOptions = {}): Promise<Buffer> {
  const { descriptor, files } = buildDataPackage(r, options);
  const zip = new JSZip();
  zip.file('datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`, { date: ZIP_DATE });
  for (const [path, body] of files) zip.file(path, body, { date: ZIP_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
