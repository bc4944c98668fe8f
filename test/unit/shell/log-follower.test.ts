import { describe, expect, it } from 'vitest';
import { followIntoLog, describeStatus } from '../../../src/main/shell/log-follower';
import type { AppLog } from '../../../src/main/shell/app-log';
import { Signal } from '../../../src/shared/signal';
import type { FeedStatus, Notice, RelayOverview, RelayView } from '../../../src/shared/types';

function recordingLog(): AppLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => void lines.push(`info ${message}`),
    warn: (message) => void lines.push(`warn ${message}`),
    error: (message) => void lines.push(`error ${message}`),
    folder: null,
    setSecrets: () => {},
  };
}

const relayOff: RelayOverview = { enabled: false, port: 8765, listening: false, error: null, clients: [] };

function core(initial: { status?: FeedStatus; notices?: Notice[]; relay?: RelayOverview } = {}) {
  const events = { status: new Signal<FeedStatus>(), notice: new Signal<Notice>(), relay: new Signal<RelayView>() };
  return {
    events: events as never,
    emit: events,
    status: () => initial.status ?? { state: 'connecting' as const, since: 0 },
    relay: () => initial.relay ?? relayOff,
    pendingNotices: () => initial.notices ?? [],
  };
}

const view = (overview: RelayOverview): RelayView => ({ ...overview, token: 'secret-token-123456', origins: [] });

describe('the log follows main’s state', () => {
  it('one line per connection state, attempt and reason; a reconnect is a warning with its reason', () => {
    const log = recordingLog();
    const fake = core();
    followIntoLog({ core: fake as never, log });
    fake.emit.status.emit({ state: 'live', since: 1 });
    fake.emit.status.emit({
      state: 'reconnecting',
      attempt: 1,
      retryInMs: 2000,
      message: 'socket closed (1006)',
      since: 2,
    });
    // The countdown ticks: no new line.
    fake.emit.status.emit({
      state: 'reconnecting',
      attempt: 1,
      retryInMs: 1000,
      message: 'socket closed (1006)',
      since: 2,
    });
    fake.emit.status.emit({ state: 'live', since: 3 });
    expect(log.lines).toEqual([
      'info connection: connecting',
      'info connection: live',
      'warn connection: reconnecting (attempt 1, retry in 2 s): socket closed (1006)',
      'info connection: live',
    ]);
  });

  it('settings repairs and other notices, those from before it listened too, at their level', () => {
    const log = recordingLog();
    const fake = core({
      notices: [{ level: 'warning', message: 'Settings were repaired: "height" reset to 32', at: 1 }],
    });
    followIntoLog({ core: fake as never, log });
    fake.emit.notice.emit({ level: 'error', message: 'The settings file was corrupt; a backup was kept', at: 2 });
    fake.emit.notice.emit({ level: 'info', message: 'Key saved', at: 3 });
    expect(log.lines.slice(1)).toEqual([
      'warn notice: Settings were repaired: "height" reset to 32',
      'error notice: The settings file was corrupt; a backup was kept',
      'info notice: Key saved',
    ]);
  });

  it('the relay starting, failing and stopping, never its token', () => {
    const log = recordingLog();
    const fake = core();
    const stop = followIntoLog({ core: fake as never, log });
    fake.emit.relay.emit(view({ ...relayOff, enabled: true }));
    fake.emit.relay.emit(view({ ...relayOff, enabled: true, listening: true }));
    fake.emit.relay.emit(view({ ...relayOff, enabled: true, listening: true, clients: [] }));
    fake.emit.relay.emit(view(relayOff));
    fake.emit.relay.emit(view({ ...relayOff, enabled: true, error: 'port 8765 is in use' }));
    stop();
    fake.emit.relay.emit(view({ ...relayOff, enabled: true, listening: true }));
    expect(log.lines.slice(1)).toEqual([
      'info relay: started on 127.0.0.1:8765',
      'info relay: stopped',
      'error relay: could not start on port 8765: port 8765 is in use',
    ]);
    expect(log.lines.join('\n')).not.toContain('secret-token');
  });

  it('describes a status without a retry plainly', () => {
    expect(describeStatus({ state: 'unauthorized', message: 'Invalid API key', since: 0 })).toBe(
      'connection: unauthorized: Invalid API key',
    );
  });
});
