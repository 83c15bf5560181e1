// The counter's enrollment at its facility hub: plain fields as JSON in the settings table, the
// secret sealed by the SecretBox (as the BPJS secrets are).
import { z } from 'zod';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/open-database';

const KEY = 'hub';

export interface HubCredential {
  hubUrl: string;
  fingerprint: string;
  certificatePem: string;
  counterId: string;
  secret: string;
  name: string;
  offlinePrefix: string;
  facility: string;
}

const stored = z.object({
  hubUrl: z.string(),
  fingerprint: z.string(),
  certificatePem: z.string(),
  counterId: z.string(),
  /** Sealed by the SecretBox. */
  sealedSecret: z.string(),
  name: z.string(),
  offlinePrefix: z.string(),
  facility: z.string(),
});

export async function writeHubCredential(db: Db, box: SecretBox, credential: HubCredential): Promise<void> {
  const { secret, ...plain } = credential;
  const value = JSON.stringify(stored.parse({ ...plain, sealedSecret: await box.seal(secret) }));
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, value);
}

/** The credential, or null when this counter is not enrolled. Rejects with SecretUnreadableError when the secret was sealed elsewhere. */
export async function readHubCredential(db: Db, box: SecretBox): Promise<HubCredential | null> {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  const { sealedSecret, ...plain } = stored.parse(JSON.parse(row.value));
  return { ...plain, secret: await box.open(sealedSecret) };
}

/** Whether this counter is enrolled at a facility hub (without opening its secret). */
export function isEnrolled(db: Db): boolean {
  return db.prepare('SELECT 1 FROM settings WHERE key = ?').get(KEY) !== undefined;
}

/** Where this counter is enrolled (no secret opened: any key file will do); null when no credential is stored. */
export function readHubEnrollment(db: Db): Omit<HubCredential, 'secret'> | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  const { sealedSecret: _sealed, ...plain } = stored.parse(JSON.parse(row.value));
  return plain;
}

export function forgetHubCredential(db: Db): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(KEY);
}
