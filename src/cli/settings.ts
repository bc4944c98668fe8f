/**
 * `npm run -s settings -- export|import FILE [--format json|csv] [--settings-file PATH] [--force]`:
 * watch lists and preferences in and out of the app's settings file. Results go to stdout, problems
 * to stderr, one a line; the exit code says which (see settings-command.ts).
 */
import { homedir } from 'node:os';
import { parseSettingsArgs, runSettingsCommand, SETTINGS_USAGE } from './settings-command';
import { runCommandProcess } from './run-command';

void runCommandProcess({
  name: 'settings',
  usage: SETTINGS_USAGE,
  parse: parseSettingsArgs,
  run: (args) =>
    runSettingsCommand(args, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      env: process.env,
      platform: process.platform,
      home: homedir(),
      now: Date.now,
    }),
});
