import { describe, expect, it } from 'vitest';
import { buildChartUrl, chartTemplateProblem, DEFAULT_CHART_URL_TEMPLATE } from '../../../src/shared/chart-url';
import { checkPreferencePatch } from '../../../src/shared/preference-rules';

describe('chart link template', () => {
  it('accepts the default and https templates with {symbol} anywhere after the host', () => {
    expect(chartTemplateProblem(DEFAULT_CHART_URL_TEMPLATE)).toBeNull();
    expect(chartTemplateProblem('https://finance.example.com/quote/{symbol}')).toBeNull();
    expect(chartTemplateProblem('https://example.com/a/{symbol}/b?s={symbol}#x')).toBeNull();
  });

  it('refuses what would open something else than an https page chosen by the template', () => {
    expect(chartTemplateProblem('http://example.com/{symbol}')).toMatch(/https/);
    expect(chartTemplateProblem('javascript:alert({symbol})')).toMatch(/https/);
    expect(chartTemplateProblem('file:///{symbol}')).toMatch(/https/);
    expect(chartTemplateProblem('https://example.com/quote')).toMatch(/\{symbol\}/);
    expect(chartTemplateProblem('https://{symbol}.example.com/')).toMatch(/host/);
    expect(chartTemplateProblem('https://{symbol}/')).toMatch(/host|valid/);
    expect(chartTemplateProblem('https://user:pw@example.com/{symbol}')).toMatch(/user name/);
    expect(chartTemplateProblem('https://example.com/{symbol}/{other}')).toMatch(/braces/);
    expect(chartTemplateProblem(`https://example.com/${'x'.repeat(600)}{symbol}`)).toMatch(/at most 512/);
    expect(chartTemplateProblem(42)).toMatch(/text/);
  });

  it('encodes the symbol so it can never change the path, query or host', () => {
    expect(buildChartUrl(DEFAULT_CHART_URL_TEMPLATE, 'OANDA:EUR_USD')).toBe(
      'https://www.tradingview.com/chart/?symbol=OANDA%3AEUR_USD',
    );
    expect(buildChartUrl('https://example.com/q/{symbol}', 'BRK/B.A')).toBe('https://example.com/q/BRK%2FB.A');
    // A symbol that would step up a path (or is no symbol at all) builds no link.
    for (const symbol of ['..', '.', 'A/..', 'A/./B', 'A/../../B?x=1#y', '=A1'])
      expect(buildChartUrl('https://example.com/q/{symbol}', symbol)).toBeNull();
    expect(buildChartUrl('http://example.com/{symbol}', 'AAPL')).toBeNull();
  });

  it('is a preference checked like every other', () => {
    expect(checkPreferencePatch({ chartUrlTemplate: 'https://example.com/{symbol}' }).ok).toBe(true);
    expect(checkPreferencePatch({ chartUrlTemplate: 'http://example.com/{symbol}' })).toEqual({
      ok: false,
      message: 'The chart link must start with https://',
    });
  });
});
