import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { keyConfigOf, resolveFileKey } from '../../../src/core/store/resolve-file-key';
import { runCaptured } from '../../helpers/cli-capture';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
let db: string;

type Out = { patient: { mrn: string; nik: string | null; name: string }; created: boolean };
const daftar = (...args: string[]) => runCaptured(['daftar', ...args, '--db', db, '--json']);
const mrnOf = (r: { data: unknown[] }): string => (r.data[0] as Out).patient.mrn;
const errorOf = (r: { data: unknown[] }) => (r.data[0] as { error: { code: string; message: string } }).error;

beforeEach(() => {
  db = join(tempDir(), 'loket.db');
  createCore({ dbPath: db, workerScript: null, bpjsBackground: false }).close();
});

describe('loket daftar and a patient who may already have a record (searchtester S11, S5, S4)', () => {
  it('refuses a new record for the same name with a date slip, naming the record; --new makes it, --rm registers on it', async () => {
    const first = await daftar('--name', 'SRI WAHYUNI', '--dob', '1983-04-09', '--unit', 'LANSIA');
    expect(first.data[0]).toMatchObject({ created: true });
    const rm = mrnOf(first);

    // Day and month swapped: probably the same person.
    const swapped = await daftar('--name', 'SRI WAHYUNI', '--dob', '1983-09-04', '--unit', 'UMUM');
    expect(swapped.code).toBe(1);
    expect(errorOf(swapped).code).toBe('daftar/likely-duplicate');
    expect(errorOf(swapped).message).toContain(`RM ${rm} SRI WAHYUNI (lahir 1983-04-09)`);
    expect(errorOf(swapped).message).toContain('--new');

    // The officer says which: the same person's record...
    const onRecord = await daftar('--rm', rm, '--unit', 'UMUM');
    expect(onRecord.code).toBe(0);
    expect(onRecord.data[0]).toMatchObject({ created: false, patient: { mrn: rm } });
    // ... or another person: a new record, made only when asked for.
    const other = await daftar('--name', 'SRI WAHYUNI', '--dob', '1983-09-04', '--unit', 'GIGI', '--new');
    expect(other.code).toBe(0);
    expect(other.data[0]).toMatchObject({ created: true });
    expect(mrnOf(other)).not.toBe(rm);
  });

  it('takes the record of the same name spelt otherwise with the exact date, asks about a word left out', async () => {
    const first = await daftar('--name', 'RACHMAT HIDAYAT', '--dob', '1965-11-11', '--unit', 'UMUM');
    const again = await daftar('--name', 'RAHMAT HIDAYAT', '--dob', '1965-11-11', '--unit', 'GIGI');
    expect(again.data[0]).toMatchObject({ created: false, patient: { mrn: mrnOf(first) } });
    const shortened = await daftar('--name', 'RACHMAT', '--dob', '1965-11-11', '--unit', 'LANSIA');
    expect(errorOf(shortened).code).toBe('daftar/likely-duplicate');
  });

  it('saves the birth date and sex a NIK encodes; a KTP of a patient registered without NIK is refused as a new record, and --rm puts the NIK on the record', async () => {
    const wahyu = await daftar('3673011505900003', '--name', 'WAHYU PRATAMA', '--unit', 'UMUM');
    expect(wahyu.code).toBe(0);
    const core = createCore({ dbPath: db, workerScript: null, bpjsBackground: false, ...keyConfigOf(resolveFileKey({ dbPath: db, mayCreate: false })) });
    const record = await core.findPatient({ nik: '3673011505900003' });
    core.close();
    expect(record).toMatchObject({ dob: '1990-05-15', sex: 'L' });

    // SUTINAH, registered without NIK as 01-07-1950, brings a KTP saying 12-03-1950.
    const sutinah = await daftar('--name', 'SUTINAH', '--dob', '1950-07-01', '--unit', 'LANSIA');
    const ktp = await daftar('3673015203500001', '--name', 'SUTINAH', '--unit', 'UMUM');
    expect(errorOf(ktp).code).toBe('daftar/likely-duplicate');
    expect(errorOf(ktp).message).toContain(`--rm ${mrnOf(sutinah)}`);
    const onRecord = await daftar('3673015203500001', '--rm', mrnOf(sutinah), '--unit', 'UMUM');
    expect(onRecord.data[0]).toMatchObject({ created: false, patient: { mrn: mrnOf(sutinah), nik: '3673015203500001' } });
    // The next scan of her KTP finds her record.
    const next = await daftar('3673015203500001', '--unit', 'GIGI');
    expect(next.data[0]).toMatchObject({ created: false, patient: { mrn: mrnOf(sutinah) } });
  });

  it('--new always makes a new record: never the record of a name spelt otherwise (papertester F16); a number held by a record is refused, naming it', async () => {
    const qori = await daftar('--name', 'QORI AINI', '--dob', '1991-09-09', '--unit', 'UMUM');
    expect(qori.data[0]).toMatchObject({ created: true });
    const qory = await daftar('--name', 'QORY AINI', '--dob', '1991-09-09', '--new', '--unit', 'LANSIA');
    expect(qory.code).toBe(0);
    expect(qory.data[0]).toMatchObject({ created: true, patient: { name: 'QORY AINI' } });
    expect(mrnOf(qory)).not.toBe(mrnOf(qori));

    // A NIK already on a record is that record's: --new cannot make a second one; the record is named.
    const wahyu = await daftar('3673011505900003', '--name', 'WAHYU PRATAMA', '--unit', 'UMUM');
    const again = await daftar('3673011505900003', '--name', 'WAHYU PRATAMA', '--new', '--unit', 'GIGI');
    expect(again.code).toBe(1);
    expect(errorOf(again).code).toBe('daftar/new-but-number-held');
    expect(errorOf(again).message).toContain(`RM ${mrnOf(wahyu)} WAHYU PRATAMA`);
    expect(errorOf(again).message).toContain(`--rm ${mrnOf(wahyu)}`);

    const both = await daftar('--rm', mrnOf(qori), '--new', '--unit', 'UMUM');
    expect(both.code).not.toBe(0);
    expect((await daftar('--rm', mrnOf(qori), '--unit', 'GIGI')).data[0]).toMatchObject({ created: false, patient: { mrn: mrnOf(qori) } });
  });

  it('names an unknown record number', async () => {
    const r = await daftar('--rm', '000099', '--unit', 'UMUM');
    expect(r.code).toBe(1);
    expect(errorOf(r).code).toBe('daftar/unknown-rm');
  });
});
