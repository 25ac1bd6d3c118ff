/** A store's listeners (entrypoints/elaas.content/listeners.ts). */
import { describe, expect, it } from 'vitest';
import { createListeners } from '../../entrypoints/elaas.content/listeners';

describe("a store's listeners", () => {
  it('tell each subscriber, and not one that subscribes while they are told (it read the news itself)', () => {
    const listeners = createListeners();
    const told: string[] = [];
    listeners.add(() => {
      told.push('router');
      // The router mounts a feature as it hears the news; the feature draws from it at once.
      if (told.length === 1) listeners.add(() => told.push('feature'));
    });
    listeners.tell();
    expect(told).toEqual(['router']);
    listeners.tell();
    expect(told).toEqual(['router', 'router', 'feature']);
  });

  it('do not tell one taken off while they are told (its view is gone)', () => {
    const listeners = createListeners();
    const told: string[] = [];
    let off: () => void = () => {};
    listeners.add(() => {
      told.push('router');
      off(); // the router takes the feature down
    });
    off = listeners.add(() => told.push('feature'));
    listeners.tell();
    expect(told).toEqual(['router']);
  });

  it('tell none once cleared', () => {
    const listeners = createListeners();
    let told = 0;
    listeners.add(() => told++);
    listeners.clear();
    listeners.tell();
    expect(told).toBe(0);
  });
});
