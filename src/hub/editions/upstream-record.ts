import type { DistrictProblem } from '../../shared/district-link';
import type { UpstreamEvent } from './upstream-events';

/** The last trouble: `since` the first try that met it, `at` the latest. */
export type RecordedProblem = DistrictProblem & { since: Date; at: Date };

/**
 * What the link remembers for `loket hub status` (the last answer from the district, the last
 * trouble) and what it tells the log about trouble: a trouble is said when it begins or changes,
 * not at every try (a district down over a weekend is one line, not one a minute), and its end is
 * said too, so the log reads as a story of the link and the status gives the latest try.
 */
export class UpstreamRecord {
  private contact: Date | null = null;
  private problem: RecordedProblem | null = null;
  /** The latest try met trouble (this.problem is current). */
  private troubled = false;

  constructor(private readonly report: (event: UpstreamEvent) => void) {}

  /** The district answered; `who` names it in the line that says the trouble is over. */
  answered(at: Date, who: { district: string; url: string }): void {
    this.contact = at;
    if (this.troubled) this.report({ code: 'recovered', ...who });
    this.troubled = false;
  }

  met(problem: DistrictProblem, at: Date): void {
    const same = this.troubled && this.problem?.code === problem.code && this.problem.url === problem.url;
    this.problem = { ...problem, since: same ? this.problem!.since : at, at };
    if (!same) this.report({ code: 'problem', problem });
    this.troubled = true;
  }

  lastContact(): Date | null {
    return this.contact;
  }

  lastProblem(): RecordedProblem | null {
    return this.problem;
  }
}
