/**
 * What main's state changes look like in the log: the connection's status (each change once, with
 * the reason and attempt of a reconnect), the notices (settings repairs among them) and the relay
 * starting, stopping or failing. Pure: the events and the log come in.
 */
import type { TickerCore } from '../../engine/core/ticker-core';
import type { FeedStatus, Notice, RelayOverview } from '../../shared/types';
import type { AppLog } from './app-log';
import { relayState } from '../../shared/relay-words';

export interface LogFollowerDeps {
  core: Pick<TickerCore, 'events' | 'status' | 'relay' | 'pendingNotices'>;
  log: AppLog;
}

/** "connection: reconnecting (attempt 3, retry in 8 s): socket closed (1006)". */
export function describeStatus(status: FeedStatus): string {
  const parts: string[] = [];
  if (status.attempt !== undefined) parts.push(`attempt ${status.attempt}`);
  if (status.retryInMs !== undefined && Number.isFinite(status.retryInMs) && status.retryInMs > 0)
    parts.push(`retry in ${Math.ceil(status.retryInMs / 1000)} s`);
  const extra = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `connection: ${status.state}${extra}${status.message ? `: ${status.message}` : ''}`;
}

/** The relay's state in a line, or null when it did not change in a way worth a line. */
function describeRelayChange(before: RelayOverview | null, after: RelayOverview): string | null {
  const was = before === null ? 'off' : relayState(before.enabled, before);
  const now = relayState(after.enabled, after);
  if (was === now && (now !== 'listening' || before?.port === after.port) && before?.error === after.error) return null;
  if (now === 'listening') return `relay: started on 127.0.0.1:${after.port}`;
  if (now === 'failed') return `relay: could not start on port ${after.port}: ${after.error ?? 'unknown error'}`;
  return was === 'listening' ? 'relay: stopped' : null;
}

const WARNING_STATES = new Set(['reconnecting', 'rate-limited', 'offline', 'unauthorized']);

/** Follow the core into the log; returns the function that stops it. */
export function followIntoLog({ core, log }: LogFollowerDeps): () => void {
  let lastStatus: string | null = null;
  const onStatus = (status: FeedStatus): void => {
    // The countdown changes every second while a retry waits: one line per state, attempt and reason.
    const key = `${status.state}|${status.attempt ?? ''}|${status.message ?? ''}`;
    if (key === lastStatus) return;
    lastStatus = key;
    const line = describeStatus(status);
    if (WARNING_STATES.has(status.state)) log.warn(line);
    else log.info(line);
  };
  const onNotice = (notice: Notice): void => {
    const line = `notice: ${notice.message}`;
    if (notice.level === 'error') log.error(line);
    else if (notice.level === 'warning') log.warn(line);
    else log.info(line);
  };
  let lastRelay: RelayOverview | null = null;
  const onRelay = (relay: RelayOverview): void => {
    const line = describeRelayChange(lastRelay, relay);
    lastRelay = relay;
    if (line === null) return;
    if (line.includes('could not start')) log.error(line);
    else log.info(line);
  };
  onStatus(core.status());
  // What happened before the log could follow (settings repaired while opening them, say).
  for (const notice of core.pendingNotices()) onNotice(notice);
  onRelay(core.relay());
  const stops = [
    core.events.status.subscribe(onStatus),
    core.events.notice.subscribe(onNotice),
    core.events.relay.subscribe(onRelay),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
