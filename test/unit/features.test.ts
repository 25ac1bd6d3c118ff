/** Every overlay feature is registered once, documented in the README and tested end to end. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { features } from '../../entrypoints/elaas.content/features';

const readme = readFileSync('README.md', 'utf8');
const e2e = readdirSync('test/e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .map((f) => readFileSync(join('test/e2e', f), 'utf8'))
  .join('\n');

describe('overlay features', () => {
  it('have unique ids', () => {
    const ids = features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const feature of features) {
    it(`${feature.id} is documented and tested end to end`, () => {
      // A row of the README's feature table (the formatter may pad the cells).
      expect(readme).toMatch(new RegExp(`^\\|\\s*\`${feature.id}\`\\s*\\|`, 'm'));
      expect(e2e).toContain(`feature: ${feature.id}`);
    });
  }
});
