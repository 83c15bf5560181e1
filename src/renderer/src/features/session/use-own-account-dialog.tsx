import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OwnAccountDialog } from './OwnAccountDialog';

/**
 * The header's "My account" button and its dialog, kept out of HeaderSession so that stays a
 * list of buttons. The dialog closes when another clerk takes over (`name` changes): their
 * password would not be the one half-typed there.
 */
export function useOwnAccountDialog(name: string): { button: ReactNode; dialog: ReactNode } {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [name]);
  const close = (): void => {
    setOpen(false);
    // Back where the clerk was before, so the keyboard goes on from the header.
    buttonRef.current?.focus();
  };
  const button = (
    <button ref={buttonRef} type="button" className="button button--small" data-testid="own-account-button" title={t('myAccount.buttonTitle')} onClick={() => setOpen(true)}>
      {t('myAccount.button')}
    </button>
  );
  return { button, dialog: open ? <OwnAccountDialog onClose={close} /> : null };
}
