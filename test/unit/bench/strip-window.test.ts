import { describe, expect, it } from 'vitest';
import { DISPLAY_WIDTH, STRIP_WINDOW, TALLEST_STRIP_WINDOW, viewportFor } from '../../../bench/browser/strip-window';
import { DEFAULT_PREFERENCES, PREFERENCE_RULES } from '../../../src/shared/preference-rules';
import { STRIP_VIEWPORT } from '../../e2e/harness/renderer-session';

describe('the strip window the benches measure', () => {
  it('is as tall as the height preference (its default; its maximum) and as wide as a common display', () => {
    expect(STRIP_WINDOW).toEqual({ width: DISPLAY_WIDTH, height: DEFAULT_PREFERENCES.height });
    expect(TALLEST_STRIP_WINDOW).toEqual({ width: DISPLAY_WIDTH, height: PREFERENCE_RULES.height.max });
    expect(DISPLAY_WIDTH).toBe(1920);
  });

  it('opens a viewport never shorter than the one headless Chromium draws at full rate, at the same width', () => {
    expect(viewportFor({ width: 1920, height: 32 })).toEqual({ width: 1920, height: STRIP_VIEWPORT.height });
    expect(viewportFor({ width: 2560, height: 20 })).toEqual({ width: 2560, height: STRIP_VIEWPORT.height });
    expect(viewportFor({ width: 1920, height: 200 })).toEqual({ width: 1920, height: 200 });
    expect(viewportFor(TALLEST_STRIP_WINDOW).height).toBe(Math.max(120, STRIP_VIEWPORT.height));
  });
});
