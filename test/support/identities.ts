// The people the generated route tests act as: signed out, signed in without a role, each assessment role
// in the demo assessment (their "own"), a site administrator, a programme officer for the demo's country
// (Demoland: "own" without a role in it), and a second assessment none of them is in ("other") — with the sub-resources (invitation, evidence document) each assessment's routes name.
import type { Hono } from 'hono';
import { insertEvidence, insertFile } from '../../src/db/repositories/answers.ts';
import { createAssessment } from '../../src/domain/assessments/create-assessment.ts';
import { createUser } from '../../src/domain/accounts/create-user.ts';
import { resolveSession } from '../../src/domain/accounts/resolve-session.ts';
import { signIn } from '../../src/domain/accounts/sign-in.ts';
import { OPERATOR, type Ctx } from '../../src/domain/kernel/context.ts';
import { createInvitation } from '../../src/domain/participants/create-invitation.ts';
import { grantProgrammeCountries } from '../../src/domain/programme/grant-programme-countries.ts';
import type { AppEnv } from '../../src/http/env.ts';
import { newId } from '../../src/lib/tokens.ts';
import { Browser } from '../http.ts';
import { demoApp } from './demo.ts';

/** Who a generated request is sent as. */
export const IDENTITIES = ['anonymous', 'no_role', 'respondent', 'observer', 'facilitator', 'coordinator', 'admin', 'programme'] as const;
/** One of IDENTITIES. */
export type TIdentity = (typeof IDENTITIES)[number];

/** An assessment with the sub-resources its routes name: an invitation, a document, an organisation, a member. */
export interface TPlace {
  id: string;
  invitation: string;
  file: string;
  org: string;
  person: string;
}

/** The world the generated tests run in. */
export interface TWorld {
  app: Hono<AppEnv>;
  own: TPlace;
  other: TPlace;
  userId: string;
  /** A browser signed in as the identity; `fresh` for a session of its own (for routes that sign out). */
  as(who: TIdentity, fresh?: boolean): Promise<Browser>;
}

/** Builds the world: the demo assessment, a second one, an administrator and a person without a role. */
export async function buildWorld(ctx: Ctx): Promise<TWorld> {
  const demo = await demoApp(ctx);
  const password = 'a long enough password';
  await createUser(ctx, OPERATOR, { name: 'Ada Admin', email: 'ada.admin@example.org', password, isAdmin: true });
  await createUser(ctx, OPERATOR, { name: 'Nora Nobody', email: 'nora@example.org', password });
  await createUser(ctx, OPERATOR, { name: 'Olga Other', email: 'olga@example.org', password, isCoordinator: true });
  await createUser(ctx, OPERATOR, { name: 'Pat Programme', email: 'pat.programme@example.org', password });
  await grantProgrammeCountries(ctx, OPERATOR, { email: 'pat.programme@example.org', countries: 'XDM', change: 'grant' });
  const session = async (email: string, pw: string) => (await signIn(ctx, { email, password: pw }, { ip: null, userAgent: null })).token;
  const olga = await resolveSession(ctx, await session('olga@example.org', password));
  const rania = await resolveSession(ctx, await session('coordinator@demo.metep.example', demo.password));
  const otherId = await createAssessment(ctx, olga, { country: 'FJI', cycleYear: 2026 });
  const at = ctx.now().toISOString();
  const doc = async (assessmentId: string, email: string) => {
    const user = await ctx.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const fileId = newId();
    await insertFile(ctx.db.kysely, { id: fileId, assessment_id: assessmentId, name: 'minutes.txt', mime: 'text/plain', size: 2, sha256: '00', data: new Uint8Array([104, 105]), created_by: user.id, created_at: at });
    await insertEvidence(ctx.db.kysely, { id: newId(), assessment_id: assessmentId, user_id: user.id, item_id: 'A.01', kind: 'file', title: 'Minutes', url: null, file_id: fileId, created_at: at });
    return fileId;
  };
  const orgOf = async (assessmentId: string, name: string) => (await ctx.db.kysely.selectFrom('organisations').select('id').where('assessment_id', '=', assessmentId).where('name', '=', name).executeTakeFirstOrThrow()).id;
  const userOf = async (email: string) => (await ctx.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const own = {
    id: demo.id,
    invitation: (await createInvitation(ctx, rania, demo.id, { name: 'Pending Person', organisation: 'Civic Lab', group: 'civil_society', role: 'respondent', locale: 'en' })).id,
    // Another respondent's document: the respondent identity may not open it.
    file: await doc(demo.id, 'respondent2@demo.metep.example'),
    org: await orgOf(demo.id, 'Civic Lab'),
    person: await userOf('respondent2@demo.metep.example'),
  };
  const other = {
    id: otherId,
    invitation: (await createInvitation(ctx, olga, otherId, { name: 'Far Person', organisation: 'Far Lab', group: 'academia', role: 'respondent', locale: 'en' })).id,
    file: await doc(otherId, 'olga@example.org'),
    org: await orgOf(otherId, 'Far Lab'),
    person: await userOf('olga@example.org'),
  };
  const nobody = await ctx.db.kysely.selectFrom('users').select('id').where('email', '=', 'nora@example.org').executeTakeFirstOrThrow();
  const login: Record<Exclude<TIdentity, 'anonymous'>, [string, string]> = {
    no_role: ['nora@example.org', password],
    respondent: ['respondent1@demo.metep.example', demo.password],
    observer: ['observer@demo.metep.example', demo.password],
    facilitator: ['facilitator@demo.metep.example', demo.password],
    coordinator: ['coordinator@demo.metep.example', demo.password],
    admin: ['ada.admin@example.org', password],
    programme: ['pat.programme@example.org', password],
  };
  const tokens = new Map<TIdentity, string>();
  return {
    app: demo.app,
    own,
    other,
    userId: nobody.id,
    async as(who, fresh = false) {
      const b = new Browser(demo.app);
      if (who === 'anonymous') return b;
      let token = fresh ? await session(...login[who]) : tokens.get(who);
      if (!token) tokens.set(who, (token = await session(...login[who])));
      b.cookies.set('metep_session', token);
      return b;
    },
  };
}
