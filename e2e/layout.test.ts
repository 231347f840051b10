// The 360 px layout check over every page (DESIGN §5 rule 10), at 360×740 in Arabic and English: a
// respondent's questionnaire (every pillar) while collection is open; then, signed in as the demo
// coordinator (made an administrator, so the admin pages are reachable too), every same-site page reachable
// from the home page and a list of seeds (each assessment page, the workshop with an item on the room screen
// and a poll open, validation, results and item traces, instruments, methodology, countries, admin, the translation workbench, the programme view); then
// the signed-out pages (sign-in, forgot password, an invitation link, a reset link, the room code, the API documentation, the public
// report of the published 2024 cycle and the index of published assessments). It fails on sideways scrolling of the
// document or on text squeezed into a box narrower than about three characters. Pages of the same shape
// (one item among 74) are visited a bounded number of times and the crawl has a cap, so it runs in about
// a minute. The last test checks the rendered order of mixed-direction text in Arabic (rule 10, bidi).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createResetLink } from '../src/domain/accounts/create-reset-link.ts';
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { createInvitation } from '../src/domain/participants/create-invitation.ts';
import { DEMO_COUNTRY, seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { ensureRoomCode } from '../src/domain/workshop/room-code.ts';
import { setRoomVoting } from '../src/domain/workshop/set-room-voting.ts';
import { assessmentPaths, paths } from '../src/http/paths.ts';
import { DEMO_PULSE_CODE } from '../src/domain/pulse/seed-demo-pulse.ts';
import { browserSkip, startE2E, type E2E } from './browser.ts';

/** How many pages of the same shape (the same path with ids and item codes replaced) are visited. */
const PER_SHAPE = 2;
/** The most pages visited per language. */
const CAP = 70;

/** A path with its variable parts replaced, so that 74 item pages count as one shape. */
function shape(path: string): string {
  return path
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/g, ':id')
    .replace(/\/[A-Z]\.\d{2}\b/g, '/:item')
    .replace(/\/(answer|workshop|instruments\/[^/]+\/[^/]+)\/[A-Z]$/, '/$1/:pillar')
    .replace(/\/countries\/[A-Z]{3}$/, '/countries/:iso3')
    .replace(/^\/translations\/[a-z]{2}(?=\?|$)/, '/translations/:lang')
    .replace(/\?.*$/, '');
}

/** Links the crawl does not follow: downloads, the API, actions, language switches (interface and report), signing out, and pulse
 * posters (each is in the language of its address; the crawl visits the one in its own language). */
function skipLink(url: URL): boolean {
  return (
    /\.(csv|json|xlsx|xml|js|css|svg|png|pdf|zip)$/.test(url.pathname) ||
    url.pathname.endsWith('/xliff') ||
    /^\/(api|static|files)\//.test(url.pathname) ||
    /\/files\//.test(url.pathname) ||
    url.pathname === paths.signOut ||
    url.pathname === paths.healthz ||
    url.searchParams.has('lang') ||
    // A report in another language has that language's direction, not the interface's (the public report's
    // language links); the report in the crawl's own language is visited without the parameter.
    url.searchParams.has('language') ||
    url.searchParams.has('part') ||
    /^\/p\/[^/]+\/poster\//.test(url.pathname)
  );
}

/** What is wrong with the layout of the page now shown: sideways overflow and squeezed text. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    const over = doc.scrollWidth - doc.clientWidth;
    if (over > 0) {
      // Name the culprits: the innermost elements that stick out of the viewport (not the skip link, which
      // waits off-screen on purpose, nor what scrolls inside a table wrapper).
      // (No named functions in here: tsx would wrap them in a helper the page does not have.)
      const sticking = new Set(
        [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > doc.clientWidth + 1 || r.left < -1) && !el.closest('.skip, .table-wrap');
        }),
      );
      const wide = [...sticking]
        .filter((el) => ![...el.children].some((c) => sticking.has(c as HTMLElement)))
        .slice(0, 3)
        .map((el) => `<${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}>`);
      out.push(`document is ${over}px wider than the 360px viewport (${wide.join(', ')})`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.closest('svg, script, style, template, .visually-hidden, [hidden]')) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (own.length <= 3) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue; // not rendered, or visually hidden on purpose
      const css = getComputedStyle(el);
      if (css.visibility === 'hidden' || css.display === 'none') continue;
      // Narrower than about three characters and wrapped onto more than one line: a column squeezed so far
      // that words break letter by letter (a short word such as "Fiji" on one line is fine).
      const em = parseFloat(css.fontSize) || 16;
      const line = parseFloat(css.lineHeight) || 1.5 * em;
      if (r.width < 1.5 * em && r.height > 1.8 * line) out.push(`text squeezed to ${Math.round(r.width)}px: <${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}> "${own.slice(0, 40)}"`);
    }
    return out.slice(0, 8);
  });
}

describe('every page at 360 px in Arabic and English', { skip: browserSkip(), timeout: 300_000 }, () => {
  let e: E2E;
  let seeds: string[] = [];
  /** Pages for people not signed in: sign-in, an invitation link, a password-reset link. */
  let signedOut: string[] = [];
  let password = '';
  let id = '';

  before(async () => {
    e = await startE2E();
    const demo = await seedDemo(e.app.ctx);
    password = demo.accounts[0]!.password;
    id = demo.assessmentId;
    await e.app.ctx.db.kysely.updateTable('users').set({ is_admin: 1 }).where('email', '=', 'coordinator@demo.metep.example').execute();
    const previous = (await e.app.ctx.db.kysely.selectFrom('assessments').select('id').where('id', '!=', id).executeTakeFirstOrThrow()).id;
    // The current cycle in the workshop: an item on the room screen with a poll open and a decision recorded.
    await changeAssessmentState(e.app.ctx, OPERATOR, id, { to: 'consolidating' });
    const { context, page } = await as('facilitator@demo.metep.example', 'en');
    await page.goto(`${e.base}${assessmentPaths(id).workshopItem('A.03')}`);
    await page.check('#v\\.A\\.03-2');
    await page.fill('#f-rationale', 'A portal exists but few ministries use it.');
    await page.click('button:has-text("Record the decision")');
    await page.waitForSelector('.flash');
    await page.click('button:has-text("Show on the room screen")');
    await page.waitForSelector('.flash');
    await page.click('button:has-text("Start a quick poll")');
    await page.waitForSelector('.flash');
    await context.close();
    const invite = await createInvitation(e.app.ctx, OPERATOR, id, { name: 'Nadia Saleh', organisation: 'Ministry of ICT', group: 'central_government', role: 'respondent', locale: 'ar' });
    const observer = await e.app.ctx.db.kysely.selectFrom('users').select('id').where('email', '=', 'observer@demo.metep.example').executeTakeFirstOrThrow();
    const reset = await createResetLink(e.app.ctx, OPERATOR, observer.id, { ip: null, userAgent: null });
    // The room open to votes without an account: its code's page is a signed-out page too.
    await setRoomVoting(e.app.ctx, OPERATOR, id, { open: '1' });
    const code = await ensureRoomCode(e.app.ctx, { id, room_code: null });
    // The 2024 cycle published with everything that may be public: its public report and the index are signed-out pages.
    await changeAssessmentState(e.app.ctx, OPERATOR, previous, { to: 'published', level: 'comments' });
    signedOut = [paths.home, paths.signIn(), paths.forgotPassword, paths.vote, paths.voteCode(code), new URL(invite.url).pathname, new URL(reset.url).pathname, paths.pulse(DEMO_PULSE_CODE), paths.pulseThanks(DEMO_PULSE_CODE), paths.apiDocs, paths.publicAssessments, paths.publicAssessment(previous)];
    const a = assessmentPaths(id);
    const p = assessmentPaths(previous);
    // The editing pages (settings, an organisation, a person and the confirmation before removing them).
    const org = await e.app.ctx.db.kysely.selectFrom('organisations').select('id').where('assessment_id', '=', id).where('name', '=', 'Ministry of Digital Affairs').executeTakeFirstOrThrow();
    const person = await e.app.ctx.db.kysely.selectFrom('memberships').select('user_id').where('assessment_id', '=', id).where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    seeds = [
      paths.home, paths.assessments, a.overview, a.participants, a.workshop, a.workshopPillar('A'),
      a.workshopItem('A.03'), a.room, a.poll, a.validation, a.results, a.pulse, a.pulseResults, a.settings, a.organisation(org.id), a.person(person.user_id), a.removePerson(person.user_id), p.overview, p.results, p.report(), p.resultsItem('A.03'), p.workshopItem('B.07'),
      paths.instruments, paths.methodology, paths.countries, paths.country(DEMO_COUNTRY), paths.country('KEN'), paths.users, paths.benchmarkEditions,
      paths.translations, paths.translators, paths.translationsLang('ar', 'scope=metep%402026.2&pillar=A'), paths.translationsLang('ar', 'scope=ui&page=2'), paths.translationsString('ar', 'metep@2026.2', 'A.01.question'), paths.translationsString('ar', 'ui', 'tr.matching'), a.fieldImport, paths.tokens, paths.programme(), paths.programme('cycle=2024'), paths.programmeOfficers, paths.apiDocs,
    ];
  });
  after(async () => {
    await e?.close();
  });

  async function as(email: string, locale: string, desktop = false): Promise<{ context: BrowserContext; page: Page }> {
    const s = await signIn(e.app.ctx, { email, password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ locale, ...(desktop ? { viewport: { width: 1280, height: 900 } } : { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }) });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: locale, url: e.base }]);
    return { context, page: await context.newPage() };
  }

  /**
   * Visits the seeds and every same-site page linked from them, breadth first, each once, at most
   * `perShape` pages of one shape and CAP pages in all, following links under `within`; returns the layout problems and the pages seen.
   */
  async function crawl(page: Page, lang: string, start: readonly string[], perShape: number, within = '/'): Promise<{ problems: string[]; visited: number }> {
    const queue = [...start];
    const seen = new Set<string>();
    const shapes = new Map<string, number>();
    const problems: string[] = [];
    let visited = 0;
    while (queue.length > 0 && visited < CAP) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const k = shape(path);
      if ((shapes.get(k) ?? 0) >= perShape && !start.includes(path)) continue;
      shapes.set(k, (shapes.get(k) ?? 0) + 1);
      const res = await page.goto(`${e.base}${path}`);
      visited++;
      if (!res || res.status() >= 400 || !(res.headers()['content-type'] ?? '').includes('text/html')) {
        // A page on the list must be there: otherwise the check would pass by not looking.
        if (start.includes(path)) problems.push(`${path}: answered ${res?.status()}, not a page`);
        continue;
      }
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr', path);
      for (const problem of await layoutProblems(page)) problems.push(`${path}: ${problem}`);
      const hrefs = await page.$$eval('a[href]', (as) => as.map((x) => (x as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== e.base || skipLink(url) || !url.pathname.startsWith(within)) continue;
        const next = url.pathname + url.search;
        if (!seen.has(next)) queue.push(next);
      }
    }
    return { problems, visited };
  }

  /** Puts the current cycle in a state for a moment (test set-up, not a transition a person makes). */
  async function setState(state: 'collecting' | 'consolidating') {
    await e.app.ctx.db.kysely.updateTable('assessments').set({ state }).where('id', '=', id).execute();
  }

  for (const lang of ['ar', 'en'] as const) {
    test(`no sideways scrolling and no squeezed text on any page (${lang})`, async (t) => {
      // A respondent's questionnaire, every pillar, while collection is open.
      await setState('collecting');
      const r = await as('respondent1@demo.metep.example', lang);
      const answering = await crawl(r.page, lang, [assessmentPaths(id).overview, assessmentPaths(id).answer, assessmentPaths(id).submit, assessmentPaths(id).consent], 12, assessmentPaths(id).answer);
      await r.context.close();
      await setState('consolidating');
      const c = await as('coordinator@demo.metep.example', lang);
      const rest = await crawl(c.page, lang, seeds, PER_SHAPE);
      await c.context.close();
      const anonymous = await e.browser.newContext({ locale: lang, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      await anonymous.addCookies([{ name: 'metep_lang', value: lang, url: e.base }]);
      // The pulse poster is in the language of its address: the one being crawled.
      const outside = await crawl(await anonymous.newPage(), lang, [...signedOut, paths.pulsePoster(DEMO_PULSE_CODE, lang)], 1, '/sign-in');
      await anonymous.close();
      assert.ok(answering.visited >= 5 && rest.visited >= seeds.length && outside.visited >= signedOut.length, `visited ${answering.visited} + ${rest.visited} + ${outside.visited} pages`);
      t.diagnostic(`${answering.visited} questionnaire pages, ${rest.visited} other pages, ${outside.visited} signed-out pages`);
      const problems = [...answering.problems, ...rest.problems, ...outside.problems];
      assert.deepEqual(problems, [], `layout problems at 360px (${lang}), ${answering.visited + rest.visited} pages visited`);
    });
  }

  test('Arabic: a decision line keeps the name and the date whole, in reading order; the vote address reads left to right', async () => {
    const { context, page } = await as('coordinator@demo.metep.example', 'ar', true);
    await page.goto(`${e.base}${assessmentPaths(id).workshopItem('A.03')}`);
    // The decision's "by {name}, {at}" line: each value in its own <bdi>.
    const line = page.locator('dd:has(bdi:text-is("Tomas Facilitator"))').first();
    const bdis = await line.locator('bdi').allTextContents();
    assert.equal(bdis[0], 'Tomas Facilitator');
    assert.match((bdis[1] ?? '').replace(/\u200f/g, ''), /^\d{1,2}\/\d{1,2}\/\d{4}، \d{1,2}:\d{2}/, `the date is whole: ${bdis[1]}`);
    // Rendered order, right to left: "من قِبل", then the name, then the date.
    const boxes = await line.evaluate((dd) => {
      const label = document.createRange();
      label.selectNodeContents(dd.firstChild!);
      const [name, at] = [...dd.querySelectorAll('bdi')].map((b) => b.getBoundingClientRect());
      const l = label.getBoundingClientRect();
      return { label: [l.left, l.right], name: [name!.left, name!.right], at: [at!.left, at!.right], first: dd.firstChild!.textContent };
    });
    assert.match(boxes.first ?? '', /من قِبل/);
    assert.ok(boxes.name[1]! <= boxes.label[0]! + 1, `the name is left of "من قِبل": ${JSON.stringify(boxes)}`);
    assert.ok(boxes.at[1]! <= boxes.name[0]! + 1, `the date is left of the name: ${JSON.stringify(boxes)}`);
    // The vote address on the room screen is one left-to-right run, scheme first (not ".../poll/127.0.0.1:…").
    await page.goto(`${e.base}${assessmentPaths(id).room}`);
    const url = page.locator('.vote-url span[dir=ltr]');
    assert.match((await url.textContent()) ?? '', new RegExp(`^${e.base}/v/[2-9A-HJKMNP-Z]{6}$`));
    await context.close();
  });
});
