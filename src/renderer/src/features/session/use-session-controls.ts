import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Role, SessionView } from '../../../../shared/accounts';
import { loket } from '../../api';
import { errorTextNow } from '../../i18n/core-words';
import { useIdleLock } from './use-idle-lock';

export interface SessionControls {
  locked: boolean;
  /** The same, current at once: key handlers read it between renders. */
  lockedRef: RefObject<boolean>;
  role: Role | null;
  roleRef: RefObject<Role | null>;
  /** The lock overlay was opened by "Switch clerk": the take-over has the focus. */
  takeOver: boolean;
  lock: () => void;
  switchClerk: () => void;
}

/**
 * The signed-in app's side of the session: Ctrl+L and the idle timer lock it, the header's Lock
 * and Switch clerk buttons, and what the key handlers need to know at once (locked, role).
 */
export function useSessionControls(session: SessionView, onSession: (next: SessionView) => void): SessionControls {
  const locked = session.phase === 'locked';
  const role = session.account?.role ?? null;
  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  const roleRef = useRef(role);
  roleRef.current = role;
  const [takeOver, setTakeOver] = useState(false);
  useEffect(() => {
    if (!locked) setTakeOver(false);
  }, [locked]);

  const lockNow = useCallback(
    (forTakeOver: boolean) => {
      if (lockedRef.current) return;
      // Locked at once on screen: the core's answer (or its event) only confirms it.
      lockedRef.current = true;
      setTakeOver(forTakeOver);
      void loket.lockSession({}).then((result) => {
        if (result.ok) onSession(result.value);
        else {
          lockedRef.current = false;
          // Nothing to draw it in: the screen stays as it was and the reason goes to the log.
          console.warn(`lock refused: ${errorTextNow(result.error)}`);
        }
      });
    },
    [onSession],
  );
  const lock = useCallback(() => lockNow(false), [lockNow]);
  const switchClerk = useCallback(() => lockNow(true), [lockNow]);

  useIdleLock(!locked, session.autoLockMinutes, lock);
  return { locked, lockedRef, role, roleRef, takeOver, switchClerk, lock };
}
