// Use case: remember a signed-in user's language.
import { setUserLocale } from '../../db/repositories/users.ts';
import type { Actor, Ctx } from '../kernel/context.ts';

/** Stores the language as the user's preference. */
export async function setLocale(ctx: Ctx, actor: Actor, locale: string): Promise<void> {
  if (actor.locale === locale) return;
  await setUserLocale(ctx.db.kysely, actor.id, locale);
}
