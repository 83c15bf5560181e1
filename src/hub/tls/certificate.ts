import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface HubCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the DER, upper-case hex with colons (Node's `fingerprint256`): what counters pin. */
  fingerprint: string;
}

export const CERT_FILE = 'hub-cert.pem';
const KEY_FILE = 'hub-key.pem';

/** The machine's LAN IPv4 addresses (not loopback): the names a counter may reach the hub by. */
export function lanIPv4Addresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

/**
 * The hub's certificate: made once at first start (self-signed; counters trust it by its
 * fingerprint, learned at enrollment, not by a CA) and reused afterwards, because a new
 * certificate means every counter must enroll again. The key file is 0600.
 */
export async function loadOrCreateCertificate(dataDir: string): Promise<HubCertificate> {
  const certPath = join(dataDir, CERT_FILE);
  const keyPath = join(dataDir, KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, 'utf8');
    return { certPem, keyPem: readFileSync(keyPath, 'utf8'), fingerprint: fingerprintOf(certPem) };
  }
  const host = hostname();
  const altNames = [
    { type: 2 as const, value: 'localhost' },
    ...(host && host !== 'localhost' ? [{ type: 2 as const, value: host }] : []),
    { type: 7 as const, ip: '127.0.0.1' },
    ...lanIPv4Addresses().map((ip) => ({ type: 7 as const, ip })),
  ];
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 20); // re-enrolling every counter is the cost of a new one
  // Counters trust it by fingerprint and ignore its dates; valid from a year back all the same, so a
  // counter of an earlier version (which checked them) whose clock is behind is not locked out.
  const notBefore = new Date();
  notBefore.setFullYear(notBefore.getFullYear() - 1);
  const made = await generate([{ name: 'commonName', value: `Loket hub ${host}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  writeFileSync(keyPath, made.private, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, made.cert, { mode: 0o644 });
  return { certPem: made.cert, keyPem: made.private, fingerprint: fingerprintOf(made.cert) };
}

export const fingerprintOf = (certPem: string): string => new X509Certificate(certPem).fingerprint256;
