/** A small seeded random generator (mulberry32), so runs repeat exactly from a seed. */
export interface Random {
  next(): number;
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  state(): number;
}

export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    state: () => s,
  };
}
