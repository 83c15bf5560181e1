import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient, RegisteredVisit } from '../../../../shared/counter';
import type { CounterSettings } from '../../../../shared/settings';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FOCUSABLE, trapStep } from '../../components/focus-trap';
import { useErrorText } from '../../i18n/core-words';
import { keyedUnits } from '../../unit-keys';
import { DuplicatesStep } from './DuplicatesStep';
import { NewPatientForm } from './NewPatientForm';
import { withoutNik } from './new-patient-logic';
import { NamesakeStep } from './NamesakeStep';
import { NikClashStep } from './NikClashStep';
import { chosen, formTouched, panelCommand, type Who } from './register-flow';
import { identityOfMember, type Subject } from './subject';
import type { TypedForm } from './typed-person';
import { UnitStep } from './UnitStep';
import { reveal } from '../../components/reveal';
import { usePayerLetters } from './use-payer-letters';
import { useRegisterFlow } from './use-register-flow';

interface Props {
  subject: Subject;
  settings: CounterSettings | null;
  /** Whom the registration is about (the unit step's record or new patient, the person typed in the form): an emergency (F9) goes to them. */
  onWho: (who: Who | null) => void;
  onRegistered: (visit: RegisteredVisit, patient: Patient) => void;
  onCancel: () => void;
  /** Said above every step (a pick born on another day than the one searched: both dates). */
  notice?: ReactNode;
}

/**
 * Registration after a look-up (the steps are register-flow.ts): the patient's record, the unit,
 * the payer and "Daftar". The verdict never blocks anything.
 */
export function RegisterPanel({ subject, settings, onWho, onRegistered, onCancel, notice }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // Every unit but the IGD (an emergency goes by F9), each with its number key as on the queue's tabs.
  const units = useMemo(() => keyedUnits(settings?.units ?? []).filter((u) => u.code !== settings?.emergencyUnit), [settings]);
  const { state, dispatch, resolve, takePatient, takeDuplicate, answerNamesake, register } = useRegisterFlow(subject, units, onWho, onRegistered);
  const panelRef = useRef<HTMLElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const leaveRef = useRef<HTMLParagraphElement>(null);
  const { step } = state;
  const { unit, payer, derived, checked } = chosen(state, subject, units);
  const onTyped = useCallback((typed: TypedForm) => dispatch({ type: 'typed', typed }), [dispatch]);
  const letters = usePayerLetters();

  // Before the browser handles another event (a layout effect, not an effect): a unit key pressed
  // as soon as the step shows (after a NIK check, the step comes asynchronously) must land in the
  // panel, not on whatever had the focus while React had not yet run its effects.
  useLayoutEffect(() => {
    if (step.step === 'unit') {
      // The whole step in view, its patient's name first, rather than only the button focused.
      submitRef.current?.focus({ preventScroll: true });
      reveal(panelRef.current);
    } else if (step.step === 'duplicates') panelRef.current?.querySelector<HTMLButtonElement>('button[data-use]')?.focus();
  }, [step.step]);
  // The Esc question under the form: in view, above the status bar (at 1024x768 it falls below the fold).
  const leaveAsked = step.step === 'form' && step.leaveAsked === true;
  useEffect(() => {
    if (leaveAsked) leaveRef.current?.scrollIntoView({ block: 'nearest' });
  }, [leaveAsked]);
  // The note on typing that changed nothing (it names the patient) pushes Daftar down: both stay
  // above the status bar (at 1024x768 Daftar went half under it).
  useEffect(() => {
    if (letters.typed) reveal(submitRef.current?.closest('.register__actions') ?? null);
  }, [letters.typed]);
  // The question closed at midnight: Daftar (Enter) registers the patient for the new day.
  useEffect(() => {
    if (state.dayTurned) submitRef.current?.focus();
  }, [state.dayTurned]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    const target = event.target as HTMLElement;
    // In the unit step Tab goes round its own buttons (units, payers, Daftar, Batal), never out
    // into the header, where Enter on "Kunci" would lock the screen in the middle of a registration.
    if (event.key === 'Tab' && step.step === 'unit' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const items = [...(panelRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const next = trapStep(items.length, items.indexOf(target), event.shiftKey);
      if (next !== null) {
        event.preventDefault();
        items[next]!.focus();
      }
      return;
    }
    // F2 on a new-patient form with typed data keeps it (F2 would open an empty one in its place).
    if (event.key === 'F2' && formTouched(step)) {
      event.preventDefault();
      return;
    }
    const command = panelCommand(
      state,
      { key: event.key, alt: event.altKey, ctrl: event.ctrlKey, meta: event.metaKey, onCancelButton: target.hasAttribute('data-cancel') },
      units,
    );
    // Letters, number keys and the space in the unit step: a payer letter only when pressed alone, a
    // unit's number unless it continues something typed, never a name or number typed there by
    // mistake (use-payer-letters.ts); the space never registers.
    if (step.step === 'unit' && !state.duplicate) {
      const before = payer;
      const unitBefore = state.unit;
      const change =
        command?.type === 'payer'
          ? { apply: () => dispatch({ type: 'payer', payer: command.payer, derived }), undo: () => dispatch({ type: 'payer', payer: before, derived }) }
          : command?.type === 'unit'
            ? { apply: () => dispatch({ type: 'unit', code: command.code }), undo: () => dispatch({ type: 'unit', code: unitBefore }) }
            : null;
      if (letters.press(event, target === submitRef.current, change)) return;
    }
    if (!command) return;
    event.preventDefault();
    // Enter right after a name or number typed here by mistake registers nobody: the step asks
    // for Enter again (use-payer-letters.ts). A click on Daftar is deliberate and never held.
    if (command.type === 'submit' && !letters.enter(event.timeStamp)) return;
    if (command.type === 'cancel' || command.type === 'ask-leave') {
      event.stopPropagation();
      if (command.type === 'cancel') onCancel();
      else dispatch({ type: 'leave-asked' });
    } else if (command.type === 'unit') dispatch({ type: 'unit', code: command.code });
    else if (command.type === 'payer') dispatch({ type: 'payer', payer: command.payer, derived });
    else void register(false);
  }

  return (
    <section className="register" ref={panelRef} data-testid="register-panel" data-step={step.step} onKeyDown={onKeyDown} aria-busy={state.busy}>
      {notice}
      {step.step === 'checking' && <p className="register__checking">{t('register.checking')}</p>}
      {step.step === 'form' && (
        <NewPatientForm
          draft={step.draft}
          {...(step.focus ? { focus: step.focus } : {})}
          busy={state.busy}
          onSubmit={(identity) => void resolve(identity)}
          onCancel={onCancel}
          onTyped={onTyped}
        />
      )}
      {leaveAsked && (
        <p ref={leaveRef} className="notice notice--warn new-patient__leave" role="alert" data-testid="form-leave">
          {t('register.formLeave')}
        </p>
      )}
      {step.step === 'nik-clash' && (
        <NikClashStep
          identity={step.identity}
          holder={step.patient}
          busy={state.busy}
          onBack={() => dispatch({ type: 'form', draft: step.identity, focus: 'nik' })}
          onUse={() => takePatient(step.patient)}
          // Someone without an own NIK (a baby on the mother's): the typed data, without the NIK.
          onWithoutNik={() => void resolve(withoutNik(step.identity))}
          onCancel={onCancel}
        />
      )}
      {step.step === 'list-clash' && (
        <NikClashStep
          identity={step.identity}
          holder={{ name: step.member.name, list: step.member.list.name }}
          busy={state.busy}
          onBack={() => dispatch({ type: 'form', draft: step.identity, focus: 'nik' })}
          // The card's owner is the one to register (the list's data, as a scan of it gives).
          onUse={() => void resolve(identityOfMember(step.member))}
          // The typed person, without the NIK (nor the birth date and sex the form took from it).
          onWithoutNik={() => void resolve(withoutNik(step.identity))}
          onCancel={onCancel}
        />
      )}
      {step.step === 'list-namesake' && (
        <NamesakeStep
          identity={step.identity}
          member={step.member}
          busy={state.busy}
          onSame={() => answerNamesake(step.identity, step.member)}
          onNotSame={() => answerNamesake(step.identity, null)}
          onCancel={onCancel}
        />
      )}
      {step.step === 'duplicates' && (
        <DuplicatesStep
          candidates={step.candidates}
          identity={step.identity}
          busy={state.busy}
          onUse={(patient) => void takeDuplicate(patient, step.identity)}
          onCreateAnyway={() => void resolve(step.identity, true)}
          onCancel={onCancel}
        />
      )}
      {step.step === 'unit' && (
        <UnitStep
          who={step.who}
          units={units}
          unit={unit}
          payer={payer}
          derived={derived}
          checked={checked}
          check={state.check}
          busy={state.busy}
          submitRef={submitRef}
          typed={letters.typed}
          onUnit={(code) => dispatch({ type: 'unit', code })}
          onPayer={(p) => dispatch({ type: 'payer', payer: p, derived })}
          onSubmit={() => void register(false)}
          onCancel={onCancel}
        />
      )}
      {state.error && <ErrorAlert title={t('register.failed')} error={state.error} />}
      {state.dayTurned && (
        <p className="notice notice--info" role="status" data-testid="register-day-turned">
          {t('register.dupDayTurned')}
        </p>
      )}
      {state.duplicate && (
        <ConfirmDialog
          title={t('register.dupTitle')}
          message={errorText(state.duplicate)}
          confirmLabel={t('register.dupConfirm')}
          cancelLabel={t('register.dupCancel')}
          keysHint={t('register.dupKeys')}
          initialFocus="cancel"
          onConfirm={() => {
            dispatch({ type: 'duplicate-closed' });
            void register(true);
          }}
          onCancel={() => {
            dispatch({ type: 'duplicate-closed' });
            submitRef.current?.focus();
          }}
        />
      )}
    </section>
  );
}
