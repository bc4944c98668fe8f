/** The portfolio's lots and its base currency, each lot checked against the shared holding rules. */
import { randomUUID } from 'node:crypto';
import { TickerError } from '../../shared/ipc-contract';
import { baseCurrencyProblem } from '../../shared/portfolio/currency';
import { checkLotDraft, HOLDING_LIMITS, type Holdings, type LotDraft } from '../../shared/portfolio/holdings';
import { Signal } from '../../shared/signal';
import type { SettingsState } from './settings-state';

function copyHoldings(holdings: Holdings): Holdings {
  return { baseCurrency: holdings.baseCurrency, lots: holdings.lots.map((lot) => ({ ...lot })) };
}

export class PortfolioSettings {
  /** A lot or the base currency changed. */
  readonly changed = new Signal<Holdings>();

  constructor(
    private readonly state: SettingsState,
    private readonly newId: () => string = randomUUID,
  ) {
    state.follow(
      (settings) => settings.holdings,
      (holdings) => this.changed.emit(copyHoldings(holdings)),
      true,
    );
  }

  holdings(): Holdings {
    return copyHoldings(this.state.current.holdings);
  }

  /** Add a lot at the end. */
  addLot(input: LotDraft): Holdings {
    const draft = requireLot(input);
    const { lots } = this.state.current.holdings;
    if (lots.length >= HOLDING_LIMITS.maxLots)
      throw new TickerError('limit', `You can keep at most ${HOLDING_LIMITS.maxLots} lots. Remove one first.`);
    return this.save({ lots: [...lots, { id: this.newId(), ...draft }] });
  }

  updateLot(id: string, input: LotDraft): Holdings {
    const index = this.requireLot(id);
    const draft = requireLot(input);
    const lots = [...this.state.current.holdings.lots];
    lots[index] = { id, ...draft };
    return this.save({ lots });
  }

  removeLot(id: string): Holdings {
    this.requireLot(id);
    return this.save({ lots: this.state.current.holdings.lots.filter((lot) => lot.id !== id) });
  }

  /** Replace every lot at once (a CSV import): all valid, or nothing changes. */
  replaceLots(input: readonly LotDraft[]): Holdings {
    if (!Array.isArray(input)) throw new TickerError('invalid-payload', 'Lots must be a list');
    if (input.length > HOLDING_LIMITS.maxLots)
      throw new TickerError('limit', `At most ${HOLDING_LIMITS.maxLots} lots.`);
    const lots = input.map((item, index) => {
      const checked = checkLotDraft(item);
      if (!checked.ok)
        throw new TickerError('invalid-payload', `Lot ${index + 1}: ${Object.values(checked.problems).join('; ')}`);
      return { id: this.newId(), ...checked.value };
    });
    return this.save({ lots });
  }

  setBaseCurrency(code: string): Holdings {
    const problem = baseCurrencyProblem(code);
    if (problem !== null) throw new TickerError('invalid-payload', problem);
    return this.save({ baseCurrency: code });
  }

  private save(patch: Partial<Holdings>): Holdings {
    const { current } = this.state;
    this.state.write({ ...current, holdings: { ...current.holdings, ...patch } });
    return this.holdings();
  }

  private requireLot(id: unknown): number {
    const index = typeof id === 'string' ? this.state.current.holdings.lots.findIndex((lot) => lot.id === id) : -1;
    if (index < 0) throw new TickerError('not-found', 'That lot no longer exists.');
    return index;
  }
}

function requireLot(input: unknown): LotDraft {
  const checked = checkLotDraft(input);
  if (!checked.ok) throw new TickerError('invalid-payload', Object.values(checked.problems).join('; '));
  return checked.value;
}
