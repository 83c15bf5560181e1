import { describe, expect, it } from 'vitest';
import { SITI } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { ADMIN, CLERK, OFFICER, accountsCore, trailOf } from './accounts-fixture';

const tempDir = useTempDir();

/**
 * Signed in, a role gets what its work needs and no more, whatever a caller asks through the
 * contract (the harness bridge, the desktop preload): a data officer (the audit log only) names no
 * patient and reads no slip but its own emergency's; a clerk reading a slip the screens never
 * show is on record. Through the real core with accounts on.
 */
describe('what a signed-in role gets through the contract', () => {
  async function counter() {
    const made = accountsCore(tempDir());
    const { core, call } = made;
    await call('setupAdmin', ADMIN);
    await call('saveAccount', CLERK);
    await call('saveAccount', OFFICER);
    const siti = await call('createPatient', { name: SITI.name, nik: SITI.nik, card: SITI.card, dob: SITI.dob, sex: 'P', address: 'JL. MELATI 7' });
    const sitiVisit = await call('registerVisit', { patientId: siti.id, unit: 'UMUM', verdict: null, payer: 'pending' });
    await call('signOut', {});
    const { entriesSince, lastSeq } = trailOf(core);
    const visitsOf = (patientId: number): number => core.db.prepare('SELECT COUNT(*) FROM visits WHERE patient_id = ?').pluck().get(patientId) as number;
    return { ...made, siti, sitiVisit, lastSeq, entriesSince, visitsOf };
  }

  it('a data officer registers an unidentified emergency, but naming a patient is refused, books nothing and is on record', async () => {
    const { call, refusal, siti, lastSeq, entriesSince, visitsOf } = await counter();
    await call('signIn', { username: OFFICER.username, password: OFFICER.password });
    const before = lastSeq();
    expect(await refusal('registerEmergency', { patientId: siti.id })).toEqual({ code: 'session/forbidden' });
    expect(visitsOf(siti.id)).toBe(1);
    expect(entriesSince(before)).toEqual([{ actor: 'citra', action: 'refused', subject: null, detail: { method: 'registerEmergency', ok: false, error: 'session/forbidden' } }]);
    // An emergency is never blocked: unidentified, it is registered, and its slip is the officer's to print.
    const emergency = await call('registerEmergency', {});
    expect(emergency.patient.nik).toBeNull();
    expect((await call('slipHtml', { visitId: emergency.id })).html).toContain(emergency.queue);
  });

  it("a data officer's own emergency slip stays theirs across its own lock and unlock, and no further", async () => {
    const { call, refusal, sitiVisit } = await counter();
    await call('signIn', { username: OFFICER.username, password: OFFICER.password });
    const emergency = await call('registerEmergency', {});
    expect((await call('slipHtml', { visitId: emergency.id })).html).toContain(emergency.queue);
    await call('lockSession', {});
    await call('unlock', { secret: OFFICER.password });
    expect((await call('slipHtml', { visitId: emergency.id })).html).toContain(emergency.queue);
    // The rule stays as narrow as before (P9): no other visit's slip ...
    expect(await refusal('slipHtml', { visitId: sitiVisit.id })).toEqual({ code: 'session/forbidden' });
    // ... behind the next lock, only what was registered behind it ...
    await call('lockSession', {});
    expect(await refusal('slipHtml', { visitId: emergency.id })).toEqual({ code: 'session/required' });
    // ... and a sign-out ends it: signed in again, the officer is a new sitting.
    await call('unlock', { secret: OFFICER.password });
    await call('signOut', {});
    await call('signIn', { username: OFFICER.username, password: OFFICER.password });
    expect(await refusal('slipHtml', { visitId: emergency.id })).toEqual({ code: 'session/forbidden' });
  });

  /** Signed in as the data officer, each call is refused as not the role's, and each refusal is on record under its name. */
  async function refusedToOfficer(callsOf: (visitId: number) => [method: 'lookup' | 'findPatient' | 'slipHtml' | 'printSlip', input: Record<string, unknown>][]) {
    const { call, refusal, lastSeq, entriesSince, sitiVisit } = await counter();
    const calls = callsOf(sitiVisit.id);
    await call('signIn', { username: OFFICER.username, password: OFFICER.password });
    const before = lastSeq();
    for (const [method, input] of calls) expect(await refusal(method, input as never)).toEqual({ code: 'session/forbidden' });
    expect(entriesSince(before).map((e) => [e.actor, e.action, e.detail['method'], e.detail['error']])).toEqual(calls.map(([method]) => ['citra', 'refused', method, 'session/forbidden']));
  }

  it('a data officer looking a patient up is refused and on record: no screen of the role asks it', async () => {
    await refusedToOfficer(() => [
      ['lookup', { query: SITI.nik }],
      ['findPatient', { nik: SITI.nik }],
    ]);
  });

  it("a data officer reads no other visit's slip: refused and on record", async () => {
    await refusedToOfficer((visitId) => [
      ['slipHtml', { visitId }],
      ['printSlip', { visitId }],
    ]);
  });

  it("a clerk registering an emergency for a known patient is counter work; another clerk's slip read is on record, one's own is not", async () => {
    const { call, siti, sitiVisit, lastSeq, entriesSince } = await counter();
    await call('signIn', { username: CLERK.username, password: CLERK.password });
    const emergency = await call('registerEmergency', { patientId: siti.id });
    expect(emergency.patient.nik).toBe(SITI.nik);
    const before = lastSeq();
    await call('slipHtml', { visitId: emergency.id });
    expect(entriesSince(before)).toEqual([]);
    await call('slipHtml', { visitId: sitiVisit.id });
    expect(entriesSince(before)).toEqual([
      { actor: 'budi', action: 'print', subject: emergency.patient.mrn, detail: { method: 'slipHtml', kind: 'view', visitId: sitiVisit.id, registeredBy: 'Ani' } },
    ]);
  });
});
