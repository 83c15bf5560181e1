import { useTranslation } from 'react-i18next';
import { formatClock } from '../../format-time';
import { useSettings } from '../../hooks/use-settings';
import { useLang } from '../../i18n';
import { useErrorText } from '../../i18n/core-words';
import type { SignInFailure } from './sign-in-failure';

/**
 * A refused sign-in in words: wrong (and how many tries are left), locked out (until when, in how
 * many minutes), disabled, or the core's own message. `secret`: the question was a password or PIN
 * of a known account, so "wrong username" would mislead.
 */
export function FailureText({ failure, secret = false }: { failure: SignInFailure; secret?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const settings = useSettings();
  const errorText = useErrorText();
  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';
  let text: string;
  if (failure.kind === 'wrong') {
    text = secret ? t('session.wrongSecret') : t('session.wrong');
    if (failure.attemptsLeft !== null) text += ` ${t('session.attemptsLeft', { count: failure.attemptsLeft })}`;
  } else if (failure.kind === 'locked-out') {
    text = t('session.lockedOut', { count: failure.minutesLeft, time: formatClock(failure.until, lang, timeZone) });
  } else if (failure.kind === 'disabled') text = t('session.disabled');
  else text = errorText(failure.error);
  return (
    <p className="alert alert--error session__failure" role="alert" data-testid="session-failure" data-failure={failure.kind}>
      {text}
    </p>
  );
}
