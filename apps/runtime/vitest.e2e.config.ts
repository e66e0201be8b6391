import { defineConfig } from 'vitest/config';

/** End-to-end tests: the web chat page in a real Chromium against a real runtime. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
