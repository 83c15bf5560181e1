import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { readEditionOfList } from '../../../src/core/lists/editions.repo';
import { editionPath, editionStoreOf } from '../../../src/core/store/edition-store';
import { memberAt } from '../../fixtures/generate-members';
import { writeCsvList } from '../../fixtures/write-list-files';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { useTempDir } from '../../helpers/temp';
import { importList, openSyncCounter, startFacility } from './sync-counters';

const tempDir = useTempDir();
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const KEY = 'kunci-loket-uji-2026';
const SQLITE_HEADER = 'SQLite format 3\0';
const fileHeader = (core: Core, list: string): string => {
  const edition = readEditionOfList(core.db, list, 'current')!;
  return readFileSync(editionPath(editionStoreOf(core.db), edition.id)).subarray(0, 16).toString('latin1');
};
const verdict = async (core: Core, nik: string): Promise<string> => (await core.lookup({ query: nik })).verdict;

it('an encrypted counter and a plain one exchange editions through syncNow, each stored its own way', async () => {
  const facility = await startFacility(server, tempDir());
  const sealed = openSyncCounter(tempDir(), { key: KEY });
  const plain = openSyncCounter(tempDir());
  try {
    await importList(sealed, (await writeCsvList(join(tempDir(), 'apbd.csv'), { count: 3_000, seed: 31 })).path, 'PBI APBD', '2026-11-10');
    await importList(plain, (await writeCsvList(join(tempDir(), 'jamkesda.csv'), { count: 2_500, seed: 37 })).path, 'Jamkesda Kota', '2026-11-12');
    await sealed.enrollHub({ code: await facility.codeFor('Loket Terkunci') });
    await plain.enrollHub({ code: await facility.codeFor('Loket Biasa') });

    const fromApbd = memberAt(31, 2_999).nik;
    const fromJamkesda = memberAt(37, 1_234).nik;
    expect(await verdict(plain, fromApbd)).toBe('unknown');
    expect(await verdict(sealed, fromJamkesda)).toBe('unknown');

    // Rounds on demand (no background): each runs the edition step once and says what it moved.
    expect((await sealed.syncNow({})).editions).toEqual({ uploaded: 1, installed: 0, refused: 0, code: null });
    expect((await plain.syncNow({})).editions).toEqual({ uploaded: 1, installed: 1, refused: 0, code: null });
    expect((await sealed.syncNow({})).editions).toEqual({ uploaded: 0, installed: 1, refused: 0, code: null });
    // Nothing more to move either way.
    expect((await plain.syncNow({})).editions).toEqual({ uploaded: 0, installed: 0, refused: 0, code: null });
    expect((await sealed.syncNow({})).editions).toEqual({ uploaded: 0, installed: 0, refused: 0, code: null });

    expect(await verdict(plain, fromApbd)).not.toBe('unknown');
    expect(await verdict(sealed, fromJamkesda)).not.toBe('unknown');
    // The sealed counter's received edition is encrypted with its key; the plain one's is plain SQLite.
    expect(fileHeader(sealed, 'Jamkesda Kota')).not.toBe(SQLITE_HEADER);
    expect(fileHeader(sealed, 'PBI APBD')).not.toBe(SQLITE_HEADER);
    expect(fileHeader(plain, 'PBI APBD')).toBe(SQLITE_HEADER);
    // Both counters' lists as the header shows them.
    expect((await plain.listLists({})).map((l) => [l.name, l.asOf]).sort()).toEqual([['Jamkesda Kota', '2026-11-12'], ['PBI APBD', '2026-11-10']]);
    expect((await sealed.listLists({})).map((l) => [l.name, l.asOf]).sort()).toEqual([['Jamkesda Kota', '2026-11-12'], ['PBI APBD', '2026-11-10']]);
  } finally {
    sealed.close();
    plain.close();
    await facility.hub.stop();
  }
}, 300_000);

it('a hub that cannot be reached: syncNow fails and the lists stay as they were', async () => {
  const facility = await startFacility(server, tempDir());
  const counter = openSyncCounter(tempDir());
  try {
    await importList(counter, (await writeCsvList(join(tempDir(), 'apbd.csv'), { count: 500, seed: 41 })).path, 'PBI APBD', '2026-11-10');
    await counter.enrollHub({ code: await facility.codeFor('Loket 1') });
    await facility.hub.stop();
    await expect(counter.syncNow({})).rejects.toThrow();
    expect(readEditionOfList(counter.db, 'PBI APBD', 'current')).toMatchObject({ asOf: '2026-11-10' });
  } finally {
    counter.close();
  }
}, 120_000);
