/** The extension's host: the background service worker (Chrome) or event page (Firefox). */
import { browser } from 'wxt/browser';
import type { Lang } from '../../core/dates';
import { asCatalog, catalogFile } from '../../core/i18n';
import type { Host, TabRef } from '../host';
import { now } from './clock';
import { loadSettings, saveUserSettings } from './settings-store';

const refs = (tabs: { id?: number; url?: string }[]): TabRef[] =>
  tabs.flatMap((t) => (t.id === undefined ? [] : [{ id: t.id, url: t.url }]));

/** Each catalog is read from the package once per background lifetime. */
const catalogReads = new Map<Lang, Promise<Readonly<Record<string, string>>>>();

async function readCatalog(lang: Lang): Promise<Readonly<Record<string, string>>> {
  // Written by a build hook, so WXT's list of public paths (made before the build) lacks it.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${catalogFile(lang)}`);
  const response = await fetch(url);
  const catalog = asCatalog(await response.json());
  if (!catalog) throw new Error(`the ${lang} catalog in the package is unreadable`);
  return catalog;
}

export const extensionHost: Host = {
  now,
  /**
   * The catalogs are data: shipped as JSON files in the package (wxt.config.ts writes them from
   * core/i18n.ts) and read from there, so the background does not carry ~8 KB of text as code.
   */
  catalog(lang) {
    let read = catalogReads.get(lang);
    if (!read) {
      read = readCatalog(lang);
      catalogReads.set(lang, read);
      read.catch(() => catalogReads.delete(lang));
    }
    return read;
  },
  kv: {
    get: async (key) => (await browser.storage.local.get(key))[key],
    set: (values) => browser.storage.local.set(values),
    remove: (keys) => browser.storage.local.remove(keys),
  },
  loadSettings,
  saveUserSettings,
  async setTimer(name, delayMs, periodMinutes) {
    if (delayMs === null) await browser.alarms.clear(name);
    // Alarms run on the real clock; the testing clock only shifts "now", so set them by delay.
    else
      await browser.alarms.create(name, {
        when: Date.now() + Math.max(0, delayMs),
        periodInMinutes: periodMinutes,
      });
  },
  hasTimer: async (name) => Boolean(await browser.alarms.get(name)),
  /**
   * Match patterns cannot carry a port in Firefox, so ask by scheme and host and compare origins
   * here (host permissions let us read those tabs' URLs).
   */
  async tabsOf(origin) {
    const { protocol, hostname } = new URL(origin);
    const tabs = await browser.tabs.query({ url: `${protocol}//${hostname}/*` });
    return refs(
      tabs.filter((tab) => {
        try {
          return tab.url !== undefined && new URL(tab.url).origin === origin;
        } catch {
          return false;
        }
      }),
    );
  },
  // Tabs we may not read have no URL and are skipped.
  allTabs: async () => refs((await browser.tabs.query({})).filter((t) => t.url?.startsWith('http'))),
  sendToTab: (id, message) => browser.tabs.sendMessage(id, message),
  openTab: async (url) => void (await browser.tabs.create({ url })),
  openOptions: () => browser.runtime.openOptionsPage(),
  async badge(look) {
    const action = browser.action;
    if (!action) return;
    await action.setBadgeText({ text: look.text });
    await action.setBadgeBackgroundColor({ color: look.color });
    await action.setTitle({ title: look.title });
  },
  notifications: {
    async allowed() {
      // Without the permission Firefox does not even expose the API.
      if (!browser.notifications) return false;
      try {
        return await browser.permissions.contains({ permissions: ['notifications'] });
      } catch {
        return false;
      }
    },
    async show(id, title, message) {
      await browser.notifications.create(id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      });
    },
    clear: async (id) => void (await browser.notifications.clear(id)),
  },
  ownId: () => browser.runtime.id,
  ownPagesUrl: () => browser.runtime.getURL('/'),
};
