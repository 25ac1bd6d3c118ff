/**
 * The userscript manager's API (Tampermonkey, Violentmonkey), as far as we use it. The build's
 * @grant lines list exactly these (vite.userscript.config.ts). Read from the globals the manager
 * gives the script, so tests can stand in for them.
 */
export interface Gm {
  getValue(key: string): unknown;
  setValue(key: string, value: unknown): void;
  deleteValue(key: string): void;
  /** Missing where the manager does not grant it: the in-page toast stands in. */
  notification:
    | ((details: { title: string; text: string; onclick?: () => void; timeout?: number }) => void)
    | null;
}

export const GRANTS = [
  'GM_getValue',
  'GM_setValue',
  'GM_deleteValue',
  'GM_notification',
  'unsafeWindow',
] as const;

type Fn = (...args: unknown[]) => unknown;

export function gm(): Gm {
  const g = globalThis as unknown as Record<string, Fn | undefined>;
  const need = (name: string): Fn => {
    const f = g[name];
    if (typeof f !== 'function') throw new Error(`the userscript manager did not grant ${name}`);
    return f;
  };
  const getValue = need('GM_getValue');
  const setValue = need('GM_setValue');
  const deleteValue = need('GM_deleteValue');
  const notification = g.GM_notification;
  return {
    getValue: (key) => getValue(key),
    setValue: (key, value) => void setValue(key, value),
    deleteValue: (key) => void deleteValue(key),
    notification: typeof notification === 'function' ? (details) => void notification(details) : null,
  };
}
