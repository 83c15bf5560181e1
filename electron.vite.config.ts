import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/**
 * Three bundles: main (the Electron shell plus the plain-Node entries that share the core:
 * the import worker, the `loket` CLI and the browser harness), preload and renderer.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'import-worker': resolve(__dirname, 'src/core/lists/import-worker.ts'),
          'reader-worker': resolve(__dirname, 'src/core/lists/reader-worker.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
          harness: resolve(__dirname, 'src/harness/server.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require node_modules: bundle everything into one file.
    build: {
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
