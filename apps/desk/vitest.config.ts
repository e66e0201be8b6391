import { defineConfig } from 'vitest/config';

/** Unit tests of the desk's framework-free parts, in Node. */
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
