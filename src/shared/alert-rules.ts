/**
 * Price alerts: what a rule is, its text syntax (`AAPL>=200`, `MSFT<=-2%`), its limits and its
 * validation. The one source for the headless command's `--alert`, the saved settings, the IPC
 * validators and the settings form, so they cannot disagree.
 */
import { Decimal } from './portfolio/decimal';
import { MAX_SYMBOL_LENGTH, normalizeSymbol } from './symbols';

/** `price`: the last trade's price; `change`: percent change against the previous close. */
export type AlertMetric = 'price' | 'change';
export type AlertOp = '>=' | '<=';

/** What a rule watches for, without its bookkeeping. */
export interface AlertCondition {
  symbol: string;
  metric: AlertMetric;
  op: AlertOp;
  /** A price (> 0) or a percent change (signed). */
  value: number;
}

/** A saved rule. */
export interface AlertRule extends AlertCondition {
  /** Stable id (letters, digits, `-`, `_`). */
  id: string;
  /** False: one-shot (stays triggered until re-armed by the user). True: re-arms itself past the margin. */
  recurring: boolean;
  /** Seconds after a firing during which the rule does not fire again (0: none). */
  cooldownS: number;
  /** Fired and waiting to be re-armed (by the user for one-shot rules, by the price for recurring ones). */
  triggered: boolean;
}

/** One firing, as the history, the notification and the headless command show it. */
export interface AlertFiring {
  ruleId: string;
  /** The rule as text, e.g. `AAPL>=200`. */
  rule: string;
  symbol: string;
  /** Price of the trade that fired it. */
  price: number;
  /** Change against the previous close in percent, null while the previous close is unknown. */
  changePct: number | null;
  /** Epoch ms of the trade that fired it. */
  time: number;
}

export const ALERT_LIMITS = {
  /** Rules kept in the settings. */
  maxRules: 100,
  /** Firings kept in the history. */
  historySize: 100,
  maxPrice: 1e9,
  /** Largest percent change a rule may name (either sign). */
  maxChangePct: 1000,
  maxCooldownS: 86_400,
  maxIdLength: 40,
  /** Re-arm margin of a recurring price rule, in percent of its threshold. */
  rearmMarginPct: 0.5,
  /** Re-arm margin of a recurring change rule, in percentage points. */
  rearmMarginPoints: 0.5,
  /** Cooldown of a new rule in the app. */
  defaultCooldownS: 0,
  /** Cooldown of the headless command's rules unless `--alert-cooldown` says otherwise. */
  defaultCliCooldownS: 60,
} as const;

export const ALERT_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

const ALERT_RULE_SYNTAX = 'SYMBOL>=PRICE, SYMBOL<=PRICE, SYMBOL>=+N% or SYMBOL<=-N%';

const RULE_TEXT = /^(.+?)(>=|<=)\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%?)$/;

export type ConditionResult = { ok: true; value: AlertCondition } | { ok: false; reason: string };

/** Parse `AAPL>=200`, `MSFT<=-2%`, `BINANCE:BTCUSDT>=100000` (spaces around the parts allowed). */
export function parseAlertCondition(input: unknown): ConditionResult {
  if (typeof input !== 'string' || input.length > MAX_SYMBOL_LENGTH + 40) {
    return { ok: false, reason: `an alert rule must look like ${ALERT_RULE_SYNTAX}` };
  }
  const text = input.trim();
  const match = RULE_TEXT.exec(text);
  if (!match) return { ok: false, reason: `"${text}" is not an alert rule: use ${ALERT_RULE_SYNTAX}` };
  const [, rawSymbol = '', op = '>=', rawValue = '', percent = ''] = match;
  const symbol = normalizeSymbol(rawSymbol);
  if (symbol === null)
    return { ok: false, reason: `"${rawSymbol.trim()}" is not a valid symbol in alert rule "${text}"` };
  const condition: AlertCondition = {
    symbol,
    metric: percent === '%' ? 'change' : 'price',
    op: op as AlertOp,
    value: Number(rawValue),
  };
  const problem = conditionProblem(condition);
  return problem === null
    ? { ok: true, value: condition }
    : { ok: false, reason: `${problem} in alert rule "${text}"` };
}

/** Why the threshold is unusable, or null. */
function thresholdProblem(metric: AlertMetric, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'the threshold must be a number';
  if (metric === 'price') {
    if (value <= 0) return 'the price must be greater than 0';
    if (value > ALERT_LIMITS.maxPrice) return `the price must be at most ${ALERT_LIMITS.maxPrice}`;
    return null;
  }
  if (Math.abs(value) > ALERT_LIMITS.maxChangePct)
    return `the change must be between -${ALERT_LIMITS.maxChangePct}% and +${ALERT_LIMITS.maxChangePct}%`;
  return null;
}

function conditionProblem(condition: AlertCondition): string | null {
  if (condition.metric !== 'price' && condition.metric !== 'change') return 'the kind must be price or change';
  if (condition.op !== '>=' && condition.op !== '<=') return 'the comparison must be >= or <=';
  return thresholdProblem(condition.metric, condition.value);
}

/** A threshold as plain decimal text (`0.0000001`, never `1e-7`), which the rule parser reads back exactly. */
function thresholdText(value: number): string {
  return Decimal.fromNumber(value)?.toString() ?? String(value);
}

/** The rule as text: `AAPL>=200`, `MSFT<=-2%`, `NVDA>=+1.5%`. Parses back to the same condition. */
export function formatAlertCondition(condition: AlertCondition): string {
  if (condition.metric === 'price') return `${condition.symbol}${condition.op}${thresholdText(condition.value)}`;
  const sign = condition.value > 0 ? '+' : '';
  return `${condition.symbol}${condition.op}${sign}${thresholdText(condition.value)}%`;
}

/** How far back past the threshold the price (or change) must move before a recurring rule re-arms. */
export function rearmMargin(condition: AlertCondition): number {
  return condition.metric === 'price'
    ? (Math.abs(condition.value) * ALERT_LIMITS.rearmMarginPct) / 100
    : ALERT_LIMITS.rearmMarginPoints;
}

const RULE_KEYS = ['id', 'symbol', 'metric', 'op', 'value', 'recurring', 'cooldownS', 'triggered'] as const;

/**
 * Why `raw` is not a valid saved rule, or null. Checks the exact shape (no extra fields), a
 * normalised symbol and every limit; used when loading settings and on every IPC write.
 */
export function alertRuleProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'an alert rule must be an object';
  const proto: unknown = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return 'an alert rule must be a plain object';
  const record = raw as Record<string, unknown>;
  const names = Object.getOwnPropertyNames(record);
  for (const name of names) {
    if (!(RULE_KEYS as readonly string[]).includes(name))
      return `"${name.slice(0, 40)}" is not a field of an alert rule`;
  }
  for (const key of RULE_KEYS) if (!Object.hasOwn(record, key)) return `an alert rule needs "${key}"`;
  const { id, symbol, metric, op, value, recurring, cooldownS, triggered } = record;
  if (typeof id !== 'string' || !ALERT_ID_PATTERN.test(id))
    return 'the rule id must be 1 to 40 letters, digits, - or _';
  if (typeof symbol !== 'string' || normalizeSymbol(symbol) !== symbol) return 'the symbol is not valid';
  if (metric !== 'price' && metric !== 'change') return 'the kind must be price or change';
  if (op !== '>=' && op !== '<=') return 'the comparison must be >= or <=';
  const threshold = thresholdProblem(metric, value);
  if (threshold) return threshold;
  if (typeof recurring !== 'boolean') return '"recurring" must be true or false';
  if (typeof triggered !== 'boolean') return '"triggered" must be true or false';
  if (
    typeof cooldownS !== 'number' ||
    !Number.isInteger(cooldownS) ||
    cooldownS < 0 ||
    cooldownS > ALERT_LIMITS.maxCooldownS
  ) {
    return `the cooldown must be a whole number of seconds from 0 to ${ALERT_LIMITS.maxCooldownS}`;
  }
  return null;
}

/** A fresh copy of a rule that passed `alertRuleProblem`, holding only the rule's fields. */
export function copyAlertRule(rule: AlertRule): AlertRule {
  return {
    id: rule.id,
    symbol: rule.symbol,
    metric: rule.metric,
    op: rule.op,
    value: rule.value,
    recurring: rule.recurring,
    cooldownS: rule.cooldownS,
    triggered: rule.triggered,
  };
}

/** A rule as the user writes it in settings: main assigns the id and the triggered state. */
export type AlertDraft = Omit<AlertRule, 'id' | 'triggered'>;

const DRAFT_KEYS = ['symbol', 'metric', 'op', 'value', 'recurring', 'cooldownS'] as const;

export type DraftCheck = { ok: true; value: AlertDraft } | { ok: false; message: string };

/**
 * Check a draft from anywhere (IPC, the settings form): exactly the draft's fields, each valid.
 * The symbol is normalised (trimmed, upper-cased). Returns a fresh object.
 */
export function checkAlertDraft(raw: unknown): DraftCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, message: 'An alert must be an object' };
  const record = raw as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(record)) {
    if (!(DRAFT_KEYS as readonly string[]).includes(name))
      return { ok: false, message: `"${name.slice(0, 40)}" is not a field of an alert` };
  }
  const symbol = normalizeSymbol(record.symbol);
  if (symbol === null) return { ok: false, message: 'Choose a valid symbol' };
  const candidate = {
    id: 'draft',
    symbol,
    metric: record.metric,
    op: record.op,
    value: record.value,
    recurring: record.recurring,
    cooldownS: record.cooldownS,
    triggered: false,
  };
  const problem = alertRuleProblem(candidate);
  if (problem !== null) return { ok: false, message: problem.charAt(0).toUpperCase() + problem.slice(1) };
  const rule = candidate as AlertRule;
  return {
    ok: true,
    value: {
      symbol,
      metric: rule.metric,
      op: rule.op,
      value: rule.value,
      recurring: rule.recurring,
      cooldownS: rule.cooldownS,
    },
  };
}

/** Whether two rules watch for the same thing (same symbol, kind, comparison and threshold). */
export function sameCondition(a: AlertCondition, b: AlertCondition): boolean {
  return a.symbol === b.symbol && a.metric === b.metric && a.op === b.op && a.value === b.value;
}

/** The JSON schema of a saved rule (for the settings store), derived from the same limits. */
export function alertRuleJsonSchema(): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      id: { type: 'string', pattern: ALERT_ID_PATTERN.source },
      symbol: { type: 'string', maxLength: MAX_SYMBOL_LENGTH },
      metric: { type: 'string', enum: ['price', 'change'] },
      op: { type: 'string', enum: ['>=', '<='] },
      value: { type: 'number', minimum: -ALERT_LIMITS.maxChangePct, maximum: ALERT_LIMITS.maxPrice },
      recurring: { type: 'boolean' },
      cooldownS: { type: 'integer', minimum: 0, maximum: ALERT_LIMITS.maxCooldownS },
      triggered: { type: 'boolean' },
    },
    required: [...RULE_KEYS],
    additionalProperties: false,
  };
}

/** The rule in words, for notifications and the settings list: "AAPL at or above 200", "MSFT down 2 % or more". */
export function describeAlertCondition(condition: AlertCondition, name: string = condition.symbol): string {
  if (condition.metric === 'price')
    return `${name} at or ${condition.op === '>=' ? 'above' : 'below'} ${thresholdText(condition.value)}`;
  const size = thresholdText(Math.abs(condition.value));
  if (condition.op === '>=')
    return condition.value >= 0 ? `${name} up ${size} % or more` : `${name} down at most ${size} %`;
  return condition.value <= 0 ? `${name} down ${size} % or more` : `${name} up at most ${size} %`;
}
