import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the key file of the default SecretBox lives: beside the database, readable by this user only. */
export const secretKeyPath = (dbPath: string): string => join(dirname(dbPath), 'loket-secret.key');

/** The built worker sits next to the entry bundles (out/main); this code may be in a chunk one folder down. */
export function defaultWorkerScript(): string {
  const candidates = [join(__dirname, 'import-worker.js'), join(__dirname, '..', 'import-worker.js')];
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!;
}
