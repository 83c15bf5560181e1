/**
 * A facility hub's link to its district (Dinas Kesehatan) hub as `GET /v1/admin/status` tells it
 * (`HubStatus.district`), and the trouble the link can meet. Codes and plain values only: the
 * `loket hub` command words them in its language, as it words the rest of the status and the
 * link's log lines (src/cli/commands/hub-district-words.ts). Lists are named, members never.
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

export interface HubDistrictLink {
  /** enrolling: the first enrollment with the code is not done yet; linked: editions are taken; failed: the code was refused, nothing more is tried. */
  state: 'enrolling' | 'linked' | 'failed';
  /** The district hub's address (while enrolling: the one the code or --upstream-url gave; null when the code cannot be read). */
  url: string | null;
  /** The district's name and this hub's name there, once enrolled. */
  district: string | null;
  name: string | null;
  /** The last answer from the district (enrollment or manifest), kept across restarts (hub migration 019); null: none yet. */
  lastContact: string | null;
  /** The latest edition this hub took from the district (kept in its register of editions, so it outlives a restart). */
  lastEdition: { list: string; asOf: string; members: number; receivedAt: string } | null;
  /**
   * The last trouble, kept across restarts: `since` the first try that met it (a trouble that
   * goes on over a restart keeps it), `at` the latest.
   * Still current when `at` is later than lastContact; kept after the district answers again.
   */
  lastError: (DistrictProblem & { since: string; at: string }) | null;
}
