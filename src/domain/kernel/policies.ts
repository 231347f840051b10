// Permissions are data: one table says which actor may do what. Use cases call `authorize`, views call
// `can` to decide what to show, so the two never disagree. Assessment actions depend on the person's role
// in that assessment (passed as `role`); a site administrator may do everything everywhere.
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';

/** Roles a person can hold in one assessment. */
export const ROLES = ['coordinator', 'facilitator', 'respondent', 'observer'] as const;
/** A role in an assessment. */
export type TRole = (typeof ROLES)[number];

/** Site-wide actions. */
export const SITE_ACTIONS = ['user.list', 'user.create', 'user.reset_link', 'instrument.manage', 'audit.read', 'assessment.create', 'benchmark.manage', 'translation.grant', 'programme.view', 'programme.grant'] as const;
/** A site-wide action. */
export type TSiteAction = (typeof SITE_ACTIONS)[number];

/** Actions on one assessment. */
export const ASSESSMENT_ACTIONS = [
  'assessment.read',
  'assessment.update',
  'assessment.change_state',
  'participants.manage',
  'participants.read',
  'answers.write_own',
  'answers.read_all',
  'evidence.read_all',
  'results.read',
  'workshop.run',
  'room.view',
  'poll.vote',
  'plan.read',
  'plan.edit',
  'plan.adopt',
  'plan.track',
  'pulse.manage',
] as const;
/** An action on one assessment. */
export type TAssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/** The one permission table: which role may perform which assessment action. */
export const ROLE_ACTIONS: Record<TRole, ReadonlySet<TAssessmentAction>> = {
  // The coordinator owns the action plan: drafts it from the results, adopts it and records its progress.
  coordinator: new Set(['assessment.read', 'assessment.update', 'assessment.change_state', 'participants.manage', 'participants.read', 'answers.read_all', 'evidence.read_all', 'results.read', 'workshop.run', 'room.view', 'poll.vote', 'plan.read', 'plan.edit', 'plan.adopt', 'plan.track', 'pulse.manage']),
  // Facilitators edit the draft plan with the workshop.
  facilitator: new Set(['assessment.read', 'participants.read', 'answers.read_all', 'evidence.read_all', 'results.read', 'workshop.run', 'room.view', 'poll.vote', 'plan.read', 'plan.edit']),
  // Respondents sit in the workshop: they see the room and vote in quick polls.
  respondent: new Set(['assessment.read', 'answers.write_own', 'room.view', 'poll.vote']),
  observer: new Set(['assessment.read', 'results.read', 'room.view', 'plan.read']),
};

/**
 * What the assessment's stage adds for every member, whatever their role: once results are published,
 * everyone in the assessment (respondents included) may read them. Keyed by assessment state.
 */
export const STATE_GRANTS: Readonly<Record<string, ReadonlySet<TAssessmentAction>>> = {
  published: new Set(['results.read']),
};

/** What a read-only API token may do: the actions that change nothing. */
export const READ_ACTIONS: ReadonlySet<TAssessmentAction> = new Set(['assessment.read', 'participants.read', 'answers.read_all', 'evidence.read_all', 'results.read', 'room.view', 'plan.read']);

/**
 * What a programme officer may do in an assessment of a country they were granted, without a role in it:
 * read it and its results (overview, results, country report). They change nothing inside an assessment
 * unless they are also a member, whose role then adds its own rights.
 */
export const PROGRAMME_ACTIONS: ReadonlySet<TAssessmentAction> = new Set(['assessment.read', 'results.read']);

const PERSONAL_ACTIONS: ReadonlySet<TAssessmentAction> = new Set(['answers.write_own', 'poll.vote']);

function isSiteAction(a: string): a is TSiteAction {
  return (SITE_ACTIONS as readonly string[]).includes(a);
}

/**
 * Whether the actor may perform the action. For assessment actions `role` is the actor's role in that
 * assessment (undefined when they have none there), `state` the assessment's state, and `oversees` whether
 * the actor is programme officer for the assessment's country.
 */
export function can(actor: Actor | undefined, action: TSiteAction | TAssessmentAction, role?: TRole, state?: string, oversees = false): boolean {
  if (!actor) return false;
  // An API token narrows its owner's rights: never site administration, and only reading when read-only.
  if (actor.token && (isSiteAction(action) || (actor.token.scope === 'read' && !READ_ACTIONS.has(action)))) return false;
  if (isSiteAction(action)) {
    if (action === 'assessment.create') return actor.isAdmin || actor.isCoordinator;
    if (action === 'programme.view') return actor.isAdmin || actor.isProgrammeOfficer === true;
    return actor.isAdmin;
  }
  if (oversees && PROGRAMME_ACTIONS.has(action as TAssessmentAction)) return true;
  if (role !== undefined && state !== undefined && STATE_GRANTS[state]?.has(action as TAssessmentAction)) return true;
  // Administrators oversee every assessment but neither answer nor vote in anyone's name: those
  // personal actions need a role in the assessment that grants them.
  if (actor.isAdmin) return !PERSONAL_ACTIONS.has(action) || (role !== undefined && ROLE_ACTIONS[role].has(action));
  return role !== undefined && ROLE_ACTIONS[role].has(action);
}

/** Translator roles, granted per language by an administrator. */
export const TRANSLATOR_ROLES = ['translator', 'reviewer'] as const;
/** A translator role in one language. */
export type TTranslatorRole = (typeof TRANSLATOR_ROLES)[number];

/** Actions on the translations of one language. */
export const TRANSLATION_ACTIONS = ['translation.read', 'translation.edit', 'translation.review', 'translation.publish'] as const;
/** An action on one language's translations. */
export type TTranslationAction = (typeof TRANSLATION_ACTIONS)[number];

/**
 * Which translator role may do what in its language: translators edit texts and make suggestions;
 * reviewers also set the review status (reviewed, approved) and accept or reject suggestions. Signing off a
 * whole instrument language as approved stays with administrators.
 */
export const TRANSLATOR_ACTIONS: Record<TTranslatorRole, ReadonlySet<TTranslationAction>> = {
  translator: new Set(['translation.read', 'translation.edit']),
  reviewer: new Set(['translation.read', 'translation.edit', 'translation.review']),
};

/** Whether the actor may act on a language's translations; `role` is their translator role in it, if any. */
export function canTranslate(actor: Actor | undefined, action: TTranslationAction, role?: TTranslatorRole): boolean {
  if (!actor) return false;
  if (actor.isAdmin) return true;
  return role !== undefined && TRANSLATOR_ACTIONS[role].has(action);
}

/** Throws unauthenticated/forbidden unless the actor may act on the language's translations. */
export function authorizeTranslation(actor: Actor | undefined, action: TTranslationAction, role?: TTranslatorRole): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  if (!canTranslate(actor, action, role)) throw new AppError('forbidden', 'error.forbidden');
}

/** Throws unauthenticated/forbidden unless the actor may perform the action. */
export function authorize(actor: Actor | undefined, action: TSiteAction | TAssessmentAction, role?: TRole, state?: string, oversees = false): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  if (!can(actor, action, role, state, oversees)) throw new AppError('forbidden', 'error.forbidden');
}
