// A bounded, seeded fuzz over the route table (issue 12): a few thousand generated requests — every route,
// every identity, hostile parameter values, form, JSON and multipart bodies (some truncated), odd headers
// and cookies — on both databases. Any 5xx fails, naming the seed and the request so it can be replayed
// (FUZZ_SEED=… FUZZ_COUNT=… npx tsx test/run.ts fuzz).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachDialect } from './env.ts';
import { buildWorld, IDENTITIES, type TWorld } from './support/identities.ts';
import { multipart } from './support/multipart.ts';
import { enc, fill, routeTable, type TRoute } from './support/routes.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20260601);
const COUNT = Number(process.env.FUZZ_COUNT ?? 1500);

/** mulberry32: a small deterministic PRNG, so a failing run can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  '', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', 'A', 'Z', 'A.99', 'a.01', 'A.01 ', '..', '../..', '%', '%zz', '%00', '\u0000', 'a\u0000b',
  '\ud800', '\udfff', '\u202egpj.exe', '\u2066x\u2069', '<script>alert(1)</script>', '"\'><img src=x>', "' OR 1=1 --", '${7*7}', '{{7*7}}', '__proto__', 'constructor',
  'x'.repeat(300), 'x'.repeat(5000), 'الأردن', '中文', 'Ж', '😀', '\r\n', '\t', '/\t/evil.example', '//evil.example', '/\\evil', 'https://evil.example/', 'javascript:alert(1)',
  '2026.1', 'metep', 'dont_know', 'not_applicable', 'yes', 'partly', 'collecting', 'validated', 'respondent', 'coordinator', 'civil_society', 'ar', 'xx',
];
const FIELDS = ['email', 'password', 'name', 'next', 'back', 'itemId', 'orgName', 'orgGroup', 'group', 'role', 'locale', 'organisation', 'country', 'cycleYear', 'scope', 'targetIndex', 'deadline', 'to', 'reason', 'acknowledge', 'value', 'rationale', 'dissent', 'baseRevision', 'revision', 'confirm', 'anyway', 'choice', 'action', 'v.A.01', 'x.A.01', 'c.A.01', 'lu.A.01', 'lt.A.01', 'anonymise', 'isCoordinator', 'isAdmin', 'lang', 'status', 'pillar', 'keys', 'page', 'show', '__proto__', 'opens', 'closes', 'regions', 'codesRequired', 'count', 'code', 'website', 'P01', 'P09', 'D3', 'text', 'note', 'decision', 'key', 'countries', 'change', 'region', 'subregion', 'cycle', 'level', 'licence', 'named'];

eachDialect('fuzz over the route table', (get) => {
  let w: TWorld;
  let routes: TRoute[];
  before(async () => {
    w = await buildWorld(get().ctx);
    routes = routeTable(w.app).filter((r) => !r.path.endsWith('/events') && r.path !== '/sign-out');
  });

  test(`${COUNT} generated requests (seed ${SEED}): no 5xx`, { timeout: 600_000 }, async () => {
    const r = rng(SEED);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    const value = () => (r() < 0.5 ? pick(HOSTILE) : `${pick(HOSTILE)}${pick(HOSTILE)}`);
    const failures: string[] = [];
    const browsers = new Map<string, Awaited<ReturnType<TWorld['as']>>>();
    for (let n = 0; n < COUNT; n++) {
      const route = pick(routes);
      const who = pick(IDENTITIES);
      const where = r() < 0.8 ? w.own : w.other;
      const known: Record<string, string> = { id: where.id, inv: where.invitation, file: where.file, org: where.org, person: where.person, pillar: 'A', item: 'A.01', key: 'metep', version: '2026.1', token: 't'.repeat(43), hash: 'x', name: 'app.css' };
      const path = fill(route.path, (p) => (r() < 0.6 && known[p] ? known[p] : value()));
      const query = r() < 0.2 ? `?${pick(['next', 'lang', 'part', 'q', 'format', 'region', 'subregion', 'cycle', 'state'])}=${enc(value())}` : '';
      const b = browsers.get(who) ?? (await w.as(who));
      browsers.set(who, b);
      const headers: Record<string, string> = { origin: 'http://metep.test' };
      if (r() < 0.15) headers.cookie = `metep_session=${b.cookies.get('metep_session') ?? ''}; metep_flash=${enc(pick(HOSTILE))}; metep_lang=${enc(pick(HOSTILE))}`;
      if (r() < 0.1) headers['accept-language'] = value().slice(0, 100).replace(/[^\x20-\x7e]/g, '');
      if (r() < 0.1) headers['x-forwarded-for'] = `${value()}, 203.0.113.9`.replace(/[^\x20-\x7e]/g, '');
      let body: string | Buffer | undefined;
      if (route.method === 'POST') {
        const form: Record<string, string> = {};
        for (let i = 0, k = Math.floor(r() * 6); i < k; i++) form[pick(FIELDS)] = value();
        const kind = r();
        if (kind < 0.45) {
          body = new URLSearchParams(form).toString();
          headers['content-type'] = 'application/x-www-form-urlencoded';
        } else if (kind < 0.7) {
          body = r() < 0.2 ? pick(['{', '[', '"', '{"answers":', 'null', '{"answers":[{"itemId":"A.01","value":{"kind":"level","level":9}}]}']) : JSON.stringify(r() < 0.5 ? { answers: [{ itemId: pick(['A.01', 'A.02', value()]), value: pick([null, { kind: 'level', level: 2 }, { kind: 'text', text: value() }, value()]), comment: value() }, { itemId: 'A.01', value: null, comment: value() }] } : form);
          headers['content-type'] = 'application/json';
          headers.accept = 'application/json';
        } else {
          const m = multipart({ ...form, ...(r() < 0.5 ? { [`lf.A.01`]: { name: value().slice(0, 200) || 'f.txt', type: pick(['text/plain', 'application/pdf', 'image/png']), data: Buffer.from(value()) } } : {}) });
          body = r() < 0.2 ? m.body.subarray(0, Math.floor(m.body.length * r())) : m.body;
          headers['content-type'] = r() < 0.1 ? 'multipart/form-data' : m.type;
        }
      }
      const res = await b.request(route.method, `${path}${query}`, body as string | undefined, headers);
      if (res.status >= 500) failures.push(`#${n} ${route.method} ${path}${query} as ${who} → ${res.status}${body ? ` body ${JSON.stringify(String(body).slice(0, 200))}` : ''}: ${res.text.slice(0, 120)}`);
    }
    assert.deepEqual(failures, [], `seed ${SEED}: ${failures.length} of ${COUNT} requests got a 5xx`);
  });
});
