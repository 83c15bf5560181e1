// NIK (16-digit national ID) rules. Runs once per list row, so the hot paths work on char codes
// and return shared constant objects for rejections instead of allocating.
import { isValidYmd, pivotYear, todayYmd, ymdToIso } from './dates';
// Clerks and lists write "3673 0101 8500 0003", "3673.01.01...", with NBSPs or dashes: separators, not errors.
import { stripSeparators } from './separators';
// The marks that keep a value text in Excel ('3671..., ="3671...") are no part of a NIK.
import { floatPrintedInteger, withoutTextMark } from './text-mark';

export type Sex = 'L' | 'P';

export interface NikInfo {
  nik: string; // 16 digits
  provinceCode: string; // digits 1-2
  regencyCode: string; // digits 1-4
  districtCode: string; // digits 1-6
  birthDate: string | null; // ISO date from digits 7-12 (DD+40 for women); null if not a real date
  sex: Sex;
  serial: string; // digits 13-16
}

export type NikRejection = 'empty' | 'not-digits' | 'length' | 'province' | 'serial';
export type NikParse = { ok: true; info: NikInfo } | { ok: false; reason: NikRejection };

export type NikCell =
  | { kind: 'valid'; nik: string; info: NikBirth }
  | { kind: 'damaged'; prefix15: string }
  | { kind: 'invalid'; reason: NikRejection | 'scientific' }
  | { kind: 'empty' };

/** Dukcapil/BPS province codes, including the Papua provinces created in 2022 (93-97). */
export const PROVINCE_CODES: readonly string[] = Object.freeze([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21',
  '31', '32', '33', '34', '35', '36', '51', '52', '53',
  '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76',
  '81', '82', '91', '92', '93', '94', '95', '96', '97',
]);

// Indexed by the two-digit number: membership without slicing a string.
const PROVINCE_TABLE = new Uint8Array(100);
for (const code of PROVINCE_CODES) PROVINCE_TABLE[Number(code)] = 1;

function provinceOk(digits: string): boolean {
  return PROVINCE_TABLE[(digits.charCodeAt(0) - 48) * 10 + digits.charCodeAt(1) - 48] === 1;
}

function rejection(reason: NikRejection): NikParse {
  return Object.freeze({ ok: false, reason }) as NikParse;
}
const REJECT: Readonly<Record<NikRejection, NikParse>> = {
  empty: rejection('empty'),
  'not-digits': rejection('not-digits'),
  length: rejection('length'),
  province: rejection('province'),
  serial: rejection('serial'),
};

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;
}

/** The birth date and sex digits 7-12 of a NIK encode: all a list's row needs of it (nikMismatch). */
export type NikBirth = Pick<NikInfo, 'birthDate' | 'sex'>;

function birthOf(nik: string, today: string | undefined): NikBirth {
  const rawDay = twoDigits(nik, 6);
  const sex: Sex = rawDay > 40 ? 'P' : 'L';
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const month = twoDigits(nik, 8);
  const yy = twoDigits(nik, 10);
  let birthDate: string | null = null;
  // 2000 is a leap year, so this only asks whether day and month can form a date at all.
  if (isValidYmd(2000, month, day)) {
    const year = pivotYear(yy, month, day, todayYmd(today));
    // The NIK keeps wrong dates forever, so a non-date is reported as unknown, never rejected.
    if (isValidYmd(year, month, day)) birthDate = ymdToIso(year, month, day);
  }
  return { birthDate, sex };
}

function infoOf(nik: string, today: string | undefined): NikInfo {
  const { birthDate, sex } = birthOf(nik, today);
  return {
    nik,
    provinceCode: nik.slice(0, 2),
    regencyCode: nik.slice(0, 4),
    districtCode: nik.slice(0, 6),
    birthDate,
    sex,
    serial: nik.slice(12, 16),
  };
}

/** Why 16 digits are not a NIK, or null: the rules on a NIK's digits beyond their count. */
function digitsRejection(nik: string): 'province' | 'serial' | null {
  if (!provinceOk(nik)) return 'province';
  if (nik.endsWith('0000')) return 'serial'; // serials start at 0001
  return null;
}

/** Parses a NIK typed by a clerk or read from a list. Only structure rejects; birth-date digits never do. */
export function parseNik(input: string, today?: string): NikParse {
  if (typeof input !== 'string') return REJECT.empty;
  const nik = stripSeparators(input);
  if (nik.length === 0) return REJECT.empty;
  if (!allDigits(nik)) return REJECT['not-digits'];
  if (nik.length !== 16) return REJECT.length;
  const rejected = digitsRejection(nik);
  return rejected === null ? { ok: true, info: infoOf(nik, today) } : REJECT[rejected];
}

/** A 16-digit NIK decoded even where parseNik would reject it: what a form can still warn about. */
export interface NikCheck {
  info: NikInfo;
  /** Digits 1-2 are a province code (PROVINCE_CODES). */
  provinceKnown: boolean;
  /** Digits 7-12 form a real date (DD, or DD+40 for women, then MM and YY). */
  dateValid: boolean;
  /** Digits 13-16 are not 0000 (serials start at 0001). */
  serialValid: boolean;
}

/**
 * For a form: a NIK whose region or date cannot exist is flagged, never refused, because a NIK
 * is copied from the card as it is and never corrected. Null unless the input is 16 digits
 * (separators allowed), which is the only thing a form refuses.
 */
export function inspectNik(input: string, today?: string): NikCheck | null {
  if (typeof input !== 'string') return null;
  const nik = stripSeparators(input);
  if (nik.length !== 16 || !allDigits(nik)) return null;
  const info = infoOf(nik, today);
  return { info, provinceKnown: provinceOk(nik), dateValid: info.birthDate !== null, serialValid: !nik.endsWith('0000') };
}

const CELL_EMPTY: NikCell = Object.freeze({ kind: 'empty' });
function invalid(reason: NikRejection | 'scientific'): NikCell {
  return Object.freeze({ kind: 'invalid', reason }) as NikCell;
}
const CELL_INVALID: Readonly<Record<NikRejection | 'scientific', NikCell>> = {
  empty: CELL_EMPTY,
  'not-digits': invalid('not-digits'),
  length: invalid('length'),
  province: invalid('province'),
  serial: invalid('serial'),
  scientific: invalid('scientific'),
};

/** Excel's display of a big number, e.g. "3.67301E+15" or "3,67301E+15" in an Indonesian locale. */
const SCIENTIFIC = /^([0-9])(?:[.,]([0-9]+))?[eE]\+?([0-9]{1,3})$/;

function damaged(prefix15: string): NikCell {
  // The 16th digit is lost, but the region prefix is still checkable.
  return provinceOk(prefix15) ? { kind: 'damaged', prefix15 } : CELL_INVALID.province;
}

function fromNumber(n: number, today: string | undefined): NikCell {
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) return CELL_INVALID['not-digits'];
  if (n < 1e15 || n >= 1e16) return CELL_INVALID.length;
  // Excel keeps 15 significant digits: a 16-digit number it wrote ends in 0, the true last digit
  // lost. A last digit other than 0 was written by a program that kept all 16 (openpyxl, pandas,
  // ExcelJS), and is exact while the number is a safe integer. Above 2^53 (provinces 91 and up)
  // the double itself has lost the last digit.
  if (Number.isSafeInteger(n) && n % 10 !== 0) return fromParse(parseNik(String(n), today));
  return damaged(String(n).slice(0, 15));
}

function fromScientific(mantissa: RegExpExecArray, today: string | undefined): NikCell {
  if (Number(mantissa[3]) !== 15) return CELL_INVALID.length;
  const digits = (mantissa[1] ?? '') + (mantissa[2] ?? '');
  if (digits.length < 15) return CELL_INVALID.scientific; // too few digits to find anyone by
  if (digits.length === 15) return damaged(digits);
  if (digits.length === 16) return fromParse(parseNik(digits, today));
  return CELL_INVALID.length;
}

function fromParse(p: NikParse): NikCell {
  return p.ok ? { kind: 'valid', nik: p.info.nik, info: p.info } : CELL_INVALID[p.reason];
}

/** What a spreadsheet cell claimed to be a NIK really is: valid, damaged by a numeric cell, invalid or empty. */
export function readNikCell(raw: string | number | null | undefined, fromNumericCell?: boolean, today?: string): NikCell {
  if (raw === null || raw === undefined) return CELL_EMPTY;
  if (typeof raw === 'number') return fromNumber(raw, today);
  if (typeof raw !== 'string') return CELL_INVALID['not-digits'];
  // A leading apostrophe or ="..." is how Excel users and exports keep a NIK as text.
  const text = withoutTextMark(raw.trim());
  if (text.length === 0) return CELL_EMPTY;
  // Nearly every cell of a list: 16 digits and nothing else. parseNik's checks, without its
  // separator stripping and the decoded parts a list's row never uses (one of millions of rows).
  if (text.length === 16 && allDigits(text)) {
    if (fromNumericCell === true && text.charCodeAt(15) === 48) return damaged(text.slice(0, 15));
    const rejected = digitsRejection(text);
    return rejected === null ? { kind: 'valid', nik: text, info: birthOf(text, today) } : CELL_INVALID[rejected];
  }
  const last = text.charCodeAt(text.length - 1);
  if (last >= 48 && last <= 57 && text.length > 4) {
    const sci = text.indexOf('E') > 0 || text.indexOf('e') > 0 ? SCIENTIFIC.exec(text) : null;
    if (sci !== null) return fromScientific(sci, today);
    // A number printed by a program as a float (pandas writes a NIK column with gaps so): the
    // same number a numeric cell holds, read by the same rule (exact below 2^53, else damaged).
    const float = last === 48 ? floatPrintedInteger(text) : null;
    if (float !== null) return fromNumber(float, today);
  }
  const digits = stripSeparators(text);
  if (digits.length === 0) return CELL_EMPTY; // "-" or "." placeholders
  if (fromNumericCell === true && digits.length === 16 && last === 48 && allDigits(digits)) {
    return damaged(digits.slice(0, 15));
  }
  return fromParse(parseNik(digits, today));
}

/**
 * A warning, never a rejection, when a recorded birth date or sex disagrees with the NIK.
 * Only day, month and two-digit year are compared: the century on a NIK is a guess.
 */
export function nikMismatch(info: NikBirth, dob: string | null, sex: Sex | null): 'dob' | 'sex' | 'dob-and-sex' | null {
  let dobBad = false;
  if (dob !== null && info.birthDate !== null && dob.length >= 10 && dob.charCodeAt(4) === 45 && dob.charCodeAt(7) === 45) {
    // birthDate is ISO, so its yy-mm-dd tail is exactly what the NIK digits encode. Compared by
    // character codes: two slices a row showed in an import's profile.
    const nikDate = info.birthDate;
    for (let i = 2; i < 10 && !dobBad; i++) dobBad = dob.charCodeAt(i) !== nikDate.charCodeAt(i);
  }
  const sexBad = sex !== null && sex !== info.sex;
  if (dobBad) return sexBad ? 'dob-and-sex' : 'dob';
  return sexBad ? 'sex' : null;
}
