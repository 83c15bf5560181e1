/**
 * Publishing the same edition twice (hub tester 10, item 3): the second `loket hub edition add`
 * printed the first one's sentence, so the officer could not tell that nothing happened. Now the
 * command asks the hub before sending, sends nothing, says the edition (same content hash) is
 * already published, in Indonesian or English, and exits 1 as `loket import` of the same file
 * does. A real hub on a real PostgreSQL, the built CLI, and a pass-through that counts the bytes
 * the command sends.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { countingProxy, type CountingProxy } from '../../helpers/counting-proxy';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { writeCsvList } from '../../fixtures/write-list-files';
import { loket, requireBuiltCli } from '../../helpers/loket-command';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
let postgres: TestPostgres;
let hub: RunningHub;
let proxy: CountingProxy;

beforeAll(async () => {
  requireBuiltCli();
  postgres = await startTestPostgres();
});
afterAll(async () => {
  await proxy?.close();
  await hub?.stop();
  await postgres?.stop();
});

const LIST = 'PBI APBD Kota Serang';

it('the second publish of one edition sends nothing, says it is already published (id, en, --json) and exits 1', async () => {
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  hub = await startHub({ pgUrl: postgres.url, dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });
  // The admin commands reach the hub by hub.json's loopback URL: through the counter of bytes.
  proxy = await countingProxy(hub.port);
  const config = JSON.parse(readFileSync(join(hubDir, 'hub.json'), 'utf8')) as { urls: string[] };
  writeFileSync(join(hubDir, 'hub.json'), JSON.stringify({ ...config, urls: [`https://127.0.0.1:${proxy.port}`] }), { mode: 0o600 });

  const file = (await writeCsvList(join(dir, 'november.csv'), { count: 300, seed: 7 })).path;
  const publish = async (...more: string[]) => {
    const before = proxy.sent();
    const r = await loket(['hub', 'edition', 'add', file, '--list', LIST, '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--hub-dir', hubDir, ...more]);
    return { ...r, sent: proxy.sent() - before };
  };

  const first = await publish();
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toContain(`Edisi "${LIST}" per 2026-11-01 (300 peserta, 0 baris ditolak) diterbitkan di hub`);
  const { rows } = await hub.pg.query<{ size: string; content_hash: string }>('SELECT size, content_hash FROM hub_editions');
  expect(rows).toHaveLength(1);
  const size = Number(rows[0]!.size);
  expect(first.sent).toBeGreaterThan(size);

  const again = await publish();
  expect(again.code).toBe(1);
  expect(again.stdout).toBe(''); // never the first publish's sentence
  expect(again.stderr).toContain(`Edisi "${LIST}" per 2026-11-01 (300 peserta) sudah diterbitkan di hub pada `);
  expect(again.stderr).toContain(`(hash isi ${rows[0]!.content_hash.slice(0, 12)}…)`);
  expect(again.stderr).toContain('Tidak ada yang dikirim ulang dan tidak ada yang berubah');
  // A question, not the file: the TLS handshake and one GET.
  expect(again.sent).toBeLessThan(size / 2);

  const en = await publish('--lang', 'en', '--json');
  expect(en.code).toBe(1);
  const error = (JSON.parse(en.stdout) as { ok: boolean; error: { code: string; message: string } }).error;
  expect(error.code).toBe('fail/edition-already-published');
  expect(error.message).toContain(`Edition "${LIST}" as of 2026-11-01 (300 members) was already published at the hub on `);
  expect(error.message).toContain('Nothing was sent again and nothing changed');
  expect(en.stderr).toContain('Nothing was sent again');
  expect(en.sent).toBeLessThan(size / 2);

  // Still one edition at the hub; a new edition (another as-of date) is published as ever.
  expect((await hub.pg.query('SELECT 1 FROM hub_editions')).rowCount).toBe(1);
  const december = (await writeCsvList(join(dir, 'december.csv'), { count: 310, seed: 8 })).path;
  const next = await loket(['hub', 'edition', 'add', december, '--list', LIST, '--kind', 'pbi-apbd', '--as-of', '2026-12-01', '--hub-dir', hubDir, '--json']);
  expect(next.code, next.stderr).toBe(0);
  expect(JSON.parse(next.stdout)).toMatchObject({ list: LIST, asOf: '2026-12-01', members: 310, current: true, duplicate: false });
});
