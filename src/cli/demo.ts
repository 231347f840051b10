// `metep demo`: a populated demo assessment for the fictional Demoland.
import { seedDemo } from '../domain/assessments/seed-demo.ts';
import { absolute, assessmentPaths, paths } from '../http/paths.ts';
import { withCtx } from './context.ts';
import type { CommandRun } from './index.ts';

/** Creates (or completes) the demo assessment and prints its accounts with a fresh password. */
export const demo: CommandRun = async ({ config }) => {
  const cfg = config();
  const r = await withCtx(cfg, (ctx) => seedDemo(ctx));
  process.stdout.write(
    `${r.created ? 'Created' : 'Already there:'} demo assessment ${absolute(cfg.publicUrl, assessmentPaths(r.assessmentId).overview)}\n\n` +
      `Sign in at ${absolute(cfg.publicUrl, paths.signIn())} with one of these accounts (password for all, valid until the next \`metep demo\`):\n\n` +
      r.accounts.map((a) => `  ${a.role.padEnd(12)} ${a.email}`).join('\n') +
      `\n\n  password     ${r.accounts[0]?.password}\n\n(respondent1 … respondent12 exist; two of them have not finished.)\n` +
      `The validated 2024 cycle of Demoland is there too, so results compare with it. To try the workshop,\n` +
      `sign in as the coordinator and move the assessment to consolidation on its overview page.\n`,
  );
  return 0;
};
