import type { HubRoute } from '../http/route';
import { addCounterRoute, revokeCounterRoute } from './counters-admin';
import { enrollRoute } from './enroll-route';
import type { HubIdentity } from './identity';
import { getSettingsRoute, putSettingsRoute } from './settings-routes';
import { statusRoute, type DistrictLinkSource } from './status-route';

/** Enrollment, counters administration, status and facility settings (hub-service). */
export const enrollmentRoutes = (identity?: HubIdentity, districtLink?: DistrictLinkSource): HubRoute[] => [
  addCounterRoute(identity),
  revokeCounterRoute(),
  enrollRoute(),
  statusRoute(districtLink),
  getSettingsRoute(),
  putSettingsRoute(),
];
