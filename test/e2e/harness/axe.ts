/** axe-core in a real page: the violations in our own UI (or a whole extension page). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './session';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Run axe over `include` (a selector; our shadow hosts are followed into their open shadow
 * roots) or the whole page, with the WCAG 2.x A/AA rules and best practices; one line per
 * violation: rule, impact, where.
 */
export async function axeViolations(page: TestPage, include: string | null): Promise<string[]> {
  await page.evaluateSource(source);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
    }
    const context = sel ? { include: [[sel]] } : document;
    const result = await axe.run(context, {
      resultTypes: ['violations'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
  }, include);
}
