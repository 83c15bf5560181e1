// The background re-check of a visit whose patient holds a card the lists give to two different
// people: it judges by the patient's own person (their rows, and BPJS's answer when it describes
// them), as the clerk's re-check does, never by the number alone (which decides nothing).
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../../src/core/core';
import { startBpjsSimulator } from '../../../src/simulators/bpjs-simulator';
import { simMemberOf, simSettingsForm } from '../../helpers/bpjs-members';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';
import { DEWI, KOMALASARI, RUDI, SHARED_CARD, writeTwoLists } from '../../helpers/two-lists';

const tempDir = useTempDir();

/**
 * The two lists (as of 1 Nov) sharing Rudi's card with Komalasari, BPJS (the simulator) knowing
 * the card as `onBpjs`'s, and Rudi registered by his card alone while BPJS was down, payer open.
 */
async function rudiWaiting(options: { rudiActive: boolean; onBpjs: typeof RUDI | typeof KOMALASARI | null }) {
  const dir = tempDir();
  const clock = { t: Date.parse('2026-11-23T03:00:00Z') };
  const members = options.onBpjs ? [simMemberOf(options.onBpjs, { sex: options.onBpjs.sex })] : [];
  const sim = await startBpjsSimulator({ members, now: () => clock.t });
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => new Date(clock.t), bpjsBackground: false });
  onTestFinished(async () => {
    core.close();
    await sim.close();
  });
  const files = await writeTwoLists(dir, { rudiActive: options.rudiActive });
  await core.importList({ file: fileFor(core, files.apbd), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  await core.importList({ file: fileFor(core, files.jamkesda), list: 'Jamkesda', kind: 'jamkesda', asOf: '2026-11-01' });
  await core.saveBpjsSettings(simSettingsForm(sim));
  sim.setFault({ kind: 'down' });
  const rudi = await core.createPatient({ name: RUDI.name, nik: null, card: SHARED_CARD, dob: RUDI.dob, sex: 'L' });
  expect((await core.lookup({ query: SHARED_CARD })).conflict?.people).toBe(2);
  const visit = await core.registerVisit({ patientId: rudi.id, unit: 'UMUM', verdict: 'unknown', verdictSource: 'lists', payer: 'pending' });
  // Dewi: on the Jamkesda list only, registered the same way (payer open) while BPJS was down.
  const dewi = await core.createPatient({ name: DEWI.name, nik: DEWI.nik, dob: DEWI.dob, sex: 'P' });
  const dewiVisit = await core.registerVisit({ patientId: dewi.id, unit: 'UMUM', verdict: 'unknown', verdictSource: 'lists', payer: 'pending' });
  expect(await core.recheckNow({})).toMatchObject({ checked: 0, stoppedBy: 'offline' });
  sim.setFault(null);
  return { core, visit, dewiVisit };
}

describe('the background re-check of a card two people hold', () => {
  it.each([
    { why: "BPJS confirms Rudi and his own list row is active: his open payer becomes JKN", rudiActive: true, onBpjs: RUDI, after: 'eligible', payer: 'jkn', action: 'payer-jkn' },
    { why: "BPJS's active answer describes the card's other holder: Rudi, not active on his list, stays open", rudiActive: false, onBpjs: KOMALASARI, after: 'not-eligible', payer: 'pending', action: 'none' },
    { why: "BPJS's answer about Rudi himself is newer than his list's 'not active': it decides, for him", rudiActive: false, onBpjs: RUDI, after: 'eligible', payer: 'jkn', action: 'payer-jkn' },
  ])('$why', async ({ rudiActive, onBpjs, after, payer, action }) => {
    const { core, visit } = await rudiWaiting({ rudiActive, onBpjs });
    const run = await core.recheckNow({});
    expect(run).toMatchObject({ checked: 2, remaining: 0, stoppedBy: null });
    const rows = await core.reconciliation({ from: '2026-11-23', changedOnly: false });
    expect(rows.filter((r) => r.visit.id === visit.id).map((r) => [r.before, r.after, r.liveStatus, r.action])).toEqual([['unknown', after, 'AKTIF', action]]);
    expect((await core.visitRegister({ from: '2026-11-23' })).find((r) => r.visitId === visit.id)?.payer).toBe(payer);
    // The clerk's re-check of the same visit says the same: one narrowing for both.
    expect(await core.recheckPayer({ visitId: visit.id })).toEqual({ verdict: after, payer });
  });
});

describe('a re-check of a patient active on a Jamkesda list only', () => {
  it('settles nothing on its own (BPJS does not know her; JKN would be wrong); the clerk\'s re-check proposes Jamkesda', async () => {
    const { core, dewiVisit } = await rudiWaiting({ rudiActive: true, onBpjs: null });
    await core.recheckNow({});
    const rows = await core.reconciliation({ from: '2026-11-23', changedOnly: false });
    expect(rows.filter((r) => r.visit.id === dewiVisit.id).map((r) => [r.before, r.after, r.action])).toEqual([['unknown', 'eligible', 'none']]);
    const payerOf = async () => (await core.visitRegister({ from: '2026-11-23' })).find((r) => r.visitId === dewiVisit.id)?.payer;
    expect(await payerOf()).toBe('pending');
    expect(await core.recheckPayer({ visitId: dewiVisit.id })).toEqual({ verdict: 'eligible', payer: 'jamkesda' });
    expect(await payerOf()).toBe('jamkesda');
  });
});
