/**
 * Pure bookkeeping of the latency measure: which trades count and how long each took to show.
 *
 * The strip defers updates to items far from the viewport (they catch up when they come near), so
 * a trade for such a symbol cannot change any price text anyone sees. A trade counts only when its
 * symbol's item was near the viewport (not marked offscreen) when it was sent; it is measured from
 * its send time to the first price text of its symbol showing it or a newer trade. A counted trade
 * whose item went offscreen before that is put apart (left view); one never shown while its item
 * stayed in view is missing. All times are on one clock (ms).
 */

/** A price text change: the symbol's `trade` (its index) or a newer one appeared at `at`. */
export interface ShownPrice {
  symbolIndex: number;
  trade: number;
  at: number;
}

/** One symbol's item near the viewport or not: its state when recording began, then its changes. */
export interface ViewHistory {
  initiallyInView: boolean;
  /** In time order. */
  changes: readonly { at: number; inView: boolean }[];
}

export interface LatencyTallyInput {
  /** sendTimes[symbolIndex][trade]. */
  sendTimes: readonly (readonly number[])[];
  /** Per symbol, the first trade sent during the measure. */
  firstTrade: readonly number[];
  /** Price text changes, in any order. */
  shown: readonly ShownPrice[];
  /** Per symbol; a symbol without one counts as always in view. */
  views: readonly (ViewHistory | undefined)[];
}

export interface LatencyTally {
  /** Latency of every counted trade that was shown, ms. */
  samples: number[];
  /** Trades sent during the measure. */
  sent: number;
  /** Trades whose item was near the viewport when sent: samples + missing. */
  counted: number;
  /** Sent while their item was offscreen: not measured. */
  offscreen: number;
  /** Sent in view, but the item went offscreen before showing them: not measured. */
  leftView: number;
  /** Sent in view, never shown although the item stayed in view. */
  missing: number;
}

/** Was the item in view at `at` (its state after every change up to and including `at`)? */
export function inViewAt(view: ViewHistory | undefined, at: number): boolean {
  if (!view) return true;
  let inView = view.initiallyInView;
  for (const change of view.changes) {
    if (change.at > at) break;
    inView = change.inView;
  }
  return inView;
}

/** Did the item go offscreen in (from, to]? */
export function leftViewBetween(view: ViewHistory | undefined, from: number, to: number): boolean {
  return view?.changes.some((change) => !change.inView && change.at > from && change.at <= to) ?? false;
}

/** Per symbol, when each trade was first shown (itself or a newer one): shownAt[symbol][trade]. */
function firstShownTimes(input: LatencyTallyInput): (number | undefined)[][] {
  const shownAt: (number | undefined)[][] = input.sendTimes.map(() => []);
  const shownUpTo = input.firstTrade.map((first) => first - 1);
  const ordered = [...input.shown].sort((a, b) => a.at - b.at);
  for (const { symbolIndex, trade, at } of ordered) {
    const times = shownAt[symbolIndex];
    const upTo = shownUpTo[symbolIndex];
    const sent = input.sendTimes[symbolIndex]?.length ?? 0;
    if (!times || upTo === undefined) continue;
    for (let k = upTo + 1; k <= Math.min(trade, sent - 1); k += 1) times[k] = at;
    shownUpTo[symbolIndex] = Math.max(upTo, trade);
  }
  return shownAt;
}

export function tallyLatency(input: LatencyTallyInput): LatencyTally {
  const tally: LatencyTally = { samples: [], sent: 0, counted: 0, offscreen: 0, leftView: 0, missing: 0 };
  const shownAt = firstShownTimes(input);
  input.sendTimes.forEach((sendTimes, symbolIndex) => {
    const view = input.views[symbolIndex];
    for (let k = Math.max(0, input.firstTrade[symbolIndex] ?? 0); k < sendTimes.length; k += 1) {
      const sentAt = sendTimes[k] as number;
      const at = shownAt[symbolIndex]?.[k];
      tally.sent += 1;
      if (!inViewAt(view, sentAt)) tally.offscreen += 1;
      else if (leftViewBetween(view, sentAt, at ?? Number.POSITIVE_INFINITY)) tally.leftView += 1;
      else if (at === undefined) tally.missing += 1;
      else tally.samples.push(at - sentAt);
    }
  });
  tally.counted = tally.samples.length + tally.missing;
  return tally;
}
