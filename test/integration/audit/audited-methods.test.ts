import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/dispatch';
import { auditRefusal } from '../../../src/core/audit/audited-methods';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { allEntries, auditCore, callOk } from './audit-core';

const tempDir = useTempDir();

describe('what the audit trail records', () => {
  it('a look-up: who, when, the query as asked and the match count, never the result', async () => {
    const dir = tempDir();
    const { core } = auditCore(dir);
    const file = core.registerFile(writeSampleCsv(dir), 'open-list').handle;
    await callOk(core, 'importList', { file, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    await callOk(core, 'lookup', { query: '3673-0152-0385-0003' });
    await callOk(core, 'lookup', { query: 'Nobody Here' });
    const entries = await allEntries(core);
    expect(entries.map((e) => e.action)).toEqual(['import', 'lookup', 'lookup']);
    expect(entries[0]).toMatchObject({ actor: 'ani', subject: 'PBI APBD', detail: { kind: 'pbi-apbd', asOf: '2026-11-01', edition: 1, rows: 6, rejected: 1 } });
    expect(entries[1]).toMatchObject({ actor: 'ani', at: '2026-11-30T02:00:00.000Z', subject: null, detail: { method: 'lookup', query: '3673-0152-0385-0003', queryKey: SITI.nik } });
    expect(Number(entries[1]!.detail.matches)).toBeGreaterThan(0);
    expect(entries[2]!.detail).toEqual({ method: 'lookup', query: 'Nobody Here', matches: 0 });
    // Nothing of the member found: no name, no card, no status.
    expect(JSON.stringify(entries)).not.toMatch(/SITI AMINAH|Siti Aminah|0001336526592|active/i);
    core.close();
  });

  it("a look-up's match count counts the records it listed, not the list rows alone (papertester F5)", async () => {
    const { core } = auditCore(tempDir());
    const dewi = await callOk(core, 'createPatient', { name: 'Dewi Lestari', dob: '1970-01-01', oldMrn: '000777' });
    await callOk(core, 'createPatient', { name: 'Dewi Lestari', dob: '1988-05-05' });
    const byName = await callOk(core, 'lookup', { query: 'DEWI LESTARI' });
    const byRm = await callOk(core, 'lookup', { query: dewi.mrn });
    const byOldRm = await callOk(core, 'lookup', { query: 'RM lama 000777' });
    const shown = (r: { matches: unknown[]; patient?: unknown; ownMatches?: unknown[] }) => r.matches.length + (r.ownMatches?.length ?? (r.patient ? 1 : 0));
    // What the screen listed: no list is imported, so these are the records.
    expect([shown(byName), shown(byRm), shown(byOldRm)]).toEqual([2, 1, 1]);
    const lookups = (await allEntries(core)).filter((e) => e.action === 'lookup' && e.detail.method === 'lookup');
    expect(lookups.map((e) => [e.detail.query, e.detail.matches])).toEqual([
      ['DEWI LESTARI', 2],
      [dewi.mrn, 1],
      ['RM lama 000777', 1],
    ]);
    core.close();
  });

  it('registration, emergency, print refusal and payer changes, with the patient as subject; overrides the clerk confirmed', async () => {
    const { core } = auditCore(tempDir());
    const patient = await callOk(core, 'createPatient', { name: 'Siti Aminah', nik: SITI.nik, dob: SITI.dob, sex: 'P' });
    const visit = await callOk(core, 'registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: 'not-eligible', payer: 'jkn' });
    // A second visit to the same unit today, confirmed past the warning.
    const again = await callOk(core, 'registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: null, confirmDuplicate: true });
    await callOk(core, 'setPayer', { visitId: visit.id, payer: 'umum' });
    const emergency = await callOk(core, 'registerEmergency', {});
    const entries = await allEntries(core);
    expect(entries.map((e) => [e.action, e.subject])).toEqual([
      ['register', patient.mrn],
      ['register', patient.mrn],
      ['override', patient.mrn],
      ['register', patient.mrn],
      ['override', patient.mrn],
      ['payer-change', patient.mrn],
      ['emergency', emergency.patient.mrn],
    ]);
    expect(entries[2]!.detail).toEqual({ warning: 'payer-without-eligibility', visitId: visit.id, verdict: 'not-eligible' });
    expect(entries[4]!.detail).toEqual({ warning: 'second-visit-same-day', visitId: again.id });
    expect(entries[5]!.detail).toMatchObject({ method: 'setPayer', previous: 'jkn', payer: 'umum' });
    core.close();
  });

  it('a new record made right after a likely-duplicate warning is an override', async () => {
    const { core } = auditCore(tempDir());
    await callOk(core, 'createPatient', { name: 'Budi Santoso', dob: '1980-01-01' });
    expect((await callOk(core, 'likelyDuplicates', { name: 'BUDI SANTOSO', dob: '1980-01-01' })).length).toBe(1);
    const second = await callOk(core, 'createPatient', { name: 'Budi Santoso', dob: '1980-01-01' });
    const entries = await allEntries(core);
    expect(entries.slice(1).map((e) => e.action)).toEqual(['lookup', 'register', 'override']);
    expect(entries.at(-1)).toMatchObject({ subject: second.mrn, detail: { warning: 'likely-duplicate' } });
    core.close();
  });

  it('settings: which fields changed, never their values; BPJS secrets never', async () => {
    const { core } = auditCore(tempDir());
    const settings = await callOk(core, 'getSettings', {});
    await callOk(core, 'saveSettings', { ...settings, facilityName: 'Puskesmas Cipocok', staleAfterDays: settings.staleAfterDays + 1 });
    const [entry] = await allEntries(core);
    expect(entry).toMatchObject({ action: 'settings', detail: { section: 'counter', changed: ['facilityName', 'staleAfterDays'] } });
    expect(JSON.stringify(entry)).not.toContain('Cipocok');
    core.close();
  });

  it('an export, and a failed one, with what and how many rows', async () => {
    const dir = tempDir();
    const { core } = auditCore(dir);
    const file = core.registerFile(`${dir}/register.csv`, 'save-csv').handle;
    await callOk(core, 'exportReport', { report: 'register', from: '2026-11-30', to: '2026-11-30', format: 'csv', file });
    const wrong = core.registerFile(`${dir}/register.xlsx`, 'save-xlsx').handle;
    expect((await dispatch(core, 'exportReport', { report: 'register', from: '2026-11-30', to: '2026-11-30', format: 'csv', file: wrong })).ok).toBe(false);
    const entries = await allEntries(core);
    expect(entries.map((e) => e.detail)).toEqual([
      { method: 'exportReport', what: 'register', format: 'csv', rows: 0 },
      { method: 'exportReport', what: 'register', format: 'csv', ok: false, error: expect.any(String) },
    ]);
    core.close();
  });

  it('a refusal dispatch makes before the core runs (auditRefusal) is on record', async () => {
    const { core } = auditCore(tempDir());
    auditRefusal(core.db, 'budi', 'exportMembers', 'session/forbidden', new Date('2026-11-30T03:00:00Z'));
    auditRefusal(core.db, 'budi', 'saveSettings', 'session/forbidden', new Date('2026-11-30T03:00:00Z'));
    expect((await allEntries(core)).map((e) => [e.actor, e.action, e.detail])).toEqual([
      ['budi', 'export', { method: 'exportMembers', ok: false, error: 'session/forbidden' }],
      ['budi', 'refused', { method: 'saveSettings', ok: false, error: 'session/forbidden' }],
    ]);
    core.close();
  });
});

describe('reading the trail', () => {
  it('pages newest first and filters by action, actor and dates', async () => {
    let now = new Date('2026-11-29T02:00:00Z');
    const { core } = auditCore(tempDir(), 'ani', () => now);
    for (let i = 0; i < 5; i++) await callOk(core, 'lookup', { query: `Nama ${i}` });
    now = new Date('2026-11-30T02:00:00Z');
    await callOk(core, 'createPatient', { name: 'Siti' });
    const first = await callOk(core, 'auditEntries', { limit: 4 });
    expect(first.entries.map((e) => e.seq)).toEqual([6, 5, 4, 3]);
    const second = await callOk(core, 'auditEntries', { limit: 4, before: first.nextBefore! });
    expect([second.entries.map((e) => e.seq), second.nextBefore]).toEqual([[2, 1], null]);
    expect((await callOk(core, 'auditEntries', { limit: 10, action: 'register' })).entries.map((e) => e.seq)).toEqual([6]);
    expect((await callOk(core, 'auditEntries', { limit: 10, actor: 'budi' })).entries).toEqual([]);
    expect((await callOk(core, 'auditEntries', { limit: 10, from: '2026-11-29', to: '2026-11-29' })).entries).toHaveLength(5);
    core.close();
  });

  it('"who looked me up?": a NIK finds the look-ups by NIK or card however typed (the record holds both), and the records of that person', async () => {
    const { core } = auditCore(tempDir());
    await callOk(core, 'lookup', { query: `${SITI.nik.slice(0, 8)} ${SITI.nik.slice(8)}` });
    await callOk(core, 'lookup', { query: RIZKI.nik });
    const siti = await callOk(core, 'createPatient', { name: 'Siti Aminah', nik: SITI.nik, card: SITI.card });
    await callOk(core, 'lookup', { query: SITI.card.replace(/^0+/, '') });
    const found = await callOk(core, 'auditEntries', { limit: 50, person: SITI.nik });
    // The look-up by card too: the record says which card goes with the NIK.
    expect(found.entries.map((e) => [e.action, e.subject])).toEqual([['lookup', null], ['register', siti.mrn], ['lookup', null]]);
    const byCard = await callOk(core, 'auditEntries', { limit: 50, person: SITI.card });
    expect(byCard.entries.map((e) => e.action)).toEqual(['lookup', 'register', 'lookup']);
    core.close();
  });
});
