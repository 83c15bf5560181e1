import { describe, expect, it } from 'vitest';
import { reportHubFailure } from '../../../src/cli/commands/hub-failure';
import type { Output } from '../../../src/cli/output';
import { HubUnreachable } from '../../../src/core/sync/hub-transport';
import { toErrorPayload } from '../../../src/core/errors';
import { clockDifferenceMinutes, clockDifferenceText, durationWords } from '../../../src/shared/hub-clock';

function captured(): Output & { errors: string[] } {
  const errors: string[] = [];
  return { json: false, errors, data: () => undefined, line: () => undefined, error: (text) => errors.push(text), progress: () => undefined };
}

describe("this computer's clock against the hub's, in words", () => {
  it('says nothing within five minutes; beyond, the whole minutes, hub minus this computer', () => {
    expect(clockDifferenceMinutes(null)).toBeNull();
    expect(clockDifferenceMinutes(undefined)).toBeNull();
    expect(clockDifferenceMinutes(4 * 60_000)).toBeNull();
    expect(clockDifferenceMinutes(-5 * 60_000)).toBeNull();
    expect(clockDifferenceMinutes(6 * 60_000)).toBe(6);
    expect(clockDifferenceMinutes(-24 * 3_600_000)).toBe(-1440);
  });

  it('words a difference in its two largest parts, in both languages', () => {
    expect(durationWords('id', 62)).toBe('1 jam 2 menit');
    expect(durationWords('en', 62)).toBe('1 hour 2 minutes');
    expect(durationWords('en', -1441)).toBe('1 day 1 minute');
    expect(durationWords('id', 3 * 1440 + 180 + 5)).toBe('3 hari 3 jam');
    expect(clockDifferenceText('id', 60)).toMatch(/^Jam komputer ini 1 jam lebih lambat dari jam hub\./);
    expect(clockDifferenceText('en', -1440)).toMatch(/^This computer's clock is 1 day ahead of the hub's\./);
  });

  it('a certificate refused for its dates is said to be the clock, never "check the network"', () => {
    const error = new HubUnreachable('hub-clock-differs: CERT_NOT_YET_VALID');
    expect(toErrorPayload(error)).toEqual({ key: 'hub/clock-differs', params: { detail: 'CERT_NOT_YET_VALID' } });
    const out = captured();
    expect(reportHubFailure(error, 'enroll', out, 'id')).toBe(1);
    expect(out.errors[0]).toMatch(/jam komputer ini berbeda dengan hub/);
    expect(out.errors[0]).not.toMatch(/firewall/);
  });
});
