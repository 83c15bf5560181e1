import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Core } from '../../src/core/core';
import type { RunningHub } from '../../src/hub/hub-main';
import { startTestPostgres, type TestPostgres } from './embedded-pg';

/**
 * A real PostgreSQL for the file's hubs, and the hubs and counter cores a test starts (pushed onto
 * `hubs` and `cores`), stopped after each test; temporary folders removed after the file.
 */
export function useHubTestbed(prefix: string): { server: () => TestPostgres; hubs: RunningHub[]; cores: Core[]; tempDir: () => string } {
  let server: TestPostgres | undefined;
  const dirs: string[] = [];
  const hubs: RunningHub[] = [];
  const cores: Core[] = [];
  beforeAll(async () => {
    server = await startTestPostgres();
  });
  afterEach(async () => {
    for (const core of cores.splice(0)) core.close();
    for (const hub of hubs.splice(0)) await hub.stop();
  });
  afterAll(async () => {
    await server?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  return { server: () => server!, hubs, cores, tempDir };
}
