import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudit } from '../../../src/core/audit/audit-log.repo';
import { auditedMethods } from '../../../src/core/audit/audited-methods';
import { LoketError } from '../../../src/core/errors';
import { openDatabase, type Db } from '../../../src/core/store/open-database';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { MessageKey } from '../../../src/shared/i18n/messages';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const NOW = new Date('2026-11-30T02:00:00Z');

/**
 * The methods other branches add (accounts, keys, member export) are mapped by name before they
 * exist here: stand-ins with their names and answers show what each records, on a real database.
 */
/** A LoketError with a code of another branch's catalog (the constructor words it, and this catalog lacks it). */
const coded = (code: string): LoketError => Object.assign(Object.create(LoketError.prototype) as LoketError, { key: code as MessageKey, params: {} });

function standIns(db: Db, session: { clerk: string }) {
  const refuse = (code: string) => async (): Promise<never> => {
    throw coded(code);
  };
  const methods = {
    signIn: async ({ username, password }: { username: string; password: string }) => {
      if (password !== 'benar') throw coded('account/wrong-credentials');
      session.clerk = username;
      return { phase: 'signed-in' };
    },
    unlock: async () => ({ phase: 'signed-in', account: { username: session.clerk } }),
    switchClerk: refuse('account/locked-out'),
    lockSession: async () => ({ phase: 'locked' }),
    signOut: async () => {
      session.clerk = '';
      return { phase: 'signed-out' };
    },
    saveAccount: async (input: { username: string; role: string; password?: string }) => ({ username: input.username, role: input.role }),
    rekeyDatabase: async () => ({ ok: true }),
    exportMembers: async () => ({ name: 'members.csv', rows: 12 }),
    backupDatabase: refuse('session/forbidden'),
    notAudited: async () => 1,
  };
  return auditedMethods({ db, now: () => NOW, settings: () => DEFAULT_SETTINGS, clerk: () => session.clerk }, methods);
}

describe('the rules for methods of the accounts, keys and masking work', () => {
  it('records sign-ins (the username asked on failure), lock, sign-out, account changes, re-key and exports, refused ones too', async () => {
    const db = openDatabase(join(tempDir(), 'loket.db'));
    const session = { clerk: '' };
    const m = standIns(db, session);
    await expect(m.signIn({ username: 'ani', password: 'salah' })).rejects.toThrow();
    await m.signIn({ username: 'ani', password: 'benar' });
    await expect(m.switchClerk()).rejects.toThrow();
    await m.lockSession();
    await m.unlock();
    await m.saveAccount({ username: 'budi', role: 'clerk', password: 'rahasia-panjang' });
    await m.rekeyDatabase();
    await m.exportMembers();
    await expect(m.backupDatabase()).rejects.toThrow();
    await m.notAudited();
    await m.signOut();
    const rows = readAudit(db, { limit: 50 }).reverse().map((e) => [e.actor, e.action, e.subject, e.detail]);
    expect(rows).toEqual([
      ['', 'login-failed', null, { method: 'signIn', username: 'ani', error: 'account/wrong-credentials' }],
      ['ani', 'login', null, { method: 'signIn', username: 'ani' }],
      ['ani', 'login-failed', null, { method: 'switchClerk', username: '', error: 'account/locked-out' }],
      ['ani', 'lock', null, {}],
      ['ani', 'login', null, { method: 'unlock', username: 'ani' }],
      ['ani', 'account-change', 'budi', { method: 'saveAccount', role: 'clerk', passwordSet: true, pinSet: false }],
      ['ani', 'rekey', null, { method: 'rekeyDatabase' }],
      ['ani', 'export', null, { method: 'exportMembers', what: 'members:', rows: 12 }],
      ['ani', 'export', null, { method: 'backupDatabase', what: 'backup', ok: false, error: 'session/forbidden' }],
      ['ani', 'logout', null, {}],
    ]);
    // Never a password.
    expect(JSON.stringify(rows)).not.toMatch(/benar|salah|rahasia/);
    db.close();
  });
});
