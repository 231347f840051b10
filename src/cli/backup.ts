// `metep backup --out FILE` and `metep restore FILE`: the whole database (evidence documents included) to
// one file and back. Mechanics in src/db/backup.ts; this file is the command line around them.
import { createDb, migrate } from '../db/index.ts';
import { backupDatabase, BackupError, restoreDatabase } from '../db/backup.ts';
import { UsageError, type CommandRun } from './index.ts';

async function hasUsers(database: Parameters<typeof createDb>[0]): Promise<boolean> {
  const db = createDb(database);
  try {
    const row = await db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst();
    return Boolean(row);
  } catch {
    // No tables yet: an empty installation.
    return false;
  } finally {
    await db.close();
  }
}

/** Writes a consistent copy of the whole database to --out FILE. */
export const backup: CommandRun = async ({ values, config }) => {
  const out = values.out;
  if (typeof out !== 'string' || !out) throw new UsageError('give the file to write with --out FILE');
  try {
    await backupDatabase(config().database, out);
  } catch (e) {
    if (e instanceof BackupError) throw new UsageError(e.message);
    throw e;
  }
  process.stdout.write(`Backup written to ${out}\n`);
  return 0;
};

/** Replaces the database with a backup made by `metep backup`, then migrates it to this release. */
export const restore: CommandRun = async ({ values, positionals, config }) => {
  const [file] = positionals;
  if (!file) throw new UsageError('give the backup file to restore');
  const cfg = config();
  if (!values.yes && (await hasUsers(cfg.database))) throw new UsageError('this database already has accounts; everything in it will be replaced by the backup. Run again with --yes to confirm.');
  try {
    await restoreDatabase(cfg.database, file);
  } catch (e) {
    if (e instanceof BackupError) throw new UsageError(e.message);
    throw e;
  }
  // A backup from an older release is brought up to this one's schema.
  const db = createDb(cfg.database);
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  process.stdout.write(`Restored ${file}\n`);
  return 0;
};
