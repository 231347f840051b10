// The open-data export of the programme view: every published result the viewer may read, one row per
// assessment. Headers, country and region names, bands and calibration readings are in the language asked
// for; beside each name its code (ISO 3166-1 alpha-3, UN M49) so programs join on codes; scores are numbers
// (0–1 for the index and its interval, 0–100 for stage scores, as the results export writes them), never
// formatted text. No person is named: the rows carry counts only.
import type { TProgrammeRow } from '../domain/programme/get-programme-view.ts';
import type { TFn } from '../i18n/index.ts';
import { toCsv } from '../lib/csv.ts';

const r6 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);

/** The labels the export writes (names of countries and M49 areas in the export's language). */
export interface TProgrammeLabels {
  t: TFn;
  country: (iso3: string) => string;
  area: (m49: string) => string;
}

/** Published rows as CSV: one header row in the language, then one row per assessment. */
export function programmeCsv(rows: readonly TProgrammeRow[], l: TProgrammeLabels): string {
  const { t } = l;
  const head = [
    t('prog.csv.iso3'),
    t('prog.csv.country'),
    t('prog.csv.region_code'),
    t('prog.csv.region'),
    t('prog.csv.subregion_code'),
    t('prog.csv.subregion'),
    t('prog.csv.cycle'),
    t('prog.csv.instrument'),
    t('prog.csv.respondents'),
    t('prog.csv.answering'),
    t('prog.csv.index'),
    t('prog.csv.index_low'),
    t('prog.csv.index_high'),
    t('prog.csv.band'),
    t('prog.csv.e_information'),
    t('prog.csv.e_consultation'),
    t('prog.csv.e_decision_making'),
    t('prog.csv.epi_edition'),
    t('prog.csv.epi_percentile'),
    t('prog.csv.calibration_gap'),
    t('prog.csv.calibration_reading'),
    t('prog.csv.pulse'),
  ];
  const out: (string | number | null)[][] = [head];
  for (const r of rows) {
    if (r.state !== 'published' || !r.results) continue;
    const c = r.calibration;
    out.push([
      r.country,
      l.country(r.country),
      r.region,
      r.region ? l.area(r.region) : null,
      r.subregion,
      r.subregion ? l.area(r.subregion) : null,
      r.cycle,
      r.instrument,
      r.respondents,
      r.answering,
      r6(r.index),
      r6(r.interval?.low),
      r6(r.interval?.high),
      r.band ? t(`band.${r.band}`) : null,
      r6(r.stages?.e_information),
      r6(r.stages?.e_consultation),
      r6(r.stages?.e_decision_making),
      c?.edition ?? null,
      r6(c?.epiPercentile),
      r6(c?.gap),
      c?.reading ? t(`cal.reading.${c.reading}`) : null,
      r.pulse,
    ]);
  }
  return toCsv(out);
}
