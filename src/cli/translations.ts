// `metep translations export-ui`: the UI catalog of a language as this installation shows it — the bundled
// catalog with the texts edited in the workbench — in the layout of src/i18n/locales/<lang>.json (keys
// sorted), so edits made in one installation can be contributed to the project for every installation.
import { writeFileSync } from 'node:fs';
import { uiOverrides } from '../domain/translations/ui-overrides.ts';
import { catalog, isLocale } from '../i18n/index.ts';
import { withCtx } from './context.ts';
import { UsageError, type CommandRun } from './index.ts';

/** Writes one language's catalog with the workbench's edits. */
export const exportUi: CommandRun = async ({ values, config }) => {
  const lang = String(values.lang ?? '');
  if (!isLocale(lang) || lang === 'en') throw new UsageError('give --lang (ar, es, fr, ru or zh)');
  const edited = await withCtx(config(), async (ctx) => (await uiOverrides(ctx)).get(lang) ?? {}, { existing: true });
  const merged: Record<string, string> = { ...catalog(lang) };
  // Only keys the bundled catalog still has: a key removed from the software stays removed.
  for (const [k, v] of Object.entries(edited)) if (Object.hasOwn(merged, k)) merged[k] = v;
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]!]));
  const body = `${JSON.stringify(sorted, null, 1)}\n`;
  if (values.out) writeFileSync(String(values.out), body);
  else process.stdout.write(body);
  process.stderr.write(`${lang}: ${Object.keys(edited).length} text(s) edited in the workbench\n`);
  return 0;
};
