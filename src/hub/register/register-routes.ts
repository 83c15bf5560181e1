import type { HubRoute } from '../http/route';

/** Push, pull, queue numbers and record-number blocks (hub-register). */
export const registerRoutes = (): HubRoute[] => [];
