import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/**
 * A counter whose clock is an hour fast, as its last sync round saw it (sync_state.hub_clock_ahead_s:
 * the hub's clock minus this one's), calling its own visits before they are sent: every first call is
 * kept on the hub's clock too (visits.called_hub_at), through Selesai without a call, an undo back to
 * waiting and a move and its undo, so its waits are the true minutes (docs/hub.md "The counter's clock").
 * The hub's own part is test/integration/hub/call-time-clock.test.ts.
 */
function fastCounter(): { core: Core; at: (hhmm: string) => void } {
  let clock = new Date('2026-11-25T01:00:00Z');
  const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, now: () => clock, clerk: 'ani' });
  core.db.prepare('UPDATE sync_state SET hub_clock_ahead_s = -3600 WHERE id = 1').run();
  return { core, at: (hhmm) => (clock = new Date(`2026-11-25T${String(Number(hhmm.slice(0, 2)) - 7).padStart(2, '0')}:${hhmm.slice(3)}:00Z`)) };
}

async function register(core: Core, name: string): Promise<number> {
  const patient = await core.createPatient({ name });
  return (await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' })).id;
}

const calls = (core: Core, id: number) =>
  core.db.prepare('SELECT called_at AS calledAt, called_hub_at AS calledHubAt FROM visits WHERE id = ?').get(id) as { calledAt: string | null; calledHubAt: string | null };

const waitOf = async (core: Core, id: number): Promise<number | null> => (await core.visitRegister({ from: '2026-11-25' })).find((r) => r.visitId === id)!.waitMinutes;

describe('a counter an hour fast calling its own visits', () => {
  it('keeps each first call on the hub\'s clock, so the waits count the minutes waited', async () => {
    const { core, at } = fastCounter();
    at('08:00');
    const called = await register(core, 'ANI DIPANGGIL');
    const served = await register(core, 'BUDI SELESAI');

    at('08:20');
    await core.callNext({ unit: 'UMUM' });
    expect(calls(core, called)).toEqual({ calledAt: '2026-11-25T01:20:00.000Z', calledHubAt: '2026-11-25T00:20:00.000Z' });
    expect(await waitOf(core, called)).toBe(20);
    expect((await core.dayQueue({ unit: 'UMUM' })).find((e) => e.visitId === called)!.waitingMinutes).toBe(20);

    // Selesai without Panggil: the serve is the call; its undo back to waiting clears both.
    at('08:35');
    await core.setVisitStatus({ visitId: served, status: 'served' });
    expect(calls(core, served)).toEqual({ calledAt: '2026-11-25T01:35:00.000Z', calledHubAt: '2026-11-25T00:35:00.000Z' });
    expect(await waitOf(core, served)).toBe(35);
    await core.setVisitStatus({ visitId: served, status: 'waiting' });
    expect(calls(core, served)).toEqual({ calledAt: null, calledHubAt: null });

    // A move clears the call, and its undo puts it back as it was.
    at('08:40');
    await core.moveVisit({ visitId: called, unit: 'GIGI' });
    expect(calls(core, called)).toEqual({ calledAt: null, calledHubAt: null });
    await core.undoMoveVisit({ visitId: called });
    expect(calls(core, called)).toEqual({ calledAt: '2026-11-25T01:20:00.000Z', calledHubAt: '2026-11-25T00:20:00.000Z' });
    expect(await waitOf(core, called)).toBe(20);
    core.close();
  });
});
