import { join } from 'node:path';
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-files';

/**
 * Where the renderer comes from: the dev server (electron-vite dev), or the built renderer folder
 * served as app://loket/ (the packaged app and `npm start`).
 */
export type RendererTarget = { kind: 'url'; url: string } | { kind: 'app'; url: string; dir: string };

/**
 * The dev server URL is honoured only in an unpackaged app: a packaged Loket must never load
 * a page named by an environment variable, since that page would get `window.loket`.
 */
export function rendererTarget(
  isPackaged: boolean,
  env: NodeJS.ProcessEnv = process.env,
  mainDir: string = __dirname,
): RendererTarget {
  const devUrl = env['ELECTRON_RENDERER_URL'];
  if (!isPackaged && devUrl && /^https?:\/\//i.test(devUrl)) return { kind: 'url', url: devUrl };
  // out/main/index.js -> out/renderer/
  return { kind: 'app', url: APP_INDEX_URL, dir: join(mainDir, '..', 'renderer') };
}

/**
 * True when `url` is our renderer's page: app://loket/index.html (hash and query ignored) or, in
 * development, the same origin as the dev server. Anything else — another page of ours, a file://
 * URL, a remote page, `about:blank`, a `data:` URL — is foreign.
 */
export function isRendererUrl(url: string, target: RendererTarget): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (target.kind === 'url') {
    try {
      return parsed.origin === new URL(target.url).origin;
    } catch {
      return false;
    }
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && (parsed.pathname === '/index.html' || parsed.pathname === '/');
}
