import type { OwnPatient } from '../../../../shared/lookup';
import type { Display } from '../lookup/verdict';
import type { Who } from '../register/register-flow';
import { identityOfMember, type Subject } from '../register/subject';
import type { EmergencyTarget } from './emergency-flow';

/**
 * The patient an emergency (F9) would go to: the one being registered, else the one looked up.
 * A new patient (in the unit step, or still being typed in the form: a name typed makes them
 * someone on screen, see personOf) has no record yet: the emergency makes it from the identity.
 */
export function targetOf(registering: Who | null, subject: Subject | null, result: { patient?: OwnPatient | null } | null, display: Display | null): EmergencyTarget | null {
  if (registering?.kind === 'record') return { name: registering.patient.name, patient: registering.patient };
  if (registering?.kind === 'new') return { name: registering.identity.name, identity: registering.identity };
  if (subject) {
    if (subject.kind === 'patient') return { name: subject.patient.name, patient: subject.patient };
    if (subject.kind === 'member') return { name: subject.member.name, identity: identityOfMember(subject.member) };
    return null;
  }
  if (result?.patient && !(display?.kind === 'verdict' && display.pickedByClerk)) return { name: result.patient.name, patient: result.patient };
  const member = display?.kind === 'verdict' ? display.basis[0] : undefined;
  return member ? { name: member.name, identity: identityOfMember(member) } : null;
}

/**
 * Who the target is, as a string: the parent hears of a change of patient, not of every render.
 * A person without a record yet is their whole identity: a birth date typed in the form after the
 * name is part of whom F9 would register.
 */
export function targetKeyOf(target: EmergencyTarget | null): string {
  if (!target) return '';
  if ('patient' in target) return `${target.name}|${target.patient.id}`;
  const { nik, card, dob, sex, address } = target.identity;
  return [target.name, nik, card, dob, sex, address].map((part) => part ?? '').join('|');
}
