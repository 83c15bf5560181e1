import type { SessionPhase } from '../../../../shared/accounts';
import { accessRefusal, METHOD_ACCESS, type MethodAccess } from '../../../../shared/method-access';

/**
 * May an emergency be registered in this session phase? By the core's own rule for
 * registerEmergency (METHOD_ACCESS): the screens follow the core rather than guess, so an
 * emergency path is offered exactly where the core will take it.
 */
export function emergencyAllowed(phase: SessionPhase, access: MethodAccess = METHOD_ACCESS.registerEmergency): boolean {
  return accessRefusal(access, phase, phase === 'signed-in' ? 'clerk' : null) === null;
}
