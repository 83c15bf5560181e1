import type { CoreContext } from '../core-context';

/**
 * Who is acting, as the audit trail names them. The one place that reads it: the accounts work
 * turns `ctx.clerk` into a function (`ctx.clerk()`, the signed-in username); only this line changes.
 */
export const auditActor = (ctx: AuditContext): string => ctx.clerk;

/** What the audit needs of the core's context (tests give just this). */
export type AuditContext = Pick<CoreContext, 'db' | 'now' | 'clerk' | 'settings'>;
