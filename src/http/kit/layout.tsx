// The page shell: <html lang dir>, header with navigation and language switcher, main, footer.
import type { Child } from 'hono/jsx';
import type { Actor } from '../../domain/kernel/context.ts';
import { can } from '../../domain/kernel/policies.ts';
import { DIRECTION, ENDONYM, LOCALES, type TFn, type TLocale } from '../../i18n/index.ts';
import { assetUrl } from '../assets.ts';
import { paths } from '../paths.ts';
import { Msg } from './bidi.tsx';

/**
 * The favicon inline (img-src allows data:): a separate request cost ~1 KB of response headers on every first
 * visit, for a 111-byte file (bench/README.md, page weight).
 */
const FAVICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M8 1l7 7-7 7-7-7z' fill='%231a5e9a'/%3E%3C/svg%3E";

/** What every page passes to the layout. */
export interface PageProps {
  t: TFn;
  locale: TLocale;
  actor: Actor | undefined;
  /** Current path and query, for the language switcher and sign-in redirects. */
  url: URL;
  title: string;
  children?: Child;
  /** Page-specific scripts (served from /static, never inline). */
  scripts?: string[];
  flash?: string | undefined;
  /** A page for a projector: no site header or footer. */
  bare?: boolean;
  /** A lighter stylesheet than app.css for pages with a tighter weight budget (the citizen pulse). */
  stylesheet?: string;
}

function langHref(url: URL, lang: TLocale): string {
  const u = new URL(url);
  u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}

/** The layout around every HTML page. */
export function Layout(p: PageProps) {
  const { t, locale, actor } = p;
  return (
    <html lang={locale} dir={DIRECTION[locale]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} — METEP`}</title>
        <link rel="stylesheet" href={assetUrl(p.stylesheet ?? 'app.css')} />
        <link rel="icon" href={FAVICON} type="image/svg+xml" />
        {(p.scripts ?? []).map((s) => (
          <script type="module" src={assetUrl(s)} defer></script>
        ))}
      </head>
      <body class={p.bare ? 'bare' : undefined}>
        <a class="skip" href="#main">{t('nav.skip')}</a>
        {!p.bare && (
        <header class="site">
          <a class="brand" href={paths.home}>
            <span class="brand-mark" aria-hidden="true">◆</span> METEP
          </a>
          <nav aria-label={t('nav.main')}>
            <ul>
              <li><a href={paths.home}>{t('nav.home')}</a></li>
              <li><a href={paths.instruments}>{t('nav.instrument')}</a></li>
              <li><a href={paths.methodology}>{t('nav.methodology')}</a></li>
              <li><a href={paths.countries}>{t('nav.countries')}</a></li>
              <li><a href={paths.publicAssessments}>{t('nav.published')}</a></li>
              {actor && <li><a href={paths.assessments}>{t('nav.assessments')}</a></li>}
              {can(actor, 'programme.view') && <li><a href={paths.programme()}>{t('nav.programme')}</a></li>}
              {can(actor, 'user.list') && <li><a href={paths.users}>{t('nav.users')}</a></li>}
              {can(actor, 'translation.grant') && <li><a href={paths.translations}>{t('nav.translations')}</a></li>}
              {actor ? (
                <li>
                  <form method="post" action={paths.signOut} class="inline">
                    <button type="submit" class="link">{t('nav.sign_out')}</button>
                  </form>
                </li>
              ) : (
                <li><a href={paths.signIn()}>{t('nav.sign_in')}</a></li>
              )}
            </ul>
          </nav>
          <nav aria-label={t('nav.language')} class="langs">
            <ul>
              {LOCALES.map((l) => (
                <li>
                  <a href={langHref(p.url, l)} lang={l} hreflang={l} aria-current={l === locale ? 'true' : undefined}>
                    {ENDONYM[l]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        )}
        <main id="main" tabindex={-1}>
          {p.flash && <p class="flash" role="status">{p.flash}</p>}
          {p.children}
        </main>
        {!p.bare && (
          <footer class="site">
            <p>{t('footer.text')}</p>
            {actor && (
              <p>
                <Msg t={t} k="footer.signed_in_as" values={{ name: actor.name }} /> · <a href={paths.tokens}>{t('tokens.title')}</a>
              </p>
            )}
          </footer>
        )}
      </body>
    </html>
  );
}
