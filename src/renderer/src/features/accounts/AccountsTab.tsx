import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/accounts';
import type { ContractError } from '../../../../shared/contract';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/PathPrompt';
import { formatDateTime } from '../../format-time';
import { useLang } from '../../i18n';
import { AccountEditor } from './AccountEditor';
import { editAccount, newAccount, statusOf, toggleInput, type Editing } from './accounts-flow';
import './accounts.css';

/**
 * Settings › Accounts (administrator): the accounts, add one, edit name and role, a new password
 * or PIN, disable, enable, unlock. Read-only with a note when the facility hub manages them.
 */
export function AccountsTab({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [managedByHub, setManagedByHub] = useState(false);
  const [error, setError] = useState<{ title: string; error: ContractError } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [list, session] = await Promise.all([loket.listAccounts({}), loket.sessionState({})]);
    if (session.ok) setManagedByHub(session.value.managedByHub);
    if (list.ok) setAccounts(list.value);
    else setError({ title: t('accounts.failed'), error: list.error });
  }, [t]);
  useEffect(() => void load(), [load]);

  const saved = (account: AccountView): void => {
    setEditing(null);
    setError(null);
    setNotice(t('accounts.saved', { username: account.username }));
    void load();
  };
  const toggle = async (account: AccountView, disabled: boolean): Promise<void> => {
    setNotice(null);
    const result = await loket.saveAccount(toggleInput(account, disabled));
    if (result.ok) saved(result.value);
    else setError({ title: t('accounts.saveFailed'), error: result.error });
  };
  const unlock = async (account: AccountView): Promise<void> => {
    setNotice(null);
    const result = await loket.unlockAccount({ username: account.username });
    if (result.ok) saved(result.value);
    else setError({ title: t('accounts.saveFailed'), error: result.error });
  };

  const now = Date.now();
  return (
    <div className="admin accounts" data-testid="accounts-tab">
      <section className="admin__section">
        <h2 className="admin__title">{t('accounts.title')}</h2>
        {managedByHub && (
          <p className="accounts__hub-note" data-testid="accounts-managed-by-hub">
            {t('accounts.managedByHub')}
          </p>
        )}
        {accounts && accounts.length === 0 && <p className="admin__empty">{t('accounts.empty')}</p>}
        {accounts && accounts.length > 0 && (
          <table className="data-table" data-testid="accounts-table">
            <thead>
              <tr>
                <th scope="col">{t('accountField.displayName')}</th>
                <th scope="col">{t('accountField.username')}</th>
                <th scope="col">{t('accountField.role')}</th>
                <th scope="col">{t('accounts.status')}</th>
                <th scope="col">{t('accounts.hasPin')}</th>
                <th scope="col">{t('accounts.source')}</th>
                {!managedByHub && <th scope="col">{t('accounts.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => {
                const status = statusOf(a, now);
                return (
                  <tr key={a.username} data-testid="account-row" data-username={a.username} data-status={status.kind}>
                    <td className="data-table__strong">{a.displayName}</td>
                    <td>{a.username}</td>
                    <td>{t(`role.${a.role}`)}</td>
                    <td>
                      {status.kind === 'active' && t('accounts.active')}
                      {status.kind === 'disabled' && t('accounts.disabled')}
                      {status.kind === 'locked' && t('accounts.lockedUntil', { time: formatDateTime(status.until, lang, timeZone) })}
                    </td>
                    <td>{a.hasPin ? t('accounts.pinSet') : t('accounts.pinNone')}</td>
                    <td>{a.source === 'hub' ? t('accounts.sourceHub') : t('accounts.sourceLocal')}</td>
                    {!managedByHub && (
                      <td className="data-table__actions">
                        <button type="button" className="button button--small" data-action="edit" onClick={() => setEditing(editAccount(a))}>
                          {t('accounts.edit')}
                        </button>
                        {status.kind === 'locked' && (
                          <button type="button" className="button button--small" data-action="unlock" onClick={() => void unlock(a)}>
                            {t('accounts.unlock')}
                          </button>
                        )}
                        <button type="button" className="button button--small" data-action={a.disabled ? 'enable' : 'disable'} onClick={() => void toggle(a, !a.disabled)}>
                          {a.disabled ? t('accounts.enable') : t('accounts.disable')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {notice && (
          <Notice tone="ok" testId="accounts-notice">
            {notice}
          </Notice>
        )}
        {error && <ErrorAlert title={error.title} error={error.error} />}
        {!managedByHub && !editing && (
          <div className="admin__row">
            <button type="button" className="button button--primary" data-testid="account-add" onClick={() => setEditing(newAccount())}>
              {t('accounts.add')}
            </button>
          </div>
        )}
      </section>
      {editing && <AccountEditor key={editing.account?.username ?? '(new)'} start={editing} onSaved={saved} onCancel={() => setEditing(null)} />}
    </div>
  );
}
