import { useCallback, useEffect, useState } from 'react';
import { loket } from '../../api';

const NONE: ReadonlyMap<string, number> = new Map();

/**
 * Today's patients still in the queue (waiting or called), by unit code. A unit with some may not
 * leave the settings (the core refuses: unit-changes.ts); the settings screen says so before
 * saving, and asks again after every save, refused or not.
 */
export function useWaitingByUnit(): { waiting: ReadonlyMap<string, number>; reload: () => void } {
  const [waiting, setWaiting] = useState<ReadonlyMap<string, number>>(NONE);
  const reload = useCallback(() => {
    void loket.dayQueue({}).then((result) => {
      if (!result.ok) return; // the core's own check still stands
      const counts = new Map<string, number>();
      for (const e of result.value) if (e.status === 'waiting' || e.status === 'called') counts.set(e.unit, (counts.get(e.unit) ?? 0) + 1);
      setWaiting(counts);
    });
  }, []);
  useEffect(reload, [reload]);
  return { waiting, reload };
}
