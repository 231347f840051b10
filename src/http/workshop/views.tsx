// The workshop page of a pillar: its items by least agreement (or the most contested across pillars), with
// links between pillars. One item's page is in item-views.tsx.
import type { TWorkshop } from '../../domain/workshop/get-workshop.ts';
import { decisionOf } from '../../domain/workshop/record-consensus.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { answerText } from '../kit/answer-text.tsx';
import { pct, score } from '../kit/format.ts';
import { txt, Tx } from '../kit/instrument-text.tsx';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';

/** Links between the pillars of the workshop, with progress. */
function PillarNav(p: { t: TFn; locale: TLocale; w: Pick<TWorkshop, 'access' | 'pillars'>; current: string | undefined }) {
  const a = p.w.access.assessment;
  return (
    <nav aria-label={p.t('ws.pillars')} class="pillar-nav">
      <ul>
        {p.w.pillars.map((x) => (
          <li>
            <a href={assessmentPaths(a.id).workshopPillar(x.pillar.id)} aria-current={x.pillar.id === p.current ? 'page' : undefined}>
              {`${x.pillar.id} · ${txt(p.w.access.instrument, x.pillar.title, p.locale)}`} <span class="count">{p.t('ws.agreed_of', { agreed: x.agreed, total: x.items })}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The workshop page of one pillar. */
export function WorkshopPage(p: { t: TFn; locale: TLocale; w: TWorkshop }) {
  const { t, locale, w } = p;
  const a = w.access.assessment;
  const inst = w.access.instrument;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={w.access} current={assessmentPaths(a.id).workshop} />
      {a.state !== 'consolidating' && <p class="notice">{t('ws.not_consolidating', { state: t(`state.${a.state}`) })}</p>}
      <p>{t('ws.intro')}</p>
      <p class="hint">{w.anonymised ? t('ws.anonymised_on') : t('ws.anonymised_off')}</p>
      {w.access.may('assessment.update') && (
        <form method="post" action={assessmentPaths(a.id).anonymise} class="inline">
          <input type="hidden" name="anonymise" value={w.anonymised ? '0' : '1'} />
          <button type="submit" class="secondary">{w.anonymised ? t('ws.show_names') : t('ws.hide_names')}</button>
        </form>
      )}
      <PillarNav t={t} locale={locale} w={w} current={w.pillar?.id} />
      <h2>{w.pillar ? `${w.pillar.id} · ${txt(inst, w.pillar.title, locale)}` : t('ws.most_contested')}</h2>
      {!w.pillar && <p>{t('ws.most_contested_intro')}</p>}
      <DataTable
        t={t}
        caption={w.pillar ? t('ws.items_caption') : t('ws.most_contested')}
        rows={w.items}
        columns={[
          {
            head: t('ws.item'),
            rowHeader: true,
            cell: (i) => (
              <>
                <a href={assessmentPaths(a.id).workshopItem(i.item.id)}>{i.item.id}</a> <Tx text={i.item.question} locale={locale} inst={inst} />
              </>
            ),
          },
          { head: t('ws.agreement'), num: true, cell: (i) => pct(locale, i.c.agreement) },
          { head: t('ws.respondents'), num: true, cell: (i) => formatNumber(locale, i.c.n) },
          { head: t('ws.default_answer'), cell: (i) => answerText(t, locale, inst, i.item, i.c.defaultAnswer) },
          { head: t('ws.gap'), num: true, cell: (i) => score(locale, i.gap?.gap) },
          { head: t('ws.decision'), cell: (i) => (i.current ? answerText(t, locale, inst, i.item, decisionOf(i.current).value) : <span class="muted">{t('ws.no_decision')}</span>) },
        ]}
      />
    </>
  );
}
