import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { secretKeyPath } from '../../../src/core/core-paths';
import { keyFileSecretBox } from '../../../src/core/secrets/secret-box';
import { readHubCredential } from '../../../src/core/sync/hub-credential.repo';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { hubWithTwoCounters } from './enrolled-counters';
import { visit, visitOp } from './register-db';
import { hubFetch } from './service-fetch';

/**
 * security tester 2: a visit at the hub is filed under the counter that pushed it, as the hub
 * authenticated it, not under the `counter` its record claims; a visit called at another counter
 * stays the registering counter's. A real hub on PostgreSQL, two enrolled counters, real pushes.
 */
const testbed = useHubTestbed('loket-visit-counter-');

const credentialOf = async (core: Core) => (await readHubCredential(core.db, keyFileSecretBox(secretKeyPath(core.db.name))))!;
const visitIdAt = (c: Core, uid: string) => (c.db.prepare('SELECT id FROM visits WHERE uid = ?').get(uid) as { id: number }).id;

describe("a visit's counter at the hub", () => {
  it("is the pushing counter's, whatever the record claims; calling it at another counter keeps it", async () => {
    const { hub, a, b } = await hubWithTwoCounters(testbed, 'visit_counter');
    const [ani, beni] = [await credentialOf(a), await credentialOf(b)];
    const counterOf = async (uid: string) => (await hub.pg.query('SELECT counter FROM visits WHERE uid = $1', [uid])).rows[0]?.counter as string | undefined;

    const siti = await callOk(a, 'registerNewPatient', { identity: { name: 'SITI AMINAH', dob: '1980-05-17', sex: 'P' }, unit: 'UMUM', verdict: null });
    await callOk(a, 'syncNow', {});
    expect(await counterOf(siti.uid)).toBe(ani.counterId);

    // Loket 1 pushes a visit whose record names Loket 2: the hub files it under Loket 1.
    const forged = visit(siti.patient.uid, { serviceDate: siti.serviceDate, queuePrefix: 'K1-U', queueNo: 77, counter: beni.counterId });
    const pushed = await hubFetch(hub.urls[0]!, 'POST', '/v1/push', { authorization: `Bearer ${ani.counterId}.${ani.secret}`, body: { ops: [visitOp(forged)], outboxBacklog: 0 } });
    expect(pushed.json).toEqual({ results: [{ opId: expect.any(String), status: 'applied' }] });
    expect(await counterOf(forged.uid)).toBe(ani.counterId);

    // Loket 2 calls Loket 1's patient: the visit is still Loket 1's registration.
    await callOk(b, 'syncNow', {});
    await callOk(b, 'setVisitStatus', { visitId: visitIdAt(b, siti.uid), status: 'called' });
    await callOk(b, 'syncNow', {});
    expect((await hub.pg.query('SELECT status, counter FROM visits WHERE uid = $1', [siti.uid])).rows[0]).toEqual({ status: 'called', counter: ani.counterId });
  });
});
