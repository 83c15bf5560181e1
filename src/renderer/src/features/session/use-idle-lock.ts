import { useEffect, useRef } from 'react';
import { ACTIVITY_EVENTS, isLockKey, msUntilLock } from './idle-lock';

/**
 * Locks the counter after `minutes` without a key, pointer or scan (0 = never), and at once on
 * Ctrl+L. `active` is false while the counter is already locked: nothing is timed then.
 * One timer, re-armed only when it fires (activity just moves a timestamp), so a moving mouse
 * costs nothing.
 */
export function useIdleLock(active: boolean, minutes: number, lock: () => void): void {
  const lockRef = useRef(lock);
  lockRef.current = lock;

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent): void => {
      if (!isLockKey(event)) return;
      // Ctrl+L would otherwise do nothing useful here (no address bar) or reach a field.
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) lockRef.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active]);

  useEffect(() => {
    if (!active || msUntilLock(0, 0, minutes) === null) return;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const touch = (): void => {
      last = Date.now();
    };
    const check = (): void => {
      const wait = msUntilLock(last, Date.now(), minutes);
      if (wait === null) return;
      if (wait === 0) lockRef.current();
      else timer = setTimeout(check, wait);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    timer = setTimeout(check, minutes * 60_000);
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
  }, [active, minutes]);
}
