// The coordinator's tables: everyone taking part with progress per pillar, the invitations with their
// actions, and the report of a CSV import.
import type { Child } from 'hono/jsx';
import type { TDashboard } from '../../domain/assessments/get-dashboard.ts';
import type { TCsvRowReport } from '../../domain/participants/import-invitations-csv.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { allPillars } from '../../instrument/model.ts';
import { Bdi, Msg, Ltr } from '../kit/bidi.tsx';
import { dateTime, fraction } from '../kit/format.ts';
import { Progress } from '../kit/progress.tsx';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';

type TDashProps = { t: TFn; locale: TLocale; d: TDashboard };

/** One line of the participants table: a person who joined, or an invitation not accepted yet. */
interface TPersonRow {
  name: string;
  /** The person's edit page, for those who manage participants. */
  href?: string | undefined;
  role: string;
  organisation: string | null;
  groupCode: string | null;
  status: string;
  progress: Child;
  /** "answered/total" per pillar, or blanks. */
  perPillar: string[];
}

/** A name (isolated) with the person's role under it. */
function NameRole(p: { t: TFn; name: string; role: string; href?: string | undefined }) {
  return (
    <>
      {p.href ? (
        <a href={p.href}>
          <Bdi>{p.name}</Bdi>
        </a>
      ) : (
        <Bdi>{p.name}</Bdi>
      )}
      <br />
      <span class="muted">{p.t(`role.${p.role}`)}</span>
    </>
  );
}

/** Everyone taking part and every open invitation, with status and progress per pillar. */
export function ParticipantsTable(p: TDashProps) {
  const { t, locale, d } = p;
  const pillars = allPillars(d.instrument).map((pl) => pl.id);
  const manage = d.may('participants.manage');
  const people: TPersonRow[] = d.participants.map((x) => {
    const respondent = x.role === 'respondent';
    return {
      name: x.name,
      href: manage ? assessmentPaths(d.assessment.id).person(x.userId) : undefined,
      role: x.role,
      organisation: x.organisation,
      groupCode: x.groupCode,
      status: t(`pstatus.${respondent ? x.status : 'joined'}`),
      progress: respondent ? <Progress t={t} locale={locale} answered={x.answered} total={x.total} label={t('asm.progress_of', { name: x.name })} /> : '—',
      perPillar: x.perPillar.map((pp) => (respondent ? fraction(locale, pp.answered, pp.total) : '')),
    };
  });
  const invited: TPersonRow[] = d.invitations
    .filter((i) => i.state === 'pending' || i.state === 'expired')
    .map((i) => ({ name: i.name, role: i.role, organisation: i.organisation, groupCode: null, status: t(`istate.${i.state}`), progress: '—', perPillar: pillars.map(() => '') }));
  return (
    <DataTable
      t={t}
      caption={t('asm.participants_caption')}
      captionStyle="muted"
      rows={[...people, ...invited]}
      columns={[
        { head: t('field.name'), rowHeader: true, cell: (r) => <NameRole t={t} name={r.name} role={r.role} href={r.href} /> },
        {
          head: t('asm.organisation'),
          cell: (r) => (
            <>
              {r.organisation ? <Bdi>{r.organisation}</Bdi> : '—'}
              {r.groupCode && (
                <>
                  <br />
                  <span class="muted">{t(`group.${r.groupCode}`)}</span>
                </>
              )}
            </>
          ),
        },
        { head: t('asm.status'), cell: (r) => r.status },
        { head: t('asm.progress'), cell: (r) => r.progress },
        ...pillars.map((id, k) => ({ head: id, num: true, cell: (r: TPersonRow) => r.perPillar[k] ?? '' })),
      ]}
    />
  );
}

/** Every invitation with its state, when it was mailed, and the resend and revoke buttons. */
export function InvitationsTable(p: TDashProps) {
  const { t, locale, d } = p;
  const to = assessmentPaths(d.assessment.id);
  return (
    <DataTable
      t={t}
      caption={t('asm.invitations')}
      captionStyle="hidden"
      rows={d.invitations}
      columns={[
        { head: t('field.name'), rowHeader: true, cell: (i) => <Bdi>{i.name}</Bdi> },
        { head: t('field.email'), cell: (i) => (i.email ? <Ltr>{i.email}</Ltr> : '—') },
        { head: t('asm.role'), cell: (i) => t(`role.${i.role}`) },
        {
          head: t('asm.status'),
          cell: (i) => (
            <>
              {t(`istate.${i.state}`)}
              {i.sent_at && (
                <>
                  <br />
                  <span class="muted"><Msg t={t} k="asm.emailed_at" values={{ at: dateTime(locale, i.sent_at) }} /></span>
                </>
              )}
            </>
          ),
        },
        {
          head: t('users.actions'),
          cell: (i) => (
            <>
              {(i.state === 'pending' || i.state === 'expired') && (
                <form method="post" action={`${to.resendInvitation(i.id)}#invite-created`} class="inline">
                  <button type="submit" class="secondary" aria-label={t('asm.resend_for', { name: i.name })}>{t('asm.resend')}</button>
                </form>
              )}{' '}
              {i.state === 'pending' && (
                <form method="post" action={to.revokeInvitation(i.id)} class="inline">
                  <button type="submit" class="secondary" aria-label={t('asm.revoke_for', { name: i.name })}>{t('asm.revoke')}</button>
                </form>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

/** What a CSV import did, line by line: the link made, or what was wrong with the line. */
export function CsvReport(p: { t: TFn; locale: TLocale; report: TCsvRowReport[] }) {
  const { t, locale } = p;
  return (
    <DataTable
      t={t}
      live
      caption={t('asm.csv_report', { ok: p.report.filter((r) => r.ok).length, failed: p.report.filter((r) => !r.ok).length })}
      rows={p.report}
      columns={[
        { head: t('asm.csv_line'), num: true, cell: (r) => formatNumber(locale, r.line) },
        { head: t('field.name'), rowHeader: true, cell: (r) => <Bdi>{r.name}</Bdi> },
        {
          head: t('asm.csv_result'),
          cell: (r) =>
            r.ok ? (
              <Ltr class="copy">{r.result?.url}</Ltr>
            ) : (
              <ul class="error">
                {Object.entries(r.errors).map(([f, k]) => (
                  <li>{`${f === '_' ? '' : `${t(`csvcol.${f}`)}: `}${t(k, { min: 0, max: 1000, ...r.params })}`}</li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
