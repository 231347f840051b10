// Every command of the CLI, in the order `metep --help` lists them.
import { baseCommands } from './commands.ts';
import { demoCommands } from './demo.ts';
import { instrumentCommands } from './instrument.ts';
import { resultsCommands } from './results.ts';
import { benchmarkCommands } from './benchmarks.ts';
import type { Command } from './index.ts';

/** All commands. */
export const allCommands: Command[] = [...baseCommands, ...instrumentCommands, ...demoCommands, ...resultsCommands, ...benchmarkCommands];
