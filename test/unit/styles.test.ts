import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = 'components/styles';
const sheets = readdirSync(dir).filter((f) => f.endsWith('.css'));

describe('our styles', () => {
  it('have no motion at all, so prefers-reduced-motion is always respected', () => {
    for (const f of sheets)
      expect(readFileSync(`${dir}/${f}`, 'utf8'), f).not.toMatch(/\b(animation|transition)\s*:/);
  });

  it('use the Thai font stack through one token', () => {
    const tokens = readFileSync(`${dir}/tokens.css`, 'utf8');
    expect(tokens).toMatch(/--evw-font:\s*"Sarabun", "Noto Sans Thai"[^;]*"Tahoma"/);
    for (const f of sheets) {
      const css = readFileSync(`${dir}/${f}`, 'utf8');
      for (const m of css.matchAll(/font-family:\s*([^;]+);/g)) expect(m[1], f).toBe('var(--evw-font)');
    }
  });
});
