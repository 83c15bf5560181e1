import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub } from '../../../src/hub/hub-main';
import type { CounterSettings } from '../../../src/shared/settings';
import { runCaptured } from '../../helpers/cli-capture';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { enrolledCounters } from './enrolled-counters';

/**
 * papertester F17: a key the IT officer's file leaves out stays unset at the hub, on the first save
 * as on later ones, and every counter keeps its own value for it; only the keys given reach them.
 */
const { server, hubs, cores, tempDir } = useHubTestbed('loket-hub-settings-partial-');
const { counter, enrollAt } = enrolledCounters({ cores, tempDir });

it('the first hub settings store only the keys given; a counter keeps its own values for the others', async () => {
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  const hub = await startHub({ pgUrl: await server().createDatabase('settings_partial'), dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });
  hubs.push(hub);
  let n = 0;
  const hubSettings = (json: unknown) => {
    const file = join(dir, `fas${++n}.json`);
    writeFileSync(file, JSON.stringify(json));
    return runCaptured(['hub', 'settings', '--file', file, '--hub-dir', hubDir]);
  };

  // The counter set its facility up before the hub came: its own name, units, deadline and format.
  const a = counter('ani');
  const own: CounterSettings = {
    ...(await callOk(a, 'getSettings', {})),
    facilityName: 'RSUD LOKAL',
    units: [{ code: 'UMUM', name: 'Poli Umum', prefix: 'U' }, { code: 'ANAK', name: 'Poli Anak', prefix: 'A' }, { code: 'UGD', name: 'UGD', prefix: 'D' }],
    emergencyUnit: 'UGD',
    emergencyPrefix: 'X',
    followUpHours: 48,
    mrnFormat: 'RM{seq:7}',
  };
  await callOk(a, 'saveSettings', own);
  await enrollAt(hub, `Admin ${readHubConfig(hubDir)!.adminKey}`, a, 'Loket 1');
  await callOk(a, 'syncNow', {});

  const first = await hubSettings({ mrnStart: 200000 });
  expect(first.code).toBe(0);
  expect(first.lines).toEqual(['Pengaturan fasilitas disimpan; yang diubah: mrnStart. Pengaturan lain tetap seperti sebelumnya. Setiap loket mengambilnya pada sinkron berikutnya.']);
  const { rows } = await hub.pg.query<{ json: unknown }>('SELECT json FROM facility_settings');
  expect(rows[0]!.json).toEqual({ mrnStart: 200000 });

  await callOk(a, 'syncNow', {});
  const after = await callOk(a, 'getSettings', {});
  expect(after).toMatchObject({ mrnStart: 200000, facilityName: 'RSUD LOKAL', units: own.units, emergencyUnit: 'UGD', emergencyPrefix: 'X', followUpHours: 48, mrnFormat: 'RM{seq:7}' });

  // Units given at the hub without the counter's emergency unit: the emergency unit and prefix the
  // hub does not hold take Loket's (which the hub checked the units with); the rest stays the counter's.
  const units = [{ code: 'UMUM', name: 'Poli Umum', prefix: 'U' }, { code: 'IGD', name: 'IGD', prefix: 'I' }];
  expect((await hubSettings({ units })).lines[0]).toContain('yang diubah: units.');
  await callOk(a, 'syncNow', {});
  expect(await callOk(a, 'getSettings', {})).toMatchObject({ units, emergencyUnit: 'IGD', emergencyPrefix: 'GD', mrnStart: 200000, facilityName: 'RSUD LOKAL', followUpHours: 48, mrnFormat: 'RM{seq:7}' });
});
