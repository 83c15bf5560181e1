import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { keyConfigOf, resolveFileKey } from '../../../src/core/store/resolve-file-key';
import { runCaptured } from '../../helpers/cli-capture';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
let db: string;

const run = (...args: string[]) => runCaptured([...args, '--db', db]);
const mrnOf = (r: { data: unknown[] }): string => (r.data[0] as { patient: { mrn: string } }).patient.mrn;

beforeEach(() => {
  db = join(tempDir(), 'loket.db');
  createCore({ dbPath: db, workerScript: null, bpjsBackground: false }).close();
});

describe('loket gabung (searchtester S9)', () => {
  it('shows both records and changes nothing without --yes; with --yes merges, and daftar --name is no longer ambiguous', async () => {
    const first = await run('daftar', '3671024312920005', '--name', 'DEWI LESTARI', '--unit', 'UMUM', '--json');
    expect(first.data[0], JSON.stringify(first)).toMatchObject({ created: true });
    const dewi = mrnOf(first);
    // The copy database's record of her (searchtester S1/S5), its name corrected with F3 since: two records, one name and birth date.
    const core = createCore({ dbPath: db, workerScript: null, bpjsBackground: false, ...keyConfigOf(resolveFileKey({ dbPath: db, mayCreate: false })) });
    const dewy = (await core.registerNewPatient({ identity: { name: 'DEWI LESTARI', dob: '1992-12-03', sex: 'P' }, unit: 'GIGI', verdict: null })).patient.mrn;
    core.close();
    const ambiguous = await run('daftar', '--name', 'DEWI LESTARI', '--dob', '1992-12-03', '--unit', 'GIGI', '--lang', 'en');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.errors.join('\n')).toContain('loket gabung MRN_KEPT MRN_DUPLICATE');

    const preview = await run('gabung', dewi, dewy, '--lang', 'en');
    expect(preview.code).toBe(0);
    expect(preview.lines.join('\n')).toMatch(new RegExp(`KEPT +MRN ${dewi} +DEWI LESTARI +born 1992-12-03 +NIK 3671•+0005`));
    expect(preview.lines.join('\n')).toMatch(new RegExp(`MERGED +MRN ${dewy} +DEWI LESTARI .*visits: 1 `));
    expect(preview.lines.join('\n')).toContain('Not merged yet');
    expect((await run('gabung', dewi, dewy, '--json')).data[0]).toMatchObject({ merged: false });

    const merged = await run('gabung', dewi, dewy, '--yes');
    expect(merged.code).toBe(0);
    expect(merged.lines.join('\n')).toContain(`RM ${dewy} digabung ke RM ${dewi}: 1 kunjungan dipindah`);
    const again = await run('daftar', '--name', 'DEWI LESTARI', '--dob', '1992-12-03', '--unit', 'LANSIA', '--json');
    expect(again.code, JSON.stringify(again)).toBe(0);
    expect(again.data[0]).toMatchObject({ patient: { mrn: dewi } });
    const twice = await run('gabung', dewi, dewy, '--yes', '--lang', 'en');
    expect(twice.code).toBe(1);
    expect(twice.errors.join('\n')).toContain(`MRN ${dewy} has already been merged into MRN ${dewi}`);
    expect((await run('gabung', dewi)).code).toBe(2);
  });

  it('papertester F4: lists both old RMs and says the duplicate\'s keeps finding the record that stays', async () => {
    const core = createCore({ dbPath: db, workerScript: null, bpjsBackground: false, ...keyConfigOf(resolveFileKey({ dbPath: db, mayCreate: true })) });
    const budi = (await core.registerNewPatient({ identity: { name: 'BUDI SANTOSO', dob: '1970-01-01', sex: 'L', oldMrn: '000003' }, unit: 'UMUM', verdict: null })).patient.mrn;
    const andi = (await core.registerNewPatient({ identity: { name: 'ANDI WIJAYA', dob: '1975-06-06', sex: 'L', oldMrn: '000555' }, unit: 'UMUM', verdict: null })).patient.mrn;
    core.close();
    const preview = (await run('gabung', budi, andi)).lines.join('\n');
    expect(preview).toContain(`RM lama: RM ${budi} 000003, RM ${andi} 000555.`);
    expect(preview).toContain(`RM lama 000555 (dari RM ${andi}) tetap menemukan pasien ini: mencarinya menemukan RM ${budi}.`);
    // What the record that stays keeps of its own is named, as the hub's notice names it.
    expect(preview).toContain(`Tidak diambil (RM ${budi} punya isinya sendiri, atau nomornya milik rekam medis lain): tanggal lahir.`);
  });

  it('names the birth date, sex and address the record that stays takes from the duplicate', async () => {
    const core = createCore({ dbPath: db, workerScript: null, bpjsBackground: false, ...keyConfigOf(resolveFileKey({ dbPath: db, mayCreate: true })) });
    const bare = (await core.createPatient({ name: 'DEWY LESTARI' })).mrn;
    const full = (await core.createPatient({ name: 'DEWI LESTARI', dob: '1992-12-03', sex: 'P', address: 'JL. KENANGA 5' })).mrn;
    core.close();
    const preview = (await run('gabung', bare, full, '--lang', 'en')).lines.join('\n');
    expect(preview).toContain(`The kept MRN takes from MRN ${full}: birth date, sex, address (what it lacks; nothing is overwritten).`);
    expect(preview).not.toContain('Not taken');
  });
});
