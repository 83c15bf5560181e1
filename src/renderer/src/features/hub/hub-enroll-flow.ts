/**
 * The enroll form of Settings → Hub fasilitas, kept out of the component: what the fields hold,
 * what may be sent, which field a refusal belongs under, and the steps editing → sending →
 * enrolled. The component only renders the state and calls the core.
 */
import type { ContractError, Result } from '../../../../shared/contract';
import type { HubEnrollment } from '../../../../shared/hub-link';

export interface EnrollForm {
  /** Optional: the code carries the addresses the hub knew. */
  hubUrl: string;
  code: string;
}

export type EnrollField = keyof EnrollForm;
/** Problems found before anything is sent (worded by the screen: hub.codeMissing, hub.urlInvalid). */
export type EnrollProblem = 'codeMissing' | 'urlInvalid';

export interface EnrollState {
  form: EnrollForm;
  phase: 'editing' | 'sending' | 'enrolled';
  problem: EnrollProblem | null;
  /** The core's or hub's refusal, worded by the screen from its code. */
  error: ContractError | null;
  enrollment: HubEnrollment | null;
}

export type EnrollEvent =
  | { type: 'edit'; field: EnrollField; value: string }
  | { type: 'submit' }
  | { type: 'answer'; result: Result<HubEnrollment> };

export const EMPTY_ENROLL: EnrollState = { form: { hubUrl: '', code: '' }, phase: 'editing', problem: null, error: null, enrollment: null };

/** A code pasted from a chat or a PDF may wrap over lines: base64url has no spaces, so drop them all. */
export const cleanCode = (code: string): string => code.replace(/\s+/g, '');

/** The address as typed, with https:// added when the clerk typed only "192.168.1.10:7443"; '' when empty. */
export function cleanHubUrl(url: string): string {
  const text = url.trim();
  if (text === '') return '';
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
}

/** What stops a send before it starts; null when the form may be sent. */
export function enrollProblem(form: EnrollForm): EnrollProblem | null {
  if (cleanCode(form.code) === '') return 'codeMissing';
  const url = cleanHubUrl(form.hubUrl);
  if (url === '') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' ? null : 'urlInvalid';
  } catch {
    return 'urlInvalid';
  }
}

/** The contract's input: the address only when one was typed. */
export function enrollInput(form: EnrollForm): { hubUrl?: string; code: string } {
  const hubUrl = cleanHubUrl(form.hubUrl);
  return { ...(hubUrl ? { hubUrl } : {}), code: cleanCode(form.code) };
}

/** Codes that say something about the address (another machine answers there, nobody answers) go under the address field. */
const ADDRESS_CODES: ReadonlySet<string> = new Set(['hub/certificate-mismatch', 'hub/unreachable']);

/** Which field a refusal is shown under. */
export function fieldOfError(error: ContractError): EnrollField {
  if (ADDRESS_CODES.has(error.code)) return 'hubUrl';
  if (error.code === 'invalid-input' && error.issues?.some((i) => i.path[0] === 'hubUrl')) return 'hubUrl';
  return 'code';
}

/** Which field a problem found before sending is shown under. */
export const fieldOfProblem = (problem: EnrollProblem): EnrollField => (problem === 'urlInvalid' ? 'hubUrl' : 'code');

export function enrollStep(state: EnrollState, event: EnrollEvent): EnrollState {
  switch (event.type) {
    case 'edit':
      // Editing while a send is on its way changes nothing: the answer is for what was sent.
      if (state.phase !== 'editing') return state;
      return { ...state, form: { ...state.form, [event.field]: event.value }, problem: null, error: null };
    case 'submit': {
      if (state.phase !== 'editing') return state;
      const problem = enrollProblem(state.form);
      return problem ? { ...state, problem, error: null } : { ...state, phase: 'sending', problem: null, error: null };
    }
    case 'answer':
      if (state.phase !== 'sending') return state;
      if (event.result.ok) return { ...state, phase: 'enrolled', enrollment: event.result.value, error: null, form: { hubUrl: '', code: '' } };
      // The code stays in its field: a wrong address can be corrected and the same code sent again.
      return { ...state, phase: 'editing', error: event.result.error };
  }
}
