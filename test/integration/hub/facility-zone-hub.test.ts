import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import { saveSettings, readSettings } from '../../../src/core/settings/settings.repo';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub } from '../../../src/hub/hub-main';
import type { HubStatus } from '../../../src/shared/hub-protocol';
import { runCaptured } from '../../helpers/cli-capture';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { enrollAt } from './enrolled-counters';

/**
 * reporttester F9: the facility's time zone is one value for every counter. Enrolled, a counter
 * cannot change it; the hub's value comes back to a counter on another zone at its next pull; and
 * while the hub holds none, `loket hub status` says when the counters' zones differ.
 */
const { server, hubs, cores, tempDir } = useHubTestbed('loket-facility-zone-');

it('enrolled counters: the zone is refused locally, differences are told by hub status, and the hub\'s zone wins at the next pull', async () => {
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  const hub = await startHub({ pgUrl: await server().createDatabase('facility_zone'), dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Kota Serang' });
  hubs.push(hub);
  const admin = `Admin ${readHubConfig(hubDir)!.adminKey}`;
  const paths: Record<string, string> = {};
  const open = (name: string): Core => {
    paths[name] ??= join(tempDir(), 'loket.db');
    const core = createCore({ dbPath: paths[name]!, workerScript: null, bpjsBackground: false, hubBackground: false, clerk: name, actor: { username: name, role: 'admin' } });
    cores.push(core);
    return core;
  };
  const status = async (): Promise<{ lines: string[]; json: HubStatus }> => {
    const text = await runCaptured(['hub', 'status', '--hub-dir', hubDir, '--lang', 'en']);
    const json = await runCaptured(['hub', 'status', '--hub-dir', hubDir, '--json']);
    return { lines: text.lines, json: json.data[0] as HubStatus };
  };

  // Set up alone before the hub came (README's path runs no `loket hub settings`): one on WIT, one on WIB.
  const a = open('ani');
  await callOk(a, 'saveSettings', { ...(await callOk(a, 'getSettings', {})), timeZone: 'Asia/Jayapura' });
  const b = open('beni');
  await enrollAt(hub, admin, a, 'Loket 1');
  await enrollAt(hub, admin, b, 'Loket 2');
  for (const c of [a, b]) await callOk(c, 'syncNow', {});

  // Enrolled: the zone is the hub's to set.
  const refused = await dispatch(a, 'saveSettings', { ...(await callOk(a, 'getSettings', {})), timeZone: 'Asia/Jakarta' });
  expect(refused.ok ? null : refused.error.code).toBe('settings/hub-zone');

  const apart = await status();
  expect(apart.json.timeZone).toBeNull();
  expect(apart.json.counters.map((c) => [c.name, c.timeZone])).toEqual([['Loket 1', 'Asia/Jayapura'], ['Loket 2', 'Asia/Jakarta']]);
  expect(apart.lines.filter((l) => l.startsWith('CHECK THE TIME ZONE'))).toEqual([
    expect.stringContaining('different time zones (Loket 1: Asia/Jayapura, Loket 2: Asia/Jakarta)'),
  ]);

  // The facility's zone set at the hub: both take it, and the status is quiet.
  const file = join(dir, 'fas.json');
  writeFileSync(file, JSON.stringify({ timeZone: 'Asia/Jakarta' }));
  expect((await runCaptured(['hub', 'settings', '--file', file, '--hub-dir', hubDir])).code).toBe(0);
  for (const c of [a, b]) await callOk(c, 'syncNow', {});
  expect((await callOk(a, 'getSettings', {})).timeZone).toBe('Asia/Jakarta');
  const together = await status();
  expect(together.json.counters.map((c) => c.timeZone)).toEqual(['Asia/Jakarta', 'Asia/Jakarta']);
  expect(together.lines.some((l) => l.includes('TIME ZONE') || l.includes('time zone'))).toBe(false);

  // A counter already on another zone (an older Loket let it be changed there): the hub's comes back
  // at its next pull, though the hub's settings have not changed since.
  a.close();
  cores.splice(cores.indexOf(a), 1);
  const { openDatabase } = await import('../../../src/core/store/open-database');
  const db = openDatabase(paths.ani!);
  saveSettings(db, { ...readSettings(db), timeZone: 'Asia/Jayapura' });
  db.close();
  const again = open('ani');
  expect((await callOk(again, 'getSettings', {})).timeZone).toBe('Asia/Jayapura');
  await callOk(again, 'syncNow', {});
  expect((await callOk(again, 'getSettings', {})).timeZone).toBe('Asia/Jakarta');

  // Joining the hub from another zone: the register pulled was filed under the hub's, and is shown so.
  await callOk(b, 'registerVisit', { patientId: (await callOk(b, 'createPatient', { name: 'Dedi' })).id, unit: 'UMUM', verdict: null, payer: 'umum' });
  await callOk(b, 'syncNow', {});
  const c = open('cici');
  await callOk(c, 'saveSettings', { ...(await callOk(c, 'getSettings', {})), timeZone: 'Asia/Jayapura' });
  await callOk(c, 'registerVisit', { patientId: (await callOk(c, 'createPatient', { name: 'Eka' })).id, unit: 'UMUM', verdict: null, payer: 'umum' });
  await enrollAt(hub, admin, c, 'Loket 3');
  await callOk(c, 'syncNow', {});
  expect((await callOk(c, 'getSettings', {})).timeZone).toBe('Asia/Jakarta');
  const rows = await callOk(c, 'visitRegister', { from: '2020-01-01', to: '2100-12-31' });
  expect(rows.filter((r) => /dedi/i.test(r.name)).map((r) => r.timeZone)).toEqual(['Asia/Jakarta']);
});
