// The API's one source of truth: each operation declares its method, path, scope, zod schemas for path
// parameters, query, body and response, and a handler that calls one use case. From this list come both
// the routes (parameters and query validated here, bodies validated by the use case with the very schema
// declared, responses shaped by parsing through the response schema: a field whitelist) and the OpenAPI
// 3.1 document (z.toJSONSchema on the same schemas). Nothing is described twice.
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../domain/kernel/errors.ts';
import { parseInput } from '../../domain/kernel/validate.ts';
import type { AppEnv } from '../env.ts';
import { MOUNT } from '../paths.ts';
import { readJson } from '../request.ts';
import { header } from '../incoming.ts';
import { API_SECURITY_HEADERS } from './security-headers.ts';

/** What a personal API token needs for an operation ('public': no sign-in at all). */
export type TApiScope = 'public' | 'read' | 'read_write';

/** One API operation. Paths are Hono patterns relative to MOUNT.api (API_ROUTES in paths.ts). */
export interface TOperation {
  id: string;
  method: 'get' | 'post';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  scope: TApiScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The request body schema — the same object the use case validates with. */
  body?: z.ZodType;
  /** An example body for the documentation page. */
  example?: unknown;
  status: 200 | 201;
  response: z.ZodType;
  /** Error statuses this operation can answer with, besides 401 and 429 (any request with a token). */
  errors: number[];
  /** A list with `?limit=&cursor=`: the handler gets them and returns `{ items, next }` with `next` a cursor. */
  paginated?: boolean;
  /** Cache-Control of a successful answer (default: private, revalidated with the ETag). */
  cache?: string;
  handler: (c: Context<AppEnv>, input: { params: Record<string, string>; query: Record<string, unknown>; body: unknown }) => Promise<unknown>;
}

const operations: TOperation[] = [];

/** Declares an operation (called at module load by the operation files). */
export function defineOperation(op: TOperation): TOperation {
  operations.push(op);
  return op;
}

/** Every declared operation, in declaration order. */
export function listOperations(): readonly TOperation[] {
  return operations;
}

/** The cursor-paginated query every list accepts. */
export const ZPageQuery = z.object({
  limit: z.coerce.number({ error: 'error.invalid_value' }).int().min(1).max(100).default(50).meta({ description: 'How many items per page (1–100).' }),
  cursor: z.string().max(200).optional().meta({ description: 'The `next` cursor of the previous page.' }),
});

/** A page of a list: the items and the address of the next page (null on the last one). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: z.string().nullable().meta({ description: 'The next page (also in the Link header), null on the last page.' }) });
}

/** Cuts a page out of an ordered list: `key` gives each item's stable position, the cursor is the last one seen. */
export function paginate<T>(all: readonly T[], key: (x: T) => string, q: { limit: number; cursor?: string }): { items: T[]; next: string | null } {
  let start = 0;
  if (q.cursor) {
    let after: string;
    try {
      after = Buffer.from(q.cursor, 'base64url').toString('utf8');
    } catch {
      throw new AppError('invalid_input', 'error.form_invalid', {}, { cursor: 'error.invalid_value' });
    }
    const i = all.findIndex((x) => key(x) === after);
    if (i < 0) throw new AppError('invalid_input', 'error.form_invalid', {}, { cursor: 'error.invalid_value' });
    start = i + 1;
  }
  const items = all.slice(start, start + q.limit);
  const last = items.at(-1);
  const more = start + q.limit < all.length;
  return { items, next: more && last !== undefined ? Buffer.from(key(last), 'utf8').toString('base64url') : null };
}

const WRITE_HEADERS = { ...API_SECURITY_HEADERS, 'Cache-Control': 'no-store', 'Content-Type': 'application/json; charset=UTF-8' };

/** A weak entity tag of a JSON body. */
function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether If-None-Match names the tag (or is `*`). */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = tag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const x = t.trim();
    return x === '*' || x.replace(/^W\//, '') === bare;
  });
}

/** Builds the routes of every declared operation (mounted at MOUNT.api, after the token middleware). */
export function apiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const op of operations) {
    app.on(op.method.toUpperCase(), op.path, async (c) => {
      // Path parameters that do not fit name nothing that exists: 404, as for any unknown address.
      const rawParams = c.req.param() as Record<string, string>;
      if (op.params && !op.params.safeParse(rawParams).success) throw new AppError('not_found', 'error.not_found');
      const params = rawParams;
      const query = op.query ? (parseInput(op.query, c.req.query()) as Record<string, unknown>) : {};
      const body = op.body ? await readJson(c) : undefined;
      const result = await op.handler(c, { params, query, body });
      // The response schema is the presenter's whitelist: anything not declared is dropped here.
      const fit = op.response.safeParse(result);
      if (!fit.success) {
        // A presenter and its schema disagree: a bug to fix here, never a half-shaped answer to send.
        c.var.ctx.log.error('API answer does not fit its schema', { operation: op.id, issues: JSON.stringify(fit.error.issues.slice(0, 5)) });
        throw fit.error;
      }
      const shaped = fit.data as Record<string, unknown>;
      if (op.paginated && typeof shaped.next === 'string') {
        const u = new URL(c.req.url);
        u.searchParams.set('cursor', shaped.next);
        const next = `${u.pathname}${u.search}`;
        shaped.next = next;
        c.header('Link', `<${next}>; rel="next"`);
      }
      const text = JSON.stringify(shaped);
      if (op.method !== 'get') {
        // Writes (every autosave) skip the web Headers object: every header goes with the body as one
        // plain record, which the Node adapter's Response keeps and Node writes as it is (c.body would turn
        // a record of more than one header into Headers; security-headers.ts, bench/README.md).
        c.set('secured', true);
        return new Response(text, { status: op.status, headers: WRITE_HEADERS });
      }
      c.header('Content-Type', 'application/json; charset=UTF-8');
      const tag = etagOf(text);
      c.header('ETag', tag);
      c.header('Cache-Control', op.cache ?? 'private, no-cache');
      c.header('Vary', 'Authorization, Cookie');
      if (matches(header(c, 'if-none-match'), tag)) return c.body(null, 304);
      return c.body(text, op.status);
    });
  }
  return app;
}

/** The OpenAPI path of a Hono pattern (a parameter :id becomes {id}, under MOUNT.api). */
export function openApiPath(path: string): string {
  return `${MOUNT.api}${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

const toSchema = (s: z.ZodType, io: 'input' | 'output') => {
  const j = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete j.$schema;
  return j;
};

/** The problem+json error object every API error uses (RFC 9457, with METEP's `code` and field `errors`). */
export const ZProblem = z.object({
  type: z.string().meta({ description: 'A URI reference naming the kind of problem (the documentation page explains each).' }),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().meta({ description: 'What went wrong, in the caller’s language.' }),
  code: z.enum(['invalid_input', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'gone', 'too_large', 'throttled', 'unavailable', 'internal', 'http_error']),
  errors: z.array(z.object({ field: z.string(), detail: z.string() })).optional().meta({ description: 'One entry per field that does not fit (JSON path with dots).' }),
  error: z
    .object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() })
    .meta({ description: 'The same as code, detail and errors, in the shape API clients before problem+json read (kept for them).' }),
});

const ERROR_TEXT: Record<number, string> = {
  304: 'Not modified: the If-None-Match tag is still current',
  400: 'Bad request (the errors list names each field)',
  401: 'No valid token or session (unknown, expired or revoked token)',
  403: 'Not allowed (for instance a read-only token asked to write)',
  404: 'Not found, or not visible to you',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  429: 'Too many requests for this token; retry after Retry-After seconds',
};

/** An operation's path and query parameters, as OpenAPI parameter objects (from its zod schemas). */
export function operationParameters(op: TOperation): { name: string; in: 'path' | 'query'; required: boolean; schema: Record<string, unknown>; description?: string }[] {
  const out: ReturnType<typeof operationParameters> = [];
  const add = (where: 'path' | 'query', s: z.ZodObject | undefined) => {
    if (!s) return;
    const js = toSchema(s, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = schema;
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: rest, ...(typeof description === 'string' ? { description } : {}) });
    }
  };
  add('path', op.params);
  add('query', op.query);
  return out;
}

/** The statuses of an operation's error answers: 401 and 429 for every one (a token sent to a public
 * operation is still checked and counted). */
export function operationErrors(op: TOperation): number[] {
  return [...new Set([...op.errors, 401, 429])].sort((a, b) => a - b);
}

const documents = new Map<string, Record<string, unknown>>();

/** The OpenAPI 3.1 document of every declared operation (built once per public address: it never changes while running). */
export function openApiDocument(publicUrl: string): Record<string, unknown> {
  let doc = documents.get(publicUrl);
  if (!doc) documents.set(publicUrl, (doc = buildDocument(publicUrl)));
  return doc;
}

function buildDocument(publicUrl: string): Record<string, unknown> {
  const problem = toSchema(ZProblem, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = operationParameters(op);
    const errors = operationErrors(op);
    const headers: Record<string, unknown> = {};
    if (op.method === 'get') headers.ETag = { description: 'Send it back in If-None-Match: 304 while unchanged', schema: { type: 'string' } };
    if (op.paginated) headers.Link = { description: 'rel="next": the next page', schema: { type: 'string' } };
    const responses: Record<string, unknown> = {
      [op.status]: {
        description: 'Success',
        ...(Object.keys(headers).length ? { headers } : {}),
        content: { 'application/json': { schema: toSchema(op.response, 'output') } },
      },
    };
    if (op.method === 'get') responses['304'] = { description: ERROR_TEXT[304] };
    for (const s of errors) {
      responses[String(s)] = {
        description: ERROR_TEXT[s] ?? 'Error',
        ...(s === 429 ? { headers: { 'Retry-After': { schema: { type: 'integer' } } } } : {}),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    (paths[openApiPath(op.path)] ??= {})[op.method] = {
      operationId: op.id,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.scope === 'public' ? { security: [] } : {}),
      'x-metep-scope': op.scope,
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body, 'input'), ...(op.example ? { example: op.example } : {}) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'METEP API',
      version: '1',
      description:
        'The JSON API of METEP. Authenticate with a personal API token (Authorization: Bearer metep_…) created on the account tokens page; a read token reads, a read-write token may also write; a token for one assessment sees only that one. Every error is an application/problem+json object.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: publicUrl.replace(/\/+$/, '') }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (metep_…).' } },
      schemas: { Problem: problem },
    },
  };
}
