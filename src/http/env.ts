// The Hono environment: what middleware puts on the context for routes and views.
import type { Actor, Ctx } from '../domain/kernel/context.ts';
import type { TFn, TLocale } from '../i18n/index.ts';

/** Variables set by METEP's middleware. */
export interface AppEnv {
  Variables: {
    ctx: Ctx;
    actor: (Actor & { sessionId: string }) | undefined;
    locale: TLocale;
    t: TFn;
    ip: string | null;
    cspNonce?: string;
    /** A Content-Security-Policy this response keeps instead of the pages' one (see app.tsx). */
    csp?: string;
    /** A JSON request body, parsed (and checked) once by the middleware; read it with readJson. */
    json?: unknown;
    /** Set by an API answer that carries the API's security headers in its own header record. */
    secured?: boolean;
    /** Aborted when the server begins to stop: long-lived responses (event streams) end then. */
    shutdown: AbortSignal;
  };
}
