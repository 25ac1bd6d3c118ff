/**
 * Bundle size budgets: what a clerk's browser loads on every e-LAAS page (the content scripts)
 * and keeps alive (the background), gzip-compressed, in the store builds. Sizes are
 * deterministic, so `test/e2e/builds.e2e.ts` enforces these; `npm run bench` reports them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Bytes, gzip (level 9), per file of the store builds. The overlay (`elaas-overlay.js`) is a
 * content script in Firefox and a module `elaas-line.js` imports in Chromium: one budget, checked
 * in each browser's build.
 */
export const BUDGETS = {
  'elaas-overlay.js': 25_000,
  'elaas-bridge.js': 5_000,
  'elaas-line.js': 2_000,
  'background.js': 20_000,
} as const;

export type Budgeted = keyof typeof BUDGETS;

export function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** The gzip size of each budgeted file a build folder has (`.output/chrome-mv3`). */
export function bundleSizes(build: string): Partial<Record<Budgeted, number>> {
  const out: Partial<Record<Budgeted, number>> = {};
  for (const file of Object.keys(BUDGETS) as Budgeted[]) {
    if (existsSync(join(build, file))) out[file] = gzipSize(join(build, file));
  }
  return out;
}

/** The userscript (Tampermonkey, Violentmonkey): everything in one file, gzip. */
export const USERSCRIPT_BUDGET = 40_000;
export const USERSCRIPT_FILE = '.output/elaas-voucher-watch.user.js';

function filesIn(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesIn(dir, join(under, e.name)) : [join(under, e.name)],
  );
}

/** What each entrypoint of a build weighs: every script and style, raw and gzip. */
export function entrySizes(build: string): { file: string; raw: number; gzip: number }[] {
  return filesIn(build)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .sort()
    .map((f) => ({
      // Shared chunks carry a content hash (popup-BL08IUbK.css): named without it.
      file: f.replace(/-[\w-]{8}(\.(js|css))$/, '$1'),
      raw: statSync(join(build, f)).size,
      gzip: gzipSize(join(build, f)),
    }));
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

export function budgetReport(builds: Record<string, string>, userscript: string): string {
  const names = Object.keys(builds);
  const lines = [
    '## Bundle sizes (gzip -9; raw in brackets)',
    '',
    'Budgets (enforced by `test/e2e/builds.e2e.ts`) for what loads on every e-LAAS page, what stays',
    'alive, and the userscript; every other file of the store builds for reference.',
    '',
    `| file | budget | ${names.join(' | ')} |`,
    `| --- | --- |${' --- |'.repeat(names.length)}`,
  ];
  const all = Object.fromEntries(
    names.map((n) => [n, new Map(entrySizes(builds[n] as string).map((e) => [e.file, e]))]),
  );
  const files = [...new Set(names.flatMap((n) => [...(all[n]?.keys() ?? [])]))].sort(
    (a, b) => Number(!(a in BUDGETS)) - Number(!(b in BUDGETS)) || a.localeCompare(b),
  );
  for (const file of files) {
    const budget = (BUDGETS as Record<string, number>)[file];
    const cells = names.map((n) => {
      const e = all[n]?.get(file);
      if (!e) return '—';
      return `${kb(e.gzip)} (${kb(e.raw)})${budget !== undefined && e.gzip > budget ? ' **over**' : ''}`;
    });
    lines.push(`| \`${file}\` | ${budget === undefined ? '' : kb(budget)} | ${cells.join(' | ')} |`);
  }
  const us = gzipSize(userscript);
  lines.push(
    '',
    `Userscript \`elaas-voucher-watch.user.js\`: ${kb(us)} gzip (${kb(statSync(userscript).size)} raw), budget ${kb(USERSCRIPT_BUDGET)}${us > USERSCRIPT_BUDGET ? ' **over**' : ''}.`,
  );
  return lines.join('\n');
}
