import { defineConfig } from 'vitest/config';

// Two projects: Node for the service, doors and diagnostics (against real peers), jsdom for
// React components. End-to-end tests in Chromium live in tests/e2e and run in the Node project.
export default defineConfig({
  test: {
    // The JSON report feeds the one-line summary CI prints (scripts/test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/.tmp/vitest-report.json' },
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/renderer/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        oxc: { jsx: { runtime: 'automatic' } },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
