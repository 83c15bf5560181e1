import { connect, createServer, type Socket } from 'node:net';

export interface CountingProxy {
  port: number;
  /** Bytes the clients sent through it so far (TLS included: what crossed the network). */
  sent(): number;
  close(): Promise<void>;
}

/**
 * A TCP pass-through on loopback to a local port that counts what clients send: a test sees
 * whether a command sent a file or only asked a question, without touching the TLS inside
 * (the certificate pinning works through it unchanged).
 */
export async function countingProxy(targetPort: number): Promise<CountingProxy> {
  let sent = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => (sent += chunk.length));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return {
    port: address.port,
    sent: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
