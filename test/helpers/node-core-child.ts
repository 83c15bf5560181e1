import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreToHost } from '../../src/core/process/protocol';
import type { CoreChild } from '../../src/main/core-host';

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
