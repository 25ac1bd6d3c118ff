import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { PREACT_JSX } from './scripts/jsx.ts';

export default defineConfig({
  plugins: [WxtVitest()],
  oxc: PREACT_JSX,
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/simulator/**/*.test.ts'],
    // Both cores: one worker (vitest's default here) took 97 s, two take 57.
    maxWorkers: 2,
    environment: 'happy-dom',
    setupFiles: ['test/unit/setup.ts'],
  },
});
