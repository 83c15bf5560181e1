import { describe, expect, it } from 'vitest';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub } from '../../../src/hub/hub-main';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { enrolledCounters } from './enrolled-counters';
import { hubFetch } from './service-fetch';

/**
 * A hospital that had paper records, with a hub: its first RM number (200000) is set at the hub,
 * and every counter numbers from there; an old RM typed at one counter is found at the other.
 */
const { server, hubs, cores, tempDir } = useHubTestbed('loket-paper-records-');

const { counter, enrollAt } = enrolledCounters({ cores, tempDir });

describe('moving from paper records with a facility hub', () => {
  it('the start set at the hub holds at every counter, also for a block taken before it was raised; the old RM travels', async () => {
    const dataDir = tempDir();
    const hub = await startHub({ pgUrl: await server().createDatabase('paper_records'), dataDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });
    hubs.push(hub);
    const admin = `Admin ${readHubConfig(dataDir)!.adminKey}`;

    // Loket 1 enrolled before the IT officer set the start: it holds the block 1-200.
    const a = counter('ani');
    await enrollAt(hub, admin, a, 'Loket 1');
    expect((await callOk(a, 'syncNow', {})).mrnBlock).toEqual({ first: 1, last: 200 });

    const put = await hubFetch(hub.urls[0]!, 'PUT', '/v1/admin/settings', { authorization: admin, body: { mrnStart: 200000 } });
    expect(put.status).toBe(200);
    const b = counter('beni');
    await enrollAt(hub, admin, b, 'Loket 2');
    await callOk(b, 'syncNow', {});
    expect((await callOk(b, 'getSettings', {})).mrnStart).toBe(200000);
    const first = await callOk(b, 'createPatient', { name: 'Pasien Baru', oldMrn: '000013' });
    expect(Number(first.mrn)).toBeGreaterThanOrEqual(200000);

    // Loket 1 takes the setting at its next round: its old block's low values count as used, and
    // it asks the hub for a block from the start on in the same round.
    expect((await callOk(a, 'syncNow', {})).mrnBlock).toEqual({ first: 200200, last: 200399 });
    const fromA = await callOk(a, 'createPatient', { name: 'Pasien Loket Satu' });
    expect(fromA.mrn).toBe('200200');
    await callOk(b, 'syncNow', {});
    await callOk(a, 'syncNow', {});

    // The old RM typed at Loket 2 finds the patient at Loket 1.
    expect((await callOk(a, 'lookup', { query: 'RM lama 13' })).patient).toMatchObject({ mrn: first.mrn, name: 'PASIEN BARU', oldMrn: '000013' });
  });
});
