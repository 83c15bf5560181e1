/**
 * The refusals a running core gives before its host stops it for a restore from the app
 * (store/restore-precheck.ts, through core.restorePlan): on real encrypted files, a real backup
 * with its list edition and a recovery key, so a refusal never costs the counter a restart.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { editionFileName, listsDirOf } from '../../../src/core/store/edition-store';
import { openKeyedCore } from '../../helpers/keyed-database';
import { writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

interface Setup {
  core: Core;
  dbPath: string;
  backup: string;
  key: string;
  dir: string;
}

async function backedUpCore(): Promise<Setup> {
  const dir = tempDir();
  const dbPath = join(dir, 'loket.db');
  const core = openKeyedCore(dbPath);
  await core.importList({ file: core.registerFile(writeSampleCsv(dir), 'open-list').handle, list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
  mkdirSync(join(dir, 'usb'));
  const backup = join(dir, 'usb', 'cadangan.db');
  const key = join(dir, 'usb', 'kunci.txt');
  await core.backupDatabase({ file: core.registerFile(backup, 'save-backup').handle });
  await core.exportRecoveryKey({ file: core.registerFile(key, 'save-key').handle });
  return { core, dbPath, backup, key, dir };
}

/** What core.restorePlan answers: the plan, or the refusal's code and parameters. */
async function plan(s: Setup, files: { backup?: string; key?: string }, force = false): Promise<unknown> {
  try {
    const value = await s.core.restorePlan({
      backup: s.core.registerFile(files.backup ?? s.backup, 'open-backup').handle,
      keyFile: s.core.registerFile(files.key ?? s.key, 'open-key').handle,
      force,
    });
    return { ok: value };
  } catch (error) {
    const { key, params } = error as { key: string; params: Record<string, unknown> };
    return { refused: key, params };
  } finally {
    // The check's copy of the backup never stays, refused or not.
    expect(existsSync(`${s.dbPath}.restoring`)).toBe(false);
  }
}

describe('a restore checked by the running core', () => {
  it('passes a good backup with its recovery key, and names the files', async () => {
    const s = await backedUpCore();
    try {
      expect(await plan(s, {})).toEqual({ ok: { dbPath: s.dbPath, from: s.backup, keyFile: s.key, force: false, actor: 'cli:test' } });
    } finally {
      s.core.close();
    }
  });

  it('refuses what the backup and its key are: missing, a folder, not a database, a wrong key, a key file gone, a current list missing', async () => {
    const s = await backedUpCore();
    try {
      const notDb = join(s.dir, 'usb', 'catatan.txt');
      writeFileSync(notDb, 'bukan basis data\n'.repeat(100));
      const wrongKey = join(s.dir, 'usb', 'kunci-lain.txt');
      writeFileSync(wrongKey, `raw:${'ab'.repeat(32)}\n`);
      expect(await plan(s, { backup: join(s.dir, 'usb', 'tidak-ada.db') })).toMatchObject({ refused: 'restore/backup-missing' });
      expect(await plan(s, { backup: join(s.dir, 'usb') })).toMatchObject({ refused: 'restore/backup-is-folder' });
      expect(await plan(s, { backup: notDb })).toMatchObject({ refused: 'restore/not-a-backup' });
      expect(await plan(s, { key: wrongKey })).toMatchObject({ refused: 'restore/wrong-key', params: { path: s.backup, keyFile: wrongKey } });
      expect(await plan(s, { key: join(s.dir, 'usb', 'hilang.txt') })).toMatchObject({ refused: 'restore/key-file-missing' });
      // The current edition of the backup's list left behind on another disk.
      rmSync(join(listsDirOf(s.backup), editionFileName(1)));
      expect(await plan(s, {})).toMatchObject({ refused: 'restore/lists-missing', params: { file: editionFileName(1) } });
    } finally {
      s.core.close();
    }
  });

  it('refuses changes the hub has not received and a backup from before the enrolment, unless forced', async () => {
    const s = await backedUpCore();
    try {
      s.core.db.prepare(`INSERT INTO outbox (op_id, kind, row_id, at) VALUES ('op-1', 'visit', 1, '2026-12-02T01:00:00Z'), ('op-2', 'patient', 1, '2026-12-02T01:00:00Z')`).run();
      expect(await plan(s, {})).toEqual({ refused: 'restore/unsent', params: { path: s.dbPath, changes: 2, registrations: 1 } });
      s.core.db.prepare('DELETE FROM outbox').run();
      s.core.db.prepare('UPDATE sync_state SET enrolled = 1 WHERE id = 1').run();
      expect(await plan(s, {})).toEqual({ refused: 'restore/before-enrolment', params: { path: s.backup } });
      expect(await plan(s, {}, true)).toMatchObject({ ok: { force: true } });
    } finally {
      s.core.close();
    }
  });
});
