import { describe, expect, it } from 'vitest';
import { reportHubFailure } from '../../../src/cli/commands/hub-failure';
import type { Output } from '../../../src/cli/output';
import { HubUnreachable } from '../../../src/core/sync/hub-transport';
import { toErrorPayload } from '../../../src/core/errors';
import { clockDifferenceMinutes, clockDifferenceText, durationWords, hubClockLikelyOff } from '../../../src/shared/hub-clock';

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

describe("the hub's own clock, told by its counters' (hubClockLikelyOff)", () => {
  const at = (...minutes: (number | null)[]): { revoked: boolean; clockAheadMinutes: number | null }[] => minutes.map((m) => ({ revoked: false, clockAheadMinutes: m }));

  it('every active counter about an hour ahead: the hub is likely an hour behind', () => {
    expect(hubClockLikelyOff(at(60, 61, 59))).toEqual({ minutes: -60, counters: 3 });
    expect(hubClockLikelyOff(at(-120, -118))).toEqual({ minutes: 118, counters: 2 });
    // A spread up to ten minutes is still "the same amount"; the median says how much.
    expect(hubClockLikelyOff(at(55, 65, 60))).toEqual({ minutes: -60, counters: 3 });
  });

  it('says nothing when the counters disagree, one of them is right, or one counter alone is off', () => {
    expect(hubClockLikelyOff(at(60, 0))).toBeNull(); // one counter right: the other one is wrong
    expect(hubClockLikelyOff(at(60, -60))).toBeNull(); // opposite sides
    expect(hubClockLikelyOff(at(60, 120))).toBeNull(); // both off, by different amounts
    expect(hubClockLikelyOff(at(60, 71))).toBeNull(); // just beyond the spread
    expect(hubClockLikelyOff(at(60))).toBeNull(); // cannot tell whose clock is wrong
    expect(hubClockLikelyOff(at())).toBeNull();
    expect(hubClockLikelyOff(at(3, 4))).toBeNull(); // within the tolerance: nothing is off
  });

  it('revoked counters and counters whose clock is not known do not count', () => {
    expect(hubClockLikelyOff([...at(60, 60, null), { revoked: true, clockAheadMinutes: 0 }])).toEqual({ minutes: -60, counters: 2 });
    expect(hubClockLikelyOff([...at(60), { revoked: true, clockAheadMinutes: 60 }])).toBeNull();
  });
});
