import { defineConfig } from 'vitest/config';

/** Unit and HTTP tests; the browser tests run with `pnpm e2e` (vitest.e2e.config.ts). */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The voice tests decode with the long-lived pocketsphinx helper (native/), built here once.
    globalSetup: ['src/testing/buildNativeHelpers.ts'],
  },
});
