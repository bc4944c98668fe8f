/**
 * `npm run -s market -- --symbols AAPL,OANDA:EUR_USD [--at ISO-TIME]`: each symbol's session, as
 * NDJSON when stdout is not a terminal (or with --json) and aligned lines on a terminal.
 */
import { MARKET_USAGE, marketLines, marketTerminalLines, parseMarketArgs } from './market-command';
import { wantsJson } from './output';
import { runCommandProcess } from './run-command';

void runCommandProcess({
  name: 'market',
  usage: MARKET_USAGE,
  parse: parseMarketArgs,
  run: (args) => {
    const lines = marketLines(args.symbols, args.at ?? Date.now());
    const text = wantsJson(args.json, process.stdout.isTTY)
      ? lines.map((line) => JSON.stringify(line))
      : marketTerminalLines(lines);
    process.stdout.write(text.map((line) => `${line}\n`).join(''));
    return 0;
  },
});
