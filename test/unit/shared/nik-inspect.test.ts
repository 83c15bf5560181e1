import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inspectNik, parseNik } from '../../../src/shared/nik';

const TODAY = '2026-11-29';

describe('inspectNik: a form flags what parseNik would reject, and refuses nothing but the shape', () => {
  it('decodes a sound NIK like parseNik', () => {
    const c = inspectNik('3673015203850003', TODAY);
    expect(c).not.toBeNull();
    expect(c?.provinceKnown).toBe(true);
    expect(c?.dateValid).toBe(true);
    expect(c?.serialValid).toBe(true);
    expect(c?.info.birthDate).toBe('1985-03-12');
    expect(c?.info.sex).toBe('P');
  });

  it('flags a province code that does not exist, still decoding the date', () => {
    const c = inspectNik('9973011203850003', TODAY);
    expect(c?.provinceKnown).toBe(false);
    expect(c?.info.provinceCode).toBe('99');
    expect(c?.info.birthDate).toBe('1985-03-12');
    expect(parseNik('9973011203850003', TODAY)).toEqual({ ok: false, reason: 'province' });
  });

  it('flags an impossible date (31 February, day 72, month 13)', () => {
    expect(inspectNik('3673013102850003', TODAY)?.dateValid).toBe(false);
    expect(inspectNik('3673017203850003', TODAY)?.dateValid).toBe(false);
    expect(inspectNik('3673011213850003', TODAY)?.dateValid).toBe(false);
  });

  it('flags serial 0000', () => {
    expect(inspectNik('3673011203850000', TODAY)?.serialValid).toBe(false);
  });

  it('accepts separators and gives null for anything but 16 digits', () => {
    expect(inspectNik('3673 0152 0385 0003', TODAY)?.info.nik).toBe('3673015203850003');
    expect(inspectNik('367301520385000', TODAY)).toBeNull();
    expect(inspectNik('36730152038500031', TODAY)).toBeNull();
    expect(inspectNik('36730152038500a3', TODAY)).toBeNull();
    expect(inspectNik('', TODAY)).toBeNull();
  });

  it('agrees with parseNik on every NIK parseNik accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{16}$/), (nik) => {
        const p = parseNik(nik, TODAY);
        const c = inspectNik(nik, TODAY);
        expect(c).not.toBeNull();
        if (p.ok) {
          expect(c?.info).toEqual(p.info);
          expect(c?.provinceKnown && c.serialValid).toBe(true);
        } else {
          expect(c?.provinceKnown === false || c?.serialValid === false).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
