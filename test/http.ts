// In-process HTTP client for the Hono app: same-origin headers (as a browser sends them) and a cookie jar.
import type { Hono } from 'hono';
import type { AppEnv } from '../src/http/env.ts';

/** A response with its text already read. */
export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

/** A browser-like client with cookies. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(
    private app: Hono<AppEnv>,
    private origin = 'http://metep.test',
    private extraHeaders: Record<string, string> = {},
  ) {}

  /** GET a path. */
  get(path: string, headers: Record<string, string> = {}): Promise<TestResponse> {
    return this.request('GET', path, undefined, headers);
  }

  /** POST a urlencoded form. */
  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<TestResponse> {
    return this.request('POST', path, new URLSearchParams(form).toString(), { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin, ...headers });
  }

  /** Sends a request and stores cookies it sets. */
  async request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<TestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.request(`${this.origin}${path}`, {
      method,
      ...(body !== undefined ? { body } : {}),
      headers: { ...this.extraHeaders, ...(cookie ? { cookie } : {}), ...headers },
    });
    for (const sc of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = sc.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get('location') };
  }
}
