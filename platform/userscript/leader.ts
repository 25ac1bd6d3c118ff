/**
 * One tab polls e-LAAS for all the clerk's tabs of this site: the leader. Web Locks where the
 * browser has them (the lock is held until the tab closes, then the next waiting tab gets it);
 * otherwise (plain http:// hosts) a lease in localStorage that the leader renews and others take
 * over once it lapses.
 */
const LOCK = 'evw-voucher-watch-leader';
const LEASE_KEY = 'evw-voucher-watch-leader';
const LEASE_MS = 6_000;
const RENEW_MS = 2_000;

export interface Leadership {
  isLeader(): boolean;
  /** How this tab leads (or would): for the README and tests. */
  readonly mechanism: 'web-locks' | 'lease';
  /** Step down (the tab is going away): another tab may lead at once. */
  resign(): void;
}

function lease(onLead: () => void): Leadership {
  const me = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  let leading = false;
  const read = (): { id: string; until: number } | null => {
    try {
      const v = JSON.parse(localStorage.getItem(LEASE_KEY) ?? 'null') as {
        id?: unknown;
        until?: unknown;
      } | null;
      return v && typeof v.id === 'string' && typeof v.until === 'number'
        ? { id: v.id, until: v.until }
        : null;
    } catch {
      return null;
    }
  };
  const tick = () => {
    const now = Date.now();
    const current = read();
    if (!current || current.id === me || current.until < now) {
      localStorage.setItem(LEASE_KEY, JSON.stringify({ id: me, until: now + LEASE_MS }));
      // Two tabs may write at once: the one whose write stayed leads.
      const won = read()?.id === me;
      if (won && !leading) {
        leading = true;
        onLead();
      }
      leading = won;
    } else leading = false;
  };
  tick();
  const timer = setInterval(tick, RENEW_MS);
  const resign = () => {
    clearInterval(timer);
    leading = false;
    if (read()?.id === me) localStorage.removeItem(LEASE_KEY);
  };
  addEventListener('pagehide', resign, { once: true });
  return { isLeader: () => leading, mechanism: 'lease', resign };
}

export function electLeader(onLead: () => void): Leadership {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return lease(onLead);
  let leading = false;
  void locks.request(LOCK, () => {
    leading = true;
    onLead();
    // Held for the life of the tab.
    return new Promise<void>(() => undefined);
  });
  // The browser releases the lock when the tab closes.
  return { isLeader: () => leading, mechanism: 'web-locks', resign: () => undefined };
}
