import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEditionOfList } from '../../../src/core/lists/editions.repo';
import { editionStoreOf } from '../../../src/core/store/edition-store';
import { fetchEditions } from '../../../src/core/sync/edition-fetch';
import { tempEditionFile, writePortableCopy } from '../../../src/core/sync/edition-portable';
import { uploadEdition } from '../../../src/core/sync/edition-upload';
import { ADMIN_EDITIONS_PATH, EDITIONS_PATH, type EditionManifest } from '../../../src/core/sync/edition-wire';
import { HubRefused } from '../../../src/core/sync/hub-transport';
import { startUpstreamSync, syncFromUpstream } from '../../../src/hub/editions/upstream-sync';
import { registerRoutes } from '../../../src/hub/register/register-routes';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { DEWI, SITI, writeSampleCsv, writeSecondEditionCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { LIST, importAt, openCounter, verdictOf } from './counters';
import { startTestHub, type TestHub } from './in-process-hub';

const tempDir = useTempDir();
let server: TestPostgres;
let district: TestHub;
let facility: TestHub;
beforeAll(async () => {
  server = await startTestPostgres();
  district = await startTestHub(await server.createDatabase('district'), 'district');
  facility = await startTestHub(await server.createDatabase('facility'), 'facility');
});
afterAll(async () => {
  await district?.close();
  await facility?.close();
  await server?.stop();
});

const DINKES = 'https://dinkes.serangkota.go.id:8443';

describe('a district hub publishes list editions to facility hubs', () => {
  it('serves no register and takes editions only from its administrator', async () => {
    const registerPaths = new Set(registerRoutes().map((r) => `${r.method} ${r.path}`));
    expect(district.routes.filter((r) => registerPaths.has(`${r.method} ${r.path}`))).toEqual([]);
    expect(district.routes.map((r) => `${r.method} ${r.path} ${r.auth}`).sort()).toEqual(
      expect.arrayContaining([`POST ${ADMIN_EDITIONS_PATH} admin`, `GET ${EDITIONS_PATH} counter`, `GET ${EDITIONS_PATH}/:sha256 counter`]),
    );
    expect(district.routes.some((r) => r.method === 'POST' && r.path === EDITIONS_PATH)).toBe(false);
    expect(facility.routes.some((r) => r.method === 'POST' && r.path === EDITIONS_PATH && r.auth === 'counter')).toBe(true);

    const dinas = openCounter(tempDir());
    try {
      await importAt(dinas, writeSampleCsv(dinas.dir));
      const store = editionStoreOf(dinas.sync);
      const copy = tempEditionFile(store, 'upload');
      writePortableCopy(store, readEditionOfList(dinas.sync, LIST, 'current')!, copy);
      const refused = await district.counter.upload(EDITIONS_PATH, Readable.from([readFileSync(copy)]), {}).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(HubRefused);
      // A refusal before a byte is read leaves no temporary copy and no stray stream error.
      await expect(uploadEdition(dinas.sync, district.counter, LIST)).rejects.toBeInstanceOf(HubRefused);
      expect(readdirSync(join(dinas.dir, 'loket.db.lists')).filter((f) => f.startsWith('upload-'))).toEqual([copy.split('/').pop()]);
    } finally {
      dinas.close();
    }
  });

  it('the facility hub takes the district’s current editions as its own; its counters fetch them; nothing is fetched twice', async () => {
    const dinas = openCounter(tempDir());
    const counter = openCounter(tempDir());
    try {
      // The Dinas administrator imports the list once and publishes it.
      await importAt(dinas, writeSampleCsv(dinas.dir));
      await uploadEdition(dinas.sync, district.admin, LIST, ADMIN_EDITIONS_PATH);
      await importAt(dinas, writeSecondEditionCsv(dinas.dir), '2026-12-01');
      await uploadEdition(dinas.sync, district.admin, LIST, ADMIN_EDITIONS_PATH);

      // The facility hub, enrolled at the district like a counter, was off: it takes only December.
      const first = await syncFromUpstream(facility.pool, facility.config, district.counter, DINKES);
      expect(first.map((o) => [o.list, o.outcome])).toEqual([[LIST, 'stored']]);
      expect(district.counter.downloads).toHaveLength(1);
      const { rows } = await facility.pool.query<{ source: string; uploaded_by: string }>('SELECT source, uploaded_by FROM hub_editions');
      expect(rows).toEqual([{ source: 'upstream', uploaded_by: `upstream:${DINKES}` }]);
      expect((await syncFromUpstream(facility.pool, facility.config, district.counter, DINKES)).map((o) => o.outcome)).toEqual(['already-held']);
      expect(district.counter.downloads).toHaveLength(1);

      const manifest = await facility.counter.getJson<EditionManifest>(EDITIONS_PATH);
      expect(manifest.editions.map((e) => [e.list, e.asOf])).toEqual([[LIST, '2026-12-01']]);
      expect(await fetchEditions(counter.sync, facility.counter)).toMatchObject([{ outcome: 'installed', asOf: '2026-12-01' }]);
      expect(await verdictOf(counter, DEWI.nik)).toBe('eligible');
      expect(await verdictOf(counter, SITI.nik)).toBe('unknown'); // Siti left the list in December
    } finally {
      dinas.close();
      counter.close();
    }
  });

  it('the periodic sync reports an altered file from the district as refused and keeps nothing of it', async () => {
    const dinas = openCounter(tempDir());
    try {
      await importAt(dinas, writeSampleCsv(dinas.dir, 'jamkesda.csv'), '2026-11-20', 'Jamkesda');
      await uploadEdition(dinas.sync, district.admin, 'Jamkesda', ADMIN_EDITIONS_PATH);
      district.counter.tamperNextDownload = (bytes) => Buffer.concat([bytes.subarray(0, bytes.length - 8), Buffer.alloc(8)]);
      const sync = startUpstreamSync(facility.pool, facility.config, district.counter, { url: DINKES, fingerprint: 'AA', credential: 'x.y', intervalMs: 3_600_000 });
      try {
        await sync.runNow();
        const last = sync.last();
        expect(last && 'outcomes' in last ? last.outcomes.find((o) => o.list === 'Jamkesda') : last).toMatchObject({ outcome: 'refused', code: 'edition/not-gzip' });
        expect((await facility.pool.query(`SELECT count(*)::int AS n FROM hub_editions WHERE list = 'Jamkesda'`)).rows).toEqual([{ n: 0 }]);
        await sync.runNow(); // the next round gets it untouched
        expect((await facility.pool.query(`SELECT count(*)::int AS n FROM hub_editions WHERE list = 'Jamkesda'`)).rows).toEqual([{ n: 1 }]);
      } finally {
        sync.stop();
      }
    } finally {
      dinas.close();
    }
  });
});
