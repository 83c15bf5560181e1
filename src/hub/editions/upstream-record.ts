import type { DistrictProblem } from '../../shared/district-link';
import type { UpstreamEvent } from './upstream-events';

/** The last trouble: `since` the first try that met it, `at` the latest. */
export type RecordedProblem = DistrictProblem & { since: Date; at: Date };

/** All the record knows, as kept across restarts (upstream-status.repo.ts). */
export interface UpstreamMemory {
  contact: Date | null;
  problem: RecordedProblem | null;
  troubled: boolean;
}

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

  /** `remember`: called with the whole record after every change, to keep it across a restart. */
  constructor(
    private readonly report: (event: UpstreamEvent) => void,
    private readonly remember: (memory: UpstreamMemory) => void = () => undefined,
  ) {}

  /**
   * What the hub knew before it stopped, taken before the first try of this start: a trouble
   * that goes on keeps its `since`, and its end is said in the log.
   */
  restore(memory: UpstreamMemory): void {
    this.contact = memory.contact;
    this.problem = memory.problem;
    this.troubled = memory.troubled;
  }

  /** The district answered; `who` names it in the line that says the trouble is over. */
  answered(at: Date, who: { district: string; url: string }): void {
    this.contact = at;
    if (this.troubled) this.report({ code: 'recovered', ...who });
    this.troubled = false;
    this.changed();
  }

  met(problem: DistrictProblem, at: Date): void {
    const same = this.troubled && this.problem?.code === problem.code && this.problem.url === problem.url;
    this.problem = { ...problem, since: same ? this.problem!.since : at, at };
    if (!same) this.report({ code: 'problem', problem });
    this.troubled = true;
    this.changed();
  }

  private changed(): void {
    this.remember({ contact: this.contact, problem: this.problem, troubled: this.troubled });
  }

  lastContact(): Date | null {
    return this.contact;
  }

  lastProblem(): RecordedProblem | null {
    return this.problem;
  }
}
