import { describe, expect, it } from 'vitest';
import type { SlipPrinter } from '../../../src/core/slips/slips';
import { SITI } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { ADMIN, CLERK, accountsCore, trailOf } from './accounts-fixture';

const tempDir = useTempDir();

/** Prints nothing, and remembers what it was given to print. */
function recordingPrinter(): SlipPrinter & { printed: string[] } {
  const printed: string[] = [];
  return {
    printed,
    async print(html) {
      printed.push(html);
    },
    async toPdf() {
      return Buffer.from('%PDF-1.4');
    },
  };
}

/**
 * Behind the lock screen the counter is nobody's: the core (dispatch, the boundary every window,
 * the harness and the CLI go through) gives out only what an emergency needs, whatever a caller
 * asks for. Through the real core with accounts on.
 */
describe('what a locked counter gives out', () => {
  async function lockedCounter() {
    const printer = recordingPrinter();
    const counter = accountsCore(tempDir(), { printer });
    const { core, call } = counter;
    await call('setupAdmin', ADMIN);
    await call('saveAccount', CLERK);
    await call('signIn', { username: 'budi', password: CLERK.password });
    const siti = await call('createPatient', { name: SITI.name, nik: SITI.nik, card: SITI.card, dob: SITI.dob, sex: 'P', address: 'JL. MELATI 7' });
    const sitiVisit = await call('registerVisit', { patientId: siti.id, unit: 'UMUM', verdict: null, payer: 'pending' });
    await call('lockSession', {});
    const { entriesSince, lastSeq } = trailOf(core);
    const visitsOf = (patientId: number): number => core.db.prepare('SELECT COUNT(*) FROM visits WHERE patient_id = ?').pluck().get(patientId) as number;
    return { ...counter, printer, siti, sitiVisit, entriesSince, lastSeq, visitsOf };
  }

  it('an emergency behind the lock is for an unknown patient only: naming one is refused, books nothing and is on record', async () => {
    const { call, refusal, siti, entriesSince, lastSeq, visitsOf } = await lockedCounter();
    const before = lastSeq();
    expect(await refusal('registerEmergency', { patientId: siti.id })).toEqual({ code: 'session/required' });
    // No emergency visit in her name, and nothing of her record went out.
    expect(visitsOf(siti.id)).toBe(1);
    expect(entriesSince(before)).toEqual([{ actor: 'budi', action: 'refused', subject: null, detail: { method: 'registerEmergency', ok: false, error: 'session/required' } }]);

    // The emergency itself is never blocked: unidentified, at once, in the locked clerk's name.
    const emergency = await call('registerEmergency', {});
    expect(emergency).toMatchObject({ emergency: true, queue: 'GD-001' });
    expect(emergency.patient.nik).toBeNull();
    expect((await call('sessionState', {})).phase).toBe('locked');
  });

  it('locked, a slip is shown and printed only for the emergency registered behind this lock; any other is refused and on record', async () => {
    const { call, refusal, printer, sitiVisit, entriesSince, lastSeq, core } = await lockedCounter();
    const printedOf = (visitId: number): number => core.db.prepare('SELECT COUNT(*) FROM print_log WHERE visit_id = ?').pluck().get(visitId) as number;

    let seq = lastSeq();
    expect(await refusal('slipHtml', { visitId: sitiVisit.id })).toEqual({ code: 'session/required' });
    expect(await refusal('printSlip', { visitId: sitiVisit.id })).toEqual({ code: 'session/required' });
    // A visit that does not exist (or an id of another shape) is refused the same way: nothing to learn.
    expect(await refusal('slipHtml', { visitId: 999 })).toEqual({ code: 'session/required' });
    expect(await refusal('slipHtml', { visitId: String(sitiVisit.id) } as never)).toEqual({ code: 'session/required' });
    expect(printer.printed).toEqual([]);
    expect(printedOf(sitiVisit.id)).toBe(0);
    expect(entriesSince(seq).map((e) => [e.actor, e.action, e.detail.method, e.detail.error])).toEqual([
      ['budi', 'refused', 'slipHtml', 'session/required'],
      ['budi', 'refused', 'printSlip', 'session/required'],
      ['budi', 'refused', 'slipHtml', 'session/required'],
      ['budi', 'refused', 'slipHtml', 'session/required'],
    ]);

    // The emergency registered behind this lock: its slip shows and prints, in the locked clerk's name.
    const emergency = await call('registerEmergency', {});
    seq = lastSeq();
    const slip = await call('slipHtml', { visitId: emergency.id });
    expect(slip.html).toContain('GD-001');
    await call('printSlip', { visitId: emergency.id });
    expect(printer.printed).toHaveLength(1);
    expect(core.db.prepare('SELECT clerk FROM print_log WHERE visit_id = ?').pluck().get(emergency.id)).toBe('budi');
    // Shown behind the lock: on record, as a print entry of its own kind.
    const shown = entriesSince(seq);
    expect(shown.map((e) => [e.actor, e.action, e.subject, e.detail.kind ?? null, e.detail.method])).toEqual([
      ['budi', 'print', emergency.patient.mrn, 'view', 'slipHtml'],
      ['budi', 'print', emergency.patient.mrn, 'print', 'printSlip'],
    ]);
    expect(shown[0]?.detail).toMatchObject({ visitId: emergency.id, locked: true });
    // Still not any other slip.
    expect(await refusal('slipHtml', { visitId: sitiVisit.id })).toEqual({ code: 'session/required' });

    // Unlocked: every slip again, and a slip shown to a signed-in clerk is not an audit entry.
    await call('unlock', { secret: CLERK.password });
    seq = lastSeq();
    expect((await call('slipHtml', { visitId: sitiVisit.id })).html).toContain(SITI.name);
    expect(entriesSince(seq)).toEqual([]);

    // A new lock starts with nothing: the earlier emergency's slip waits for this unlock too.
    await call('lockSession', {});
    expect(await refusal('slipHtml', { visitId: emergency.id })).toEqual({ code: 'session/required' });
    const second = await call('registerEmergency', {});
    expect(second.queue).toBe('GD-002');
    expect((await call('slipHtml', { visitId: second.id })).html).toContain('GD-002');
  });

  it('another clerk taking over with a PIN, or a sign-out, ends what the lock let through', async () => {
    const { call, refusal } = await lockedCounter();
    const emergency = await call('registerEmergency', {});
    await call('switchClerk', { username: 'ani', pin: ADMIN.pin });
    await call('lockSession', {});
    expect(await refusal('slipHtml', { visitId: emergency.id })).toEqual({ code: 'session/required' });
    const mine = await call('registerEmergency', {});
    await call('signOut', {});
    expect(await refusal('slipHtml', { visitId: mine.id })).toEqual({ code: 'session/required' });
  });

  it('a core restarted locked lets no slip through, not even the emergency registered before the restart', async () => {
    const dir = tempDir();
    const first = accountsCore(dir);
    await first.call('setupAdmin', ADMIN);
    await first.call('lockSession', {});
    const emergency = await first.call('registerEmergency', {});
    first.core.close();
    const second = accountsCore(dir);
    expect((await second.call('sessionState', {})).phase).toBe('locked');
    expect(await second.refusal('slipHtml', { visitId: emergency.id })).toEqual({ code: 'session/required' });
    const after = await second.call('registerEmergency', {});
    expect((await second.call('slipHtml', { visitId: after.id })).html).toContain(after.queue);
    second.core.close();
  });
});
