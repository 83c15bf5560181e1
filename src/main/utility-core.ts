/**
 * Starts the core process as an Electron utilityProcess (a Node child that Chromium's process
 * model manages, as VS Code's shared process and extension host are) and gives it a
 * MessagePort of its own: the contract then travels over that port, not over the process's
 * control channel.
 */
import { MessageChannelMain, utilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreToHost } from '../core/process/protocol';
import type { CoreChild } from './core-host';

/** The built entry sits next to index.js in out/main. */
export function coreProcessEntry(dir: string = __dirname): string {
  const candidates = [join(dir, 'core-process.js'), join(dir, '..', 'core-process.js')];
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!;
}

export function spawnUtilityCore(entry: string): CoreChild {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Loket core', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage({ t: 'port' }, [port2]);
  port1.start();
  return {
    channel: {
      post: (message) => port1.postMessage(message),
      onMessage: (listener) => port1.on('message', ({ data }) => listener(data as CoreToHost)),
    },
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => {
      child.kill();
    },
  };
}
