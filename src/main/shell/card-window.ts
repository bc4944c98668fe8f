/**
 * The details card of a strip item, in a small window of its own: the strip is only ~32 px high, so
 * the card cannot open inside it. The window is frameless, always on top, out of the taskbar, and
 * never takes focus (`focusable: false`, shown with `showInactive`), so hovering an item never
 * takes the keyboard from the app the user is in. It opens towards the screen (below a strip at the
 * top, above one at the bottom), centred over the item and kept inside the display's work area.
 * The strip decides what the card says; this only places it and hands it to the card page.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, Screen } from 'electron';
import { cardSize, type CardRequest, type CardShown } from '../../shared/card-content';
import { cardPlacement, type Rect } from '../../shared/details-card';
import { floatingWindowType, type CreateAppWindow } from './app-window';
import type { WindowRegistry } from './window-registry';

export interface CardWindowDeps {
  createWindow: CreateAppWindow;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  registry: Pick<WindowRegistry, 'send' | 'subscribed' | 'isSubscribed'>;
  platform: NodeJS.Platform;
}

/** Above full-screen apps, like the strips. */
const CARD_ALWAYS_ON_TOP_LEVEL = 'screen-saver';
const CARD_BACKGROUND = { dark: '#1b1f24', light: '#fbfbfc' } as const;

function cardWindowOptions(platform: NodeJS.Platform): BrowserWindowConstructorOptions {
  const options: BrowserWindowConstructorOptions = {
    width: 320,
    height: 200,
    title: 'Ticker details',
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    // Never steal focus from what the user is doing.
    focusable: false,
    alwaysOnTop: true,
    hasShadow: true,
    backgroundColor: CARD_BACKGROUND.dark,
    ...floatingWindowType(platform),
  };
  return options;
}

/** The work area of the display holding the middle of `bounds` (the primary display's otherwise). */
function workAreaOf(screen: CardWindowDeps['screen'], bounds: Rectangle): Rect {
  const x = bounds.x + bounds.width / 2;
  const y = bounds.y + bounds.height / 2;
  const display =
    screen
      .getAllDisplays()
      .find(
        (d) =>
          x >= d.bounds.x && x < d.bounds.x + d.bounds.width && y >= d.bounds.y && y < d.bounds.y + d.bounds.height,
      ) ?? screen.getPrimaryDisplay();
  return display.workArea;
}

export class CardWindow {
  private window: BrowserWindow | null = null;
  /** What the page shows once it listens (the first card waits for the page to load). */
  private content: CardShown | null = null;
  private readonly stopListening: () => void;
  /** The strip the card is open over: when it hides, moves or closes, the card goes too. */
  private anchor: { strip: BrowserWindow; stop: () => void } | null = null;

  constructor(private readonly deps: CardWindowDeps) {
    this.stopListening = deps.registry.subscribed.subscribe(({ window, event }) => {
      if (window === this.window && event === 'card') this.deliver();
    });
  }

  /** Show `request` beside the item of `strip` it names. */
  show(strip: BrowserWindow, request: CardRequest): void {
    if (strip.isDestroyed() || !strip.isVisible()) return;
    const window = this.ensureWindow();
    const stripBounds = strip.getBounds();
    const { anchorX, ...content } = request;
    const place = cardPlacement(
      stripBounds,
      workAreaOf(this.deps.screen, stripBounds),
      stripBounds.x + anchorX,
      cardSize(content),
    );
    if (place.height <= 0) return;
    this.content = { ...content, side: place.y >= stripBounds.y ? 'below' : 'above' };
    this.follow(strip);
    window.setBackgroundColor(CARD_BACKGROUND[content.theme]);
    window.setBounds(place);
    this.deliver();
    if (!window.isVisible()) {
      window.setAlwaysOnTop(true, CARD_ALWAYS_ON_TOP_LEVEL);
      window.showInactive();
    }
  }

  hide(): void {
    this.content = null;
    this.anchor?.stop();
    this.anchor = null;
    const window = this.window;
    if (window === null || window.isDestroyed()) return;
    if (window.isVisible()) window.hide();
    this.deliver();
  }

  /** Whether the card is on screen. */
  isOpen(): boolean {
    return this.window !== null && !this.window.isDestroyed() && this.window.isVisible();
  }

  destroy(): void {
    this.stopListening();
    this.anchor?.stop();
    this.anchor = null;
    const window = this.window;
    this.window = null;
    if (window && !window.isDestroyed()) window.destroy();
  }

  private follow(strip: BrowserWindow): void {
    if (this.anchor?.strip === strip) return;
    this.anchor?.stop();
    const gone = (): void => this.hide();
    const events = ['hide', 'minimize', 'move', 'closed'] as const;
    for (const event of events) strip.on(event as 'hide', gone);
    this.anchor = {
      strip,
      stop: () => {
        for (const event of events) strip.removeListener(event as 'hide', gone);
      },
    };
  }

  private ensureWindow(): BrowserWindow {
    if (this.window !== null && !this.window.isDestroyed()) return this.window;
    const window = this.deps.createWindow('card', cardWindowOptions(this.deps.platform));
    window.once('closed', () => {
      if (this.window === window) this.window = null;
    });
    this.window = window;
    return window;
  }

  private deliver(): void {
    const window = this.window;
    if (window === null || !this.deps.registry.isSubscribed(window, 'card')) return;
    this.deps.registry.send(window, 'card', this.content);
  }
}
