import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '../../../../shared/accounts';
import type { ContractError } from '../../../../shared/contract';
import { loket } from '../../api';

export interface SessionState {
  /** Null until the core first answered. */
  session: SessionView | null;
  /** The core did not answer sessionState (shown instead of any screen). */
  error: ContractError | null;
  /** A method answered with a new SessionView: shown at once, before its `session` event arrives. */
  apply: (next: SessionView) => void;
}

/**
 * Who works at this counter, as the core sees it: read once, then every change pushed as a
 * `session` event (a lock from another window, a hub that disabled the account, a sign-out).
 */
export function useSession(): SessionState {
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  useEffect(() => {
    let live = true;
    let heard = false;
    const off = loket.on('session', (next) => {
      heard = true;
      if (live) setSession(next);
    });
    const read = (): void => {
      heard = false;
      void loket.sessionState({}).then((result) => {
        if (!live) return;
        if (!result.ok) return setError(result.error);
        setError(null);
        // An event that arrived meanwhile is newer than this answer.
        if (!heard) setSession(result.value);
      });
    };
    read();
    // A core restarted after a crash comes back locked for the same person (its session is
    // new): read it again, so the window shows the lock over its kept work, not a stale session.
    const offStatus = loket.on('coreStatus', (status) => {
      if (status.state === 'running') read();
    });
    return () => {
      live = false;
      off();
      offStatus();
    };
  }, []);
  const apply = useCallback((next: SessionView) => setSession(next), []);
  return { session, error, apply };
}
