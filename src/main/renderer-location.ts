import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the renderer comes from: the dev server (electron-vite dev) or the built index.html. */
export type RendererTarget = { kind: 'url'; url: string } | { kind: 'file'; path: string };

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
  // out/main/index.js -> out/renderer/index.html
  return { kind: 'file', path: join(mainDir, '..', 'renderer', 'index.html') };
}

/**
 * True when `url` is our renderer's page: the same file (hash and query ignored) or, in
 * development, the same origin as the dev server. Anything else — another file, a remote
 * page, `about:blank`, a `data:` URL — is foreign.
 */
export function isRendererUrl(url: string, target: RendererTarget, platform: NodeJS.Platform = process.platform): boolean {
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
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  parsed.hash = '';
  parsed.search = '';
  let path: string;
  try {
    path = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const a = resolve(path);
  const b = resolve(target.path);
  // Windows paths are case-insensitive; Chromium and Node may disagree on the drive letter's case.
  return platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
