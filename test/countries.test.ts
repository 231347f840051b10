// The country list of the creation form (issue 10, item 5): exactly the 193 UN Member States — the same set as
// the shipped UN E-Government Survey 2024 — and the two observer States, with UN short names in the six
// languages; the demo country only where the demo exists; an older assessment of another code still shows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { ensureBundledInstrument } from '../src/domain/instruments/ensure-bundled-instrument.ts';
import { createApp } from '../src/http/app.tsx';
import { countryName, countryOptions } from '../src/i18n/countries.ts';
import { UN_MEMBER_STATES, UN_OBSERVER_STATES } from '../src/i18n/un-countries.ts';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';

test('the members are the 193 States of the E-Government Survey 2024, plus the Holy See and the State of Palestine', () => {
  const csv = readFileSync(new URL('../src/benchmarks-data/un-egov-survey/egov-indices.csv', import.meta.url), 'utf8');
  const survey = new Set(csv.split('\n').slice(1).filter((l) => l.split(',')[1] === '2024').map((l) => l.split(',')[0]));
  assert.equal(survey.size, 193);
  assert.deepEqual(new Set(UN_MEMBER_STATES), survey);
  assert.equal(UN_MEMBER_STATES.length, 193, 'no duplicates');
  assert.deepEqual([...UN_OBSERVER_STATES].sort(), ['PSE', 'VAT']);
  for (const locale of ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const) {
    const options = countryOptions(locale, false);
    assert.equal(options.length, 195, locale);
    assert.ok(!options.some(([c]) => ['ATA', 'BVT', 'TWN', 'XKX', 'XDM', 'HKG'].includes(c)), locale);
    assert.equal(new Set(options.map(([, n]) => n)).size, 195, `${locale}: no two countries share a name`);
  }
  assert.equal(countryOptions('en', true).length, 196);
});

test('UN short names, in the six languages', () => {
  const en: Record<string, string> = {
    TUR: 'Türkiye', VNM: 'Viet Nam', IRN: 'Iran (Islamic Republic of)', KOR: 'Republic of Korea', PRK: "Democratic People's Republic of Korea", TZA: 'United Republic of Tanzania',
    BOL: 'Bolivia (Plurinational State of)', VEN: 'Venezuela (Bolivarian Republic of)', FSM: 'Micronesia (Federated States of)', MDA: 'Republic of Moldova', RUS: 'Russian Federation',
    SYR: 'Syrian Arab Republic', LAO: "Lao People's Democratic Republic", GBR: 'United Kingdom of Great Britain and Northern Ireland', USA: 'United States of America', CIV: "Côte d'Ivoire",
    NLD: 'Netherlands (Kingdom of the)', PSE: 'State of Palestine', VAT: 'Holy See', COD: 'Democratic Republic of the Congo', COG: 'Congo', CZE: 'Czechia', SWZ: 'Eswatini', MKD: 'North Macedonia',
    KNA: 'Saint Kitts and Nevis', KEN: 'Kenya',
  };
  for (const [code, name] of Object.entries(en)) assert.equal(countryName('en', code), name, code);
  assert.equal(countryName('fr', 'VNM'), 'Viet Nam');
  assert.equal(countryName('fr', 'BOL'), 'Bolivie (État plurinational de)');
  assert.equal(countryName('es', 'IRN'), 'Irán (República Islámica del)');
  assert.equal(countryName('ru', 'RUS'), 'Российская Федерация');
  assert.equal(countryName('zh', 'KOR'), '大韩民国');
  assert.equal(countryName('ar', 'PSE'), 'دولة فلسطين');
  assert.equal(countryName('ar', 'SYR'), 'الجمهورية العربية السورية');
  // Codes outside the list (an assessment made before it) keep their CLDR name.
  assert.equal(countryName('en', 'TWN'), 'Taiwan');
});

eachDialect('the creation form offers the UN list', (get) => {
  let b: Browser;
  before(async () => {
    await ensureBundledInstrument(get().ctx);
    await createUser(get().ctx, OPERATOR, { name: 'Cora Coordinator', email: 'cora@example.org', password: 'cora has a long password', isCoordinator: true });
    b = new Browser(createApp(get().ctx));
    assert.equal((await b.post('/sign-in', { email: 'cora@example.org', password: 'cora has a long password' })).status, 303);
  });

  test('195 countries and no demo in a fresh installation; the demo country once the demo exists; an old code still shows', async () => {
    const options = (html: string) => [...(/<select id="f-country"[\s\S]*?<\/select>/.exec(html)?.[0] ?? '').matchAll(/<option value="([A-Z]{3})"/g)].map((m) => m[1]);
    let page = await b.get('/assessments');
    assert.equal(options(page.text).length, 195);
    assert.ok(!options(page.text).includes('XDM'));
    assert.match(page.text, /Viet Nam \(VNM\)/);
    assert.equal((await b.post('/assessments', { country: 'TWN', cycleYear: '2026' })).status, 400);
    await seedDemo(get().ctx);
    page = await b.get('/assessments');
    assert.equal(options(page.text).length, 196);
    assert.ok(options(page.text).includes('XDM'));
    // An assessment of a code the list no longer offers (created before it) still shows its country.
    const r = await b.post('/assessments', { country: 'KEN', cycleYear: '2026' });
    const id = /\/assessments\/([^/]+)\/participants/.exec(r.location ?? '')?.[1] ?? '';
    await get().ctx.db.kysely.updateTable('assessments').set({ country: 'ATA' }).where('id', '=', id).execute();
    assert.match((await b.get(`/assessments/${id}`)).text, /<h1>Antarctica/);
  });
});
