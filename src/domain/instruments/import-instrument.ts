// Use case: store a new instrument version (a JSON instrument, a translated spreadsheet, or the bundled
// ones at start-up). Published versions are immutable, so a version that exists is refused; a crosswalk must
// map the version it comes from soundly; and an item id that changes type between versions is refused unless
// the crosswalk says it changed (a silent change would break trends across cycles).
import { findInstrument, insertInstrument, latestInstrument } from '../../db/repositories/instruments.ts';
import { checkInstrument } from '../../instrument/loader.ts';
import { checkCrosswalk, crosswalkEntries } from '../../instrument/crosswalk.ts';
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
  // Items are compared with the version the crosswalk comes from, or else with the newest stored one.
  const fromRow = inst.crosswalk ? await findInstrument(ctx.db.kysely, inst.key, inst.crosswalk.from) : previous;
  if (inst.crosswalk && !fromRow) throw new InstrumentRejected([`crosswalk: it is from ${inst.crosswalk.from}, which this installation does not have — import that version first`]);
  if (fromRow) {
    const prev = ZInstrument.parse(JSON.parse(fromRow.document));
    const problems = inst.crosswalk ? checkCrosswalk(prev, inst) : [];
    const prevTypes = new Map(allItems(prev).map(({ item }) => [item.id, item.type]));
    // Declared as changed, split or merged (or, in the one-to-one map of translated imports, mapped).
    const declared = new Set([...crosswalkEntries(inst).filter((e) => e.kind !== 'same').flatMap((e) => e.to), ...(inst.crosswalk?.entries ? [] : Object.values(inst.crosswalk?.map ?? {}))]);
    const clashes = allItems(inst)
      .filter(({ item }) => prevTypes.has(item.id) && prevTypes.get(item.id) !== item.type && !declared.has(item.id))
      .map(({ item }) => `${item.id}: was a ${prevTypes.get(item.id)} item in ${prev.version}, is a ${item.type} item now — give it a new id or a crosswalk entry that says it changed`);
    if (problems.length || clashes.length) throw new InstrumentRejected([...problems, ...clashes]);
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
