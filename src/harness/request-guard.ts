import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the harness: only pages it served itself, reached by its own loopback address.
 *
 * A web page on any site can make a browser send requests to 127.0.0.1 ("simple" requests such as a
 * text/plain POST need no CORS preflight), and DNS rebinding can make a foreign name point here.
 * So: the Host must be the harness's own loopback address and port; an Origin, when the browser
 * sends one, must be the harness's own; and calls must be application/json POSTs, which a foreign
 * page cannot send without a preflight that the harness never answers. The same holds for the
 * harness's own calls under /harness/ (registering a typed path), which name files on disk.
 */
export interface Refusal {
  status: 403 | 405 | 415;
  reason: string;
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function ownOrigins(port: number): string[] {
  return LOOPBACK_HOSTS.map((host) => `http://${host}:${port}`);
}

/** Null when the request may proceed; else the status and reason to answer with. */
export function refusalOf(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>, port: number): Refusal | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!LOOPBACK_HOSTS.some((h) => host === `${h}:${port}`)) return { status: 403, reason: `foreign host: ${host || '(none)'}` };
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(port).includes(origin.toLowerCase())) return { status: 403, reason: `foreign origin: ${origin}` };
  if (req.headers['sec-fetch-site'] === 'cross-site') return { status: 403, reason: 'cross-site request' };
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path.startsWith('/rpc/') || path.startsWith('/harness/')) {
    if (req.method !== 'POST') return { status: 405, reason: 'calls are POST requests' };
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return { status: 415, reason: 'calls must be application/json' };
  } else if (req.method !== 'GET' && req.method !== 'HEAD') {
    return { status: 405, reason: 'only GET outside /rpc/ and /harness/' };
  }
  return null;
}
