import { useEffect, useState } from 'react';
import type { Connectivity } from '../../../shared/bpjs';
import { loket } from '../api';

/**
 * The BPJS connection as the core sees it: loaded once, then every change pushed as a
 * `connectivity` event (a state change, or a re-check run that changed the pending count).
 * Null until the first answer.
 */
export function useConnectivity(): Connectivity | null {
  const [state, setState] = useState<Connectivity | null>(null);
  useEffect(() => {
    let live = true;
    let heard = false;
    const off = loket.on('connectivity', (c) => {
      heard = true;
      if (live) setState(c);
    });
    void loket.connectivity({}).then((result) => {
      // An event that arrived meanwhile is newer than this answer.
      if (live && result.ok && !heard) setState(result.value);
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}
