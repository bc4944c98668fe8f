/**
 * What the original failing app did with each frame, for comparison: a generic parse into loose
 * Maps, re-validation of every field with regexes over Object.entries, a fresh copy of the
 * symbol's state per trade, and one JSON "publish" per trade towards the renderer.
 */
const SYMBOL_TEXT = /^[A-Za-z0-9.\-_:/^=]{1,40}$/;
const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

export class NaiveClient {
  /** Messages "sent" to the renderer; the outbox is cleared after every frame. */
  published = 0;
  publishedBytes = 0;
  private readonly outbox: string[] = [];
  private readonly state = new Map<string, Map<string, unknown>>();

  constructor(private readonly watched: ReadonlySet<string>) {}

  /** Handle one frame; returns the messages it published. */
  handleFrame(text: string): number {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return 0;
    }
    const fields = new Map<string, unknown>(Object.entries(message as Record<string, unknown>));
    if (fields.get('type') !== 'trade') return 0;
    const data = fields.get('data');
    if (!Array.isArray(data)) return 0;
    let sent = 0;
    for (const item of data) {
      const trade = new Map<string, unknown>();
      for (const [key, value] of Object.entries(item as Record<string, unknown>)) trade.set(key, value);
      const symbol = String(trade.get('s'));
      if (!SYMBOL_TEXT.test(symbol) || !this.watched.has(symbol)) continue;
      const priceText = String(trade.get('p'));
      const volumeText = String(trade.get('v'));
      const timeText = String(trade.get('t'));
      if (!NUMBER_TEXT.test(priceText) || !NUMBER_TEXT.test(volumeText) || !NUMBER_TEXT.test(timeText)) continue;
      const price = Number.parseFloat(priceText);
      if (!(price > 0)) continue;
      const previous = this.state.get(symbol) ?? new Map<string, unknown>();
      const next = new Map(previous);
      const lastPrice = previous.get('price');
      next.set('symbol', symbol);
      next.set('price', price);
      next.set('volume', Number(previous.get('volume') ?? 0) + Number.parseFloat(volumeText));
      next.set('time', Number.parseInt(timeText, 10));
      next.set(
        'direction',
        typeof lastPrice === 'number' ? (price > lastPrice ? 'up' : price < lastPrice ? 'down' : 'flat') : 'flat',
      );
      next.set('conditions', Array.isArray(trade.get('c')) ? [...(trade.get('c') as unknown[])] : []);
      this.state.set(symbol, next);
      const update = JSON.stringify({ type: 'quote', ...Object.fromEntries(next) });
      this.outbox.push(update);
      this.publishedBytes += update.length;
      sent += 1;
    }
    this.published += sent;
    this.outbox.length = 0;
    return sent;
  }
}
