import { describe, expect, it } from 'vitest';
import { stripMotion } from '../../../src/renderer/strip/strip-motion';
import { PREFERENCE_RULES } from '../../../src/shared/preference-rules';

describe('stripMotion', () => {
  const defaults = { scrollStyle: 'scroll', economyStyle: 'pages' } as const;

  it('scrolls unless reduced motion is asked for or economy is in effect; then pages', () => {
    expect(stripMotion({ reducedMotion: false, economy: false, ...defaults })).toBe('scroll');
    expect(stripMotion({ reducedMotion: false, economy: true, ...defaults })).toBe('pages');
    expect(stripMotion({ reducedMotion: true, economy: false, ...defaults })).toBe('pages');
    expect(stripMotion({ reducedMotion: true, economy: true, ...defaults })).toBe('pages');
  });

  it('glides where the user chose it: on mains power as the scroll style, or in economy', () => {
    expect(stripMotion({ reducedMotion: false, economy: false, scrollStyle: 'glide', economyStyle: 'pages' })).toBe(
      'glide',
    );
    expect(stripMotion({ reducedMotion: false, economy: true, scrollStyle: 'glide', economyStyle: 'pages' })).toBe(
      'pages',
    );
    expect(stripMotion({ reducedMotion: false, economy: true, scrollStyle: 'scroll', economyStyle: 'glide' })).toBe(
      'glide',
    );
  });

  it('pages with reduced motion whatever the styles say', () => {
    for (const scrollStyle of PREFERENCE_RULES.scrollStyle.values)
      for (const economyStyle of PREFERENCE_RULES.economyStyle.values)
        for (const economy of [false, true])
          expect(stripMotion({ reducedMotion: true, economy, scrollStyle, economyStyle })).toBe('pages');
  });
});
