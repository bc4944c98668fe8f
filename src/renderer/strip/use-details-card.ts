import { useCallback, useEffect, useRef } from 'react';
import type { StripApi } from '../../shared/ipc-contract';
import type { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import type { Headline, SymbolDetails } from '../../shared/symbol-context';
import { settle } from '../bridge';
import type { QuoteFormatter } from '../format';
import type { QuoteStore } from './quote-store';
import { cardRequest } from './strip-context';

/** While a card is open its live figures are re-sent this often (nothing is sent while none is). */
const CARD_REFRESH_MS = 2_000;

interface DetailsCardInputs {
  api: StripApi;
  store: QuoteStore;
  details: ReadonlyMap<string, SymbolDetails>;
  headlines: readonly Headline[];
  calendar: MarketCalendar;
  formatter: QuoteFormatter;
  theme: 'dark' | 'light';
  /** With click-through on, the strip ignores the mouse: no card on hover either. */
  enabled: boolean;
}

interface DetailsCardHandlers {
  onPointerOver(event: { target: EventTarget | null }): void;
  onPointerOut(event: { target: EventTarget | null; relatedTarget: EventTarget | null }): void;
  /** A symbol got keyboard focus (the accessible list): its card opens over its item. */
  focusSymbol(symbol: string | null): void;
}

function itemOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('.item[data-symbol]') : null;
}

/** The drawn item of `symbol` nearest the middle of the strip (the scrolling lane repeats items). */
function visibleItem(symbol: string): HTMLElement | null {
  const middle = window.innerWidth / 2;
  let best: HTMLElement | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const item of document.querySelectorAll<HTMLElement>('.item[data-symbol]')) {
    if (item.dataset.symbol !== symbol) continue;
    const rect = item.getBoundingClientRect();
    const d = Math.abs(rect.left + rect.width / 2 - middle);
    if (d < distance) {
      distance = d;
      best = item;
    }
  }
  return best;
}

/**
 * The details card of the item under the pointer or with keyboard focus: main shows it in its own
 * window towards the screen. It closes when the pointer leaves the item, on Esc, and on blur.
 */
export function useDetailsCard(inputs: DetailsCardInputs): DetailsCardHandlers {
  const latest = useRef(inputs);
  latest.current = inputs;
  const open = useRef<{ symbol: string; anchorX: number; element: HTMLElement | null } | null>(null);
  /** The open card's refresh: it runs only while a card is open (an idle strip wakes nothing). */
  const refresh = useRef<number | null>(null);

  const send = useCallback(() => {
    const shown = open.current;
    if (shown === null) return;
    const { api, store, details, headlines, calendar, formatter, theme } = latest.current;
    const request = cardRequest({
      symbol: shown.symbol,
      details: details.get(shown.symbol),
      snapshot: store.get(shown.symbol)?.snapshot,
      headline: headlines.find((headline) => headline.symbol === shown.symbol) ?? null,
      now: Date.now(),
      calendar,
      formatter,
      theme,
      anchorX: shown.anchorX,
    });
    void settle(() => api.showCard(request));
  }, []);

  const close = useCallback(() => {
    if (refresh.current !== null) window.clearInterval(refresh.current);
    refresh.current = null;
    if (open.current === null) return;
    open.current.element?.removeAttribute('data-card');
    open.current = null;
    void settle(() => latest.current.api.hideCard());
  }, []);

  const show = useCallback(
    (symbol: string, element: HTMLElement | null) => {
      if (!latest.current.enabled) return;
      if (open.current?.symbol === symbol && open.current.element === element) return;
      open.current?.element?.removeAttribute('data-card');
      const rect = element?.getBoundingClientRect();
      const anchorX = rect ? rect.left + rect.width / 2 : window.innerWidth / 2;
      element?.setAttribute('data-card', 'open');
      open.current = { symbol, anchorX: Math.round(anchorX), element };
      send();
      refresh.current ??= window.setInterval(send, CARD_REFRESH_MS);
    },
    [send],
  );

  // Esc closes it (while it is open, the refresh started by show() keeps its figures following the feed).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      close();
    };
  }, [send, close]);

  // New details for the open card's symbol are shown at once.
  const openDetails = open.current ? inputs.details.get(open.current.symbol) : undefined;
  useEffect(() => {
    if (openDetails !== undefined) send();
  }, [openDetails, send]);

  useEffect(() => {
    if (!inputs.enabled) close();
  }, [inputs.enabled, close]);

  return {
    onPointerOver: (event) => {
      const item = itemOf(event.target);
      if (item?.dataset.symbol) show(item.dataset.symbol, item);
    },
    onPointerOut: (event) => {
      const item = itemOf(event.target);
      if (item === null || (event.relatedTarget instanceof Node && item.contains(event.relatedTarget))) return;
      // Straight onto another item: its card replaces this one (no close and reopen in between).
      if (itemOf(event.relatedTarget)?.dataset.symbol) return;
      close();
    },
    focusSymbol: (symbol) => {
      if (symbol === null) close();
      else show(symbol, visibleItem(symbol));
    },
  };
}
