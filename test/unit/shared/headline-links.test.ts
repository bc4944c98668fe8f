import { describe, expect, it } from 'vitest';
import { isAppLink } from '../../../src/shared/external-links';
import { headlineLinkRule, headlineStripText, itemCompanyName, linkHost } from '../../../src/shared/headline-links';
import { shortCompanyName } from '../../../src/shared/symbol-context';

describe('headlines on the strip', () => {
  it('reads "SYMBOL · Source: headline"', () => {
    expect(headlineStripText({ symbol: 'AAPL', source: 'Reuters', headline: 'Apple ships a thing' })).toBe(
      'AAPL · Reuters: Apple ships a thing',
    );
    expect(headlineStripText({ symbol: 'MSFT', source: '', headline: 'No source' })).toBe('MSFT · No source');
  });

  it('shows the host of https links only', () => {
    expect(linkHost('https://www.reuters.com/markets/apple')).toBe('www.reuters.com');
    expect(linkHost('http://example.com/a')).toBeNull();
    expect(linkHost('https://user:pw@example.com/a')).toBeNull();
    expect(linkHost('javascript:alert(1)')).toBeNull();
  });

  it('the checked link path opens exactly the headlines Ticker holds, nothing else on their sites', () => {
    const held = [{ url: 'https://example.com/news/1' }];
    const rules = [headlineLinkRule(() => held)];
    expect(isAppLink('https://example.com/news/1', rules)).toBe(true);
    expect(isAppLink('https://example.com/news/2', rules)).toBe(false);
    expect(isAppLink('http://example.com/news/1', rules)).toBe(false);
    held.length = 0;
    expect(isAppLink('https://example.com/news/1', rules)).toBe(false);
  });
});

describe('company names on strip items', () => {
  it('off, short or full', () => {
    expect(itemCompanyName('Apple Inc', 'AAPL', 'off')).toBeNull();
    expect(itemCompanyName('Apple Inc', 'AAPL', 'short')).toBe('Apple');
    expect(itemCompanyName('Apple Inc', 'AAPL', 'full')).toBe('Apple Inc');
    expect(itemCompanyName(null, 'AAPL', 'full')).toBeNull();
    // A pair's readable name is already on the item.
    expect(itemCompanyName('BTC/USDT', 'BINANCE:BTCUSDT', 'full')).toBeNull();
  });

  it('short names drop the legal form only at the end', () => {
    expect(shortCompanyName('Microsoft Corp')).toBe('Microsoft');
    expect(shortCompanyName('ALPHABET INC-CL A')).toBe('ALPHABET');
    expect(shortCompanyName('Amazon.com Inc')).toBe('Amazon.com');
    expect(shortCompanyName('Coca-Cola Co')).toBe('Coca-Cola');
    expect(shortCompanyName('Incyte Corp')).toBe('Incyte');
    expect(shortCompanyName('Inc')).toBe('Inc');
  });
});
