import type { CoreContext } from '../core-context';

/** Who is acting, as the audit trail names them: the signed-in username (or the CLI's preset actor). */
export const auditActor = (ctx: AuditContext): string => ctx.clerk();

/** What the audit needs of the core's context (tests give just this). */
export type AuditContext = Pick<CoreContext, 'db' | 'now' | 'clerk' | 'settings'>;
