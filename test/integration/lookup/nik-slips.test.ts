/**
 * A KTP number typed with a slip (hub-free counter, real SQLite, the sample list): the lists' NIKs
 * one slip away are named beside "not found", with the name and birth date to compare (UI tester
 * finding 2: a swapped pair of digits became a new record under the wrong NIK, unwarned).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { nikSlipsOf } from '../../../src/core/lookup/nik-slips';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { fileFor } from '../../helpers/files';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

async function counter(): Promise<Core> {
  const dir = tempDir();
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => new Date('2026-11-20T02:00:00Z') });
  await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  return core;
}

const hintsOf = async (core: Core, query: string) => ((await core.lookup({ query })).queryWarnings ?? []).filter((w) => w.code.startsWith('query/nik-slip'));

describe('a NIK one typing slip away from a listed one', () => {
  it('the slips of a NIK: neighbours swapped where they differ, and each digit changed', () => {
    const slips = nikSlipsOf('3673015203850003');
    expect(slips.filter((s) => s.slip === 'swap')).toHaveLength(13); // 15 neighbour pairs, two of them alike (the 0 0 0 near the end)
    expect(slips.filter((s) => s.slip === 'digit')).toHaveLength(16 * 9);
    expect(slips.map((s) => s.nik)).toContain('3673015203850030');
    expect(new Set(slips.map((s) => s.nik)).size).toBe(slips.length);
  });

  it('a swapped pair and a wrong digit are named with the listed name, birth date and list; the answer stays "not found"', async () => {
    const core = await counter();
    const swapped = await core.lookup({ query: '3673015203850030' });
    expect(swapped).toMatchObject({ kind: 'nik', verdict: 'unknown', matches: [] });
    expect(await hintsOf(core, '3673015203850030')).toEqual([{ code: 'query/nik-slip-swap', params: { nik: SITI.nik, name: 'SITI AMINAH', dob: '12-03-1985', list: 'PBI APBD' } }]);
    const [digit] = await hintsOf(core, `${RIZKI.nik.slice(0, 15)}9`);
    expect(digit).toEqual({ code: 'query/nik-slip-digit', params: { nik: RIZKI.nik, name: 'MOCH. RIZKI', dob: '17-08-1990', list: 'PBI APBD' } });
    expect(formatCoreMessage('id', digit!)).toBe(
      'Mungkin salah ketik: di daftar PBI APBD ada NIK 3673011708900002 (beda satu angka) atas nama MOCH. RIZKI, lahir 17-08-1990. Cocokkan dengan KTP; bila itu orangnya, pindai atau ketik NIK itu.',
    );
    core.close();
  });

  it('nothing is said for a NIK found, a NIK far from every listed one, or one a record here holds', async () => {
    const core = await counter();
    expect(await hintsOf(core, SITI.nik)).toEqual([]);
    expect(await hintsOf(core, '5171014505901111')).toEqual([]);
    await core.createPatient({ name: 'Siti Aminah Putri', nik: '3673015203850030', dob: '1985-03-12', sex: 'P' });
    expect(await hintsOf(core, '3673015203850030')).toEqual([]);
    core.close();
  });
});
