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
  /** The latest try of this run met trouble, and the log said so (this.problem is current). */
  private troubled = false;
  /** The trouble was current when the hub last stopped: it keeps its `since` if it goes on. */
  private carried = false;

  /** `remember`: called with the whole record after every change, to keep it across a restart. */
  constructor(
    private readonly report: (event: UpstreamEvent) => void,
    private readonly remember: (memory: UpstreamMemory) => void = () => undefined,
  ) {}

  /**
   * What the hub knew before it stopped, taken before the first try of this start. A trouble
   * that goes on keeps its `since` in the status; the log, a story of this run, says it again
   * at its first try (the officer reading a fresh console learns it there).
   */
  restore(memory: UpstreamMemory): void {
    this.contact = memory.contact;
    this.problem = memory.problem;
    this.carried = memory.troubled && memory.problem !== null;
  }

  /** The district answered; `who` names it in the line that says the trouble is over. */
  answered(at: Date, who: { district: string; url: string }): void {
    this.contact = at;
    if (this.troubled) this.report({ code: 'recovered', ...who });
    this.troubled = false;
    this.carried = false;
    this.changed();
  }

  met(problem: DistrictProblem, at: Date): void {
    const sameAs = (p: RecordedProblem | null): boolean => p?.code === problem.code && p.url === problem.url;
    const said = this.troubled && sameAs(this.problem);
    const goesOn = (this.troubled || this.carried) && sameAs(this.problem);
    this.problem = { ...problem, since: goesOn ? this.problem!.since : at, at };
    if (!said) this.report({ code: 'problem', problem });
    this.troubled = true;
    this.carried = false;
    this.changed();
  }

  private changed(): void {
    this.remember({ contact: this.contact, problem: this.problem, troubled: this.troubled || this.carried });
  }

  lastContact(): Date | null {
    return this.contact;
  }

  lastProblem(): RecordedProblem | null {
    return this.problem;
  }
}
