import { describe, expect, it } from 'vitest';
import { recheckWords } from '../../../src/renderer/src/features/followups/recheck-words';
import { wordsText, type Words } from '../../../src/renderer/src/i18n/words';
import type { FollowUp } from '../../../src/shared/counter';
import { uiTranslate } from '../../helpers/ui-translate';

const TAUFIK: Pick<FollowUp, 'patient' | 'visit'> = {
  patient: { id: 7, mrn: '000007', name: 'TAUFIK HIDAYAT', identified: true },
  visit: { id: 12, queue: 'U-004', unit: 'UMUM', serviceDate: '2026-12-02', payer: 'pending', emergency: false },
};
const say = (w: Words, lang: 'id' | 'en' = 'id'): string => wordsText(w, uiTranslate(lang), lang);

describe('what the clerk\'s re-check (C) says', () => {
  it('a record without NIK or card: nothing was checked, and F3 adds the number (finding: "not on the lists" for a member who is)', () => {
    const said = recheckWords(TAUFIK, { verdict: 'unknown', payer: 'pending', noNumber: true });
    expect(said.changed).toBe(false);
    expect(say(said.words)).toBe(
      'TAUFIK HIDAYAT (RM 000007) belum punya NIK atau nomor kartu, jadi tidak ada yang dapat dicek di daftar. Isi dari KTP atau kartu JKN dengan F3 (Ubah data pasien: cari RM 000007 di Cari & Daftar), lalu cek ulang di sini (C).',
    );
    expect(say(said.words, 'en')).toMatch(/^TAUFIK HIDAYAT \(MRN 000007\) has no NIK or card number, so there is nothing to check against the lists\. .*F3/);
    expect(say(said.words)).not.toMatch(/belum ada di daftar/);
  });

  it('a record looked up: the payer set (to undo), or still open because the lists have no active member', () => {
    const set = recheckWords(TAUFIK, { verdict: 'eligible', payer: 'jkn' });
    expect(set.changed).toBe(true);
    expect(say(set.words)).toBe('TAUFIK HIDAYAT: cek ulang → JKN');
    const same = recheckWords(TAUFIK, { verdict: 'unknown', payer: 'pending' });
    expect(same.changed).toBe(false);
    expect(say(same.words)).toBe('TAUFIK HIDAYAT: cek ulang: tetap penjamin menyusul (belum ada di daftar sebagai peserta aktif).');
  });
});
