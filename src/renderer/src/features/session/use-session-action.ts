import { useCallback, useRef, useState } from 'react';
import type { SessionView } from '../../../../shared/accounts';
import type { Result } from '../../../../shared/contract';
import { signInFailure, type SignInFailure } from './sign-in-failure';

/**
 * One sign-in, unlock, take-over or set-up at a time: busy while it runs (a second Enter does
 * nothing), the new session applied at once when it succeeds, the refusal kept for the screen to
 * say in words when it does not. Resolves true on success.
 */
export function useSessionAction(apply: (next: SessionView) => void): {
  busy: boolean;
  failure: SignInFailure | null;
  run: (call: () => Promise<Result<SessionView>>) => Promise<boolean>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const run = useCallback(
    async (call: () => Promise<Result<SessionView>>): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(true);
      const result = await call();
      busyRef.current = false;
      setBusy(false);
      if (!result.ok) {
        setFailure(signInFailure(result.error, Date.now()));
        return false;
      }
      setFailure(null);
      apply(result.value);
      return true;
    },
    [apply],
  );
  const clear = useCallback(() => setFailure(null), []);
  return { busy, failure, run, clear };
}
