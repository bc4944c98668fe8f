/**
 * The headless feed command: the app's own connection, store and publisher, printing NDJSON or
 * terminal lines.
 * Everything it touches is injected, so tests can run it in-process or as a child process.
 */
import type { FeedStatus, SnapshotBatch } from '../shared/types';
import { AlertEngine } from '../engine/alerts/alert-engine';
import { feedAlertsFromStore } from '../engine/alerts/feed-alerts-from-store';
import { alertEvent } from '../engine/alerts/alert-event';
import { createFeedSource } from '../engine/core/create-feed-source';
import { envProxyFetch } from '../engine/net/env-proxy-fetch';
import { envProxyLookup } from '../engine/net/proxy-lookup';
import { FeedSession } from '../engine/session/feed-session';
import { quoteEvent, type QuoteEvent } from '../engine/market/quote-event';
import { RateLimiter } from '../engine/market/rate-limiter';
import { sessionRelayFeed } from '../engine/relay/relay-feed';
import { RelayServer } from '../engine/relay/relay-server';
import { generateRelayToken } from '../engine/relay/relay-token';
import { DEFAULT_MAX_SYMBOLS } from '../shared/symbols';
import { systemClock } from '../shared/clock';
import type { FeedArgs } from './feed-args';
import { MarketCalendar } from '../shared/market-calendar/market-calendar';
import { PortfolioTracker } from '../engine/portfolio/portfolio-tracker';
import { portfolioEvent } from '../engine/portfolio/portfolio-event';
import { CompanyContext } from '../engine/context/company-context';
import { ContextCache, memoryJsonStore, type JsonStore } from '../engine/context/context-cache';
import { detailsEvent, headlineEvent } from '../engine/context/context-events';
import { reserveGate } from '../engine/context/reserve-gate';
import { contextApi } from '../engine/market/finnhub-context-api';

const EXIT_OK = 0;
const EXIT_UNAUTHORIZED = 3;
const EXIT_RELAY_FAILED = 4;
/** The run ended (duration, Ctrl-C) without the connection ever going live. */
const EXIT_NEVER_LIVE = 5;

export interface FeedCommandIo {
  /** Write one line (without the newline). */
  out(line: string): void;
  /** How an event becomes a line: JSON (the default) or a terminal line. */
  format?(event: Record<string, unknown>): string;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM). */
  interrupted: Promise<void>;
  /** Wall clock (epoch ms) for each quote's session; Date.now by default. */
  now?: () => number;
  /** One line for the person at the terminal (stderr): the generated relay token, relay failures. */
  err?(line: string): void;
  /** Where --details and --news keep what they learn between runs (default: memory only). */
  contextStore?: JsonStore;
}

function statusEvent(status: FeedStatus): Record<string, unknown> {
  const event: Record<string, unknown> = { event: 'status', state: status.state };
  if (status.attempt !== undefined) event.attempt = status.attempt;
  if (status.retryInMs !== undefined) event.retryInMs = Math.round(status.retryInMs);
  if (status.message !== undefined) event.message = status.message;
  return event;
}

/** Quote lines of a batch; `session` is the symbol's market session when the line is printed. */
function quoteEvents(batch: SnapshotBatch, calendar: MarketCalendar, now: number): QuoteEvent[] {
  const events: QuoteEvent[] = [];
  for (const quote of batch.quotes) {
    const event = quoteEvent(quote, calendar.sessionAt(quote.symbol, now).session);
    if (event !== null) events.push(event);
  }
  return events;
}

type Write = (event: object) => void;

/** The holdings' figures after each batch (subscribed after the quote lines, so they follow them). */
function startPortfolio(
  args: FeedArgs,
  io: FeedCommandIo,
  session: FeedSession,
  write: Write,
): PortfolioTracker | null {
  if (args.holdings === null) return null;
  const portfolio = new PortfolioTracker({
    feed: session,
    ...(io.now ? { clock: { ...systemClock, now: io.now } } : {}),
  });
  portfolio.changed.subscribe((figures) => {
    if (figures !== null) write(portfolioEvent(figures));
  });
  portfolio.setHoldings(args.holdings);
  return portfolio;
}

/** The --alert rules on the session's store; returns how many have fired so far. */
function startAlerts(args: FeedArgs, session: FeedSession, now: () => number, write: Write): () => number {
  let alertCount = 0;
  if (args.alerts.length > 0) {
    const alerts = new AlertEngine({ now });
    alerts.setRules(args.alerts);
    alerts.fired.subscribe((firing) => {
      alertCount += 1;
      write(alertEvent(firing));
    });
    feedAlertsFromStore(session.store, alerts);
  }
  return () => alertCount;
}

/** Listen with the relay; null when it is off, 'failed' (told on stderr) when it cannot listen. */
async function startRelay(
  args: FeedArgs,
  io: FeedCommandIo,
  session: FeedSession,
  feed: { calendar: MarketCalendar; now: () => number },
  write: Write,
): Promise<RelayServer | null | 'failed'> {
  if (args.relay === null) return null;
  let relayToken = args.relay.token;
  if (relayToken === null) {
    relayToken = generateRelayToken();
    io.err?.(`feed: relay token (generated for this run): ${relayToken}`);
  }
  const relay = new RelayServer({
    feed: sessionRelayFeed(session, { maxSymbols: DEFAULT_MAX_SYMBOLS, ...feed }),
    port: args.relay.port,
    token: relayToken,
    allowedOrigins: args.relay.origins,
  });
  try {
    const port = await relay.listen();
    write({ event: 'relay', ws: `ws://127.0.0.1:${port}/`, sse: `http://127.0.0.1:${port}/sse` });
    return relay;
  } catch (error) {
    io.err?.(`feed: ${error instanceof Error ? error.message : String(error)}`);
    return 'failed';
  }
}

/** Company details and headlines: background calls on the same limiter, behind the quotes' own. */
function startContext(
  args: FeedArgs,
  io: FeedCommandIo,
  rest: Parameters<typeof contextApi>[0] | null,
  gate: ReturnType<typeof reserveGate>,
  write: Write,
): { context: CompanyContext | null; headlineCount: () => number } {
  let headlineCount = 0;
  if (rest === null || !(args.details || args.news)) return { context: null, headlineCount: () => headlineCount };
  const context = new CompanyContext({
    api: contextApi(rest, gate),
    cache: new ContextCache({ store: io.contextStore ?? memoryJsonStore() }),
    details: args.details,
    headlines: args.news,
  });
  context.details?.changed.subscribe((details) => write(detailsEvent(details)));
  context.headlines?.added.subscribe((headlines) => {
    for (const headline of headlines) {
      headlineCount += 1;
      write(headlineEvent(headline));
    }
  });
  context.setSymbols(args.symbols);
  return { context, headlineCount: () => headlineCount };
}

/** Wait for the duration, an interrupt or a refused key; returns EXIT_UNAUTHORIZED or EXIT_OK. */
async function waitForEnd(args: FeedArgs, io: FeedCommandIo, session: FeedSession): Promise<number> {
  let exitCode = EXIT_OK;
  const unauthorized = new Promise<void>((resolve) => {
    session.status.subscribe((status) => {
      if (status.state === 'unauthorized') {
        exitCode = EXIT_UNAUTHORIZED;
        resolve();
      }
    });
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  const elapsed = new Promise<void>((resolve) => {
    if (args.durationS !== null) timer = setTimeout(resolve, args.durationS * 1000);
  });

  await Promise.race([elapsed, io.interrupted, unauthorized]);
  if (timer) clearTimeout(timer);
  return exitCode;
}

/** Run until the duration passes, the user interrupts, or the key is refused. Returns the exit code. */
export async function runFeedCommand(args: FeedArgs, io: FeedCommandIo): Promise<number> {
  const format = io.format ?? ((event: Record<string, unknown>) => JSON.stringify(event));
  const write = (event: object): void => io.out(format(event as Record<string, unknown>));
  const session = new FeedSession({ symbols: args.symbols, rateHz: args.rateHz });
  const calendar = new MarketCalendar();
  const now = io.now ?? Date.now;
  session.batches.subscribe((batch) => quoteEvents(batch, calendar, now()).forEach(write));
  const portfolio = startPortfolio(args, io, session, write);
  const alertCount = startAlerts(args, session, now, write);

  // The relay listens first: if its port is taken, the command ends before it connects upstream
  // (and so cannot take the key's one connection from another program).
  const relay = await startRelay(args, io, session, { calendar, now }, write);
  if (relay === 'failed') {
    await session.close();
    return EXIT_RELAY_FAILED;
  }

  let printedStatus = false;
  // Live at least once: a connection that never got there ends with EXIT_NEVER_LIVE.
  let wentLive = false;
  const noteStatus = (status: FeedStatus): void => {
    if (status.state === 'live' || status.state === 'demo') wentLive = true;
  };
  session.status.subscribe((status) => {
    printedStatus = true;
    noteStatus(status);
    write(statusEvent(status));
  });

  const limiter = new RateLimiter();
  const { source, quotes, rest } = createFeedSource({
    key: args.demo ? null : args.token,
    symbols: args.symbols,
    limiter,
    wsUrl: args.wsUrl,
    restUrl: args.restUrl,
    // Behind a proxy, as curl and npm: HTTPS_PROXY / HTTP_PROXY / NO_PROXY.
    fetch: envProxyFetch(process.env),
    proxyFor: envProxyLookup(process.env),
    ...(args.heartbeatTimeoutS !== null ? { heartbeatTimeoutMs: args.heartbeatTimeoutS * 1000 } : {}),
  });
  await session.attach(source, quotes);
  if (!printedStatus) {
    noteStatus(source.currentStatus());
    write(statusEvent(source.currentStatus()));
  }

  const gate = reserveGate(limiter, systemClock, { userBusy: () => session.loadingPrevCloses() });
  const { context, headlineCount } = startContext(args, io, rest, gate, write);

  const exitCode = await waitForEnd(args, io, session);

  await relay?.close();
  context?.stop();
  gate.close();
  session.flush();
  portfolio?.stop();
  // The session's figures: what the connection dropped and what the store refused.
  const stats = session.stats() ?? source.stats();
  await session.close();
  limiter.dispose();
  const summary: Record<string, unknown> = {
    event: 'summary',
    connections: stats.connections,
    reconnects: stats.reconnects,
    trades: stats.trades,
    dropped: stats.dropped,
  };
  if (args.alerts.length > 0) summary.alerts = alertCount();
  if (context?.headlines) {
    summary.headlines = headlineCount();
    summary.droppedHeadlines = context.headlines.droppedInsecure;
  }
  summary.live = wentLive;
  write(summary);
  return exitCode === EXIT_OK && !wentLive ? EXIT_NEVER_LIVE : exitCode;
}
