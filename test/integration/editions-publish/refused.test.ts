import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEditionOfList } from '../../../src/core/lists/editions.repo';
import { editionStoreOf } from '../../../src/core/store/edition-store';
import { fetchEditions } from '../../../src/core/sync/edition-fetch';
import { contentHashOf, readEditionMeta, writeEditionMeta } from '../../../src/core/sync/edition-meta';
import { sha256OfFile, tempEditionFile, writePortableCopy } from '../../../src/core/sync/edition-portable';
import { uploadEdition } from '../../../src/core/sync/edition-upload';
import { EDITION_HEADERS, EDITIONS_PATH } from '../../../src/core/sync/edition-wire';
import { HubRefused } from '../../../src/core/sync/hub-transport';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { DEWI, SITI, writeSampleCsv, writeSecondEditionCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { LIST, importAt, openCounter, verdictOf, type TestCounter } from './counters';
import { startTestHub, type TestHub } from './in-process-hub';

const tempDir = useTempDir();
let server: TestPostgres;
let hub: TestHub;
let a: TestCounter;
let counterDir: string;
/** A genuine portable copy of A's edition, and what its upload declares. */
let genuine: { path: string; headers: Record<string, string> };

beforeAll(async () => {
  server = await startTestPostgres();
  hub = await startTestHub(server.url);
  // This counter lives for the whole file (useTempDir's folders go after each test).
  counterDir = mkdtempSync(join(tmpdir(), 'loket-refused-'));
  a = openCounter(counterDir);
  await importAt(a, writeSampleCsv(a.dir));
  const store = editionStoreOf(a.sync);
  const path = tempEditionFile(store, 'upload');
  const meta = writePortableCopy(store, readEditionOfList(a.sync, LIST, 'current')!, path);
  genuine = {
    path,
    headers: {
      [EDITION_HEADERS.list]: encodeURIComponent(meta.list),
      [EDITION_HEADERS.kind]: meta.kind,
      [EDITION_HEADERS.asOf]: meta.asOf,
      [EDITION_HEADERS.contentHash]: meta.contentHash,
      [EDITION_HEADERS.fileSha256]: await sha256OfFile(path),
    },
  };
});
afterAll(async () => {
  a?.close();
  if (counterDir) rmSync(counterDir, { recursive: true, force: true });
  await hub?.close();
  await server?.stop();
});

/** A copy of the genuine file changed by `change` (a forger's edit with SQLite). */
async function forgedCopy(change: (db: Database.Database) => void): Promise<string> {
  const path = join(tempDir(), `forged-${randomBytes(4).toString('hex')}.db`);
  const source = new Database(genuine.path, { readonly: true });
  await source.backup(path);
  source.close();
  const db = new Database(path);
  change(db);
  db.close();
  return path;
}

async function refusal(body: Buffer, headers: Record<string, string>): Promise<{ code: string; params: Record<string, string | number> }> {
  const before = await hub.pool.query('SELECT count(*) AS n FROM hub_editions');
  try {
    await hub.counter.upload(EDITIONS_PATH, Readable.from([body]), headers);
  } catch (error) {
    expect(error).toBeInstanceOf(HubRefused);
    // Nothing kept: no row, no file (not even a temporary one).
    expect((await hub.pool.query('SELECT count(*) AS n FROM hub_editions')).rows).toEqual(before.rows);
    const folder = join(hub.config.dataDir, 'editions');
    expect(existsSync(folder) ? readdirSync(folder).filter((f) => !f.endsWith('.db.gz') || f.startsWith('incoming')) : []).toEqual([]);
    return { code: (error as HubRefused).code, params: (error as HubRefused).params };
  }
  throw new Error('the hub took it');
}

const gz = (path: string): Buffer => gzipSync(readFileSync(path));
const withSha = async (path: string, headers = genuine.headers): Promise<Record<string, string>> => ({ ...headers, [EDITION_HEADERS.fileSha256]: await sha256OfFile(path) });

describe('the hub refuses an edition that is not what it says, and keeps nothing of it', () => {
  it('an altered gzip stream (a byte flipped in the data, or in its checksum)', async () => {
    const body = gz(genuine.path);
    const middle = Buffer.from(body);
    middle[Math.floor(middle.length / 2)]! ^= 0xff;
    expect((await refusal(middle, genuine.headers)).code).toMatch(/^hub\/edition-(invalid|hash-mismatch)$/);
    const trailer = Buffer.from(body);
    trailer[trailer.length - 6]! ^= 0x01; // the CRC-32 of the gzip trailer
    expect(await refusal(trailer, genuine.headers)).toEqual({ code: 'hub/edition-invalid', params: { reason: 'edition/not-gzip' } });
  });

  it('a valid gzip of a file whose SHA-256 is not the one declared', async () => {
    const other = await forgedCopy((db) => db.exec(`INSERT INTO import_issues VALUES (1, 'warning', 'x', 'y')`));
    expect(await refusal(gz(other), genuine.headers)).toEqual({ code: 'hub/edition-hash-mismatch', params: { what: 'file' } });
  });

  it('a forged member (the file hash declared matches the forged file, the content hash is the genuine one)', async () => {
    const path = await forgedCopy((db) => db.prepare(`UPDATE members SET flags = flags & ~1 WHERE nik = ?`).run(SITI.nik));
    expect(await refusal(gz(path), await withSha(path))).toEqual({ code: 'hub/edition-hash-mismatch', params: { what: 'content' } });
  });

  it('a forged member with its content hash recomputed into the file, but not the one declared', async () => {
    const path = await forgedCopy((db) => {
      db.prepare(`UPDATE members SET name = 'SOMEONE ELSE' WHERE nik = ?`).run(SITI.nik);
      writeEditionMeta(db, { ...readEditionMeta(db)!, ...contentHashOf(db) });
    });
    expect(await refusal(gz(path), await withSha(path))).toEqual({ code: 'hub/edition-hash-mismatch', params: { what: 'content' } });
  });

  it('an edition whose declared content hash (in the file and the headers) is wrong', async () => {
    const wrong = randomBytes(32).toString('hex');
    const path = await forgedCopy((db) => writeEditionMeta(db, { ...readEditionMeta(db)!, contentHash: wrong }));
    const headers = { ...(await withSha(path)), [EDITION_HEADERS.contentHash]: wrong };
    expect(await refusal(gz(path), headers)).toEqual({ code: 'hub/edition-hash-mismatch', params: { what: 'content' } });
  });

  it('a file that is no edition, a file past the size limit, headers that do not match the file', async () => {
    const junk = join(tempDir(), 'junk.db');
    const junkBytes = randomBytes(8192);
    writeFileSync(junk, junkBytes);
    expect(await refusal(gzipSync(junkBytes), await withSha(junk))).toEqual({ code: 'hub/edition-invalid', params: { reason: 'edition/unreadable' } });
    const noMembers = await forgedCopy((db) => db.exec('DROP TABLE members'));
    expect(await refusal(gz(noMembers), await withSha(noMembers))).toEqual({ code: 'hub/edition-invalid', params: { reason: 'edition/bad-schema' } });
    const otherList = { ...genuine.headers, [EDITION_HEADERS.list]: 'Jamkesda' };
    expect(await refusal(gz(genuine.path), otherList)).toEqual({ code: 'hub/edition-invalid', params: { reason: 'edition/meta-mismatch' } });
    hub.config.maxEditionBytes = 4096;
    try {
      expect(await refusal(gz(genuine.path), genuine.headers)).toEqual({ code: 'hub/edition-invalid', params: { reason: 'edition/too-large' } });
    } finally {
      delete hub.config.maxEditionBytes;
    }
  });

  it('at a counter, an altered download is refused and the current edition stays', async () => {
    const b = openCounter(tempDir());
    try {
      await uploadEdition(a.sync, hub.counter, LIST);
      expect(await fetchEditions(b.sync, hub.counter)).toMatchObject([{ outcome: 'installed' }]);
      const november = readEditionOfList(b.sync, LIST, 'current')!;
      await importAt(a, writeSecondEditionCsv(a.dir), '2026-12-01');
      await uploadEdition(a.sync, hub.counter, LIST);

      hub.counter.tamperNextDownload = (bytes) => {
        const altered = Buffer.from(bytes);
        altered[Math.floor(altered.length / 2)]! ^= 0xff;
        return altered;
      };
      const [first] = await fetchEditions(b.sync, hub.counter);
      expect(first).toMatchObject({ outcome: 'refused' });
      // A valid gzip of another genuine edition (the November one): not the file the manifest names.
      hub.counter.tamperNextDownload = () => gz(genuine.path);
      expect(await fetchEditions(b.sync, hub.counter)).toEqual([{ list: LIST, outcome: 'refused', code: 'edition/file-hash-mismatch' }]);

      expect(readEditionOfList(b.sync, LIST, 'current')?.id).toBe(november.id);
      expect(await verdictOf(b, SITI.nik)).toBe('eligible');
      expect(readdirSync(join(b.dir, 'loket.db.lists'))).toEqual([november.file]); // no temporary file left
      // Untouched, the next try installs it.
      expect(await fetchEditions(b.sync, hub.counter)).toMatchObject([{ outcome: 'installed', asOf: '2026-12-01' }]);
      expect(await verdictOf(b, DEWI.nik)).toBe('eligible');
    } finally {
      b.close();
    }
  });
});
