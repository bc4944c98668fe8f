import { describe, it, expect } from 'vitest';
import {
  isOffscreen,
  OFFSCREEN_ATTRIBUTE,
  REVEAL_EVENT,
  setOffscreen,
  subscribeWhenNear,
} from '../../../src/renderer/strip/offscreen';

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

describe('subscribeWhenNear', () => {
  /** A store of one value with listeners, like QuoteStore.subscribeSymbol. */
  function source() {
    const listeners = new Set<() => void>();
    return {
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      change: () => listeners.forEach((listener) => listener()),
      listeners,
    };
  }

  it('passes changes through while the item is near the viewport', () => {
    const { element } = item();
    const changes = source();
    const reasons: string[] = [];
    subscribeWhenNear(element, changes.subscribe, (reason) => reasons.push(reason));
    changes.change();
    changes.change();
    expect(reasons).toEqual(['change', 'change']);
  });

  it('holds changes while offscreen and catches up once when revealed, before anything else changes', () => {
    const { element } = item();
    const changes = source();
    const reasons: string[] = [];
    subscribeWhenNear(element, changes.subscribe, (reason) => reasons.push(reason));
    setOffscreen(element, true);
    changes.change();
    changes.change();
    expect(reasons).toEqual([]);
    setOffscreen(element, false);
    expect(reasons).toEqual(['reveal']);
    setOffscreen(element, true);
    setOffscreen(element, false);
    expect(reasons).toEqual(['reveal']);
  });

  it('passes everything through without an element, and unsubscribes from both the source and the reveals', () => {
    const changes = source();
    let calls = 0;
    subscribeWhenNear(null, changes.subscribe, () => (calls += 1));
    changes.change();
    expect(calls).toBe(1);

    const { element } = item();
    const other = source();
    const unsubscribe = subscribeWhenNear(element, other.subscribe, () => (calls += 1));
    setOffscreen(element, true);
    other.change();
    unsubscribe();
    setOffscreen(element, false);
    expect(other.listeners.size).toBe(0);
    expect(calls).toBe(1);
  });
});
