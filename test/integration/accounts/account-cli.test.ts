import { join } from 'node:path';
import { userInfo } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FAILED_ATTEMPTS } from '../../../src/core/accounts/lockout';
import { openKeyedCore } from '../../helpers/keyed-database';
import { dispatch } from '../../../src/core/dispatch';
import { runCaptured } from '../../helpers/cli-capture';
import { useTempDir } from '../../helpers/temp';
import { ADMIN, QUICK_HASH } from './accounts-fixture';

const tempDir = useTempDir();
let db: string;
const savedPassword = process.env.LOKET_ACCOUNT_PASSWORD;

beforeEach(async () => {
  db = join(tempDir(), 'loket.db');
  // The counter as the app leaves it (encrypted, its key beside it as the CLI finds it): a first administrator, nobody signed in.
  const core = openKeyedCore(db, { secretHashCost: QUICK_HASH, actor: undefined });
  await core.setupAdmin(ADMIN);
  core.close();
});
afterEach(() => {
  if (savedPassword === undefined) delete process.env.LOKET_ACCOUNT_PASSWORD;
  else process.env.LOKET_ACCOUNT_PASSWORD = savedPassword;
});

/** A sign-in as the app's window makes it, on the same database. */
async function signIn(username: string, password: string) {
  const core = openKeyedCore(db, { actor: undefined });
  try {
    return await dispatch(core, 'signIn', { username, password });
  } finally {
    core.close();
  }
}

describe('loket account', () => {
  it('the command line is the database’s administrator: it adds, lists, disables and enables accounts', async () => {
    process.env.LOKET_ACCOUNT_PASSWORD = 'kata-sandi-budi';
    const added = await runCaptured(['account', 'add', 'budi', '--name', 'Budi Santoso', '--role', 'clerk', '--db', db, '--json']);
    expect(added.code).toBe(0);
    expect(added.data[0]).toMatchObject({ username: 'budi', displayName: 'Budi Santoso', role: 'clerk', disabled: false, source: 'local' });
    expect(JSON.stringify(added.data)).not.toContain('kata-sandi-budi');
    expect(await signIn('budi', 'kata-sandi-budi')).toMatchObject({ ok: true, value: { phase: 'signed-in' } });

    const listed = await runCaptured(['account', 'list', '--db', db, '--lang', 'en']);
    expect(listed.lines).toEqual(['Ani  Ani Suryani  [admin]', 'budi  Budi Santoso  [clerk]']);

    expect((await runCaptured(['account', 'disable', 'BUDI', '--db', db])).lines).toEqual(['Akun budi dinonaktifkan.']);
    expect(await signIn('budi', 'kata-sandi-budi')).toMatchObject({ ok: false, error: { code: 'account/disabled' } });
    expect((await runCaptured(['account', 'enable', 'budi', '--db', db])).code).toBe(0);
    expect(await signIn('budi', 'kata-sandi-budi')).toMatchObject({ ok: true });
  });

  it('add with a username already in use (in any case) is refused in words and changes nothing (protecttester P4)', async () => {
    process.env.LOKET_ACCOUNT_PASSWORD = 'kata-sandi-budi';
    expect((await runCaptured(['account', 'add', 'budi', '--name', 'Budi Santoso', '--role', 'clerk', '--db', db])).code).toBe(0);
    process.env.LOKET_ACCOUNT_PASSWORD = 'ambil-alih-99';
    const taken = await runCaptured(['account', 'add', 'BUDI', '--name', 'BUDI PALSU', '--role', 'admin', '--db', db]);
    expect(taken.code).not.toBe(0);
    expect(taken.errors.join(' ')).toContain('Nama pengguna "budi" sudah dipakai akun Budi Santoso. Tidak ada yang diubah.');
    const listed = await runCaptured(['account', 'list', '--db', db, '--lang', 'en']);
    expect(listed.lines).toContain('budi  Budi Santoso  [clerk]');
    expect(await signIn('budi', 'kata-sandi-budi')).toMatchObject({ ok: true, value: { account: { role: 'clerk' } } });
    expect(await signIn('budi', 'ambil-alih-99')).toMatchObject({ ok: false });
    // The contract refuses it too, whoever calls (the app's Tambah akun sends `create`).
    const core = openKeyedCore(db, { actor: undefined });
    try {
      expect(await dispatch(core, 'signIn', { username: 'ani', password: ADMIN.password })).toMatchObject({ ok: true });
      expect(await dispatch(core, 'saveAccount', { username: 'Budi', displayName: 'BUDI PALSU', role: 'admin', password: 'ambil-alih-99', create: true })).toMatchObject({
        ok: false,
        error: { code: 'account/username-taken', params: { username: 'budi', displayName: 'Budi Santoso' } },
      });
    } finally {
      core.close();
    }
  });

  it('the names the audit trail uses for someone who is not an account are refused in words, in any case (protecttester P8)', async () => {
    process.env.LOKET_ACCOUNT_PASSWORD = 'kata-sandi-loket';
    for (const name of ['no-session', 'Loket', 'ADMIN']) {
      const refused = await runCaptured(['account', 'add', name, '--name', 'PETUGAS LOKET', '--role', 'clerk', '--db', db]);
      expect(refused.code).not.toBe(0);
      expect(refused.errors.join(' ')).toContain(`Nama pengguna "${name}" tidak bisa dipakai: jejak audit memakai nama itu untuk yang bukan akun`);
    }
    expect((await runCaptured(['account', 'list', '--db', db, '--lang', 'en'])).lines).toEqual(['Ani  Ani Suryani  [admin]']);
    // The contract refuses it too, whoever calls (the app's Tambah akun, the harness bridge).
    const core = openKeyedCore(db, { actor: undefined });
    try {
      expect(await dispatch(core, 'signIn', { username: 'ani', password: ADMIN.password })).toMatchObject({ ok: true });
      expect(await dispatch(core, 'saveAccount', { username: 'loket', displayName: 'PETUGAS LOKET', role: 'clerk', password: 'kata-sandi-loket', create: true })).toMatchObject({
        ok: false,
        error: { code: 'account/username-reserved', params: { username: 'loket' } },
      });
      expect(await dispatch(core, 'saveAccount', { username: 'no-session', displayName: 'PETUGAS LOKET', role: 'clerk', password: 'kata-sandi-loket' })).toMatchObject({
        ok: false,
        error: { code: 'account/username-reserved' },
      });
    } finally {
      core.close();
    }
  });

  it('the last administrator forgot the password and locked herself out: passwd gives a new one and lifts the lock-out', async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await signIn('ani', 'lupa-lupa-lupa');
    expect(await signIn('ani', ADMIN.password)).toMatchObject({ ok: false, error: { code: 'account/locked-out' } });
    process.env.LOKET_ACCOUNT_PASSWORD = 'ingat-sekarang';
    const changed = await runCaptured(['account', 'passwd', 'ani', '--db', db, '--lang', 'en']);
    expect(changed).toMatchObject({ code: 0, lines: ['Password of Ani changed (a lock-out is lifted too).'] });
    expect(await signIn('ani', 'ingat-sekarang')).toMatchObject({ ok: true, value: { account: { username: 'Ani', role: 'admin' } } });
  });

  it('unlock lifts a lock-out only; mistakes are worded and the last administrator stays one', async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await signIn('ani', 'lupa-lupa-lupa');
    expect((await runCaptured(['account', 'unlock', 'ani', '--db', db, '--json'])).data[0]).toMatchObject({ username: 'Ani', lockedUntil: null });
    expect(await signIn('ani', ADMIN.password)).toMatchObject({ ok: true });

    expect(await runCaptured(['account', 'disable', 'ani', '--db', db, '--json'])).toMatchObject({ code: 1, data: [{ ok: false, error: { code: 'account/last-admin' } }] });
    expect(await runCaptured(['account', 'passwd', 'nobody', '--db', db, '--lang', 'en'])).toMatchObject({ code: 1, errors: ['Account "nobody" does not exist.'] });
    const badRole = await runCaptured(['account', 'add', 'dewi', '--name', 'Dewi', '--role', 'boss', '--db', db, '--lang', 'en']);
    expect(badRole.code).toBe(2);
    expect(badRole.errors[0]).toMatch(/^--role "boss" is not a known role/);
    expect((await runCaptured(['account', 'rename', '--db', db])).code).toBe(2);
  });

  it('what the command line does is recorded under cli:<os user>', async () => {
    const { writeSampleCsv } = await import('../../helpers/sample-list');
    const { fileFor } = await import('../../helpers/files');
    const core = openKeyedCore(db, { actor: { username: 'setup', role: 'admin' } });
    await core.importList({ file: fileFor(core, writeSampleCsv(join(db, '..'))), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    core.close();
    const r = await runCaptured(['daftar', '3673015203850003', '--unit', 'UMUM', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const check = openKeyedCore(db, { actor: undefined });
    try {
      expect(check.db.prepare('SELECT registered_by FROM visits').pluck().all()).toEqual([`cli:${userInfo().username}`]);
    } finally {
      check.close();
    }
  });
});
