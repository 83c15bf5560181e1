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

/**
 * May the emergency's slip be read and printed in this phase (slipHtml, printSlip)? Signed out it
 * may not: the dialog then does not ask (the core would refuse, and record the refusal as a
 * probe) and says where the slip is printed once someone signs in.
 */
export function emergencySlipAllowed(phase: SessionPhase): boolean {
  return emergencyAllowed(phase, METHOD_ACCESS.slipHtml) && emergencyAllowed(phase, METHOD_ACCESS.printSlip);
}
