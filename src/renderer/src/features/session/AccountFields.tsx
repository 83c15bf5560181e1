import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, type AccountDraft, type AccountField, type RuleBroken } from './account-rules';

interface Props {
  draft: AccountDraft;
  broken: Partial<Record<AccountField, RuleBroken>>;
  onChange: (draft: AccountDraft) => void;
  /** Editing an existing account: the username is fixed, the password and PIN fields replace. */
  editing?: boolean;
  /** The first field takes the focus when the form opens. */
  autoFocus?: boolean;
}

/** Name, username, password twice and an optional PIN, each rule said under its field. */
export function AccountFields({ draft, broken, onChange, editing = false, autoFocus = false }: Props) {
  const { t } = useTranslation();
  const set = (key: keyof AccountDraft, value: string): void => onChange({ ...draft, [key]: value });
  const ruleOf = (field: AccountField) => {
    const rule = broken[field];
    return rule ? (
      <span className="field__error" data-field-error={field}>
        {t(`accountRule.${rule}`, { min: PASSWORD_MIN })}
      </span>
    ) : null;
  };
  const field = (key: AccountField, label: string, type: string, extra: { autoComplete: string; inputMode?: 'numeric'; readOnly?: boolean; autoFocus?: boolean }) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="field__input"
        type={type}
        data-account-field={key}
        value={draft[key]}
        aria-invalid={broken[key] !== undefined}
        onChange={(e) => set(key, key === 'pin' ? e.target.value.replace(/\D/g, '') : e.target.value)}
        {...extra}
      />
      {ruleOf(key)}
    </label>
  );
  return (
    <div className="session-fields">
      {field('displayName', t('accountField.displayName'), 'text', { autoComplete: 'name', autoFocus: autoFocus && !editing })}
      {field('username', t('accountField.username'), 'text', { autoComplete: 'username', readOnly: editing })}
      {field('password', editing ? t('accounts.resetPassword') : t('accountField.password'), 'password', { autoComplete: 'new-password', autoFocus: autoFocus && editing })}
      {field('confirm', t('accountField.confirm'), 'password', { autoComplete: 'new-password' })}
      {field('pin', editing ? t('accounts.newPin') : t('accountField.pin'), 'password', { autoComplete: 'off', inputMode: 'numeric' })}
    </div>
  );
}
