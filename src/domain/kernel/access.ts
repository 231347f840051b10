// Loading an assessment for an actor and an action: the one place that turns "who is asking" into the
// role used by policies. People with no role in an assessment get not_found, so its existence is not
// revealed; members without the permission get forbidden.
import { findAssessment, findAssessmentWithMembership, findMemberships, type AssessmentRow } from '../../db/repositories/assessments.ts';
import { isProgrammeCountry } from '../../db/repositories/programme.ts';
import type { TInstrument } from '../../instrument/schema.ts';
import type { Actor, Ctx } from './context.ts';
import { AppError } from './errors.ts';
import { instrumentById } from '../instruments/get-instrument.ts';
import { authorize, can, type TAssessmentAction, type TRole } from './policies.ts';

/** An assessment as an actor may see it. */
export interface AssessmentAccess {
  assessment: AssessmentRow;
  role: TRole | undefined;
  organisationId: string | null;
  instrument: TInstrument;
  /** What this actor may do here, for views. */
  may: (action: TAssessmentAction) => boolean;
}

type TAccess = AssessmentAccess & { actor: Actor };
type TMember = { role: TRole | null; organisation_id: string | null };

/** Loads the assessment and checks the actor may perform `action` on it. */
export async function loadAssessment(ctx: Ctx, actor: Actor | undefined, id: string, action: TAssessmentAction): Promise<TAccess> {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  // A token for one assessment does not reveal that others exist.
  if (actor.token?.assessmentId && actor.token.assessmentId !== id) throw new AppError('not_found', 'error.not_found');
  const row = id.length <= 64 ? await findAssessmentWithMembership(ctx.db.kysely, id, actor.id) : undefined;
  if (!row) throw new AppError('not_found', 'error.not_found');
  const { member_role, member_organisation, ...assessment } = row;
  return accessFor(ctx, actor, assessment, member_role ? { role: member_role, organisation_id: member_organisation } : undefined, action);
}

/**
 * The same check for several people and one assessment, read in two queries whoever they are (the open
 * room streams of a workshop, checked again together after each change): for each actor, in order, the
 * access or the error loadAssessment would have thrown. Nothing is remembered between calls.
 */
export async function loadAssessmentForMany(ctx: Ctx, actors: readonly Actor[], id: string, action: TAssessmentAction): Promise<(TAccess | AppError)[]> {
  const assessment = id.length <= 64 ? await findAssessment(ctx.db.kysely, id) : undefined;
  if (!assessment) return actors.map(() => new AppError('not_found', 'error.not_found'));
  const members = new Map((await findMemberships(ctx.db.kysely, id, [...new Set(actors.map((a) => a.id))])).map((m) => [m.user_id, m]));
  return Promise.all(
    actors.map(async (actor) => {
      try {
        if (actor.token?.assessmentId && actor.token.assessmentId !== id) throw new AppError('not_found', 'error.not_found');
        return await accessFor(ctx, actor, assessment, members.get(actor.id), action);
      } catch (e) {
        if (e instanceof AppError) return e;
        throw e;
      }
    }),
  );
}

// The rules both loaders apply, once the assessment and the actor's membership in it are read.
async function accessFor(ctx: Ctx, actor: Actor, assessment: AssessmentRow, member: TMember | undefined, action: TAssessmentAction): Promise<TAccess> {
  const role = member?.role ?? undefined;
  // A programme officer reads the assessments of their countries. Asked only off the hot path: of people
  // with no role here (who are otherwise turned away) and of members known to hold programme rights.
  const oversees = !actor.isAdmin && (!role || actor.isProgrammeOfficer === true) && (await isProgrammeCountry(ctx.db.kysely, actor.id, assessment.country));
  if (!role && !actor.isAdmin && !oversees) throw new AppError('not_found', 'error.not_found');
  authorize(actor, action, role, assessment.state, oversees);
  return {
    actor,
    assessment,
    role,
    organisationId: member?.organisation_id ?? null,
    instrument: await instrumentById(ctx, assessment.instrument_id),
    may: (a) => can(actor, a, role, assessment.state, oversees),
  };
}
