import { describe, expect, it } from 'vitest';
import { economyExplanation, economyState, isEconomyState } from '../../../src/shared/economy';
import { PREFERENCE_RULES } from '../../../src/shared/preference-rules';

describe('economyState', () => {
  it.each([
    ['never', false, false],
    ['never', true, false],
    ['on-battery', false, false],
    ['on-battery', true, true],
    ['always', false, true],
    ['always', true, true],
  ] as const)('%s, on battery %s → in effect %s', (mode, onBattery, active) => {
    expect(economyState(mode, onBattery)).toEqual({ active, mode, onBattery });
  });
});

describe('economyExplanation', () => {
  it('says whether economy is in effect and why, for every mode and power source', () => {
    const lines = PREFERENCE_RULES.economy.values.flatMap((mode) =>
      [false, true].map((onBattery) => economyExplanation(economyState(mode, onBattery))),
    );
    expect(lines).toEqual([
      'Off: the strip moves as Motion says.',
      'Off: the strip moves as Motion says.',
      'Off now: this computer runs on mains power (or does not say), so the strip moves as Motion says.',
      'On now: this computer runs on battery power, so the strip shows a page at a time.',
      'On: the strip shows a page at a time instead of scrolling.',
      'On: the strip shows a page at a time instead of scrolling.',
    ]);
  });

  it('names the economical motion the user chose', () => {
    expect(economyExplanation(economyState('always', false), 'glide')).toBe(
      'On: the strip glides a step every few seconds instead of scrolling.',
    );
    expect(economyExplanation(economyState('on-battery', true), 'glide')).toBe(
      'On now: this computer runs on battery power, so the strip glides a step every few seconds.',
    );
  });
});

describe('isEconomyState', () => {
  it('accepts what main sends and refuses anything else', () => {
    expect(isEconomyState(economyState('on-battery', true))).toBe(true);
    for (const bad of [
      null,
      'on',
      {},
      { active: 'yes', mode: 'always', onBattery: false },
      { active: true, mode: 'sometimes', onBattery: false },
      { active: true, mode: 'always' },
    ])
      expect(isEconomyState(bad), JSON.stringify(bad)).toBe(false);
  });
});
