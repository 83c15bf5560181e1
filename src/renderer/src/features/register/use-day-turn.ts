import { useContext, useEffect, useRef } from 'react';
import { facilityToday } from '../../facility-today';
import { FacilityZoneContext } from '../../hooks/use-facility-today';

/** How often an open question looks at the date: a question open over midnight is closed within this. */
const LOOK_MS = 1000;

/**
 * Calls `onTurn` once when the facility's date changes while `active` (a question about "today"
 * is open): the day it was asked on is the one it speaks of.
 */
export function useDayTurn(active: boolean, onTurn: () => void, lookMs = LOOK_MS): void {
  const zone = useContext(FacilityZoneContext);
  const turn = useRef(onTurn);
  turn.current = onTurn;
  useEffect(() => {
    if (!active) return;
    const asked = facilityToday(zone);
    const timer = setInterval(() => {
      if (facilityToday(zone) === asked) return;
      clearInterval(timer);
      turn.current();
    }, lookMs);
    return () => clearInterval(timer);
  }, [active, zone, lookMs]);
}
