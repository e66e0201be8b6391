import { defineConfig } from 'vitest/config';

/** End-to-end tests: the web chat page in a real Chromium against a real runtime. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // What a page shows after a request may take seconds on a loaded CI machine; vitest's default poll gives up after 1 s.
    expect: { poll: { timeout: 15_000 } },
  },
});
