// `metep instrument …`: validate, export and import instrument versions.
import { loadInstrument } from '../instrument/loader.ts';
import { UsageError, type Command } from './index.ts';

/** Instrument commands. */
export const instrumentCommands: Command[] = [
  {
    path: ['instrument', 'validate'],
    summary: 'Check an instrument file (merged JSON) or folder (split files); lists every problem by item and field.',
    usage: 'metep instrument validate <file|dir>',
    options: {},
    allowPositionals: true,
    async run({ positionals }) {
      const [path] = positionals;
      if (!path) throw new UsageError('give the instrument file or folder to validate');
      const r = loadInstrument(path);
      if (!r.ok) {
        process.stderr.write(`${path}: ${r.problems.length} problem(s)\n${r.problems.map((p) => `  ${p}`).join('\n')}\n`);
        return 1;
      }
      const items = r.instrument.parts.flatMap((p) => p.pillars.flatMap((pl) => pl.items));
      const scored = items.filter((i) => i.type !== 'text').length;
      process.stdout.write(
        `${path}: valid — ${r.instrument.key} ${r.instrument.version} (${r.instrument.status}), ${items.length} items (${scored} scored), languages: ${Object.keys(r.instrument.languages).join(', ')}\n`,
      );
      return 0;
    },
  },
];
