import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { localStamp } from '../../../src/cli/local-stamp';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import type { HubDistrictLink } from '../../../src/shared/district-link';
import type { HubStatus } from '../../../src/shared/hub-protocol';
import { writeCsvList } from '../../fixtures/write-list-files';
import { runCaptured } from '../../helpers/cli-capture';
import { runLoket } from '../../helpers/hub-process';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { assertWorkersBuilt } from '../editions-sync/sync-counters';

/**
 * Hub tester finding "hub 8": `loket hub status` (text in both languages, and --json) tells a
 * facility hub's link to its district hub: linked or not, the address, the last contact and the
 * last edition received on the facility's clock, and the trouble with what to do. Real hubs on a
 * real PostgreSQL, the real command in this process.
 */
const { server, hubs, tempDir } = useHubTestbed('loket-district-status-');
const LIST = 'PBI APBN Kota Serang';
const WIT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIT$/;

async function hubAt(name: string, options: Partial<Parameters<typeof startHub>[0]> = {}): Promise<{ hub: RunningHub; dir: string; pgUrl: string }> {
  const dir = tempDir();
  const pgUrl = await server().createDatabase(name);
  const hub = await startHub({ pgUrl, dataDir: dir, host: '127.0.0.1', port: 0, log: () => undefined, ...options });
  hubs.push(hub);
  return { hub, dir, pgUrl };
}

async function status(hubDir: string): Promise<{ json: HubStatus; id: string[]; en: string[] }> {
  const json = await runCaptured(['hub', 'status', '--hub-dir', hubDir, '--json']);
  expect(json.code, json.errors.join('\n')).toBe(0);
  const id = await runCaptured(['hub', 'status', '--hub-dir', hubDir, '--lang', 'id']);
  const en = await runCaptured(['hub', 'status', '--hub-dir', hubDir, '--lang', 'en']);
  return { json: json.data[0] as HubStatus, id: id.lines, en: en.lines };
}

it('a facility hub without a district says so in one line and district: null; a district hub says nothing of one', async () => {
  const { dir } = await hubAt('alone', { facility: 'Puskesmas Ciruas' });
  const alone = await status(dir);
  expect(alone.json.district).toBeNull();
  expect(alone.id.filter((l) => l.includes('kabupaten/kota'))).toEqual(['Hub kabupaten/kota: tidak tertaut (daftar peserta hanya dari loket dan admin hub ini)']);
  expect(alone.en.filter((l) => l.includes('District hub'))).toEqual(["District hub: not linked (member lists come from this hub's counters and administrator only)"]);

  const { dir: districtDir } = await hubAt('district_alone', { facility: 'Dinkes Kota Serang', mode: 'district' });
  const district = await status(districtDir);
  expect(district.json).not.toHaveProperty('district');
  expect([...district.id, ...district.en].join('\n')).not.toMatch(/kabupaten\/kota|District hub/);
});

it('a linked facility hub shows the district, its address, the last contact and edition on the facility clock; an unreachable district is a CHECK line with what to do', async () => {
  assertWorkersBuilt();
  const { hub: district, dir: districtDir } = await hubAt('district', { facility: 'Dinkes Kota Serang', mode: 'district' });
  const file = (await writeCsvList(join(tempDir(), 'pbi.csv'), { count: 30, seed: 81 })).path;
  // The built command: importing the list runs in its worker, which only the build has.
  const added = await runLoket(['hub', 'edition', 'add', file, '--list', LIST, '--kind', 'pbi-apbn', '--as-of', '2026-10-01', '--hub-dir', districtDir, '--json']);
  expect(added.code, added.stderr).toBe(0);
  const code = await runCaptured(['hub', 'counter', 'add', 'RSUD Kota Serang', '--hub-dir', districtDir, '--json']);
  const districtUrl = district.urls[0]!;

  const { hub: facility, dir, pgUrl } = await hubAt('facility', { facility: 'RSUD Kota Serang', upstream: { code: (code.data[0] as { code: string }).code } });
  // The facility's clock is WIT: the times shown follow it, as the counters' do.
  const zoneFile = join(tempDir(), 'zone.json');
  writeFileSync(zoneFile, JSON.stringify({ timeZone: 'Asia/Jayapura' }));
  expect((await runCaptured(['hub', 'settings', '--file', zoneFile, '--hub-dir', dir])).code).toBe(0);
  const linked = await facility.upstream!.ready;
  if (linked.state !== 'linked') throw new Error(`not linked: ${JSON.stringify(linked)}`);
  await linked.sync.runNow(); // the first round, started with the link

  const up = await status(dir);
  const link = up.json.district as HubDistrictLink;
  expect(link).toMatchObject({
    state: 'linked',
    url: districtUrl,
    district: 'Dinkes Kota Serang',
    name: 'RSUD Kota Serang',
    lastContact: expect.any(String),
    lastEdition: { list: LIST, asOf: '2026-10-01', members: 30, receivedAt: expect.any(String) },
    lastError: null,
  });
  const contact = localStamp(link.lastContact!, 'Asia/Jayapura');
  const received = localStamp(link.lastEdition!.receivedAt, 'Asia/Jayapura');
  expect([contact, received]).toEqual([expect.stringMatching(WIT), expect.stringMatching(WIT)]);
  expect(up.id).toEqual(
    expect.arrayContaining([
      `Hub kabupaten/kota: Dinkes Kota Serang  ${districtUrl}  (hub ini di sana: "RSUD Kota Serang")`,
      `  kontak terakhir ${contact}  edisi terakhir diterima: ${LIST} per 2026-10-01 (30 peserta) pada ${received}`,
    ]),
  );
  expect(up.en).toEqual(
    expect.arrayContaining([
      `District hub: Dinkes Kota Serang  ${districtUrl}  (this hub there: "RSUD Kota Serang")`,
      `  last contact ${contact}  last edition received: ${LIST} as of 2026-10-01 (30 members) at ${received}`,
    ]),
  );
  expect(up.id.join('\n')).not.toContain('PERIKSA');

  // The district hub stops: the next round fails, and the status says since when, the latest try, and what to do.
  await district.stop();
  await linked.sync.runNow();
  const down = await status(dir);
  const failing = down.json.district as HubDistrictLink;
  expect(failing).toMatchObject({ state: 'linked', lastContact: link.lastContact, lastEdition: link.lastEdition, lastError: { code: 'unreachable', url: districtUrl, retryMinutes: 15, since: expect.any(String), at: expect.any(String) } });
  expect(failing.lastError!.detail).toMatch(/ECONN(REFUSED|RESET)/); // a kept-alive connection is reset, a new one refused
  const since = localStamp(failing.lastError!.since, 'Asia/Jayapura');
  const at = localStamp(failing.lastError!.at, 'Asia/Jayapura');
  expect(down.id.find((l) => l.startsWith('  PERIKSA'))).toBe(
    `  PERIKSA (sejak ${since}, percobaan terakhir ${at}): Hub kabupaten/kota di ${districtUrl} tidak terjangkau (${failing.lastError!.detail}). ` +
      'Periksa apakah komputer hub ini bisa mencapai alamat itu (jaringan, firewall) dan apakah hub kabupaten/kota berjalan (tanyakan ke Dinas Kesehatan). ' +
      'Loket tetap bekerja dengan daftar yang sudah ada. Dicoba lagi setiap 15 menit.',
  );
  expect(down.en.find((l) => l.startsWith('  CHECK'))).toBe(
    `  CHECK (since ${since}, latest try ${at}): The district hub at ${districtUrl} cannot be reached (${failing.lastError!.detail}). ` +
      'Check that this hub computer reaches that address (network, firewall) and that the district hub runs (ask the Dinas Kesehatan). ' +
      'The counters keep working with the lists they hold. Tried again every 15 minutes.',
  );
  // The district and the last edition stay shown while it is down.
  expect(down.en).toContain(`  last contact ${contact}  last edition received: ${LIST} as of 2026-10-01 (30 members) at ${received}`);

  // The facility hub restarts while the district is still down: its first try fails again, and the
  // status still says when the district last answered and since when the trouble lasts.
  const logged: string[] = [];
  await facility.stop();
  const again = await startHub({ pgUrl, dataDir: dir, host: '127.0.0.1', port: 0, log: (event) => logged.push(event.code) });
  hubs.push(again);
  const relinked = await again.upstream!.ready;
  if (relinked.state !== 'linked') throw new Error(`not linked after the restart: ${JSON.stringify(relinked)}`);
  await relinked.sync.runNow();
  const after = (await status(dir)).json.district as HubDistrictLink;
  expect(after).toMatchObject({ state: 'linked', lastContact: link.lastContact, lastError: { code: 'unreachable', since: failing.lastError!.since } });
  expect(after.lastError!.at >= failing.lastError!.at).toBe(true);
  // The log is this run's story: the trouble is said again at its first try.
  expect(logged).toContain('problem');
});
