// `metep demo`: a populated demo assessment for the fictional Demoland.
import { seedDemo } from '../domain/assessments/seed-demo.ts';
import { withCtx } from './commands.ts';
import type { Command } from './index.ts';
import { absolute, assessmentPaths, paths } from '../http/paths.ts';

/** Demo command. */
export const demoCommands: Command[] = [
  {
    path: ['demo'],
    summary: 'Create a demo assessment (fictional Demoland, 12 respondents who have answered); safe to run again.',
    usage: 'metep demo   (prints the demo accounts with a fresh password; do not run on a production installation)',
    options: {},
    async run({ config }) {
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
    },
  },
];
