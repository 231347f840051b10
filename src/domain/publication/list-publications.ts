// Use case: the public index of published assessments (no sign-in): country, cycle, when published, and
// the index with its band as published.
import { listPublished } from '../../db/repositories/publications.ts';
import type { TBand } from '../../scoring/types.ts';
import type { Ctx } from '../kernel/context.ts';
import type { TLicence, TPublicationLevel } from './publication-levels.ts';

/** One published assessment in the public index. */
export interface TPublishedEntry {
  id: string;
  country: string;
  scope: string | null;
  cycleYear: number;
  publishedAt: string;
  index: number | null;
  band: TBand | null;
  level: TPublicationLevel;
  licence: TLicence;
}

/** Every publicly published assessment, newest publication first. */
export async function listPublications(ctx: Ctx): Promise<TPublishedEntry[]> {
  return (await listPublished(ctx.db.kysely)).map((r) => ({
    id: r.id,
    country: r.country,
    scope: r.scope,
    cycleYear: r.cycle_year,
    publishedAt: r.published_at,
    index: r.index_score === null ? null : Number(r.index_score),
    band: (r.band as TBand | null) ?? null,
    level: r.level,
    licence: r.licence as TLicence,
  }));
}
