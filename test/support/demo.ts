// The demo assessment behind an in-process app, with a way to sign in as any of its people — shared by the
// HTTP tests that need a populated assessment (workshop, redirects, fuzz, authorisation matrix).
import assert from 'node:assert/strict';
import type { Ctx } from '../../src/domain/kernel/context.ts';
import { seedDemo } from '../../src/domain/assessments/seed-demo.ts';
import { createApp } from '../../src/http/app.tsx';
import { Browser } from '../http.ts';

/** The demo assessment in an app, and signing in as one of its people. */
export async function demoApp(ctx: Ctx) {
  const demo = await seedDemo(ctx);
  const app = createApp(ctx);
  const password = demo.accounts[0]!.password;
  return {
    id: demo.assessmentId,
    app,
    password,
    as: async (email: string) => {
      const b = new Browser(app);
      const r = await b.post('/sign-in', { email, password });
      assert.equal(r.status, 303, `sign-in ${email}`);
      return b;
    },
  };
}
