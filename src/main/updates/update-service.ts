/**
 * When Ticker checks for updates and what it shows: a check shortly after start and every 24 hours
 * while the preference is on, one on demand from the tray, nothing at all while it is off or for a
 * copy that does not update itself. Pure policy: the updater (electron-updater behind a thin
 * adapter), the clock, the preference and the ways of telling the user come in.
 */
import type { Clock, TimerHandle } from '../../shared/clock';
import { Signal } from '../../shared/signal';
import type { UpdateStatus } from '../../shared/update-status';

export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** The check at start waits this long, so it does not compete with the first prices. */
export const FIRST_CHECK_DELAY_MS = 10_000;

/** What the updater reports while it checks and downloads. */
export type UpdateClientEvent =
  | { type: 'checking' }
  | { type: 'not-available' }
  | { type: 'available'; version: string }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

/** The updater: electron-updater in the app (see electron-update-client.ts), a fake in tests. */
export interface UpdateClient {
  /** Ask the feed; a newer version is downloaded. Progress and outcome come as events. */
  check(): Promise<void>;
  /** Install the downloaded update (the app then quits); `relaunch` starts the new version after. */
  install(relaunch: boolean): boolean;
  readonly events: Signal<UpdateClientEvent>;
}

export interface UpdateServiceDeps {
  clock: Clock;
  /** null when this copy does not update itself; `unsupportedMessage` then says how it updates. */
  client: UpdateClient | null;
  unsupportedMessage?: string;
  /** The preference (checkForUpdates). */
  enabled(): boolean;
  /** Subscribe to preference changes; returns the unsubscribe. */
  onPreferencesChanged(listener: () => void): () => void;
  /** An update has downloaded (tell the user once per version). */
  onReady?(version: string): void;
  /** A check the user asked for ended: tell them how (up to date, failed, unsupported, off). */
  onManualResult?(status: UpdateStatus): void;
  log?(level: 'info' | 'warn', message: string): void;
}

export class UpdateService {
  readonly changed = new Signal<UpdateStatus>();
  private current: UpdateStatus;
  private timer: TimerHandle | null = null;
  private started = false;
  private stopped = false;
  private manualPending = false;
  private readyTold: string | null = null;
  private readonly stops: Array<() => void> = [];

  constructor(private readonly deps: UpdateServiceDeps) {
    this.current = this.restingStatus();
    if (deps.client) this.stops.push(deps.client.events.subscribe((event) => this.onClientEvent(event)));
  }

  status(): UpdateStatus {
    return this.current;
  }

  /** Begin: the first check soon, then every 24 hours, while the preference is on. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    if (this.deps.client === null) return;
    this.stops.push(this.deps.onPreferencesChanged(() => this.followPreference()));
    if (this.deps.enabled()) this.schedule(FIRST_CHECK_DELAY_MS);
  }

  /** A check the user asked for ("Check for updates…"). No request while off or unsupported. */
  async checkNow(): Promise<UpdateStatus> {
    if (this.deps.client === null || !this.deps.enabled() || this.stopped) {
      this.set(this.restingStatus());
      this.deps.onManualResult?.(this.current);
      return this.current;
    }
    if (this.busy() || this.current.state === 'ready') {
      this.deps.onManualResult?.(this.current);
      return this.current;
    }
    this.manualPending = true;
    await this.runCheck();
    return this.current;
  }

  /** Whether an update has downloaded and waits to be installed. */
  ready(): boolean {
    return this.current.state === 'ready' && this.deps.client !== null;
  }

  /**
   * The app is exiting (its feed closed): a downloaded update installs now, and with `relaunch`
   * ("Restart to update") the new version starts after.
   */
  installOnExit(relaunch: boolean): void {
    if (!this.ready()) return;
    try {
      const installing = this.deps.client?.install(relaunch) ?? false;
      this.deps.log?.('info', `update: ${installing ? 'installing' : 'could not install'} ${this.versionReady()}`);
    } catch (error) {
      this.deps.log?.('warn', `update: could not install: ${String(error)}`);
    }
  }

  private versionReady(): string {
    return this.current.state === 'ready' ? this.current.version : '';
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    for (const stop of this.stops.splice(0)) stop();
  }

  private restingStatus(): UpdateStatus {
    if (this.deps.client === null)
      return { state: 'unsupported', message: this.deps.unsupportedMessage ?? 'This copy does not update itself.' };
    if (!this.deps.enabled()) return { state: 'off' };
    return { state: 'idle' };
  }

  private busy(): boolean {
    return this.current.state === 'checking' || this.current.state === 'downloading';
  }

  private followPreference(): void {
    if (this.stopped) return;
    const enabled = this.deps.enabled();
    if (!enabled) {
      this.clearTimer();
      // A download already made stays ready to install; anything else rests.
      if (this.current.state !== 'ready' && this.current.state !== 'off') {
        this.set({ state: 'off' });
        this.deps.log?.('info', 'update: automatic checks turned off');
      }
      return;
    }
    if (this.current.state === 'off') {
      this.set({ state: 'idle' });
      this.deps.log?.('info', 'update: automatic checks turned on');
      this.schedule(FIRST_CHECK_DELAY_MS);
    }
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.stopped) return;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      void this.automaticCheck();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private async automaticCheck(): Promise<void> {
    if (this.stopped || !this.deps.enabled()) return;
    if (this.busy() || this.current.state === 'ready') {
      this.schedule(UPDATE_CHECK_INTERVAL_MS);
      return;
    }
    await this.runCheck();
  }

  private async runCheck(): Promise<void> {
    const client = this.deps.client;
    if (client === null) return;
    // The next automatic check is a day after this one, whoever asked for this one.
    this.schedule(UPDATE_CHECK_INTERVAL_MS);
    this.set({ state: 'checking' });
    this.deps.log?.('info', 'update: checking');
    try {
      await client.check();
    } catch (error) {
      // electron-updater reports the failure as an event too: only a silent one is turned into an error.
      if (this.busy())
        this.onClientEvent({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    // An updater that answered nothing at all leaves no check hanging.
    if (this.current.state === 'checking') this.onClientEvent({ type: 'not-available' });
  }

  private onClientEvent(event: UpdateClientEvent): void {
    if (this.stopped) return;
    const now = this.deps.clock.now();
    switch (event.type) {
      case 'checking':
        if (this.current.state !== 'checking') this.set({ state: 'checking' });
        return;
      case 'not-available':
        this.deps.log?.('info', 'update: up to date');
        this.settle({ state: 'up-to-date', checkedAt: now });
        return;
      case 'available':
        this.deps.log?.('info', `update: version ${event.version} found, downloading`);
        this.set({ state: 'downloading', version: event.version, percent: null });
        return;
      case 'progress':
        if (this.current.state === 'downloading' && Number.isFinite(event.percent))
          this.set({ ...this.current, percent: Math.min(100, Math.max(0, event.percent)) });
        return;
      case 'downloaded':
        this.deps.log?.('info', `update: version ${event.version} downloaded`);
        this.settle({ state: 'ready', version: event.version });
        if (this.readyTold !== event.version) {
          this.readyTold = event.version;
          this.deps.onReady?.(event.version);
        }
        return;
      case 'error':
        // An error after the download is ready (a later check failing) does not hide the update.
        if (this.current.state === 'ready') return;
        this.deps.log?.('warn', `update: check failed: ${event.message}`);
        this.settle({ state: 'error', message: event.message, checkedAt: now });
        return;
    }
  }

  /** A final state for this check: the user hears of it when they asked for it. */
  private settle(status: UpdateStatus): void {
    this.set(status);
    if (this.manualPending) {
      this.manualPending = false;
      this.deps.onManualResult?.(status);
    }
  }

  private set(status: UpdateStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.current)) return;
    this.current = status;
    this.changed.emit(status);
  }
}
