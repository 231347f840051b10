// The home page and the error page.
import type { TFn } from '../../i18n/index.ts';
import { paths } from '../paths.ts';

/** The home page: what METEP is and the assessment cycle in a few lines. */
export function HomePage(p: { t: TFn; signedIn: boolean }) {
  const { t } = p;
  // Only the steps METEP carries out today (DESIGN §5 rule 11): an action plan and a country report join
  // the list with the features that make them true.
  const steps = ['prepare', 'collect', 'consolidate', 'validate', 'analyse', 'publish'];
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <p>{t('home.what')}</p>
      <h2>{t('home.cycle_title')}</h2>
      <ol class="cycle">
        {steps.map((s) => (
          <li>
            <strong>{t(`cycle.${s}`)}</strong> — {t(`cycle.${s}.desc`)}
          </li>
        ))}
      </ol>
      <h2>{t('home.why_title')}</h2>
      <ul>
        <li>{t('home.why.evidence')}</li>
        <li>{t('home.why.views')}</li>
        <li>{t('home.why.languages')}</li>
      </ul>
      <p>
        <a href={paths.instruments}>{t('home.browse_instrument')}</a> · <a href={paths.methodology}>{t('home.methodology')}</a>
      </p>
      {!p.signedIn && (
        <p>
          <a class="button" href={paths.signIn()}>{t('nav.sign_in')}</a>
        </p>
      )}
    </>
  );
}

/** A friendly error page. */
export function ErrorPage(p: { t: TFn; status: number; message: string }) {
  const { t } = p;
  const known = [400, 403, 404, 409, 410, 413, 429, 500].includes(p.status) ? p.status : 500;
  return (
    <>
      <h1>{t(`errorpage.${known}.title`)}</h1>
      <p>{p.message}</p>
      <p>
        <a href={paths.home}>{t('errorpage.home')}</a>
      </p>
    </>
  );
}
