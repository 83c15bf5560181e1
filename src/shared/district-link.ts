/**
 * The trouble a facility hub's link to its district (Dinas Kesehatan) hub can meet. Codes and
 * plain values only: the `loket hub` command words them in its language, as it words the hub's
 * other lines (src/cli/commands/hub-district-words.ts). Lists are named, members never.
 */

/**
 * What went wrong on the link, as the officer must act on it:
 *  - unreachable: no answer from the district's address (network, firewall, district hub down); detail: the socket's words.
 *  - wrong-certificate: something else answers at that address (the district hub rebuilt, or another machine); nothing was sent.
 *  - clock-differs: the district's certificate was refused for its dates: this hub computer's clock is off.
 *  - refused: the district answered with a refusal (detail: its code, e.g. hub/counter-revoked: this hub's enrollment there was revoked).
 *  - code-refused: the one-time code was refused at the first enrollment (detail: hub/code-used, hub/code-expired, hub/code-unknown, hub/code-invalid).
 *  - failed: anything else (detail: the error's own message); tried again as an unreachable district is.
 */
export type DistrictProblemCode = 'unreachable' | 'wrong-certificate' | 'clock-differs' | 'refused' | 'code-refused' | 'failed';

export interface DistrictProblem {
  code: DistrictProblemCode;
  detail: string;
  /** The district hub's address this was met at. */
  url: string;
  /** How long until the next try (every minute while enrolling, every sync interval once linked); null: not tried again. */
  retryMinutes: number | null;
}
