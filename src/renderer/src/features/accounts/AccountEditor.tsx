import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type AccountView, type Role } from '../../../../shared/accounts';
import type { ContractError } from '../../../../shared/contract';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { AccountField, RuleBroken } from '../session/account-rules';
import { AccountFields } from '../session/AccountFields';
import { saveInputOf, type Editing } from './accounts-flow';

/** Add an account or edit one: name, role, a new password, a new PIN. */
export function AccountEditor({ start, onSaved, onCancel }: { start: Editing; onSaved: (account: AccountView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(start);
  const [broken, setBroken] = useState<Partial<Record<AccountField, RuleBroken>>>({});
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (busy) return;
    const checked = saveInputOf(editing);
    if ('broken' in checked) return setBroken(checked.broken);
    setBroken({});
    setError(null);
    setBusy(true);
    void loket.saveAccount(checked.input).then((result) => {
      setBusy(false);
      if (result.ok) onSaved(result.value);
      else setError(result.error);
    });
  };

  return (
    <form
      className="admin__section account-editor"
      data-testid="account-editor"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <h3 className="admin__title">{editing.account ? t('accounts.editTitle', { username: editing.account.username }) : t('accounts.newTitle')}</h3>
      <AccountFields draft={editing.draft} broken={broken} onChange={(draft) => setEditing({ ...editing, draft })} editing={editing.account !== null} autoFocus />
      <label className="field">
        <span className="field__label">{t('accountField.role')}</span>
        <select className="field__input" data-account-field="role" value={editing.role} onChange={(e) => setEditing({ ...editing, role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {error && <ErrorAlert title={t('accounts.saveFailed')} error={error} />}
      <div className="account-editor__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="account-save">
          {t('accounts.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('accounts.cancel')}
        </button>
      </div>
    </form>
  );
}
