import type { HubRoute } from '../http/route';

/** Enrollment, counters administration and status (hub-service). */
export const enrollmentRoutes = (): HubRoute[] => [];
