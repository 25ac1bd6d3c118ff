/**
 * The background's view of settings: user values from storage.local, admin values from
 * storage.managed. Chrome answers storage.managed slowly (3–5 s after start) and on a fresh
 * force-install first with {} and then via onChanged, so the last policy seen is cached in
 * storage.local and used until the real answer arrives.
 */
import { browser } from 'wxt/browser';
import { type ResolvedSettings, resolveSettings } from '../../core/settings';
import { STORAGE_KEYS } from './transport';

let managedRead: Promise<unknown> | null = null;

/**
 * Testing builds: storage.local `devPolicy`, when set, stands for storage.managed (end-to-end tests
 * other than the policy suite set a policy that way; the store build compiles this branch away).
 */
export const DEV_POLICY = 'devPolicy';

async function readManaged(): Promise<unknown> {
  try {
    if (import.meta.env.MODE === 'testing') {
      const dev = (await browser.storage.local.get(DEV_POLICY))[DEV_POLICY];
      if (dev !== undefined) return dev;
    }
    return await browser.storage.managed.get();
  } catch {
    // Firefox throws when no policy is set for us: that simply means "no policy".
    return {};
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Read the policy in the background and refresh the cache; resolves once it is known. */
export function refreshPolicy(): Promise<unknown> {
  if (managedRead) return managedRead;
  const read: Promise<unknown> = readManaged().then(async (managed) => {
    const cached = (await browser.storage.local.get(STORAGE_KEYS.policyCache))[STORAGE_KEYS.policyCache];
    // A read the policy changed under (storage.managed answers slowly, 3–5 s in Chrome) must not
    // write its older answer over the newer read's.
    if (managedRead === read && !sameJson(cached ?? {}, managed)) {
      await browser.storage.local.set({ [STORAGE_KEYS.policyCache]: managed });
    }
    return managed;
  });
  managedRead = read;
  return read;
}

/** Forget the policy read so the next refresh asks storage.managed again. */
export function policyChanged(): void {
  managedRead = null;
  void refreshPolicy();
}

export async function loadSettings(): Promise<ResolvedSettings> {
  void refreshPolicy();
  const stored = await browser.storage.local.get([STORAGE_KEYS.userSettings, STORAGE_KEYS.policyCache]);
  return resolveSettings(stored[STORAGE_KEYS.userSettings], stored[STORAGE_KEYS.policyCache]);
}

export async function saveUserSettings(patch: Record<string, unknown>): Promise<void> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.userSettings);
  const current = stored[STORAGE_KEYS.userSettings];
  const base = typeof current === 'object' && current !== null ? current : {};
  await browser.storage.local.set({ [STORAGE_KEYS.userSettings]: { ...base, ...patch } });
}
