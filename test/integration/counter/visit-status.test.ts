import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { recordingPrinter } from '../../helpers/recording-printer';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** A counter on 25 November 2026, its clock set by the test in WIB ("08:40"). */
function counter(): { core: Core; at: (hhmm: string) => void } {
  let clock = new Date('2026-11-25T01:00:00Z');
  const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, now: () => clock, clerk: 'ani' });
  return { core, at: (hhmm) => (clock = new Date(`2026-11-25T${String(Number(hhmm.slice(0, 2)) - 7).padStart(2, '0')}:${hhmm.slice(3)}:00Z`)) };
}

const times = (core: Core, id: number) => core.db.prepare('SELECT status, called_at AS calledAt, served_at AS servedAt, cancelled_at AS cancelledAt FROM visits WHERE id = ?').get(id);

describe('Selesai without Panggil', () => {
  it('takes the serve time as the call time: queue, register and the equal-service report agree on the wait', async () => {
    const { core, at } = counter();
    const patient = await core.createPatient({ name: 'Bambang Lestari' });
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: 'unknown', payer: 'umum' });
    at('09:55');
    await core.setVisitStatus({ visitId: visit.id, status: 'served' });
    expect(times(core, visit.id)).toMatchObject({ status: 'served', calledAt: '2026-11-25T02:55:00.000Z', servedAt: '2026-11-25T02:55:00.000Z' });

    at('12:00');
    const [entry] = await core.dayQueue({ unit: 'UMUM' });
    const [row] = await core.visitRegister({ from: '2026-11-25' });
    expect([entry!.waitingMinutes, row!.waitMinutes]).toEqual([115, 115]);
    expect((await core.equalServiceReport({ from: '2026-11-25', to: '2026-11-25' })).lines).toEqual([
      { unit: 'UMUM', payer: 'umum', visits: 1, medianWaitMinutes: 115, p90WaitMinutes: 115 },
    ]);

    // Undo of that Selesai: back to waiting, never called.
    await core.setVisitStatus({ visitId: visit.id, status: 'waiting' });
    expect(times(core, visit.id)).toMatchObject({ status: 'waiting', calledAt: null, servedAt: null });
    expect((await core.visitRegister({ from: '2026-11-25' }))[0]!.waitMinutes).toBeNull();
    expect((await core.equalServiceReport({ from: '2026-11-25', to: '2026-11-25' })).lines).toEqual([]);
    core.close();
  });

  it('a visit served so by an older Loket (no call time) counts its wait until served in the register', async () => {
    const { core, at } = counter();
    const patient = await core.createPatient({ name: 'Priyo Polapa' });
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: 'unknown', payer: 'jkn' });
    core.db.prepare(`UPDATE visits SET status = 'served', served_at = '2026-11-25T01:30:00.000Z' WHERE id = ?`).run(visit.id);
    at('12:00');
    expect((await core.visitRegister({ from: '2026-11-25' }))[0]!.waitMinutes).toBe(30);
    expect((await core.dayQueue({ unit: 'UMUM' }))[0]!.waitingMinutes).toBe(30);
    expect((await core.equalServiceReport({ from: '2026-11-25', to: '2026-11-25' })).lines).toMatchObject([{ payer: 'jkn', visits: 1, medianWaitMinutes: 30 }]);
    core.close();
  });
});

describe('Batal', () => {
  it("stops the visit's waiting time at the cancel", async () => {
    const { core, at } = counter();
    const patient = await core.createPatient({ name: 'Udin Panjaitan' });
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: 'unknown', payer: 'umum' });
    at('09:10');
    await core.setVisitStatus({ visitId: visit.id, status: 'cancelled' });
    for (const later of ['10:50', '23:50']) {
      at(later);
      expect((await core.dayQueue({ unit: 'UMUM' }))[0]).toMatchObject({ status: 'cancelled', waitingMinutes: 70 });
    }
    core.close();
  });

  it('closes the open follow-ups as cancelled; Undo of Batal opens them again with their deadlines', async () => {
    const { core, at } = counter();
    const patient = await core.createPatient({ name: 'Wiwik Salah Daftar', nik: '3674046505880004' });
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'GIGI', verdict: 'unknown' });
    const emergency = await core.registerEmergency({});
    const before = await core.openFollowUps({});
    expect(before.map((f) => [f.visit.id, f.kind])).toEqual([
      [visit.id, 'settle-payer'],
      [emergency.id, 'settle-payer'],
      [emergency.id, 'identify-patient'],
    ]);

    at('08:20');
    await core.setVisitStatus({ visitId: visit.id, status: 'cancelled' });
    expect((await core.openFollowUps({})).map((f) => f.visit.id)).toEqual([emergency.id, emergency.id]);
    expect(core.db.prepare('SELECT closed_at AS closedAt, resolution FROM follow_ups WHERE visit_id = ?').all(visit.id)).toEqual([
      { closedAt: '2026-11-25T01:20:00.000Z', resolution: 'visit-cancelled' },
    ]);
    // An emergency registered by mistake: its payer and identity tasks close too.
    await core.callNext({ unit: 'IGD' });
    await core.setVisitStatus({ visitId: emergency.id, status: 'cancelled' });
    expect(await core.openFollowUps({})).toEqual([]);

    // Undo: back where each was (waiting, called), the tasks with them, same reasons and deadlines.
    at('08:21');
    await core.setVisitStatus({ visitId: visit.id, status: 'waiting' });
    await core.setVisitStatus({ visitId: emergency.id, status: 'called' });
    expect(times(core, visit.id)).toMatchObject({ status: 'waiting', cancelledAt: null });
    expect(times(core, emergency.id)).toMatchObject({ status: 'called', calledAt: '2026-11-25T01:20:00.000Z', cancelledAt: null });
    const after = await core.openFollowUps({});
    expect(after.map((f) => [f.visit.id, f.kind, f.reason, f.dueAt])).toEqual(before.map((f) => [f.visit.id, f.kind, f.reason, f.dueAt]));

    // Cancelled again and undone again: no task twice; a served visit cannot be cancelled back.
    await core.setVisitStatus({ visitId: visit.id, status: 'cancelled' });
    await core.setVisitStatus({ visitId: visit.id, status: 'waiting' });
    expect((await core.openFollowUps({})).filter((f) => f.visit.id === visit.id)).toHaveLength(1);
    await core.setVisitStatus({ visitId: visit.id, status: 'cancelled' });
    await expect(core.setVisitStatus({ visitId: visit.id, status: 'served' })).rejects.toMatchObject({ key: 'visit/bad-status' });
    core.close();
  });

  it('a task settled before the cancel is not reopened by its undo', async () => {
    const { core } = counter();
    const emergency = await core.registerEmergency({});
    await core.setPayer({ visitId: emergency.id, payer: 'umum' });
    await core.setVisitStatus({ visitId: emergency.id, status: 'cancelled' });
    await core.setVisitStatus({ visitId: emergency.id, status: 'waiting' });
    expect((await core.openFollowUps({})).map((f) => f.kind)).toEqual(['identify-patient']);
    core.close();
  });

  it('an open follow-up of a visit cancelled by an older Loket is not listed', async () => {
    const { core } = counter();
    const patient = await core.createPatient({ name: 'Rudi Hartono' });
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: 'unknown' });
    core.db.prepare(`UPDATE visits SET status = 'cancelled', cancelled_at = '2026-11-25T01:05:00.000Z' WHERE id = ?`).run(visit.id);
    expect(await core.openFollowUps({})).toEqual([]);
    core.close();
  });
});

describe('the slip of a cancelled visit', () => {
  it('is not printed again, in words naming the number; after the cancel is undone it prints again', async () => {
    const { printer, printed } = recordingPrinter();
    const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, clerk: 'ani', printer });
    const patient = await core.createPatient({ name: 'Bambang Lestari' });
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: 'unknown', payer: 'umum' });
    await core.printSlip({ visitId: visit.id });
    await core.setVisitStatus({ visitId: visit.id, status: 'cancelled' });
    await expect(core.printSlip({ visitId: visit.id, reprint: true })).rejects.toMatchObject({ key: 'visit/slip-cancelled', params: { queue: 'U-001' } });
    expect(printed).toHaveLength(1);
    await core.setVisitStatus({ visitId: visit.id, status: 'waiting' });
    await core.printSlip({ visitId: visit.id, reprint: true });
    expect(printed).toHaveLength(2);
    core.close();
  });
});
