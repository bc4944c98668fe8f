import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { BARS } from '../../../bench/lib/bars';
import { DOC_PATH, RESULTS_PATH, renderPerformanceDoc, type BenchResults } from '../../../bench/performance-doc';

const results = JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as BenchResults;

describe('docs/performance.md from bench/results.json', () => {
  it('is exactly what the generator writes from the committed results', async () => {
    const options = (await resolveConfig(DOC_PATH)) ?? {};
    const expected = await format(renderPerformanceDoc(results), { ...options, parser: 'markdown' });
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(expected);
  });

  it('shows each figure beside its goal and whether it is met', () => {
    const doc = renderPerformanceDoc({
      date: '2030-01-02T03:04:05.000Z',
      node: 'v22.12.0',
      latency_ms: { p50: 40, p95: 90, p99: 200, trades_per_s: 1000, symbols: 50, counted: 1234 },
      calendar: { steady_ns_per_call: 12, random_ns_per_call: 20_000 },
      cli_start: { runs: 5, node_ms: 40, feed_help_ms: 120 },
    });
    expect(doc).toContain('Latest run: 2030-01-02');
    expect(doc).toMatch(new RegExp(`p99 200 ms.*p99 ≤ ${BARS.latencyP99Ms} ms ❌`));
    expect(doc).toMatch(/\*\*12 ns\/call\*\*.*≤ 250 ns ✅/);
    expect(doc).toMatch(/\*\*0\.12 s\*\* \(`node -e 0`: 0\.04 s\).*≤ 0\.30 s ✅/);
  });

  it('leaves out the sections results.json does not hold', () => {
    const doc = renderPerformanceDoc({ calendar: { steady_ns_per_call: 12, random_ns_per_call: 20_000 } });
    expect(doc).not.toContain('Ingest');
    expect(doc).not.toContain('What the strip costs the machine');
    expect(doc).not.toContain('undefined');
    expect(doc).not.toContain('NaN');
  });

  it('names sections that come from an earlier run', () => {
    const doc = renderPerformanceDoc({
      date: '2030-01-02T00:00:00.000Z',
      measured: { calendar: '2030-01-02T00:00:00.000Z', relay: '2029-12-30T00:00:00.000Z' },
    });
    expect(doc).toContain('Some sections come from earlier runs: relay 2029-12-30.');
  });

  it('says whether the long run went on beside the rounds or after them', () => {
    const strip = results.strip_cost;
    const heap = strip?.heap;
    if (!strip || !heap) throw new Error('the committed results have no long run');
    const withLongRun = (beside: boolean | undefined): string => {
      const { beside_rounds: _committed, ...rest } = heap;
      return renderPerformanceDoc({
        ...results,
        strip_cost: { ...strip, heap: beside === undefined ? rest : { ...rest, beside_rounds: beside } },
      });
    };
    expect(withLongRun(true)).toContain('The long run (below) went on at the same time (`--long-run-beside`)');
    expect(withLongRun(true)).toContain(
      'The long run therefore runs, beside the rounds above and in a browser of its own,',
    );
    expect(withLongRun(false)).toContain(
      'The long run (below) ran after the rounds, in a Chromium and a Node process of its own.',
    );
    expect(withLongRun(undefined)).toContain('The long run (below) ran after the rounds.');
    for (const after of [withLongRun(false), withLongRun(undefined)]) expect(after).not.toContain('beside the rounds');
  });

  it('reads as documentation, not a work diary', () => {
    const doc = renderPerformanceDoc(results);
    expect(doc).not.toMatch(/\bissues?\b|\bthis (round|session)\b|#\d+/i);
  });
});
