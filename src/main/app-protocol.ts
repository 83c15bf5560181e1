import type { Protocol } from 'electron';
import { APP_SCHEME, appResponse } from './app-files';

/**
 * app:// is registered as standard and secure before 'ready' (Electron requires that), so the
 * renderer gets a real origin (app://loket) with fetch and same-origin rules, and never the
 * extra powers of file://.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** After 'ready': serves the built renderer folder, every response with the CSP header. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request.url, request.method, rendererDir, csp));
}
