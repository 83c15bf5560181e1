import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '../../components/AdminForm';
import type { BpjsServiceName, BpjsSettingsForm, BpjsSettingsView, ConnectionTest } from '../../../../shared/bpjs';
import type { ContractError } from '../../../../shared/contract';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/PathPrompt';
import { useCoreMessage, useErrorText } from '../../i18n/core-words';

type ServiceForm = BpjsSettingsForm['vclaim'];
type SecretKey = 'secret' | 'userKey' | 'pcarePass';
const SERVICES: readonly BpjsServiceName[] = ['vclaim', 'pcare'];

/** The form from what the core returns: secrets always empty (they are never sent back). */
function formOf(view: BpjsSettingsView): BpjsSettingsForm {
  const service = (s: BpjsSettingsView['vclaim'], pcare: boolean): ServiceForm => ({
    baseUrl: s.baseUrl,
    consId: s.consId,
    secret: '',
    userKey: '',
    ...(pcare ? { pcareUser: s.pcareUser, pcarePass: '', pcareApp: s.pcareApp || '095' } : {}),
  });
  return {
    use: view.use,
    vclaim: service(view.vclaim, false),
    pcare: service(view.pcare, true),
    timeoutSeconds: view.timeoutSeconds,
    slowSeconds: view.slowSeconds,
    probeSeconds: view.probeSeconds,
  };
}

/** A number field's value as the schema wants it (whole seconds); NaN becomes 0 and the core says what is wrong. */
const whole = (value: string): number => (Number.isFinite(Number(value)) ? Math.round(Number(value)) : 0);

/**
 * Settings → BPJS: which service the counter asks and its credentials. Secrets are write-only:
 * the fields are empty after every load and save, and an empty field keeps the saved secret.
 */
export function BpjsSettings() {
  const { t } = useTranslation();
  // The test's outcome arrives as a code: worded at render, so a language switch re-words it.
  const say = useCoreMessage();
  const errorText = useErrorText();
  const [view, setView] = useState<BpjsSettingsView | null>(null);
  const [form, setForm] = useState<BpjsSettingsForm | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tests, setTests] = useState<Partial<Record<BpjsServiceName, { status: 'testing' } | { status: 'done'; test: ConnectionTest } | { status: 'error'; error: ContractError }>>>({});

  useEffect(() => {
    void loket.getBpjsSettings({}).then((result) => {
      if (result.ok) {
        setView(result.value);
        setForm(formOf(result.value));
      } else setError(result.error);
    });
  }, []);

  const edit = (change: (f: BpjsSettingsForm) => BpjsSettingsForm): void => {
    setSaved(false);
    setForm((f) => (f ? change(f) : f));
  };
  const setField = (service: BpjsServiceName, key: keyof ServiceForm, value: string): void =>
    edit((f) => ({ ...f, [service]: { ...f[service], [key]: value } }));

  const save = useCallback(async () => {
    if (!form || busy) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    const result = await loket.saveBpjsSettings(form);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setView(result.value);
    setForm(formOf(result.value));
    setSaved(true);
  }, [form, busy]);

  const test = useCallback(
    async (service: BpjsServiceName) => {
      if (!form) return;
      setTests((x) => ({ ...x, [service]: { status: 'testing' } }));
      const result = await loket.testBpjsConnection({ service, form });
      setTests((x) => ({
        ...x,
        [service]: result.ok ? { status: 'done', test: result.value } : { status: 'error', error: result.error },
      }));
    },
    [form, t],
  );

  if (!form || !view) return error ? <ErrorAlert title={t('bpjsAdmin.saveFailed')} error={error} /> : <p className="admin__empty">{t('bpjsAdmin.loading')}</p>;

  const text = (service: BpjsServiceName, key: 'baseUrl' | 'consId' | 'pcareUser' | 'pcareApp', label: string, wide = false) => (
    <label className={`field${wide ? ' field--wide' : ''}`}>
      <span className="field__label">{label}</span>
      <input
        className={`field__input${key === 'baseUrl' || key === 'consId' || key === 'pcareApp' ? ' field__input--mono' : ''}`}
        data-bpjs={`${service}.${key}`}
        value={form[service][key] ?? ''}
        autoComplete="off"
        spellCheck={false}
        placeholder={key === 'baseUrl' ? 'https://…' : undefined}
        onChange={(e) => setField(service, key, e.target.value)}
      />
    </label>
  );
  const secret = (service: BpjsServiceName, key: SecretKey, label: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="field__input bpjs-secret"
        type="password"
        data-bpjs={`${service}.${key}`}
        value={form[service][key] ?? ''}
        autoComplete="new-password"
        placeholder={view[service].saved[key] ? t('bpjsAdmin.savedPlaceholder') : t('bpjsAdmin.emptyPlaceholder')}
        onChange={(e) => setField(service, key, e.target.value)}
      />
    </label>
  );
  const seconds = (key: 'timeoutSeconds' | 'slowSeconds' | 'probeSeconds', label: string, min: number) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="field__input"
        type="number"
        min={min}
        max={key === 'probeSeconds' ? 3600 : 60}
        data-bpjs={key}
        value={form[key]}
        onChange={(e) => edit((f) => ({ ...f, [key]: whole(e.target.value) }))}
      />
    </label>
  );

  return (
    <AdminForm testId="bpjs-settings" onSave={() => void save()}>
      <section className="admin__section">
        <h2 className="admin__title">{t('bpjsAdmin.title')}</h2>
        <p className="admin__lead">{t('bpjsAdmin.lead')}</p>
        <div className="admin__grid">
          <label className="field">
            <span className="field__label">{t('bpjsAdmin.use')}</span>
            <select className="field__input" data-bpjs="use" value={form.use} onChange={(e) => edit((f) => ({ ...f, use: e.target.value as BpjsSettingsForm['use'] }))}>
              <option value="off">{t('bpjsAdmin.useOff')}</option>
              <option value="vclaim">{t('bpjsAdmin.useVclaim')}</option>
              <option value="pcare">{t('bpjsAdmin.usePcare')}</option>
            </select>
          </label>
        </div>
        {SERVICES.map((service) => {
          const state = tests[service];
          const label = t(`service.${service}`);
          return (
            <fieldset key={service} className={`bpjs-service${form.use === service ? ' bpjs-service--in-use' : ''}`} data-service={service}>
              <legend className="bpjs-service__legend">
                {label}
                {form.use === service && <span className="bpjs-service__badge">({t('bpjsAdmin.inUse')})</span>}
              </legend>
              <div className="admin__grid">
                {text(service, 'baseUrl', t('bpjsAdmin.baseUrl'), true)}
                {text(service, 'consId', t('bpjsAdmin.consId'))}
                {secret(service, 'secret', t('bpjsAdmin.secret'))}
                {secret(service, 'userKey', t('bpjsAdmin.userKey'))}
                {service === 'pcare' && text(service, 'pcareUser', t('bpjsAdmin.pcareUser'))}
                {service === 'pcare' && secret(service, 'pcarePass', t('bpjsAdmin.pcarePass'))}
                {service === 'pcare' && text(service, 'pcareApp', t('bpjsAdmin.pcareApp'))}
              </div>
              <div className="admin__row">
                <button type="button" className="button" data-testid={`bpjs-test-${service}`} aria-busy={state?.status === 'testing'} onClick={() => void test(service)}>
                  {t('bpjsAdmin.test', { service: label })}
                </button>
                {state?.status === 'testing' && (
                  <Notice tone="info" testId={`bpjs-test-result-${service}`}>
                    {t('bpjsAdmin.testing', { service: label })}
                  </Notice>
                )}
                {state?.status === 'done' && (
                  <span className="bpjs-test-result" data-ok={state.test.ok} data-reason={state.test.reason ?? ''}>
                    {/* role=status either way: a refused test is information, not an app error. */}
                    <span className={`notice notice--${state.test.ok ? 'ok' : 'bad'}`} role="status" data-testid={`bpjs-test-result-${service}`}>
                      {say(state.test.message)}
                    </span>
                  </span>
                )}
                {state?.status === 'error' && (
                  <Notice tone="bad" testId={`bpjs-test-result-${service}`}>
                    {t('bpjsAdmin.testFailed', { message: errorText(state.error) })}
                  </Notice>
                )}
              </div>
            </fieldset>
          );
        })}
        <p className="bpjs-secret-store" data-testid="secret-store" data-store={view.secretStore}>
          {view.secretStore === 'os' ? t('bpjsAdmin.secretStoreOs') : t('bpjsAdmin.secretStoreKeyFile')}
        </p>
      </section>

      <section className="admin__section">
        <h2 className="admin__title">{t('bpjsAdmin.timing')}</h2>
        <div className="admin__grid">
          {seconds('timeoutSeconds', t('bpjsAdmin.timeoutSeconds'), 1)}
          {seconds('slowSeconds', t('bpjsAdmin.slowSeconds'), 1)}
          {seconds('probeSeconds', t('bpjsAdmin.probeSeconds'), 10)}
        </div>
      </section>

      <div className="admin__row">
        <button type="submit" className="button button--primary button--big" data-testid="bpjs-save" aria-busy={busy}>
          {t('bpjsAdmin.save')} <kbd>Ctrl+S</kbd>
        </button>
        {saved && (
          <Notice tone="ok" testId="bpjs-status">
            {t('bpjsAdmin.saved')}
          </Notice>
        )}
        <span className="admin__note admin__push">{t('bpjsAdmin.keys')}</span>
      </div>
      {error && <ErrorAlert title={t('bpjsAdmin.saveFailed')} error={error} />}
    </AdminForm>
  );
}
