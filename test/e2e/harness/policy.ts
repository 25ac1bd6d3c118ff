/**
 * Real enterprise policy for a real browser, without touching the machine: each browser runs in
 * a private mount namespace (`unshare --mount`) in which a folder of ours is bind-mounted where
 * the browser reads policy: Debian Chromium's /etc/chromium (policies/managed/*.json) and
 * Firefox ESR's /usr/lib/firefox-esr/distribution (policies.json). Only that browser process
 * and its children see the mount; it ends with them.
 *
 * The extension comes the way an organisation ships it: a CRX3 from `npm run package`'s code
 * with an update manifest (Chromium), an XPI by install_url (Firefox), both file:// URLs.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newSigningKey, updatesXml } from '../../../scripts/crx3';
import { firefoxXpi, selfHostedCrx } from '../../../scripts/package-lib';
import { type BrowserName, browserPath, CHROME_BUILD, FIREFOX_BUILD, GECKO_ID, TMP, tmpDir } from './env';
import { launch, type Session } from './session';

export interface PolicyBrowser {
  session: Session;
  /** The Chrome extension ID (from the throwaway key) or the gecko ID. */
  id: string;
  /** Replace the extension's managed settings (3rdparty) in the policy file. */
  setExtensionPolicy(values: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** Where each browser reads policy, and the file in it we write. */
const POLICY_HOME: Record<BrowserName, { dir: string; file: string }> = {
  chromium: { dir: '/etc/chromium', file: 'policies/managed/elaas-voucher-watch.json' },
  firefox: { dir: '/usr/lib/firefox-esr/distribution', file: 'policies.json' },
};

function policyFile(
  name: BrowserName,
  id: string,
  install: string,
  values: Record<string, unknown>,
): unknown {
  if (name === 'chromium') {
    return {
      ExtensionSettings: { [id]: { installation_mode: 'force_installed', update_url: install } },
      '3rdparty': { extensions: { [id]: values } },
      // By default Chromium keeps DevTools (and so the test driver) out of force-installed
      // extensions' pages and workers; an organisation would leave this unset.
      DeveloperToolsAvailability: 1,
    };
  }
  return {
    policies: {
      ExtensionSettings: { [id]: { installation_mode: 'force_installed', install_url: install } },
      '3rdparty': { Extensions: { [id]: values } },
    },
  };
}

/** A script that starts the browser with our folder mounted over its policy folder. */
function wrapper(dir: string, name: BrowserName, mounted: string): string {
  const path = join(dir, `${name}-with-policy.sh`);
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      `# ${name} with its own ${POLICY_HOME[name].dir} (a private mount namespace; the machine's is untouched).`,
      `exec unshare --mount --propagation private /bin/sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' \\`,
      `  sh '${mounted}' '${POLICY_HOME[name].dir}' '${browserPath(name)}' "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return path;
}

/** The browser installs a force-installed extension a few seconds after it starts. */
async function waitForInstall(session: Session): Promise<void> {
  const end = Date.now() + 30_000;
  for (;;) {
    try {
      // The options page opening with the extension's API in it proves the extension is in.
      const page = await session.openExtensionPage('options.html');
      const id = await page.evaluate(
        () => (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id,
        null,
      );
      await page.close();
      if (id) return;
    } catch (error) {
      if (Date.now() > end)
        throw new Error(`the browser did not install the extension from policy: ${error}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Start `name` force-installing the testing build (it runs on the simulator's 127.0.0.1) with
 * `values` as the organisation's settings for it.
 */
export async function launchWithPolicy(
  name: BrowserName,
  values: Record<string, unknown>,
): Promise<PolicyBrowser> {
  if (!existsSync(POLICY_HOME[name].dir)) {
    throw new Error(
      `${POLICY_HOME[name].dir} is missing: is Debian's ${name} package installed? (Tests never create it.)`,
    );
  }
  const dir = tmpDir(`policy-${name}-`);
  const mounted = join(dir, 'mounted');
  // Keep what the package put there (master_preferences, search plugins). Firefox's folder is a
  // symlink: copy what it points at, never the link, or our writes would land in the real one.
  cpSync(realpathSync(POLICY_HOME[name].dir), mounted, { recursive: true, dereference: true });
  if (lstatSync(mounted).isSymbolicLink() || !realpathSync(mounted).startsWith(realpathSync(TMP))) {
    throw new Error(`refusing to write policy outside ${TMP}`);
  }

  let id: string;
  let install: string;
  if (name === 'chromium') {
    const updates = pathToFileURL(join(dir, 'updates.xml')).href;
    const crx = await selfHostedCrx(CHROME_BUILD, newSigningKey(), updates);
    id = crx.id;
    writeFileSync(join(dir, 'evw.crx'), crx.crx);
    writeFileSync(
      join(dir, 'updates.xml'),
      updatesXml(id, '0.1.0', pathToFileURL(join(dir, 'evw.crx')).href),
    );
    install = updates;
  } else {
    id = GECKO_ID;
    writeFileSync(join(dir, 'evw.xpi'), await firefoxXpi(FIREFOX_BUILD, null));
    install = pathToFileURL(join(dir, 'evw.xpi')).href;
  }
  const target = join(mounted, POLICY_HOME[name].file);
  const setExtensionPolicy = (next: Record<string, unknown>) => {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.new`, JSON.stringify(policyFile(name, id, install, next), null, 2));
    // Whole or nothing: the browser never reads half a file.
    renameSync(`${target}.new`, target);
  };
  setExtensionPolicy(values);

  const session = await launch(name, 'none', {
    executablePath: wrapper(dir, name, mounted),
    forceInstalled: id,
  });
  try {
    await waitForInstall(session);
  } catch (error) {
    await session.close();
    throw error;
  }
  return {
    session,
    id,
    setExtensionPolicy,
    async close() {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What is in the machine's own policy folders (names, sizes, times), to show it is untouched. */
export function machinePolicyFolders(): string[] {
  const list = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return list(path);
      const stat = statSync(path);
      return [`${path} ${stat.size} ${stat.mtimeMs}`];
    });
  return Object.values(POLICY_HOME).flatMap(({ dir }) =>
    existsSync(dir) ? list(realpathSync(dir)) : [`${dir} absent`],
  );
}
