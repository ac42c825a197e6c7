import { describe, expect, it } from 'vitest';
import { Tries } from './tries';

describe('the tries of one in-page rewrite', () => {
  it('shows each new try at once and keeps the earlier ones to step back to', () => {
    const tries = new Tries();
    const first = tries.add(null);
    first.text = 'First try.';
    tries.add('warmer');
    expect(tries.label()).toBe('Try 2 of 2 · Warmer');
    tries.step(-1);
    expect(tries.current()?.text).toBe('First try.');
    expect(tries.label()).toBe('Try 1 of 2');
  });

  it('never steps before the first try or past the last', () => {
    const tries = new Tries();
    tries.add(null);
    tries.add('shorter');
    expect(tries.canStep(1)).toBe(false);
    tries.step(5);
    expect(tries.shown).toBe(1);
    tries.step(-5);
    expect(tries.shown).toBe(0);
    expect(tries.canStep(-1)).toBe(false);
    expect(tries.canStep(1)).toBe(true);
  });

  it('gives every try an id of its own, without crypto.randomUUID, which plain-http pages lack', () => {
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const tries = new Tries();
      const ids = [tries.add(null).id, tries.add('warmer').id];
      expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
      expect(ids[1]).not.toBe(ids[0]);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
