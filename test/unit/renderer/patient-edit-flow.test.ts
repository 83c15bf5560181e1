import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { changesOf, draftOf, editReducer, editTargetOf, editWhyNot, fieldOfError, hasChanges, isEditKey, unidentifiedOf, type ScreenPatients } from '../../../src/renderer/src/features/patient-edit/patient-edit-flow';
import { patientChangeText } from '../../../src/shared/patient-change-text';
import type { DetailWording } from '../../../src/shared/audit-detail';
import { detailText } from '../../../src/shared/audit-detail';
import { uiEn } from '../../../src/renderer/src/i18n/messages-en';
import { uiId } from '../../../src/renderer/src/i18n/messages-id';
import type { Patient } from '../../../src/shared/counter';
import type { Lang } from '../../../src/shared/i18n/messages';

const SITI: Patient = { id: 17, uid: '0192f0e0-0000-7000-8000-000000000017', mrn: '000017', nik: '3671026304430035', card: null, name: "SITI NUR'AINY", dob: '1943-04-23', sex: 'P', address: 'JL. MAWAR 3', oldMrn: null, identified: true };
const RUDI: Patient = { ...SITI, id: 7, mrn: '000007', nik: null, name: 'RUDI' };
const EMERGENCY: Patient = { ...SITI, id: 9, mrn: '000009', nik: null, name: 'TANPA IDENTITAS 09:05', identified: false };
const screen = (s: Partial<ScreenPatients>): ScreenPatients => ({ registering: null, registrationOpen: false, ticket: null, found: null, ownMatches: [], ...s });

describe('which record F3 corrects', () => {
  it('the unit step’s record first, then the ticket’s, the look-up’s, the focused or only own match', () => {
    expect(editTargetOf(screen({ registering: SITI, registrationOpen: true, found: RUDI }))).toEqual({ patient: SITI, origin: 'result' });
    expect(editTargetOf(screen({ ticket: SITI }))).toEqual({ patient: SITI, origin: 'ticket' });
    expect(editTargetOf(screen({ found: RUDI }))).toEqual({ patient: RUDI, origin: 'result' });
    expect(editTargetOf(screen({ ownMatches: [SITI] }))).toEqual({ patient: SITI, origin: 'result' });
    expect(editTargetOf(screen({ ownMatches: [SITI, RUDI] }))).toBeNull();
    expect(editTargetOf(screen({ ownMatches: [SITI, RUDI], focusedMrn: '000007' }))).toEqual({ patient: RUDI, origin: 'result' });
  });

  it('nothing for a new patient not written yet, or with nobody on screen', () => {
    expect(editTargetOf(screen({ registrationOpen: true, found: RUDI }))).toBeNull();
    expect(editTargetOf(screen({}))).toBeNull();
  });

  it('an emergency patient without identity is left to the follow-ups, and the screen says so', () => {
    expect(editTargetOf(screen({ found: EMERGENCY }))).toBeNull();
    expect(unidentifiedOf(screen({ found: EMERGENCY }))).toBe(EMERGENCY);
    expect(unidentifiedOf(screen({ found: SITI }))).toBeNull();
  });

  it('F3 with no record to correct says why: a list member or a new patient has no record yet, candidates need a pick, or nobody is there', () => {
    // A list member looked up, never registered here (clerktester F12: F3 did nothing, silently).
    expect(editWhyNot(screen({ unregistered: 'YANI BUDI' }))).toEqual({ reason: 'not-registered', name: 'YANI BUDI' });
    // The same in its unit step, or a new patient typed in the form (the name not known yet: '').
    expect(editWhyNot(screen({ registrationOpen: true, unregistered: 'WARSINAH' }))).toEqual({ reason: 'not-registered', name: 'WARSINAH' });
    expect(editWhyNot(screen({ registrationOpen: true, unregistered: '' }))).toEqual({ reason: 'not-registered', name: '' });
    expect(editWhyNot(screen({ candidates: true }))).toEqual({ reason: 'pick-first' });
    expect(editWhyNot(screen({ ownMatches: [SITI, RUDI] }))).toEqual({ reason: 'pick-first' });
    expect(editWhyNot(screen({}))).toEqual({ reason: 'nobody' });
    // A record to correct (also beside a list member's name): F3 opens it, nothing to explain.
    expect(editWhyNot(screen({ found: RUDI, unregistered: 'YANI BUDI' }))).toBeNull();
    expect(editWhyNot(screen({ ticket: SITI }))).toBeNull();
    // An emergency without identity: its own note says where (the follow-ups).
    expect(editWhyNot(screen({ found: EMERGENCY }))).toBeNull();
  });

  it('is F3 alone', () => {
    const key = { key: 'F3', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false };
    expect(isEditKey(key)).toBe(true);
    expect(isEditKey({ ...key, ctrlKey: true })).toBe(false);
    expect(isEditKey({ ...key, shiftKey: true })).toBe(false);
    expect(isEditKey({ ...key, key: 'F2' })).toBe(false);
  });
});

describe('what a correction sends', () => {
  it('the form starts with the record as it is', () => {
    expect(draftOf(SITI)).toEqual({ name: SITI.name, nik: SITI.nik, card: null, dob: SITI.dob, sex: 'P', address: SITI.address, oldMrn: null });
  });

  it('only the fields that differ; the same record sends nothing', () => {
    expect(changesOf(SITI, draftOf(SITI))).toEqual({});
    expect(hasChanges(changesOf(SITI, { ...draftOf(SITI), name: " siti  nur'ainy " }))).toBe(false);
    expect(changesOf(SITI, { ...draftOf(SITI), name: "SITI NUR'AINI", nik: null, card: '0001336526592' })).toEqual({ name: "SITI NUR'AINI", nik: null, card: '0001336526592' });
    expect(changesOf(SITI, { ...draftOf(SITI), address: null, sex: undefined })).toEqual({ address: null, sex: null });
    expect(changesOf(SITI, { ...draftOf(SITI), oldMrn: '000013' })).toEqual({ oldMrn: '000013' });
  });

  it('puts a refusal under the field it concerns', () => {
    expect(fieldOfError({ code: 'patient/nik-taken', params: { mrn: '000003', name: 'HALIMAH' } })).toBe('nik');
    expect(fieldOfError({ code: 'patient/card-taken' })).toBe('card');
    expect(fieldOfError({ code: 'invalid-input', issues: [{ path: ['changes', 'name'], kind: 'control-characters' }] })).toBe('name');
    expect(fieldOfError({ code: 'invalid-input', issues: [{ path: ['patientId'], kind: 'invalid' }] })).toBeNull();
    expect(fieldOfError({ code: 'patient/unidentified' })).toBeNull();
  });

  it('keeps the record while saving and after a refusal (until the clerk edits the field); a close drops it', () => {
    const open = editReducer(null, { type: 'open', target: { patient: SITI, origin: 'ticket' } });
    expect(open).toEqual({ target: { patient: SITI, origin: 'ticket' }, busy: false, error: null });
    const busy = editReducer(open, { type: 'busy' });
    expect(busy?.busy).toBe(true);
    const failed = editReducer(busy, { type: 'failed', error: { code: 'patient/nik-taken' } });
    expect(failed).toMatchObject({ busy: false, error: { code: 'patient/nik-taken' }, target: { patient: SITI } });
    expect(editReducer(failed, { type: 'edited' })).toMatchObject({ busy: false, error: null, target: { patient: SITI } });
    expect(editReducer(failed, { type: 'close' })).toBeNull();
    expect(editReducer(null, { type: 'busy' })).toBeNull();
  });
});

function wording(lang: Lang): DetailWording {
  const i18n = i18next.createInstance();
  void i18n.init({ lng: lang, resources: { id: { ui: uiId }, en: { ui: uiEn } }, defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false } });
  return { t: (key, options) => i18n.t(key, options) as string, unit: (c) => c, payer: (c) => c, date: (iso) => iso.split('-').reverse().join('-'), error: (c) => c };
}

describe('the audit screen words a correction', () => {
  const entry = {
    seq: 4,
    at: '2026-11-30T02:00:00.000Z',
    actor: 'ani',
    action: 'patient-change',
    subject: '000017',
    detail: { method: 'updatePatient', fields: ['name', 'nik', 'dob', 'sex', 'address'], before: ["SITI NUR'AINY", '3671••••••••0035', '1943-04-23', 'P', ''], after: ["SITI NUR'AINI", '3671••••••••0036', '1943-04-24', 'L', 'JL. MAWAR 3'] },
  };

  it('field by field, dates and sex in words, in both languages', () => {
    expect(detailText(entry, wording('id'))).toBe("data pasien diubah: nama: SITI NUR'AINY → SITI NUR'AINI; NIK: 3671••••••••0035 → 3671••••••••0036; tanggal lahir: 23-04-1943 → 24-04-1943; jenis kelamin: Perempuan → Laki-laki; alamat: – → JL. MAWAR 3");
    expect(detailText(entry, wording('en'))).toBe("patient data changed: name: SITI NUR'AINY → SITI NUR'AINI; NIK: 3671••••••••0035 → 3671••••••••0036; birth date: 23-04-1943 → 24-04-1943; sex: Female → Male; address: – → JL. MAWAR 3");
  });

  it('masks a number that reached the trail unmasked', () => {
    expect(patientChangeText({ fields: ['nik'], before: ['3671026304430035'], after: [''] }, wording('id'))).toBe('data pasien diubah: NIK: 3671••••••••0035 → –');
  });

  it('what the hub carried from a late edit of a merged record, and what it did not (papertester F7)', () => {
    const d = { method: 'hubLateEdit', mergedMrn: '208404', fields: ['address', 'oldMrn'], notCarried: ['name'], source: 'hub' };
    expect(patientChangeText(d, wording('id'))).toBe('dari hub: perubahan pada RM 208404 (sudah digabung ke RM ini) dibawa ke RM ini: alamat, RM lama · tidak dibawa (isi sendiri dengan F3 bila benar): nama');
    expect(patientChangeText({ ...d, notCarried: [] }, wording('en'))).toBe('from the hub: a change to MRN 208404 (already merged into this MRN) carried to this MRN: address, old MRN');
  });
});
