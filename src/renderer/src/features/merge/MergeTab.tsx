import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientMergePreview } from '../../../../shared/patient-merge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/PathPrompt';
import { dayMonthYear } from '../lookup/OwnPatients';
import { useMergeRecords } from './use-merge-records';
import './merge.css';

const ROWS = ['mrn', 'oldMrn', 'name', 'dob', 'sex', 'nik', 'card', 'address', 'visits', 'lastVisit'] as const;

/** Both records side by side, the one that stays on the left; what the survivor takes is marked. */
function SideBySide({ preview }: { preview: PatientMergePreview }) {
  const { t } = useTranslation();
  const shown = (side: 'survivor' | 'merged', row: (typeof ROWS)[number]): string => {
    const { patient, visits, lastVisit } = preview[side];
    if (row === 'visits') return String(visits);
    if (row === 'lastVisit') return lastVisit ? dayMonthYear(lastVisit) : '–';
    if (row === 'dob') return patient.dob ? dayMonthYear(patient.dob) : '–';
    if (row === 'sex') return patient.sex ? t(`merge.sex.${patient.sex}`) : '–';
    const value = patient[row];
    return value === null || value === '' ? '–' : String(value);
  };
  const cell = (side: 'survivor' | 'merged', row: (typeof ROWS)[number]): string => {
    // What the survivor lacked (NIK, card, birth date, sex, address): shown as it will be after the merge.
    if (side === 'survivor' && (preview.fills as readonly string[]).includes(row)) return t('merge.takes', { value: shown('merged', row) });
    // The paper-era number goes along the same way when the survivor has none (merge-patients.ts).
    if (side === 'survivor' && row === 'oldMrn' && preview.taken !== null) return t('merge.takes', { value: preview.taken });
    // Beside another old RM of the survivor's, the duplicate's keeps finding the survivor (its paper card still works).
    if (side === 'merged' && row === 'oldMrn' && preview.alias !== null) return t('merge.oldMrnAlias', { value: preview.alias, survivor: preview.survivor.patient.mrn });
    return shown(side, row);
  };
  return (
    <table className="data-table merge-sides" data-testid="merge-sides">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('merge.survivorColumn')}</th>
          <th scope="col">{t('merge.mergedColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row}>
            <th scope="row">{t(`merge.row.${row}`)}</th>
            <td data-testid={`merge-side-survivor-${row}`}>{cell('survivor', row)}</td>
            <td data-testid={`merge-side-merged-${row}`}>{cell('merged', row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Settings › Merge records (administrator): two records of one person (a misspelt name, a record
 * made without the NIK) become one. The two RMs are typed (Enter checks), both records come back
 * side by side in a confirmation whose focus is on Batal (a reflex Enter merges nothing), and
 * Gabungkan (→ then Enter) joins them. Flow: merge-flow.ts.
 */
export function MergeTab() {
  const { t } = useTranslation();
  const { state, check, confirm, cancel } = useMergeRecords();
  const [survivorMrn, setSurvivorMrn] = useState('');
  const [mergedMrn, setMergedMrn] = useState('');
  const first = useRef<HTMLInputElement>(null);
  // Back from the dialog (cancelled, failed or done): the first field, ready for the next pair. Not
  // when the tab opens: the arrows still move along the tab strip then.
  const editing = state.phase === 'editing';
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (editing && !wasEditing.current) first.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const done = state.phase === 'editing' ? state.done : null;
  useEffect(() => {
    if (!done) return;
    setSurvivorMrn('');
    setMergedMrn('');
  }, [done]);
  const preview = state.phase === 'confirming' || state.phase === 'merging' ? state.preview : null;

  return (
    <section className="admin__section merge" data-testid="merge-tab">
      <h2 className="admin__title">{t('merge.title')}</h2>
      <p className="admin__lead">{t('merge.lead')}</p>
      <form
        className="admin"
        onSubmit={(e) => {
          e.preventDefault();
          void check(survivorMrn, mergedMrn);
        }}
      >
        <div className="admin__grid">
          <label className="field">
            <span className="field__label">{t('merge.survivorMrn')}</span>
            <input ref={first} className="field__input field__input--mono" data-testid="merge-survivor-mrn" autoComplete="off" spellCheck={false} value={survivorMrn} onChange={(e) => setSurvivorMrn(e.target.value)} />
            <span className="field__note">{t('merge.survivorHint')}</span>
          </label>
          <label className="field">
            <span className="field__label">{t('merge.mergedMrn')}</span>
            <input className="field__input field__input--mono" data-testid="merge-merged-mrn" autoComplete="off" spellCheck={false} value={mergedMrn} onChange={(e) => setMergedMrn(e.target.value)} />
            <span className="field__note">{t('merge.mergedHint')}</span>
          </label>
        </div>
        <div className="admin__row">
          <button type="submit" className="button button--primary" data-testid="merge-check" disabled={!editing || survivorMrn.trim() === '' || mergedMrn.trim() === ''}>
            {t('merge.check')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
      {state.phase === 'editing' && state.error && <ErrorAlert title={t('merge.failed')} error={state.error} />}
      {done && (
        <Notice tone="ok" testId="merge-done">
          {t('merge.done', { merged: done.merged.mrn, survivor: done.survivor.mrn, count: done.visitsMoved })}
        </Notice>
      )}
      {preview && (
        <ConfirmDialog
          title={t('merge.confirmTitle')}
          message={t('merge.confirmMessage', { merged: preview.merged.patient.mrn, survivor: preview.survivor.patient.mrn })}
          confirmLabel={t('merge.confirm')}
          cancelLabel={t('merge.cancel')}
          keysHint={t('merge.keys')}
          initialFocus="cancel"
          onConfirm={() => void confirm()}
          onCancel={cancel}
        >
          <SideBySide preview={preview} />
        </ConfirmDialog>
      )}
    </section>
  );
}
