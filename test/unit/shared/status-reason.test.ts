import { describe, expect, it } from 'vitest';
import { formatCoreMessage, type Lang } from '../../../src/shared/i18n/messages';
import { mapListStatus, mapVClaimStatus } from '../../../src/shared/status';
import { STATUS_REASONS, statusReasonMessage } from '../../../src/shared/status-reason';

const say = (lang: Lang, reason: string): string => formatCoreMessage(lang, statusReasonMessage(reason));

describe('a status reason: a code the caller words in its own language', () => {
  it('a list status gives a code, not Indonesian words, worded in either language', () => {
    const premium = mapListStatus('NON AKTIF PREMI').reason!;
    expect(premium).toBe('premium');
    expect(say('id', premium)).toBe('Non-aktif karena premi (tunggakan)');
    expect(say('en', premium)).toBe('Not active: premium arrears');
    expect(say('en', mapVClaimStatus('2').reason!)).toBe('Deceased');
  });

  it('every code has words in both catalogs', () => {
    for (const code of STATUS_REASONS) {
      for (const lang of ['id', 'en'] as const) expect(say(lang, code)).not.toMatch(/^$|status-reason/);
    }
  });

  it('an unknown status keeps what was written, in both languages', () => {
    const reason = mapListStatus('SEDANG DIPROSES').reason!;
    expect(say('id', reason)).toBe('Status tidak dikenal: SEDANG DIPROSES');
    expect(say('en', reason)).toBe('Unknown status: SEDANG DIPROSES');
  });

  it('editions stored before the codes (Indonesian text) read as the same codes; unknown old text is shown verbatim', () => {
    expect(say('en', 'Non-aktif karena premi (tunggakan)')).toBe('Not active: premium arrears');
    expect(say('en', 'Meninggal')).toBe('Deceased');
    expect(say('en', 'Tidak aktif')).toBe('Not active'); // an old PCare answer without a note
    expect(say('en', 'Status tidak dikenal: X')).toBe('Unknown status: X');
    expect(say('en', 'PESERTA DIBLOKIR SEMENTARA')).toBe('PESERTA DIBLOKIR SEMENTARA');
    expect(say('id', 'PESERTA DIBLOKIR SEMENTARA')).toBe('PESERTA DIBLOKIR SEMENTARA');
  });
});

describe('the validity reasons a look-up derives from TMT / TAT', () => {
  it('say the date, day first, in both languages', () => {
    expect(say('id', 'ended:2026-06-30')).toBe('Masa berlaku berakhir 30-06-2026');
    expect(say('en', 'ended:2026-06-30')).toBe('Coverage ended 30-06-2026');
    expect(say('id', 'not-yet:2027-01-01')).toBe('Belum berlaku (mulai 01-01-2027)');
    expect(say('en', 'not-yet:2027-01-01')).toBe('Not yet covered (starts 01-01-2027)');
  });
});
