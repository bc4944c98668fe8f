/**
 * The live part of one strip item, written straight to the DOM. With the market moving, every
 * visible item's price, change and percent change at each batch (10 a second); writing two text
 * nodes (the price; the change and percent together, one node: each text node written is shaped
 * again at once) costs far less than a React render and commit per item (docs/performance.md). React
 * renders the item's frame (TickerItem; it re-renders only when an option or the stale clock
 * changes); ItemView owns everything that moves with the quote: the text nodes it appends, the
 * trend and stale classes (added and removed one by one, never replacing React's), the tooltip,
 * the reserved widths and the flash attributes. Each write happens only when its value changed.
 */
import type { Direction } from '../../shared/types';
import type { Fading, FlashFader } from './flash-fader';
import { SESSION_MARKS, type ItemLabelParts } from './item-label';
import { isOffscreen } from './offscreen';

/** What one item shows: its texts, trend and stale flag, and the store's count of price moves. */
export interface ItemState extends ItemLabelParts {
  /** Price changes seen so far (a rise above the last shown count flashes the price). */
  moves: number;
  /** Direction of the last price change. */
  lastMove: Direction;
  /** The tooltip. */
  title: string;
}

export interface ShowOptions {
  /** Flash the price if it moved (not when catching up on changes made while far from view). */
  flash: boolean;
}

/** The elements ItemView writes to (TickerItem renders them). */
export interface ItemElements {
  item: HTMLElement;
  price: HTMLElement;
  /** The change and the percent change, in one text node. */
  move: HTMLElement;
  arrow: HTMLElement;
  session: HTMLElement;
}

const ARROWS: Record<ItemLabelParts['trend'], string> = { up: '▲', down: '▼', flat: '' };

/** Between the change and the percent in their shared text node: an en space, about the items' gap. */
const MOVE_SEPARATOR = '\u2002';

/** The text of the change-and-percent node. */
function moveText(change: string, percent: string): string {
  return `${change}${MOVE_SEPARATOR}${percent}`;
}

/**
 * The flash: the price's background lights up when it moves and fades in two steps (strong, then
 * faint, then gone), as plain attribute changes the next batches apply anyway. No animation: a
 * compositor animation per flash cost more than all the rest of a batch (its layer, its start
 * reported back in a frame of its own, held or finishing; README, Performance). A price that
 * stops moving is faded by FlashFader instead.
 */
const FLASH_STRONG_MS = 200;
const FLASH_FADE_MS = 500;
/** A price moving many times a second flashes at most this often (a flash, not a flicker). */
const FLASH_EVERY_MS = 1200;

/** The flash level `elapsed` ms after it lit: 2 strong, 1 faint, 0 gone. */
export function flashLevel(elapsed: number): 0 | 1 | 2 {
  if (!(elapsed >= 0)) return 0;
  return elapsed < FLASH_STRONG_MS ? 2 : elapsed < FLASH_FADE_MS ? 1 : 0;
}

/** A text element's single text node, created on first use. */
function textNodeOf(element: HTMLElement): Text {
  const last = element.lastChild;
  if (last instanceof Text) return last;
  const node = document.createTextNode('');
  element.append(node);
  return node;
}

function setText(node: Text, text: string): void {
  if (node.data !== text) node.data = text;
}

/**
 * Reserve the widest text seen so far (digits are tabular, so a length in `ch` is stable): a price
 * gaining or losing a digit never moves its neighbours back and forth.
 */
class GrowingWidth {
  private widest = 0;

  constructor(private readonly element: HTMLElement) {}

  fit(text: string): void {
    if (text.length <= this.widest) return;
    this.widest = text.length;
    this.element.style.minWidth = `${this.widest}ch`;
  }
}

export class ItemView implements Fading {
  private readonly texts: { price: Text; move: Text; arrow: Text; session: Text };
  private readonly widths: { price: GrowingWidth; move: GrowingWidth };
  private trend = '';
  private stale = false;
  private session = '';
  private title = '';
  /** Moves already shown (null before the first show: what is there on arrival does not flash). */
  private shownMoves: number | null = null;
  private lastFlashAt = Number.NEGATIVE_INFINITY;
  private lastShownAt = Number.NEGATIVE_INFINITY;
  private litLevel = 0;

  constructor(
    private readonly elements: ItemElements,
    private readonly fader: FlashFader,
  ) {
    this.texts = {
      price: textNodeOf(elements.price),
      move: textNodeOf(elements.move),
      arrow: textNodeOf(elements.arrow),
      session: textNodeOf(elements.session),
    };
    this.widths = {
      price: new GrowingWidth(elements.price),
      move: new GrowingWidth(elements.move),
    };
  }

  show(state: ItemState, { flash }: ShowOptions): void {
    const { item, price } = this.elements;
    const move = moveText(state.change, state.percent);
    setText(this.texts.price, state.price);
    setText(this.texts.move, move);
    setText(this.texts.arrow, ARROWS[state.trend]);
    setText(this.texts.session, SESSION_MARKS[state.session]);
    if (state.session !== this.session) item.dataset.session = this.session = state.session;
    this.widths.price.fit(state.price);
    this.widths.move.fit(move);

    if (state.trend !== this.trend) {
      if (this.trend) item.classList.remove(`trend-${this.trend}`);
      item.classList.add(`trend-${state.trend}`);
      this.trend = state.trend;
    }
    if (state.stale !== this.stale) item.classList.toggle('stale', (this.stale = state.stale));
    if (state.title !== this.title) item.title = this.title = state.title;

    const moved = this.shownMoves !== null && state.moves > this.shownMoves;
    this.shownMoves = state.moves;
    const now = this.fader.now();
    this.lastShownAt = now;
    if (flash && moved && state.lastMove !== 'flat' && now - this.lastFlashAt >= FLASH_EVERY_MS && !isOffscreen(item)) {
      this.lastFlashAt = now;
      // The colour is the direction of the move that lit it, for the whole fade.
      price.dataset.flash = state.lastMove;
      this.fader.add(this);
    }
    this.setFlashLevel(flashLevel(now - this.lastFlashAt));
  }

  /**
   * For FlashFader: step the flash down if the price has not been shown for a while (a moving one
   * is stepped by show()). Returns whether the flash is still lit.
   */
  fadeIfQuiet(): boolean {
    const now = this.fader.now();
    if (now - this.lastShownAt >= FLASH_STRONG_MS) this.setFlashLevel(flashLevel(now - this.lastFlashAt));
    return this.litLevel > 0;
  }

  private setFlashLevel(level: number): void {
    if (level === this.litLevel) return;
    this.litLevel = level;
    if (level === 0) delete this.elements.price.dataset.flashLevel;
    else this.elements.price.dataset.flashLevel = String(level);
  }
}
