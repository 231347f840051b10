// The `metep` command line: a table of commands, each with its own --help. The table (all.ts) holds only
// what --help prints and how to parse the options; a command's implementation is imported when it runs,
// so `metep --help` loads neither the database layer nor the web app nor the report libraries.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { TConfig } from '../config.ts';

/** What a command's implementation receives: parsed options, positionals and the configuration on demand. */
export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  config: () => TConfig;
}

/** A command's implementation: runs it and returns the exit code. */
export type CommandRun = (args: CommandArgs) => Promise<number>;

/** One CLI command. */
export interface Command {
  /** Words that select it, e.g. ["user", "create"]. */
  path: string[];
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /** Imports the implementation (only when the command runs). */
  load(): Promise<CommandRun>;
}

/** Thrown by a command for a usage mistake: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

function helpAll(commands: Command[]): string {
  const lines = commands.map((c) => `  metep ${c.path.join(' ').padEnd(26)} ${c.summary}`);
  return `METEP — Measurement and Evaluation Tool for Citizen Engagement and e-Participation\n\nUsage: metep <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "metep <command> --help" for a command's options. Configuration comes from the environment (see README.md).\n`;
}

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function runCli(argv: string[], commands: Command[]): Promise<number> {
  const cmd = commands
    .filter((c) => c.path.every((w, i) => argv[i] === w))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!cmd) {
    const help = argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help';
    if (help) {
      process.stdout.write(helpAll(commands));
      return 0;
    }
    const group = commands.filter((c) => c.path[0] === argv[0]);
    if (group.length && (argv.includes('--help') || argv.includes('-h'))) {
      process.stdout.write(helpAll(group));
      return 0;
    }
    const wanted = argv.filter((a) => !a.startsWith('-')).join(' ');
    process.stderr.write(`metep: unknown command "${wanted}"\n\n${helpAll(group.length ? group : commands)}`);
    return 2;
  }
  const rest = argv.slice(cmd.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${cmd.summary}\n\nUsage: ${cmd.usage}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: cmd.allowPositionals ?? false, strict: true });
  } catch (e) {
    process.stderr.write(`metep ${cmd.path.join(' ')}: ${(e as Error).message}\n\nUsage: ${cmd.usage}\n`);
    return 2;
  }
  // Loaded here rather than at the top: zod is only needed once a command runs.
  const { ConfigError, loadConfig } = await import('../config.ts');
  const run = await cmd.load();
  const config = () => loadConfig();
  try {
    return await run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals, config });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`metep: invalid configuration\n${e.problems.map((p) => `  ${p}`).join('\n')}\n`);
      return 1;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`metep ${cmd.path.join(' ')}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
