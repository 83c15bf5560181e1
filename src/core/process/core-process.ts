/**
 * Entry of the core process (built as out/main/core-process.js). In the desktop app it is an
 * Electron utilityProcess: the main process sends a MessagePort as its first message, and the
 * contract travels over that port. Under plain Node (tests) it is a child_process.fork child and
 * the contract travels over Node's IPC channel. Either way serveCore does the work.
 */
import { serveCore } from './serve-core';
import type { Channel, CoreToHost, HostToCore } from './protocol';

/** The parts of Electron's MessagePortMain and process.parentPort used here, without importing electron. */
interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
  once(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
  start(): void;
}

const parentPort = (process as unknown as { parentPort?: PortLike }).parentPort;
const exit = (code: number): void => process.exit(code);

if (parentPort) {
  parentPort.once('message', ({ ports }) => {
    const port = ports[0];
    if (!port) return exit(2);
    const channel: Channel<CoreToHost, HostToCore> = {
      post: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', ({ data }) => listener(data as HostToCore)),
    };
    serveCore(channel, exit);
    port.start();
  });
} else if (process.send) {
  const send = process.send.bind(process);
  serveCore({ post: (message) => send(message), onMessage: (listener) => process.on('message', (m) => listener(m as HostToCore)) }, exit);
  // The parent is gone (it died or closed the channel): a core nobody can reach must not hold the database.
  process.on('disconnect', () => exit(0));
} else {
  console.error('core-process: start me as an Electron utilityProcess or a Node child with an IPC channel');
  exit(2);
}
