/**
 * One interface over two drivers: playwright-core for Chromium, puppeteer-core over WebDriver
 * BiDi for Firefox ESR. Tests are written once and run in both real browsers with the built
 * extension loaded.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import {
  type BrowserName,
  browserPath,
  CHROME_BUILD,
  CHROME_STORE_BUILD,
  FIREFOX_BUILD,
  FIREFOX_STORE_BUILD,
  FIREFOX_UUID,
  GECKO_ID,
  tmpDir,
} from './env';
import { startLaunchpad } from './launchpad';

/** A function evaluated in the browser: passed as source, so it must not close over anything. */
type InPage<A, R> = (arg: A) => R | Promise<R>;

export interface TestPage {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  evaluate<A, R>(fn: InPage<A, R>, arg: A): Promise<R>;
  /** Wait until `fn(arg)` is truthy in the page, and return its value. */
  waitFor<A, R>(fn: InPage<A, R>, arg: A, timeoutMs?: number): Promise<R>;
  /** Click the first element matching `selector` inside the open shadow root of `host`. */
  clickInShadow(host: string, selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Console messages the page printed so far (our content script logs with a prefix). */
  logs(): string[];
  /** The whole viewport, or just the element `selector` finds. */
  screenshot(path: string, selector?: string): Promise<void>;
  /** Run a script's source in the page (a tool, e.g. axe-core); not subject to the page's CSP. */
  evaluateSource(source: string): Promise<void>;
  /** Run a script's source in each document this page loads from now on, before the page's own scripts. */
  onNewDocument(source: string): Promise<void>;
  /** Do `action` (a click) and return the file the page downloads: its name and text. */
  download(action: () => Promise<void>): Promise<{ name: string; text: string }>;
  /** Choose a file in an `<input type="file">`. */
  upload(selector: string, path: string): Promise<void>;
  /** Emulate the system's dark mode (Chromium; Firefox's BiDi has no such switch: null). */
  emulateDark: (() => Promise<void>) | null;
  /** The size of the page's window (a projector's 1280×720, a 1920×1080 screen). */
  resize(width: number, height: number): Promise<void>;
  /** Lay the page out for printing (Chromium; null in Firefox). */
  emulatePrint: (() => Promise<void>) | null;
  close(): Promise<void>;
}

export interface Session {
  name: BrowserName;
  /** chrome-extension://ID or moz-extension://UUID */
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Open one of the extension's pages (`options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** Evaluate in an extension page (storage, runtime): one kept open for the session. */
  inExtension<A, R>(fn: InPage<A, R>, arg: A): Promise<R>;
  /**
   * Chromium: stop the extension's service worker now, as Chrome does when it idles; resolves once
   * Chrome reports it stopped (the next event starts it again).
   */
  stopBackground?(): Promise<void>;
  /** Chromium: what the extension's service worker printed (warnings, errors), for failure messages. */
  backgroundLogs?(): string[];
  close(): Promise<void>;
}

/** What the page showed when a wait timed out: its address and what our panel said. */
function pageState(): string {
  const root = document.querySelector('evw-panel')?.shadowRoot;
  const panel = root
    ? Array.from(root.children, (c) => (c.tagName === 'STYLE' ? '' : (c.textContent ?? ''))).join(' ')
    : '(no panel)';
  return `${location.href}\n  panel: ${panel.replace(/\s+/g, ' ').trim().slice(0, 600)}`;
}

/**
 * A wait that timed out says where the page was, what our panel showed and the page's last
 * console lines (our content script's among them): a failure in CI is then read, not guessed.
 */
async function explained<R>(
  wait: () => Promise<R>,
  state: () => Promise<string>,
  logs: string[],
): Promise<R> {
  try {
    return await wait();
  } catch (error) {
    if (!(error instanceof Error) || !/timeout|exceeded/i.test(`${error.name} ${error.message}`)) throw error;
    const shown = await Promise.race([
      state().catch((e: unknown) => `(page not readable: ${String(e)})`),
      new Promise<string>((r) => setTimeout(() => r('(page did not answer)'), 2_000)),
    ]);
    error.message += `\n  at ${shown}\n  console:\n    ${logs.slice(-15).join('\n    ') || '(nothing)'}`;
    throw error;
  }
}

function wrapPlaywright(page: PwPage): TestPage {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  return {
    logs: () => [...logs],
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, timeoutMs = 10_000) =>
      explained(
        async () =>
          (await (await page.waitForFunction(fn as never, arg, { timeout: timeoutMs })).jsonValue()) as never,
        () => page.evaluate(pageState),
        logs,
      ),
    clickInShadow: (host, selector) => page.locator(host).locator(selector).first().click(),
    click: (selector) => page.locator(selector).first().click(),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path, selector) =>
      void (await (selector
        ? page.locator(selector).first().screenshot({ path })
        : page.screenshot({ path }))),
    evaluateSource: async (source) => void (await page.evaluate(source)),
    onNewDocument: async (source) => void (await page.addInitScript({ content: source })),
    async download(action) {
      const [file] = await Promise.all([page.waitForEvent('download'), action()]);
      return { name: file.suggestedFilename(), text: readFileSync((await file.path()) as string, 'utf8') };
    },
    upload: (selector, path) => page.locator(selector).setInputFiles(path),
    emulateDark: () => page.emulateMedia({ colorScheme: 'dark' }),
    emulatePrint: () => page.emulateMedia({ media: 'print' }),
    resize: (width, height) => page.setViewportSize({ width, height }),
    close: () => page.close(),
  };
}

/** Firefox saves downloads here without asking (see the prefs below); one folder per session. */
async function nextDownload(dir: string, before: Set<string>): Promise<string> {
  const size = (name: string) => {
    try {
      return statSync(join(dir, name)).size;
    } catch {
      return -1; // renamed meanwhile (Firefox writes under a temporary name first)
    }
  };
  let seen = '';
  let lastSize = -1;
  for (let i = 0; i < 150; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const files = readdirSync(dir);
    const name = files.find((f) => !before.has(f) && !f.endsWith('.part')) ?? '';
    const now = name ? size(name) : -1;
    // Done when the same file has kept the same size for one more look, and Firefox is no longer
    // writing it: it puts an empty file under the final name first and fills `<name>.part` (a
    // test once read that empty file).
    const writing = files.some((f) => f.endsWith('.part'));
    if (name && name === seen && now > 0 && now === lastSize && !writing) return name;
    seen = name;
    lastSize = now;
  }
  throw new Error(`no download appeared in ${dir}`);
}

function wrapPuppeteer(page: PpPage, downloads: string): TestPage {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  return {
    logs: () => [...logs],
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, timeoutMs = 10_000) =>
      explained(
        async () =>
          (await (
            await page.waitForFunction(
              fn as (a: unknown) => unknown,
              { timeout: timeoutMs, polling: 100 },
              arg,
            )
          ).jsonValue()) as never,
        () => page.evaluate(pageState),
        logs,
      ),
    clickInShadow: async (host, selector) => {
      // The overlay may re-mount itself once the SPA has drawn its content area: retry a click
      // that found the element just before it moved (playwright does this by itself).
      for (let attempt = 0; ; attempt++) {
        const handle = await page.waitForSelector(`${host} >>> ${selector}`, { timeout: 10_000 });
        if (!handle) throw new Error(`${host} >>> ${selector} not found`);
        try {
          await handle.click();
          return;
        } catch (error) {
          if (attempt >= 3 || !String(error).includes('detached')) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    },
    click: async (selector) => {
      const handle = await page.waitForSelector(selector, { timeout: 10_000 });
      if (!handle) throw new Error(`${selector} not found`);
      await handle.click();
    },
    press: (key) => page.keyboard.press(key as never),
    async screenshot(path, selector) {
      const target = selector ? await page.waitForSelector(selector, { timeout: 10_000 }) : page;
      await (target as PpPage).screenshot({ path });
    },
    evaluateSource: async (source) => void (await page.evaluate(source)),
    onNewDocument: async (source) => void (await page.evaluateOnNewDocument(source)),
    async download(action) {
      const before = new Set(readdirSync(downloads));
      await action();
      const name = await nextDownload(downloads, before);
      return { name, text: readFileSync(join(downloads, name), 'utf8') };
    },
    async upload(selector, path) {
      const input = await page.waitForSelector(selector, { timeout: 10_000 });
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
    },
    emulateDark: null,
    emulatePrint: null,
    resize: (width, height) => page.setViewport({ width, height }),
    close: () => page.close(),
  };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * How a browser is started: from its usual path with the build loaded by the test, or (the
 * policy tests) through a wrapper that gives it its own /etc, with the extension force-installed
 * by that policy.
 */
export interface LaunchOptions {
  executablePath?: string;
  /**
   * The extension comes from policy (this is its Chrome ID; Firefox's is pinned): nothing is
   * loaded by the test. The browser installs it shortly after start; see policy.ts.
   */
  forceInstalled?: string;
  /** Run in every page before its own scripts (the userscript tests: GM stand-ins and the script). */
  initScript?: string;
  /** Chromium: this profile folder, kept on close (a browser restart is a new launch with it). */
  profileDir?: string;
}

/** Real Chromium with a build loaded (or none): the raw context, for tests and benchmarks. */
export async function chromiumContext(
  build: string | null,
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; extensionOrigin: string; close(): Promise<void> }> {
  const profile = options.profileDir ?? tmpDir('chromium-');
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: options.executablePath ?? browserPath('chromium'),
    headless: true,
    locale: 'th-TH',
    viewport: { width: 1280, height: 800 },
    // Playwright turns extensions off unless one is loaded by flag; policy installs need them on.
    // The extension updater, which fetches a force-installed extension, is background networking.
    ...(options.forceInstalled
      ? { ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'] }
      : {}),
    args: build
      ? [...CHROMIUM_ARGS, `--disable-extensions-except=${build}`, `--load-extension=${build}`]
      : options.forceInstalled
        ? CHROMIUM_ARGS.filter((a) => a !== '--disable-background-networking')
        : CHROMIUM_ARGS,
  });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  let extensionOrigin = options.forceInstalled ? `chrome-extension://${options.forceInstalled}` : '';
  if (build) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker');
    extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  }
  const close = async () => {
    await context.close();
    if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
  };
  return { context, extensionOrigin, close };
}

async function launchChromium(build: string | null, options: LaunchOptions = {}): Promise<Session> {
  const { context, extensionOrigin, close } = await chromiumContext(build, options);
  let extPage: TestPage | null = null;
  const workerLogs: string[] = [];
  const listen = (worker: {
    on(e: 'console', l: (m: { type(): string; text(): string }) => void): unknown;
  }) => worker.on('console', (m) => workerLogs.push(`${m.type()}: ${m.text()}`));
  for (const worker of context.serviceWorkers()) listen(worker);
  context.on('serviceworker', listen);
  const openExtensionPage = async (path: string) => {
    const page = wrapPlaywright(await context.newPage());
    await page.goto(`${extensionOrigin}/${path}`);
    return page;
  };
  return {
    name: 'chromium',
    extensionOrigin,
    newPage: async () => wrapPlaywright(await context.newPage()),
    openExtensionPage,
    async inExtension(fn, arg) {
      extPage ??= await openExtensionPage('options.html');
      return extPage.evaluate(fn, arg);
    },
    backgroundLogs: () => [...workerLogs],
    async stopBackground() {
      // From one of the extension's own pages, whose service worker is the extension's. (Chrome
      // keeps the worker's target across a stop, so Playwright's Worker sees no 'close'.)
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/popup.html`);
      const cdp = await context.newCDPSession(page);
      const stopped = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the service worker did not stop')), 10_000);
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          if (
            versions.some((v) => v.scriptURL.startsWith(extensionOrigin) && v.runningStatus === 'stopped')
          ) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
      await page.close();
    },
    close,
  };
}

async function launchFirefox(build: string | null, options: LaunchOptions = {}): Promise<Session> {
  const downloads = tmpDir('firefox-downloads-');
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath ?? browserPath('firefox'),
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'intl.accept_languages': 'th-TH, th, en',
      // Optional permissions (notifications) are granted without the doorhanger automation
      // cannot click; the request itself still goes through the real API from a real click.
      'extensions.webextOptionalPermissionPrompts': false,
      // Downloads (the options page's exports) go straight to a folder the test reads.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      // ESR installs an unsigned add-on from policy only with this (release Firefox never does).
      ...(options.forceInstalled ? { 'xpinstall.signatures.required': false } : {}),
    },
  });
  if (build) await browser.installExtension(build);
  const extensionOrigin = build || options.forceInstalled ? `moz-extension://${FIREFOX_UUID}` : '';
  const launchpad = await startLaunchpad();
  // BiDi will not navigate to moz-extension:// URLs; a 127.0.0.1 page may (testing builds make
  // extension pages web-accessible there), and puppeteer then evaluates in the extension page.
  const openExtensionPage = async (path: string) => {
    const raw = await browser.newPage();
    await raw.goto(launchpad.url);
    await raw.evaluate((url) => {
      location.href = url;
    }, `${extensionOrigin}/${path}`);
    await raw.waitForFunction(
      () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
      {
        timeout: 10_000,
        polling: 50,
      },
    );
    return wrapPuppeteer(raw, downloads);
  };
  let extPage: TestPage | null = null;
  return {
    name: 'firefox',
    extensionOrigin,
    async newPage() {
      const page = await browser.newPage();
      if (options.initScript) await page.evaluateOnNewDocument(options.initScript);
      return wrapPuppeteer(page, downloads);
    },
    openExtensionPage,
    async inExtension(fn, arg) {
      extPage ??= await openExtensionPage('options.html');
      return extPage.evaluate(fn, arg);
    },
    async close() {
      await browser.close();
      await launchpad.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * Launch a real browser with the extension loaded: the testing build unless `store` is asked for;
 * `none` gives a plain browser (the simulator's own tests and screenshots).
 */
export function launch(
  name: BrowserName,
  build: 'testing' | 'store' | 'none' = 'testing',
  options: LaunchOptions = {},
): Promise<Session> {
  if (options.forceInstalled || build === 'none') {
    return name === 'chromium' ? launchChromium(null, options) : launchFirefox(null, options);
  }
  if (name === 'chromium') {
    return launchChromium(build === 'store' ? CHROME_STORE_BUILD : CHROME_BUILD, options);
  }
  return launchFirefox(build === 'store' ? FIREFOX_STORE_BUILD : FIREFOX_BUILD);
}

export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];
