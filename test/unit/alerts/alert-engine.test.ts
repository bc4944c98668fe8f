import { describe, expect, it } from 'vitest';
import { AlertEngine } from '../../../src/engine/alerts/alert-engine';
import type { AlertFiring, AlertRule } from '../../../src/shared/alert-rules';
import { alertRule } from '../../support/alert-rule';

const T0 = Date.UTC(2024, 0, 16, 15, 0, 0);

function setup(rules: AlertRule[]) {
  const clock = { now: T0 };
  const engine = new AlertEngine({ now: () => clock.now });
  engine.setRules(rules);
  const fired: AlertFiring[] = [];
  engine.fired.subscribe((firing) => fired.push(firing));
  /** Feed prices (one trade each, 1 s apart on the clock). */
  const path = (prices: number[], prevClose: number | null = null, symbol = 'AAPL') => {
    for (const price of prices) {
      clock.now += 1000;
      engine.onTrade(symbol, price, clock.now, prevClose);
    }
  };
  return { engine, fired, path, clock };
}

describe('AlertEngine', () => {
  it('fires a one-shot price rule once on the first crossing and stays triggered', () => {
    const { engine, fired, path } = setup([alertRule()]);
    path([195, 199.99, 200.12, 201, 190, 205]);
    expect(fired).toEqual([
      { ruleId: 'r1', rule: 'AAPL>=200', symbol: 'AAPL', price: 200.12, changePct: null, time: T0 + 3000 },
    ]);
    expect(engine.rules()[0]?.triggered).toBe(true);
  });

  it('fires on the very first trade when the rule already holds', () => {
    const { fired, path } = setup([alertRule({ op: '<=', value: 180 })]);
    path([170, 169, 168]);
    expect(fired.map((f) => f.price)).toEqual([170]);
  });

  it('ignores trades of other symbols', () => {
    const { fired, path } = setup([alertRule()]);
    path([250, 260], null, 'MSFT');
    expect(fired).toEqual([]);
  });

  it('fires a re-armed one-shot rule again on the next trade that holds', () => {
    const { engine, fired, path } = setup([alertRule()]);
    path([201]);
    engine.setRules(engine.rules().map((r) => ({ ...r, triggered: false })));
    path([202]);
    expect(fired.map((f) => f.price)).toEqual([201, 202]);
  });

  it('a recurring rule fires once per crossing and never on noise inside the margin', () => {
    const { fired, path } = setup([alertRule({ recurring: true })]);
    // margin is 1.00 (0.5 % of 200): dips to 199.5 do not re-arm it.
    path([199, 200, 199.5, 200.2, 199.01, 200.5, 199.2, 201]);
    expect(fired.map((f) => f.price)).toEqual([200]);
    // back past the margin (below 199), then across again: exactly one more.
    path([198.9, 199.5, 200.1, 199.3, 200.4]);
    expect(fired.map((f) => f.price)).toEqual([200, 200.1]);
  });

  it('a recurring <= rule re-arms only above threshold + margin', () => {
    const { fired, path } = setup([alertRule({ op: '<=', value: 100, recurring: true })]);
    path([101, 100, 100.4, 99.9, 100.6, 100]);
    expect(fired.map((f) => f.price)).toEqual([100, 100]);
  });

  it('change rules wait for the previous close, then fire with the change', () => {
    const { fired, path } = setup([alertRule({ metric: 'change', op: '<=', value: -2 })]);
    path([90, 80]);
    expect(fired).toEqual([]);
    path([97.9], 100);
    expect(fired).toHaveLength(1);
    expect(fired[0]?.rule).toBe('AAPL<=-2%');
    expect(fired[0]?.changePct).toBeCloseTo(-2.1, 10);
  });

  it('a recurring change rule uses a margin of 0.5 points', () => {
    const { fired, path } = setup([alertRule({ metric: 'change', op: '>=', value: 2, recurring: true })]);
    path([102, 101.6, 102.1, 101.4, 102.05], 100);
    expect(fired.map((f) => f.price)).toEqual([102, 102.05]);
  });

  it('reports the change on price rules once the previous close is known', () => {
    const { fired, path } = setup([alertRule()]);
    path([202], 200);
    expect(fired[0]?.changePct).toBeCloseTo(1, 10);
  });

  it('holds a re-armed recurring rule during its cooldown and fires on the first trade after it', () => {
    const { fired, path, clock } = setup([alertRule({ recurring: true, cooldownS: 60 })]);
    path([201]); // fires at T0+1s
    path([190, 201]); // re-armed and crossed again within 60 s: held
    expect(fired).toHaveLength(1);
    clock.now = T0 + 1000 + 59_000;
    path([]); // nothing
    clock.now = T0 + 1000 + 60_000 - 1000; // the next path step adds 1 s: exactly 60 s after the first firing
    path([202]);
    expect(fired.map((f) => f.price)).toEqual([201, 202]);
  });

  it('emits ruleChanged when a rule fires and when a recurring rule re-arms', () => {
    const { engine, path } = setup([alertRule({ recurring: true })]);
    const changes: boolean[] = [];
    engine.ruleChanged.subscribe((r) => changes.push(r.triggered));
    path([201, 202, 150, 151, 210]);
    expect(changes).toEqual([true, false, true]);
  });

  it('keeps the last 100 firings, oldest first', () => {
    const { engine, path } = setup([alertRule({ recurring: true, value: 100 })]);
    for (let i = 0; i < 130; i += 1) path([101 + i / 1000, 50]);
    const history = engine.history();
    expect(history).toHaveLength(100);
    expect(history[0]?.price).toBeCloseTo(101.03, 10);
    expect(history[99]?.price).toBeCloseTo(101.129, 10);
  });

  it('indexes rules by symbol and lists the symbols that need a subscription', () => {
    const { engine } = setup([alertRule(), alertRule({ id: 'r2', symbol: 'MSFT' }), alertRule({ id: 'r3' })]);
    expect(engine.symbols().sort()).toEqual(['AAPL', 'MSFT']);
  });

  it('keeps a rule’s cooldown clock across setRules for the same id', () => {
    const { engine, fired, path } = setup([alertRule({ recurring: true, cooldownS: 3600 })]);
    path([201, 150]);
    engine.setRules(engine.rules());
    path([205]);
    expect(fired).toHaveLength(1);
  });
});

describe('AlertEngine symbolsChanged', () => {
  it('reports when a symbol gains or loses its rules, and only then', () => {
    const { engine } = setup([alertRule()]);
    const lists: (readonly string[])[] = [];
    engine.symbolsChanged.subscribe((symbols) => lists.push(symbols));
    engine.setRules([alertRule(), alertRule({ id: 'r2', value: 300 })]);
    engine.setRules([alertRule({ value: 250 })]);
    expect(lists).toEqual([]);
    engine.setRules([alertRule(), alertRule({ id: 'm1', symbol: 'MSFT' })]);
    engine.setRules([alertRule({ id: 'm1', symbol: 'MSFT' })]);
    engine.setRules([alertRule({ id: 'n1', symbol: 'NVDA' })]);
    engine.setRules([]);
    expect(lists).toEqual([['AAPL', 'MSFT'], ['MSFT'], ['NVDA'], []]);
  });
});
