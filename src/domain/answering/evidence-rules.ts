// Evidence backing an answer: accepted document types, and the check that an actor may attach evidence to
// their own answer now. Documents live in the database (every app instance sees them, backups hold them).
import { allItems } from '../../instrument/model.ts';
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

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

export async function forOwnAnswer(ctx: Ctx, actor: Actor | undefined, assessmentId: string, itemId: string) {
  const access = await loadAssessment(ctx, actor, assessmentId, 'answers.write_own');
  if (access.assessment.state !== 'collecting') throw new AppError('conflict', 'error.collection_closed');
  if (!allItems(access.instrument).some(({ item }) => item.id === itemId)) throw new AppError('not_found', 'error.not_found');
  return access;
}
