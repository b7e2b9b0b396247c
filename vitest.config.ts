import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs three projects: the server (unit, store, HTTP and cross-module tests, on SQLite and —
 * when TEST_DATABASE_URL is set — PostgreSQL), the dashboard's component tests (jsdom), and one browser
 * run (end-to-end in headless Chromium against the real server in demo mode).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      'dashboard/vitest.config.ts',
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
