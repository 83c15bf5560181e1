import { enrollmentRoutes } from './enrollment/enrollment-routes';
import type { HubRoute } from './http/route';
import { registerRoutes } from './register/register-routes';

/** Every endpoint of the hub. */
export const hubRoutes = (): HubRoute[] => [...enrollmentRoutes(), ...registerRoutes()];
