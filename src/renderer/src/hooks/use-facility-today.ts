import { createContext, useContext } from 'react';
import { facilityToday } from '../facility-today';

/**
 * The facility's time zone from the counter's settings (App provides it once they are loaded).
 * Without it (before the settings load, or outside the app) "today" is the PC's own date.
 */
export const FacilityZoneContext = createContext<string | undefined>(undefined);

/**
 * Today at the facility. The date fields judge "in the future" by it: a baby born after midnight
 * at a WITA facility whose PC runs on WIB (or on UTC) was born today, not tomorrow.
 */
export function useFacilityToday(): string {
  return facilityToday(useContext(FacilityZoneContext));
}
