// Use case: add a link as evidence for one of the actor's answers.
import { z } from 'zod';
import { representable, withoutBidiControls } from '../kernel/schemas.ts';
import { insertEvidence } from '../../db/repositories/answers.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { newId } from '../../lib/tokens.ts';
import { parseInput } from '../kernel/validate.ts';
import { forOwnAnswer } from './evidence-rules.ts';

const ZLink = z.object({
  itemId: z.string().regex(/^[A-Z]\.\d{2}$/),
  title: z.string().refine(representable, { error: 'error.bad_characters' }).transform(withoutBidiControls).pipe(z.string().trim().max(200, { error: 'error.too_long' })).optional(),
  url: z
    .string({ error: 'error.url_invalid' })
    .trim()
    // "www.parliament.gov/…" as people copy it from a printed page: the web address it names. Anything
    // with a scheme (ftp:, javascript:) is left for the check below to refuse.
    .transform((u) => (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#].*)?$/i.test(u) ? `https://${u}` : u))
    .pipe(z.url({ protocol: /^https?$/, error: 'error.url_invalid' }).max(2000, { error: 'error.too_long' })),
});

/** Adds a link as evidence for one of the actor's answers. */
export async function addEvidenceLink(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<string> {
  const data = parseInput(ZLink, input);
  const { actor: me } = await forOwnAnswer(ctx, actor, assessmentId, data.itemId);
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertEvidence(trx, { id, assessment_id: assessmentId, user_id: me.id, item_id: data.itemId, kind: 'link', title: data.title || new URL(data.url).hostname, url: data.url, file_id: null, created_at: at });
    await audit(trx, { at, actorId: me.id, action: 'evidence.add', entityType: 'assessment', entityId: assessmentId, after: { item: data.itemId, url: data.url } });
  });
  return id;
}
