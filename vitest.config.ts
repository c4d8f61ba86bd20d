import { defineConfig } from 'vitest/config';

// Two projects: unit tests of pure code (`*.unit.test.ts`) need no service; integration tests share one
// Postgres, Temporal dev server, stripe-mock and MailDev started once by the global setup.
const ignored = ['node_modules/**', '.data/**', '.tools/**', 'admin/dist/**', 'dist/**'];

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.unit.test.ts'],
          exclude: ignored,
          // threads: in a forked child, Temporal's replay worker refuses the native runtime it was given
          pool: 'threads',
          // replaying a history bundles the workflows first: seconds on a loaded machine
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.test.ts'],
          exclude: [...ignored, '**/*.unit.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
