/**
 * `npm run market -- --symbols AAPL,OANDA:EUR_USD [--at ISO-TIME]`: sessions as NDJSON on stdout;
 * a bad argument gets a one-line reason on stderr and exit code 2.
 */
import { MARKET_USAGE, marketLines, parseMarketArgs } from './market-command';

const EXIT_BAD_ARGS = 2;

const parsed = parseMarketArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`market: ${parsed.reason}\n`);
  process.exitCode = EXIT_BAD_ARGS;
} else if (parsed.args.help) {
  process.stderr.write(`${MARKET_USAGE}\n`);
} else {
  const lines = marketLines(parsed.args.symbols, parsed.args.at ?? Date.now());
  process.stdout.write(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}
