import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import { formatContractError } from '../../../src/shared/i18n/format-error';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** A counter on a real file on 25 November 2026, its clock set by the test in WIB ("08:40"). */
function counter(): { core: Core; at: (hhmm: string) => void } {
  let clock = new Date('2026-11-25T01:00:00Z');
  const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, now: () => clock, clerk: 'ani' });
  return { core, at: (hhmm) => (clock = new Date(`2026-11-25T${String(Number(hhmm.slice(0, 2)) - 7).padStart(2, '0')}:${hhmm.slice(3)}:00Z`)) };
}

async function register(core: Core, name: string, unit: string): Promise<{ id: number; queue: string }> {
  const patient = await core.createPatient({ name });
  return core.registerVisit({ patientId: patient.id, unit, verdict: null, payer: 'umum' });
}

const row = (core: Core, id: number) =>
  core.db.prepare('SELECT unit, queue_prefix || \'-\' || printf(\'%03d\', queue_no) AS queue, status, called_at AS calledAt, registered_at AS registeredAt, recalls FROM visits WHERE id = ?').get(id) as {
    unit: string;
    queue: string;
    status: string;
    calledAt: string | null;
    registeredAt: string;
    recalls: number;
  };

describe('moving a visit to another unit', () => {
  it("keeps the patient's place by arrival in the target unit, with that unit's next number; the old number is never given again", async () => {
    const { core, at } = counter();
    at('07:30');
    const early = await register(core, 'ANI ARRIVED EARLY', 'UMUM');
    at('07:45');
    const other = await register(core, 'BUDI UMUM', 'UMUM');
    at('08:00');
    const gigi1 = await register(core, 'CICI GIGI', 'GIGI');
    at('08:10');
    const gigi2 = await register(core, 'DEDI GIGI', 'GIGI');
    expect([early.queue, other.queue, gigi1.queue, gigi2.queue]).toEqual(['U-001', 'U-002', 'G-001', 'G-002']);

    at('09:00');
    const moved = await core.moveVisit({ visitId: other.id, unit: 'GIGI' });
    expect(moved).toEqual({ visitId: other.id, name: 'BUDI UMUM', from: { unit: 'UMUM', queue: 'U-002', status: 'waiting' }, to: { unit: 'GIGI', queue: 'G-003' } });
    expect(row(core, other.id)).toMatchObject({ unit: 'GIGI', queue: 'G-003', status: 'waiting', registeredAt: '2026-11-25T00:45:00.000Z' });
    // The Gigi queue lists them by arrival: BUDI (07:45) before CICI (08:00), and "Panggil berikutnya" calls BUDI first.
    expect((await core.dayQueue({ unit: 'GIGI' })).map((e) => e.queue)).toEqual(['G-003', 'G-001', 'G-002']);
    expect((await core.callNext({ unit: 'GIGI' }))?.visitId).toBe(other.id);
    expect((await core.dayQueue({ unit: 'UMUM' })).map((e) => e.queue)).toEqual(['U-001']);
    // U-002 was on BUDI's slip: the next patient of Poli Umum gets U-003, not U-002 again.
    expect((await register(core, 'EKO UMUM', 'UMUM')).queue).toBe('U-003');
    core.close();
  });

  it('a called patient waits again at the new unit; Undo puts back the unit, number, status and call time', async () => {
    const { core, at } = counter();
    const v = await register(core, 'SITI AMINAH', 'UMUM');
    at('08:20');
    await core.callNext({ unit: 'UMUM' });
    at('08:30');
    const moved = await core.moveVisit({ visitId: v.id, unit: 'GIGI' });
    expect(moved.from).toEqual({ unit: 'UMUM', queue: 'U-001', status: 'called' });
    expect(row(core, v.id)).toMatchObject({ unit: 'GIGI', queue: 'G-001', status: 'waiting', calledAt: null });

    const back = await core.undoMoveVisit({ visitId: v.id });
    expect(back.to).toEqual({ unit: 'UMUM', queue: 'U-001' });
    expect(row(core, v.id)).toMatchObject({ unit: 'UMUM', queue: 'U-001', status: 'called', calledAt: '2026-11-25T01:20:00.000Z' });
    // Nothing left to undo; and G-001 (the undone move's slip) is not handed out again.
    await expect(core.undoMoveVisit({ visitId: v.id })).rejects.toMatchObject({ key: 'visit/move-undo-late' });
    expect((await register(core, 'BUDI GIGI', 'GIGI')).queue).toBe('G-002');
    core.close();
  });

  it('never to the IGD: an emergency is registered with F9 (its number, called first); nothing changes', async () => {
    const { core, at } = counter();
    at('09:00');
    const v = await register(core, 'RUDI MEMBURUK', 'UMUM');
    await expect(core.moveVisit({ visitId: v.id, unit: 'IGD' })).rejects.toMatchObject({ key: 'visit/move-to-emergency' });
    expect(row(core, v.id)).toMatchObject({ unit: 'UMUM', queue: 'U-001', status: 'waiting' });
    core.close();
  });

  it('a move is not undone once the patient was called at the new unit', async () => {
    const { core } = counter();
    const v = await register(core, 'SITI AMINAH', 'UMUM');
    await core.moveVisit({ visitId: v.id, unit: 'GIGI' });
    await core.callNext({ unit: 'GIGI' });
    const refused = await dispatch(core, 'undoMoveVisit', { visitId: v.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(formatContractError('id', refused.error)).toContain('tidak dapat diurungkan lagi');
    expect(row(core, v.id)).toMatchObject({ unit: 'GIGI', status: 'called' });
    core.close();
  });

  it('refuses a served or cancelled visit, its own unit, and a unit the patient is already in, in words', async () => {
    const { core } = counter();
    const served = await register(core, 'SERVED', 'UMUM');
    await core.setVisitStatus({ visitId: served.id, status: 'served' });
    const cancelled = await register(core, 'CANCELLED', 'UMUM');
    await core.setVisitStatus({ visitId: cancelled.id, status: 'cancelled' });
    const waiting = await register(core, 'WAITING', 'UMUM');
    const patientId = (core.db.prepare('SELECT patient_id AS id FROM visits WHERE id = ?').get(waiting.id) as { id: number }).id;
    await core.registerVisit({ patientId, unit: 'GIGI', verdict: null, payer: 'umum' });

    const answer = async (visitId: number, unit: string) => {
      const result = await dispatch(core, 'moveVisit', { visitId, unit });
      return result.ok ? 'moved' : formatContractError('id', result.error);
    };
    expect(await answer(served.id, 'GIGI')).toBe('Pasien U-001 sudah selesai dilayani: kunjungan yang selesai tidak dapat dipindah. Bila pasien perlu ke poli lain, daftarkan kunjungan baru ke poli itu.');
    expect(await answer(cancelled.id, 'GIGI')).toContain('sudah dibatalkan: tidak dapat dipindah');
    expect(await answer(waiting.id, 'UMUM')).toBe('Pasien U-003 sudah di poli ini. Pilih poli lain.');
    expect(await answer(waiting.id, 'GIGI')).toContain('WAITING sudah terdaftar hari ini di Poli Gigi');
    expect(await answer(waiting.id, 'NOPE')).toContain('"NOPE" tidak ada di pengaturan');
    expect(row(core, waiting.id)).toMatchObject({ unit: 'UMUM', queue: 'U-003' });
    core.close();
  });

  it("moves an emergency visit out of the IGD: the poli's number, still an emergency (first in that queue)", async () => {
    const { core, at } = counter();
    at('07:00');
    await register(core, 'ANI UMUM', 'UMUM');
    at('07:30');
    const emergency = await core.registerEmergency({});
    const moved = await core.moveVisit({ visitId: emergency.id, unit: 'UMUM' });
    expect(moved.to.queue).toBe('U-002');
    const queue = await core.dayQueue({ unit: 'UMUM' });
    expect(queue.map((e) => [e.queue, e.emergency])).toEqual([['U-002', true], ['U-001', false]]);
    core.close();
  });
});

describe('calling a called patient again', () => {
  it('counts the call, keeps the first call time (the waiting time does not change), and Undo takes it back', async () => {
    const { core, at } = counter();
    const v = await register(core, 'SITI AMINAH', 'UMUM');
    at('08:20');
    await core.callNext({ unit: 'UMUM' });
    at('08:25');
    expect(await core.recallVisit({ visitId: v.id })).toEqual({ recalls: 1, queue: 'U-001', unit: 'UMUM', name: 'SITI AMINAH' });
    expect((await core.recallVisit({ visitId: v.id })).recalls).toBe(2);
    const [entry] = await core.dayQueue({ unit: 'UMUM' });
    expect(entry).toMatchObject({ recalls: 2, calledAt: '2026-11-25T01:20:00.000Z', waitingMinutes: 20 });
    expect((await core.recallVisit({ visitId: v.id, undo: true })).recalls).toBe(1);
    expect(row(core, v.id)).toMatchObject({ recalls: 1, calledAt: '2026-11-25T01:20:00.000Z' });
    core.close();
  });

  it('refuses a patient not called (waiting, or served)', async () => {
    const { core } = counter();
    const v = await register(core, 'SITI AMINAH', 'UMUM');
    await expect(core.recallVisit({ visitId: v.id })).rejects.toMatchObject({ key: 'visit/recall-not-called' });
    await core.setVisitStatus({ visitId: v.id, status: 'served' });
    await expect(core.recallVisit({ visitId: v.id })).rejects.toMatchObject({ key: 'visit/recall-not-called' });
    core.close();
  });
});
