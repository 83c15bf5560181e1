import { enrollmentRoutes } from './enrollment/enrollment-routes';
import type { HubIdentity } from './enrollment/identity';
import type { HubRoute } from './http/route';
import { registerRoutes } from './register/register-routes';

/** Every endpoint of the hub. The identity (URLs, certificate fingerprint) goes into enrollment codes. */
export const hubRoutes = (identity?: HubIdentity): HubRoute[] => [...enrollmentRoutes(identity), ...registerRoutes()];
