import { describe, expect, it } from 'vitest';
import { stripMotion } from '../../../src/renderer/strip/strip-motion';

describe('stripMotion', () => {
  it('scrolls unless reduced motion is asked for or economy is in effect; then pages', () => {
    expect(stripMotion({ reducedMotion: false, economy: false })).toBe('scroll');
    expect(stripMotion({ reducedMotion: false, economy: true })).toBe('pages');
    expect(stripMotion({ reducedMotion: true, economy: false })).toBe('pages');
    expect(stripMotion({ reducedMotion: true, economy: true })).toBe('pages');
  });
});
