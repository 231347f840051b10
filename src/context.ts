// The composition root of use-case dependencies: one place that wires the database, configuration, clock,
// logger, live-update bus, mail and links into a Ctx, for the server, the command line, tests and benchmarks.
import type { TConfig } from './config.ts';
import { createBus } from './db/bus.ts';
import type { Db } from './db/index.ts';
import type { Ctx } from './domain/kernel/context.ts';
import { absolute, assessmentPaths, paths } from './http/paths.ts';
import { renderMail } from './i18n/mail.ts';
import type { Logger } from './lib/log.ts';
import { sendMail } from './lib/mail.ts';

/** Builds the use-case context. `listen: false` for processes that only publish live updates (CLI, benchmarks). */
export function createContext(o: { db: Db; config: TConfig; log: Logger; now?: () => Date; listen?: boolean }): Ctx {
  const { db, config, log } = o;
  const link = (path: string) => absolute(config.publicUrl, path);
  return {
    db,
    config,
    log,
    now: o.now ?? (() => new Date()),
    bus: createBus(db, config.database, log, o.listen === false ? { listen: false } : undefined),
    mail: {
      // Read at each use: an operator (or a test) may configure SMTP on a running context.
      get enabled() {
        return Boolean(config.smtpUrl);
      },
      send: (m) => sendMail(config, { to: m.to, ...renderMail(m) }),
    },
    links: {
      join: (token) => link(paths.join(token)),
      setup: (token) => link(paths.setup(token)),
      reset: (token) => link(paths.reset(token)),
      answer: (id) => link(assessmentPaths(id).answer),
      pulse: (code) => link(paths.pulse(code)),
    },
  };
}
