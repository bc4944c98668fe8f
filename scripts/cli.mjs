#!/usr/bin/env node
// `npm run feed|market|settings -- …`: runs the command from its build in out/cli, building first
// only when a source file changed (scripts/cli-build.mjs), in this same process, so signals
// (Ctrl-C, SIGTERM) and the exit code are the command's own.
import { pathToFileURL } from 'node:url';
import { COMMANDS, commandBundle, ensureCliBuilt } from './cli-build.mjs';

const [command, ...args] = process.argv.slice(2);
if (!COMMANDS.includes(command)) {
  process.stderr.write(`usage: node scripts/cli.mjs ${COMMANDS.join('|')} [arguments]\n`);
  process.exit(2);
}
await ensureCliBuilt((reason) => process.stderr.write(`${command}: building the commands into out/cli (${reason})…\n`));
const bundle = commandBundle(command);
process.argv = [process.argv[0], bundle, ...args];
await import(pathToFileURL(bundle).href);
