// Use cases for evidence: links and uploaded documents backing an answer. Documents live in the database
// (every app instance sees them, backups hold them) and are served only to their owner and to people who
// may read all answers of the assessment.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { z } from 'zod';
import { deleteEvidence, findEvidence, findEvidenceByFile, findFile, insertEvidence, insertFile } from '../db/repositories/answers.ts';
import { allItems } from '../instrument/loader.ts';
import { loadAssessment } from './assessment-access.ts';
import { audit } from './audit.ts';
import type { Actor, Ctx } from './context.ts';
import { AppError } from './errors.ts';
import { newId } from './tokens.ts';
import { parseInput } from './validate.ts';

/** Accepted document types: extension → MIME type and a check of the file's first bytes. */
export const FILE_TYPES: Record<string, { mime: string; magic: (b: Uint8Array) => boolean }> = (() => {
  const starts = (sig: number[]) => (b: Uint8Array) => sig.every((x, i) => b[i] === x);
  const zip = starts([0x50, 0x4b, 0x03, 0x04]);
  const text = (b: Uint8Array) => !b.includes(0) && (() => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  })();
  return {
    '.pdf': { mime: 'application/pdf', magic: starts([0x25, 0x50, 0x44, 0x46]) },
    '.png': { mime: 'image/png', magic: starts([0x89, 0x50, 0x4e, 0x47]) },
    '.jpg': { mime: 'image/jpeg', magic: starts([0xff, 0xd8, 0xff]) },
    '.jpeg': { mime: 'image/jpeg', magic: starts([0xff, 0xd8, 0xff]) },
    '.docx': { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: zip },
    '.xlsx': { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: zip },
    '.pptx': { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: zip },
    '.odt': { mime: 'application/vnd.oasis.opendocument.text', magic: zip },
    '.ods': { mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: zip },
    '.txt': { mime: 'text/plain; charset=utf-8', magic: text },
    '.csv': { mime: 'text/csv; charset=utf-8', magic: text },
  };
})();

const ZLink = z.object({
  itemId: z.string().regex(/^[A-Z]\.\d{2}$/),
  title: z.string().trim().max(200, { error: 'error.too_long' }).optional(),
  url: z
    .string({ error: 'error.url_invalid' })
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: 'error.url_invalid' }).max(2000, { error: 'error.too_long' })),
});

async function forOwnAnswer(ctx: Ctx, actor: Actor | undefined, assessmentId: string, itemId: string) {
  const access = await loadAssessment(ctx, actor, assessmentId, 'answers.write_own');
  if (access.assessment.state !== 'collecting') throw new AppError('conflict', 'error.collection_closed');
  if (!allItems(access.instrument).some(({ item }) => item.id === itemId)) throw new AppError('not_found', 'error.not_found');
  return access;
}

/** Adds a link as evidence for one of the actor's answers. */
export async function addEvidenceLink(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<string> {
  const data = parseInput(ZLink, input);
  await forOwnAnswer(ctx, actor, assessmentId, data.itemId);
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertEvidence(trx, { id, assessment_id: assessmentId, user_id: actor!.id, item_id: data.itemId, kind: 'link', title: data.title || new URL(data.url).hostname, url: data.url, file_id: null, created_at: at });
    await audit(trx, { at, actorId: actor!.id, action: 'evidence.add', entityType: 'assessment', entityId: assessmentId, after: { item: data.itemId, url: data.url } });
  });
  return id;
}

/** Stores an uploaded document as evidence; refuses types outside the allow-list and files over the limit. */
export async function uploadEvidenceFile(ctx: Ctx, actor: Actor | undefined, assessmentId: string, itemId: string, file: { name: string; bytes: Uint8Array }, title?: string): Promise<string> {
  await forOwnAnswer(ctx, actor, assessmentId, itemId);
  const name = file.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(-150) || 'document';
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
    await insertFile(trx, { id: fileId, assessment_id: assessmentId, name, mime: type.mime, size: file.bytes.length, sha256, data: file.bytes, created_by: actor!.id, created_at: at });
    await insertEvidence(trx, { id, assessment_id: assessmentId, user_id: actor!.id, item_id: itemId, kind: 'file', title: title?.trim().slice(0, 200) || name, url: null, file_id: fileId, created_at: at });
    await audit(trx, { at, actorId: actor!.id, action: 'evidence.upload', entityType: 'assessment', entityId: assessmentId, after: { item: itemId, name, size: file.bytes.length, sha256 } });
  });
  return id;
}

/** Removes one of the actor's own evidence entries. */
export async function removeEvidence(ctx: Ctx, actor: Actor | undefined, assessmentId: string, evidenceId: string): Promise<void> {
  await loadAssessment(ctx, actor, assessmentId, 'answers.write_own');
  const ev = await findEvidence(ctx.db.kysely, assessmentId, evidenceId);
  if (!ev || ev.user_id !== actor!.id) throw new AppError('not_found', 'error.not_found');
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await deleteEvidence(trx, ev.id, ev.file_id);
    await audit(trx, { at, actorId: actor!.id, action: 'evidence.remove', entityType: 'assessment', entityId: assessmentId, before: { item: ev.item_id, title: ev.title } });
  });
}

/** A document, for its owner or for people who may read all evidence of the assessment. */
export async function getEvidenceFile(ctx: Ctx, actor: Actor | undefined, assessmentId: string, fileId: string) {
  const access = await loadAssessment(ctx, actor, assessmentId, 'assessment.read');
  const file = await findFile(ctx.db.kysely, assessmentId, fileId);
  if (!file) throw new AppError('not_found', 'error.not_found');
  const ev = await findEvidenceByFile(ctx.db.kysely, fileId);
  if (ev?.user_id !== actor!.id && !access.may('evidence.read_all')) throw new AppError('forbidden', 'error.forbidden');
  return file;
}
