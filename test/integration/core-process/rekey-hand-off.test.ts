/**
 * The re-key in the desktop app: the main process resolves the key (sealed by the OS store),
 * the core process re-keys and asks the main process to seal the new key, and a core restarted
 * after a crash is started with the key read again from the key file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SecretBox } from '../../../src/core/secrets/secret-box';
import { keyFilePathOf } from '../../../src/core/store/database-key';
import { CoreHost } from '../../../src/main/core-host';
import { resolveAppDatabaseKey } from '../../../src/main/database-key-store';
import { spawnNodeCore, useCoreHosts, valueOf } from '../../helpers/node-core-child';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const hosts = useCoreHosts();

const value = valueOf;

/** The OS store stood in for: sealing reverses and base64s, so the sealed text never holds the key. */
function fakeOsBox(sealed: string[]): SecretBox {
  return {
    kind: 'os',
    async seal(plain) {
      sealed.push(plain);
      return `os1:${Buffer.from(plain).reverse().toString('base64')}`;
    },
    async open(s) {
      return Buffer.from(s.slice(4), 'base64').reverse().toString();
    },
  };
}

describe('re-key through the core process', () => {
  it('the new key is sealed by the main process, and a restarted core opens the database with it', async () => {
    const dbPath = join(tempDir(), 'loket.db');
    const sealed: string[] = [];
    const box = fakeOsBox(sealed);
    const pids: number[] = [];
    const base = { dbPath, workerScript: null, secretBox: 'os' as const, printer: false, dialogs: false, timeZone: 'Asia/Jakarta' };
    const first = await resolveAppDatabaseKey(dbPath, box, {});
    const host = new CoreHost({
      spawn: () => {
        const child = spawnNodeCore();
        pids.push(child.pid);
        return child;
      },
      config: { ...base, ...first },
      restartConfig: async () => ({ ...base, ...(await resolveAppDatabaseKey(dbPath, box, {})) }),
      services: { secretBox: box },
      restartDelaysMs: [0, 0, 0],
    });
    hosts.push(host);
    await host.start();
    const admin = { username: 'ani', displayName: 'Ani', password: 'kata-sandi-ani' };
    value(await host.call('setupAdmin', admin));
    const patient = value<{ id: number }>(await host.call('createPatient', { name: 'Budi Santoso', dob: '1980-01-01' }));
    expect(value(await host.call('databaseSecurity', {}))).toMatchObject({ encrypted: true, keyStore: 'os', warning: null });

    value(await host.call('rekeyDatabase', {}));
    const newKey = sealed.at(-1)!;
    expect(newKey).toMatch(/^raw:[0-9a-f]{64}$/);
    expect(newKey).not.toBe(first.key);
    const keyFile = readFileSync(keyFilePathOf(dbPath), 'utf8');
    expect(keyFile).toMatch(/^os1:/m);
    expect(keyFile).not.toContain(newKey);

    // The core dies; the host restarts it with the key read again: the new one.
    const restarted = new Promise<void>((resolve) => {
      host.on('coreStatus', (status) => {
        if (status.state === 'running') resolve();
      });
    });
    process.kill(pids[0]!, 'SIGKILL');
    await restarted;
    // The restarted core comes back locked for the same person: the password opens it.
    expect(value<{ phase: string }>(await host.call('sessionState', {})).phase).toBe('locked');
    value(await host.call('unlock', { secret: admin.password }));
    const found = value<{ id: number } | null>(await host.call('findPatient', { mrn: value<{ mrn: string }>(await host.call('createPatient', { name: 'Citra Dewi', dob: '1990-01-01' })).mrn }));
    expect(found).not.toBeNull();
    expect(pids).toHaveLength(2);
    expect(value<{ id: number }[]>(await host.call('likelyDuplicates', { name: 'Budi Santoso', dob: '1980-01-01' })).map((p) => p.id)).toContain(patient.id);
  });
});
