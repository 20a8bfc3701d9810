import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

/** Real Chromium against the emulator: one browser at a time (two cores), generous limits for a loaded machine. */
const browserTests = {
  environment: 'node' as const,
  fileParallelism: false,
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

/**
 * The managed-policy test binds a folder over /etc/chromium, so it runs only through scripts/e2e-policy.sh (as root,
 * in a private mount namespace): it is its own project, never part of the plain e2e run.
 */
const POLICY_TEST = 'test/e2e/policy.test.ts';

export default defineConfig({
  test: {
    reporters: ['default', './test/reporters/durations.ts'],
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Vitest leaves one core free by default: on a 2-core CI that is one worker. Threads start faster than forks.
          pool: 'threads',
          maxWorkers: availableParallelism(),
        },
      },
      {
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], exclude: [POLICY_TEST], ...browserTests },
      },
      {
        test: { name: 'e2e-policy', include: [POLICY_TEST], ...browserTests },
      },
      // Product bugs found by tests, each failing until fixed; not part of `npm test` (npm run test:known-bugs).
      {
        test: { name: 'known-bugs', include: ['test/known-bugs/**/*.test.ts'], ...browserTests },
      },
    ],
  },
});
