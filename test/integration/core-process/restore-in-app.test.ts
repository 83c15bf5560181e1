/**
 * Restoring a backup from the app: the main process's CoreHost against the real core process
 * (out/main/core-process.js as a Node child) on real SQLite files, with the app's sealed key file
 * (a stand-in OS store). The running core checks the administrator and the chosen files, is
 * stopped, a fresh process restores, and the core runs again on the restored files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreStatus } from '../../../src/shared/core-status';
import type { RestoreView } from '../../../src/shared/database-restore';
import type { SecretBox } from '../../../src/core/secrets/secret-box';
import { CoreHost } from '../../../src/main/core-host';
import { resolveAppDatabaseKey, sealRestoredKeyFile } from '../../../src/main/database-key-store';
import { openRaw } from '../../../src/core/store/cipher-files';
import { spawnNodeCore, useCoreHosts, valueOf } from '../../helpers/node-core-child';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const hosts = useCoreHosts();

const value = valueOf;

/** The OS store stood in for: the key file holds no key in plain form. */
const osBox: SecretBox = {
  kind: 'os',
  seal: async (plain) => `os1:${Buffer.from(plain).reverse().toString('base64')}`,
  open: async (sealed) => Buffer.from(sealed.slice(4), 'base64').reverse().toString(),
};

const ADMIN = { username: 'ani', displayName: 'Ani', password: 'kata-sandi-ani' };
const CLERK = { username: 'budi', displayName: 'Budi', password: 'kata-sandi-budi', role: 'clerk', pin: '4821' };

interface App {
  host: CoreHost;
  dbPath: string;
  dir: string;
  pids: number[];
  statuses: CoreStatus[];
  dialog: { path: string | null };
}

/** The app as src/main/index.ts starts it: the key resolved (sealed) by main, read again for a restart. */
async function startApp(): Promise<App> {
  const dir = tempDir();
  const dbPath = join(dir, 'loket.db');
  const base = { dbPath, workerScript: null, secretBox: 'os' as const, printer: false, dialogs: true, timeZone: 'Asia/Jakarta' };
  const pids: number[] = [];
  const statuses: CoreStatus[] = [];
  const dialog: { path: string | null } = { path: null };
  const host = new CoreHost({
    spawn: () => {
      const child = spawnNodeCore();
      pids.push(child.pid);
      return child;
    },
    config: { ...base, ...(await resolveAppDatabaseKey(dbPath, osBox, {})) },
    restartConfig: async () => ({ ...base, ...(await resolveAppDatabaseKey(dbPath, osBox, {})) }),
    services: { secretBox: osBox, dialogs: { pick: async () => dialog.path } },
    afterRestore: () => sealRestoredKeyFile(dbPath, osBox, {}),
    restartDelaysMs: [0, 0, 0],
  });
  hosts.push(host);
  host.on('coreStatus', (status) => statuses.push(status));
  await host.start();
  value(await host.call('setupAdmin', ADMIN));
  return { host, dbPath, dir, pids, statuses, dialog };
}

/** A file as the app gets it: the main process's dialog answers, the core keeps the path behind a handle. */
async function choose(app: App, path: string, purpose: 'open-backup' | 'open-key' | 'save-backup' | 'save-key'): Promise<string> {
  app.dialog.path = path;
  const picked = value<{ file: { handle: string } | null }>(await app.host.call('pickFile', { purpose }));
  return picked.file!.handle;
}

async function register(host: CoreHost, name: string): Promise<number> {
  const patient = value<{ id: number }>(await host.call('createPatient', { name, dob: '1980-01-01' }));
  value(await host.call('registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' }));
  return patient.id;
}

const names = async (host: CoreHost): Promise<string[]> => value<{ patient: { name: string } }[]>(await host.call('dayQueue', {})).map((row) => row.patient.name);

/** A backup and its recovery key made from the app, then a registration after them. */
async function backedUp(app: App): Promise<{ backup: string; key: string }> {
  await register(app.host, 'Ani Lestari');
  const backup = join(app.dir, 'usb', 'loket-cadangan.db');
  const key = join(app.dir, 'usb', 'loket-kunci-pemulihan.txt');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(app.dir, 'usb'));
  value(await app.host.call('backupDatabase', { file: await choose(app, backup, 'save-backup') }));
  value(await app.host.call('exportRecoveryKey', { file: await choose(app, key, 'save-key') }));
  await register(app.host, 'Budi Santoso');
  return { backup, key };
}

const asideFolders = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith('loket.db.sebelum-pemulihan-'));

describe('restoring a backup through the app', () => {
  it('stops the core, restores the backup, moves the old files aside and runs the core again on the restored database', async () => {
    const app = await startApp();
    const { backup, key } = await backedUp(app);
    expect(await names(app.host)).toEqual(['ANI LESTARI', 'BUDI SANTOSO']);
    // A re-key since the backup: the recovery key opens the backup, and only the key the app holds opens the database replaced.
    value(await app.host.call('rekeyDatabase', {}));

    const answer = await app.host.call('restoreBackup', { backup: await choose(app, backup, 'open-backup'), keyFile: await choose(app, key, 'open-key') });
    const view = value<RestoreView>(answer);
    expect(view).toMatchObject({ backup: 'loket-cadangan.db', patients: 1, visits: 1, hubNote: null, numbersCarried: true });
    // The old database was read with the key the app holds (its key file is sealed, and newer than
    // the recovery key): its later registration is named, and its numbers are not given again.
    expect(view.asideHolds).toMatchObject({ kind: 'later', registrations: 1 });
    const aside = asideFolders(app.dir);
    expect(aside).toHaveLength(1);
    expect(view.aside).toBe(join(app.dir, aside[0]!));
    expect(readdirSync(view.aside!)).toEqual(expect.arrayContaining(['loket.db', 'loket.db.key']));

    // A new core process serves the restored database; the session is new there: sign in again.
    expect(app.pids.length).toBeGreaterThanOrEqual(3); // the first core, the restoring process, the new core
    expect(app.statuses.map((s) => s.state)).toEqual(['running', 'restarting', 'running']);
    expect(app.host.status.state).toBe('running');
    expect(value<{ phase: string }>(await app.host.call('sessionState', {})).phase).not.toBe('signed-in');
    value(await app.host.call('signIn', { username: ADMIN.username, password: ADMIN.password }));
    expect(await names(app.host)).toEqual(['ANI LESTARI']);
    // The key the restore wrote in plain form is sealed again by the OS store, as the app keeps it.
    expect(view.keySealed).toBe(true);
    expect(readFileSync(`${app.dbPath}.key`, 'utf8')).toMatch(/^os1:/m);
    expect(value(await app.host.call('databaseSecurity', {}))).toMatchObject({ keyStore: 'os', warning: null });
    // The restore is on the restored trail, under the administrator's name.
    const trail = value<{ entries: { action: string; actor: string }[] }>(await app.host.call('auditEntries', { limit: 100 }));
    expect(trail.entries.find((entry) => entry.action === 'restore')).toMatchObject({ actor: ADMIN.username });
    // The counter works on: a new registration is kept.
    await register(app.host, 'Citra Dewi');
    expect(await names(app.host)).toEqual(['ANI LESTARI', 'CITRA DEWI']);
  });

  it('a wrong recovery key is refused in words before the core stops: nothing moves, the administrator stays signed in', async () => {
    const app = await startApp();
    const { backup } = await backedUp(app);
    const wrong = join(app.dir, 'usb', 'kunci-lain.txt');
    writeFileSync(wrong, `raw:${'ab'.repeat(32)}\n`);
    const pids = app.pids.length;

    const answer = await app.host.call('restoreBackup', { backup: await choose(app, backup, 'open-backup'), keyFile: await choose(app, wrong, 'open-key') });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('restore/wrong-key');
    expect(asideFolders(app.dir)).toEqual([]);
    expect(existsSync(join(app.dir, 'loket.db.restoring'))).toBe(false);
    // The running core refused it: no core stopped, no process started, the session as it was.
    expect(app.pids).toHaveLength(pids);
    expect(app.statuses.map((s) => s.state)).toEqual(['running']);
    expect(value<{ phase: string }>(await app.host.call('sessionState', {})).phase).toBe('signed-in');
    expect(await names(app.host)).toEqual(['ANI LESTARI', 'BUDI SANTOSO']);
  });

  it('a backup from before the enrolment is refused before the core stops, and forced it restores', async () => {
    const app = await startApp();
    const { backup, key } = await backedUp(app);
    // Enrolled since the backup (what the refusal reads of the enrolment is this flag), written
    // beside the running core as another connection would.
    const { key: dbKey } = await resolveAppDatabaseKey(app.dbPath, osBox, {});
    const live = openRaw(app.dbPath, dbKey, {});
    live.prepare('UPDATE sync_state SET enrolled = 1 WHERE id = 1').run();
    live.close();
    const pids = app.pids.length;
    const handles = async () => ({ backup: await choose(app, backup, 'open-backup'), keyFile: await choose(app, key, 'open-key') });

    const refused = await app.host.call('restoreBackup', await handles());
    expect(!refused.ok && refused.error.code).toBe('restore/before-enrolment');
    expect(app.pids).toHaveLength(pids);
    expect(app.statuses.map((s) => s.state)).toEqual(['running']);
    expect(existsSync(join(app.dir, 'loket.db.restoring'))).toBe(false);

    const forced = await app.host.call('restoreBackup', { ...(await handles()), force: true });
    expect(value<RestoreView>(forced)).toMatchObject({ patients: 1, visits: 1 });
    expect(app.statuses.map((s) => s.state)).toEqual(['running', 'restarting', 'running']);
  });

  it('quitting while a restore runs waits for it to end, and starts no core after it', async () => {
    const app = await startApp();
    const { backup, key } = await backedUp(app);
    const handles = { backup: await choose(app, backup, 'open-backup'), keyFile: await choose(app, key, 'open-key') };
    const restarting = new Promise<void>((resolve) => app.host.on('coreStatus', (status) => status.state === 'restarting' && resolve()));
    const answer = app.host.call('restoreBackup', handles);
    await restarting;
    await app.host.stop(); // the app's will-quit: Electron ends the restoring process with the app
    // Already over when stop() returns: the backup in place, the old files aside, no copy left half-way.
    expect(existsSync(app.dbPath)).toBe(true);
    expect(asideFolders(app.dir)).toHaveLength(1);
    expect(existsSync(`${app.dbPath}.restoring`)).toBe(false);
    expect(value<RestoreView>(await answer)).toMatchObject({ patients: 1, visits: 1 });
    expect(app.pids).toHaveLength(2); // the first core and the restoring process: none after
  });

  it('a clerk is refused before the core stops, and the refusal is on the trail', async () => {
    const app = await startApp();
    const { backup, key } = await backedUp(app);
    const handles = { backup: await choose(app, backup, 'open-backup'), keyFile: await choose(app, key, 'open-key') };
    value(await app.host.call('saveAccount', CLERK));
    value(await app.host.call('signIn', { username: CLERK.username, password: CLERK.password }));
    const pids = app.pids.length;

    const answer = await app.host.call('restoreBackup', handles);
    expect(answer).toEqual({ ok: false, error: { code: 'session/forbidden' } });
    expect(app.pids).toHaveLength(pids); // no core was stopped, no process started
    expect(app.statuses.map((s) => s.state)).toEqual(['running']);
    expect(asideFolders(app.dir)).toEqual([]);
    value(await app.host.call('signIn', { username: ADMIN.username, password: ADMIN.password }));
    const trail = value<{ entries: { action: string; actor: string; detail: { method?: string } }[] }>(await app.host.call('auditEntries', { limit: 100 }));
    expect(trail.entries.find((entry) => entry.detail.method === 'restoreBackup')).toMatchObject({ action: 'refused', actor: CLERK.username });
  });

  it('a file chosen for another purpose is refused without stopping the core', async () => {
    const app = await startApp();
    const { backup, key } = await backedUp(app);
    const pids = app.pids.length;
    const answer = await app.host.call('restoreBackup', { backup: await choose(app, backup, 'save-backup'), keyFile: await choose(app, key, 'open-key') });
    expect(!answer.ok && answer.error.code).toBe('file/wrong-purpose');
    expect(app.pids).toHaveLength(pids);
    expect(await names(app.host)).toEqual(['ANI LESTARI', 'BUDI SANTOSO']);
  });
});
