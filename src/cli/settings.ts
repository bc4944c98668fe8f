/**
 * `npm run settings -- export|import FILE [--format json|csv] [--settings-file PATH] [--force]`:
 * watch lists and preferences in and out of the app's settings file. Results go to stdout, problems
 * to stderr, one a line; the exit code says which (see settings-command.ts).
 */
import { homedir } from 'node:os';
import { EXIT_BAD_ARGS, parseSettingsArgs, runSettingsCommand, SETTINGS_USAGE } from './settings-command';

const parsed = parseSettingsArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`settings: ${parsed.reason}\n${SETTINGS_USAGE}\n`);
  process.exitCode = EXIT_BAD_ARGS;
} else if ('help' in parsed) {
  process.stdout.write(`${SETTINGS_USAGE}\n`);
} else {
  process.exitCode = runSettingsCommand(parsed.args, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    platform: process.platform,
    home: homedir(),
    now: Date.now,
  });
}
