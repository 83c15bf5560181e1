import { connect, type PeerCertificate } from 'node:tls';
import { HubUnreachable } from './hub-transport';
import { WRONG_CERTIFICATE } from './pinned-transport';

/**
 * Before enrollment the counter knows the hub's fingerprint (from the code) but not its
 * certificate. This connects, reads the certificate the server presents and hangs up without
 * sending a byte of HTTP; a certificate with another fingerprint is refused. Answers its PEM,
 * which the pinned transport then trusts as the only CA.
 */
export function fetchPinnedCertificate(hubUrl: string, fingerprint: string, timeoutMs = 5_000): Promise<string> {
  const url = new URL(hubUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443), rejectUnauthorized: false, timeout: timeoutMs });
    socket.once('timeout', () => socket.destroy(new HubUnreachable(`timeout after ${timeoutMs} ms`)));
    socket.once('error', (error: NodeJS.ErrnoException) => reject(error instanceof HubUnreachable ? error : new HubUnreachable(error.code ? `${error.code}: ${error.message}` : error.message)));
    socket.once('secureConnect', () => {
      const cert: PeerCertificate = socket.getPeerCertificate();
      socket.end();
      if (!cert.raw || cert.fingerprint256 !== fingerprint.toUpperCase()) {
        reject(new HubUnreachable(`${WRONG_CERTIFICATE}: ${cert.fingerprint256 ?? 'none'}`));
        return;
      }
      const b64 = cert.raw.toString('base64').replace(/(.{64})/g, '$1\n');
      resolve(`-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`);
    });
  });
}
