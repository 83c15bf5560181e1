import { enrollmentRoutes } from './enrollment/enrollment-routes';
import type { HubIdentity } from './enrollment/identity';
import type { DistrictLinkSource } from './enrollment/status-route';
import type { HubEditionsConfig } from './editions/edition-config';
import { editionRoutes, type HubMode } from './editions/edition-routes';
import type { HubRoute } from './http/route';
import { registerRoutes } from './register/register-routes';
import { bpjsRoutes } from './bpjs/bpjs-routes';
import { auditHeadRoute, heldAuditHeadRoute } from './audit/audit-head-route';
import { adminLogRoute } from './audit/admin-log-route';
import { accountRoutes } from './accounts/accounts-routes';

/**
 * Every endpoint of the hub. The identity (URLs, certificate fingerprint) goes into enrollment
 * codes. A district hub (mode 'district') publishes list editions only: no register routes, and
 * no district of its own for the status to tell (districtLink: a facility hub's link, if any).
 */
export const hubRoutes = (editions: HubEditionsConfig, mode: HubMode = 'facility', identity?: HubIdentity, districtLink?: DistrictLinkSource): HubRoute[] => [
  ...enrollmentRoutes(identity, mode === 'facility' ? districtLink : undefined),
  ...(mode === 'facility' ? [...registerRoutes(), ...bpjsRoutes(editions), auditHeadRoute(), heldAuditHeadRoute(), ...accountRoutes()] : []),
  ...editionRoutes(editions, mode),
  adminLogRoute(),
];
