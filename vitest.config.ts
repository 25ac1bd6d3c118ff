import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { PREACT_JSX } from './scripts/jsx.ts';

export default defineConfig({
  plugins: [WxtVitest()],
  oxc: PREACT_JSX,
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/simulator/**/*.test.ts'],
    environment: 'happy-dom',
    setupFiles: ['test/unit/setup.ts'],
  },
});
