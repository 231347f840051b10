// The small instrument of docs/METHODOLOGY.md, used by the scoring tests (test-only module).
import { ZInstrument, type TInstrument } from '../instrument/schema.ts';

const en = (s: string) => ({ en: s });
const base = (id: string, weight: number, extra: Record<string, unknown> = {}) => ({
  id,
  weight,
  provenance: 'reconstructed',
  tags: { stages: [], sectors: [], sdg: [] },
  question: en(`Question ${id}`),
  guidance: en(`Guidance ${id}`),
  actions: [{ id: 'a1', lead: 'ict_ministry', horizon: 'short', text: en(`Act on ${id}`) }],
  ...extra,
});
const levels = [0, 1, 2, 3, 4].map((l) => en(`Level ${l}`));

/** The methodology's example instrument: pillars P (weight 2) and Q (weight 1, e-consultation). */
export const EXAMPLE: TInstrument = ZInstrument.parse({
  key: 'example',
  version: '2026.1',
  status: 'published',
  sourceLanguage: 'en',
  languages: { en: { status: 'source', note: 'Example' } },
  title: en('Example'),
  description: en('Example instrument'),
  parts: [
    {
      id: 'I',
      title: en('Part I'),
      description: en('Part I'),
      pillars: [
        {
          id: 'P',
          weight: 2,
          title: en('P'),
          description: en('P'),
          items: [
            base('P.01', 1, { type: 'status', evidenceAbove: 0 }),
            base('P.02', 2, { type: 'level', evidenceAbove: 0.25, levels }),
            base('P.03', 1, { type: 'checklist', options: [{ id: 'a', weight: 2, label: en('A') }, { id: 'b', weight: 1, label: en('B') }, { id: 'c', weight: 1, label: en('C') }] }),
            base('P.04', 1, { type: 'number', thresholds: [1, 5, 10, 20], unit: en('things') }),
            base('P.05', 0, { type: 'text', actions: [] }),
          ],
        },
      ],
    },
    {
      id: 'II',
      title: en('Part II'),
      description: en('Part II'),
      pillars: [
        {
          id: 'Q',
          weight: 1,
          epiStage: 'e_consultation',
          title: en('Q'),
          description: en('Q'),
          items: [base('Q.01', 1, { type: 'level', levels, actions: [{ id: 'a1', lead: 'ict_ministry', horizon: 'short', sameAs: 'P.02/a1', text: en('Act on Q.01 as on P.02') }] }), base('Q.02', 1, { type: 'status', evidenceAbove: 0 })],
        },
      ],
    },
  ],
});
