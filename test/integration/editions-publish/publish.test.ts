import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEditionOfList } from '../../../src/core/lists/editions.repo';
import { editionPath, editionStoreOf } from '../../../src/core/store/edition-store';
import { fetchEditions } from '../../../src/core/sync/edition-fetch';
import { tempEditionFile } from '../../../src/core/sync/edition-portable';
import { uploadEdition } from '../../../src/core/sync/edition-upload';
import { verifyEditionFile } from '../../../src/core/sync/edition-verify';
import type { EditionManifest } from '../../../src/core/sync/edition-wire';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { DEWI, RIZKI, SITI, writeSampleCsv, writeSecondEditionCsv } from '../../helpers/sample-list';
import { useTempDir, writeCsv } from '../../helpers/temp';
import { writeLegacyDatabase } from '../editions/legacy-database';
import { LIST, importAt, openCounter, verdictOf, type TestCounter } from './counters';
import { startTestHub, type TestHub } from './in-process-hub';

const tempDir = useTempDir();
let server: TestPostgres;
let dbCount = 0;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => server?.stop());

async function withHub(run: (hub: TestHub) => Promise<void>): Promise<void> {
  const hub = await startTestHub(await server.createDatabase(`publish_${++dbCount}`));
  try {
    await run(hub);
  } finally {
    await hub.close();
  }
}

async function withCounters(keys: [string?, string?], run: (a: TestCounter, b: TestCounter) => Promise<void>): Promise<void> {
  const a = openCounter(tempDir(), keys[0]);
  const b = openCounter(tempDir(), keys[1]);
  try {
    await run(a, b);
  } finally {
    a.close();
    b.close();
  }
}

const storedFiles = (hub: TestHub): string[] => readdirSync(join(hub.config.dataDir, 'editions')).sort();
const editionRows = async (hub: TestHub): Promise<number> => Number((await hub.pool.query<{ n: string }>('SELECT count(*) AS n FROM hub_editions')).rows[0]!.n);

describe('list editions published once through the hub', () => {
  it('upload → manifest → fetch: the second counter finds the members the first imported', async () => {
    await withHub(async (hub) =>
      withCounters([], async (a, b) => {
        await importAt(a, writeSampleCsv(a.dir));
        // The import stamps what the file is, not its content hash (a full read): the copy sent computes it.
        const local = readEditionOfList(a.sync, LIST, 'current')!;
        expect(verifyEditionFile(editionPath(editionStoreOf(a.sync), local.id))).toMatchObject({ ok: false, code: 'edition/no-meta' });

        const reply = await uploadEdition(a.sync, hub.counter, LIST);
        expect(reply).toMatchObject({ current: true, duplicate: false, edition: { list: LIST, asOf: '2026-11-01', members: 6 } });
        expect(storedFiles(hub)).toEqual([`${reply.edition.fileSha256}.db.gz`]);
        expect((await uploadEdition(a.sync, hub.counter, LIST)).duplicate).toBe(true); // a retry keeps one copy
        expect(await editionRows(hub)).toBe(1);

        const manifest = await hub.counter.getJson<EditionManifest>('/v1/editions');
        expect(manifest.editions.map((e) => [e.list, e.asOf, e.rev > 0])).toEqual([[LIST, '2026-11-01', true]]);

        expect(await verdictOf(b, SITI.nik)).toBe('unknown');
        const outcomes = await fetchEditions(b.sync, hub.counter);
        expect(outcomes).toMatchObject([{ list: LIST, outcome: 'installed', asOf: '2026-11-01' }]);
        expect(await verdictOf(b, SITI.nik)).toBe('eligible');
        expect(await verdictOf(b, RIZKI.card)).toBe('eligible');
        // Nothing more to do the second time.
        expect(await fetchEditions(b.sync, hub.counter)).toEqual([{ list: LIST, outcome: 'up-to-date' }]);
        expect(readdirSync(join(b.dir, 'loket.db.lists'))).toEqual([readEditionOfList(b.sync, LIST, 'current')!.file]);
      }),
    );
  });

  it('a newer as-of becomes current; an older one uploaded later is kept but not current', async () => {
    await withHub(async (hub) =>
      withCounters([], async (a, b) => {
        await importAt(a, writeSecondEditionCsv(a.dir), '2026-12-01');
        expect((await uploadEdition(a.sync, hub.counter, LIST)).current).toBe(true);
        await importAt(b, writeSampleCsv(b.dir), '2026-11-01');
        const older = await uploadEdition(b.sync, hub.counter, LIST);
        expect(older.current).toBe(false);
        expect(await editionRows(hub)).toBe(2);
        const manifest = await hub.counter.getJson<EditionManifest>('/v1/editions');
        expect(manifest.editions.map((e) => e.asOf)).toEqual(['2026-12-01']);
        // B's own November edition is older than the hub's December one: B takes it, keeps November for rollback.
        expect(await fetchEditions(b.sync, hub.counter)).toMatchObject([{ outcome: 'installed', asOf: '2026-12-01' }]);
        expect(await verdictOf(b, DEWI.nik)).toBe('eligible');
        expect(readEditionOfList(b.sync, LIST, 'previous')?.asOf).toBe('2026-11-01');
        // A's December edition is the hub's: nothing to fetch.
        expect(await fetchEditions(a.sync, hub.counter)).toEqual([{ list: LIST, outcome: 'up-to-date' }]);
      }),
    );
  });

  it('the same as-of imported at two counters: the later import is the facility’s, and nothing flaps', async () => {
    await withHub(async (hub) =>
      withCounters([], async (a, b) => {
        await importAt(a, writeSampleCsv(a.dir), '2026-11-01');
        await uploadEdition(a.sync, hub.counter, LIST);
        await importAt(b, writeSecondEditionCsv(b.dir), '2026-11-01'); // later, other members
        // B's own import is newer than the hub's: not replaced while it is on its way.
        expect(await fetchEditions(b.sync, hub.counter)).toEqual([{ list: LIST, outcome: 'up-to-date' }]);
        expect((await uploadEdition(b.sync, hub.counter, LIST)).current).toBe(true);
        expect(await fetchEditions(a.sync, hub.counter)).toMatchObject([{ outcome: 'installed', asOf: '2026-11-01' }]);
        expect(await verdictOf(a, DEWI.nik)).toBe('eligible');
        expect(await fetchEditions(a.sync, hub.counter)).toEqual([{ list: LIST, outcome: 'up-to-date' }]);
        expect(await fetchEditions(b.sync, hub.counter)).toEqual([{ list: LIST, outcome: 'up-to-date' }]);
      }),
    );
  });

  it('a counter off for a month fetches only each list’s current edition, once', async () => {
    await withHub(async (hub) =>
      withCounters([], async (a, b) => {
        const months = ['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'];
        for (const [i, asOf] of months.entries()) {
          await importAt(a, i % 2 === 0 ? writeSampleCsv(a.dir, `m${i}.csv`) : writeSecondEditionCsv(a.dir), asOf);
          await uploadEdition(a.sync, hub.counter, LIST);
        }
        const other = 'Jamkesda Kota Serang';
        await importAt(a, writeSampleCsv(a.dir, 'jamkesda.csv'), '2026-11-15', other);
        await uploadEdition(a.sync, hub.counter, other);
        expect(await editionRows(hub)).toBe(5);

        const outcomes = await fetchEditions(b.sync, hub.counter);
        expect(outcomes.map((o) => [o.list, o.outcome])).toEqual([[other, 'installed'], [LIST, 'installed']]);
        expect(hub.counter.downloads).toHaveLength(2);
        expect(readEditionOfList(b.sync, LIST, 'current')?.asOf).toBe('2026-12-01');
        expect(readEditionOfList(b.sync, LIST, 'previous')).toBeUndefined();
        expect(await verdictOf(b, DEWI.nik)).toBe('eligible');
      }),
    );
  });

  it('encrypted counters with different keys exchange an edition; the hub never needs a key', async () => {
    await withHub(async (hub) =>
      withCounters(['key-of-counter-a', 'another key for b'], async (a, b) => {
        await importAt(a, writeSampleCsv(a.dir));
        await uploadEdition(a.sync, hub.counter, LIST);
        expect(await fetchEditions(b.sync, hub.counter)).toMatchObject([{ outcome: 'installed' }]);
        expect(await verdictOf(b, SITI.nik)).toBe('eligible');
        const installed = editionPath(editionStoreOf(b.sync), readEditionOfList(b.sync, LIST, 'current')!.id);
        expect(readFileSync(installed).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3'); // encrypted at rest
        expect(verifyEditionFile(installed).ok).toBe(false);
        expect(verifyEditionFile(installed, 'key-of-counter-a').ok).toBe(false);
        expect(verifyEditionFile(installed, 'another key for b').ok).toBe(true);
      }),
    );
  });

  it('an edition from before files carried their metadata gets it in the copy that travels', async () => {
    const BUDI = { nik: '3673011708900003', card: '0001336526601', name: 'BUDI HARTONO', dob: 19900817, active: true };
    await withHub(async (hub) => {
      const dirA = tempDir();
      writeLegacyDatabase(join(dirA, 'loket.db'), [{ state: 'current', members: [BUDI] }]);
      const a = openCounter(dirA);
      const b = openCounter(tempDir());
      try {
        const reply = await uploadEdition(a.sync, hub.counter, 'PBI LAMA');
        expect(reply.edition).toMatchObject({ list: 'PBI LAMA', asOf: '2026-11-01', members: 1 });
        expect(await fetchEditions(b.sync, hub.counter)).toMatchObject([{ outcome: 'installed' }]);
        expect(await verdictOf(b, BUDI.nik)).toBe('eligible');
      } finally {
        a.close();
        b.close();
      }
    });
  });

  it('unencrypted transfer copies left by a killed process are swept once a day old, never a fresh one', () => {
    const counter = openCounter(tempDir());
    try {
      const store = editionStoreOf(counter.sync);
      const dir = join(counter.dir, 'loket.db.lists');
      mkdirSync(dir, { recursive: true });
      const stale = join(dir, 'fetch-0190a0b1-1111-7222-8333-444455556666.tmp');
      const fresh = join(dir, 'upload-0190a0b1-1111-7222-8333-777788889999.tmp');
      writeFileSync(stale, 'x');
      writeFileSync(fresh, 'x');
      const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
      utimesSync(stale, twoDaysAgo, twoDaysAgo);
      tempEditionFile(store, 'fetch');
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(fresh)).toBe(true);
    } finally {
      counter.close();
    }
  });

  it('an edition file without a single usable table is refused by the verification', () => {
    const path = writeCsv(join(tempDir(), 'not-an-edition.db'), [['hello']]);
    expect(verifyEditionFile(path)).toEqual({ ok: false, code: 'edition/unreadable' });
  });
});
