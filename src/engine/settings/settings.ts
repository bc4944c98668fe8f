/**
 * The saved settings, one service per kind (the key, the watch lists, the preferences, the alerts,
 * the portfolio, the relay, the shortcuts, the second strip), over one SettingsState that reads,
 * repairs and writes the file. Main-process only: the key service is the one place that sees the
 * plain API key, and nothing a signal carries ever contains it. Each service's `changed` fires once
 * when its own kind really changed; `changed` here fires once after any change a window shows, with
 * the settings as windows see them.
 */
import { Signal } from '../../shared/signal';
import type { Notice, PublicSettings } from '../../shared/types';
import { AlertSettings } from './alert-settings';
import type { SafeStorageLike } from './key-protection';
import { KeySettings } from './key-settings';
import type { KeyValueStore } from './key-value-store';
import { ListSettings } from './list-settings';
import { PortfolioSettings } from './portfolio-settings';
import { PreferenceSettings } from './preference-settings';
import { RelaySettings } from './relay-settings';
import { SecondStripSettings } from './second-strip-settings';
import { SettingsState } from './settings-state';
import { ShortcutSettings } from './shortcut-settings';
import { TransferSettings } from './transfer-settings';
import { WindowSettings } from './window-settings';

export interface SettingsDeps {
  store: KeyValueStore;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  maxSymbols?: number;
  /** Clock for notice times (default Date.now). */
  now?: () => number;
  /** Makes a new alert rule's or lot's id (default: a random UUID). */
  newId?: () => string;
  /** Makes a relay token (default: 32 random bytes, base64url). */
  newRelayToken?: () => string;
}

export interface Settings {
  readonly key: KeySettings;
  readonly lists: ListSettings;
  readonly preferences: PreferenceSettings;
  readonly alerts: AlertSettings;
  readonly portfolio: PortfolioSettings;
  readonly relay: RelaySettings;
  readonly shortcuts: ShortcutSettings;
  readonly secondStrip: SecondStripSettings;
  /** Where the strip is (no window sees it). */
  readonly window: WindowSettings;
  /** Export and import. */
  readonly transfer: TransferSettings;
  /** After any change a window shows (once per change, after the kinds' own signals). */
  readonly changed: Signal<PublicSettings>;
  /** Problems found after loading (e.g. the saved key can no longer be decrypted). */
  readonly noticeRaised: Signal<Notice>;
  /** The most symbols a list, and the lists on screen together, may hold. */
  readonly maxSymbols: number;
  /** Where the settings live on disk. */
  readonly storePath: string;
  /** Notices raised so far (loading problems first), oldest first. */
  notices(): Notice[];
  /** Everything a window shows, never the key. */
  publicSettings(): PublicSettings;
}

export function createSettings(deps: SettingsDeps): Settings {
  const state = new SettingsState({
    store: deps.store,
    ...(deps.maxSymbols !== undefined ? { maxSymbols: deps.maxSymbols } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  const key = new KeySettings(state, deps.safeStorage, deps.platform);
  const lists = new ListSettings(state);
  const preferences = new PreferenceSettings(state);
  const alerts = new AlertSettings(state, deps.newId);
  const portfolio = new PortfolioSettings(state, deps.newId);
  const relay = new RelaySettings(state, deps.newRelayToken);
  const shortcuts = new ShortcutSettings(state);
  const secondStrip = new SecondStripSettings(state);
  const publicSettings = (): PublicSettings => ({
    symbols: lists.symbols(),
    lists: lists.all(),
    shownListId: lists.shownListId(),
    preferences: preferences.current(),
    key: key.info(),
    maxSymbols: state.maxSymbols,
    alerts: alerts.rules(),
    holdings: portfolio.holdings(),
    secondStrip: secondStrip.current(),
  });
  const changed = new Signal<PublicSettings>();
  state.visibleChanged.subscribe(() => changed.emit(publicSettings()));
  // Find an undecryptable key now, so its notice is among the loading notices.
  key.plain();
  return {
    key,
    lists,
    preferences,
    alerts,
    portfolio,
    relay,
    shortcuts,
    secondStrip,
    window: new WindowSettings(state),
    transfer: new TransferSettings(state),
    changed,
    noticeRaised: state.noticeRaised,
    maxSymbols: state.maxSymbols,
    storePath: state.storePath,
    notices: () => state.notices(),
    publicSettings,
  };
}
