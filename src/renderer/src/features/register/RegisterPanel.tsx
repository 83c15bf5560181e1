import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { PAYERS, PAYER_KEYS as PAYER_KEY_LABEL, type Identity, type Patient, type Payer, type RegisteredVisit } from '../../../../shared/counter';
import type { CounterSettings } from '../../../../shared/settings';
import { loket } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import { NewPatientForm } from './NewPatientForm';
import { identityOfMember, type Subject } from './subject';

type Step =
  | { step: 'checking' }
  | { step: 'form'; draft: Identity }
  | { step: 'duplicates'; identity: Identity; candidates: Patient[] }
  | { step: 'unit'; patient: Patient; isNew: boolean };

interface Props {
  subject: Subject;
  settings: CounterSettings | null;
  /** The patient record once known: an emergency (F9) goes to this patient. */
  onPatient: (patient: Patient | null) => void;
  onRegistered: (visit: RegisteredVisit, patient: Patient) => void;
  onCancel: () => void;
}

const PAYER_CHOICES: readonly Payer[] = PAYERS;
const PAYER_KEYS: Record<string, Payer | undefined> = Object.fromEntries(PAYERS.map((p) => [PAYER_KEY_LABEL[p].toLowerCase(), p]));

/**
 * Registration after a look-up: find the patient's record (NIK, card), else warn about likely
 * duplicates, else create it; then the unit and "Daftar". The verdict never blocks anything.
 */
export function RegisterPanel({ subject, settings, onPatient, onRegistered, onCancel }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [step, setStep] = useState<Step>({ step: 'checking' });
  const [error, setError] = useState<ContractError | null>(null);
  const [unit, setUnit] = useState<string | null>(null);
  const [payer, setPayer] = useState<Payer | null>(null);
  const [busy, setBusy] = useState(false);
  const [duplicate, setDuplicate] = useState<ContractError | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  const units = (settings?.units ?? []).filter((u) => u.code !== settings?.emergencyUnit).slice(0, 9);
  const verdict = subject.verdict;
  const derived: Payer = verdict === 'eligible' ? 'jkn' : 'pending';
  const chosenPayer = payer ?? derived;
  const chosenUnit = unit ?? units[0]?.code ?? null;

  const toUnit = useCallback(
    (patient: Patient, isNew: boolean) => {
      onPatient(patient);
      setStep({ step: 'unit', patient, isNew });
    },
    [onPatient],
  );

  /** Existing record by NIK or card; else likely duplicates; else a new record. */
  const resolve = useCallback(
    async (identity: Identity, skipDuplicates = false): Promise<void> => {
      setError(null);
      setBusy(true);
      try {
        const by = identity.nik ? { nik: identity.nik } : identity.card ? { card: identity.card } : null;
        if (by) {
          const found = await loket.findPatient(by);
          if (!found.ok) return setError(found.error);
          if (found.value) return toUnit(found.value, false);
        }
        if (!skipDuplicates) {
          const dups = await loket.likelyDuplicates({ name: identity.name, dob: identity.dob ?? null });
          if (!dups.ok) return setError(dups.error);
          if (dups.value.length > 0) return setStep({ step: 'duplicates', identity, candidates: dups.value });
        }
        const created = await loket.createPatient(identity);
        if (!created.ok) return setError(created.error);
        toUnit(created.value, true);
      } finally {
        setBusy(false);
      }
    },
    [toUnit],
  );

  // The first step runs once per subject (the panel is re-mounted for another patient).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      if (subject.kind === 'member') return resolve(identityOfMember(subject.member));
      const by = subject.nik ? { nik: subject.nik } : subject.card ? { card: subject.card } : null;
      if (by) {
        const found = await loket.findPatient(by);
        if (found.ok && found.value) return toUnit(found.value, false);
      }
      setStep({ step: 'form', draft: { name: subject.name, nik: subject.nik, card: subject.card, dob: null, sex: null, address: null } });
    })();
  }, [subject, resolve, toUnit]);

  useEffect(() => () => onPatient(null), [onPatient]);

  useEffect(() => {
    if (step.step === 'unit') {
      submitRef.current?.focus();
    } else if (step.step === 'duplicates') {
      panelRef.current?.querySelector<HTMLButtonElement>('button[data-use]')?.focus();
    }
  }, [step.step]);

  const register = useCallback(
    async (confirmDuplicate: boolean) => {
      if (step.step !== 'unit' || !chosenUnit || busy) return;
      setBusy(true);
      setError(null);
      const result = await loket.registerVisit({
        patientId: step.patient.id,
        unit: chosenUnit,
        verdict,
        ...(verdict && subject.source ? { verdictSource: subject.source } : {}),
        ...(payer ? { payer } : {}),
        ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
      });
      setBusy(false);
      if (result.ok) return onRegistered(result.value, step.patient);
      if (result.error.code === 'visit/duplicate') return setDuplicate(result.error);
      setError(result.error);
    },
    [step, chosenUnit, busy, verdict, subject.source, payer, onRegistered],
  );

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (step.step !== 'unit' || duplicate) return;
    if (/^[1-9]$/.test(event.key) && !event.altKey && !event.ctrlKey) {
      const u = units[Number(event.key) - 1];
      if (u) {
        event.preventDefault();
        setUnit(u.code);
      }
    } else if (PAYER_KEYS[event.key.toLowerCase()] && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const p = PAYER_KEYS[event.key.toLowerCase()] as Payer;
      setPayer(p === derived ? null : p);
    } else if (event.key === 'Enter' && !(event.target as HTMLElement).hasAttribute('data-cancel')) {
      event.preventDefault();
      void register(false);
    }
  }

  return (
    <section className="register" ref={panelRef} data-testid="register-panel" data-step={step.step} onKeyDown={onKeyDown} aria-busy={busy}>
      {step.step === 'checking' && <p className="register__checking">{t('register.checking')}</p>}

      {step.step === 'form' && (
        <NewPatientForm
          draft={step.draft}
          busy={busy}
          onSubmit={(identity) => void resolve(identity)}
          onCancel={onCancel}
        />
      )}

      {step.step === 'duplicates' && (
        <div className="register__dups" data-testid="duplicates">
          <h2 className="register__title">{t('register.duplicatesTitle')}</h2>
          <p className="register__detail">{t('register.duplicatesDetail')}</p>
          <ul className="dup-list">
            {step.candidates.map((p) => (
              <li key={p.id} className="dup-list__item">
                <span className="dup-list__name">{p.name}</span>
                <span className="dup-list__meta">
                  {t('register.mrn')} {p.mrn}
                  {p.nik ? ` · NIK ${p.nik}` : ''}
                  {p.dob ? ` · ${formatDate(p.dob, lang) ?? ''}` : ''}
                  {p.address ? ` · ${p.address}` : ''}
                </span>
                <button type="button" className="button" data-use aria-label={t('register.useThisName', { name: p.name })} onClick={() => toUnit(p, false)}>
                  {t('register.useThis')}
                </button>
              </li>
            ))}
          </ul>
          <div className="register__actions">
            <button type="button" className="button" onClick={() => void resolve(step.identity, true)} disabled={busy}>
              {t('register.createAnyway')}
            </button>
            <button type="button" className="button button--quiet" data-cancel onClick={onCancel}>
              {t('register.cancel')} <kbd>Esc</kbd>
            </button>
          </div>
        </div>
      )}

      {step.step === 'unit' && (
        <div className="register__unit">
          <p className="register__patient" data-testid="register-patient">
            <span className="register__patient-label">{t('register.patient')}</span>
            <strong>{step.patient.name}</strong>
            <span className="register__mrn">
              {t('register.mrn')} {step.patient.mrn}
              {step.isNew ? ` (${t('register.newRecord')})` : ''}
            </span>
          </p>
          <fieldset className="choice">
            <legend className="choice__legend">{t('register.unitTitle')}</legend>
            <div className="choice__options">
              {units.map((u, i) => (
                <button
                  key={u.code}
                  type="button"
                  className="choice__option choice__option--unit"
                  data-unit={u.code}
                  aria-pressed={chosenUnit === u.code}
                  onClick={() => setUnit(u.code)}
                >
                  <kbd>{i + 1}</kbd> {u.name}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset className="choice choice--payer">
            <legend className="choice__legend">{t('register.payerTitle')}</legend>
            <div className="choice__options">
              {PAYER_CHOICES.map((p) => (
                <button
                  key={p}
                  type="button"
                  className="choice__option"
                  data-payer={p}
                  aria-pressed={chosenPayer === p}
                  onClick={() => setPayer(p === derived ? null : p)}
                >
                  <span>
                    <kbd>{PAYER_KEY_LABEL[p]}</kbd> {t(`register.payer.${p}`)}
                  </span>
                  {p === derived && <span className="choice__note">{t('register.payerDerived')}</span>}
                </button>
              ))}
            </div>
          </fieldset>
          <div className="register__actions">
            <button
              ref={submitRef}
              type="button"
              className="button button--primary button--big"
              data-testid="register-submit"
              aria-busy={busy}
              onClick={() => void register(false)}
            >
              {t('register.submit')} <kbd>Enter</kbd>
            </button>
            <button type="button" className="button button--quiet" data-cancel onClick={onCancel}>
              {t('register.cancel')} <kbd>Esc</kbd>
            </button>
            <span className="register__keys">
              {t('register.keys')} · {t('register.emergencyHint')}
            </span>
          </div>
        </div>
      )}

      {error && <ErrorAlert title={t('register.failed')} error={error} />}

      {duplicate && (
        <ConfirmDialog
          title={t('register.dupTitle')}
          message={duplicate.message}
          confirmLabel={t('register.dupConfirm')}
          cancelLabel={t('register.dupCancel')}
          keysHint={t('register.dupKeys')}
          onConfirm={() => {
            setDuplicate(null);
            void register(true);
          }}
          onCancel={() => {
            setDuplicate(null);
            submitRef.current?.focus();
          }}
        />
      )}
    </section>
  );
}
