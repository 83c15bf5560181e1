import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from './account-rules';
import { FailureText } from './FailureText';
import type { OwnRule, OwnStatus } from './own-account-flow';
import type { OwnFormControls } from './use-own-form';

export interface OwnField<D> {
  key: keyof D & string;
  label: string;
  /** Digits only (a PIN): anything else typed is dropped, as on the accounts tab. */
  digits?: boolean;
  autoComplete: 'current-password' | 'new-password' | 'off';
}

interface Props<D> {
  name: 'password' | 'pin';
  title: string;
  fields: readonly OwnField<D>[];
  controls: OwnFormControls<D>;
  submitLabel: string;
  doneText: string;
  /** The first field, focused when the dialog opens. */
  firstRef?: RefObject<HTMLInputElement | null>;
}

/** One of the dialog's two small forms: each rule under its field, the answer in words below. */
export function OwnAccountForm<D extends { [K in keyof D]: string }>({ name, title, fields, controls, submitLabel, doneText, firstRef }: Props<D>) {
  const { t } = useTranslation();
  const { form, set, submit } = controls;
  return (
    <form className="own-account__form session__form" data-own-form={name} onSubmit={submit} noValidate aria-labelledby={`own-${name}-title`}>
      <h3 id={`own-${name}-title`} className="session__subtitle">
        {title}
      </h3>
      {fields.map((field, i) => {
        const rule: OwnRule | undefined = form.broken[field.key];
        return (
          <label className="field" key={field.key}>
            <span className="field__label">{field.label}</span>
            <input
              ref={i === 0 ? firstRef : undefined}
              className="field__input"
              type="password"
              data-own-field={`${name}.${field.key}`}
              autoComplete={field.autoComplete}
              inputMode={field.digits ? 'numeric' : undefined}
              value={form.draft[field.key]}
              aria-invalid={rule !== undefined}
              onChange={(e) => set(field.key, field.digits ? e.target.value.replace(/\D/g, '') : e.target.value)}
            />
            {rule && (
              <span className="field__error" data-field-error={`${name}.${field.key}`}>
                {t(`myAccount.rule.${rule}`, { min: PASSWORD_MIN })}
              </span>
            )}
          </label>
        );
      })}
      <Answer status={form.status} doneText={doneText} name={name} />
      <button type="submit" className="button button--primary" disabled={form.status.kind === 'busy'} data-testid={`own-${name}-submit`}>
        {submitLabel} <kbd>Enter</kbd>
      </button>
    </form>
  );
}

/** Done or refused, in words. A wrong password here is the password alone (no PIN was asked). */
function Answer({ status, doneText, name }: { status: OwnStatus; doneText: string; name: string }) {
  const { t } = useTranslation();
  if (status.kind === 'done') {
    return (
      <p className="alert own-account__done session__failure" role="status" data-testid={`own-${name}-done`}>
        {doneText}
      </p>
    );
  }
  if (status.kind !== 'refused') return null;
  const { failure } = status;
  if (failure.kind !== 'wrong') return <FailureText failure={failure} />;
  const left = failure.attemptsLeft === null ? '' : ` ${t('session.attemptsLeft', { count: failure.attemptsLeft })}`;
  return (
    <p className="alert alert--error session__failure" role="alert" data-testid="session-failure" data-failure="wrong">
      {t('myAccount.wrongPassword')}
      {left}
    </p>
  );
}
