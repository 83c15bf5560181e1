import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { privateDir } from '../../core/store/private-files';
import { newRawKey } from '../../core/store/sqlcipher';

/**
 * The key of a hub's publishing database (`<hubDir>/publish/loket.db`, where `loket hub edition
 * add` imports the lists its administrator publishes): the members of every list imported there
 * are encrypted on the hub's disk like a counter's. The key is 32 random bytes (raw form, store/sqlcipher.ts) in
 * `publish/publish.key` (0600), beside the hub's other secrets (hub.json, the TLS key): it is
 * the hub's folder, not the publishing database alone, that must be protected and backed up.
 * A publishing database made before (unencrypted, no key file) keeps opening as it is: delete
 * the `publish` folder to start an encrypted one (it only loses the editions' roll-back history;
 * the hub keeps every edition it published).
 */
export function publishKey(dbPath: string): string | undefined {
  const keyPath = join(dirname(dbPath), 'publish.key');
  if (existsSync(keyPath)) return readFileSync(keyPath, 'utf8').trim();
  if (existsSync(dbPath)) return undefined;
  privateDir(dirname(dbPath));
  const key = newRawKey();
  writeFileSync(keyPath, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
