import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { writeCsvList } from '../../fixtures/write-list-files';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { runLoket as cli, startHubProcess as startHub, stopHubProcess, type HubProcess } from '../../helpers/hub-process';
import { builtFile, useTempDir } from '../../helpers/temp';
import { assertWorkersBuilt, until } from './sync-counters';

/**
 * Hub tester finding "hub 8": what `loket hub` prints about its link to the district hub follows
 * --lang like the hub's other lines (it was English only), and each trouble says what is tried
 * again, when, and what to check. Real hubs (the built command) on a real PostgreSQL.
 */
const tempDir = useTempDir();
const children: ChildProcess[] = [];
let server: TestPostgres;

beforeAll(async () => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npx electron-vite build` first.');
  assertWorkersBuilt();
  server = await startTestPostgres();
});
afterEach(async () => {
  for (const child of children.splice(0)) await stopHubProcess(child);
});
afterAll(async () => {
  await server?.stop();
});

const LIST = 'PBI APBN Kota Serang';

async function startHubProcess(args: string[], lang: 'id' | 'en'): Promise<HubProcess> {
  const hub = await startHub(args, { lang });
  children.push(hub.child);
  return hub;
}

async function stop(hub: HubProcess): Promise<void> {
  await stopHubProcess(hub.child);
  children.splice(children.indexOf(hub.child), 1);
}

async function codeAt(hubDir: string, name: string): Promise<string> {
  const added = await cli(['hub', 'counter', 'add', name, '--hub-dir', hubDir, '--json']);
  expect(added.code, added.stderr).toBe(0);
  return (JSON.parse(added.stdout) as { code: string }).code;
}

async function publish(districtDir: string, count: number, asOf: string): Promise<void> {
  const file = (await writeCsvList(join(tempDir(), `${asOf}.csv`), { count, seed: count })).path;
  const added = await cli(['hub', 'edition', 'add', file, '--list', LIST, '--kind', 'pbi-apbn', '--as-of', asOf, '--hub-dir', districtDir, '--json']);
  expect(added.code, added.stderr).toBe(0);
}

/** The hub's log lines (stderr) once `wanted` is among them. */
async function linesOnceSaid(hub: HubProcess, wanted: string): Promise<string[]> {
  await until(`the hub says "${wanted}"`, () => hub.stderr().includes(wanted), 60_000);
  return hub.stderr().split('\n').filter(Boolean);
}

it('the district link speaks Indonesian (--lang id, the default) and English (--lang en), and says what to do when the district cannot be reached', async () => {
  const districtDir = tempDir();
  const district = await startHubProcess(['--pg', await server.createDatabase('district'), '--data', districtDir, '--port', '0', '--mode', 'district', '--facility', 'Dinkes Kota Serang'], 'en');
  const districtUrl = district.urls[0]!;
  await publish(districtDir, 40, '2026-10-01');

  // First start with a code, in Indonesian: enrolling, linked, the edition received.
  const facilityDir = tempDir();
  const upstreamFile = join(facilityDir, 'upstream.json');
  const facilityArgs = ['--pg', await server.createDatabase('facility'), '--data', facilityDir, '--port', '0', '--facility', 'RSUD Kota Serang'];
  const code = await codeAt(districtDir, 'RSUD Kota Serang');
  let facility = await startHubProcess([...facilityArgs, '--upstream-code', code, '--upstream-url', districtUrl], 'id');
  let lines = await linesOnceSaid(facility, 'diterima dari hub kabupaten/kota');
  expect(lines).toEqual([
    `hub: Hub kabupaten/kota: mendaftar di ${districtUrl} dengan kode (start pertama; pendaftarannya disimpan di ${upstreamFile}).`,
    `hub: Tertaut ke hub kabupaten/kota Dinkes Kota Serang (${districtUrl}) sebagai "RSUD Kota Serang": edisi daftarnya diambil sekarang lalu setiap 15 menit, dan loket-loket hub ini mengambilnya sendiri.`,
    `hub: Edisi "${LIST}" per 2026-10-01 (40 peserta) diterima dari hub kabupaten/kota: kini berlaku di hub ini; loket mengambilnya pada sinkron berikutnya.`,
  ]);
  expect(facility.stderr()).not.toContain(code);

  // The same code used again (another facility hub): refused, not retried, and what to do.
  const twice = await startHubProcess(['--pg', await server.createDatabase('facility_twice'), '--data', tempDir(), '--port', '0', '--upstream-code', code, '--upstream-url', districtUrl], 'id');
  expect((await linesOnceSaid(twice, 'gagal')).at(-1)).toBe(
    'hub: Pendaftaran di hub kabupaten/kota gagal: kodenya sudah pernah dipakai. Minta kode baru ke Dinas Kesehatan (loket hub counter add di hub kabupaten/kota), ' +
      'lalu jalankan hub ini dengan --upstream-code KODE. Tidak dicoba lagi sampai hub ini dijalankan ulang.',
  );

  // Restarted in English, without the code, and a newer district edition comes down.
  await stop(facility);
  await publish(districtDir, 45, '2026-11-15');
  facility = await startHubProcess(facilityArgs, 'en');
  lines = await linesOnceSaid(facility, 'received from the district hub');
  expect(lines).toEqual([
    `hub: Linked to the district hub Dinkes Kota Serang (${districtUrl}) as "RSUD Kota Serang": its list editions are taken now and every 15 minutes, and this hub's counters fetch them by themselves.`,
    `hub: Edition "${LIST}" as of 2026-11-15 (45 members) received from the district hub: now current at this hub; the counters fetch it at their next sync.`,
  ]);
  await stop(facility);
  const unusedCode = await codeAt(districtDir, 'Puskesmas Ciruas');

  // The district hub down: each language says what failed, what is tried again and when, and what to check.
  await stop(district);
  facility = await startHubProcess(facilityArgs, 'id');
  expect((await linesOnceSaid(facility, 'tidak terjangkau')).at(-1)).toMatch(
    new RegExp(
      `^hub: Hub kabupaten/kota di ${esc(districtUrl)} tidak terjangkau \\(.*ECONN(REFUSED|RESET).*\\)\\. ` +
        esc('Periksa apakah komputer hub ini bisa mencapai alamat itu (jaringan, firewall) dan apakah hub kabupaten/kota berjalan (tanyakan ke Dinas Kesehatan). ') +
        esc('Loket tetap bekerja dengan daftar yang sudah ada. Dicoba lagi setiap 15 menit. (Baris ini tidak diulang selama masalahnya sama; loket hub status menunjukkan percobaan terakhir.)') +
        '$',
    ),
  );
  await stop(facility);
  facility = await startHubProcess(facilityArgs, 'en');
  expect((await linesOnceSaid(facility, 'cannot be reached')).at(-1)).toMatch(
    new RegExp(
      `^hub: The district hub at ${esc(districtUrl)} cannot be reached \\(.*ECONN(REFUSED|RESET).*\\)\\. ` +
        esc('Check that this hub computer reaches that address (network, firewall) and that the district hub runs (ask the Dinas Kesehatan). ') +
        esc("The counters keep working with the lists they hold. Tried again every 15 minutes. (This line is not repeated while the trouble stays the same; loket hub status shows the latest try.)") +
        '$',
    ),
  );

  // A first enrollment while the district is down: retried every minute, said once.
  const newcomer = await startHubProcess(['--pg', await server.createDatabase('facility_new'), '--data', tempDir(), '--port', '0', '--upstream-code', unusedCode], 'en');
  lines = await linesOnceSaid(newcomer, 'cannot be reached');
  expect(lines[0]).toMatch(/^hub: District hub: enrolling at https:\/\/127\.0\.0\.1:\d+ with the code \(a first start; the enrollment is kept in .*upstream\.json\)\.$/);
  expect(lines[1]).toContain('. Tried again every 1 minute. (This line is not repeated');
  expect(lines).toHaveLength(2);
  // Nothing of the English-only wording is left.
  expect([facility.stderr(), newcomer.stderr(), twice.stderr()].join('\n')).not.toContain('upstream:');
}, 240_000);

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
