// Entry point of the `metep` command (npm start runs `metep serve`).
import { runCli } from './cli/index.ts';
import { allCommands } from './cli/all.ts';

process.exitCode = await runCli(process.argv.slice(2), allCommands);
