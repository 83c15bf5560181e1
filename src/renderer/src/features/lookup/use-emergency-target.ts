import { useLayoutEffect, useRef } from 'react';
import type { OwnPatient } from '../../../../shared/lookup';
import type { EmergencyTarget } from '../emergency/emergency-flow';
import { targetKeyOf, targetOf } from '../emergency/target-of';
import type { Who } from '../register/register-flow';
import type { Subject } from '../register/subject';
import type { Display } from './verdict';

/** Tells the parent which patient an emergency (F9) would go to now (targetOf), and nobody once the screen goes. */
export function useEmergencyTarget(
  onTarget: (target: EmergencyTarget | null) => void,
  registering: Who | null,
  subject: Subject | null,
  result: { patient?: OwnPatient | null } | null,
  display: Display | null,
): void {
  const target = targetOf(registering, subject, result, display);
  const targetKey = targetKeyOf(target);
  const targetRef = useRef(target);
  targetRef.current = target;
  // Layout effects: the parent knows the new patient before the browser handles another key. With
  // effects, F9 the moment a new answer showed offered the patient shown before (keys-at-show e2e).
  useLayoutEffect(() => onTarget(targetRef.current), [targetKey, onTarget]);
  useLayoutEffect(() => () => onTarget(null), [onTarget]);
}
