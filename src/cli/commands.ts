// The built-in commands of `metep`: serve, migrate and account management.
import { randomBytes } from 'node:crypto';
import type { TConfig } from '../config.ts';
import { createDb, migrate } from '../db/index.ts';
import { findUserByEmail } from '../db/repositories/users.ts';
import { OPERATOR, type Ctx } from '../domain/kernel/context.ts';
import { createResetLink } from '../domain/accounts/create-reset-link.ts';
import { createUser } from '../domain/accounts/create-user.ts';
import { ensureBundledInstrument } from '../domain/instruments/ensure-bundled-instrument.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { t } from '../i18n/index.ts';
import { createLogger } from '../lib/log.ts';
import { start } from '../server.ts';
import { UsageError, type Command } from './index.ts';
import { createContext } from '../context.ts';

/** Opens the database, migrates, loads bundled data and builds a context for a command; closes it afterwards. */
export async function withCtx<T>(config: TConfig, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const db = createDb(config.database);
  try {
    await migrate(db);
    const log = createLogger(config.logLevel);
    const ctx = createContext({ db, config, log, listen: false });
    try {
      await ensureBundledInstrument(ctx);
      return await fn(ctx);
    } finally {
      await ctx.bus.close();
    }
  } finally {
    await db.close();
  }
}

/** Turns an AppError into a one-screen English explanation for the terminal. */
export function explain(e: unknown): never {
  if (e instanceof AppError) {
    const fields = Object.entries(e.fields).map(([k, v]) => `${k}: ${t('en', v, e.params)}`);
    throw new UsageError([t('en', e.messageKey, e.params), ...fields].join('\n  '));
  }
  throw e;
}

/** serve, migrate, user create, user reset-link. */
export const baseCommands: Command[] = [
  {
    path: ['serve'],
    summary: 'Run the web application (what `npm start` runs).',
    usage: 'metep serve   (PORT, HOST, DATABASE_URL … from the environment)',
    options: {},
    async run({ config }) {
      const running = await start(config());
      const stop = async () => {
        await running.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.stdout.write(`METEP is running at ${running.ctx.config.publicUrl} (database: ${running.ctx.db.kind})\n`);
      await new Promise(() => {});
      return 0;
    },
  },
  {
    path: ['migrate'],
    summary: 'Apply pending database migrations (also done at every start).',
    usage: 'metep migrate',
    options: {},
    async run({ config }) {
      const db = createDb(config().database);
      try {
        const applied = await migrate(db);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
      } finally {
        await db.close();
      }
      return 0;
    },
  },
  {
    path: ['user', 'create'],
    summary: 'Create an account (password generated and printed once, or read with --password-stdin).',
    usage: 'metep user create --email ADDRESS --name "NAME" [--admin] [--coordinator] [--password-stdin]   (--coordinator: may create assessments)',
    options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' }, coordinator: { type: 'boolean' }, 'password-stdin': { type: 'boolean' } },
    async run({ values, config }) {
      if (!values.email || !values.name) throw new UsageError('--email and --name are required');
      const cfg = config();
      let password: string;
      let generated = false;
      if (values['password-stdin']) {
        const chunks: Buffer[] = [];
        for await (const ch of process.stdin) chunks.push(ch as Buffer);
        password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
      } else {
        password = randomBytes(12).toString('base64url');
        generated = true;
      }
      await withCtx(cfg, async (ctx) => {
        await createUser(ctx, OPERATOR, { email: values.email, name: values.name, password, isAdmin: values.admin === true, isCoordinator: values.coordinator === true }).catch(explain);
      });
      process.stdout.write(`Created ${values.admin ? 'administrator' : 'user'} ${String(values.email).trim().toLowerCase()}.\n`);
      if (generated) process.stdout.write(`Password (shown once — keep it safe): ${password}\n`);
      return 0;
    },
  },
  {
    path: ['user', 'reset-link'],
    summary: 'Print a one-time password-reset link for an account.',
    usage: 'metep user reset-link --email ADDRESS',
    options: { email: { type: 'string' } },
    async run({ values, config }) {
      if (!values.email) throw new UsageError('--email is required');
      const r = await withCtx(config(), async (ctx) => {
        const user = await findUserByEmail(ctx.db.kysely, String(values.email));
        if (!user) throw new UsageError(`no account with e-mail ${values.email}`);
        return createResetLink(ctx, OPERATOR, user.id, { ip: null, userAgent: 'cli' }).catch(explain);
      });
      process.stdout.write(`${r.url}\n(valid until ${r.expiresAt})\n`);
      return 0;
    },
  },
];
