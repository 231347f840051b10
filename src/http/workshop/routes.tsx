// Workshop routes: the pillar and item pages with the consensus form, putting an item on the room's
// screen, quick polls (open, close, vote), the room page and its event stream, anonymisation (mounted at
// MOUNT.assessment). Each route parses, calls one use case, presents.
import { Hono, type Context } from 'hono';
import { answersFromForm } from '../../domain/answering/answer-values.ts';
import { loadAssessment } from '../../domain/kernel/access.ts';
import { countryName } from '../../i18n/countries.ts';
import { AppError } from '../../domain/kernel/errors.ts';
import { closePoll } from '../../domain/workshop/close-poll.ts';
import { getOpenPoll } from '../../domain/workshop/get-open-poll.ts';
import { openPoll } from '../../domain/workshop/open-poll.ts';
import { vote } from '../../domain/workshop/vote.ts';
import { ConsensusConflict, recordConsensus, type TConflict } from '../../domain/workshop/record-consensus.ts';
import { getRoom, type TRoom } from '../../domain/workshop/get-room.ts';
import { watchRoom } from '../../domain/workshop/watch-room.ts';
import { showInRoom } from '../../domain/workshop/show-in-room.ts';
import { setAnonymise } from '../../domain/workshop/set-anonymise.ts';
import { setRoomVoting } from '../../domain/workshop/set-room-voting.ts';
import { getWorkshop } from '../../domain/workshop/get-workshop.ts';
import { getWorkshopItem } from '../../domain/workshop/get-workshop-item.ts';
import { locateItem } from '../../instrument/model.ts';
import type { TValue } from '../../scoring/types.ts';
import type { AppEnv } from '../env.ts';
import { absolute, assessmentPaths, paths } from '../paths.ts';
import { fieldErrors, flash, formFields, page, param, readForm, safeNext, SESSION_COOKIE } from '../request.ts';
import { PollPage, RoomLive, RoomPage } from './room-views.tsx';
import { WorkshopItemPage } from './item-views.tsx';
import { WorkshopPage } from './views.tsx';
import { cookie, header } from '../incoming.ts';
import { eventStream } from '../kit/event-stream.ts';

/** Workshop, room and poll routes (mounted at MOUNT.assessment). */
export const workshopRoutes = new Hono<AppEnv>();

workshopRoutes.get('/workshop/:pillar{[A-Z]}?', async (c) => {
  const w = await getWorkshop(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('pillar'));
  return page(c, w.pillar ? `${c.var.t('ws.title')} · ${w.pillar.id}` : c.var.t('ws.title'), <WorkshopPage t={c.var.t} locale={c.var.locale} w={w} />);
});

async function itemPage(c: Context<AppEnv>, extra: { error?: string; fields?: Record<string, string>; values?: { value?: TValue | null; rationale?: string; dissent?: string }; conflict?: TConflict } = {}, status = 200) {
  const w = await getWorkshopItem(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('item') as string);
  return page(c, `${c.var.t('ws.title')} · ${w.item.id}`, <WorkshopItemPage t={c.var.t} locale={c.var.locale} w={w} {...extra} />, { status });
}

workshopRoutes.get('/workshop/items/:item', (c) => itemPage(c));

workshopRoutes.post('/workshop/items/:item/consensus', async (c) => {
  const id = param(c, 'id');
  const itemId = c.req.param('item');
  const body = await readForm(c, { all: true });
  const fields: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') fields[k] = v;
    else if (Array.isArray(v)) fields[k] = v.filter((x): x is string => typeof x === 'string');
  }
  const str = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string) : '');
  // The agreed-answer inputs are the questionnaire's, so the same parser reads them.
  const access = await loadAssessment(c.var.ctx, c.var.actor, id, 'workshop.run');
  const item = locateItem(access.instrument, itemId)?.item;
  if (!item) throw new AppError('not_found', 'error.not_found');
  const { answers, problems } = answersFromForm([item], fields);
  const value = answers[0]?.value ?? null;
  const values = { value, rationale: str('rationale'), dissent: str('dissent') };
  if (Object.keys(problems).length) {
    return itemPage(c, { error: c.var.t('error.form_invalid'), fields: { value: c.var.t(Object.values(problems)[0] as string) }, values }, 400);
  }
  try {
    await recordConsensus(c.var.ctx, c.var.actor, id, itemId, { value, rationale: values.rationale, dissent: values.dissent, baseRevision: str('baseRevision') });
    flash(c, 'flash.consensus_recorded');
    return c.redirect(assessmentPaths(id).workshopItem(itemId), 303);
  } catch (e) {
    const conflict = e instanceof ConsensusConflict ? e.newer : undefined;
    return itemPage(c, { ...fieldErrors(c, e), values, ...(conflict ? { conflict } : {}) }, (e as AppError).status ?? 400);
  }
});

workshopRoutes.post('/room/show', async (c) => {
  const form = await formFields(c);
  await showInRoom(c.var.ctx, c.var.actor, param(c, 'id'), { itemId: form.itemId ?? '' });
  flash(c, 'flash.shown_in_room');
  return c.redirect(safeNext(form.back), 303);
});

workshopRoutes.post('/polls', async (c) => {
  const form = await formFields(c);
  await openPoll(c.var.ctx, c.var.actor, param(c, 'id'), form.itemId ?? '');
  flash(c, 'flash.poll_opened');
  return c.redirect(safeNext(form.back), 303);
});

workshopRoutes.post('/polls/close', async (c) => {
  const form = await formFields(c);
  await closePoll(c.var.ctx, c.var.actor, param(c, 'id'));
  flash(c, 'flash.poll_closed');
  return c.redirect(safeNext(form.back), 303);
});

async function pollPage(c: Context<AppEnv>, error?: string, status = 200) {
  const { access, poll } = await getOpenPoll(c.var.ctx, c.var.actor, param(c, 'id'));
  return page(c, c.var.t('poll.title'), <PollPage t={c.var.t} locale={c.var.locale} access={access} poll={poll} error={error} />, { status });
}

workshopRoutes.get('/poll', (c) => pollPage(c));

workshopRoutes.post('/poll', async (c) => {
  // Read with every value of a name: a checklist ballot sends one "choice" per ticked option.
  const body = await readForm(c, { all: true });
  const strings = (v: unknown) => ([] as unknown[]).concat(v ?? []).filter((x): x is string => typeof x === 'string');
  try {
    await vote(c.var.ctx, c.var.actor, param(c, 'id'), { pollId: strings(body.pollId)[0] ?? '', choice: strings(body.choice) });
    flash(c, 'flash.voted');
    return c.redirect(assessmentPaths(param(c, 'id')).poll, 303);
  } catch (e) {
    const err = fieldErrors(c, e);
    return pollPage(c, Object.values(err.fields)[0] ?? err.error, (e as AppError).status ?? 400);
  }
});

// The room's live part as rendered, per snapshot (forgotten with it) and language.
const rendered = new WeakMap<object, Map<string, string>>();

/** Where phones vote without an account: the room code's page. */
const voteUrl = (c: Context<AppEnv>, r: TRoom) => absolute(c.var.ctx.config.publicUrl, paths.voteCode(r.code));

/** The live part of a room for one language: rendered once per snapshot, then the same string for every member. */
function liveHtml(c: Context<AppEnv>, r: TRoom): string {
  let byLocale = rendered.get(r.snapshot);
  if (!byLocale) rendered.set(r.snapshot, (byLocale = new Map()));
  let html = byLocale.get(c.var.locale);
  if (html === undefined) {
    byLocale.set(c.var.locale, (html = String(<RoomLive t={c.var.t} locale={c.var.locale} r={r} at={r.snapshot.at} voteUrl={voteUrl(c, r)} />)));
  }
  return html;
}

workshopRoutes.get('/room', async (c) => {
  const r = await getRoom(c.var.ctx, c.var.actor, param(c, 'id'));
  if (c.req.query('part') === 'live') {
    // The live part alone (a refresh, a client without event streams). The content is the same for every
    // member: rendered once per snapshot and language, and "unchanged" (304) to a page that already has it.
    // The member's access was checked above, on every request; only the rendering is shared.
    const etag = `W/"room-${r.snapshot.tag}-${c.var.locale}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (header(c, 'if-none-match') === etag) return c.body(null, 304);
    return c.html(liveHtml(c, r));
  }
  const props = { t: c.var.t, locale: c.var.locale, r, at: c.var.ctx.now(), voteUrl: voteUrl(c, r) };
  return page(c, c.var.t('room.title', { country: countryName(c.var.locale, r.access.assessment.country), year: r.access.assessment.cycle_year }), <RoomPage {...props} />, { bare: true, scripts: ['room.js'] });
});

// Server-sent events carrying the room's live part itself: after each announced change the stream's
// session and membership are checked again (together with every other open page of the room: watch-room.ts),
// and the part, computed and rendered once per change for everyone, is written to the stream. A room full of phones then costs one render and a socket write per phone per
// change, instead of every phone re-fetching the page part (measured: a request costs more than the
// write). The page says which snapshot it shows (?since=), and a reconnecting browser sends the last one
// it got (Last-Event-ID), so the stream starts with the current part only when the page's is older.
//
// Open room streams per person on this instance. A person has a few screens at most (a phone, a laptop,
// the projector, a tab or two); thousands, opened by one member, held memory and slowed every page.
const STREAMS_PER_PERSON = 8;
const openStreams = new Map<string, number>();

workshopRoutes.get('/room/events', async (c) => {
  const ctx = c.var.ctx;
  const first = await getRoom(ctx, c.var.actor, param(c, 'id'));
  const token = cookie(c, SESSION_COOKIE);
  // getRoom has turned away anyone signed out; an empty id would match no one and end the stream.
  const userId = c.var.actor?.id ?? '';
  const open = openStreams.get(userId) ?? 0;
  if (open >= STREAMS_PER_PERSON) throw new AppError('throttled', 'error.too_many_streams', { max: STREAMS_PER_PERSON });
  openStreams.set(userId, open + 1);
  const close = () => {
    const n = (openStreams.get(userId) ?? 1) - 1;
    if (n > 0) openStreams.set(userId, n);
    else openStreams.delete(userId);
  };
  let shown = header(c, 'last-event-id') ?? c.req.query('since');
  return eventStream(c, async (stream) => {
    try {
      await follow(stream);
    } finally {
      close();
    }
  });
  async function follow(stream: Parameters<Parameters<typeof eventStream>[1]>[0]) {
    const push = (r: TRoom) => {
      if (r.snapshot.tag === shown) return;
      shown = r.snapshot.tag;
      stream.send({ event: 'live', id: r.snapshot.tag, data: liveHtml(c, r) });
    };
    stream.send({ event: 'ready', data: 'ok', retry: 3000 });
    push(first);
    // Until the browser goes, the person may no longer see the room, or this instance stops.
    let done = () => undefined as void;
    const ended = new Promise<void>((r) => (done = r));
    const unwatch = watchRoom(ctx, first.access.assessment.id, { token, userId, push, end: done });
    stream.onAbort(done);
    const stopping = c.var.shutdown;
    stopping.addEventListener('abort', done);
    if (stopping.aborted) done();
    // A comment every 25 s keeps proxies from closing an idle stream.
    const ping = setInterval(() => stream.write(': ping\n\n'), 25_000);
    await ended;
    clearInterval(ping);
    unwatch();
    stopping.removeEventListener('abort', done);
    // This instance is stopping: tell the browser when to reconnect (to another instance, or this one
    // restarted), with some spread so a room full of phones does not come back in one instant.
    if (stopping.aborted && !stream.aborted) stream.write(`retry: ${1000 + Math.floor(Math.random() * 2000)}\n\n`);
  }
});

workshopRoutes.post('/room/voting', async (c) => {
  const form = await formFields(c);
  const until = await setRoomVoting(c.var.ctx, c.var.actor, param(c, 'id'), form);
  flash(c, until ? 'flash.room_open_to_all' : 'flash.room_members_only');
  return c.redirect(safeNext(form.back), 303);
});

workshopRoutes.post('/anonymise', async (c) => {
  const form = await formFields(c);
  await setAnonymise(c.var.ctx, c.var.actor, param(c, 'id'), form);
  flash(c, 'flash.saved');
  return c.redirect(assessmentPaths(param(c, 'id')).workshop, 303);
});
