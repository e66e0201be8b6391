import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const runtimeUrl = process.env.OMNIFLOW_RUNTIME_URL ?? 'http://127.0.0.1:3000';

/** Vite config: the designer is a static bundle; `/api` goes to the runtime in dev and preview. */
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': { target: runtimeUrl, ws: true } } },
  preview: { proxy: { '/api': { target: runtimeUrl, ws: true } } },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 10000, sourcemap: false },
});
