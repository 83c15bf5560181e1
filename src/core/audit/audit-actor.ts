import type { CoreContext } from '../core-context';

/**
 * Who is acting, as the audit trail names them. The one place that reads it: the accounts work
 * turns `ctx.clerk` into a function (`ctx.clerk()`, the signed-in username); only this line changes.
 */
export const auditActor = (ctx: CoreContext): string => ctx.clerk;
