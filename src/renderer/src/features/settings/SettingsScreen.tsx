import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '../../components/AdminForm';
import type { ContractError } from '../../../../shared/contract';
import { PAPERS } from '../../../../shared/slip';
import { formatMrn, queueLabel, TIME_ZONES, type CounterSettings } from '../../../../shared/settings';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/PathPrompt';
import { todayIso } from '../../format';
import { SETTINGS_CHANGED } from '../../hooks/use-settings';
import { BpjsSettings } from './BpjsSettings';
import { BridgeLog } from './BridgeLog';
import '../slip/slip.css';
import '../lists/admin.css';

const TZ_LABEL = { 'Asia/Jakarta': 'jakarta', 'Asia/Makassar': 'makassar', 'Asia/Jayapura': 'jayapura' } as const;

type Tab = 'counter' | 'bpjs' | 'bridge-log';
const TABS: readonly Tab[] = ['counter', 'bpjs', 'bridge-log'];
const TAB_LABEL = { counter: 'settings.tabCounter', bpjs: 'settings.tabBpjs', 'bridge-log': 'settings.tabBridgeLog' } as const;

/** Settings in three parts: the counter itself, the BPJS connection, and the bridge log. */
export function SettingsScreen({ settings }: { settings?: CounterSettings | null }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('counter');
  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';
  return (
    <div className="settings">
      <div className="settings-tabs" role="tablist" aria-label={t('settings.tabsLabel')}>
        {TABS.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            className="settings-tabs__tab"
            data-testid={`settings-tab-${x}`}
            aria-selected={tab === x}
            onClick={() => setTab(x)}
            onKeyDown={(e) => {
              // Arrow keys move between the parts, as in any tab strip.
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              e.preventDefault();
              const next = TABS[(TABS.indexOf(x) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] ?? 'counter';
              setTab(next);
              (e.currentTarget.parentElement?.querySelector(`[data-testid="settings-tab-${next}"]`) as HTMLButtonElement | null)?.focus();
            }}
          >
            {t(TAB_LABEL[x])}
          </button>
        ))}
      </div>
      {tab === 'counter' && <CounterSettingsForm />}
      {tab === 'bpjs' && <BpjsSettings />}
      {tab === 'bridge-log' && <BridgeLog timeZone={timeZone} />}
    </div>
  );
}

/** Facility, time zone, units, number prefixes and formats, deadlines, paper and printer. */
function CounterSettingsForm() {
  const { t } = useTranslation();
  const [form, setForm] = useState<CounterSettings | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loket.getSettings({}).then((result) => {
      if (result.ok) setForm(result.value);
      else setError(result.error);
    });
  }, []);

  const set = <K extends keyof CounterSettings>(key: K, value: CounterSettings[K]): void => {
    setSaved(false);
    setForm((f) => (f ? { ...f, [key]: value } : f));
  };

  const save = useCallback(async () => {
    if (!form || busy) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    const result = await loket.saveSettings(form);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setForm(result.value);
    setSaved(true);
    window.dispatchEvent(new Event(SETTINGS_CHANGED));
  }, [form, busy]);

  if (!form) return error ? <ErrorAlert title={t('settings.saveFailed')} error={error} /> : <p className="admin__empty">{t('settings.loading')}</p>;

  const text = (key: 'facilityName' | 'facilityCode' | 'facilityAddress' | 'printerName', label: string, note?: string) => (
    <label className={`field${key === 'facilityAddress' ? ' field--wide' : ''}`}>
      <span className="field__label">{label}</span>
      <input className="field__input" data-setting={key} value={form[key]} onChange={(e) => set(key, e.target.value)} />
      {note && <span className="field__note">{note}</span>}
    </label>
  );
  const number = (key: 'followUpHours' | 'staleAfterDays', label: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="field__input" type="number" min={1} data-setting={key} value={form[key]} onChange={(e) => set(key, Number(e.target.value))} />
    </label>
  );
  const prefix = (key: 'counterPrefix' | 'emergencyPrefix', label: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="field__input field__input--mono" maxLength={3} data-setting={key} value={form[key]} onChange={(e) => set(key, e.target.value.toUpperCase())} />
      <span className="field__note">{t('settings.example', { value: queueLabel(form[key] || '?', 7) })}</span>
    </label>
  );

  return (
    <AdminForm testId="settings-screen" onSave={() => void save()}>
      <section className="admin__section">
        <h2 className="admin__title">{t('settings.facility')}</h2>
        <div className="admin__grid">
          {text('facilityName', t('settings.facilityName'))}
          {text('facilityCode', t('settings.facilityCode'))}
          <label className="field">
            <span className="field__label">{t('settings.timeZone')}</span>
            <select className="field__input" data-setting="timeZone" value={form.timeZone} onChange={(e) => set('timeZone', e.target.value as CounterSettings['timeZone'])}>
              {TIME_ZONES.map((z) => (
                <option key={z} value={z}>
                  {t(`settings.timeZones.${TZ_LABEL[z]}`)}
                </option>
              ))}
            </select>
          </label>
          {text('facilityAddress', t('settings.facilityAddress'))}
        </div>
      </section>

      <section className="admin__section">
        <h2 className="admin__title">{t('settings.units')}</h2>
        <div className="settings-units" data-testid="settings-units">
          <div className="settings-units__row field__label">
            <span>{t('settings.unitCode')}</span>
            <span>{t('settings.unitName')}</span>
            <span />
          </div>
          {form.units.map((u, i) => (
            <div key={i} className="settings-units__row">
              <input
                className="field__input field__input--mono"
                aria-label={t('settings.unitCode')}
                value={u.code}
                onChange={(e) => set('units', form.units.map((x, j) => (j === i ? { ...x, code: e.target.value.toUpperCase() } : x)))}
              />
              <input
                className="field__input"
                aria-label={t('settings.unitName')}
                value={u.name}
                onChange={(e) => set('units', form.units.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
              />
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={t('settings.removeUnitName', { name: u.name || u.code })}
                disabled={form.units.length <= 1 || u.code === form.emergencyUnit}
                onClick={() => set('units', form.units.filter((_, j) => j !== i))}
              >
                {t('settings.removeUnit')}
              </button>
            </div>
          ))}
        </div>
        <div className="admin__row">
          <button type="button" className="button" onClick={() => set('units', [...form.units, { code: '', name: '' }])}>
            {t('settings.addUnit')}
          </button>
          <label className="field">
            <span className="field__label">{t('settings.emergencyUnit')}</span>
            <select className="field__input" data-setting="emergencyUnit" value={form.emergencyUnit} onChange={(e) => set('emergencyUnit', e.target.value)}>
              {form.units
                .filter((u) => u.code)
                .map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name || u.code}
                  </option>
                ))}
            </select>
          </label>
        </div>
      </section>

      <section className="admin__section">
        <h2 className="admin__title">{t('settings.numbers')}</h2>
        <div className="admin__grid">
          {prefix('counterPrefix', t('settings.counterPrefix'))}
          {prefix('emergencyPrefix', t('settings.emergencyPrefix'))}
          <label className="field">
            <span className="field__label">{t('settings.mrnFormat')}</span>
            <input className="field__input field__input--mono" data-setting="mrnFormat" value={form.mrnFormat} onChange={(e) => set('mrnFormat', e.target.value)} />
            <span className="field__note">
              {t('settings.example', { value: '' })}
              <span className="settings-preview" data-testid="mrn-preview">
                {formatMrn(form.mrnFormat, 42, todayIso(), form.facilityCode)}
              </span>
            </span>
            <span className="field__note">{t('settings.mrnHelp')}</span>
          </label>
        </div>
      </section>

      <section className="admin__section">
        <h2 className="admin__title">
          {t('settings.deadlines')} · {t('settings.printing')}
        </h2>
        <div className="admin__grid">
          {number('followUpHours', t('settings.followUpHours'))}
          {number('staleAfterDays', t('settings.staleAfterDays'))}
          <label className="field">
            <span className="field__label">{t('settings.paper')}</span>
            <select className="field__input" data-setting="paper" value={form.paper} onChange={(e) => set('paper', e.target.value as CounterSettings['paper'])}>
              {PAPERS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          {text('printerName', t('settings.printerName'), t('settings.printerNote'))}
        </div>
      </section>

      <div className="admin__row">
        <button type="submit" className="button button--primary button--big" data-testid="settings-save" aria-busy={busy}>
          {t('settings.save')} <kbd>Ctrl+S</kbd>
        </button>
        {saved && (
          <Notice tone="ok" testId="settings-status">
            {t('settings.saved')}
          </Notice>
        )}
        <span className="admin__note admin__push">{t('settings.keys')}</span>
      </div>
      {error && <ErrorAlert title={t('settings.saveFailed')} error={error} />}
    </AdminForm>
  );
}
