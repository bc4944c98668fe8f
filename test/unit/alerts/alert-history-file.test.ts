/**
 * The history of firings on disk: a real file in a temporary folder survives a "restart" (a new
 * store on the same path), keeps the newest firings only, and drops and counts anything it cannot
 * trust without throwing.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertEngine } from '../../../src/engine/alerts/alert-engine';
import {
  alertHistoryFile,
  ALERT_HISTORY_FILE,
  MAX_ALERT_HISTORY_BYTES,
  parseAlertHistory,
} from '../../../src/engine/alerts/alert-history-file';
import { ALERT_LIMITS, type AlertFiring } from '../../../src/shared/alert-rules';

let dir: string;
let path: string;
const warnings: string[] = [];
const open = () => alertHistoryFile(path, { warn: (message) => warnings.push(message) });

function firing(n: number): AlertFiring {
  return {
    ruleId: `rule-${n}`,
    rule: 'AAPL>=200',
    symbol: 'AAPL',
    price: 200 + n,
    changePct: n % 2 ? null : 1.5,
    time: n,
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ticker-alert-history-'));
  path = join(dir, 'user-data', ALERT_HISTORY_FILE);
  warnings.length = 0;
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('alert history file', () => {
  it('survives a restart: what one store saved, a new one on the same file loads', () => {
    expect(open().load()).toEqual([]);
    const saved = [firing(1), firing(2)];
    open().save(saved);
    expect(open().load()).toEqual(saved);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([]);
  });

  it('keeps the newest 100 firings, in order', () => {
    const many = Array.from({ length: 150 }, (_, i) => firing(i));
    open().save(many);
    const loaded = open().load();
    expect(loaded).toHaveLength(ALERT_LIMITS.historySize);
    expect(loaded[0]).toEqual(firing(50));
    expect(loaded.at(-1)).toEqual(firing(149));
  });

  it('an engine starts its history with the saved firings', () => {
    open().save([firing(1)]);
    const engine = new AlertEngine({ history: open().load() });
    expect(engine.history()).toEqual([firing(1)]);
  });

  it('drops and counts a corrupt file, an oversized one and one that is not a history', () => {
    const cases: [string, string | Buffer][] = [
      ['not JSON', '{"version":1,"firings":[{'],
      ['too large', Buffer.alloc(MAX_ALERT_HISTORY_BYTES + 1, 0x20)],
      ['not a history', JSON.stringify([firing(1)])],
      ['another version', JSON.stringify({ version: 99, firings: [firing(1)] })],
    ];
    for (const [, contents] of cases) {
      open().save([]);
      writeFileSync(path, contents);
      const store = open();
      expect(store.load()).toEqual([]);
      expect(store.drops).toEqual({ files: 1, firings: 0, failedSaves: 0 });
    }
    expect(warnings).toHaveLength(cases.length);
  });

  it('drops and counts single firings that are not what Ticker writes, keeping the rest', () => {
    const bad = [
      { ...firing(2), price: 'x' },
      { ...firing(3), symbol: 'not a symbol!' },
      { ...firing(4), ruleId: '' },
      { ...firing(5), changePct: '1.5' },
      null,
      'text',
    ];
    open().save([]);
    writeFileSync(path, JSON.stringify({ version: 1, firings: [firing(1), ...bad, firing(6)] }));
    const store = open();
    expect(store.load()).toEqual([firing(1), firing(6)]);
    expect(store.drops.firings).toBe(bad.length);
  });

  it('a save that fails is counted and never throws', () => {
    open().save([firing(1)]);
    const store = alertHistoryFile(path, {
      warn: (message) => warnings.push(message),
      fs: {
        mkdirSync: () => undefined,
        writeFileSync: () => {
          throw Object.assign(new Error('read-only'), { code: 'EROFS' });
        },
        renameSync: () => undefined,
      },
    });
    expect(() => store.save([firing(2)])).not.toThrow();
    expect(store.drops.failedSaves).toBe(1);
    expect(warnings.at(-1)).toMatch(/EROFS/);
    expect(JSON.parse(readFileSync(path, 'utf8')).firings).toEqual([firing(1)]);
  });

  it('parses only histories', () => {
    expect(parseAlertHistory(null)).toBeNull();
    expect(parseAlertHistory({ version: 1 })).toBeNull();
    expect(parseAlertHistory({ version: 1, firings: [firing(1)] })).toEqual({ firings: [firing(1)], dropped: 0 });
  });
});
