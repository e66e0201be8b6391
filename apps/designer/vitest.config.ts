import { defineConfig } from 'vitest/config';

/** Unit tests: the framework-free core and the store, in Node. */
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
