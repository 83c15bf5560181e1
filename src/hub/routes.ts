import { enrollmentRoutes } from './enrollment/enrollment-routes';
import type { HubEditionsConfig } from './editions/edition-config';
import { editionRoutes, type HubMode } from './editions/edition-routes';
import type { HubRoute } from './http/route';
import { registerRoutes } from './register/register-routes';

/** Every endpoint of the hub. A district hub (mode 'district') publishes list editions only: no register routes. */
export const hubRoutes = (editions: HubEditionsConfig, mode: HubMode = 'facility'): HubRoute[] => [
  ...enrollmentRoutes(),
  ...(mode === 'facility' ? registerRoutes() : []),
  ...editionRoutes(editions, mode),
];
