import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/** The renderer is served as app://loket/…: a standard, secure origin of its own, not file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'loket';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export type AppPath = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * The file an app:// URL names inside the renderer folder, or why it names none. The guard:
 * only our host, the path decoded once, no NUL, and after normalization still inside the folder
 * (so `..`, `%2e%2e`, encoded slashes and backslashes cannot climb out).
 */
export function resolveAppPath(url: string, rendererDir: string): AppPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (path.includes('\0')) return { ok: false, status: 400 };
  if (path === '/' || path === '') path = '/index.html';
  const root = normalize(rendererDir);
  const file = normalize(join(root, path.replace(/\\/g, '/')));
  if (!file.startsWith(root + sep)) return { ok: false, status: 403 };
  if (!CONTENT_TYPES[extname(file).toLowerCase()]) return { ok: false, status: 404 };
  return { ok: true, file };
}

/** The answer to an app:// request: the file with its type and the CSP header, or an error status. */
export async function appResponse(url: string, method: string, rendererDir: string, csp: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return new Response(null, { status: 405 });
  const target = resolveAppPath(url, rendererDir);
  if (!target.ok) return new Response(null, { status: target.status });
  let body: Buffer;
  try {
    body = await readFile(target.file);
  } catch {
    return new Response(null, { status: 404 });
  }
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[extname(target.file).toLowerCase()]!,
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
  });
}
