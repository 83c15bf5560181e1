import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeAtLeast } from '../../../scripts/ensure-electron-runtime.mjs';

const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'ensure-electron-runtime.mjs');
const ELECTRON_DIR = dirname(require.resolve('electron/package.json'));
const runtimeInstalled = existsSync(join(ELECTRON_DIR, 'path.txt'));

describe('nodeAtLeast', () => {
  it.each([
    ['v22.12.0', true],
    ['v22.12.1', true],
    ['v23.0.0', true],
    ['v22.11.9', false],
    ['v20.19.2', false],
    ['v100.0.0', true],
  ])('%s against 22.12.0 → %s', (version, expected) => {
    expect(nodeAtLeast(version, '22.12.0')).toBe(expected);
  });
});

describe('npm start without the Electron runtime', () => {
  let server: Server;
  let mirror: string;
  const requests: string[] = [];
  beforeAll(async () => {
    // A mirror that has nothing: the downloader fails as it would without internet.
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(404).end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  if (runtimeInstalled) console.log(`Electron runtime already installed at ${ELECTRON_DIR}: the download-failure test cannot run here.`);
  it.skipIf(runtimeInstalled)('asks Electron’s own downloader, and says in words what to do when it cannot fetch', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'loket-electron-cache-'));
    try {
      // Not spawnSync: the mirror above runs in this process and must answer meanwhile.
      const child = spawn(process.execPath, [SCRIPT], {
        env: { ...process.env, ELECTRON_MIRROR: mirror, electron_config_cache: cache, LOKET_SKIP_ELECTRON_RUNTIME: '' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const run = { status, stderr };
      expect(run.status).toBe(1);
      expect(requests.some((url) => url.includes('electron-v'))).toBe(true);
      expect(run.stderr).toContain('Could not download the Electron runtime');
      expect(run.stderr).toContain('ELECTRON_MIRROR');
      expect(run.stderr).toContain('npm test');
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
