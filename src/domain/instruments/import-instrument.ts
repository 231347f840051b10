// Use case: store a new instrument version (a JSON instrument, a translated spreadsheet, or the bundled
// one at start-up). Published versions are immutable, so a version that exists is refused, and an item id
// that changes type between versions is refused (it would silently break trends across cycles).
import { findInstrument, insertInstrument, latestInstrument } from '../../db/repositories/instruments.ts';
import { checkInstrument } from '../../instrument/loader.ts';
import { allItems } from '../../instrument/model.ts';
import { ZInstrument, type TInstrument } from '../../instrument/schema.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorize } from '../kernel/policies.ts';
import { newId } from '../../lib/tokens.ts';

/** Thrown with every validation problem when an instrument cannot be imported. */
export class InstrumentRejected extends AppError {
  constructor(public readonly problems: string[]) {
    super('invalid_input', 'error.instrument_invalid', { count: problems.length });
  }
}

/** Checks and stores a new version; returns its id. */
export async function importInstrument(ctx: Ctx, actor: Actor | undefined, doc: unknown): Promise<{ id: string; instrument: TInstrument }> {
  authorize(actor, 'instrument.manage');
  const check = checkInstrument(doc);
  if (!check.ok) throw new InstrumentRejected(check.problems);
  const inst = check.instrument;
  if (await findInstrument(ctx.db.kysely, inst.key, inst.version)) {
    throw new InstrumentRejected([`${inst.key} ${inst.version} already exists: published versions never change — give the new one another version`]);
  }
  const previous = await latestInstrument(ctx.db.kysely, inst.key);
  if (previous) {
    const prev = ZInstrument.parse(JSON.parse(previous.document));
    const prevTypes = new Map(allItems(prev).map(({ item }) => [item.id, item.type]));
    const mapped = inst.crosswalk?.map ?? {};
    const clashes = allItems(inst)
      .filter(({ item }) => prevTypes.has(item.id) && prevTypes.get(item.id) !== item.type && !Object.values(mapped).includes(item.id))
      .map(({ item }) => `${item.id}: was a ${prevTypes.get(item.id)} item in ${prev.version}, is a ${item.type} item now — give it a new id (and a crosswalk entry)`);
    if (clashes.length) throw new InstrumentRejected(clashes);
  }
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertInstrument(trx, {
      id,
      instrument_key: inst.key,
      version: inst.version,
      status: inst.status,
      document: JSON.stringify(inst),
      previous_version: previous?.version ?? null,
      created_at: at,
      created_by: actor.id,
    });
    await audit(trx, { at, actorId: actor.id, action: 'instrument.import', entityType: 'instrument', entityId: id, after: { key: inst.key, version: inst.version, status: inst.status } });
  });
  return { id, instrument: inst };
}
