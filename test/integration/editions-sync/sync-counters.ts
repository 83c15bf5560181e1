import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core, type CoreConfig } from '../../../src/core/core';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import type { TestPostgres } from '../../helpers/embedded-pg';
import { fileFor } from '../../helpers/files';
import { builtFile } from '../../helpers/temp';
import { hubFetch } from '../hub/service-fetch';

/** The built import worker; the edition worker is built beside it (`npx electron-vite build`). */
export const IMPORT_WORKER_JS = builtFile('main', 'import-worker.js');

export function assertWorkersBuilt(): void {
  if (!existsSync(IMPORT_WORKER_JS) || !existsSync(builtFile('main', 'edition-worker.js'))) {
    throw new Error('out/main/edition-worker.js is missing: run `npx electron-vite build` (npm run build) first.');
  }
}

export interface TestFacility {
  hub: RunningHub;
  dataDir: string;
  /** A one-time enrollment code for a counter of this name, from the admin route. */
  codeFor(name: string): Promise<string>;
}

let databases = 0;
export async function startFacility(server: TestPostgres, dataDir: string): Promise<TestFacility> {
  const hub = await startHub({ pgUrl: await server.createDatabase(`editions_sync_${++databases}`), dataDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });
  const admin = `Admin ${readHubConfig(dataDir)!.adminKey}`;
  return {
    hub,
    dataDir,
    async codeFor(name) {
      const reply = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name } });
      expect(reply.status).toBe(201);
      return (reply.json as { code: string }).code;
    },
  };
}

/** A counter's core on its own files in `dir`, its hub rounds running by themselves when `background`. */
export function openSyncCounter(dir: string, options: { key?: string; worker?: boolean; background?: boolean } = {}): Core {
  const config: CoreConfig = {
    dbPath: join(dir, 'loket.db'),
    workerScript: options.worker ? IMPORT_WORKER_JS : null,
    bpjsBackground: false,
    hubBackground: options.background ?? false,
    hubIntervalMs: 200,
    hubEditionIntervalMs: 300,
    ...(options.key ? { key: options.key } : {}),
  };
  return createCore(config);
}

export const importList = (core: Core, path: string, list: string, asOf: string) => core.importList({ file: fileFor(core, path), list, kind: 'pbi-apbd', asOf });

/** Waits (polling, without a time assertion) until `done` holds; fails with `what` after a generous limit. */
export async function until(what: string, done: () => Promise<boolean> | boolean, limitMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > limitMs) throw new Error(`still waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
