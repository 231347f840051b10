// Personal API tokens: the page where a person creates and revokes them, and the Bearer authentication of
// the API (called by the API's middleware in app.tsx, after the session cookie).
import { Hono, type Context } from 'hono';
import { createApiToken } from '../../domain/accounts/create-api-token.ts';
import { listApiTokens } from '../../domain/accounts/list-api-tokens.ts';
import { resolveApiToken } from '../../domain/accounts/resolve-api-token.ts';
import { revokeApiToken } from '../../domain/accounts/revoke-api-token.ts';
import { listAssessments } from '../../domain/assessments/list-assessments.ts';
import { AppError } from '../../domain/kernel/errors.ts';
import type { AppEnv } from '../env.ts';
import { paths } from '../paths.ts';
import { fieldErrors, flash, formFields, page } from '../request.ts';
import { TokensPage } from './views.tsx';
import { header } from '../incoming.ts';

/** Bearer authentication for the API: a token, when sent, decides who is asking (over any session). */
export async function authenticateBearer(c: Context<AppEnv>): Promise<void> {
  const auth = header(c, 'authorization');
  if (auth === undefined) return;
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  if (!m) throw new AppError('unauthenticated', 'tokens.invalid');
  // A token is no session: nothing under /api/v1 signs out, so the session id stays empty.
  c.set('actor', { ...(await resolveApiToken(c.var.ctx, m[1] as string, { method: c.req.method, path: c.req.path, ip: c.var.ip })), sessionId: '' });
}

async function tokensPage(c: Context<AppEnv>, extra: { created?: string; values?: Record<string, string>; error?: string; fields?: Record<string, string> } = {}, status = 200) {
  const tokens = await listApiTokens(c.var.ctx, c.var.actor);
  const assessments = await listAssessments(c.var.ctx, c.var.actor);
  c.header('Cache-Control', 'no-store');
  return page(c, c.var.t('tokens.title'), <TokensPage t={c.var.t} locale={c.var.locale} tokens={tokens} assessments={assessments} maxDays={c.var.ctx.config.apiTokenMaxDays} {...extra} />, { status: status as 200 });
}

/** The tokens page (mounted at MOUNT.tokens). */
export const tokenRoutes = new Hono<AppEnv>();

tokenRoutes.get('/', (c) => tokensPage(c));

tokenRoutes.post('/', async (c) => {
  const form = await formFields(c);
  try {
    const r = await createApiToken(c.var.ctx, c.var.actor, form);
    return tokensPage(c, { created: r.token });
  } catch (e) {
    return tokensPage(c, { values: form, ...fieldErrors(c, e, { max: c.var.ctx.config.apiTokenMaxDays }) }, 400);
  }
});

tokenRoutes.post('/:tokenId/revoke', async (c) => {
  await revokeApiToken(c.var.ctx, c.var.actor, c.req.param('tokenId'));
  flash(c, 'flash.token_revoked');
  return c.redirect(paths.tokens, 303);
});
