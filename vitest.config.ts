import { rmSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { SITE_BUILD_TESTS } from './tests/support/projects.ts';

// One scratch folder per run under tests/.tmp (see tests/support/site.ts); workers inherit it.
process.env.TEST_RUN_ID ??= `run-${process.pid}`;
process.on('exit', () => rmSync(`tests/.tmp/${process.env.TEST_RUN_ID}`, { recursive: true, force: true }));

/**
 * Three projects: unit tests (fast: `npm run test:unit`), the tests that build whole sites
 * through the build script (`site`, listed in tests/support/projects.ts), and browser tests
 * that serve real sites and drive Debian's Chromium. Each fixture site is built once per run
 * and settings, whichever project asks first (`builtSite` in tests/support/site.ts). Browser
 * test files run one at a time: each launches Chromium, and these machines have two cores.
 * `npm test` runs all three.
 */
export default defineConfig({
  test: {
    // In CI a JSON report too, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'tests/.tmp/ci-results.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'tests/.tmp/**', ...SITE_BUILD_TESTS],
          environment: 'node',
          // The test files of a worker share one module graph instead of importing Zod, Papaparse
          // and the register afresh per file: importing was most of the unit run (30 of 73 s, and
          // 25 s wall without isolation). The unit tests keep no global state between files (a
          // stubbed global is stubbed and restored inside its own block); architecture.test.ts
          // checks that no unit test leaves a global stubbed.
          isolate: false,
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'site',
          include: [...SITE_BUILD_TESTS],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
