import { EnrollmentCodeInvalid } from '../../core/sync/enroll';
import { HubRefused, HubUnreachable } from '../../core/sync/hub-transport';
import { CLOCK_DIFFERS, WRONG_CERTIFICATE } from '../../core/sync/pinned-transport';
import type { DistrictProblem } from '../../shared/district-link';

/**
 * An error of the link to the district as the officer must act on it (shared/district-link.ts).
 * While enrolling, only an unreachable district (or a clock to fix) is tried again: a refused code
 * or a pinned certificate that does not fit stays so until the hub starts with another code. Once
 * linked, every round is tried again (the sync runs on its interval whatever the last one met).
 */
export function problemOf(error: unknown, phase: 'enrolling' | 'linked', url: string, retryMs: number): DistrictProblem {
  const retryMinutes = Math.max(1, Math.round(retryMs / 60_000));
  const problem = (code: DistrictProblem['code'], detail: string, retried: boolean): DistrictProblem => ({ code, detail, url, retryMinutes: retried ? retryMinutes : null });
  const linked = phase === 'linked';
  if (error instanceof HubUnreachable) {
    if (error.detail.startsWith(WRONG_CERTIFICATE)) return problem('wrong-certificate', error.detail, linked);
    if (error.detail.startsWith(CLOCK_DIFFERS)) return problem('clock-differs', error.detail, true);
    return problem('unreachable', error.detail, true);
  }
  if (error instanceof HubRefused) return linked ? problem('refused', error.code, true) : problem('code-refused', error.code, false);
  if (error instanceof EnrollmentCodeInvalid) return problem('code-refused', 'hub/code-invalid', false);
  return problem('failed', error instanceof Error ? error.message : String(error), linked);
}
