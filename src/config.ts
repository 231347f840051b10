// Configuration comes from the environment only, validated once at start-up. Every variable is documented
// in README.md and .env.example; an invalid value stops the process with one line per problem.
import { z } from 'zod';

const ZLogLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']);

/** Schema of the environment variables METEP reads, with their defaults. */
export const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(postgres(ql)?:\/\/|sqlite:|file:)/.test(v) || !v.includes('://'), {
      message: 'must be postgres://…, sqlite:<path> or a file path',
    })
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: ZLogLevel.default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(60 * 8),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SETUP_LINK_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(24),
  RESET_LINK_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(24),
  BODY_LIMIT_KB: z.coerce.number().int().min(16).max(1024 * 50).default(256),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be smtp://… or smtps://…')
    .optional(),
  MAIL_FROM: z.string().min(3).default('METEP <no-reply@localhost>'),
  INVITATION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  EVIDENCE_MAX_MB: z.coerce.number().min(0.1).max(100).default(10),
  POLL_VOTES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(600),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  TRUSTED_PROXIES: z.coerce.number().int().min(1).max(10).default(1),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
});

/** The validated configuration object passed to every part of the app. */
export type TConfig = {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };
  publicUrl: string;
  secureCookies: boolean;
  logLevel: z.infer<typeof ZLogLevel>;
  sessionIdleMs: number;
  sessionMaxMs: number;
  passwordMinLength: number;
  loginMaxFailures: number;
  loginLockMs: number;
  setupLinkMs: number;
  resetLinkMs: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  /** How many reverse proxies in front of the app append to X-Forwarded-For (used when trustProxy). */
  trustedProxies: number;
  /** How long a stopping server lets requests in flight finish before closing their connections. */
  shutdownGraceMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  invitationMs: number;
  evidenceMaxBytes: number;
  /** Votes without an account one client address may cast per LOGIN_LOCK_MINUTES window (a room behind one NAT shares it). */
  pollVotesPerAddress: number;
  /** The Chromium that prints country reports to PDF; without it the report is offered as HTML to print. */
  chromiumPath: string;
  /** Requests one API token may make per minute (counted in the database, across instances). */
  apiRatePerMinute: number;
  /** The longest validity a personal API token may be given. */
  apiTokenMaxDays: number;
};

/** Thrown when the environment does not describe a valid configuration; `problems` has one line each. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Parses the environment into a TConfig or throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  // Empty strings in .env files mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/$/, '');
  const url = e.DATABASE_URL;
  const database: TConfig['database'] =
    url && /^postgres(ql)?:\/\//.test(url)
      ? { kind: 'postgres', url, ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}) }
      : { kind: 'sqlite', file: url ? url.replace(/^(sqlite|file):(\/\/)?/, '') : './data/metep.sqlite' };
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    passwordMinLength: e.PASSWORD_MIN_LENGTH,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    setupLinkMs: e.SETUP_LINK_HOURS * 3_600_000,
    resetLinkMs: e.RESET_LINK_HOURS * 3_600_000,
    chromiumPath: e.CHROMIUM_PATH,
    bodyLimitBytes: e.BODY_LIMIT_KB * 1024,
    trustProxy: e.TRUST_PROXY,
    trustedProxies: e.TRUSTED_PROXIES,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    invitationMs: e.INVITATION_DAYS * 86_400_000,
    evidenceMaxBytes: Math.round(e.EVIDENCE_MAX_MB * 1024 * 1024),
    pollVotesPerAddress: e.POLL_VOTES_PER_ADDRESS,
    apiRatePerMinute: e.API_RATE_PER_MINUTE,
    apiTokenMaxDays: e.API_TOKEN_MAX_DAYS,
  };
}
