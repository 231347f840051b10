// Use case: who holds translator or reviewer rights in which language (administrators only).
import { listRights } from '../../db/repositories/translations.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { authorize } from '../kernel/policies.ts';

/** Every granted right with the person's name and e-mail. */
export async function listTranslatorRights(ctx: Ctx, actor: Actor | undefined) {
  authorize(actor, 'translation.grant');
  return listRights(ctx.db.kysely);
}
