// Use case: a country's profile beside the UN E-Government Survey — EGDI and EPI with rank and percentile
// in every edition, and the country among its M49 region and subregion, its EGDI group, the world and a
// custom list of peers in one edition. Public: the figures are the UN's published data.
import { z } from 'zod';
import { listAllValues, listEditionRows, type BenchmarkValueRow } from '../../db/repositories/benchmarks.ts';
import { countryCodeFromName, isCountry } from '../../i18n/countries.ts';
import { m49Of, type TM49 } from '../../i18n/regions.ts';
import { fiveNumbers, percentileAmong } from '../../scoring/calibration.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { egdiGroupOf, standingOf, type TStanding } from './standings.ts';

/** Ways of choosing the peers a country is compared with. */
export const PEER_KINDS = ['subregion', 'region', 'group', 'world', 'custom'] as const;
/** A way of choosing peers. */
export type TPeerKind = (typeof PEER_KINDS)[number];

/** The profile's options, from a query string: anything unusable falls back to the default. */
export const ZProfileQuery = z.object({
  peers: z.enum(PEER_KINDS).optional().catch(undefined),
  custom: z.string().max(600).optional().catch(undefined),
  edition: z.coerce.number().int().optional().catch(undefined),
  index: z.enum(['epi', 'egdi']).optional().catch(undefined),
});

/** A comparison group in one edition. */
export interface TPeerGroup {
  kind: TPeerKind;
  /** M49 code for region and subregion, the UN EGDI group, null for the world and a custom list. */
  code: string | null;
  /** The group's real countries with a value (the profiled country included when it is real). */
  members: { iso3: string; value: number }[];
  stats: ReturnType<typeof fiveNumbers>;
  /** The profiled country's position among the others of the group. */
  position: number | null;
}

/** Everything the country profile shows. */
export interface TCountryProfile {
  iso3: string;
  m49: TM49 | undefined;
  /** Whether any of the figures shown are invented (the demo's Demoland). */
  fictional: boolean;
  /** The country's standing in every edition it is in, oldest first. */
  series: TStanding[];
  /** Loaded editions with their source, newest first. */
  editions: { year: number; source: string }[];
  /** The edition and index of the peer comparison. */
  edition: number;
  index: 'epi' | 'egdi';
  value: number | null;
  peers: TPeerKind;
  /** World, region, subregion, EGDI group and (when given) the custom list, for the strip plot. */
  groups: TPeerGroup[];
  /** The chosen peers' standings in the edition, highest first, the profiled country among them. */
  table: TStanding[];
  /** What the custom list held: the codes understood and the words that were not. */
  custom: { codes: string[]; unknown: string[]; text: string };
}

const MAX_CUSTOM = 40;

/** A custom peer list (ISO3 codes or English country names, separated by commas, semicolons or new lines). */
function parseCustom(text: string, known: ReadonlySet<string>): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const token of text.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean).slice(0, MAX_CUSTOM)) {
    const up = token.toUpperCase();
    const code = /^[A-Z]{3}$/.test(up) && known.has(up) ? up : countryCodeFromName(token);
    if (code && known.has(code)) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(token);
  }
  return { codes, unknown };
}

/** Builds a country's profile; throws not_found for a code without figures. */
export async function getCountryProfile(ctx: Ctx, iso3: string, query: unknown = {}): Promise<TCountryProfile> {
  const code = iso3.toUpperCase();
  if (!isCountry(code)) throw new AppError('not_found', 'error.not_found');
  const q = ZProfileQuery.parse(query ?? {});
  const [all, editionRows] = await Promise.all([listAllValues(ctx.db.kysely), listEditionRows(ctx.db.kysely)]);
  const own = all.filter((r) => r.iso3 === code);
  if (own.length === 0) throw new AppError('not_found', 'error.not_found');
  const byYear = new Map<number, BenchmarkValueRow[]>();
  for (const r of all) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  const series = own.map((r) => standingOf(r, byYear.get(r.year) ?? []));
  const years = own.map((r) => r.year);
  const edition = q.edition !== undefined && years.includes(q.edition) ? q.edition : (years[years.length - 1] as number);
  const index = q.index ?? 'epi';
  const m49 = m49Of(code);
  const rows = (byYear.get(edition) ?? []).filter((r) => !r.fictional);
  const self = own.find((r) => r.year === edition) as BenchmarkValueRow;
  const value = self[index];
  const custom = parseCustom(q.custom ?? '', new Set(rows.map((r) => r.iso3)));

  const groupOf = (kind: TPeerGroup['kind']): { code: string | null; rows: BenchmarkValueRow[] } | undefined => {
    switch (kind) {
      case 'world':
        return { code: null, rows };
      case 'region':
      case 'subregion':
        return m49 ? { code: m49[kind], rows: rows.filter((r) => m49Of(r.iso3)?.[kind] === m49[kind]) } : undefined;
      case 'group':
        return self.egdi === null ? undefined : { code: egdiGroupOf(self.egdi), rows: rows.filter((r) => r.egdi !== null && egdiGroupOf(r.egdi) === egdiGroupOf(self.egdi as number)) };
      case 'custom':
        return custom.codes.length ? { code: null, rows: rows.filter((r) => r.iso3 === code || custom.codes.includes(r.iso3)) } : undefined;
    }
  };
  const groups: TPeerGroup[] = [];
  for (const kind of ['world', 'region', 'subregion', 'group', 'custom'] as const) {
    const g = groupOf(kind);
    if (!g) continue;
    const members = g.rows.filter((r) => r[index] !== null).map((r) => ({ iso3: r.iso3, value: r[index] as number }));
    const others = members.filter((m) => m.iso3 !== code).map((m) => m.value);
    groups.push({ kind, code: g.code, members, stats: fiveNumbers(members.map((m) => m.value)), position: value === null ? null : percentileAmong(value, others) });
  }
  // The asked-for peers, else the first grouping that exists for this country (a fictional country has no
  // M49 region; an empty custom list is no group).
  const peers = [q.peers ?? (m49 ? 'subregion' : 'group'), 'subregion', 'group', 'world'].find((k) => groupOf(k as TPeerKind)) as TPeerKind;
  const chosen = groupOf(peers) as { code: string | null; rows: BenchmarkValueRow[] };
  const inTable = chosen.rows.some((r) => r.iso3 === code) ? chosen.rows : [...chosen.rows, self];
  const editionAll = byYear.get(edition) ?? [];
  const table = inTable
    .map((r) => standingOf(r, editionAll))
    .sort((a, b) => (b[index] ?? -1) - (a[index] ?? -1) || a.iso3.localeCompare(b.iso3));
  return {
    iso3: code,
    m49,
    fictional: own.some((r) => r.fictional),
    series,
    editions: editionRows.map((e) => ({ year: e.year, source: e.source })),
    edition,
    index,
    value,
    peers,
    groups,
    table,
    custom: { ...custom, text: q.custom ?? '' },
  };
}
