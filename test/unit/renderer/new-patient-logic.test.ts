import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../src/shared/counter';
import {
  checkNik,
  dobTyped,
  fillFromNik,
  initialBirthFields,
  nikBirthDate,
  nikWarnings,
  sexAgainstNik,
  sexChosen,
  withoutNik,
  type BirthFields,
} from '../../../src/renderer/src/features/register/new-patient-logic';

const TODAY = '2026-11-29';
const SITI = '3673015203850003'; // woman, 12-03-1985
const BUDI = '3673012808900002'; // man, 28-08-1990
const EMPTY: BirthFields = { dob: '', dobOwner: null, dobError: null, sex: '', sexOwner: null };
const draft = (over: Partial<Identity>): Identity => ({ name: 'X', nik: null, card: null, dob: null, sex: null, address: null, ...over });

describe('the NIK fills birth date and sex', () => {
  it('fills both into empty fields', () => {
    expect(fillFromNik(EMPTY, checkNik(SITI, TODAY))).toEqual({ dob: '1985-03-12', dobOwner: 'nik', dobError: null, sex: 'P', sexOwner: 'nik' });
    expect(fillFromNik(EMPTY, checkNik(BUDI, TODAY))).toMatchObject({ dob: '1990-08-28', sex: 'L' });
  });

  it('never overwrites what the clerk typed or chose', () => {
    let f = dobTyped(EMPTY, '1985-03-13', null);
    f = sexChosen(f, 'L');
    f = fillFromNik(f, checkNik(SITI, TODAY));
    expect(f).toEqual({ dob: '1985-03-13', dobOwner: 'clerk', dobError: null, sex: 'L', sexOwner: 'clerk' });
  });

  it('keeps text that is no date yet as the clerk\'s too', () => {
    const f = fillFromNik(dobTyped(EMPTY, '', 'unreadable'), checkNik(SITI, TODAY));
    expect(f.dob).toBe('');
    expect(f.dobError).toBe('unreadable');
    expect(f.sex).toBe('P');
  });

  it('follows the NIK while the NIK set the fields: a corrected NIK, a NIK cut short', () => {
    let f = fillFromNik(EMPTY, checkNik(SITI, TODAY));
    f = fillFromNik(f, checkNik(BUDI, TODAY));
    expect(f).toMatchObject({ dob: '1990-08-28', sex: 'L', dobOwner: 'nik' });
    f = fillFromNik(f, checkNik(BUDI.slice(0, 15), TODAY));
    expect(f).toEqual(EMPTY);
  });

  it('a field the clerk emptied is free for the NIK again', () => {
    const f = dobTyped(dobTyped(EMPTY, '1985-03-13', null), '', null);
    expect(f.dobOwner).toBeNull();
    expect(fillFromNik(f, checkNik(SITI, TODAY)).dob).toBe('1985-03-12');
  });

  it('fills nothing from a NIK whose date cannot exist (DD+40 means nothing then)', () => {
    expect(fillFromNik(EMPTY, checkNik('3673017203850003', TODAY))).toEqual(EMPTY);
  });

  it('a draft\'s own birth date and sex count as given; its NIK fills the gaps', () => {
    expect(initialBirthFields(draft({ nik: SITI }), TODAY)).toMatchObject({ dob: '1985-03-12', sex: 'P', dobOwner: 'nik' });
    expect(initialBirthFields(draft({ nik: SITI, dob: '1985-03-11' }), TODAY)).toMatchObject({ dob: '1985-03-11', dobOwner: 'clerk', sex: 'P' });
    expect(initialBirthFields(draft({}), TODAY)).toEqual(EMPTY);
  });

  it('gives the NIK birth date for the date field\'s contradiction warning', () => {
    expect(nikBirthDate(checkNik(SITI, TODAY))).toBe('1985-03-12');
    expect(nikBirthDate(checkNik('3673013102850003', TODAY))).toBeNull();
    expect(nikBirthDate(null)).toBeNull();
  });
});

describe('a NIK whose region or date cannot exist is flagged, never refused', () => {
  it('flags an unknown province code with the code', () => {
    expect(nikWarnings(checkNik('9973011203850003', TODAY))).toEqual([{ kind: 'province', code: '99' }]);
  });

  it('flags an impossible date', () => {
    expect(nikWarnings(checkNik('3673013102850003', TODAY))).toEqual([{ kind: 'date' }]);
  });

  it('flags both, and serial 0000', () => {
    expect(nikWarnings(checkNik('0073019913850000', TODAY))).toEqual([{ kind: 'province', code: '00' }, { kind: 'date' }, { kind: 'serial' }]);
  });

  it('has nothing to say about a sound NIK or one that is not 16 digits (that is the refusal)', () => {
    expect(nikWarnings(checkNik(SITI, TODAY))).toEqual([]);
    expect(nikWarnings(checkNik('12345', TODAY))).toEqual([]);
  });

  it('warns when the chosen sex is not the NIK\'s', () => {
    expect(sexAgainstNik('L', checkNik(SITI, TODAY))).toBe('P');
    expect(sexAgainstNik('P', checkNik(SITI, TODAY))).toBeNull();
    expect(sexAgainstNik('', checkNik(SITI, TODAY))).toBeNull();
    expect(sexAgainstNik('L', null)).toBeNull();
  });
});

describe('saved without the NIK (another person\'s: a baby given the mother\'s)', () => {
  // A woman born 24-02-1991: DD + 40 = 64.
  const MOTHER_NIK = '3201046402910489';
  it("drops the birth date and sex the form took from that NIK, keeps what differs", () => {
    expect(withoutNik({ name: 'BAYI NY ENENG', nik: MOTHER_NIK, dob: '1991-02-24', sex: 'P' })).toEqual({ name: 'BAYI NY ENENG', nik: null, dob: null, sex: null });
    // The baby's own date and sex, typed by the clerk, stay.
    expect(withoutNik({ name: 'BAYI NY ENENG', nik: MOTHER_NIK, dob: '2026-11-30', sex: 'L' })).toEqual({ name: 'BAYI NY ENENG', nik: null, dob: '2026-11-30', sex: 'L' });
    // 1891 or 1991: the NIK's DDMMYY is what counts.
    expect(withoutNik({ name: 'X', nik: MOTHER_NIK, dob: '1891-02-24', sex: null }).dob).toBeNull();
    expect(withoutNik({ name: 'X', nik: null, dob: '1991-02-24', sex: 'P' })).toEqual({ name: 'X', nik: null, dob: '1991-02-24', sex: 'P' });
  });
});
