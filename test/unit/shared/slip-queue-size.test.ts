import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueFontPt } from '../../../src/shared/slip';

const TEXT_MM = { '58mm': 48, '80mm': 70, A6: 95 } as const;
const PT_MM = 25.4 / 72;

describe('the queue number on a slip', () => {
  it('keeps the paper’s full size for the usual numbers', () => {
    for (const queue of ['U-001', 'GD-001', 'A-U-007']) {
      expect(queueFontPt(queue, '80mm')).toBe(40);
      expect(queueFontPt(queue, 'A6')).toBe(54);
    }
    expect(queueFontPt('GD-001', '58mm')).toBe(30);
  });

  it('shrinks a longer number (a counter numbering on its own while the hub is out of reach) so it stays on one line', () => {
    expect(queueFontPt('K2-U-004', '80mm')).toBeLessThan(40);
    expect(queueFontPt('K2-GD-001', '58mm')).toBeLessThan(30);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 14 }), fc.constantFrom('58mm', '80mm', 'A6') as fc.Arbitrary<'58mm' | '80mm' | 'A6'>, (queue, paper) => {
        expect(queue.length * 0.7 * queueFontPt(queue, paper) * PT_MM).toBeLessThanOrEqual(TEXT_MM[paper]);
      }),
    );
  });
});
