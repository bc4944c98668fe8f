/**
 * `npm run -s feed -- --symbols AAPL,MSFT [--token KEY] …`: stream Finnhub (or the demo) headless.
 * NDJSON on stdout when it is not a terminal (or with --json), aligned lines on a terminal; reasons
 * for bad arguments go to stderr as one line.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CONTEXT_CACHE_FILE, jsonFileStore } from '../engine/context/json-file-store';
import { userDataDir } from '../engine/settings/user-data-dir';
import { parseFeedArgs, USAGE } from './feed-args';
import { feedTerminalLine, wantsJson } from './output';
import { runCommandProcess } from './run-command';

void runCommandProcess({
  name: 'feed',
  usage: USAGE,
  parse: (argv) => parseFeedArgs(argv, process.env),
  run: async (args) => {
    // The engine (and ws) load only to run: --help and --version start without them.
    const { runFeedCommand } = await import('./feed-command');
    if (args.token === null)
      process.stderr.write('feed: no API key (--token or FINNHUB_API_KEY): running the demo feed\n');
    const interrupted = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    const json = wantsJson(args.json, process.stdout.isTTY);
    return runFeedCommand(args, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      ...(json ? {} : { format: (event) => feedTerminalLine(event, Date.now()) }),
      interrupted,
      ...(args.details || args.news
        ? {
            // Where --details and --news cache company context: beside the app's settings.
            contextStore: jsonFileStore(
              join(userDataDir(process.platform, process.env, homedir()), CONTEXT_CACHE_FILE),
            ),
          }
        : {}),
    });
  },
});
