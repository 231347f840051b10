// `metep user …`: creating accounts and password-reset links from the terminal.
import { randomBytes } from 'node:crypto';
import { findUserByEmail } from '../db/repositories/users.ts';
import { OPERATOR } from '../domain/kernel/context.ts';
import { createResetLink } from '../domain/accounts/create-reset-link.ts';
import { createUser } from '../domain/accounts/create-user.ts';
import { explain, withCtx } from './context.ts';
import { UsageError, type CommandRun } from './index.ts';

/** Creates an account; the password is generated and printed once unless read from stdin. */
export const userCreate: CommandRun = async ({ values, config }) => {
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
};

/** Prints a one-time password-reset link for an account. */
export const userResetLink: CommandRun = async ({ values, config }) => {
  if (!values.email) throw new UsageError('--email is required');
  const r = await withCtx(config(), async (ctx) => {
    const user = await findUserByEmail(ctx.db.kysely, String(values.email));
    if (!user) throw new UsageError(`no account with e-mail ${values.email}`);
    return createResetLink(ctx, OPERATOR, user.id, { ip: null, userAgent: 'cli' }).catch(explain);
  }, { existing: true });
  process.stdout.write(`${r.url}\n(valid until ${r.expiresAt})\n`);
  return 0;
};
