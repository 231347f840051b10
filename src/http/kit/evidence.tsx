// An evidence entry: a link, or a stored document opened through the app. Its title is typed by a respondent,
// so it is isolated (dir="auto") from the page's direction.
import type { TEvidenceRow } from '../../domain/results/load-answer-set.ts';
import { assessmentPaths } from '../paths.ts';

/** One piece of evidence: a link opens in a new tab; a document downloads, for those who may open it. */
export function EvidenceLink(p: { e: TEvidenceRow; assessmentId: string; canOpenFiles?: boolean; label?: string }) {
  const label = p.label ?? p.e.title;
  if (p.e.kind === 'link') return <a href={p.e.url ?? '#'} rel="noopener noreferrer nofollow" target="_blank" dir="auto">{label}</a>;
  return p.canOpenFiles === false ? <bdi>{label}</bdi> : <a href={assessmentPaths(p.assessmentId).file(p.e.file_id ?? '')} dir="auto">{label}</a>;
}
