import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../shared/accounts';
import { loket } from '../../api';
import { isPin } from './account-rules';
import { FailureText } from './FailureText';
import { digitOfKey, pinAfterPick } from './pin-pick';
import { useSessionAction } from './use-session-action';

interface Props {
  clerks: readonly { username: string; displayName: string }[];
  title: string;
  submitLabel: string;
  onSession: (next: SessionView) => void;
  testId: string;
  /** The PIN field takes the focus at once (the clerk pressed "Switch clerk"). */
  autoFocus?: boolean;
}

/**
 * A known clerk (one with a PIN) picked from the list, then their PIN: quick sign-in or take-over.
 * Picking a clerk (a click, or Enter/Space on the name) puts the focus in the PIN field, as the
 * sign-in screen's list focuses the password: the PIN typed next goes there. A digit typed while
 * a name still has the focus picks that clerk and goes into the PIN (pin-pick.ts).
 */
export function PinSignIn({ clerks, title, submitLabel, onSession, testId, autoFocus = false }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(clerks[0]?.username ?? '');
  const [pin, setPin] = useState('');
  const action = useSessionAction(onSession);
  const pinRef = useRef<HTMLInputElement>(null);
  const pickedRef = useRef(username);
  const chosen = clerks.find((c) => c.username === username) ?? clerks[0];
  if (!chosen) return null;

  /** Picks a clerk, with the focus to their PIN; `digit` typed on their name (pin-pick.ts). */
  const pick = (name: string, digit: string | null): void => {
    // The clerk picked so far from a ref: keys typed fast come before a render.
    const picked = pickedRef.current;
    pickedRef.current = name;
    setUsername(name);
    setPin((typed) => pinAfterPick(picked, typed, name, digit));
    action.clear();
    pinRef.current?.focus();
  };

  const digitOnName = (event: KeyboardEvent, name: string): void => {
    const digit = digitOfKey(event.key, event);
    if (digit === null) return;
    event.preventDefault();
    pick(name, digit);
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!isPin(pin)) return;
    void action.run(() => loket.switchClerk({ username: chosen.username, pin })).then((ok) => {
      if (!ok) setPin('');
    });
  };

  return (
    <form className="session__form session__pin" onSubmit={submit} data-testid={testId} noValidate>
      <h2 className="session__subtitle">{title}</h2>
      <div className="session__clerks" role="radiogroup" aria-label={t('session.quickPick')}>
        {clerks.map((c) => (
          <button
            key={c.username}
            type="button"
            role="radio"
            aria-checked={c.username === chosen.username}
            className="session__clerk"
            data-clerk={c.username}
            onClick={() => pick(c.username, null)}
            // Capture: the lock's focus trap keeps every key inside natively, before React's bubbling handlers.
            onKeyDownCapture={(e) => digitOnName(e, c.username)}
          >
            {c.displayName}
          </button>
        ))}
      </div>
      <label className="field">
        <span className="field__label">{t('session.pinFor', { name: chosen.displayName })}</span>
        <input
          className="field__input field__input--mono"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          ref={pinRef}
          data-testid={`${testId}-pin`}
          value={pin}
          autoFocus={autoFocus}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      {action.failure && <FailureText failure={action.failure} secret />}
      <button type="submit" className="button" disabled={action.busy || !isPin(pin)} data-testid={`${testId}-submit`}>
        {submitLabel}
      </button>
    </form>
  );
}
