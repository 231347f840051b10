// Contract checks for the API tests: the OpenAPI document the app serves is validated as OpenAPI 3.1 (by
// @seriousme/openapi-schema-validator), and every API response a test receives is checked against it —
// the operation found by method and path, the status declared, the body valid under the declared schema
// (ajv, JSON Schema 2020-12, the dialect of OpenAPI 3.1). Tests send requests through `contractClient`, so
// no response escapes the check.
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Hono } from 'hono';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { AppEnv } from '../../src/http/env.ts';

type TDoc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: { schemas: Record<string, unknown> } };

/** The served document, validated as OpenAPI 3.1 (throws with the validator's errors when it is not). */
export async function loadDocument(app: Hono<AppEnv>): Promise<TDoc> {
  const res = await app.request('http://metep.test/api/v1/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as TDoc & { openapi: string };
  const v = await new Validator().validate(doc as never);
  assert.ok(v.valid, `not valid OpenAPI 3.1: ${String(JSON.stringify(v)).slice(0, 3000)}`);
  assert.equal(doc.openapi, '3.1.0');
  return doc;
}

/** Checks responses against a document. */
export class Contract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<unknown, ValidateFunction>();
  private readonly templates: { re: RegExp; path: string }[];
  /** How many responses were checked, per "METHOD template status". */
  readonly seen = new Map<string, number>();

  constructor(private readonly doc: TDoc) {
    (addFormats as unknown as (a: Ajv2020) => void)(this.ajv);
    this.ajv.addSchema({ $id: 'metep:components', components: doc.components } as never);
    this.templates = Object.keys(doc.paths).map((p) => ({ path: p, re: new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
  }

  /** Asserts that a response (status, content type, parsed body) is one the document declares. */
  check(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
    const path = new URL(url, 'http://metep.test').pathname;
    // The most specific template: literal segments beat parameters (/assessments/{id} vs /openapi.json).
    const found = this.templates.filter((t) => t.re.test(path)).sort((a, b) => a.path.split('{').length - b.path.split('{').length)[0];
    assert.ok(found, `${method} ${path}: no operation in the document`);
    const op = this.doc.paths[found.path]?.[method.toLowerCase()];
    assert.ok(op, `${method} ${found.path}: method not in the document`);
    const declared = op.responses[String(status)];
    assert.ok(declared, `${method} ${found.path} answered ${status}, which the document does not declare (${Object.keys(op.responses).join(', ')})`);
    const key = `${method} ${found.path} ${status}`;
    this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
    if (!declared.content) {
      assert.equal(body, undefined, `${key}: declared without a body`);
      return;
    }
    const type = (contentType ?? '').split(';')[0]?.trim() ?? '';
    const media = declared.content[type];
    assert.ok(media, `${key}: content type ${type} not declared (${Object.keys(declared.content).join(', ')})`);
    let validate = this.compiled.get(media.schema);
    if (!validate) {
      // References into the document (#/components/…) resolve against the components registered above.
      const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', '"metep:components#/components/'));
      validate = this.ajv.compile(schema);
      this.compiled.set(media.schema, validate);
    }
    assert.ok(validate(body), `${key}: body does not match the document: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
  }
}

/** A response as the tests see it, already checked against the document. */
export interface TApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A client for the API whose every response is checked against the document. */
export function contractClient(app: Hono<AppEnv>, contract: Contract) {
  return async (path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<TApiResponse> => {
    const method = init.method ?? 'GET';
    const res = await app.request(`http://metep.test${path}`, {
      method,
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    const body = text === '' ? undefined : (JSON.parse(text) as unknown);
    contract.check(method, path, res.status, res.headers.get('content-type'), body);
    return { status: res.status, headers: res.headers, body };
  };
}
