import { describe, expect, it } from 'vitest';
import { identifierFontPt, renderSlipHtml, type SlipData } from '../../../src/shared/slip';

const IDS = { mrn: '000017', nikMasked: '3671••••••••0075', cardMasked: '•••••••••6592' };

describe('the identifiers on a slip (record number, masked NIK and card)', () => {
  it('keep the paper’s size on 80 mm and A6, and are made smaller on 58 mm so a masked NIK fits on one line', () => {
    for (const lang of ['id', 'en'] as const) {
      expect(identifierFontPt(IDS, '80mm', lang)).toBe(10);
      expect(identifierFontPt(IDS, 'A6', lang)).toBe(12);
      const small = identifierFontPt(IDS, '58mm', lang)!;
      expect(small).toBeLessThan(8.5);
      expect(small).toBeGreaterThanOrEqual(6); // still readable on a thermal roll
    }
    // Only a card (no NIK): shorter, so larger.
    expect(identifierFontPt({ mrn: '000017', nikMasked: null, cardMasked: '•••••••••6592' }, '58mm')!).toBeGreaterThan(identifierFontPt(IDS, '58mm')!);
  });

  it('a record number too long for one line even at the smallest size keeps the paper’s size and wraps', () => {
    const data = { mrn: 'RSUD-DRAJAT-PRAWIRANEGARA-2026-000017', nikMasked: null, cardMasked: null };
    expect(identifierFontPt(data, '58mm')).toBeNull();
    const slip: SlipData = { facilityName: 'X', facilityAddress: '', registeredLocal: '23-11-2026 09:00', queue: 'U-001', unitName: 'Poli Umum', patientName: 'BUDI', emergency: false, barcodeText: 'V1', ...data };
    expect(renderSlipHtml(slip, '58mm', '<svg></svg>')).not.toContain('white-space: nowrap; word-break: normal');
    expect(renderSlipHtml({ ...slip, ...IDS }, '58mm', '<svg></svg>')).toContain('td.ident { white-space: nowrap; word-break: normal; font-size: 7pt; }');
  });
});
