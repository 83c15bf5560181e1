import { describe, expect, it } from 'vitest';
import { localStamp } from '../../../src/cli/local-stamp';

describe('an instant in a command’s text', () => {
  it('reads on the facility’s clock with the zone’s Indonesian name, across midnight', () => {
    expect(localStamp('2026-12-02T12:48:35.188Z', 'Asia/Jakarta')).toBe('2026-12-02 19:48 WIB');
    expect(localStamp('2026-12-02T12:48:35.188Z', 'Asia/Makassar')).toBe('2026-12-02 20:48 WITA');
    expect(localStamp('2026-12-02T17:00:00Z', 'Asia/Jakarta')).toBe('2026-12-03 00:00 WIB');
    expect(localStamp('2026-12-02T12:48:35Z', 'UTC')).toBe('2026-12-02 12:48 UTC');
  });

  it('shows what is no instant as it came', () => {
    expect(localStamp('kemarin', 'Asia/Jakarta')).toBe('kemarin');
  });
});
