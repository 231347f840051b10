// The HTTP application: two middleware chains (the JSON API's, the pages'), each with its own routes, and
// the error answers. Nothing here holds state another instance would need.
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { isUniqueViolation, ping } from '../db/index.ts';
import type { Ctx } from '../domain/kernel/context.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { resolveSession } from '../domain/accounts/resolve-session.ts';
import { setLocale } from '../domain/accounts/set-locale.ts';
import { isLocale, negotiate, translator, type TLocale } from '../i18n/index.ts';
import { getAsset } from './assets.ts';
import { limitBody } from './body-limit.ts';
import type { AppEnv } from './env.ts';
import { adminRoutes } from './accounts/admin-routes.tsx';
import { authRoutes } from './accounts/routes.tsx';
import { answeringRoutes } from './answering/routes.tsx';
import { assessmentListRoutes, assessmentRoutes } from './assessments/routes.tsx';
import { benchmarksAdminRoutes, countryRoutes } from './benchmarks/routes.tsx';
import { homeRoutes } from './home/routes.tsx';
import { instrumentRoutes } from './instruments/routes.tsx';
import { editRoutes } from './participants/edit-routes.tsx';
import { joinRoutes, participantRoutes } from './participants/routes.tsx';
import { isAnswerPage, MOUNT, paths } from './paths.ts';
import { planRoutes } from './plans/routes.tsx';
import { consentRoutes } from './publication/routes.tsx';
import { publicRoutes } from './reports/public-routes.tsx';
import { pulsePublicRoutes } from './pulse/public-routes.tsx';
import { pulseRoutes } from './pulse/routes.tsx';
import { reportRoutes } from './reports/routes.tsx';
import { resultsRoutes } from './results/routes.tsx';
import { voteRoutes } from './workshop/code-routes.tsx';
import { translationRoutes, translatorsAdminRoutes } from './translations/routes.tsx';
import { ensureUiOverrides } from '../domain/translations/ui-overrides.ts';
import { workshopRoutes } from './workshop/routes.tsx';
import { authenticateBearer, tokenRoutes } from './tokens/routes.tsx';
import { programmeAdminRoutes, programmeRoutes } from './programme/routes.tsx';
import { flash, forwardedClient, LANG_COOKIE, page, safeNext, SESSION_COOKIE, setLangCookie } from './request.ts';
import { megabytes } from './kit/format.ts';
import { representable } from '../domain/kernel/schemas.ts';
import { ErrorPage } from './home/views.tsx';
import { cookie, header } from './incoming.ts';
import { API_SECURITY_HEADERS } from './api/security-headers.ts';
import { problem } from './api/problem.ts';
import { apiRoutes } from './api/routes.ts';
import { apiDocsRoutes } from './api/docs-routes.tsx';

function clientIp(c: Context<AppEnv>, config: { trustProxy: boolean; trustedProxies: number }): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const socket = env?.incoming?.socket?.remoteAddress ?? null;
  return config.trustProxy ? forwardedClient(header(c, 'x-forwarded-for'), config.trustedProxies, socket) : socket;
}

/**
 * Whether every string (keys included) in a parsed JSON value can be stored. A walk with its own stack,
 * not recursion: 40 KB of nested brackets parses, and one call per level overflowed the call stack (a 500
 * instead of an answer).
 */
function allRepresentable(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!representable(v)) return false;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      // A loop, not Object.entries: every autosave body passes here.
      for (const k in v) {
        if (!representable(k)) return false;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return true;
}

/** Whether the request comes from this site or the person's own address bar (Fetch Metadata, else Referer). */
function sameSiteRequest(c: Context<AppEnv>): boolean {
  const site = header(c, 'sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const referer = header(c, 'referer');
  if (!referer) return false;
  try {
    return new URL(referer).origin === new URL(c.req.url).origin;
  } catch {
    return false;
  }
}

/** Whether a request is for the JSON API. */
function isApi(c: Context<AppEnv>): boolean {
  return c.req.path.startsWith('/api/');
}


/** Sets the request's language once: the language cookie, else the signed-in person's, else the browser's. */
function useLanguage(c: Context<AppEnv>): void {
  if ((c.var as Partial<AppEnv['Variables']>).t) return;
  const cookieLang = cookie(c, LANG_COOKIE);
  const own = c.var.actor?.locale;
  const locale: TLocale = isLocale(cookieLang) ? cookieLang : isApi(c) && own && isLocale(own) ? own : negotiate(header(c, 'accept-language'));
  c.set('locale', locale);
  c.set('t', translator(locale));
}

function wantsJson(c: Context<AppEnv>): boolean {
  return c.req.path.startsWith('/api/') || c.req.path === paths.healthz || (header(c, 'accept') ?? '').startsWith('application/json');
}

/**
 * What every request passes before its route, in order: the context and the stopping check, the body
 * limit, CSRF, unstorable characters (and a JSON body parsed once). One function rather than a middleware
 * each: every layer of Hono's chain costs its own promises and closures on every autosave. Resolves to
 * an answer when the request is refused outright (the server is stopping); checks that fail throw.
 */
function admission(ctx: Ctx, shutdown: AbortSignal, opts: { pages: boolean }): (c: Context<AppEnv>) => Promise<Response | undefined> {
  const publicOrigin = new URL(ctx.config.publicUrl).origin;
  // CSRF: state-changing form posts must come from our own origin (Origin / Sec-Fetch-Site checked).
  // JSON requests cannot be sent cross-site without a CORS preflight, which we never grant. Hono's check
  // reads only form-like content types; JSON and safe methods skip it without building the request's web
  // Headers (see incoming.ts).
  const formCsrf = csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin });
  const passed = async () => {};
  return async (c) => {
    c.set('ctx', ctx);
    c.set('shutdown', shutdown);
    c.set('ip', clientIp(c, ctx.config));
    c.set('actor', undefined);
    // Pages: the language before anything can fail, so even error pages speak the user's language. The
    // API needs it only for an error message (useLanguage, where one is written).
    if (opts.pages) useLanguage(c);
    // Stopping: requests that arrive now are refused with an answer (503, retry shortly, nothing done),
    // never cut off; those already running finish. A load balancer reading /healthz stops sending here.
    if (shutdown.aborted) {
      useLanguage(c);
      c.header('Connection', 'close');
      c.header('Retry-After', '2');
      c.header('Cache-Control', 'no-store');
      const message = c.var.t('error.stopping');
      if (wantsJson(c)) return problem(c, 503, 'unavailable', message);
      return page(c, c.var.t('errorpage.503.title'), <ErrorPage t={c.var.t} status={503} message={message} />, { status: 503 });
    }
    // UI strings edited in the translators' workbench override the bundled catalogs (reloaded every
    // REFRESH_MS, not per request). After the stopping check: a request accepted before the signal is
    // decided before this first await, as it was before.
    const overrides = ensureUiOverrides(ctx);
    if (overrides) await overrides;
    // Questionnaire pages may carry an evidence document; everything else gets the small limit.
    // 413, not 400: the offline queue tells "split and resend" (413) from "this answer is wrong" (400).
    limitBody(c, opts.pages && isAnswerPage(c.req.path) ? ctx.config.evidenceMaxBytes + ctx.config.bodyLimitBytes : ctx.config.bodyLimitBytes);
    const m = c.req.method;
    const safe = m === 'GET' || m === 'HEAD';
    const type = (header(c, 'content-type') ?? '').trim().toLowerCase();
    const json = type.startsWith('application/json');
    if (!safe && m !== 'OPTIONS' && !json) await formCsrf(c, passed);
    // Hono's check reads only the form content types (and a missing one). Page routes read forms, and our
    // pages never post anything else to them: any other type there (JSON, text/json, …) must come from our
    // origin too, so no page action rests on the browser's CORS preflight and SameSite alone.
    const formLike = type === '' || /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/.test(type);
    if (opts.pages && !safe && m !== 'OPTIONS' && !formLike) {
      const origin = header(c, 'origin');
      if (origin !== publicOrigin && origin !== new URL(c.req.url).origin) throw new HTTPException(403, { message: 'Forbidden' });
    }
    // Characters no database can store (NUL, lone surrogates) are refused here, once for every route, in
    // the address and in JSON bodies; form bodies are checked where they are read (request.ts readForm),
    // and text fields again by their zod schemas for callers that are not HTTP (CSV files, the CLI).
    const raw = c.req.url;
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      // Malformed escapes stay as they are; routes treat them as unknown ids.
    }
    if (/%00/i.test(raw) || !representable(decoded)) throw new AppError('invalid_input', 'error.bad_characters');
    if (!safe && json) {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('invalid_input', 'error.bad_request');
      }
      if (!allRepresentable(body)) throw new AppError('invalid_input', 'error.bad_characters');
      // Parsed once: routes read it with readJson.
      c.set('json', body);
    }
    return undefined;
  };
}

/** The answer for an address nothing serves: problem+json for the API, the error page otherwise. */
function notFound(c: Context<AppEnv>): Response | Promise<Response> {
  useLanguage(c);
  if (wantsJson(c)) return problem(c, 404, 'not_found', c.var.t('error.not_found'));
  return page(c, c.var.t('errorpage.404.title'), <ErrorPage t={c.var.t} status={404} message={c.var.t('error.not_found')} />, { status: 404 });
}

/** Turns an error into its answer: a status, a message in the user's language, no internals. */
function errorHandler(ctx: Ctx) {
  return (err: Error, c: Context<AppEnv>): Response | Promise<Response> => {
    useLanguage(c);
    let status = 500;
    let code = 'internal';
    let message = c.var.t('error.internal');
    if (err instanceof AppError) {
      if (err.code === 'unauthenticated' && !wantsJson(c) && c.req.method === 'GET') {
        const u = new URL(c.req.url);
        return c.redirect(paths.signIn(u.pathname + u.search), 303);
      }
      // A questionnaire form with a document over the limit (sent without the browser's check): back to
      // the same page, which shows what is saved, with the limit stated — not a dead-end error page. The
      // body is not read, so nothing in it is saved; the autosaved answers are already in.
      if (err.code === 'too_large' && c.req.method === 'POST' && isAnswerPage(c.req.path) && !wantsJson(c)) {
        flash(c, 'flash.file_too_large', { mb: megabytes(ctx.config.evidenceMaxBytes) });
        return c.redirect(c.req.path, 303);
      }
      status = err.status;
      code = err.code;
      message = c.var.t(err.messageKey, err.params);
    } else if (isUniqueViolation(err)) {
      // Two people created the same thing at the same moment (a name that must be unique): theirs stands.
      status = 409;
      code = 'conflict';
      message = c.var.t('error.conflict_retry');
    } else if (err instanceof HTTPException) {
      status = err.status;
      code = status === 403 ? 'forbidden' : 'http_error';
      message = c.var.t(status === 403 ? 'error.csrf' : status === 413 ? 'error.too_large' : 'error.bad_request');
    } else {
      ctx.log.error('unhandled error', { path: c.req.path, err: String(err), stack: (err as Error).stack });
    }
    if (wantsJson(c)) {
      const fields = err instanceof AppError ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, c.var.t(v, err.params)])) : {};
      // A token over its rate limit: the counting window is one minute (resolve-api-token.ts).
      if (status === 429 && isApi(c)) c.header('Retry-After', '60');
      return problem(c, status, code, message, fields);
    }
    return page(c, c.var.t(`errorpage.${[400, 403, 404, 409, 410, 413, 429, 503].includes(status) ? status : 500}.title`), <ErrorPage t={c.var.t} status={status} message={message} />, { status });
  };
}

/**
 * The JSON API under /api/ (every autosave goes here): a lean chain with constant security headers
 * instead of secureHeaders' per-request assembly, the language resolved only when an error is shown, and
 * no page-only work (the ?lang switch, a response's own CSP). Its security checks are the pages': body
 * limit, CSRF, unstorable characters, the session; then an API token where one is sent.
 */
function apiApp(ctx: Ctx, shutdown: AbortSignal): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const admit = admission(ctx, shutdown, { pages: false });
  /** The API's security headers on an answer that does not carry them in its own record already (API
   * writes do, see api/security-headers.ts). */
  const secure = (res: Response) => {
    for (const [k, v] of Object.entries(API_SECURITY_HEADERS)) res.headers.set(k, v);
    return res;
  };
  api.use('*', async (c, next) => {
    const refused = await admit(c);
    if (refused) return secure(refused);
    c.set('actor', await resolveSession(ctx, cookie(c, SESSION_COOKIE)));
    await authenticateBearer(c);
    await next();
    if (!c.get('secured')) secure(c.res);
  });
  // Every API operation, from the registry that also writes the OpenAPI document (src/http/api/).
  api.route(MOUNT.api, apiRoutes());
  // Errors thrown before the route (refused checks) are answered here, outside the middleware above.
  const handle = errorHandler(ctx);
  api.notFound(notFound);
  api.onError(async (err, c) => {
    const res = await handle(err, c);
    c.set('secured', true);
    return secure(res);
  });
  return api;
}

/** The pages, their forms and assets. */
function pagesApp(ctx: Ctx, shutdown: AbortSignal): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const pageSecurity = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
  });
  app.use('*', async (c, next) => {
    await pageSecurity(c, next);
    // A response that sets its own, stricter Content-Security-Policy (evidence downloads: sandboxed,
    // nothing allowed) keeps it: secureHeaders would otherwise replace it with the pages' policy.
    const own = c.get('csp');
    if (own) c.res.headers.set('Content-Security-Policy', own);
  });
  // Pages and assets are compressed; answers to posts are not (a zlib stream per small answer cost more
  // than it saved; see bench/).
  const gzip = compress();
  app.use('*', (c, next) => (c.req.method === 'GET' ? gzip(c, next) : next()));
  const admit = admission(ctx, shutdown, { pages: true });
  app.use('*', async (c, next) => (await admit(c)) ?? next());

  app.get('/static/:hash/:name', (c) => {
    const a = getAsset(c.req.param('name'));
    if (!a) return c.notFound();
    c.header('Content-Type', a.type);
    c.header('Cache-Control', c.req.param('hash') === a.hash ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(a.body as Uint8Array<ArrayBuffer>);
  });

  // The service worker must be served from the root to control questionnaire pages; never cached long,
  // so a new version takes over at the next visit.
  app.get(paths.serviceWorker, (c) => {
    const a = getAsset('sw.js');
    if (!a) return c.notFound();
    c.header('Content-Type', a.type);
    c.header('Cache-Control', 'no-cache');
    return c.body(a.body as Uint8Array<ArrayBuffer>);
  });

  app.get(paths.healthz, async (c) => {
    const ok = await ping(ctx.db);
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ok ? 'ok' : 'unavailable', database: ctx.db.kind }, ok ? 200 : 503);
  });

  app.use('*', async (c, next) => {
    c.set('actor', await resolveSession(ctx, cookie(c, SESSION_COOKIE)));
    const asked = c.req.query('lang');
    if (c.req.method === 'GET' && asked !== undefined) {
      // ?lang=xx switches and remembers (cookie for everyone, profile for signed-in users), then
      // redirects to the same address without the parameter so links stay clean.
      if (isLocale(asked)) {
        setLangCookie(c, asked);
        // The saved profile language changes only on the person's own navigation on this site: a link or
        // <img> on another site must not change it (the device cookie above is harmless and expected).
        if (c.var.actor && sameSiteRequest(c)) await setLocale(ctx, c.var.actor, asked);
      }
      const u = new URL(c.req.url);
      u.searchParams.delete('lang');
      // Through safeNext: an address like //evil.example/?lang=en would otherwise send the browser there.
      return c.redirect(safeNext(`${u.pathname}${u.search}`), 303);
    }
    if (!cookie(c, LANG_COOKIE) && c.var.actor?.locale && isLocale(c.var.actor.locale)) {
      c.set('locale', c.var.actor.locale as TLocale);
      c.set('t', translator(c.var.locale));
    }
    await next();
  });

  // Each area is a sub-app mounted at its prefix; the prefixes live with every other path in paths.ts.
  app.route('/', homeRoutes);
  app.route('/', authRoutes);
  app.route(MOUNT.admin, adminRoutes);
  app.route('/', instrumentRoutes);
  app.route(MOUNT.tokens, tokenRoutes);
  app.route(paths.apiDocs, apiDocsRoutes);
  app.route(MOUNT.assessments, assessmentListRoutes);
  app.route(MOUNT.assessment, assessmentRoutes);
  app.route(MOUNT.assessment, participantRoutes);
  app.route(MOUNT.assessment, editRoutes);
  app.route(MOUNT.assessment, answeringRoutes);
  app.route(MOUNT.assessment, workshopRoutes);
  app.route(MOUNT.assessment, resultsRoutes);
  app.route(MOUNT.assessment, planRoutes);
  app.route(MOUNT.assessment, pulseRoutes);
  app.route(MOUNT.assessment, reportRoutes);
  app.route(MOUNT.assessment, consentRoutes);
  app.route(MOUNT.publicAssessments, publicRoutes);
  app.route(MOUNT.pulse, pulsePublicRoutes);
  app.route(MOUNT.join, joinRoutes);
  app.route(paths.vote, voteRoutes);
  app.route(MOUNT.countries, countryRoutes);
  app.route(MOUNT.benchmarksAdmin, benchmarksAdminRoutes);
  app.route(MOUNT.translations, translationRoutes);
  app.route(MOUNT.translatorsAdmin, translatorsAdminRoutes);
  app.route(MOUNT.programme, programmeRoutes);
  app.route(MOUNT.programmeAdmin, programmeAdminRoutes);

  app.notFound(notFound);
  app.onError(errorHandler(ctx));
  return app;
}

/**
 * Builds the Hono app around a use-case context; `shutdown` ends its event streams when aborted.
 * Two middleware chains, each with its own router: the JSON API and the pages. One router for both made
 * every autosave walk the pages' 130 routes and their middleware list (Hono falls back to its trie
 * router for these patterns), a tenth of an autosave's CPU (bench/README.md).
 */
export function createApp(ctx: Ctx, opts: { shutdown?: AbortSignal } = {}): Hono<AppEnv> {
  const shutdown = opts.shutdown ?? new AbortController().signal;
  const api = apiApp(ctx, shutdown);
  const pages = pagesApp(ctx, shutdown);
  const app = new Hono<AppEnv>();
  app.all('*', (c) => (isApi(c) ? api : pages).fetch(c.req.raw, c.env));
  // The route list (the tests' route table, Hono's showRoutes) names the routes of both chains.
  app.routes = [...api.routes, ...pages.routes];
  return app;
}
