// What every use case receives: the database, the configuration and a clock (tests move time).
import type { TConfig } from '../../config.ts';
import type { Bus } from '../../db/bus.ts';
import type { Db } from '../../db/index.ts';
import type { Logger } from '../../lib/log.ts';

/** Dependencies of use cases. */
export interface Ctx {
  db: Db;
  config: TConfig;
  now: () => Date;
  log: Logger;
  /** Live updates to open workshop pages (across instances on PostgreSQL). */
  bus: Bus;
}

/** The acting person, as use cases and policies see them. */
export interface Actor {
  id: string;
  isAdmin: boolean;
  /** May create assessments (a national focal point). */
  isCoordinator: boolean;
  email: string;
  name: string;
  locale: string | null;
}

/** Request metadata kept in the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** The person at the command line of the server: trusted as an administrator, logged as "operator". */
export const OPERATOR: Actor = { id: 'operator', isAdmin: true, isCoordinator: true, email: 'operator@localhost', name: 'operator', locale: null };
