import { describe, expect, it } from 'vitest';
import type { Patient, RegisteredVisit } from '../../../src/shared/counter';
import type { ListSummary } from '../../../src/shared/lists';
import type { LookupResult, MemberMatch, OwnPatient } from '../../../src/shared/lookup';
import { memberMatch } from '../../helpers/member-match';
import { unreadableCounts } from '../../../src/renderer/src/features/lookup/lists-header';
import { correctTicket, droppedByScan, followLiveVerdict, newPatientSubject, type OpenRegistration, type ShownTicket } from '../../../src/renderer/src/features/lookup/on-screen-registration';
import { ownRecordsOf, sharedMrnOf } from '../../../src/renderer/src/features/lookup/own-records';
import { targetKeyOf } from '../../../src/renderer/src/features/emergency/target-of';
import type { Subject } from '../../../src/renderer/src/features/register/subject';

const SITI: Patient = { id: 17, uid: '0192f0e0-0000-7000-8000-000000000017', mrn: '000017', nik: '3671026304430035', card: null, name: "SITI NUR'AINY", dob: '1943-04-23', sex: 'P', address: 'JL. MAWAR 3', oldMrn: null, identified: true };
const RUDI: Patient = { ...SITI, id: 7, uid: '0192f0e0-0000-7000-8000-000000000007', mrn: '000017', nik: null, name: 'RUDI' };
const own = (p: Patient): OwnPatient => ({ ...p, lastVisit: null });
const member = (over: Partial<MemberMatch> = {}): MemberMatch => memberMatch({ nik: '3671026304430035', name: "SITI NUR'AINY", dob: '1943-04-23', sex: 'P', ...over });
const result = (over: Partial<LookupResult>): LookupResult => ({ query: '000017', kind: 'mrn', verdict: 'unknown', matches: [], problem: null, ...over }) as LookupResult;
const visit = { id: 3, queue: 'U-003' } as RegisteredVisit;

describe('the registration on the search screen', () => {
  const open = (subject: Subject, auto = true): OpenRegistration => ({ key: 4, subject, auto });

  it('a scan names the registration it drops: whom the unit step registers, else the subject; nothing when none is open', () => {
    const subject: Subject = { kind: 'member', member: member(), verdict: 'eligible' };
    expect(droppedByScan(null, null)).toBeNull();
    expect(droppedByScan(open(subject), null)).toBe("SITI NUR'AINY");
    expect(droppedByScan(open(subject), { kind: 'record', patient: RUDI })).toBe('RUDI');
    // F2 without data: a registration is dropped, with no name to give ("…dibatalkan: kartu baru dipindai").
    expect(droppedByScan(open(newPatientSubject('', ''), false), null)).toBe('');
  });

  it('the live answer arriving meanwhile gives the open registration its verdict and source; the patient stays', () => {
    const local: Subject = { kind: 'patient', patient: SITI, verdict: 'unknown', source: 'lists' };
    const live: Subject = { kind: 'patient', patient: SITI, verdict: 'eligible', source: 'bpjs-live', basis: [member({ list: { name: 'BPJS', kind: 'bpjs-live', asOf: '2026-11-30', edition: 0 } })] };
    const followed = followLiveVerdict(open(local), live);
    expect(followed).toMatchObject({ key: 4, auto: true, subject: { kind: 'patient', patient: SITI, verdict: 'eligible', source: 'bpjs-live', basis: live.basis } });
  });

  it('nothing changes without a verdict, for the same verdict and source, or for a registration started by F2', () => {
    const local: Subject = { kind: 'patient', patient: SITI, verdict: 'eligible', source: 'lists' };
    const same = open(local);
    expect(followLiveVerdict(same, { ...local })).toBe(same);
    expect(followLiveVerdict(same, null)).toBe(same);
    expect(followLiveVerdict(same, { ...local, verdict: null })).toBe(same);
    const byF2 = open(newPatientSubject('', ''), false);
    expect(followLiveVerdict(byF2, local)).toBe(byF2);
    expect(followLiveVerdict(null, local)).toBeNull();
  });

  it('a correction of the ticket’s patient shows the new data and the slip again; another patient’s leaves it', () => {
    const ticket: ShownTicket = { visit, patient: SITI };
    const renamed = { ...SITI, name: 'SITI NURAINI' };
    const once = correctTicket(ticket, renamed);
    expect(once).toEqual({ visit, patient: renamed, corrected: 1 });
    expect(correctTicket(once, renamed)).toMatchObject({ corrected: 2 });
    expect(correctTicket(ticket, RUDI)).toBe(ticket);
    expect(correctTicket(null, SITI)).toBeNull();
  });

  it('F2 starts a new patient with the name searched (upper case) and its birth date; a number or nothing starts empty', () => {
    expect(newPatientSubject('  siti aminah ', '1980-02-01')).toEqual({ kind: 'new', nik: null, card: null, name: 'SITI AMINAH', dob: '1980-02-01', verdict: null });
    expect(newPatientSubject('siti aminah', '')).toMatchObject({ name: 'SITI AMINAH', dob: null });
    expect(newPatientSubject('3671026304430035', '1980-02-01')).toMatchObject({ name: '', dob: null });
    expect(newPatientSubject('', '')).toMatchObject({ name: '', dob: null });
  });
});

describe('the own records to pick from', () => {
  it('a record number two patients hold: both listed, and the number for the heading', () => {
    const shared = result({ kind: 'mrn', ownMatches: [own(SITI), own(RUDI)], problem: { code: 'query/mrn-shared', params: { mrn: '000017', count: 2 } } });
    expect(ownRecordsOf(shared).map((p) => p.name)).toEqual(["SITI NUR'AINY", 'RUDI']);
    expect(sharedMrnOf(shared)).toBe('000017');
  });

  it('a name’s returning patients are listed under the default heading; other answers list none', () => {
    const byName = result({ query: 'siti', kind: 'name', ownMatches: [own(SITI)] });
    expect(ownRecordsOf(byName)).toHaveLength(1);
    expect(sharedMrnOf(byName)).toBeNull();
    expect(ownRecordsOf(result({ kind: 'nik', ownMatches: [own(SITI)] }))).toEqual([]);
    expect(ownRecordsOf(result({ kind: 'mrn' }))).toEqual([]);
    expect(sharedMrnOf(result({ kind: 'mrn' }))).toBeNull();
    expect(ownRecordsOf(null)).toEqual([]);
  });
});

describe('the header’s lists and the look-up', () => {
  const list = (unreadable: boolean): ListSummary => ({ unreadable }) as unknown as ListSummary;
  it('compares the lists the look-up could not read with those the header shows unreadable', () => {
    const ready = { status: 'ready' as const, lists: [list(true), list(false)] };
    expect(unreadableCounts(result({ unsearched: { lists: ['PBI APBD'], message: { code: 'lookup/list-unreadable', params: { lists: 'PBI APBD' } } } }), ready)).toEqual({ found: 1, shown: 1 });
    expect(unreadableCounts(result({}), ready)).toEqual({ found: 0, shown: 1 });
    expect(unreadableCounts(null, ready)).toBeNull();
    expect(unreadableCounts(result({}), { status: 'loading' })).toBeNull();
  });
});

describe('the emergency target as the parent hears of it', () => {
  it('changes with the patient, not with every answer', () => {
    expect(targetKeyOf(null)).toBe('');
    expect(targetKeyOf({ name: 'SITI', patient: SITI })).toBe('SITI|17');
    const bayi = { name: 'BAYI', nik: null, card: null, dob: null, sex: null, address: null };
    expect(targetKeyOf({ name: 'BUDI', identity: { ...bayi, name: 'BUDI', nik: '3671026304430035' } })).toBe('BUDI|3671026304430035||||');
    expect(targetKeyOf({ name: 'BAYI', identity: bayi })).toBe('BAYI|||||');
    // A person being typed: a birth date (or sex, address) typed after the name changes whom F9 would register.
    expect(targetKeyOf({ name: 'BAYI', identity: { ...bayi, dob: '2026-11-28' } })).not.toBe(targetKeyOf({ name: 'BAYI', identity: bayi }));
  });
});
