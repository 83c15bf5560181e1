import { userInfo } from 'node:os';
import type { Role } from '../shared/accounts';
import { CLI_ACTOR_PREFIX } from '../shared/audit';

/**
 * Who the `loket` command acts as: `cli:<os user>`, an administrator. Whoever can run it on the
 * database holds the file and its key, and so could change anything in it anyway; what it does is
 * recorded under this name (registrations, payer changes, the audit log), never a clerk's.
 */
export function cliActor(): { username: string; role: Role } {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    // A system account without a name (some containers): the environment's, else "unknown".
    user = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
  return { username: `${CLI_ACTOR_PREFIX}${user}`, role: 'admin' };
}
