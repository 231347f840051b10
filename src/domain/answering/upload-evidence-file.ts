// Use case: store an uploaded document as evidence (allow-listed types, checked by their first bytes, size limit).
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { withoutBidiControls } from '../kernel/schemas.ts';
import { insertEvidence, insertFile } from '../../db/repositories/answers.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { newId } from '../../lib/tokens.ts';
import { FILE_TYPES, forOwnAnswer } from './evidence-rules.ts';

/** Stores an uploaded document as evidence; refuses types outside the allow-list and files over the limit. */
export async function uploadEvidenceFile(ctx: Ctx, actor: Actor | undefined, assessmentId: string, itemId: string, file: { name: string; bytes: Uint8Array }, title?: string): Promise<string> {
  const { actor: me } = await forOwnAnswer(ctx, actor, assessmentId, itemId);
  // Bidi controls go too: "\u202egpj.exe" must not display as "exe.jpg" in lists or download bars.
  const name = withoutBidiControls(file.name.replace(/[\\/\u0000-\u001f\u007f]/g, '_')).slice(-150) || 'document';
  const type = FILE_TYPES[extname(name).toLowerCase()];
  if (!type) throw new AppError('invalid_input', 'error.file_type', { types: Object.keys(FILE_TYPES).join(' ') }, { file: 'error.file_type' });
  if (file.bytes.length === 0) throw new AppError('invalid_input', 'error.file_empty', {}, { file: 'error.file_empty' });
  if (file.bytes.length > ctx.config.evidenceMaxBytes) throw new AppError('invalid_input', 'error.file_too_large', { mb: Math.round(ctx.config.evidenceMaxBytes / 1048576) }, { file: 'error.file_too_large' });
  if (!type.magic(file.bytes)) throw new AppError('invalid_input', 'error.file_mismatch', {}, { file: 'error.file_mismatch' });
  const fileId = newId();
  const id = newId();
  const at = ctx.now().toISOString();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertFile(trx, { id: fileId, assessment_id: assessmentId, name, mime: type.mime, size: file.bytes.length, sha256, data: file.bytes, created_by: me.id, created_at: at });
    await insertEvidence(trx, { id, assessment_id: assessmentId, user_id: me.id, item_id: itemId, kind: 'file', title: title?.trim().slice(0, 200) || name, url: null, file_id: fileId, created_at: at });
    await audit(trx, { at, actorId: me.id, action: 'evidence.upload', entityType: 'assessment', entityId: assessmentId, after: { item: itemId, name, size: file.bytes.length, sha256 } });
  });
  return id;
}
