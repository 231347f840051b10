// Invitations by link, as the coordinator sees them: whose link it is, a ready message in the invitee's
// language with copy buttons, the page answering at the new link, and roles in the invitations table.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { ensureBundledInstrument } from '../src/domain/instruments/ensure-bundled-instrument.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { createApp } from '../src/http/app.tsx';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';

eachDialect('invitations by link', (get) => {
  let coordinator: Browser;
  let base = '';
  before(async () => {
    get().ctx.config.smtpUrl = undefined;
    await ensureBundledInstrument(get().ctx);
    await createUser(get().ctx, OPERATOR, { name: 'Cora Coordinator', email: 'cora@example.org', password: 'cora has a long password', isCoordinator: true });
    coordinator = new Browser(createApp(get().ctx));
    await coordinator.post('/sign-in', { email: 'cora@example.org', password: 'cora has a long password' });
    const r = await coordinator.post('/assessments', { country: 'KEN', cycleYear: '2026', scope: '', targetIndex: '0.6', deadline: '2026-12-31' });
    base = /(\/assessments\/[^/]+)\/participants/.exec(r.location ?? '')?.[1] ?? '';
    assert.ok(base);
  });

  test('a new link says whose it is and comes with a message in the invitee’s language, both copyable', async () => {
    const r = await coordinator.post(`${base}/invitations`, { name: 'Jeanne Dupont', email: 'jeanne@example.org', organisation: 'Réseau citoyen', group: 'civil_society', role: 'respondent', locale: 'fr' });
    assert.equal(r.status, 200);
    const block = /<div class="flash" role="status" id="invite-created">([\s\S]*?)<\/div>/.exec(r.text)?.[1] ?? '';
    assert.match(block, /<dd><bdi>Jeanne Dupont<\/bdi><\/dd>/);
    assert.match(block, /<dd><span dir="ltr">jeanne@example\.org<\/span><\/dd>/);
    assert.match(block, /<dd><bdi>Réseau citoyen<\/bdi><\/dd>/);
    assert.match(block, /<dd>Respondent<\/dd>/);
    assert.match(block, /<span lang="fr">Français<\/span>/);
    const url = /id="invite-link">([^<]+)</.exec(block)?.[1] ?? '';
    assert.match(url, /^http:\/\/metep\.test\/join\//);
    const message = /<textarea id="invite-message"[^>]*lang="fr"[^>]*>([\s\S]*?)<\/textarea>/.exec(block)?.[1] ?? '';
    assert.match(message, /^Invitation\s:\s/, 'the subject first, in French although the coordinator reads English');
    assert.match(message, /Bonjour Jeanne Dupont,/);
    assert.ok(message.includes(url), 'the message carries the link');
    assert.equal((block.match(/data-copy-label="Copy"/g) ?? []).length, 2, 'the link and the message each get a copy button');
    assert.match(r.text, /<script type="module" src="[^"]*copy\.js"/);
    assert.match(r.text, new RegExp(`action="${base}/invitations#invite-created"`), 'the next link opens at its own block');
  });

  test('the invitations table shows roles; "New link" answers at the fresh link, whose it is', async () => {
    await coordinator.post(`${base}/invitations`, { name: 'Oleg Observer', role: 'observer', locale: 'ru' });
    let r = await coordinator.get(`${base}/participants`);
    const table = /<section aria-labelledby="inv-h">([\s\S]*?)<\/section>/.exec(r.text)?.[1] ?? '';
    assert.match(table, /<th[^>]*>Role<\/th>/);
    assert.match(table, /<td>Observer<\/td>/);
    assert.match(table, /<td>Respondent<\/td>/);
    const resend = new RegExp(`action="(${base}/invitations/[^/"]+/resend)#invite-created"[^>]*>\\s*<button[^>]*aria-label="[^"]*Oleg Observer`).exec(table)?.[1];
    assert.ok(resend, 'the New link button posts to the block that shows the link');
    r = await coordinator.post(resend, {});
    assert.equal(r.status, 200);
    const block = /id="invite-created">([\s\S]*?)<\/div>/.exec(r.text)?.[1] ?? '';
    assert.match(block, /<bdi>Oleg Observer<\/bdi>/);
    assert.match(block, /<dd>Observer<\/dd>/);
    assert.match(/<textarea id="invite-message"[^>]*>([\s\S]*?)<\/textarea>/.exec(block)?.[1] ?? '', /Здравствуйте, Oleg Observer!/);
  });
});
