import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { keyConfigOf, resolveFileKey } from '../../../src/core/store/resolve-file-key';
import { runCaptured } from '../../helpers/cli-capture';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
let db: string;

type Out = { patient: { mrn: string; name: string }; created: boolean };
const daftar = (...args: string[]) => runCaptured(['daftar', ...args, '--db', db, '--json']);
const mrnOf = (r: { data: unknown[] }): string => (r.data[0] as Out).patient.mrn;
const errorOf = (r: { data: unknown[] }) => (r.data[0] as { error: { code: string; message: string } }).error;

/** The old RM each record holds now, read from the database file as a new core opens it. */
async function oldMrnOf(mrn: string): Promise<string | null | undefined> {
  const core = createCore({ dbPath: db, workerScript: null, bpjsBackground: false, ...keyConfigOf(resolveFileKey({ dbPath: db, mayCreate: false })) });
  try {
    return (await core.findPatient({ mrn }))?.oldMrn;
  } finally {
    core.close();
  }
}

beforeEach(() => {
  db = join(tempDir(), 'loket.db');
  createCore({ dbPath: db, workerScript: null, bpjsBackground: false }).close();
});

// papertester F2 at the command line: `--rm-lama` puts the paper card's number on the record, and a
// new record for an old RM another record holds is refused, naming that record first.
describe('loket daftar --rm-lama (the old RM of a facility that moved from paper records)', () => {
  it('saves the old RM on a new record; a new record for an old RM held is refused naming the holder; --new goes on', async () => {
    const rina = await daftar('--name', 'RINA MARLINA', '--dob', '1975-06-06', '--rm-lama', 'No. RM 000003', '--unit', 'UMUM');
    expect(rina.code).toBe(0);
    expect(rina.data[0]).toMatchObject({ created: true, patient: { oldMrn: '000003' } });
    expect(await oldMrnOf(mrnOf(rina))).toBe('000003');

    // Another name and date, the same card number typed otherwise: RINA's record is named, first, with why.
    const budi = await daftar('--name', 'BUDI SANTOSO', '--dob', '1980-01-01', '--rm-lama', '3', '--unit', 'UMUM');
    expect(budi.code).toBe(1);
    expect(errorOf(budi).code).toBe('daftar/likely-duplicate');
    expect(errorOf(budi).message).toContain(`RM ${mrnOf(rina)} RINA MARLINA (lahir 1975-06-06, RM lama 000003 sama)`);
    expect(errorOf(budi).message).toContain(`--rm ${mrnOf(rina)}`);

    // Two paper folders can share a number: --new makes the record all the same, with that old RM.
    const other = await daftar('--name', 'BUDI SANTOSO', '--dob', '1980-01-01', '--rm-lama', '000003', '--new', '--unit', 'UMUM');
    expect(other.code).toBe(0);
    expect(other.data[0]).toMatchObject({ created: true, patient: { name: 'BUDI SANTOSO' } });
    expect(await oldMrnOf(mrnOf(other))).toBe('000003');
  });

  it('puts the old RM on the record registered on when it has none; one it has stays', async () => {
    const sri = await daftar('--name', 'SRI WAHYUNI', '--dob', '1950-01-01', '--unit', 'LANSIA');
    const again = await daftar('--rm', mrnOf(sri), '--rm-lama', 'B/0013', '--unit', 'UMUM');
    expect(again.data[0]).toMatchObject({ created: false, patient: { mrn: mrnOf(sri), oldMrn: 'B/0013' } });
    expect(await oldMrnOf(mrnOf(sri))).toBe('B/0013');
    const byName = await daftar('--name', 'SRI WAHYUNI', '--dob', '1950-01-01', '--rm-lama', '000999', '--unit', 'GIGI');
    expect(byName.data[0]).toMatchObject({ created: false, patient: { mrn: mrnOf(sri) } });
    expect(await oldMrnOf(mrnOf(sri))).toBe('B/0013');
  });

  it('is in the help and in English', async () => {
    const help = await runCaptured(['help', 'daftar']);
    expect([...help.lines, ...help.errors].join('\n')).toContain('--rm-lama');
    await daftar('--name', 'RINA MARLINA', '--dob', '1975-06-06', '--rm-lama', '000003', '--unit', 'UMUM');
    const en = await runCaptured(['daftar', '--name', 'BUDI SANTOSO', '--dob', '1980-01-01', '--rm-lama', '000003', '--unit', 'UMUM', '--db', db, '--json', '--lang', 'en']);
    expect(errorOf(en).message).toContain('RINA MARLINA (born 1975-06-06, same old MRN 000003)');
  });
});
