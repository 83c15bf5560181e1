import { Agent, request, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Duplex, Readable } from 'node:stream';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { ADMIN_ACTOR_HEADER } from '../../shared/hub-admin-log';
import { COUNTER_CLOCK_HEADER, COUNTER_ZONE_HEADER } from '../../shared/hub-clock';
import { HubRefused, HubUnreachable, type HubClock, type HubTransport } from './hub-transport';

export interface PinnedTransportOptions {
  /** https://host:port of the hub (no path). */
  hubUrl: string;
  /** The hub certificate's fingerprint256 (upper-case hex with colons): the only thing trusted. */
  fingerprint: string;
  /** The certificate itself (PEM), as learned at enrollment (fetchPinnedCertificate); kept with the credential, not needed to verify. */
  certificatePem: string;
  /** `Bearer <counterId>.<secret>`; absent for enrollment. */
  authorization?: string;
  /** Sent as X-Loket-Outbox-Backlog, so the hub's status shows how far behind each counter is. */
  outboxBacklog?: () => number;
  /** Sent as X-Loket-Pull-Stuck: pulled records this counter has long been unable to apply (pull-deferred.ts). */
  pullStuck?: () => number;
  /** Sent as X-Loket-Outbox-Rejected: ops the hub refused that this counter set aside (outbox_rejected). */
  outboxRejected?: () => number;
  /** Sent as they are: the counter's list editions as the hub should hear of them (edition-report.ts). */
  editionReport?: () => Record<string, string>;
  /** Sent as X-Loket-Time-Zone: the zone this counter files its visits under, for `loket hub status`. */
  timeZone?: () => string;
  /** Sent as X-Loket-Actor (URI-encoded): who runs an admin command, for the hub's record (hub-admin-log.ts). */
  actor?: string;
  timeoutMs?: number;
  /** This computer's clock in ms (Date.now), compared with the hub's `Date` and sent in X-Loket-Clock; a test sets it back. */
  clock?: () => number;
}

/** Why a wrong certificate was refused: the detail of the HubUnreachable. */
export const WRONG_CERTIFICATE = 'hub-certificate-mismatch';
/** A certificate refused for its dates: only a TLS check by dates does that, and dates are the clock's business. */
export const CLOCK_DIFFERS = 'hub-clock-differs';

const DEFAULT_TIMEOUT_MS = 5_000;
const CHAIN_ERRORS = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_SIGNATURE_FAILURE', 'ERR_TLS_CERT_ALTNAME_INVALID']);
const DATE_ERRORS = new Set(['CERT_NOT_YET_VALID', 'CERT_HAS_EXPIRED']);

/** The pinned transport, plus any method (the admin commands' DELETE). */
export interface PinnedTransport extends HubTransport {
  requestJson<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, options?: { timeoutMs?: number }): Promise<T>;
  hubClock(): HubClock | null;
}

/**
 * An HTTPS agent that trusts exactly one certificate, by its SHA-256 fingerprint. The hub is
 * reached by IP on a LAN with a self-signed certificate, so neither a CA nor the host name can
 * vouch for it: the fingerprint learned at enrollment does. Nor do the certificate's validity
 * dates: they are compared with this computer's clock, and a counter whose clock is behind the
 * hub's (the certificate is made at the hub's first start) would be locked out although the
 * certificate is exactly the one it trusts. The TLS handshake still proves the hub holds the
 * certificate's private key; the fingerprint pins the certificate.
 *
 * The connection is handed to the request only after the fingerprint was compared: another
 * certificate (another machine answering on that address) is refused before a byte of HTTP
 * (the credential) is sent: HubUnreachable('hub-certificate-mismatch: …').
 */
class PinnedAgent extends Agent {
  constructor(
    private readonly expected: string,
    private readonly connectTimeoutMs: number,
  ) {
    super({ keepAlive: true, maxSockets: 8 });
  }

  override createConnection(options: RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const done = callback ?? (() => undefined);
    const { host, port, servername, keepAlive } = options as RequestOptions & { servername?: string; keepAlive?: boolean };
    const tlsOptions: ConnectionOptions = {
      host: host ?? 'localhost',
      port: Number(port ?? 443),
      ...(servername ? { servername } : {}),
      ...(keepAlive ? { keepAlive: true } : {}),
      // The chain and the dates are not what is trusted (see above); the fingerprint is compared below.
      rejectUnauthorized: false,
    };
    const socket: TLSSocket = connect(tlsOptions);
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      done(error, socket);
    };
    socket.setTimeout(this.connectTimeoutMs, () => fail(new HubUnreachable(`timeout after ${this.connectTimeoutMs} ms`)));
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256;
      if (presented !== this.expected) return fail(new Error(`${WRONG_CERTIFICATE}: ${presented ?? 'none'}`));
      settled = true;
      socket.setTimeout(0);
      socket.removeListener('error', fail);
      done(null, socket);
    });
    return undefined; // handed over by the callback, once checked
  }
}

export function pinnedTransport(options: PinnedTransportOptions): PinnedTransport {
  const base = new URL(options.hubUrl);
  const agent = new PinnedAgent(options.fingerprint.toUpperCase(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let clock: HubClock | null = null;
  const noteClock = (res: IncomingMessage): void => {
    const hubTime = Date.parse(res.headers.date ?? '');
    const seenAt = (options.clock ?? Date.now)();
    if (Number.isFinite(hubTime)) clock = { offsetMs: hubTime - seenAt, seenAt };
  };

  const exchange = (method: string, path: string, body: Buffer | Readable | null, headers: Record<string, string>, timeoutMs: number): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          method,
          host: base.hostname.replace(/^\[|\]$/g, ''),
          port: base.port || 443,
          path,
          headers: {
            ...headers,
            ...(options.authorization ? { authorization: options.authorization } : {}),
            ...(options.outboxBacklog ? { 'x-loket-outbox-backlog': String(options.outboxBacklog()) } : {}),
            ...(options.pullStuck ? { 'x-loket-pull-stuck': String(options.pullStuck()) } : {}),
            ...(options.outboxRejected ? { 'x-loket-outbox-rejected': String(options.outboxRejected()) } : {}),
            ...(options.editionReport ? options.editionReport() : {}),
            ...(options.timeZone ? { [COUNTER_ZONE_HEADER]: options.timeZone() } : {}),
            ...(options.actor ? { [ADMIN_ACTOR_HEADER]: encodeURIComponent(options.actor) } : {}),
            // This computer's clock: the hub keeps how far off it is, for its admin (`loket hub status`).
            [COUNTER_CLOCK_HEADER]: String(Math.round((options.clock ?? Date.now)())),
          },
        },
        (res) => {
          noteClock(res);
          resolve(res);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new HubUnreachable(`timeout after ${timeoutMs} ms`)));
      req.on('error', (error) => reject(asUnreachable(error)));
      if (body === null) req.end();
      else if (Buffer.isBuffer(body)) req.end(body);
      else {
        body.on('error', (error) => req.destroy(error));
        body.pipe(req);
      }
    });

  const json = async <T>(method: string, path: string, body: unknown, timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS): Promise<T> => {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const res = await exchange(method, path, payload, payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}, timeoutMs);
    return readJsonReply<T>(res);
  };

  return {
    hubClock: () => clock,
    requestJson: (method, path, body, o) => json(method, path, body, o?.timeoutMs),
    getJson: (path, o) => json('GET', path, undefined, o?.timeoutMs),
    postJson: (path, body, o) => json('POST', path, body, o?.timeoutMs),
    async download(path) {
      const res = await exchange('GET', path, null, {}, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      if ((res.statusCode ?? 500) >= 400) return readJsonReply<never>(res);
      return res;
    },
    async upload<T>(path: string, body: Readable, headers: Record<string, string>) {
      // An upload of a list edition takes as long as it takes; only a silent hub times out.
      const res = await exchange('POST', path, body, headers, Math.max(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 60_000));
      return readJsonReply<T>(res);
    },
  };
}

function asUnreachable(error: unknown): HubUnreachable {
  if (error instanceof HubUnreachable) return error;
  const e = error as NodeJS.ErrnoException & { reason?: string };
  if (typeof e.message === 'string' && e.message.startsWith(WRONG_CERTIFICATE)) return new HubUnreachable(e.message);
  // Another self-signed certificate fails the chain check before the pin is even compared.
  if (e.code && CHAIN_ERRORS.has(e.code)) return new HubUnreachable(`${WRONG_CERTIFICATE}: ${e.code}`);
  // Never from this transport (it does not check dates); said as what it is should a TLS layer ever check them.
  if (e.code && DATE_ERRORS.has(e.code)) return new HubUnreachable(`${CLOCK_DIFFERS}: ${e.code}`);
  return new HubUnreachable(e.code ? `${e.code}: ${e.message}` : String(e.message ?? error));
}

async function readJsonReply<T>(res: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of res) chunks.push(chunk as Buffer);
  } catch (error) {
    throw asUnreachable(error);
  }
  const status = res.statusCode ?? 500;
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    if (status < 400) throw new HubUnreachable(`not JSON (status ${status})`);
  }
  if (status >= 400) {
    const error = (parsed as { error?: { code?: unknown; params?: unknown } } | null)?.error;
    const code = typeof error?.code === 'string' ? error.code : `http-${status}`;
    const params = typeof error?.params === 'object' && error.params !== null ? (error.params as Record<string, string | number>) : {};
    throw new HubRefused(status, code, params);
  }
  return parsed as T;
}
