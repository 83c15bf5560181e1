import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreToHost } from '../../src/core/process/protocol';
import { afterEach, beforeAll } from 'vitest';
import type { Result } from '../../src/shared/contract';
import type { CoreChild, CoreHost } from '../../src/main/core-host';

/** The built core process entry; npm test builds it first. */
export const CORE_PROCESS_JS = join(__dirname, '../../out/main/core-process.js');

export function assertCoreProcessBuilt(): void {
  if (!existsSync(CORE_PROCESS_JS)) throw new Error('out/main/core-process.js is missing: run `npm run build` first (npm test does).');
}

/**
 * The core process as a plain Node child (child_process.fork), the stand-in for Electron's
 * utilityProcess: the same entry, the same messages, structured-clone serialization as a
 * MessagePort has. `pid` lets a test kill it with SIGKILL.
 */
export function spawnNodeCore(): CoreChild & { pid: number } {
  const child = fork(CORE_PROCESS_JS, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    pid: child.pid ?? -1,
    channel: {
      post: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as CoreToHost)),
    },
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}

/**
 * The hosts a test file starts, each stopped after its test (its core process closes the
 * database), and the built core process checked for before any starts.
 */
export function useCoreHosts(): CoreHost[] {
  const hosts: CoreHost[] = [];
  beforeAll(() => assertCoreProcessBuilt());
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.stop();
  });
  return hosts;
}

/** A call's value, or the failure with its code and parameters as the test's error. */
export function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${JSON.stringify(result.error.params ?? result.error.issues ?? {})}`);
  return result.value as T;
}
