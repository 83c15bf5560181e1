import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { firstMrnSeq, formatMrn, queueLabel, TIME_ZONES, visitPrefix, type CounterSettings, type MrnNumbering, type RunningDay } from '../../../../shared/settings';
import { PAPERS } from '../../../../shared/slip';
import { loket } from '../../api';
import { AdminForm } from '../../components/AdminForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/PathPrompt';
import { todayIso } from '../../format';
import { SETTINGS_CHANGED } from '../../hooks/use-settings';
import { useLang } from '../../i18n';
import { savedMeanwhile } from './settings-draft';
import { useSettingsDraft } from './use-settings-draft';
import { checkSettings, messagesOfError, type FieldMessages, type Translate } from './settings-form';
import { UnitsEditor, type LockedUnit } from './UnitsEditor';
import { useWaitingByUnit } from './use-waiting-by-unit';
import './settings.css';

const TZ_LABEL = { 'Asia/Jakarta': 'jakarta', 'Asia/Makassar': 'makassar', 'Asia/Jayapura': 'jayapura' } as const;
const NO_ISSUES: FieldMessages = { byField: {}, list: [] };

/**
 * Facility, time zone, units with their prefixes, number prefixes and formats, deadlines, paper
 * and printer. Checked with the core's own schema before saving: each wrong field says what is
 * wrong under its own label, in the UI language. What is typed is a draft kept outside the screen
 * (settings-draft.ts): leaving Settings and coming back finds it as it was, marked unsaved, until
 * it is saved (Ctrl+S) or thrown away ("Buang perubahan").
 */
export function CounterSettingsForm() {
  const { t } = useTranslation();
  const lang = useLang();
  // The labels are looked up by computed keys ("settings.followUpHours"): the typed t checks literals only.
  const tr = useCallback<Translate>((key, options) => String(t(key as 'settings.title', options)), [t]);
  /** The settings as saved (loaded when the screen opens); the form shows the draft over them. */
  const [stored, setStored] = useState<CounterSettings | null>(null);
  const { store: drafts, draft, dirty } = useSettingsDraft();
  const form = draft?.form ?? stored;
  const [error, setError] = useState<ContractError | null>(null);
  const [issues, setIssues] = useState<FieldMessages>(NO_ISSUES);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The units as saved: one with patients still waiting today keeps its code and its row. */
  const savedUnits = useMemo(() => stored?.units ?? [], [stored]);
  const { waiting, reload: reloadWaiting } = useWaitingByUnit();
  const locked = useMemo<LockedUnit[]>(
    () => savedUnits.flatMap((u) => ((waiting.get(u.code) ?? 0) > 0 ? [{ code: u.code, name: u.name, count: waiting.get(u.code)! }] : [])),
    [savedUnits, waiting],
  );

  /** Where new RMs stand (the hint under "Nomor urut RM pertama"), and whether the hub sets the start. */
  const [numbering, setNumbering] = useState<MrnNumbering | null>(null);
  /** After a change of zone with visits today: the old zone that finishes the day (said under the zone). */
  const [runningDay, setRunningDay] = useState<RunningDay | null>(null);
  const readRunningDay = useCallback(() => {
    void loket.getSettings({}).then((result) => setRunningDay(result.ok ? (result.value.runningDay ?? null) : null));
  }, []);

  useEffect(() => {
    void loket.getSettings({}).then((result) => {
      if (result.ok) setStored(result.value);
      if (result.ok) setNumbering(result.value.mrnNumbering ?? null);
      if (result.ok) setRunningDay(result.value.runningDay ?? null);
      else setError(result.error);
    });
  }, []);

  const set = <K extends keyof CounterSettings>(key: K, value: CounterSettings[K]): void => {
    setSaved(false);
    if (form && stored) drafts.set(stored, { ...form, [key]: value });
  };

  /** "Buang perubahan": back to the settings as saved. */
  const discard = (): void => {
    drafts.clear();
    setIssues(NO_ISSUES);
    setError(null);
  };

  const save = useCallback(async () => {
    if (!form || busy) return;
    setError(null);
    setSaved(false);
    const local = checkSettings(form, lang, tr);
    setIssues(local ?? NO_ISSUES);
    if (local) return setError({ code: 'invalid-input' }); // shown as the lines of `issues`, under settings.checkFields
    setBusy(true);
    const result = await loket.saveSettings(form);
    setBusy(false);
    reloadWaiting();
    if (!result.ok) {
      setIssues(messagesOfError(result.error, lang, tr) ?? NO_ISSUES);
      return setError(result.error);
    }
    setStored(result.value);
    drafts.clear();
    setSaved(true);
    readRunningDay();
    window.dispatchEvent(new Event(SETTINGS_CHANGED));
  }, [form, busy, lang, tr, drafts, reloadWaiting, readRunningDay]);

  if (!form) return error ? <ErrorAlert title={t('settings.saveFailed')} error={error} /> : <p className="admin__empty">{t('settings.loading')}</p>;

  const fieldError = (key: string) => issues.byField[key] && <span className="field__error" data-field-error={key}>{issues.byField[key]}</span>;
  const text = (key: 'facilityName' | 'facilityCode' | 'facilityAddress' | 'printerName', label: string, note?: string) => (
    <label className={`field${key === 'facilityAddress' ? ' field--wide' : ''}`}>
      <span className="field__label">{label}</span>
      <input className="field__input" data-setting={key} value={form[key]} aria-invalid={!!issues.byField[key]} onChange={(e) => set(key, e.target.value)} />
      {fieldError(key)}
      {note && <span className="field__note">{note}</span>}
    </label>
  );
  const number = (key: 'followUpHours' | 'staleAfterDays', label: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="field__input" type="number" inputMode="numeric" data-setting={key} value={form[key]} aria-invalid={!!issues.byField[key]} onChange={(e) => set(key, Number(e.target.value))} />
      {fieldError(key)}
    </label>
  );
  const firstUnit = form.units[0]?.prefix || 'U';
  const prefix = (key: 'counterPrefix' | 'emergencyPrefix', label: string, note?: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="field__input field__input--mono" maxLength={3} data-setting={key} value={form[key]} aria-invalid={!!issues.byField[key]} onChange={(e) => set(key, e.target.value.toUpperCase())} />
      {fieldError(key)}
      <span className="field__note" data-testid={`${key}-example`}>
        {t('settings.example', { value: queueLabel(visitPrefix(form.counterPrefix, key === 'counterPrefix' ? firstUnit : form.emergencyPrefix || '?'), 7) })}
      </span>
      {note && <span className="field__note">{note}</span>}
    </label>
  );

  return (
    <AdminForm testId="settings-screen" onSave={() => void save()}>
      {dirty && (
        <div className="notice notice--warn settings-draft" role="status" data-testid="settings-unsaved-notice">
          <span>{t('settings.unsaved')}</span>
          {savedMeanwhile(draft, stored) && <span>{t('settings.unsavedStale')}</span>}
          <button type="button" className="button button--small" data-testid="settings-discard" onClick={discard}>
            {t('settings.discard')}
          </button>
        </div>
      )}
      <section className="admin__section">
        <h2 className="admin__title">{t('settings.facility')}</h2>
        <div className="admin__grid">
          {text('facilityName', t('settings.facilityName'))}
          {text('facilityCode', t('settings.facilityCode'))}
          <label className="field">
            <span className="field__label">{t('settings.timeZone')}</span>
            {/* Enrolled: one zone for the whole facility, the hub's (core settings/hub-zone.ts). */}
            <select
              className="field__input"
              data-setting="timeZone"
              value={form.timeZone}
              disabled={numbering?.hub === true}
              onChange={(e) => set('timeZone', e.target.value as CounterSettings['timeZone'])}
            >
              {TIME_ZONES.map((z) => (
                <option key={z} value={z}>
                  {t(`settings.timeZones.${TZ_LABEL[z]}`)}
                </option>
              ))}
            </select>
            {numbering?.hub && (
              <span className="field__note" data-testid="time-zone-hub">
                {t('settings.mrnStartHub')}
              </span>
            )}
            {runningDay && runningDay.zone in TZ_LABEL && (
              <span className="field__note" data-testid="time-zone-running-day">
                {t('settings.zoneDayRuns', { zone: t(`settings.timeZones.${TZ_LABEL[runningDay.zone as keyof typeof TZ_LABEL]}`) })}
              </span>
            )}
          </label>
          {text('facilityAddress', t('settings.facilityAddress'))}
        </div>
      </section>

      <section className="admin__section">
        <h2 className="admin__title">{t('settings.units')}</h2>
        <UnitsEditor form={form} errors={issues.byField} locked={locked} onUnits={(units) => set('units', units)} onEmergencyUnit={(code) => set('emergencyUnit', code)} />
      </section>

      <section className="admin__section">
        <h2 className="admin__title">{t('settings.numbers')}</h2>
        <div className="admin__grid">
          {prefix('counterPrefix', t('settings.counterPrefix'), t('settings.counterPrefixNote'))}
          {prefix('emergencyPrefix', t('settings.emergencyPrefix'))}
          <label className="field">
            <span className="field__label">{t('settings.mrnFormat')}</span>
            <input className="field__input field__input--mono" data-setting="mrnFormat" value={form.mrnFormat} aria-invalid={!!issues.byField.mrnFormat} onChange={(e) => set('mrnFormat', e.target.value)} />
            {fieldError('mrnFormat')}
            <span className="field__note">
              {t('settings.example', { value: '' })}
              <span className="settings-preview" data-testid="mrn-preview">
                {formatMrn(form.mrnFormat, 42, todayIso(), form.facilityCode)}
              </span>
            </span>
            <span className="field__note">{t('settings.mrnHelp')}</span>
          </label>
          <label className="field">
            <span className="field__label">{t('settings.mrnStart')}</span>
            <input
              className="field__input field__input--mono"
              type="number"
              inputMode="numeric"
              min={1}
              data-setting="mrnStart"
              value={form.mrnStart}
              readOnly={numbering?.hub === true}
              aria-invalid={!!issues.byField.mrnStart}
              onChange={(e) => set('mrnStart', Number(e.target.value))}
            />
            {fieldError('mrnStart')}
            <span className="field__note">
              {t('settings.mrnFirst', { value: '' })}
              <span className="settings-preview" data-testid="mrn-start-preview">
                {formatMrn(form.mrnFormat, firstMrnSeq(form.mrnStart, numbering), todayIso(), form.facilityCode)}
              </span>
            </span>
            {numbering?.hub ? (
              <span className="field__note" data-testid="mrn-start-hub">
                {t('settings.mrnStartHub')}
              </span>
            ) : (
              <span className="field__note">{t('settings.mrnStartNote')}</span>
            )}
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
            <span className="field__label">{t('settings.autoLockMinutes')}</span>
            <input className="field__input" type="number" inputMode="numeric" min={0} data-setting="autoLockMinutes" value={form.autoLockMinutes} aria-invalid={!!issues.byField.autoLockMinutes} onChange={(e) => set('autoLockMinutes', Number(e.target.value))} />
            {fieldError('autoLockMinutes')}
            <span className="field__note">{t('autoLock.note')}</span>
          </label>
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
      {error && <ErrorAlert title={t('settings.saveFailed')} error={error} lines={issues.list} lead={t('settings.checkFields')} />}
    </AdminForm>
  );
}
