/**
 * Evaluates price alerts on every accepted trade. Electron-free: the app and the headless command
 * both feed it from the tick store's trade hook (`feedAlertsFromStore`), which hands it only the
 * trades of symbols that have rules; `symbolsChanged` keeps the store's list of those current.
 */
import {
  copyAlertRule,
  formatAlertCondition,
  rearmMargin,
  ALERT_LIMITS,
  type AlertFiring,
  type AlertRule,
} from '../../shared/alert-rules';
import { Signal } from '../../shared/signal';

export interface AlertEngineOptions {
  /** Clock for cooldowns (epoch ms). */
  now?: () => number;
  historySize?: number;
  /** Firings from before (a saved history), oldest first: the history starts with them. */
  history?: readonly AlertFiring[];
}

interface RuleState {
  rule: AlertRule;
  text: string;
  margin: number;
  /** Clock time of the last firing, for the cooldown. */
  lastFiredAt: number | null;
}

export class AlertEngine {
  /** Every firing, in order. */
  readonly fired = new Signal<AlertFiring>();
  /** A rule's `triggered` flag changed by the engine (fired, or a recurring rule re-armed): save it. */
  readonly ruleChanged = new Signal<AlertRule>();
  /** The set of symbols with at least one rule changed (new list, in rule order). */
  readonly symbolsChanged = new Signal<readonly string[]>();

  private readonly now: () => number;
  private readonly historySize: number;
  private bySymbol = new Map<string, RuleState[]>();
  private order: RuleState[] = [];
  private readonly firings: AlertFiring[] = [];

  constructor(options: AlertEngineOptions = {}) {
    this.now = options.now ?? Date.now;
    this.historySize = options.historySize ?? ALERT_LIMITS.historySize;
    for (const firing of (options.history ?? []).slice(-this.historySize)) this.firings.push({ ...firing });
  }

  /**
   * Replace the rules (validated by the caller). A rule that keeps its id keeps its cooldown clock;
   * its `triggered` flag is taken from the given rule (the user re-arms by saving it untriggered).
   */
  setRules(rules: readonly AlertRule[]): void {
    const previous = new Map(this.order.map((state) => [state.rule.id, state]));
    const bySymbol = new Map<string, RuleState[]>();
    const order: RuleState[] = [];
    for (const given of rules) {
      const before = previous.get(given.id);
      // An unchanged rule keeps its state object, so saving what the engine just changed (from inside
      // a firing) leaves the rules being evaluated untouched.
      const state: RuleState =
        before !== undefined && sameRule(before.rule, given)
          ? before
          : {
              rule: copyAlertRule(given),
              text: formatAlertCondition(given),
              margin: rearmMargin(given),
              lastFiredAt: before?.lastFiredAt ?? null,
            };
      order.push(state);
      const list = bySymbol.get(state.rule.symbol);
      if (list) list.push(state);
      else bySymbol.set(state.rule.symbol, [state]);
    }
    const before = this.bySymbol;
    this.bySymbol = bySymbol;
    this.order = order;
    if (before.size !== bySymbol.size || [...bySymbol.keys()].some((symbol) => !before.has(symbol))) {
      this.symbolsChanged.emit(this.symbols());
    }
  }

  rules(): AlertRule[] {
    return this.order.map((state) => copyAlertRule(state.rule));
  }

  /** Symbols that have at least one rule (they must be subscribed). */
  symbols(): string[] {
    return [...this.bySymbol.keys()];
  }

  /** The last firings, oldest first. */
  history(): AlertFiring[] {
    return this.firings.map((firing) => ({ ...firing }));
  }

  /**
   * One accepted trade (hot path). `prevClose` is null while the previous close is unknown; change
   * rules are then neither fired nor re-armed.
   */
  readonly onTrade = (symbol: string, price: number, time: number, prevClose: number | null): void => {
    const states = this.bySymbol.get(symbol);
    if (states === undefined) return;
    const changePct = prevClose !== null && prevClose > 0 ? ((price - prevClose) / prevClose) * 100 : null;
    for (let i = 0; i < states.length; i += 1) {
      const state = states[i] as RuleState;
      const rule = state.rule;
      let metric: number;
      if (rule.metric === 'price') metric = price;
      else if (changePct === null) continue;
      else metric = changePct;

      if (rule.triggered) {
        if (!rule.recurring) continue;
        const backPast = rule.op === '>=' ? metric < rule.value - state.margin : metric > rule.value + state.margin;
        if (backPast) {
          rule.triggered = false;
          this.ruleChanged.emit(copyAlertRule(rule));
        }
        continue;
      }
      if (rule.op === '>=' ? metric < rule.value : metric > rule.value) continue;
      const now = this.now();
      // During the cooldown the rule stays armed: it fires on the first trade after it that still holds.
      if (state.lastFiredAt !== null && now - state.lastFiredAt < rule.cooldownS * 1000) continue;
      rule.triggered = true;
      state.lastFiredAt = now;
      const firing: AlertFiring = { ruleId: rule.id, rule: state.text, symbol, price, changePct, time };
      this.firings.push(firing);
      if (this.firings.length > this.historySize) this.firings.shift();
      this.ruleChanged.emit(copyAlertRule(rule));
      this.fired.emit({ ...firing });
    }
  };
}

function sameRule(a: AlertRule, b: AlertRule): boolean {
  return (
    a.id === b.id &&
    a.symbol === b.symbol &&
    a.metric === b.metric &&
    a.op === b.op &&
    a.value === b.value &&
    a.recurring === b.recurring &&
    a.cooldownS === b.cooldownS &&
    a.triggered === b.triggered
  );
}
