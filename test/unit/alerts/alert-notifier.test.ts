import { describe, expect, it, vi } from 'vitest';
import { RecentAlerts } from '../../../src/engine/alerts/recent-alerts';
import { alertNotificationContent, AlertNotifier, type NotificationLike } from '../../../src/main/shell/alert-notifier';
import { describeAlertCondition, type AlertFiring, type AlertRule } from '../../../src/shared/alert-rules';

const FIRING: AlertFiring = {
  ruleId: 'r1',
  rule: 'BINANCE:BTCUSDT<=-2%',
  symbol: 'BINANCE:BTCUSDT',
  price: 93_100.5,
  changePct: -2.04,
  time: 1,
};
const RULE: AlertRule = {
  id: 'r1',
  symbol: 'BINANCE:BTCUSDT',
  metric: 'change',
  op: '<=',
  value: -2,
  recurring: false,
  cooldownS: 0,
  triggered: true,
};

describe('alert notification content', () => {
  it('names the symbol, the rule in words, the price and the change', () => {
    expect(alertNotificationContent(FIRING, RULE, true)).toEqual({
      title: 'Alert: BTC/USDT down 2 % or more',
      body: 'BTC/USDT 93,100.5 (−2.04 % vs previous close) · rule BINANCE:BTCUSDT<=-2%',
      silent: false,
    });
  });

  it('describes every kind of rule', () => {
    expect(describeAlertCondition({ symbol: 'AAPL', metric: 'price', op: '>=', value: 200 })).toBe(
      'AAPL at or above 200',
    );
    expect(describeAlertCondition({ symbol: 'AAPL', metric: 'price', op: '<=', value: 180 })).toBe(
      'AAPL at or below 180',
    );
    expect(describeAlertCondition({ symbol: 'AAPL', metric: 'change', op: '>=', value: 1.5 })).toBe(
      'AAPL up 1.5 % or more',
    );
    expect(describeAlertCondition({ symbol: 'AAPL', metric: 'change', op: '>=', value: -1 })).toBe(
      'AAPL down at most 1 %',
    );
    expect(describeAlertCondition({ symbol: 'AAPL', metric: 'change', op: '<=', value: 1 })).toBe(
      'AAPL up at most 1 %',
    );
  });
});

describe('AlertNotifier', () => {
  function fakeNotification() {
    const listeners = new Map<string, () => void>();
    const notification: NotificationLike & { fire(event: string): void } = {
      show: vi.fn(),
      on: (event, listener) => listeners.set(event, listener),
      fire: (event) => listeners.get(event)?.(),
    };
    return notification;
  }

  it('shows one notification per firing and opens the rule on click', () => {
    const made: ReturnType<typeof fakeNotification>[] = [];
    const openRule = vi.fn();
    const notifier = new AlertNotifier({
      createNotification: () => {
        const n = fakeNotification();
        made.push(n);
        return n;
      },
      isSupported: () => true,
      sound: () => false,
      ruleById: () => RULE,
      openRule,
    });
    notifier.show(FIRING);
    expect(made).toHaveLength(1);
    expect(made[0]?.show).toHaveBeenCalledOnce();
    made[0]?.fire('click');
    expect(openRule).toHaveBeenCalledWith('r1');
  });
});

describe('RecentAlerts', () => {
  it('counts the last hour and tells when the count drops as alerts age out', () => {
    vi.useFakeTimers();
    const clock = { now: 0 };
    const recent = new RecentAlerts({
      clock: {
        now: () => clock.now,
        setTimeout: (cb, ms) => setTimeout(cb, ms),
        clearTimeout: (h) => clearTimeout(h as never),
      },
    });
    const counts: number[] = [];
    recent.changed.subscribe((n) => counts.push(n));
    recent.add();
    clock.now = 600_000;
    vi.advanceTimersByTime(600_000);
    recent.add();
    expect(recent.count()).toBe(2);
    clock.now = 3_600_000;
    vi.advanceTimersByTime(3_000_000);
    expect(recent.count()).toBe(1);
    clock.now = 4_200_000;
    vi.advanceTimersByTime(600_000);
    expect(counts).toEqual([1, 2, 1, 0]);
    recent.stop();
    vi.useRealTimers();
  });
});
