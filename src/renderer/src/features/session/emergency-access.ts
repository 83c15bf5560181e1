import type { SessionView } from '../../../../shared/accounts';
import type { MethodAccess } from '../../../../shared/method-access';

/**
 * May an emergency be registered in this session phase, by the access the core gives
 * registerEmergency (METHOD_ACCESS)? The screens follow the core rather than guess: an
 * emergency path is only offered where the core will take it.
 */
export function emergencyAllowed(phase: SessionView['phase'], access: MethodAccess): boolean {
  if (access === 'open') return true;
  if (access === 'emergency') return phase === 'signed-in' || phase === 'locked';
  return phase === 'signed-in';
}
