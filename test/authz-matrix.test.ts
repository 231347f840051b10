// The authorisation matrix, generated from the route table (issue 12): every route × every identity ×
// the identity's own assessment and another one. Each route names the permission it needs in ACCESS;
// the expected outcome follows from the one policy table (src/domain/kernel/policies.ts), so routes and
// policy cannot drift apart — and a new route without an entry here fails until someone decides.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { can, canTranslate, type TAssessmentAction, type TRole, type TSiteAction, SITE_ACTIONS, TRANSLATION_ACTIONS, type TTranslationAction } from '../src/domain/kernel/policies.ts';
import { eachDialect } from './env.ts';
import { buildWorld, IDENTITIES, type TIdentity, type TWorld } from './support/identities.ts';
import { fill, routeKey, routeTable } from './support/routes.ts';

type TAccess = 'public' | 'signed_in' | TSiteAction | TAssessmentAction | TTranslationAction;

/** What each route requires. A route missing here fails the test: decide, then add it. */
const ACCESS: Record<string, TAccess> = {
  'GET /': 'public',
  'GET /healthz': 'public',
  'GET /sw.js': 'public',
  'GET /static/:hash/:name': 'public',
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'POST /sign-out': 'public',
  'GET /setup/:token': 'public',
  'POST /setup/:token': 'public',
  'GET /reset/:token': 'public',
  'POST /reset/:token': 'public',
  'GET /forgot-password': 'public',
  'POST /forgot-password': 'public',
  'GET /join/:token': 'public',
  'GET /account/tokens': 'signed_in',
  'POST /account/tokens': 'signed_in',
  'POST /account/tokens/:tokenId/revoke': 'signed_in',
  'POST /join/:token': 'public',
  'GET /instruments': 'public',
  'GET /instruments/:key/:version': 'public',
  'GET /instruments/:key/:version/:pillar': 'public',
  'GET /instruments/:key/:version/xlsform.xlsx': 'public',
  'GET /instruments/:key/:version/xform.xml': 'public',
  'GET /methodology': 'public',
  'GET /api/v1/instruments': 'public',
  'GET /api/v1/instruments/:key/:version': 'public',
  'GET /countries': 'public',
  'GET /countries/:iso3': 'public',
  'GET /api/v1/countries/:iso3': 'public',
  'GET /admin/benchmarks': 'benchmark.manage',
  'GET /admin/users': 'user.list',
  'POST /admin/users': 'user.create',
  'POST /admin/users/:id/reset-link': 'user.reset_link',
  'GET /admin/translators': 'translation.grant',
  'GET /admin/programme': 'programme.grant',
  'POST /admin/programme': 'programme.grant',
  'GET /programme': 'programme.view',
  'GET /programme/results.csv': 'programme.view',
  'POST /admin/translators': 'translation.grant',
  // The workbench's first page tells people without translator rights that they have none.
  'GET /translations': 'signed_in',
  // Nobody in the world holds translator rights: administrators only.
  'GET /translations/:lang': 'translation.read',
  'POST /translations/:lang/review': 'translation.review',
  'GET /translations/:lang/xliff': 'translation.read',
  'GET /translations/:lang/string': 'translation.read',
  'POST /translations/:lang/edit': 'translation.edit',
  'POST /translations/:lang/suggest': 'translation.review',
  'POST /translations/:lang/suggestions/:id': 'translation.edit',
  'GET /assessments': 'signed_in',
  'POST /assessments': 'assessment.create',
  'GET /assessments/:id': 'assessment.read',
  'POST /assessments/:id/state': 'assessment.change_state',
  'GET /assessments/:id/validation': 'assessment.change_state',
  'POST /assessments/:id/validation': 'assessment.change_state',
  'POST /assessments/:id/validation/accept-defaults': 'assessment.change_state',
  'GET /assessments/:id/participants': 'participants.read',
  'GET /assessments/:id/participants.csv': 'participants.read',
  'POST /assessments/:id/invitations': 'participants.manage',
  'POST /assessments/:id/organisations': 'participants.manage',
  'GET /assessments/:id/settings': 'assessment.update',
  'POST /assessments/:id/settings': 'assessment.update',
  'GET /assessments/:id/organisations/:org': 'participants.manage',
  'POST /assessments/:id/organisations/:org': 'participants.manage',
  'POST /assessments/:id/organisations/:org/remove': 'participants.manage',
  'GET /assessments/:id/people/:person': 'participants.manage',
  'POST /assessments/:id/people/:person': 'participants.manage',
  'GET /assessments/:id/people/:person/remove': 'participants.manage',
  'POST /assessments/:id/people/:person/remove': 'participants.manage',
  'POST /assessments/:id/invitations/csv': 'participants.manage',
  'GET /assessments/:id/field-import': 'participants.manage',
  'POST /assessments/:id/field-import': 'participants.manage',
  'POST /assessments/:id/invitations/:inv/revoke': 'participants.manage',
  'POST /assessments/:id/invitations/:inv/resend': 'participants.manage',
  'POST /assessments/:id/remind': 'participants.manage',
  'GET /assessments/:id/answer': 'answers.write_own',
  'GET /assessments/:id/answer/:pillar': 'answers.write_own',
  'GET /assessments/:id/submit': 'answers.write_own',
  'POST /assessments/:id/answer/:pillar': 'answers.write_own',
  'POST /assessments/:id/submit': 'answers.write_own',
  // Another respondent's document: for those who may read all evidence (owners may open their own).
  'GET /assessments/:id/files/:file': 'evidence.read_all',
  'POST /api/v1/assessments/:id/answers': 'answers.write_own',
  'GET /assessments/:id/workshop/:pillar{[A-Z]}?': 'workshop.run',
  'GET /assessments/:id/workshop/items/:item': 'workshop.run',
  'POST /assessments/:id/workshop/items/:item/consensus': 'workshop.run',
  'POST /assessments/:id/room/show': 'workshop.run',
  'POST /assessments/:id/polls': 'workshop.run',
  'POST /assessments/:id/polls/close': 'workshop.run',
  'GET /assessments/:id/poll': 'room.view',
  'POST /assessments/:id/poll': 'poll.vote',
  'GET /assessments/:id/room': 'room.view',
  'GET /assessments/:id/room/events': 'room.view',
  'POST /assessments/:id/anonymise': 'assessment.update',
  'POST /assessments/:id/room/voting': 'workshop.run',
  // The room code's pages are for anyone in the room; a member is sent on to their own poll page.
  'GET /v': 'public',
  'GET /v/:code': 'public',
  'POST /v/:code': 'public',
  'GET /assessments/:id/results': 'results.read',
  'GET /assessments/:id/results/items': 'results.read',
  'GET /assessments/:id/results/items/:item': 'results.read',
  'GET /assessments/:id/results.json': 'results.read',
  'GET /assessments/:id/results.csv': 'results.read',
  'GET /api/v1/assessments/:id/results': 'results.read',
  'GET /assessments/:id/report': 'results.read',
  'GET /assessments/:id/report.pdf': 'results.read',
  'GET /assessments/:id/report.xlsx': 'results.read',
  'GET /assessments/:id/report.zip': 'results.read',
  'GET /assessments/:id/plan': 'plan.read',
  'GET /assessments/:id/plan/timeline': 'plan.read',
  'GET /assessments/:id/plan.json': 'plan.read',
  'GET /assessments/:id/plan.csv': 'plan.read',
  'GET /assessments/:id/plan.xlsx': 'plan.read',
  'GET /api/v1/assessments/:id/plan': 'plan.read',
  'POST /assessments/:id/plan/generate': 'plan.adopt',
  'POST /assessments/:id/plan/adopt': 'plan.adopt',
  'POST /assessments/:id/plan/versions': 'plan.adopt',
  'GET /assessments/:id/plan/actions/new': 'plan.read',
  'POST /assessments/:id/plan/actions': 'plan.edit',
  'GET /assessments/:id/plan/actions/:action': 'plan.read',
  'POST /assessments/:id/plan/actions/:action': 'plan.edit',
  'POST /assessments/:id/plan/actions/:action/updates': 'plan.track',
  'GET /assessments/:id/plan/sections/:key': 'plan.edit',
  'POST /assessments/:id/plan/sections/:key': 'plan.edit',
  // The citizen pulse: answering is public (anonymous); managing it is the coordinator's; its results are
  // for whoever may read the assessment's results.
  'GET /p/:code': 'public',
  'POST /p/:code': 'public',
  'GET /p/:code/thanks': 'public',
  'GET /p/:code/poster/:lang': 'public',
  'GET /assessments/:id/pulse': 'pulse.manage',
  'POST /assessments/:id/pulse': 'pulse.manage',
  'POST /assessments/:id/pulse/codes': 'pulse.manage',
  'GET /assessments/:id/pulse/results': 'results.read',
  'GET /api/v1/assessments/:id/pulse': 'results.read',
  // API v1 (src/http/api/operations.ts): the same permissions as the pages that show the same thing.
  'GET /api': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /api/v1/countries': 'public',
  'GET /api/v1/assessments': 'signed_in',
  'GET /api/v1/assessments/:id': 'assessment.read',
  'POST /api/v1/assessments/:id/organisations': 'participants.manage',
  'POST /api/v1/assessments/:id/invitations': 'participants.manage',
  // Publication: the public pages and JSON need no sign-in (an unpublished assessment is not found there,
  // for everyone: test/publication.test.ts); a respondent's consent to be named is their own.
  'GET /public/assessments': 'public',
  'GET /public/assessments/:id': 'public',
  'GET /public/assessments/:id/report.pdf': 'public',
  'GET /public/assessments/:id/report.xlsx': 'public',
  'GET /public/assessments/:id/report.zip': 'public',
  'GET /api/v1/public/assessments': 'public',
  'GET /api/v1/public/assessments/:id': 'public',
  'GET /assessments/:id/consent': 'answers.write_own',
  'POST /assessments/:id/consent': 'answers.write_own',
  'POST /assessments/:id/publication': 'assessment.change_state',
};

type TOutcome = 'ok' | 'sign_in' | 'forbidden' | 'hidden';

// Routes about a thing the test world does not have (the demo's current cycle has no action plan yet, so
// no plan to export, no action or section to open): someone allowed in gets "not found" for the thing
// itself. Everyone else must still get exactly what the policy table says.
const ABSENT_THING = new Set([
  // No room has the code 'x'.
  'GET /v/:code',
  'POST /v/:code',
  'GET /translations/:lang/xliff',
  // No string named by an empty query, and no suggestion 'x' (translations.test.ts edits real ones).
  'GET /translations/:lang/string',
  'POST /translations/:lang/edit',
  'POST /translations/:lang/suggest',
  'POST /translations/:lang/suggestions/:id',
  // The world's people have no API token to revoke.
  'POST /account/tokens/:tokenId/revoke',
  'GET /assessments/:id/plan.json',
  'GET /assessments/:id/plan.csv',
  'GET /assessments/:id/plan.xlsx',
  'GET /api/v1/assessments/:id/plan',
  'GET /assessments/:id/plan/actions/:action',
  'POST /assessments/:id/plan/actions/:action',
  'POST /assessments/:id/plan/actions/:action/updates',
  'GET /assessments/:id/plan/sections/:key',
  'POST /assessments/:id/plan/sections/:key',
  // The test world opens no citizen pulse, so there is no public code to answer (pulse.test.ts does).
  'GET /p/:code',
  'POST /p/:code',
  'GET /p/:code/thanks',
  'GET /p/:code/poster/:lang',
  // Neither assessment of the test world is published: its public pages are not found, for everyone.
  'GET /public/assessments/:id',
  'GET /public/assessments/:id/report.pdf',
  'GET /public/assessments/:id/report.xlsx',
  'GET /public/assessments/:id/report.zip',
  'GET /api/v1/public/assessments/:id',
]);

const ROLE: Partial<Record<TIdentity, TRole>> = { respondent: 'respondent', observer: 'observer', facilitator: 'facilitator', coordinator: 'coordinator' };

/** The outcome the policy table predicts for an identity on a route, in its own or another assessment. */
function expected(access: TAccess, who: TIdentity, where: 'own' | 'other', state: string): TOutcome {
  if (access === 'public') return 'ok';
  if (who === 'anonymous') return 'sign_in';
  if (access === 'signed_in') return 'ok';
  const actor = { id: 'x', email: 'x', name: 'x', isAdmin: who === 'admin', isCoordinator: who === 'coordinator', isProgrammeOfficer: who === 'programme', locale: null };
  if ((TRANSLATION_ACTIONS as readonly string[]).includes(access)) return canTranslate(actor, access as TTranslationAction) ? 'ok' : 'forbidden';
  if (!access.includes('.') || (SITE_ACTIONS as readonly string[]).includes(access)) return can(actor, access as TSiteAction) ? 'ok' : 'forbidden';
  const role = where === 'own' ? ROLE[who] : undefined;
  // The programme officer holds Demoland, the own assessment's country, and no role in it.
  const oversees = who === 'programme' && where === 'own';
  // People outside an assessment are told it does not exist; administrators oversee every one.
  if (!role && who !== 'admin' && !oversees) return 'hidden';
  // What a member may do can depend on the assessment's state (published results are for every member).
  return can(actor, access as TAssessmentAction, role, state, oversees) ? 'ok' : 'forbidden';
}

function outcome(status: number, location: string | null): TOutcome | `server error ${number}` {
  if (status >= 500) return `server error ${status}`;
  if (status === 401 || (status === 303 && location?.startsWith('/sign-in'))) return 'sign_in';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'hidden';
  return 'ok';
}

eachDialect('authorisation matrix from the route table', (get) => {
  let w: TWorld;
  before(async () => {
    w = await buildWorld(get().ctx);
  });

  // An event stream that is allowed never ends: take its status and hang up.
  async function openStream(session: string | undefined, path: string) {
    const res = await w.app.request(`http://metep.test${path}`, { headers: session ? { cookie: `metep_session=${session}` } : {} });
    await res.body?.cancel();
    return { status: res.status, location: res.headers.get('location') };
  }

  test('every route has a decided access rule, and no rule names a route that is gone', () => {
    const keys = routeTable(w.app).map(routeKey);
    assert.deepEqual(keys.filter((k) => !(k in ACCESS)), [], 'routes without an expected outcome: add them to ACCESS');
    assert.deepEqual(Object.keys(ACCESS).filter((k) => !keys.includes(k)), [], 'ACCESS names routes that no longer exist');
  });

  test('every route × identity × own/other assessment answers as the policy table says', async () => {
    const wrong: string[] = [];
    const routes = routeTable(w.app).filter((r) => r.method === 'GET' || r.path !== '/sign-out');
    let count = 0;
    for (const where of ['own', 'other'] as const) {
      const a = w[where];
      const { state } = await get().ctx.db.kysely.selectFrom('assessments').select('state').where('id', '=', a.id).executeTakeFirstOrThrow();
      for (const r of [...routes, { method: 'POST', path: '/sign-out' }]) {
        const access = ACCESS[routeKey(r)] as TAccess;
        if (where === 'other' && !r.path.includes('/assessments/:id')) continue;
        const path = fill(r.path, (name) =>
          r.path.startsWith('/admin/users/:id') && name === 'id'
            ? w.userId
            : ({ id: a.id, inv: a.invitation, file: a.file, org: a.org, person: a.person, pillar: 'A', item: 'A.01', token: 't'.repeat(43), key: 'metep', version: '2026.1', lang: 'ar', hash: 'x', name: 'app.css', iso3: 'KEN' } as Record<string, string>)[name] ?? 'x',
        );
        for (const who of IDENTITIES) {
          const b = await w.as(who, r.path === '/sign-out');
          // Bodies that pass parsing where the route parses first (the API wants JSON; polls name an item),
          // so what is measured is the access decision.
          const res = r.path.endsWith('/events')
            ? await openStream(b.cookies.get('metep_session'), path)
            : r.method === 'GET'
              ? await b.get(path)
              : path.startsWith('/api/')
                ? await b.request('POST', path, '{}', { 'content-type': 'application/json', accept: 'application/json', origin: 'http://metep.test' })
                : await b.post(path, { itemId: 'A.01' });
          count++;
          const got = outcome(res.status, res.location);
          const want = expected(access, who, where, state);
          if (got === 'hidden' && want === 'ok' && ABSENT_THING.has(routeKey(r))) continue;
          if (got !== want) wrong.push(`${r.method} ${path} as ${who} (${where}): expected ${want}, got ${got} (${res.status})`);
        }
      }
    }
    assert.deepEqual(wrong, [], `${wrong.length} of ${count} requests disagree with the policy table`);
    assert.ok(count > 500, `${count} requests`);
  });
}, {});
