// Do respondents see each pillar alike? Krippendorff's α (ordinal) per pillar beside the Tastle–Wierman
// consensus, with Krippendorff's reading of α (docs/METHODOLOGY.md §5).
import type { TFullResults } from '../../domain/results/compute-results.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { alphaReading } from '../../scoring/agreement.ts';
import { pct } from '../kit/format.ts';
import { TableWrap } from '../kit/table.tsx';

/** The agreement section: per pillar, the mean consensus of its items and Krippendorff's α with its reading. */
export function AgreementSection(p: { t: TFn; locale: TLocale; r: TFullResults; pillarName: (id: string) => string }) {
  const { t, locale, r } = p;
  return (
    <section aria-labelledby="alpha-h">
      <h3 id="alpha-h">{t('res.alpha_title')}</h3>
      <p>{t('res.alpha_explain')}</p>
      <TableWrap t={t}>
        <table id="alpha-table">
          <caption>{t('res.alpha_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ws.pillar')}</th>
              <th scope="col" class="num">{t('res.agreement')}</th>
              <th scope="col" class="num">{t('res.alpha')}</th>
              <th scope="col">{t('res.reading')}</th>
            </tr>
          </thead>
          <tbody>
            {r.scores.pillars.map((x) => {
              const alpha = r.agreement.alpha[x.id] ?? null;
              const reading = alphaReading(alpha);
              return (
                <tr>
                  <th scope="row">{p.pillarName(x.id)}</th>
                  <td class="num">{pct(locale, r.agreement.pillars[x.id])}</td>
                  <td class="num">{alpha === null ? '–' : formatNumber(locale, alpha, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</td>
                  <td class="prose">{reading ? t(`res.alpha_reading.${reading}`) : t('res.alpha_reading.none')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
