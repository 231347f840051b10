// Backing up and restoring the whole database, for `metep backup` / `metep restore`. SQLite uses its
// online backup API (a consistent copy while the app keeps running, WAL included); PostgreSQL uses the
// server's own tools, pg_dump and pg_restore, in the custom format, limited to DATABASE_SCHEMA when set.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import type { TConfig } from '../config.ts';

/** A backup or restore that cannot proceed, with a message for the operator. */
export class BackupError extends Error {}

function tool(name: 'pg_dump' | 'pg_restore'): string {
  const probe = spawnSync(name, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new BackupError(
      `${name} was not found. Backups of a PostgreSQL database use PostgreSQL's own client tools: install them ` +
        `(Debian/Ubuntu: apt-get install postgresql-client) in a version at least as new as the server, then run this again.`,
    );
  }
  return name;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) throw new BackupError(`${cmd} failed (exit ${r.status ?? r.signal}):\n${(r.stderr ?? '').trim()}`);
}

/** Writes a consistent copy of the database to `out` (SQLite file, or a pg_dump custom-format archive). */
export async function backupDatabase(database: TConfig['database'], out: string): Promise<void> {
  if (database.kind === 'sqlite') {
    if (!existsSync(database.file)) throw new BackupError(`no database at ${database.file}`);
    const src = new SQLite(database.file, { readonly: true, fileMustExist: true });
    // Into a temporary name first: a failed backup never leaves a half-written file under the real name.
    const tmp = `${out}.part`;
    try {
      await src.backup(tmp);
      renameSync(tmp, out);
    } finally {
      src.close();
      rmSync(tmp, { force: true });
    }
    return;
  }
  run(tool('pg_dump'), ['--format=custom', '--no-owner', `--file=${out}`, ...(database.schema ? [`--schema=${database.schema}`] : []), `--dbname=${database.url}`]);
}

/** Whether a file is a METEP SQLite backup (a SQLite database holding METEP's migration table). */
function checkSqliteBackup(file: string): void {
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const ok = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
    if (!ok.n) throw new BackupError(`${file} is a SQLite database but not a METEP backup (no migration table)`);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged: ${String(integrity)}`);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${file} is not a SQLite backup: ${(e as Error).message}`);
  } finally {
    db?.close();
  }
}

/** Replaces the configured database's contents with a backup made by `backupDatabase`. */
export async function restoreDatabase(database: TConfig['database'], file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`no backup file at ${file}`);
  if (database.kind === 'sqlite') {
    checkSqliteBackup(file);
    // The backup API copies every page of the backup into the target through SQLite itself, so the
    // target's WAL and shared-memory files stay consistent (a plain file copy would not).
    const src = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      await src.backup(database.file);
    } finally {
      src.close();
    }
    return;
  }
  run(tool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--single-transaction', ...(database.schema ? [`--schema=${database.schema}`] : []), `--dbname=${database.url}`, file]);
}
