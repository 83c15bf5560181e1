import { randomBytes, scryptSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { MAX_FAILED_ATTEMPTS } from '../../../src/core/accounts/lockout';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { runCaptured } from '../../helpers/cli-capture';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { openKeyedCore } from '../../helpers/keyed-database';
import { useTempDir } from '../../helpers/temp';
import { enrollmentCode } from '../facility/facility-harness';
import { ADMIN, accountsCore } from './accounts-fixture';

/** Accounts set at the facility hub reach its counters, which sign in with them also while the hub is away. */
const tempDir = useTempDir();
let postgres: TestPostgres;
let hub: RunningHub | undefined;
const savedPassword = process.env.LOKET_ACCOUNT_PASSWORD;

beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  if (savedPassword === undefined) delete process.env.LOKET_ACCOUNT_PASSWORD;
  else process.env.LOKET_ACCOUNT_PASSWORD = savedPassword;
});
afterAll(async () => {
  await postgres?.stop();
});

async function hubAccount(hubDir: string, ...args: string[]) {
  const run = await runCaptured(['hub', 'account', ...args, '--hub-dir', hubDir, '--json']);
  if (run.code !== 0) throw new Error(`hub account ${args.join(' ')}: ${run.errors.join(' ')}`);
  return run.data[0];
}

it('hub accounts: set with loket hub account, pulled by the counter (hashes only), used offline, not edited at the counter', async () => {
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  hub = await startHub({ pgUrl: await postgres.createDatabase('hub_accounts'), dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });

  process.env.LOKET_ACCOUNT_PASSWORD = 'sandi-budi-di-hub';
  await hubAccount(hubDir, 'add', 'budi', '--name', 'Budi Santoso', '--role', 'clerk');
  process.env.LOKET_ACCOUNT_PASSWORD = 'sandi-dewi-di-hub';
  await hubAccount(hubDir, 'add', 'dewi', '--name', 'Dewi Lestari', '--role', 'admin');
  expect(await hubAccount(hubDir, 'list')).toMatchObject({ accounts: [{ username: 'budi', role: 'clerk', hasPin: false, disabled: false }, { username: 'dewi', role: 'admin' }] });
  // add never replaces an account (protecttester P4): refused in words, budi stays a clerk.
  const taken = await runCaptured(['hub', 'account', 'add', 'BUDI', '--name', 'BUDI PALSU', '--role', 'admin', '--hub-dir', hubDir]);
  expect(taken.code).not.toBe(0);
  expect(taken.errors.join(' ')).toContain('nama pengguna "budi" sudah dipakai akun Budi Santoso di hub; tidak ada yang diubah');
  expect(await hubAccount(hubDir, 'list')).toMatchObject({ accounts: [{ username: 'budi', displayName: 'Budi Santoso', role: 'clerk' }, { username: 'dewi' }] });
  // A name the counters' trails use for someone who is not an account is no hub account either (protecttester P8).
  const reserved = await runCaptured(['hub', 'account', 'add', 'loket', '--name', 'PETUGAS LOKET', '--role', 'clerk', '--hub-dir', hubDir]);
  expect(reserved.code).not.toBe(0);
  expect(reserved.errors.join(' ')).toContain('nama pengguna "loket" tidak bisa dipakai: jejak audit loket memakai nama itu untuk yang bukan akun');
  expect((await hubAccount(hubDir, 'list')) as { accounts: unknown[] }).toMatchObject({ accounts: [{ username: 'budi' }, { username: 'dewi' }] });

  // The hub never saw a password: only scrypt hashes are stored.
  const { rows } = await hub.pg.query<{ password_hash: string }>('SELECT password_hash FROM hub_accounts');
  expect(rows.map((r) => r.password_hash.split('$')[0])).toEqual(['scrypt', 'scrypt']);
  expect(JSON.stringify(rows)).not.toContain('sandi-');

  // A counter set up on its own, then enrolled: its administrator enrolls it.
  const counter = accountsCore(join(dir, 'counter'));
  await counter.call('setupAdmin', ADMIN);
  await counter.call('enrollHub', { code: await enrollmentCode(hubDir, 'Loket 1') });
  expect(await counter.refusal('saveAccount', { username: 'eka', displayName: 'Eka', role: 'clerk', password: 'kata-sandi-eka' })).toEqual({ code: 'account/managed-by-hub', params: {} });
  await counter.core.syncNow({});

  const view = await counter.call('sessionState', {});
  expect(view.managedByHub).toBe(true);
  const stored = counter.core.db.prepare(`SELECT username, source, password_hash AS hash FROM accounts ORDER BY username_key`).all() as { username: string; source: string; hash: string }[];
  expect(stored.map((a) => [a.username, a.source])).toEqual([['Ani', 'local'], ['budi', 'hub'], ['dewi', 'hub']]);
  expect(stored.every((a) => a.hash.startsWith('scrypt$'))).toBe(true);
  expect(JSON.stringify(stored)).not.toContain('sandi-budi-di-hub');

  // From now on the hub's accounts sign in; the counter's own first administrator no longer does (her session ended).
  expect(view.phase).toBe('signed-out');
  expect((await counter.refusal('signIn', { username: 'ani', password: ADMIN.password })).code).toBe('account/wrong-credentials');
  expect(await counter.call('signIn', { username: 'budi', password: 'sandi-budi-di-hub' })).toMatchObject({ phase: 'signed-in', account: { username: 'budi', role: 'clerk', source: 'hub' } });
  expect(await counter.refusal('setOwnPin', { password: 'sandi-budi-di-hub', pin: '2468' })).toEqual({ code: 'account/managed-by-hub', params: {} });

  // Lock-out stays the counter's own, and survives the next pulls.
  await counter.call('signOut', {});
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await counter.refusal('signIn', { username: 'dewi', password: 'bukan-sandinya' });
  await counter.core.syncNow({});
  expect((await counter.refusal('signIn', { username: 'dewi', password: 'sandi-dewi-di-hub' })).code).toBe('account/locked-out');

  // Disabled at the hub: the counter learns it at its next round, and the signed-in session ends.
  await counter.call('signIn', { username: 'budi', password: 'sandi-budi-di-hub' });
  await hubAccount(hubDir, 'disable', 'budi');
  const announced = counter.sessions.length;
  await counter.core.syncNow({});
  expect(counter.sessions.length).toBeGreaterThan(announced);
  expect((await counter.call('sessionState', {})).phase).toBe('signed-out');
  expect((await counter.refusal('signIn', { username: 'budi', password: 'sandi-budi-di-hub' })).code).toBe('account/disabled');
  // On the counter's trail (protecttester P7): the enrolment by its administrator, and each account the hub added or changed, under the hub's name.
  const trail = (counter.core.db.prepare('SELECT actor, action, subject, detail FROM audit_log ORDER BY seq').all() as { actor: string; action: string; subject: string | null; detail: string }[])
    .filter((e) => e.actor.startsWith('hub:') || e.action === 'settings')
    .map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }));
  expect(trail).toEqual([
    { actor: 'Ani', action: 'settings', subject: null, detail: expect.objectContaining({ section: 'hub', method: 'enrollHub', facility: 'RSUD Uji', counter: 'Loket 1' }) },
    { actor: 'hub:RSUD Uji', action: 'account-change', subject: 'budi', detail: expect.objectContaining({ change: 'added', role: 'clerk', source: 'hub' }) },
    { actor: 'hub:RSUD Uji', action: 'account-change', subject: 'dewi', detail: expect.objectContaining({ change: 'added', role: 'admin', source: 'hub' }) },
    { actor: 'hub:RSUD Uji', action: 'account-change', subject: 'budi', detail: expect.objectContaining({ change: 'changed', disabled: true }) },
  ]);

  // The hub away: the last known accounts still sign in (a new password set meanwhile is not known yet).
  process.env.LOKET_ACCOUNT_PASSWORD = 'sandi-dewi-baru';
  await hubAccount(hubDir, 'passwd', 'dewi');
  await hub.stop();
  hub = undefined;
  counter.advance(60);
  expect(await counter.call('signIn', { username: 'dewi', password: 'sandi-dewi-di-hub' })).toMatchObject({ phase: 'signed-in', account: { username: 'dewi', role: 'admin' } });
  counter.core.close();
});

it('a hash from the hub outside the costs Loket makes is refused at the counter: said by loket sync and on the trail, the account not used (security tester 3)', async () => {
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  hub = await startHub({ pgUrl: await postgres.createDatabase('hub_account_costs'), dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });
  for (const [username, role] of [['budi', 'clerk'], ['dewi', 'admin'], ['eka', 'clerk']] as const) {
    process.env.LOKET_ACCOUNT_PASSWORD = `sandi-${username}-di-hub`;
    await hubAccount(hubDir, 'add', username, '--name', username.toUpperCase(), '--role', role);
  }
  // A hub that lies (or whose database was changed): budi's PIN hashed with N=2, guessed at once
  // from a stolen counter database; dewi's password with N=2^24 (16 GiB: a sign-in that never ends).
  const salt = randomBytes(16);
  const weakPin = ['scrypt', 2, 8, 1, salt.toString('base64'), scryptSync('2468', salt, 32, { N: 2, r: 8, p: 1 }).toString('base64')].join('$');
  const costly = ['scrypt', 2 ** 24, 8, 1, randomBytes(16).toString('base64'), randomBytes(32).toString('base64')].join('$');
  await hub.pg.query(`UPDATE hub_accounts SET pin_hash = $1, rev = nextval('hub_account_rev') WHERE username = 'budi'`, [weakPin]);
  await hub.pg.query(`UPDATE hub_accounts SET password_hash = $1, rev = nextval('hub_account_rev') WHERE username = 'dewi'`, [costly]);

  const db = join(dir, 'counter', 'loket.db');
  expect((await runCaptured(['enroll', '--code', await enrollmentCode(hubDir, 'Loket 1'), '--db', db])).code).toBe(0);
  const sync = await runCaptured(['sync', '--db', db]);
  expect(sync.code, sync.errors.join('\n')).toBe(0);
  expect(sync.errors).toEqual(
    expect.arrayContaining([
      expect.stringContaining('akun "budi" dari hub ditolak dan tidak dipakai di loket ini: hash PIN-nya lebih lemah dari yang dibuat Loket'),
      expect.stringContaining('akun "dewi" dari hub ditolak dan tidak dipakai di loket ini: hash kata sandinya jauh lebih berat dari yang dibuat Loket'),
    ]),
  );
  const core = openKeyedCore(db);
  try {
    expect(core.db.prepare(`SELECT username FROM accounts WHERE source = 'hub' ORDER BY username_key`).pluck().all()).toEqual(['eka']);
    const refused = (core.db.prepare(`SELECT subject, detail FROM audit_log WHERE action = 'account-change' ORDER BY seq`).all() as { subject: string; detail: string }[])
      .map((e): Record<string, unknown> => ({ ...(JSON.parse(e.detail) as Record<string, unknown>), subject: e.subject }))
      .filter((e) => e.change === 'refused');
    expect(refused).toEqual([
      expect.objectContaining({ subject: 'budi', secret: 'pin', problem: 'too-weak', source: 'hub' }),
      expect.objectContaining({ subject: 'dewi', secret: 'password', problem: 'too-costly', source: 'hub' }),
    ]);
  } finally {
    core.close();
  }
});
