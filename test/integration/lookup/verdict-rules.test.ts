import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { DJOKO, RIZKI, SITI } from '../../helpers/sample-list';
import { useTempDir, writeCsv } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();
const HEADER = ['NIK', 'NO KARTU', 'NAMA', 'TGL LAHIR', 'JK', 'STATUS'];
const NOW = new Date('2026-11-30T03:00:00Z'); // WIB 10:00

async function coreWith(lists: { name: string; kind: 'jamkesda' | 'pbi-apbd' | 'pbi-apbn'; asOf: string; rows: string[][] }[]): Promise<Core> {
  const dir = tempDir();
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW });
  for (const [i, l] of lists.entries()) {
    const path = writeCsv(join(dir, `list-${i}.csv`), [HEADER, ...l.rows]);
    await core.importList({ file: fileFor(core, path), list: l.name, kind: l.kind, asOf: l.asOf });
  }
  return core;
}

const siti = (status: string): string[] => [SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P', status];

describe('a current list outranks a stale one', () => {
  it('this month\'s "Non-aktif" wins over a 425-day-old "Aktif"; the stale row is still shown with its age', async () => {
    const core = await coreWith([
      { name: 'Jamkesda 2025', kind: 'jamkesda', asOf: '2025-10-01', rows: [siti('AKTIF')] },
      { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01', rows: [siti('NON AKTIF')] },
    ]);
    const r = await core.lookup({ query: SITI.nik });
    expect(r.verdict).toBe('not-eligible');
    expect(r.matches).toHaveLength(2);
    expect(r.matches.find((m) => m.list.name === 'Jamkesda 2025')).toMatchObject({ status: 'active', stale: true, ageDays: 425 });
    expect(r.matches.find((m) => m.list.name === 'PBI APBD')).toMatchObject({ status: 'inactive', stale: false, ageDays: 29 });
    core.close();
  });

  it('a current "Aktif" over a stale "Non-aktif" is eligible', async () => {
    const core = await coreWith([
      { name: 'Jamkesda 2025', kind: 'jamkesda', asOf: '2025-10-01', rows: [siti('NON AKTIF')] },
      { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01', rows: [siti('AKTIF')] },
    ]);
    expect((await core.lookup({ query: SITI.card })).verdict).toBe('eligible');
    core.close();
  });

  it('when only a stale list knows the member, its answer stands, marked stale', async () => {
    const core = await coreWith([
      { name: 'Jamkesda 2025', kind: 'jamkesda', asOf: '2025-10-01', rows: [siti('AKTIF')] },
      { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01', rows: [[RIZKI.nik, RIZKI.card, RIZKI.name, '17-08-1990', 'L', 'AKTIF']] },
    ]);
    const r = await core.lookup({ query: SITI.nik });
    expect(r.verdict).toBe('eligible');
    expect(r.matches[0]).toMatchObject({ stale: true, ageDays: 425 });
    core.close();
  });

  it('two current lists: an active membership in either is coverage', async () => {
    const core = await coreWith([
      { name: 'PBI APBN', kind: 'pbi-apbn', asOf: '2026-10-20', rows: [siti('AKTIF')] },
      { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01', rows: [siti('PINDAH')] },
    ]);
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    core.close();
  });
});

describe('a status of several words reads as its strongest word', () => {
  it('"NON AKTIF - MENINGGAL" is deceased, "AKTIF (PBI)" active, "TIDAK DITEMUKAN" not active', async () => {
    const core = await coreWith([
      {
        name: 'PBI APBD',
        kind: 'pbi-apbd',
        asOf: '2026-11-01',
        rows: [siti('NON AKTIF - MENINGGAL'), [RIZKI.nik, RIZKI.card, RIZKI.name, '17-08-1990', 'L', 'AKTIF (PBI)'], [DJOKO.nik, DJOKO.card, DJOKO.name, '01-01-1970', 'L', 'TIDAK DITEMUKAN']],
      },
    ]);
    const dead = await core.lookup({ query: SITI.nik });
    expect(dead).toMatchObject({ verdict: 'not-eligible' });
    expect(dead.matches[0]).toMatchObject({ status: 'inactive', statusReason: 'deceased' });
    expect((await core.lookup({ query: RIZKI.nik })).verdict).toBe('eligible');
    expect((await core.lookup({ query: DJOKO.nik })).matches[0]).toMatchObject({ status: 'inactive', statusReason: 'inactive' });
    core.close();
  });
});
