// Reading the bundled citizen pulse instrument (one JSON file per version, every text keyed by language).
import { readFileSync } from 'node:fs';
import { packagePath } from '../../lib/paths.ts';
import { checkPulseInstrument, type TPulseInstrument } from './schema.ts';

/** The bundled pulse versions; new pulses use the last. */
export const PULSE_VERSIONS = ['2026.1'] as const;
/** The version a new pulse uses. */
export const CURRENT_PULSE_VERSION = '2026.1';

/** The file of a bundled pulse version. */
export function bundledPulseFile(version: string): string {
  return packagePath(`src/instrument/pulse/metep-pulse-${version}.json`);
}

/** Whether a parsed JSON document is a citizen pulse instrument (rather than a METEP instrument). */
export function isPulseDocument(doc: unknown): boolean {
  return !!doc && typeof doc === 'object' && (doc as { kind?: unknown }).kind === 'citizen-pulse';
}

const cache = new Map<string, TPulseInstrument>();

/** A bundled pulse version, validated once; throws on an unknown version or an invalid file. */
export function bundledPulseInstrument(version: string = CURRENT_PULSE_VERSION): TPulseInstrument {
  const hit = cache.get(version);
  if (hit) return hit;
  if (!(PULSE_VERSIONS as readonly string[]).includes(version)) throw new Error(`unknown pulse instrument version ${version}`);
  const r = checkPulseInstrument(JSON.parse(readFileSync(bundledPulseFile(version), 'utf8')));
  if (!r.ok) throw new Error(`pulse instrument ${version} is invalid:\n${r.problems.join('\n')}`);
  cache.set(version, r.instrument);
  return r.instrument;
}
