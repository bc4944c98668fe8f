/**
 * Arguments of the headless feed command, parsed without side effects so they can be tested.
 */
import { DEFAULT_PUBLISH_RATE_HZ, MAX_PUBLISH_RATE_HZ } from '../engine/market/quote-publisher';
import { ALERT_LIMITS, parseAlertCondition, type AlertRule } from '../shared/alert-rules';
import { MAX_RELAY_ORIGINS, isValidRelayPort, isValidRelayToken, normalizeRelayOrigin } from '../shared/relay-rules';
import { checkEndpointUrl, REST_SCHEMES, WS_SCHEMES } from '../engine/feed/endpoint-url';
import { apiKeyProblem } from '../shared/api-key-rule';
import { FINNHUB_REST_URL, FINNHUB_WS_URL } from '../shared/finnhub-urls';
import { readBoundedText, type BoundedRead } from '../engine/files/bounded-read';
import { cleanServerText } from '../shared/server-text';
import {
  OUTPUT_OPTIONS,
  parseSymbolsOption,
  parseOptionsOnly,
  type CommandParse,
  type OptionSpecs,
  type OptionValues,
} from './command-line';
import { baseCurrencyProblem, DEFAULT_BASE_CURRENCY } from '../shared/portfolio/currency';
import type { Holdings } from '../shared/portfolio/holdings';
import { MAX_HOLDINGS_CSV_BYTES, parseHoldingsCsv } from '../shared/portfolio/holdings-csv';
const DEFAULT_DEMO_SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'BINANCE:BTCUSDT', 'OANDA:EUR_USD'];

export interface FeedArgs {
  symbols: string[];
  token: string | null;
  wsUrl: string;
  restUrl: string;
  /** Seconds to run; null runs until SIGINT/SIGTERM. */
  durationS: number | null;
  heartbeatTimeoutS: number | null;
  demo: boolean;
  rateHz: number;
  /** `--alert` rules (their symbols are in `symbols` too). */
  alerts: AlertRule[];
  /** The local relay, when --relay-port is given. */
  relay: RelayArgs | null;
  /** The lots of --holdings FILE.csv (their symbols are in `symbols` too) and --base-currency. */
  holdings: Holdings | null;
  /** `--details`: print each symbol's company details, and again when they change. */
  details: boolean;
  /** `--news`: print each new headline of the watched US stocks once. */
  news: boolean;
  /** `--json`: NDJSON even on a terminal. */
  json: boolean;
}

interface RelayArgs {
  /** 0 picks a free port (printed in the `relay` line). */
  port: number;
  /** From --relay-token or TICKER_RELAY_TOKEN; null means generate one. */
  token: string | null;
  /** Browser origins allowed besides the relay's own. */
  origins: string[];
}

export const USAGE = `Usage: npm run -s feed -- --symbols AAPL,MSFT,BINANCE:BTCUSDT [--token KEY] [--ws-url URL] [--rest-url URL]
                         [--duration SECONDS] [--heartbeat-timeout SECONDS] [--rate HZ] [--demo] [--json]
                         [--alert RULE ...] [--alert-repeat] [--alert-cooldown SECONDS]
                         [--relay-port PORT [--relay-token TOKEN] [--relay-origins URL,URL]]
                         [--holdings FILE.csv [--base-currency USD]] [--details] [--news]
       npm run -s feed -- --help | --version
Streams Finnhub trades over one connection and prints events (status, quote, alert, portfolio, relay, details,
headline, summary):
NDJSON when stdout is not a terminal or with --json, aligned lines on a terminal. Times are ISO 8601 with a zone:
UTC (Z) in JSON, local time with its offset on a terminal.
RULE is SYMBOL>=PRICE, SYMBOL<=PRICE, SYMBOL>=+N% or SYMBOL<=-N% (change against the previous close); quote it
for the shell, e.g. --alert 'AAPL>=200'. Each fires once unless --alert-repeat (then again after moving back past
the threshold by 0.5 %, or 0.5 points), at most once per --alert-cooldown seconds (default ${ALERT_LIMITS.defaultCliCooldownS}, 0 for none).
Key from --token or FINNHUB_API_KEY (without one, the demo feed runs); URLs from FINNHUB_WS_URL / FINNHUB_REST_URL.
--relay-port shares the connection with other programs on 127.0.0.1 (Finnhub's websocket protocol at /, server-sent
events at /sse); token from --relay-token or TICKER_RELAY_TOKEN, else a random one printed once on stderr.
--holdings reads lots as CSV (symbol,quantity,price,date,note; negative quantities are shorts) and prints the
portfolio's value, day change and gain in the base currency after each batch; rates such as OANDA:EUR_USD are
subscribed as needed. Plain symbols count as USD, pairs as their quote currency (USDT and USDC as USD).
--details prints each symbol's name, exchange, currency, day figures, 52-week range and next earnings date once known,
and again when they change (unknown fields are null); --news prints each new headline of the watched US stocks once,
newest first at the start (links that are not https are dropped and counted in the summary). Both need a key; their
calls wait behind the trades' own and stay within the free plan; what they learn is cached in Ticker's settings folder.
Exit codes: 0 done, 2 bad arguments, 3 key refused, 4 the relay could not listen,
5 the connection never went live during the run.`;

const FEED_OPTIONS = {
  ...OUTPUT_OPTIONS,
  symbols: { type: 'string' },
  token: { type: 'string' },
  'ws-url': { type: 'string' },
  'rest-url': { type: 'string' },
  duration: { type: 'string' },
  'heartbeat-timeout': { type: 'string' },
  rate: { type: 'string' },
  demo: { type: 'boolean' },
  alert: { type: 'string', multiple: true },
  'alert-repeat': { type: 'boolean' },
  'alert-cooldown': { type: 'string' },
  'relay-port': { type: 'string' },
  'relay-token': { type: 'string' },
  'relay-origins': { type: 'string' },
  holdings: { type: 'string' },
  'base-currency': { type: 'string' },
  details: { type: 'boolean' },
  news: { type: 'boolean' },
} as const satisfies OptionSpecs;

function positiveNumber(flag: string, raw: string, max: number): number | string {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0 || value > max) {
    return `${flag} must be a number greater than 0 and at most ${max}, got "${raw}"`;
  }
  return value;
}

/** The longest --holdings problem line printed (20 problems fit). */
const MAX_CLI_PROBLEM_LENGTH = 4_000;

/** How the parser reads the --holdings file (injected by tests): its text, or the problem in words. */
export type ReadText = (path: string) => BoundedRead;

function readTextFile(path: string): BoundedRead {
  return readBoundedText(path, MAX_HOLDINGS_CSV_BYTES);
}

export function parseFeedArgs(
  argv: readonly string[],
  rawEnv: Readonly<Record<string, string | undefined>>,
  readText: ReadText = readTextFile,
): CommandParse<FeedArgs> {
  return parseOptionsOnly(argv, FEED_OPTIONS, (values) => checkFeedArgs(values, rawEnv, readText));
}

/** The command's own checks of the values given: one reason, or the arguments. */
function checkFeedArgs(
  given: OptionValues<typeof FEED_OPTIONS>,
  rawEnv: Readonly<Record<string, string | undefined>>,
  readText: ReadText,
): FeedArgs | string {
  // An empty variable counts as unset.
  const env = (name: string): string | undefined => (rawEnv[name]?.trim() ? rawEnv[name] : undefined);
  const values = new Map<string, string>(
    Object.entries(given)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([name, value]) => [`--${name}`, value]),
  );
  const demo = given.demo === true;
  const details = given.details === true;
  const news = given.news === true;

  let symbols: string[] = [];
  const rawSymbols = values.get('--symbols');
  if (rawSymbols !== undefined) {
    const listed = parseSymbolsOption(rawSymbols);
    if (typeof listed === 'string') return listed;
    symbols = listed;
    if (symbols.length > 50) return `--symbols lists ${symbols.length} symbols; Finnhub's free plan allows about 50`;
  }

  const tokenValue = values.get('--token') ?? env('FINNHUB_API_KEY') ?? '';
  const token = tokenValue.trim() === '' ? null : tokenValue.trim();
  const tokenProblem = token === null ? null : apiKeyProblem(token);
  if (tokenProblem !== null) return `the API key is not valid: ${tokenProblem}`;

  const ws = checkEndpointUrl(
    '--ws-url',
    values.get('--ws-url') ?? env('FINNHUB_WS_URL') ?? FINNHUB_WS_URL,
    WS_SCHEMES,
  );
  if ('problem' in ws) return ws.problem;
  const rest = checkEndpointUrl(
    '--rest-url',
    values.get('--rest-url') ?? env('FINNHUB_REST_URL') ?? FINNHUB_REST_URL,
    REST_SCHEMES,
  );
  if ('problem' in rest) return rest.problem;

  let durationS: number | null = null;
  const rawDuration = values.get('--duration');
  if (rawDuration !== undefined) {
    const parsed = positiveNumber('--duration', rawDuration, 31 * 24 * 3600);
    if (typeof parsed === 'string') return parsed;
    durationS = parsed;
  }
  let heartbeatTimeoutS: number | null = null;
  const rawHeartbeat = values.get('--heartbeat-timeout');
  if (rawHeartbeat !== undefined) {
    const parsed = positiveNumber('--heartbeat-timeout', rawHeartbeat, 3600);
    if (typeof parsed === 'string') return parsed;
    heartbeatTimeoutS = parsed;
  }
  let rateHz = DEFAULT_PUBLISH_RATE_HZ;
  const rawRate = values.get('--rate');
  if (rawRate !== undefined) {
    const parsed = positiveNumber('--rate', rawRate, MAX_PUBLISH_RATE_HZ);
    if (typeof parsed === 'string') return parsed;
    rateHz = parsed;
  }

  if ((details || news) && (demo || token === null)) {
    const flag = details ? '--details' : '--news';
    return `${flag} needs a Finnhub API key (--token or FINNHUB_API_KEY); the demo has no company data`;
  }

  const relay = parseRelayArgs(values, env('TICKER_RELAY_TOKEN'), token);
  if (typeof relay === 'string') return relay;

  const alerts = parseAlertArgs(values, given['alert'] ?? [], given['alert-repeat'] === true);
  if (typeof alerts === 'string') return alerts;
  const holdings = parseHoldingsArgs(values, readText);
  if (typeof holdings === 'string') return holdings;

  // Alert and held symbols must be subscribed: they join the watched set.
  const impliedSymbols = [
    ...alerts.map((rule) => rule.symbol),
    ...(holdings?.lots.map((lot) => lot.symbol) ?? []),
  ].filter((symbol, index, all) => all.indexOf(symbol) === index);

  if (symbols.length === 0 && impliedSymbols.length > 0) {
    symbols = [...impliedSymbols];
  } else if (symbols.length === 0) {
    if (!(demo || token === null)) return '--symbols is required, e.g. --symbols AAPL,MSFT,BINANCE:BTCUSDT';
    symbols = [...DEFAULT_DEMO_SYMBOLS];
  } else {
    for (const symbol of impliedSymbols) if (!symbols.includes(symbol)) symbols.push(symbol);
  }
  if (symbols.length > 50)
    return `--symbols, --alert and --holdings name ${symbols.length} symbols; Finnhub's free plan allows about 50`;

  return {
    symbols,
    token,
    wsUrl: ws.url,
    restUrl: rest.url,
    durationS,
    heartbeatTimeoutS,
    demo: demo || token === null,
    rateHz,
    alerts,
    relay,
    holdings,
    details,
    news,
    json: given.json === true,
  };
}

/** The --alert rules with their --alert-repeat and --alert-cooldown, or why not. */
function parseAlertArgs(
  values: ReadonlyMap<string, string>,
  alertTexts: readonly string[],
  recurring: boolean,
): AlertRule[] | string {
  let cooldownS: number = ALERT_LIMITS.defaultCliCooldownS;
  const rawCooldown = values.get('--alert-cooldown');
  if (rawCooldown !== undefined) {
    const value = Number(rawCooldown);
    if (rawCooldown.trim() === '' || !Number.isInteger(value) || value < 0 || value > ALERT_LIMITS.maxCooldownS) {
      return `--alert-cooldown must be a whole number of seconds from 0 to ${ALERT_LIMITS.maxCooldownS}, got "${rawCooldown}"`;
    }
    cooldownS = value;
  }
  const alerts: AlertRule[] = [];
  for (const text of alertTexts) {
    const parsed = parseAlertCondition(text);
    if (!parsed.ok) return parsed.reason;
    alerts.push({ ...parsed.value, id: `alert-${alerts.length + 1}`, recurring, cooldownS, triggered: false });
  }
  if (alerts.length > ALERT_LIMITS.maxRules)
    return `--alert is given ${alerts.length} times; at most ${ALERT_LIMITS.maxRules} rules`;
  if ((recurring || rawCooldown !== undefined) && alerts.length === 0) {
    return `${recurring ? '--alert-repeat' : '--alert-cooldown'} needs at least one --alert RULE`;
  }
  return alerts;
}

function parseRelayArgs(
  values: ReadonlyMap<string, string>,
  envToken: string | undefined,
  apiKey: string | null,
): RelayArgs | null | string {
  const rawPort = values.get('--relay-port');
  if (rawPort === undefined) {
    if (values.has('--relay-token') || values.has('--relay-origins'))
      return '--relay-token and --relay-origins need --relay-port';
    return null;
  }
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort.trim()) || (port !== 0 && !isValidRelayPort(port))) {
    return `--relay-port must be a whole number from 1024 to 65535 (or 0 for any free port), got "${rawPort}"`;
  }
  const rawToken = values.get('--relay-token') ?? envToken;
  const token = rawToken === undefined ? null : rawToken.trim();
  if (token !== null && !isValidRelayToken(token))
    return 'the relay token must be 16 to 128 characters: letters, digits, ".", "_", "~" or "-"';
  if (token !== null && token === apiKey) return 'the relay token must not be your Finnhub key';
  const origins: string[] = [];
  for (const part of (values.get('--relay-origins') ?? '').split(',')) {
    if (part.trim() === '') continue;
    const origin = normalizeRelayOrigin(part.trim());
    if (origin === null)
      return `--relay-origins: "${part.trim().slice(0, 80)}" is not an origin like https://example.com or http://localhost:3000`;
    if (!origins.includes(origin)) origins.push(origin);
  }
  if (origins.length > MAX_RELAY_ORIGINS) return `--relay-origins lists more than ${MAX_RELAY_ORIGINS} origins`;
  return { port, token, origins };
}

/** The --holdings file, read and checked whole: every problem on one line, as the command prints it. */
function parseHoldingsArgs(values: ReadonlyMap<string, string>, readText: ReadText): Holdings | null | string {
  const path = values.get('--holdings');
  const rawBase = values.get('--base-currency');
  if (path === undefined) return rawBase === undefined ? null : '--base-currency needs --holdings FILE.csv';
  const baseCurrency = rawBase === undefined ? DEFAULT_BASE_CURRENCY : rawBase.trim().toUpperCase();
  const currencyProblem = baseCurrencyProblem(baseCurrency);
  if (currencyProblem !== null) return `--base-currency: ${currencyProblem}`;
  const read = readText(path);
  if (!read.ok) return `--holdings: ${cleanServerText(read.problem, MAX_CLI_PROBLEM_LENGTH)}`;
  const parsed = parseHoldingsCsv(read.text);
  // One line, cleaned as server text is: whatever the file held, no escape or control byte reaches the terminal.
  if (!parsed.ok)
    return `--holdings: ${cleanServerText(`"${path}": ${parsed.problems.join('; ')}`, MAX_CLI_PROBLEM_LENGTH)}`;
  if (parsed.lots.length === 0) return `--holdings: "${path}" has no lots below its header`;
  return { baseCurrency, lots: parsed.lots.map((lot, index) => ({ id: `lot-${index + 1}`, ...lot })) };
}
