// The room code's routes (mounted at paths.vote), open to everyone: a signed-in member goes on to the
// assessment's poll page; others vote here while the facilitator allows it, one vote per device. The device
// is a random cookie (HttpOnly, only its hash stored), scoped to these pages.
import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { getCodePoll } from '../../domain/workshop/get-code-poll.ts';
import { normaliseRoomCode } from '../../domain/workshop/room-code.ts';
import { ROOM_OPEN_HOURS } from '../../domain/workshop/set-room-voting.ts';
import { voteByCode } from '../../domain/workshop/vote-by-code.ts';
import { newToken } from '../../lib/tokens.ts';
import type { AppEnv } from '../env.ts';
import { assessmentPaths, paths } from '../paths.ts';
import { fieldErrors, flash, meta, page, readForm } from '../request.ts';
import { CodeFormPage, CodePollPage } from './code-views.tsx';
import { cookie } from '../incoming.ts';

const DEVICE_COOKIE = 'metep_device';

const made = new WeakMap<Context<AppEnv>, string>();

/** The device's random id, made (and remembered for the room's duration) on first visit. */
function device(c: Context<AppEnv>): string {
  const known = cookie(c, DEVICE_COOKIE) ?? made.get(c);
  if (known && known.length <= 100) return known;
  const id = newToken();
  made.set(c, id);
  setCookie(c, DEVICE_COOKIE, id, { path: paths.vote, httpOnly: true, sameSite: 'Lax', secure: c.var.ctx.config.secureCookies, maxAge: ROOM_OPEN_HOURS * 3600 });
  return id;
}

async function codePage(c: Context<AppEnv>, error?: string, status = 200) {
  const r = await getCodePoll(c.var.ctx, c.var.actor, c.req.param('code') ?? '', device(c));
  if (r.kind === 'member') return c.redirect(assessmentPaths(r.assessmentId).poll, 303);
  c.header('Cache-Control', 'no-store');
  return page(c, c.var.t('vote.title'), <CodePollPage t={c.var.t} locale={c.var.locale} r={r} signedIn={Boolean(c.var.actor)} error={error} />, { status });
}

/** Room code routes. */
export const voteRoutes = new Hono<AppEnv>();

voteRoutes.get('/', (c) => {
  const typed = c.req.query('code');
  if (typed === undefined) return page(c, c.var.t('vote.title'), <CodeFormPage t={c.var.t} />);
  const code = normaliseRoomCode(typed);
  if (code) return c.redirect(paths.voteCode(code), 303);
  return page(c, c.var.t('vote.title'), <CodeFormPage t={c.var.t} code={typed.slice(0, 20)} error={c.var.t('error.room_code_unknown')} />, { status: 400 });
});

voteRoutes.get('/:code', (c) => codePage(c));

voteRoutes.post('/:code', async (c) => {
  const body = await readForm(c, { all: true });
  const choice = ([] as unknown[]).concat(body.choice ?? []).filter((v): v is string => typeof v === 'string');
  const pollId = typeof body.pollId === 'string' ? body.pollId : Array.isArray(body.pollId) && typeof body.pollId[0] === 'string' ? body.pollId[0] : '';
  try {
    await voteByCode(c.var.ctx, c.req.param('code'), device(c), { pollId, choice }, meta(c));
    flash(c, 'flash.voted');
    return c.redirect(paths.voteCode(c.req.param('code')), 303);
  } catch (e) {
    const err = fieldErrors(c, e);
    return codePage(c, Object.values(err.fields)[0] ?? err.error, (e as { status?: number }).status ?? 400);
  }
});
