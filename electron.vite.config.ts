import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/main/csp';

/**
 * Three bundles: main (the Electron shell plus the plain-Node entries that share the core:
 * the core process, the import worker, the `loket` CLI and the browser harness), preload and renderer.
 */
/**
 * The built index.html carries the production CSP as a meta tag too: the browser harness serves
 * that file over http, and the app:// handler sends the same policy as a header. Not in dev, where
 * the dev policy comes as a header and React refresh needs an inline preamble.
 */
const cspMeta = (): Plugin => ({
  name: 'loket-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      // frame-ancestors is ignored (with a console error) in a meta tag; the header carries it.
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(false).replace(/; frame-ancestors [^;]*/, '') },
      injectTo: 'head',
    },
  ],
});

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'core-process': resolve(__dirname, 'src/core/process/core-process.ts'),
          'import-worker': resolve(__dirname, 'src/core/lists/import-worker.ts'),
          'reader-worker': resolve(__dirname, 'src/core/lists/reader-worker.ts'),
          'edition-worker': resolve(__dirname, 'src/core/sync/edition-worker.ts'),
          'edition-check-worker': resolve(__dirname, 'src/core/lists/edition-check-worker.ts'),
          'backup-worker': resolve(__dirname, 'src/core/store/backup-worker.ts'),
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
    plugins: [react(), cspMeta()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
