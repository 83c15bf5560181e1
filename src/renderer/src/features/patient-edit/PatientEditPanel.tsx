import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { Identity } from '../../../../shared/counter';
import type { Lang } from '../../../../shared/i18n/messages';
import { issueRule } from '../../../../shared/input-issues';
import type { PatientField } from '../../../../shared/patient-changes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang } from '../../i18n';
import { useErrorText } from '../../i18n/core-words';
import { NewPatientForm } from '../register/NewPatientForm';
import { draftOf, fieldOfError, type EditState } from './patient-edit-flow';
import './patient-edit.css';

interface Props {
  state: EditState;
  onSave: (identity: Identity) => void;
  onCancel: () => void;
  /** The clerk typed in the field a refusal is about (its message goes). */
  onEdited: () => void;
}

/** A refusal of one field in words, for under that field: the rule the field broke, or the core's sentence. */
function fieldErrorText(error: ContractError, field: PatientField, lang: Lang, errorText: (error: ContractError) => string): string {
  const issue = error.code === 'invalid-input' ? (error.issues ?? []).find((i) => i.path[0] === 'changes' && i.path[1] === field) : undefined;
  return issue ? issueRule(lang, issue) : errorText(error);
}

/**
 * "Ubah data pasien": the new-patient form, filled with the record as it is, under the record's
 * RM. Enter saves (only what changed), Esc cancels and nothing is changed. A refusal shows in
 * the field it concerns (a NIK another record holds, under the NIK), and the focus goes there.
 */
export function PatientEditPanel({ state, onSave, onCancel, onEdited }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const panelRef = useRef<HTMLElement>(null);
  const { patient } = state.target;
  const field = state.error ? fieldOfError(state.error) : null;

  // The whole form in view (its Save button too), wherever on the screen it opened, and again
  // after a refusal, with the focus in the field it concerns. Block bodies, not expressions:
  // Chromium's scrollIntoView may return a promise, which React would take for a cleanup.
  useEffect(() => {
    panelRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  // The refusal comes asynchronously: a layout effect puts the focus in its field before the
  // browser handles the next key (typed there, not in the field the clerk pressed Enter in).
  useLayoutEffect(() => {
    if (!state.error) return;
    if (field) panelRef.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
    panelRef.current?.scrollIntoView({ block: 'nearest' });
  }, [field, state.error]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key !== 'Escape') return;
    // Esc here closes the correction only: the look-up stays as it was.
    event.preventDefault();
    event.stopPropagation();
    if (!state.busy) onCancel();
  }

  return (
    <section
      className="register patient-edit"
      ref={panelRef}
      data-testid="patient-edit"
      data-mrn={patient.mrn}
      aria-busy={state.busy}
      onKeyDown={onKeyDown}
      onChange={(event) => {
        if (field && (event.target as HTMLInputElement).name === field) onEdited();
      }}
    >
      <NewPatientForm
        key={patient.id}
        draft={draftOf(patient)}
        busy={state.busy}
        withCard
        title={t('patientEdit.title', { mrn: patient.mrn })}
        detail={t('patientEdit.detail')}
        submitLabel={t('patientEdit.save')}
        testId="patient-edit-form"
        fieldErrors={state.error && field ? { [field]: fieldErrorText(state.error, field, lang, errorText) } : {}}
        onSubmit={onSave}
        onCancel={onCancel}
      />
      {state.error && !field && <ErrorAlert title={t('patientEdit.failed')} error={state.error} />}
    </section>
  );
}
