import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { openKeyedCore } from '../../helpers/keyed-database';
import { useTempDir } from '../../helpers/temp';
import { loket, requireBuiltCli } from '../../helpers/loket-command';
import { backedUpCounter } from './restore-fixture';

/**
 * `loket restore` on the audit trail (protecttester P12): the restored trail says a restore
 * happened, by whom, from which backup, and what the replaced database held beyond it; the report
 * says what the moved-aside folder holds instead of inviting its deletion. Real commands, real files.
 */

const cli = (args: string[], env: Record<string, string> = {}) => loket(args, { LOKET_DB_KEY: '', LOKET_DB_KEY_FILE: '', ...env });
const tempDir = useTempDir();
beforeAll(requireBuiltCli);

interface Row {
  seq: number;
  actor: string;
  action: string;
  detail: string;
}

/** The entries of a database's trail, read with the key beside it. */
function trailOf(db: string): Row[] {
  const core = openKeyedCore(db);
  try {
    return core.db.prepare('SELECT seq, actor, action, detail FROM audit_log ORDER BY seq').all() as Row[];
  } finally {
    core.close();
  }
}

describe('loket restore on the audit trail', () => {
  it('records the restore in the restored trail (who, which backup, the entries and registrations set aside), and says what the kept folder holds', async () => {
    const { dir, db, backup, recoveryKey } = await backedUpCounter(tempDir(), cli);
    // The backup's trail ends before the entry of the backup itself, written once the copy was taken.
    const backupHead = trailOf(db).at(-1)!.seq - 1;
    // After the backup: a registration (and its entries) the backup does not have.
    const later = await cli(['daftar', '--name', 'PASIEN SETELAH CADANGAN', '--dob', '1980-01-01', '--unit', 'GIGI', '--db', db]);
    expect(later.code, later.stderr).toBe(0);
    const replaced = trailOf(db).at(-1)!;
    expect(replaced.seq).toBeGreaterThan(backupHead);

    const restored = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db]);
    expect(restored.code, restored.stderr).toBe(0);
    const [aside] = readdirSync(dir).filter((name) => name.startsWith('loket.db.sebelum-pemulihan-'));
    const folder = join(dir, aside!);
    // The report says what the kept folder holds, and never invites deleting the only copy.
    expect(restored.stdout).not.toContain('Hapus folder itu sendiri');
    expect(restored.stdout).toContain(`PERHATIAN: basis data lama itu memuat 1 pendaftaran`);
    expect(restored.stdout).toContain(`entri jejak audit (sampai entri ${replaced.seq}) yang dibuat setelah cadangan ini`);
    expect(restored.stdout).toContain(`hanya ada di ${folder}: jangan hapus folder itu`);
    expect(restored.stdout).toContain(`Pemulihan ini dicatat di jejak audit basis data yang dipulihkan (entri ${backupHead + 1}`);

    // The restored trail: the backup's entries, then the restore, whole.
    const trail = trailOf(db);
    expect(trail).toHaveLength(backupHead + 1);
    const entry = trail.at(-1)!;
    expect(entry).toMatchObject({ seq: backupHead + 1, actor: `cli:${userInfo().username}`, action: 'restore' });
    expect(JSON.parse(entry.detail)).toMatchObject({
      from: backup,
      backupSeq: backupHead,
      aside: folder,
      replaced: 'read',
      replacedSeq: replaced.seq,
      setAside: replaced.seq - backupHead,
      registrationsSetAside: 1,
      forced: false,
    });
    const verify = await cli(['audit', 'verify', '--db', db, '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, entries: backupHead + 1 });

    // The set-aside entries are still in the kept folder's trail.
    expect(trailOf(join(folder, 'loket.db')).at(-1)).toEqual(replaced);
  });

  it('counts the registrations the backup lacks by visit, not by time: a pulled visit of a fast-clocked counter hides none of them (hub tester 2)', async () => {
    // The backup holds a visit dated a day ahead, as one pulled from a counter whose PC clock runs fast.
    const ahead = new Date(Date.now() + 86_400_000).toISOString();
    const { dir, db, backup, recoveryKey } = await backedUpCounter(tempDir(), cli, (path) => {
      const core = openKeyedCore(path);
      try {
        core.db.prepare('UPDATE visits SET registered_at = ?').run(ahead);
      } finally {
        core.close();
      }
    });
    // This counter registers two patients after the backup, by its own (right) clock.
    for (const name of ['PASIEN PERTAMA', 'PASIEN KEDUA']) {
      const later = await cli(['daftar', '--name', name, '--dob', '1980-01-01', '--unit', 'GIGI', '--db', db]);
      expect(later.code, later.stderr).toBe(0);
    }
    const restored = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('PERHATIAN: basis data lama itu memuat 2 pendaftaran (terakhir 2');
    expect(readdirSync(dir).filter((name) => name.startsWith('loket.db.sebelum-pemulihan-'))).toHaveLength(1);
    expect(JSON.parse(trailOf(db).at(-1)!.detail)).toMatchObject({ registrationsSetAside: 2 });
  });
});
