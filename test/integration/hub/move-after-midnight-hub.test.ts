import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { untimed } from '../../helpers/untimed-transport';
import { hubFetch } from './service-fetch';

/**
 * Finding: last night's IGD patient sent to Poli Umum at 00:10 kept last night's day, at the hub and
 * at every counter: in no queue, with a number of last night's sequence. Through a real hub
 * (HTTPS, PostgreSQL), the move's day travels with its number: the hub numbers it on today's
 * sequence and every counter shows it in today's queue there; its undo brings it back to last
 * night's IGD queue everywhere.
 */
const bed = useHubTestbed('loket-move-midnight-');
const NIGHT = '2026-11-24';
const TODAY = '2026-11-25';

/** One clock for the facility's counters, set by the test in WIB: "23:50" on 24 November, "+00:10" on the 25th. */
let clock = new Date(`${NIGHT}T08:00:00+07:00`);
const at = (hhmm: string): void => {
  const [h, m] = hhmm.replace('+', '').split(':').map(Number) as [number, number];
  clock = new Date(Date.parse(`${hhmm.startsWith('+') ? TODAY : NIGHT}T00:00:00+07:00`) + (h * 60 + m) * 60_000);
};

async function facility(): Promise<{ hub: RunningHub; codeFor: (name: string) => Promise<string> }> {
  const dataDir = bed.tempDir();
  const hub = await startHub({ pgUrl: await bed.server().createDatabase('move_midnight'), dataDir, host: '127.0.0.1', port: 0, facility: 'Puskesmas Uji' });
  bed.hubs.push(hub);
  const admin = `Admin ${readHubConfig(dataDir)!.adminKey}`;
  return {
    hub,
    async codeFor(name) {
      const reply = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name } });
      expect(reply.status).toBe(201);
      return (reply.json as { code: string }).code;
    },
  };
}

async function enrolled(codeFor: (name: string) => Promise<string>, name: string): Promise<Core> {
  const core = createCore({
    dbPath: join(bed.tempDir(), 'loket.db'),
    workerScript: null,
    bpjsBackground: false,
    hubBackground: false,
    hubTransport: untimed,
    now: () => clock,
    clerk: name,
    actor: { username: name, role: 'admin' },
  });
  bed.cores.push(core);
  await core.enrollHub({ code: await codeFor(name) });
  await core.syncNow({});
  return core;
}

const register = async (core: Core, name: string, unit: string) => core.registerNewPatient({ identity: { name, dob: '1990-01-01' }, unit, verdict: null });
/** A patient brought to the IGD: an emergency (F9), the one way into the emergency unit. */
const broughtIn = async (core: Core, name: string) => core.registerEmergency({ patientId: (await core.createPatient({ name, dob: '1990-01-01' })).id });
const queueOf = async (core: Core, unit: string) => (await core.dayQueue({ unit })).map((e) => `${e.queue} ${e.patient.name} ${e.serviceDate}`);

describe('a move after midnight, through the hub', () => {
  it("another counter sees last night's IGD patient in today's Poli Umum queue with today's U-001; the undo, back at the IGD as last night's", async () => {
    const { codeFor } = await facility();
    at('08:00');
    const a = await enrolled(codeFor, 'Loket A');
    const b = await enrolled(codeFor, 'Loket B');
    // Last night's Poli Umum handed out U-001 and U-002: a number of last night's sequence would be U-003.
    expect((await register(a, 'Ani Kemarin', 'UMUM')).queue).toBe('U-001');
    expect((await register(a, 'Budi Kemarin', 'UMUM')).queue).toBe('U-002');
    at('23:50');
    const night = await broughtIn(a, 'Siti Malam');
    expect(night.queue).toBe('GD-001');
    await a.syncNow({});
    await b.syncNow({});

    at('+00:10');
    expect(await queueOf(b, 'IGD')).toEqual([`GD-001 SITI MALAM ${NIGHT}`]);
    expect((await a.moveVisit({ visitId: night.id, unit: 'UMUM' })).to).toEqual({ unit: 'UMUM', queue: 'U-001' });
    await a.syncNow({});
    await b.syncNow({});
    expect(await queueOf(b, 'UMUM')).toEqual([`U-001 SITI MALAM ${TODAY}`]);
    expect(await queueOf(b, 'IGD')).toEqual([]);
    // The hub numbers today's Poli Umum on after it, whichever counter registers.
    expect((await register(b, 'Cici Pagi', 'UMUM')).queue).toBe('U-002');

    at('+00:11');
    await a.undoMoveVisit({ visitId: night.id });
    await a.syncNow({});
    await b.syncNow({});
    expect(await queueOf(b, 'IGD')).toEqual([`GD-001 SITI MALAM ${NIGHT}`]);
    expect(await queueOf(b, 'UMUM')).toEqual([`U-002 CICI PAGI ${TODAY}`]);
    // Called at B, as last night's IGD patient (the IGD works through the night).
    expect((await b.callNext({ unit: 'IGD' }))?.patient.name).toBe('SITI MALAM');
  });
});
