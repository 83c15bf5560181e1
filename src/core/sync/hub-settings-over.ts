import { FACILITY_SETTING_KEYS, type FacilitySettings } from '../../shared/hub-protocol';
import { counterSettingsSchema, DEFAULT_SETTINGS, type CounterSettings } from '../../shared/settings';

/**
 * Keys checked together by the settings rules: the emergency unit must be one of the units and
 * its prefix none of theirs; the first RM must fit the format's digits.
 */
const LINKED: readonly (readonly string[])[] = [
  ['units', 'emergencyUnit', 'emergencyPrefix'],
  ['mrnFormat', 'mrnStart'],
];

/**
 * The counter's settings with the facility keys the hub holds laid over them (papertester F17):
 * a key the hub leaves out keeps the counter's own value. When such a value does not fit with the
 * hub's (the counter's emergency unit not among the hub's units, its format too narrow for the
 * hub's first RM), the keys the hub left out in that group take Loket's defaults instead, which is
 * what the hub checked them with (hub/enrollment/settings-routes.ts). Null when even that fails.
 */
export function hubSettingsOver(current: CounterSettings, facility: FacilitySettings): CounterSettings | null {
  const held = FACILITY_SETTING_KEYS.filter((key) => key in facility);
  const picked = Object.fromEntries(held.map((key) => [key, facility[key]]));
  const own = counterSettingsSchema.safeParse({ ...current, ...picked });
  if (own.success) return own.data;
  const broken = new Set(own.error.issues.map((issue) => String(issue.path[0])));
  const groups = LINKED.filter((group) => group.some((key) => broken.has(key)));
  const reset = FACILITY_SETTING_KEYS.filter((key) => !(key in facility) && groups.some((group) => group.includes(key)));
  const defaults = Object.fromEntries(reset.map((key) => [key, DEFAULT_SETTINGS[key]]));
  const next = counterSettingsSchema.safeParse({ ...current, ...defaults, ...picked });
  return next.success ? next.data : null;
}
