// Which assessments may still be edited after creation (settings, organisations, people). Validated and
// published results rest on the groups and people as they were: changing them would silently change locked
// figures, so the coordinator moves the assessment back to consolidation first (which the audit log records).
import type { AssessmentRow } from '../../db/repositories/assessments.ts';
import { AppError } from './errors.ts';
import { z } from 'zod';

/** Whether an assessment in this state may be edited. */
export function isEditable(state: AssessmentRow['state']): boolean {
  return state !== 'validated' && state !== 'published';
}

/** Throws conflict when the assessment's results are locked. */
export function assertEditable(a: Pick<AssessmentRow, 'state'>): void {
  if (!isEditable(a.state)) throw new AppError('conflict', 'error.edit_locked');
}

/** The revision an edit form was showing (optimistic concurrency). */
export const zRevision = z.coerce.number({ error: 'error.form_invalid' }).int({ error: 'error.form_invalid' }).min(0, { error: 'error.form_invalid' }).max(2 ** 31 - 1, { error: 'error.form_invalid' });

/** Thrown when the thing changed since the form was shown: nothing was saved. */
export class StaleEdit extends AppError {
  constructor() {
    super('conflict', 'error.stale_edit');
  }
}
