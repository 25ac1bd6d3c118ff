/**
 * The listeners of a store (the background's state, the clerk's payments), told of its news.
 * Each is told only while it is subscribed, and only of news from before it subscribed: a feature
 * mounted by one listener (the router's) subscribes as the news is being told, and has just drawn
 * from it; one taken down meanwhile is not told at all (its view is gone).
 */
export interface Listeners {
  add(listener: () => void): () => void;
  tell(): void;
  clear(): void;
}

export function createListeners(): Listeners {
  const set = new Set<() => void>();
  return {
    add(listener) {
      set.add(listener);
      return () => set.delete(listener);
    },
    tell() {
      for (const l of [...set]) if (set.has(l)) l();
    },
    clear: () => set.clear(),
  };
}
