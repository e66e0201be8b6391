import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium against a real runtime serving the built designer. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
