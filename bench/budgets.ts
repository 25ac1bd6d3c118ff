/**
 * Bundle size budgets: what a clerk's browser loads on every e-LAAS page (the content scripts)
 * and keeps alive (the background), gzip-compressed, in the store builds. Sizes are
 * deterministic, so `test/e2e/builds.e2e.ts` enforces these; `npm run bench` reports them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes, gzip (level 9), per file of each store build. */
export const BUDGETS = {
  'content-scripts/elaas.js': 25_000,
  'content-scripts/elaas-bridge.js': 5_000,
  'background.js': 20_000,
} as const;

export type Budgeted = keyof typeof BUDGETS;

export function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** The gzip size of each budgeted file in a build folder (`.output/chrome-mv3`). */
export function bundleSizes(build: string): Record<Budgeted, number> {
  const out = {} as Record<Budgeted, number>;
  for (const file of Object.keys(BUDGETS) as Budgeted[]) out[file] = gzipSize(join(build, file));
  return out;
}

export function budgetReport(builds: Record<string, string>): string {
  const lines = [
    '## Bundle sizes (store builds, gzip -9)',
    '',
    `| file | budget | ${Object.keys(builds).join(' | ')} |`,
    `| --- | --- |${' --- |'.repeat(Object.keys(builds).length)}`,
  ];
  const sizes = Object.fromEntries(Object.entries(builds).map(([name, dir]) => [name, bundleSizes(dir)]));
  for (const file of Object.keys(BUDGETS) as Budgeted[]) {
    const cells = Object.keys(builds).map((name) => {
      const size = sizes[name]?.[file] ?? 0;
      return `${(size / 1000).toFixed(1)} KB${size > BUDGETS[file] ? ' (over)' : ''}`;
    });
    lines.push(`| \`${file}\` | ${(BUDGETS[file] / 1000).toFixed(0)} KB | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
