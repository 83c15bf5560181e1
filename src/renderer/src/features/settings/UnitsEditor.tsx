import { useTranslation } from 'react-i18next';
import type { CounterSettings, ServiceUnit } from '../../../../shared/settings';
import { changeUnitCode, emptyUnit } from './settings-form';

/** A saved unit with patients still waiting or called today. */
export interface LockedUnit {
  code: string;
  name: string;
  count: number;
}

/**
 * One row per unit: code, name and its own queue prefix; the emergency unit cannot be removed,
 * nor a unit whose patients still wait today: its code is locked and the screen says why (the
 * core refuses the save too: unit-changes.ts). Its name and prefix can still be changed.
 */
export function UnitsEditor({
  form,
  errors,
  locked,
  onUnits,
  onEmergencyUnit,
}: {
  form: CounterSettings;
  errors: Record<string, string>;
  locked: readonly LockedUnit[];
  onUnits: (units: ServiceUnit[]) => void;
  onEmergencyUnit: (code: string) => void;
}) {
  const { t } = useTranslation();
  const isLocked = (code: string): boolean => locked.some((l) => l.code === code);
  const edit = (i: number, change: Partial<ServiceUnit>): void => onUnits(form.units.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const cellError = (i: number, field: keyof ServiceUnit) => {
    const text = errors[`units.${i}.${field}`];
    return text ? { 'aria-invalid': true, title: text } : {};
  };
  const rowErrors = form.units.flatMap((_, i) => (['code', 'name', 'prefix'] as const).map((f) => errors[`units.${i}.${f}`]).filter((x): x is string => !!x));
  return (
    <>
      <div className="settings-units" data-testid="settings-units">
        <div className="settings-units__row settings-units__row--prefixed field__label">
          <span>{t('settings.unitCode')}</span>
          <span>{t('settings.unitName')}</span>
          <span>{t('settings.unitPrefix')}</span>
          <span />
        </div>
        {form.units.map((u, i) => (
          <div key={i} className="settings-units__row settings-units__row--prefixed">
            <input
              className="field__input field__input--mono"
              aria-label={t('settings.unitField', { field: t('settings.unitCode'), n: i + 1 })}
              data-unit-code={i}
              value={u.code}
              readOnly={isLocked(u.code)}
              title={isLocked(u.code) ? t('settings.unitLocked') : undefined}
              {...cellError(i, 'code')}
              onChange={(e) => onUnits(changeUnitCode(form.units, i, e.target.value.toUpperCase(), form.emergencyPrefix))}
            />
            <input
              className="field__input"
              aria-label={t('settings.unitField', { field: t('settings.unitName'), n: i + 1 })}
              data-unit-name={i}
              value={u.name}
              {...cellError(i, 'name')}
              onChange={(e) => edit(i, { name: e.target.value })}
            />
            <input
              className="field__input field__input--mono"
              aria-label={t('settings.unitField', { field: t('settings.unitPrefix'), n: i + 1 })}
              data-unit-prefix={i}
              maxLength={3}
              value={u.prefix}
              {...cellError(i, 'prefix')}
              onChange={(e) => edit(i, { prefix: e.target.value.toUpperCase() })}
            />
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={t('settings.removeUnitName', { name: u.name || u.code })}
              disabled={form.units.length <= 1 || u.code === form.emergencyUnit || isLocked(u.code)}
              title={isLocked(u.code) ? t('settings.unitLocked') : undefined}
              onClick={() => onUnits(form.units.filter((_, j) => j !== i))}
            >
              {t('settings.removeUnit')}
            </button>
          </div>
        ))}
        {locked.map((l) => (
          <span key={l.code} className="field__note" data-testid="unit-has-patients">
            {t('settings.unitHasPatients', { name: l.name, code: l.code, count: l.count })}
          </span>
        ))}
        {rowErrors.map((text) => (
          <span key={text} className="field__error" data-testid="unit-error">
            {text}
          </span>
        ))}
        <span className="field__note">{t('settings.unitPrefixNote')}</span>
      </div>
      <div className="admin__row">
        <button type="button" className="button" onClick={() => onUnits([...form.units, emptyUnit()])}>
          {t('settings.addUnit')}
        </button>
        <label className="field">
          <span className="field__label">{t('settings.emergencyUnit')}</span>
          <select className="field__input" data-setting="emergencyUnit" value={form.emergencyUnit} aria-invalid={!!errors.emergencyUnit} onChange={(e) => onEmergencyUnit(e.target.value)}>
            {form.units
              .filter((u) => u.code)
              .map((u, i) => (
                <option key={`${u.code}-${i}`} value={u.code}>
                  {u.name || u.code}
                </option>
              ))}
          </select>
          {errors.emergencyUnit && <span className="field__error">{errors.emergencyUnit}</span>}
        </label>
      </div>
    </>
  );
}
