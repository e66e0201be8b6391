import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const runtimeUrl = process.env.OMNIFLOW_RUNTIME_URL ?? 'http://127.0.0.1:3000';

/** Vite config: the designer is a static bundle; `/api` and `/ws` (the voice socket) go to the runtime in dev and preview. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: runtimeUrl, ws: true },
      '/ws': { target: runtimeUrl, ws: true },
      '/prompt-audio': { target: runtimeUrl },
    },
  },
  preview: {
    proxy: {
      '/api': { target: runtimeUrl, ws: true },
      '/ws': { target: runtimeUrl, ws: true },
      '/prompt-audio': { target: runtimeUrl },
    },
  },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 10000, sourcemap: false },
});
