import type { Result } from '../../../../shared/contract';
import type { LookupResult } from '../../../../shared/lookup';
import { displayOf } from '../lookup/verdict';
import { checkProbe, withListDetails, type FlowEvent, type IdentityCheck } from './register-flow';
import type { Subject } from './subject';

/** The call the check needs (the real client, or the core in the tests). It only reads. */
export interface CheckApi {
  lookup(input: { query: string; dob?: string }): Promise<Result<LookupResult>>;
}

/**
 * The verdict of a look-up as the search field shows it: an identifier that matches decides it;
 * anything the clerk would have to pick from (a damaged number, candidates) or a refusal decides
 * nothing (null), and the payer is then never said to come from a check.
 */
export function identityCheckOf(query: string, result: LookupResult): IdentityCheck | null {
  const display = displayOf(result, null);
  return display.kind === 'verdict' ? { query, verdict: display.verdict, basis: display.basis } : null;
}

type ToUnit = Extract<FlowEvent, { type: 'patient' } | { type: 'new' }>;

/**
 * On the way to the unit step: the NIK (or card) of the person to register looked up as the search
 * field would, when the search never looked that number up (checkProbe), so the verdict and the
 * list's card and address are used rather than registering unchecked. A failed look-up never
 * blocks: the step goes on without a check (and says none was made). Null: the panel went away.
 */
export async function withIdentityCheck(api: CheckApi, subject: Subject, event: ToUnit, alive: () => boolean): Promise<ToUnit | null> {
  const who = event.type === 'patient' ? { kind: 'record' as const, patient: event.patient } : { kind: 'new' as const, identity: event.identity };
  const probe = checkProbe(subject, who);
  if (!probe) return event;
  const answer = await api.lookup({ query: probe });
  if (!alive()) return null;
  const check = answer.ok ? identityCheckOf(probe, answer.value) : null;
  if (event.type === 'patient') return { ...event, check };
  return { ...event, identity: withListDetails(event.identity, check), check };
}
