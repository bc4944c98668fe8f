/**
 * The live part of one strip item, written straight to the DOM. With the market moving, every
 * visible item's price, change and percent change at each batch (10 a second); writing three text
 * nodes costs far less than a React render and commit per item (in the bench, the renderer's
 * script time fell from about 8 to 2 ms a second). React renders the item's frame once
 * (TickerItem); ItemView owns everything that moves with the quote, so the two never write the
 * same node. Each write happens only when its value changed.
 */
import type { Direction } from '../../shared/types';
import type { ItemLabelParts } from './item-label';
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

/** The elements ItemView writes to (TickerItem renders them). */
export interface ItemElements {
  item: HTMLElement;
  price: HTMLElement;
  change: HTMLElement;
  percent: HTMLElement;
  arrow: HTMLElement;
  /** The overlay whose opacity the flash animates. */
  flash: HTMLElement;
}

const ARROWS: Record<ItemLabelParts['trend'], string> = { up: '▲', down: '▼', flat: '' };

/** How long the flash overlay takes to fade out. */
const FLASH_FADE_MS = 450;
/**
 * The flash: an overlay fading out, an opacity animation the compositor runs. The animation lasts
 * far longer than the fade (it holds opacity 0 afterwards) and the next flash rewinds it, so a
 * price that keeps moving never lets it finish: a finishing animation costs the main thread a
 * style recalculation of its own, outside the batch render. It is rewound by giving it a start
 * time (now) rather than by play() or a current time: an animation whose start time the page has
 * set is not pending, so the compositor mostly need not report its start back, a report that
 * costs a main-thread frame of its own.
 */
const FLASH_HOLD_MS = 60_000;
const FLASH_KEYFRAMES: Keyframe[] = [
  { opacity: 1, easing: 'ease-out' },
  { opacity: 0, offset: FLASH_FADE_MS / FLASH_HOLD_MS },
  { opacity: 0 },
];
const FLASH_TIMING: KeyframeAnimationOptions = { duration: FLASH_HOLD_MS };
/** A price moving many times a second flashes at most this often (a flash, not a flicker). */
export const FLASH_EVERY_MS = 1200;

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

export class ItemView {
  private readonly texts: { price: Text; change: Text; percent: Text; arrow: Text };
  private readonly widths: { price: GrowingWidth; change: GrowingWidth; percent: GrowingWidth };
  private className = '';
  private flashClass = '';
  private flashDirection = '';
  private title = '';
  /** Moves already shown (null before the first show: what is there on arrival does not flash). */
  private shownMoves: number | null = null;
  private lastFlashAt = Number.NEGATIVE_INFINITY;
  private flashAnimation: Animation | null = null;

  constructor(
    private readonly elements: ItemElements,
    /** A clock in ms (performance.now in the page). */
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.texts = {
      price: textNodeOf(elements.price),
      change: textNodeOf(elements.change),
      percent: textNodeOf(elements.percent),
      arrow: textNodeOf(elements.arrow),
    };
    this.widths = { price: new GrowingWidth(elements.price), change: new GrowingWidth(elements.change), percent: new GrowingWidth(elements.percent) };
  }

  show(state: ItemState): void {
    const { item, price } = this.elements;
    setText(this.texts.price, state.price);
    setText(this.texts.change, state.change);
    setText(this.texts.percent, state.percent);
    setText(this.texts.arrow, ARROWS[state.trend]);
    this.widths.price.fit(state.price);
    this.widths.change.fit(state.change);
    this.widths.percent.fit(state.percent);

    const className = `item trend-${state.trend}${state.stale ? ' stale' : ''}`;
    if (className !== this.className) item.className = this.className = className;
    if (state.title !== this.title) item.title = this.title = state.title;
    // Keyed on data-flash (changes with the direction only) for the colour; the flash-* class,
    // which no selector mentions, flips on every move and tells tests a move was shown.
    if (state.lastMove !== this.flashDirection) price.dataset.flash = this.flashDirection = state.lastMove;
    const flashClass = state.moves > 0 && state.lastMove !== 'flat' ? `price flash-${state.lastMove}-${state.moves % 2}` : 'price';
    if (flashClass !== this.flashClass) price.className = this.flashClass = flashClass;

    const moved = this.shownMoves !== null && state.moves > this.shownMoves;
    this.shownMoves = state.moves;
    if (moved && state.lastMove !== 'flat') this.flash();
  }

  /** Flash the price, where it can be seen, at most every FLASH_EVERY_MS. */
  private flash(): void {
    if (isOffscreen(this.elements.item)) return;
    const at = this.clock();
    if (at - this.lastFlashAt < FLASH_EVERY_MS) return;
    this.lastFlashAt = at;
    const animation = this.flashAnimation ?? this.elements.flash.animate(FLASH_KEYFRAMES, FLASH_TIMING);
    this.flashAnimation = animation;
    animation.startTime = document.timeline.currentTime;
  }
}
