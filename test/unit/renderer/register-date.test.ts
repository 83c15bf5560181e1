import { describe, expect, it } from 'vitest';
import { registerDateShown } from '../../../src/renderer/src/features/reports/register-date';

/** Finding F6 (night tester): the register paired a moved visit's new service date with last night's time ("02 Des 2026 23.58"). */
describe('the date the register shows before a time', () => {
  const moved = { serviceDate: '2026-12-02', registeredAt: '2026-12-01T16:58:00.000Z' }; // 23:58 WIB of 1 Dec, moved after midnight

  it('a patient of 23:58 moved into the next day: the day they came, on that day’s report and over a range', () => {
    expect(registerDateShown(moved, '2026-12-02', '2026-12-02', 'Asia/Jakarta')).toBe('2026-12-01');
    expect(registerDateShown(moved, '2026-12-01', '2026-12-02', 'Asia/Jakarta')).toBe('2026-12-01');
  });

  it('a visit of its own day: the time alone on one day, its date over a range', () => {
    const own = { serviceDate: '2026-12-02', registeredAt: '2026-12-02T01:15:00.000Z' };
    expect(registerDateShown(own, '2026-12-02', '2026-12-02', 'Asia/Jakarta')).toBeNull();
    expect(registerDateShown(own, '2026-12-01', '2026-12-02', 'Asia/Jakarta')).toBe('2026-12-02');
  });
});
