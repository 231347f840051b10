// Invitations by link and the room's vote in Chromium, in Arabic on a 360 px phone: the coordinator makes a
// link and copies the ready message (in the invitee's language) with the copy button, and the page stays
// at the link; the room screen shows the short code, the full address and a QR code without spilling
// sideways; a phone without an account and without JavaScript votes on a checklist by the code, and the
// room counts it apart. Zero axe violations on every page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { assessmentPaths } from '../src/http/paths.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

describe('invitation links and the room vote on an Arabic phone', { skip: browserSkip(), timeout: 180_000 }, () => {
  let e: E2E;
  let id = '';
  let password = '';

  before(async () => {
    e = await startE2E();
    const demo = await seedDemo(e.app.ctx);
    id = demo.assessmentId;
    password = demo.accounts[0]!.password;
  });
  after(async () => {
    await e?.close();
  });

  async function as(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const s = await signIn(e.app.ctx, { email, password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ locale: 'ar', ...PHONE });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: 'ar', url: e.base }]);
    return { context, page: await context.newPage() };
  }

  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  test('a new link says whose it is; the message in the invitee’s language is copied with one tap', async () => {
    const { context, page } = await as('coordinator@demo.metep.example');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e.base });
    await page.goto(`${e.base}${assessmentPaths(id).participants}`);
    await page.fill('#f-name', 'Jeanne Dupont');
    await page.fill('#f-organisation', 'Réseau citoyen');
    await page.selectOption('#f-group', 'civil_society');
    await page.selectOption('#f-locale', 'fr');
    await page.click('section[aria-labelledby="invite-h"] form button[type=submit]');
    await page.waitForSelector('#invite-created');
    assert.match(page.url(), /#invite-created$/, 'the answer opens at the new link');
    const top = await page.evaluate(() => document.getElementById('invite-created')!.getBoundingClientRect().top);
    assert.ok(top >= -1 && top < 740, `the link's block is on screen (top ${top})`);
    assert.equal(await page.textContent('#invite-created dd bdi'), 'Jeanne Dupont');
    assert.equal(await page.getAttribute('#invite-message', 'lang'), 'fr');
    const message = await page.inputValue('#invite-message');
    assert.match(message, /Bonjour Jeanne Dupont,/);
    // Two copy buttons (link, message), made by the script; the message one copies the whole text.
    const buttons = page.locator('#invite-created button.copy-button');
    assert.equal(await buttons.count(), 2);
    await buttons.nth(1).click();
    await page.waitForSelector('#invite-created [role=status]:has-text("تم النسخ")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), message);
    assert.equal(await overflow(page), 0, 'no sideways scrolling');
    assert.deepEqual(await axe(page), [], 'participants page with a new link (ar, phone)');
    await context.close();
  });

  test('the room shows code, full address and QR; a phone without an account or JavaScript votes by the code', async () => {
    await changeAssessmentState(e.app.ctx, OPERATOR, id, { to: 'consolidating' });
    const fac = await as('facilitator@demo.metep.example');
    await fac.page.goto(`${e.base}${assessmentPaths(id).workshopItem('C.05')}`);
    await fac.page.click('form[action$="/room/show"] button');
    await fac.page.waitForSelector('.flash');
    await fac.page.click('form[action$="/polls"] button');
    await fac.page.waitForSelector('.flash');
    await fac.page.click('form[action$="/room/voting"] button');
    await fac.page.waitForSelector('.flash');
    assert.deepEqual(await axe(fac.page), [], 'workshop item with the room controls (ar, phone)');

    const room = await as('observer@demo.metep.example');
    await room.page.goto(`${e.base}${assessmentPaths(id).room}`);
    await room.page.waitForSelector('#room-status:not(:empty)');
    const code = (await room.page.textContent('.vote-code')) ?? '';
    assert.match(code, /^[2-9A-HJKMNP-Z]{6}$/);
    assert.equal(await room.page.textContent('.vote-url span[dir=ltr]'), `${e.base}/v/${code}`, 'the full address, scheme first, left to right');
    const qr = await room.page.locator('.qr svg').boundingBox();
    assert.ok(qr && qr.width >= 120 && qr.x >= 0 && qr.x + qr.width <= 360, `the QR code is whole on screen: ${JSON.stringify(qr)}`);
    assert.equal(await overflow(room.page), 0, 'the room screen does not spill sideways at 360 px');
    assert.deepEqual(await axe(room.page), [], 'room with the code and QR (ar, phone)');

    const anon = await e.browser.newContext({ locale: 'ar', javaScriptEnabled: false, ...PHONE });
    const phone = await anon.newPage();
    await phone.goto(`${e.base}/v`);
    await phone.fill('#f-code', code.toLowerCase());
    await phone.click('main button[type=submit]');
    await phone.waitForURL(`${e.base}/v/${code}`);
    await phone.check('#choice-web_platform');
    await phone.check('#choice-sms_ussd');
    await phone.click('main form button[type=submit]');
    await phone.waitForSelector('.flash');
    assert.equal(await overflow(phone), 0);
    // axe needs JavaScript: the same page, on another phone that has it.
    const checker = await e.browser.newContext({ locale: 'ar', ...PHONE });
    const page2 = await checker.newPage();
    await page2.goto(`${e.base}/v/${code}`);
    assert.deepEqual(await axe(page2), [], 'vote by code without an account (ar, phone)');
    await checker.close();
    await room.page.waitForSelector('#room-live caption:has-text("1")', { timeout: 10_000 });
    assert.equal(await room.page.locator('#room-live th:has-text("منها دون حساب")').count(), 1, 'votes without an account in their own column');
    for (const x of [fac.context, room.context, anon]) await x.close();
  });
});
