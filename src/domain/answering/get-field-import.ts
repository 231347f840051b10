// Use case: what the coordinator's field-import page shows before a file is sent: which instrument
// version the field form must be (the export links) and whether the assessment accepts answers now.
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';

/** The field-import page's facts. */
export interface TFieldImportPage {
  assessmentId: string;
  state: string;
  instrumentKey: string;
  version: string;
}

/** Loads the facts of the field-import page (coordinators and administrators). */
export async function getFieldImport(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TFieldImportPage> {
  const { assessment, instrument } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  return { assessmentId: assessment.id, state: assessment.state, instrumentKey: instrument.key, version: instrument.version };
}
