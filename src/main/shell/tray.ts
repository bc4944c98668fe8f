/**
 * The tray icon: its picture and tooltip say the connection state, its menu is rebuilt whenever the
 * status, the settings or the displays change.
 */
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { TickerCore } from '../../engine/core/ticker-core';
import type { RecentAlerts } from '../../engine/alerts/recent-alerts';
import type { MarketWatch } from '../../engine/market/market-watch';
import {
  buildTrayMenu,
  describeDisplays,
  trayIconFor,
  trayTooltip,
  type TrayIconState,
  type TrayMenuActions,
  type TrayMenuState,
} from './tray-menu';
import type { StripScreen } from './ticker-window';
import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';
import { portfolioTooltipLine } from '../../shared/portfolio/portfolio-text';
import type { Signal } from '../../shared/signal';

/**
 * `resources/tray/<state>.png` (16×16; Electron picks `<state>@2x.png` on high-density screens). On
 * macOS `<state>Template.png`: a black-on-transparent template image, which macOS tints to suit the
 * menu bar (Electron treats a name ending in Template as one).
 */
export function trayIconPath(resourcesDir: string, state: TrayIconState, platform: NodeJS.Platform = 'linux'): string {
  return join(resourcesDir, 'tray', platform === 'darwin' ? `${state}Template.png` : `${state}.png`);
}

export interface TrayControllerDeps {
  createTray(icon: NativeImage): Tray;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  loadIcon(state: TrayIconState): NativeImage;
  core: Pick<TickerCore, 'events' | 'status' | 'symbols' | 'lists' | 'shownListId' | 'preferences' | 'relay'> &
    Partial<Pick<TickerCore, 'secondStrip'>>;
  screen: StripScreen;
  actions: TrayMenuActions;
  maxSymbols: number;
  /** The watched markets' hours, shown under the status (the menu follows its changes). */
  marketWatch?: Pick<MarketWatch, 'state' | 'changed'>;
  /** Alerts fired in the last hour, shown in the menu and the tooltip. */
  recentAlerts?: Pick<RecentAlerts, 'count' | 'changed'>;
  /** The portfolio, summed up in the tooltip (its amounts hidden while privacy is on). */
  portfolio?: { current(): PortfolioFigures | null; changed: Signal<PortfolioFigures | null> };
  /** The shell's own items: updates and a stopped strip (the menu follows their changes). */
  shell?: { current(): Pick<TrayMenuState, 'update' | 'stripStopped'>; changed: Signal<void> };
}

export class TrayController {
  private readonly tray: Tray;
  private readonly icons = new Map<TrayIconState, NativeImage>();
  private iconState: TrayIconState | null = null;
  private readonly unsubscribes: Array<() => void> = [];
  private destroyed = false;
  private tooltip: string | null = null;
  private readonly onDisplaysChanged = (): void => this.refresh();

  constructor(private readonly deps: TrayControllerDeps) {
    const state = trayIconFor(deps.core.status().state);
    this.tray = deps.createTray(this.icon(state));
    this.iconState = state;
    this.unsubscribes.push(
      deps.core.events.status.subscribe(() => this.refresh()),
      deps.core.events.settings.subscribe(() => this.refresh()),
      deps.core.events.relay.subscribe(() => this.refresh()),
    );
    if (deps.marketWatch) this.unsubscribes.push(deps.marketWatch.changed.subscribe(() => this.refresh()));
    if (deps.recentAlerts) this.unsubscribes.push(deps.recentAlerts.changed.subscribe(() => this.refresh()));
    if (deps.shell) this.unsubscribes.push(deps.shell.changed.subscribe(() => this.refresh()));
    // Figures move with every batch: only the tooltip follows them, not the whole menu.
    if (deps.portfolio) this.unsubscribes.push(deps.portfolio.changed.subscribe(() => this.refreshTooltip()));
    for (const event of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
      deps.screen.on(event as 'display-added', this.onDisplaysChanged);
    }
    this.refresh();
  }

  /** Rebuild icon, tooltip and menu from the current state. */
  refresh(): void {
    if (this.destroyed) return;
    const { core, screen } = this.deps;
    const status = core.status();
    const state = trayIconFor(status.state);
    if (state !== this.iconState) {
      this.tray.setImage(this.icon(state));
      this.iconState = state;
    }
    const recentAlerts = this.deps.recentAlerts?.count();
    this.refreshTooltip();
    const displays = describeDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    const template = buildTrayMenu(
      {
        status,
        symbols: core.symbols(),
        lists: core.lists(),
        shownListId: core.shownListId(),
        preferences: core.preferences(),
        displays,
        primaryDisplayId: screen.getPrimaryDisplay().id,
        maxSymbols: this.deps.maxSymbols,
        marketHours: this.deps.marketWatch?.state().lines ?? [],
        marketsClosed: this.deps.marketWatch?.state().allClosed ?? false,
        relay: core.relay(),
        ...(core.secondStrip ? { secondStrip: core.secondStrip() } : {}),
        ...(recentAlerts !== undefined ? { recentAlerts } : {}),
        ...(this.deps.shell?.current() ?? {}),
      },
      this.deps.actions,
    );
    this.tray.setContextMenu(this.deps.buildMenu(template));
  }

  /** The status, recent alerts and the portfolio in one line; set only when it changed. */
  refreshTooltip(): void {
    if (this.destroyed) return;
    const parts = [trayTooltip(this.deps.core.status())];
    const recentAlerts = this.deps.recentAlerts?.count();
    if (recentAlerts) parts.push(`${recentAlerts} alert${recentAlerts === 1 ? '' : 's'} in the last hour`);
    const portfolio = portfolioTooltipLine(this.deps.portfolio?.current() ?? null, {
      privacy: this.deps.core.preferences().privacy,
    });
    if (portfolio !== null) parts.push(portfolio);
    const tooltip = parts.join(' · ');
    if (tooltip === this.tooltip) return;
    this.tooltip = tooltip;
    this.tray.setToolTip(tooltip);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    for (const event of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
      this.deps.screen.removeListener(event as 'display-added', this.onDisplaysChanged);
    }
    this.tray.destroy();
  }

  private icon(state: TrayIconState): NativeImage {
    let image = this.icons.get(state);
    if (!image) {
      image = this.deps.loadIcon(state);
      this.icons.set(state, image);
    }
    return image;
  }
}
