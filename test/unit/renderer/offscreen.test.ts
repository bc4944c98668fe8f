import { describe, it, expect } from 'vitest';
import { isOffscreen, OFFSCREEN_ATTRIBUTE, REVEAL_EVENT, setOffscreen } from '../../../src/renderer/strip/offscreen';

/** Just enough of an Element: attributes and events (Node 20 has EventTarget and Event). */
class FakeItem extends EventTarget {
  readonly attributes = new Set<string>();
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  toggleAttribute(name: string, force: boolean): boolean {
    if (force) this.attributes.add(name);
    else this.attributes.delete(name);
    return force;
  }
}

function item() {
  const fake = new FakeItem();
  const reveals: string[] = [];
  fake.addEventListener(REVEAL_EVENT, (event) => reveals.push(event.type));
  return { element: fake as unknown as Element, fake, reveals };
}

describe('setOffscreen', () => {
  it('marks an item offscreen with the attribute the CSS keys on', () => {
    const { element, fake } = item();
    setOffscreen(element, true);
    expect(fake.attributes.has(OFFSCREEN_ATTRIBUTE)).toBe(true);
    expect(isOffscreen(element)).toBe(true);
  });

  it('tells the item once when it comes back, and only then', () => {
    const { element, reveals } = item();
    setOffscreen(element, false);
    expect(reveals).toEqual([]);
    setOffscreen(element, true);
    setOffscreen(element, true);
    setOffscreen(element, false);
    setOffscreen(element, false);
    expect(reveals).toEqual([REVEAL_EVENT]);
    expect(isOffscreen(element)).toBe(false);
  });

  it('treats a missing element as on screen', () => {
    expect(isOffscreen(null)).toBe(false);
  });
});
