// What every use case receives: the database, the configuration and a clock (tests move time).
import type { TConfig } from '../../config.ts';
import type { Bus } from '../../db/bus.ts';
import type { Db } from '../../db/index.ts';
import type { TMail } from '../../i18n/mail.ts';
import type { Logger } from '../../lib/log.ts';

/** Dependencies of use cases. */
export interface Ctx {
  db: Db;
  config: TConfig;
  now: () => Date;
  log: Logger;
  /** Live updates to open workshop pages (across instances on PostgreSQL). */
  bus: Bus;
  /** Outgoing mail; `enabled` is false when the installation has no SMTP server (links are copied instead). */
  mail: Mailer;
  /** Absolute addresses of the pages a message or a printed link points to (built by the web layer). */
  links: Links;
}

/** Sends a message, rendered in the recipient's language; throws when the server refuses it. */
export interface Mailer {
  readonly enabled: boolean;
  send(message: TMail): Promise<void>;
}

/** Absolute links that use cases hand out (in mails, to copy, on the command line). */
export interface Links {
  join(token: string): string;
  setup(token: string): string;
  reset(token: string): string;
  answer(assessmentId: string): string;
  /** The public citizen pulse page (printed on posters, shared as a QR code). */
  pulse(code: string): string;
}

/** The acting person, as use cases and policies see them. */
export interface Actor {
  id: string;
  isAdmin: boolean;
  /** May create assessments (a national focal point). */
  isCoordinator: boolean;
  /** Holds programme officer rights for some countries (reads their assessments; programme_countries says which). */
  isProgrammeOfficer?: boolean;
  email: string;
  name: string;
  locale: string | null;
  /**
   * Present when the request came with a personal API token: what the token allows on top of (never
   * beyond) what its owner may do — reading only or also writing, one assessment or all.
   */
  token?: TTokenScope;
}

/** What a personal API token reaches. */
export interface TTokenScope {
  id: string;
  scope: 'read' | 'read_write';
  /** The one assessment the token reaches; null for every assessment its owner may see. */
  assessmentId: string | null;
}

/** Request metadata kept in the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** The person at the command line of the server: trusted as an administrator, logged as "operator". */
export const OPERATOR: Actor = { id: 'operator', isAdmin: true, isCoordinator: true, email: 'operator@localhost', name: 'operator', locale: null };
