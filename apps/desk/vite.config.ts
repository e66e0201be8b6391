import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const runtimeUrl = process.env.OMNIFLOW_RUNTIME_URL ?? 'http://127.0.0.1:3000';

/** Vite config: the desk is a static bundle served by the runtime at `/desk`; `/api` and `/ws` go to the runtime in dev. */
export default defineConfig({
  base: '/desk/',
  plugins: [react()],
  server: { proxy: { '/api': { target: runtimeUrl }, '/ws': { target: runtimeUrl, ws: true } } },
  build: { sourcemap: false },
});
