import { describe, expect, it } from 'vitest';
import { payerChangesOf } from '../../../src/core/follow-ups/payer-changes.repo';
import type { SlipPrinter } from '../../../src/core/slips/slips';
import { fileFor } from '../../helpers/files';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { ADMIN, CLERK, accountsCore } from './accounts-fixture';

const tempDir = useTempDir();

const printer: SlipPrinter = {
  async print() {},
  async toPdf() {
    return Buffer.from('%PDF-1.4');
  },
};

describe('the person recorded is the one signed in', () => {
  it('registrations, emergencies, prints, PDFs and payer changes carry the clerk of the moment, across a PIN switch', async () => {
    const dir = tempDir();
    const { core, call } = accountsCore(dir, { printer });
    const registeredBy = (visitId: number): string => core.db.prepare('SELECT registered_by FROM visits WHERE id = ?').pluck().get(visitId) as string;
    const printedBy = (visitId: number): string[] => core.db.prepare('SELECT clerk FROM print_log WHERE visit_id = ? ORDER BY id').pluck().all(visitId) as string[];

    await call('setupAdmin', ADMIN);
    await call('saveAccount', CLERK);
    await call('importList', { file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const siti = await call('createPatient', { name: SITI.name, nik: SITI.nik, dob: SITI.dob, sex: 'P' });

    // Budi signs in with his password (so his PIN works here from now on) and registers.
    await call('signIn', { username: 'budi', password: CLERK.password });
    const byBudi = await call('registerVisit', { patientId: siti.id, unit: 'UMUM', verdict: null, payer: 'pending' });
    await call('printSlip', { visitId: byBudi.id });
    expect(registeredBy(byBudi.id)).toBe('budi');

    // Ani takes over with her PIN: her payer change, her reprint, her PDF.
    await call('switchClerk', { username: 'ani', pin: ADMIN.pin });
    await call('setPayer', { visitId: byBudi.id, payer: 'umum' });
    await call('printSlip', { visitId: byBudi.id, reprint: true });
    await call('exportSlipPdf', { visitId: byBudi.id, file: fileFor(core, `${dir}/slip.pdf`, 'save-pdf') });
    expect(printedBy(byBudi.id)).toEqual(['budi', 'Ani', 'Ani']);

    // Budi switches back and asks for a re-check: the lists settle the payer, in his name.
    await call('switchClerk', { username: 'budi', pin: CLERK.pin });
    await call('setPayer', { visitId: byBudi.id, payer: 'pending' });
    expect(await call('recheckPayer', { visitId: byBudi.id })).toMatchObject({ verdict: 'eligible', payer: 'jkn' });
    expect(payerChangesOf(core.db, byBudi.id).map((c) => [c.before, c.after, c.changedBy, c.via])).toEqual([
      ['pending', 'umum', 'Ani', 'set'],
      ['umum', 'pending', 'budi', 'set'],
      ['pending', 'jkn', 'budi', 'recheck'],
    ]);
  });

  it('an emergency registered behind the lock screen is the locked account’s, and its slip prints', async () => {
    const { core, call } = accountsCore(tempDir(), { printer });
    await call('setupAdmin', ADMIN);
    await call('saveAccount', CLERK);
    await call('signIn', { username: 'budi', password: CLERK.password });
    await call('lockSession', {});
    const emergency = await call('registerEmergency', {});
    await call('printSlip', { visitId: emergency.id });
    expect(core.db.prepare('SELECT registered_by FROM visits WHERE id = ?').pluck().get(emergency.id)).toBe('budi');
    expect(core.db.prepare('SELECT clerk FROM print_log WHERE visit_id = ?').pluck().get(emergency.id)).toBe('budi');
    expect((await call('sessionState', {})).phase).toBe('locked');
  });
});
