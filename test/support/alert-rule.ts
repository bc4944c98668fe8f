import type { AlertRule } from '../../src/shared/alert-rules';

/** A saved alert rule for tests: AAPL at or above 200, once, armed; `fields` override. */
export function alertRule(fields: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'r1',
    symbol: 'AAPL',
    metric: 'price',
    op: '>=',
    value: 200,
    recurring: false,
    cooldownS: 0,
    triggered: false,
    ...fields,
  };
}
