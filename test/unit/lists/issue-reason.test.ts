import { describe, expect, it } from 'vitest';
import { issueReason } from '../../../src/core/lists/issue-reason';

describe("a stored row issue's reason", () => {
  it('is worded from its code and raw detail in the language asked', () => {
    expect(issueReason('id', 'row/nik-invalid', 'length')).toBe('NIK tidak valid (harus 16 digit)');
    expect(issueReason('en', 'row/nik-invalid', 'length')).toBe('Invalid NIK (must be 16 digits)');
    expect(issueReason('en', 'row/duplicate', '12')).toBe('NIK or card number appears more than once in the file (also row 12)');
    expect(issueReason('id', 'row/no-name', '')).toBe('Nama kosong');
    expect(issueReason('en', 'row/no-name', null)).toBe('Name is empty');
    expect(issueReason('en', 'row/dob-unreadable', 'dua belas')).toBe('Unreadable birth date: "dua belas"');
  });

  it('stored before reasons were codes (the whole sentence in the detail): shown as it was, not worded twice', () => {
    expect(issueReason('en', 'row/nik-invalid', 'NIK tidak valid (harus 16 digit)')).toBe('NIK tidak valid (harus 16 digit)');
    expect(issueReason('id', 'row/no-name', 'Name is empty')).toBe('Name is empty');
    expect(issueReason('id', 'row/duplicate', 'NIK atau nomor kartu muncul lebih dari sekali di berkas (juga baris 4)')).toBe('NIK atau nomor kartu muncul lebih dari sekali di berkas (juga baris 4)');
  });

  it('a code this catalog does not know keeps its detail', () => {
    expect(issueReason('en', 'row/from-the-future', 'x')).toBe('x');
  });
});
