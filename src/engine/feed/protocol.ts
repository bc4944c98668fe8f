/**
 * Parsing of one Finnhub websocket frame. Defensive (anything malformed is dropped and counted by
 * reason) and cheap: fields are checked directly on the parsed object, no per-trade closures, and
 * each valid trade goes straight to the sink (one symbol lookup, no object made per trade).
 */
import type { TradeSink, TradeSlot } from './trade-sink';
import { MAX_PRICE, MAX_TRADE_TIME_MS, MAX_TRADE_VOLUME, MIN_PRICE, MIN_TRADE_TIME_MS } from './plausibility';
import { cleanServerText } from '../../shared/server-text';

/** Why a frame, or one trade inside a frame, was dropped. */
export type DropReason =
  | 'binary'
  | 'too-large'
  | 'non-json'
  | 'not-object'
  | 'unknown-type'
  | 'data-not-array'
  | 'trade-not-object'
  | 'bad-symbol'
  | 'unsubscribed'
  | 'bad-price'
  | 'bad-volume'
  | 'bad-time';

export const DROP_REASONS: readonly DropReason[] = [
  'binary',
  'too-large',
  'non-json',
  'not-object',
  'unknown-type',
  'data-not-array',
  'trade-not-object',
  'bad-symbol',
  'unsubscribed',
  'bad-price',
  'bad-volume',
  'bad-time',
];

export type DropCounts = Record<DropReason, number>;

export function createDropCounts(): DropCounts {
  const counts = {} as DropCounts;
  for (const reason of DROP_REASONS) counts[reason] = 0;
  return counts;
}

/** Frames above this many bytes (or UTF-16 units for strings) are dropped unread. */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

/**
 * A trade object exactly as Finnhub sent it (`s`, `p`, `t`, `v`, optional `c`, anything else kept),
 * for consumers that pass trades on unchanged (the local relay).
 */
export type RawTrade = Readonly<Record<string, unknown>> & { readonly s: string };

export type ParsedFrame =
  /**
   * `accepted` valid, subscribed trades (possibly none) were handed to the sink (those of symbols
   * it keeps) and to `raw`; bad ones were counted.
   */
  | { kind: 'trades'; accepted: number }
  | { kind: 'ping' }
  | { kind: 'error'; message: string }
  /** The whole frame was dropped (and counted). */
  | { kind: 'dropped'; reason: DropReason };

/** What ws hands a 'message' listener: RawData is Buffer | ArrayBuffer | Buffer[]. */
export type RawFrame = string | Buffer | ArrayBuffer | readonly Buffer[];

export interface ParseContext {
  /**
   * Symbols subscribed on this connection, each with its slot in the sink (null: carried but not
   * kept there); trades for any other symbol are dropped. From `TradeRoutes.forFrame()`.
   */
  subscribed: ReadonlyMap<string, TradeSlot | null>;
  /** Where accepted trades go; null hands them to `raw` only. */
  sink: TradeSink | null;
  /** Incremented in place for every drop. */
  drops: DropCounts;
  maxFrameBytes?: number;
  /** When given, every accepted trade's original object is appended here too. */
  raw?: RawTrade[] | undefined;
}

const PING: ParsedFrame = { kind: 'ping' };

/** Parse one upstream frame. Never throws. */
export function parseFrame(data: RawFrame, isBinary: boolean, context: ParseContext): ParsedFrame {
  const drops = context.drops;
  if (isBinary) return drop(drops, 'binary');
  const limit = context.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const text = frameText(data, limit);
  if (text === null) return drop(drops, 'too-large');

  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return drop(drops, 'non-json');
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return drop(drops, 'not-object');

  const frame = message as { type?: unknown; data?: unknown; msg?: unknown };
  switch (frame.type) {
    case 'trade':
      return parseTrades(frame.data, context);
    case 'ping':
      return PING;
    case 'error':
      return { kind: 'error', message: errorText(frame.msg) };
    default:
      return drop(drops, 'unknown-type');
  }
}

function parseTrades(data: unknown, context: ParseContext): ParsedFrame {
  const drops = context.drops;
  if (!Array.isArray(data)) return drop(drops, 'data-not-array');
  const subscribed = context.subscribed;
  const sink = context.sink;
  const raw = context.raw;
  let now = 0;
  if (sink !== null && data.length > 0) now = sink.frameTime();
  let accepted = 0;
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      drops['trade-not-object']++;
      continue;
    }
    const fields = item as { s?: unknown; p?: unknown; v?: unknown; t?: unknown };
    const symbol = fields.s;
    if (typeof symbol !== 'string' || symbol.length === 0) {
      drops['bad-symbol']++;
      continue;
    }
    const slot = subscribed.get(symbol);
    if (slot === undefined) {
      drops.unsubscribed++;
      continue;
    }
    const price = fields.p;
    // Bounds from ./plausibility, inlined as plain comparisons (NaN fails them too).
    if (typeof price !== 'number' || !(price >= MIN_PRICE && price <= MAX_PRICE)) {
      drops['bad-price']++;
      continue;
    }
    const volume = fields.v;
    if (typeof volume !== 'number' || !(volume >= 0 && volume <= MAX_TRADE_VOLUME)) {
      drops['bad-volume']++;
      continue;
    }
    const time = fields.t;
    if (typeof time !== 'number' || !(time >= MIN_TRADE_TIME_MS && time <= MAX_TRADE_TIME_MS)) {
      drops['bad-time']++;
      continue;
    }
    // Conditions (`c`) are optional and unused: absent, null or anything else is fine.
    accepted++;
    if (slot !== null && sink !== null) sink.acceptTrade(slot, price, volume, time, now);
    if (raw !== undefined) raw.push(item as RawTrade);
  }
  return { kind: 'trades', accepted };
}

/** Decode a text frame, or null when it is over the size limit. */
function frameText(data: RawFrame, limit: number): string | null {
  if (typeof data === 'string') return data.length > limit ? null : data;
  if (Buffer.isBuffer(data)) return data.length > limit ? null : data.toString('utf8');
  if (data instanceof ArrayBuffer) return data.byteLength > limit ? null : Buffer.from(data).toString('utf8');
  let total = 0;
  for (const part of data) total += part.length;
  if (total > limit) return null;
  return Buffer.concat(data as Buffer[], total).toString('utf8');
}

function errorText(msg: unknown): string {
  const text = typeof msg === 'string' ? cleanServerText(msg) : '';
  return text.length === 0 ? 'The server reported an error without a message' : text;
}

function drop(drops: DropCounts, reason: DropReason): ParsedFrame {
  drops[reason]++;
  return { kind: 'dropped', reason };
}
