// Whether each perception gap is more than noise: the items compared, the respondents on each side, the
// permutation test's p-value or why there is no gap; and the respondents on neither side, listed for the
// coordinator to place in a stakeholder group (docs/METHODOLOGY.md §7).
import type { TFullResults } from '../../domain/results/compute-results.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { GAP_ALPHA, MIN_GROUP_SIZE } from '../../scoring/groups.ts';
import { TableWrap } from '../kit/table.tsx';

/** The permutation test of each pillar's gap, and the list of respondents without a stakeholder group. */
export function GapTest(p: { t: TFn; locale: TLocale; r: TFullResults; pillarName: (id: string) => string }) {
  const { t, locale, r } = p;
  const test = r.uncertainty.gapTest;
  const method = test.method === 'exact' ? t('res.test_exact', { n: test.permutations }) : t('res.test_monte_carlo', { n: test.permutations });
  return (
    <>
      <p>{t('res.gap_test_explain', { min: MIN_GROUP_SIZE, method })}</p>
      <TableWrap t={t}>
        <table id="gap-test">
          <caption>{t('res.gap_test_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ws.pillar')}</th>
              <th scope="col" class="num">{t('res.gap_items')}</th>
              <th scope="col" class="num">{t('res.gap_sides')}</th>
              <th scope="col" class="num">{t('res.p_value')}</th>
              <th scope="col">{t('res.reading')}</th>
            </tr>
          </thead>
          <tbody>
            {r.gaps.pillars.map((g) => {
              const pv = test.pillars[g.id];
              return (
                <tr>
                  <th scope="row">{p.pillarName(g.id)}</th>
                  <td class="num">{formatNumber(locale, g.compared)}</td>
                  <td class="num">{t('res.gap_sides_value', { gov: g.nGovernment, non: g.nNonGovernment })}</td>
                  <td class="num">{pv === undefined ? '–' : formatNumber(locale, pv, { maximumFractionDigits: 3 })}</td>
                  <td class="prose">{g.gap === null || pv === undefined ? t('res.gap_too_few', { min: MIN_GROUP_SIZE }) : pv < GAP_ALPHA ? t('res.gap_real') : t('res.gap_noise')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {r.unassigned.length > 0 && (
        <div class="notice" role="note">
          <h4>{t('res.unassigned_title', { count: r.unassigned.length })}</h4>
          <p>{t('res.unassigned_explain')}</p>
          <ul>
            {r.unassigned.map((x) => (
              <li>
                <bdi>{x.name ?? t('ws.respondent_n', { n: x.number })}</bdi> — <bdi>{x.organisation ?? t('res.no_organisation')}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
