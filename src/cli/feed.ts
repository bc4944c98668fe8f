/**
 * `npm run feed -- --symbols AAPL,MSFT [--token KEY] …`: stream Finnhub (or the demo) headless.
 * Stdout is NDJSON only; reasons for bad arguments go to stderr as one line.
 */
import { USAGE, parseFeedArgs } from './feed-args';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EXIT_BAD_ARGS, runFeedCommand } from './feed-command';
import { jsonFileStore } from '../engine/context/json-file-store';
import { userDataDir } from '../engine/settings/user-data-dir';

/** Where --details and --news cache company context: beside the app's settings. */
export const CONTEXT_CACHE_FILE = 'context-cache.json';

async function main(): Promise<void> {
  const parsed = parseFeedArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    process.stderr.write(`feed: ${parsed.reason}\n`);
    process.exit(EXIT_BAD_ARGS);
  }
  if (parsed.args.help) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (parsed.args.token === null)
    process.stderr.write('feed: no API key (--token or FINNHUB_API_KEY): running the demo feed\n');

  const interrupted = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  // A closed pipe (`… | head`) must end the command quietly, not crash it.
  process.stdout.on('error', () => process.exit(0));

  const code = await runFeedCommand(parsed.args, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interrupted,
    ...(parsed.args.details || parsed.args.news
      ? { contextStore: jsonFileStore(join(userDataDir(process.platform, process.env, homedir()), CONTEXT_CACHE_FILE)) }
      : {}),
  });
  // Exit once everything written has been flushed.
  process.stdout.write('', () => process.exit(code));
}

main().catch((error: unknown) => {
  process.stderr.write(`feed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
