// A METEP server as its own process (`metep serve`), for the tests that stop or kill it: a prepared
// assessment in collection with signed-in respondents, the server's address, and how it ended.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { loadConfig, type TConfig } from '../../src/config.ts';
import { createDb, migrate } from '../../src/db/index.ts';
import { changeAssessmentState } from '../../src/domain/assessments/change-assessment-state.ts';
import { createAssessment } from '../../src/domain/assessments/create-assessment.ts';
import { createUser } from '../../src/domain/accounts/create-user.ts';
import { resolveSession } from '../../src/domain/accounts/resolve-session.ts';
import { signIn } from '../../src/domain/accounts/sign-in.ts';
import { acceptInvitation } from '../../src/domain/participants/accept-invitation.ts';
import { createInvitation } from '../../src/domain/participants/create-invitation.ts';
import { OPERATOR } from '../../src/domain/kernel/context.ts';
import { ensureBundledInstrument } from '../../src/domain/instruments/ensure-bundled-instrument.ts';
import { createLogger } from '../../src/lib/log.ts';
import { createContext } from '../../src/context.ts';

const bin = new URL('../../bin/metep.js', import.meta.url).pathname;

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Creates an assessment in collection with a coordinator and `n` respondents; returns their session cookies. */
export async function prepareCollecting(database: TConfig['database'], n: number): Promise<{ assessmentId: string; coordinator: string; respondents: string[] }> {
  const db = createDb(database);
  await migrate(db);
  const ctx = createContext({ db, config: { ...loadConfig({ LOG_LEVEL: 'silent' }), database }, log: createLogger('silent'), listen: false });
  try {
    await ensureBundledInstrument(ctx);
    await createUser(ctx, OPERATOR, { name: 'Cora', email: 'cora@example.org', password: 'cora has a long password', isCoordinator: true });
    const coordinator = (await signIn(ctx, { email: 'cora@example.org', password: 'cora has a long password' }, { ip: null, userAgent: null })).token;
    const cora = await resolveSession(ctx, coordinator);
    const assessmentId = await createAssessment(ctx, cora, { country: 'GHA', cycleYear: 2026 });
    const respondents: string[] = [];
    for (let i = 0; i < n; i++) {
      const inv = await createInvitation(ctx, cora, assessmentId, { name: `R${i}`, email: `r${i}@example.org`, organisation: 'Civic Lab', group: 'civil_society', role: 'respondent', locale: 'en' });
      const r = await acceptInvitation(ctx, undefined, inv.url.split('/').pop() as string, { name: `R${i}`, password: 'respondent long password' }, { ip: null, userAgent: null, locale: 'en' });
      respondents.push(r.sessionToken as string);
    }
    await changeAssessmentState(ctx, cora, assessmentId, { to: 'collecting' });
    return { assessmentId, coordinator, respondents };
  } finally {
    await ctx.bus.close();
    await db.close();
  }
}

/** A running server process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `metep serve` with the environment and resolves once it listens. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('METEP is running')) resolve();
    });
    void exited.then(() => reject(new Error(`server exited before listening: ${err}`)));
    setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000).unref();
  });
  return { url, child, exited };
}
