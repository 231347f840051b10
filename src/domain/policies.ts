// Permissions are data: one table says which actor may do what. Use cases call `authorize`, views call
// `can` to decide what to show, so the two never disagree.
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';

/** Site-wide actions (per-assessment roles extend this table as assessments arrive). */
export type TSiteAction = 'user.list' | 'user.create' | 'user.reset_link' | 'instrument.manage' | 'audit.read';

const ADMIN_ONLY: ReadonlySet<TSiteAction> = new Set(['user.list', 'user.create', 'user.reset_link', 'instrument.manage', 'audit.read']);

/** Whether the actor may perform a site-wide action. */
export function can(actor: Actor | undefined, action: TSiteAction): boolean {
  if (!actor) return false;
  if (ADMIN_ONLY.has(action)) return actor.isAdmin;
  return false;
}

/** Throws unauthenticated/forbidden unless the actor may perform the action. */
export function authorize(actor: Actor | undefined, action: TSiteAction): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  if (!can(actor, action)) throw new AppError('forbidden', 'error.forbidden');
}
