// The editing pages in a browser, in Arabic on a 360 px phone (issue 10, item 6): a coordinator moves a
// respondent to another organisation, is refused when removing an organisation that still has people, and
// removes a person through the confirmation page — each page without sideways scrolling and without axe
// violations, with the Latin names isolated from the Arabic around them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { assessmentPaths } from '../src/http/paths.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

/** Sideways overflow of the page now shown, in pixels. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('editing people and organisations in Arabic at 360 px', { skip: browserSkip(), timeout: 180_000 }, () => {
  let e: E2E;
  let page: Page;
  let id = '';

  before(async () => {
    e = await startE2E();
    const demo = await seedDemo(e.app.ctx);
    id = demo.assessmentId;
    const s = await signIn(e.app.ctx, { email: 'coordinator@demo.metep.example', password: demo.accounts[0]!.password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: 'ar', url: e.base }]);
    page = await context.newPage();
  });
  after(async () => {
    await e?.close();
  });

  /** Checks the page now shown: right to left, no sideways scrolling, no axe violations. */
  async function check(what: string) {
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl', what);
    assert.equal(await overflow(page), 0, `${what}: no sideways scrolling`);
    assert.deepEqual(await axe(page), [], `${what}: axe`);
  }

  test('move a respondent, meet the refusal to remove an organisation with people, remove a person after confirming', async () => {
    const db = e.app.ctx.db.kysely;
    const a = assessmentPaths(id);
    // From the participants table to a person's page by their (isolated) name.
    await page.goto(`${e.base}${a.participants}`);
    const who = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').innerJoin('organisations', 'organisations.id', 'memberships.organisation_id').select(['users.id', 'users.name', 'organisations.id as org']).where('memberships.assessment_id', '=', id).where('organisations.name', '=', 'Ministry of Finance').executeTakeFirstOrThrow();
    await page.click(`a[href="${a.person(who.id)}"]`);
    assert.equal(await page.locator('h2 bdi').first().textContent(), who.name);
    await check('person page');
    const civic = await db.selectFrom('organisations').select('id').where('assessment_id', '=', id).where('name', '=', 'Open Government Network').executeTakeFirstOrThrow();
    await page.selectOption('#f-organisation', civic.id);
    await page.click('form[action$="/people/' + who.id + '"] button[type=submit]');
    await page.waitForSelector('.flash');
    assert.match((await page.textContent('.flash')) ?? '', /حُفظت التغييرات/);
    assert.equal((await db.selectFrom('memberships').select('organisation_id').where('user_id', '=', who.id).where('assessment_id', '=', id).executeTakeFirstOrThrow()).organisation_id, civic.id);

    // The organisation he came from is empty now; the one he joined is not, and says how to empty it.
    await page.goto(`${e.base}${a.organisation(civic.id)}`);
    await check('organisation page');
    assert.equal(await page.locator(`form[action="${a.removeOrganisation(civic.id)}"]`).count(), 0);
    assert.match((await page.textContent('#org-remove-h + p')) ?? '', /لا يمكن إزالة جهة إلا عندما لا يبقى فيها أحد/);

    // Removing a person goes through a confirmation page that says what happens to the answers.
    await page.goto(`${e.base}${a.person(who.id)}`);
    await page.click(`a[href="${a.removePerson(who.id)}"]`);
    await check('confirmation page');
    assert.match((await page.textContent('main')) ?? '', /سجل التدقيق/);
    await page.click('button:has-text("نعم، أزِل")');
    await page.waitForSelector('.flash');
    assert.equal(await db.selectFrom('memberships').select('id').where('user_id', '=', who.id).where('assessment_id', '=', id).executeTakeFirst(), undefined);

    await page.goto(`${e.base}${a.settings}`);
    await check('settings page');
  });
});
