// Use case: the stored instrument versions as the public list shows them (page and API): what a reader
// needs, not the stored row.
import { allItems } from '../../instrument/model.ts';
import type { Ctx } from '../kernel/context.ts';
import { instrumentById } from './get-instrument.ts';
import { listInstruments } from './list-instruments.ts';

/** One stored version as listed: its identity, state, size and languages. */
export interface TInstrumentSummary {
  key: string;
  version: string;
  status: 'draft' | 'published' | 'retired';
  previousVersion: string | null;
  createdAt: string;
  /** Every item, and those that are scored (narrative items are not). */
  items: number;
  scored: number;
  /** Language codes the version carries, source language included. */
  languages: string[];
}

/** Every stored version, newest first within a key, with its item counts and languages. */
export async function listInstrumentSummaries(ctx: Ctx): Promise<TInstrumentSummary[]> {
  const rows = await listInstruments(ctx);
  return Promise.all(
    rows.map(async (r) => {
      const instrument = await instrumentById(ctx, r.id);
      const items = allItems(instrument);
      return {
        key: r.instrument_key,
        version: r.version,
        status: r.status,
        previousVersion: r.previous_version,
        createdAt: r.created_at,
        items: items.length,
        scored: items.filter(({ item }) => item.type !== 'text').length,
        languages: Object.keys(instrument.languages),
      };
    }),
  );
}
