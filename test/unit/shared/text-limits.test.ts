import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTER, CONTROL_CHARACTERS } from '../../../src/shared/text-limits';

describe('control characters', () => {
  it('are C0, DEL and C1, nothing printable', () => {
    for (const bad of ['\u0000', '\t', '\n', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(CONTROL_CHARACTER.test(`a${bad}b`), JSON.stringify(bad)).toBe(true);
    }
    for (const fine of ['plain text', 'Zürich · 東京 — €', '\u00a0', '\u200b']) {
      expect(CONTROL_CHARACTER.test(fine), fine).toBe(false);
    }
  });

  it('are all replaced, however many', () => {
    expect('a\u0000b\nc\u0085'.replace(CONTROL_CHARACTERS, '?')).toBe('a?b?c?');
    expect('\t\t'.replace(CONTROL_CHARACTERS, ' ')).toBe('  ');
  });
});
