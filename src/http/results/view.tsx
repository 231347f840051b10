// What every section of the results page needs, worked out once per page: the assessment, instrument,
// scores, the previous cycle if shown, and the small lookups the sections share; and the chart figure.
import type { TResultsPage } from '../../domain/results/get-results-page.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { allPillars } from '../../instrument/model.ts';
import { txt } from '../kit/instrument-text.tsx';
import { assessmentPaths } from '../paths.ts';

/** The results page's shared view: page data plus lookups. */
export interface TResultsView {
  t: TFn;
  locale: TLocale;
  r: TResultsPage;
  res: TResultsPage['results'];
  a: TResultsPage['results']['access']['assessment'];
  inst: TResultsPage['results']['access']['instrument'];
  s: TResultsPage['results']['scores'];
  pillars: ReturnType<typeof allPillars>;
  /**
   * The previous cycle, when it used the same instrument version (its scores then compare as they stand);
   * on another version it is compared only through the crosswalk, in the comparability section.
   */
  prev: TResultsPage['previous'];
  /** The previous cycle's score of a pillar, if that cycle is shown. */
  prevPillar: (id: string) => number | null | undefined;
  /** "A · Title" in the reader's language. */
  pillarName: (id: string) => string;
  /** The trace page of one item. */
  trace: (itemId: string) => string;
}

/** Builds the shared view of the results page. */
export function resultsView(t: TFn, locale: TLocale, r: TResultsPage): TResultsView {
  const res = r.results;
  const inst = res.access.instrument;
  const pillars = allPillars(inst);
  const prev = r.acrossVersions ? undefined : r.previous;
  return {
    t,
    locale,
    r,
    res,
    a: res.access.assessment,
    inst,
    s: res.scores,
    pillars,
    prev,
    prevPillar: (id) => prev?.scores.pillars.find((x) => x.id === id)?.score,
    pillarName: (id) => `${id} · ${txt(inst, pillars.find((x) => x.id === id)?.title, locale)}`,
    trace: (itemId) => assessmentPaths(res.access.assessment.id).resultsItem(itemId),
  };
}

/** The id of one pillar's item table, the target of the pillar links. */
export const itemsAnchor = (pillarId: string) => `items-${pillarId}`;

