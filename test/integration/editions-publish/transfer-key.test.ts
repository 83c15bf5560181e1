import { createReadStream, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGzip, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEditionOfList } from '../../../src/core/lists/editions.repo';
import { editionStoreOf } from '../../../src/core/store/edition-store';
import { fetchEditions } from '../../../src/core/sync/edition-fetch';
import { sha256OfFile, tempEditionFile, writePortableCopy } from '../../../src/core/sync/edition-portable';
import { uploadEdition } from '../../../src/core/sync/edition-upload';
import { verifyEditionFile } from '../../../src/core/sync/edition-verify';
import { EDITION_HEADERS, EDITIONS_PATH, type EditionManifest } from '../../../src/core/sync/edition-wire';
import { newTransferKey } from '../../../src/core/sync/transfer-key';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { LIST, importAt, openCounter, verdictOf } from './counters';
import { startTestHub } from './in-process-hub';

const tempDir = useTempDir();
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => server?.stop());

const SQLITE_HEADER = 'SQLite format 3\0';
const holds = (bytes: Buffer, text: string): boolean => bytes.includes(Buffer.from(text, 'latin1'));

describe('the copy of an edition that travels is encrypted with a transfer key of its own', () => {
  it.each([
    ['an encrypted counter', 'kunci-loket-a'],
    ['a counter without a key', undefined],
  ])('%s writes its portable copy encrypted: only the transfer key opens it', async (_, key) => {
    const counter = openCounter(tempDir(), key);
    try {
      await importAt(counter, writeSampleCsv(counter.dir));
      const store = editionStoreOf(counter.sync);
      const copy = tempEditionFile(store, 'upload');
      const transferKey = newTransferKey();
      const meta = writePortableCopy(store, readEditionOfList(counter.sync, LIST, 'current')!, copy, transferKey);
      const bytes = readFileSync(copy);
      expect(bytes.subarray(0, 16).toString('latin1')).not.toBe(SQLITE_HEADER);
      expect([holds(bytes, SITI.nik), holds(bytes, SITI.card), holds(bytes, SITI.name)]).toEqual([false, false, false]);
      expect(verifyEditionFile(copy)).toEqual({ ok: false, code: 'edition/unreadable' });
      if (key) expect(verifyEditionFile(copy, key)).toEqual({ ok: false, code: 'edition/unreadable' });
      expect(verifyEditionFile(copy, newTransferKey())).toEqual({ ok: false, code: 'edition/unreadable' });
      expect(verifyEditionFile(copy, transferKey)).toEqual({ ok: true, meta });
    } finally {
      counter.close();
    }
  });

  it('the hub keeps the key with the edition and hands it to counters; a retry with another key keeps one copy; the receiver re-keys to its own', async () => {
    const hub = await startTestHub(await server.createDatabase('transfer_key'));
    const a = openCounter(tempDir(), 'kunci-loket-a');
    const b = openCounter(tempDir(), 'kunci-loket-b');
    try {
      await importAt(a, writeSampleCsv(a.dir));
      const first = await uploadEdition(a.sync, hub.counter, LIST);
      const retry = await uploadEdition(a.sync, hub.counter, LIST);
      expect(retry).toMatchObject({ duplicate: true, edition: { fileSha256: first.edition.fileSha256 } });
      const stored = readdirSync(join(hub.config.dataDir, 'editions'));
      expect(stored).toEqual([`${first.edition.fileSha256}.db.gz`]);

      const manifest = await hub.counter.getJson<EditionManifest>(EDITIONS_PATH);
      const transferKey = manifest.editions[0]!.transferKey!;
      expect(transferKey).toMatch(/^[0-9a-f]{64}$/);
      const { rows } = await hub.pool.query<{ transfer_key: string }>('SELECT transfer_key FROM hub_editions');
      expect(rows).toEqual([{ transfer_key: transferKey }]);

      // What the hub holds opens with the transfer key only.
      const travelling = join(tempDir(), 'travelling.db');
      const inner = gunzipSync(readFileSync(join(hub.config.dataDir, 'editions', stored[0]!)));
      expect([holds(inner, SITI.nik), holds(inner, SITI.name)]).toEqual([false, false]);
      writeFileSync(travelling, inner);
      expect(verifyEditionFile(travelling).ok).toBe(false);
      expect(verifyEditionFile(travelling, transferKey).ok).toBe(true);

      expect(await fetchEditions(b.sync, hub.counter)).toMatchObject([{ outcome: 'installed' }]);
      expect(await verdictOf(b, SITI.nik)).toBe('eligible');
      const installed = readEditionOfList(b.sync, LIST, 'current')!;
      const installedPath = join(b.dir, 'loket.db.lists', installed.file!);
      expect(verifyEditionFile(installedPath, transferKey).ok).toBe(false);
      expect(verifyEditionFile(installedPath, 'kunci-loket-b').ok).toBe(true);
    } finally {
      a.close();
      b.close();
      await hub.close();
    }
  });

  it('an upload with a transfer key that does not open the file is refused and leaves nothing', async () => {
    const hub = await startTestHub(await server.createDatabase('transfer_key_wrong'));
    const a = openCounter(tempDir(), 'kunci-loket-a');
    try {
      await importAt(a, writeSampleCsv(a.dir));
      const store = editionStoreOf(a.sync);
      const copy = tempEditionFile(store, 'upload');
      const meta = writePortableCopy(store, readEditionOfList(a.sync, LIST, 'current')!, copy, newTransferKey());
      const body = createReadStream(copy).pipe(createGzip());
      const refused = await hub.counter
        .upload(EDITIONS_PATH, body, {
          [EDITION_HEADERS.list]: encodeURIComponent(meta.list),
          [EDITION_HEADERS.kind]: meta.kind,
          [EDITION_HEADERS.asOf]: meta.asOf,
          [EDITION_HEADERS.contentHash]: meta.contentHash,
          [EDITION_HEADERS.fileSha256]: await sha256OfFile(copy),
          [EDITION_HEADERS.transferKey]: newTransferKey(),
        })
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'hub/edition-invalid', params: { reason: 'edition/unreadable' } });
      expect(readdirSync(join(hub.config.dataDir, 'editions'))).toEqual([]);
    } finally {
      a.close();
      await hub.close();
    }
  });
});
