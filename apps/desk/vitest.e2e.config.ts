import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium contexts against a real runtime serving the built desk and the chat page. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // What a page shows after a request may take seconds on a loaded CI machine; vitest's default poll gives up after 1 s.
    expect: { poll: { timeout: 15_000 } },
  },
});
