import { request } from 'node:https';

/** An admin or plain request to a hub, certificate unchecked (tests only: the pin is tested elsewhere). */
export async function hubFetch(
  url: string,
  method: string,
  path: string,
  options: { authorization?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: unknown; headers: Record<string, string | string[] | undefined> }> {
  const target = new URL(path, url);
  const payload = options.rawBody !== undefined ? Buffer.from(options.rawBody) : options.body === undefined ? null : Buffer.from(JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method,
        rejectUnauthorized: false,
        headers: {
          ...(options.authorization ? { authorization: options.authorization } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const isJson = String(res.headers['content-type'] ?? '').startsWith('application/json');
          resolve({ status: res.statusCode ?? 0, json: isJson && text ? (JSON.parse(text) as unknown) : text || null, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}
