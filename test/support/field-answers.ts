// Answers as a field collector would enter them, shared by the field-form round trip (ODK's engine) and
// the import of a KoboToolbox CSV export.
import type { TItem } from '../../src/instrument/schema.ts';
import type { TValue } from '../../src/scoring/types.ts';

/** A deterministic answer for every item, covering every kind of value (and some left unanswered). */
export function sampleValue(item: TItem, i: number): TValue | null {
  if (i % 11 === 10) return null;
  if (item.type !== 'text' && i % 7 === 3) return { kind: 'excluded', reason: i % 2 ? 'dont_know' : 'not_applicable' };
  switch (item.type) {
    case 'status':
      return { kind: 'status', status: (['yes', 'partly', 'no'] as const)[i % 3] as 'yes' };
    case 'level':
      return { kind: 'level', level: i % 5 };
    case 'checklist':
      return { kind: 'checklist', checked: i % 4 === 0 ? [] : item.options.slice(0, 1 + (i % 2)).map((o) => o.id) };
    case 'number':
      return { kind: 'number', number: item.min + 3.5 };
    case 'text':
      return { kind: 'text', text: `Narrative for ${item.id}: «قانون» & <more>` };
  }
}

