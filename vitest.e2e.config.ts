import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: real browsers. Two files at a time (each launches both browsers in turn, and
 * most of a file's time is waiting for e-LAAS, the simulator, to answer or to make a voucher), then
 * the soak alone: it is the longest, and loads the machine on its own. `EVW_E2E_WORKERS=1` runs
 * every file one at a time, as before.
 */
const WORKERS = Math.max(1, Math.floor(Number(process.env.EVW_E2E_WORKERS)) || 2);
const SOAK = 'test/e2e/soak.e2e.ts';
const common = {
  globalSetup: ['test/e2e/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 90_000,
};

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          ...common,
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          exclude: [SOAK],
          maxWorkers: WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: { ...common, name: 'soak', include: [SOAK], maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
