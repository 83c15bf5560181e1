import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient, RegisteredVisit } from '../../../../shared/counter';
import type { CounterSettings } from '../../../../shared/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ListsState } from '../../hooks/use-lists';
import type { EmergencyTarget } from '../emergency/emergency-flow';
import { RegisterBar } from '../register/RegisterBar';
import { RegisterPanel } from '../register/RegisterPanel';
import { EditNoticeLine, EditWhyNotLine } from '../patient-edit/EditPatientAction';
import { useListsHeaderSync } from './use-lists-header-sync';
import { LiveLine } from './LiveLine';
import { DobConfirm, DobDiffersLine, DobHoldNote } from './DobPick';
import { CorrectionAction, CorrectionPanel } from './LookupCorrection';
import { MatchTable } from './MatchTable';
import { ownRecordsOf } from './own-records';
import { OwnRecordChoice } from './OwnRecordChoice';
import { OwnPatientLine } from './OwnPatients';
import { RegisteredTicket } from './RegisteredTicket';
import { SearchBar } from './SearchBar';
import { useEmergencyTarget } from './use-emergency-target';
import { useLookupCorrection } from './use-lookup-correction';
import { useFollowLiveVerdict, useOnScreenRegistration } from './use-on-screen-registration';
import { useScreenKeys } from './use-screen-keys';
import { useSearchFlow, type ScanRequest } from './use-search-flow';
import { useTypeAhead } from './use-type-ahead';
import { isPickable } from './verdict';
import { VerdictBanner } from './VerdictBanner';
import './lookup.css';

export type { ScanRequest } from './use-search-flow';

interface Props {
  lists: ListsState;
  settings: CounterSettings | null;
  /** The patient on screen an emergency (F9) would go to, if any. */
  onTarget: (target: EmergencyTarget | null) => void;
  onRegistered: (visit: RegisteredVisit) => void;
  /** A dialog over the screen (the emergency) has the keys. */
  paused: boolean;
  /** A change of this number clears the screen (the patient went to the emergency unit instead). */
  reset: number;
  /** A scanned number: whatever is on screen, a new search for it starts now. */
  scan: ScanRequest | null;
  onScanTaken: () => void;
}

/**
 * The patient look-up and registration: one field, a verdict, the matches, then "Daftarkan".
 * The search and its keys live in useSearchFlow, the registration and its ticket in
 * useOnScreenRegistration, the correction (F3) in useLookupCorrection; this screen lays them out.
 */
export function LookupScreen({ lists, settings, onTarget, onRegistered, paused, reset, scan, onScanTaken }: Props) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const refs = { inputRef, tableRef, startRef };
  const registration = useOnScreenRegistration();
  const search = useSearchFlow({ ...refs, registration, onTarget, reset, scan, onScanTaken });
  const { result, error, busy, live } = search.state;
  const { open, ticket, note, drop } = registration;
  const ownRecords = ownRecordsOf(result);
  const correction = useLookupCorrection({
    ...refs,
    registration,
    found: result?.patient ?? null,
    ownRecords,
    toRegister: search.toRegister,
    candidates: search.display?.kind === 'candidates',
    paused,
    lookUpAgain: search.pickOwn,
  });
  const editing = correction.edit.state;
  useScreenKeys(paused, search.clear, search.newPatient);
  const typedAheadNote = useTypeAhead();
  useListsHeaderSync(result, lists);
  useEmergencyTarget(onTarget, registration.registering, open?.subject ?? null, result, search.display);
  useFollowLiveVerdict(registration.follow, search.toRegister);

  const registered = useCallback(
    (visit: RegisteredVisit, patient: Patient, key: number) => {
      onRegistered(visit);
      // Sent before a scan or Esc dropped the panel: registered, but the screen stays on the new patient.
      if (!registration.isOpen(key)) return;
      search.clear();
      registration.setTicket({ visit, patient });
      // Ready for the next patient at once: the number stays on screen until the next search.
      inputRef.current?.focus();
    },
    [onRegistered, registration, search],
  );

  const cancelRegistration = useCallback(() => {
    drop();
    inputRef.current?.focus();
  }, [drop]);

  const { display, order, dobCheck } = search;
  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';
  // Own records born on another day than the one searched go below a list member born that day (dob-pick.ts).
  const ownChoice = (below: boolean) =>
    !open && !editing && <OwnRecordChoice result={result} onPick={search.pickOwn} inputRef={inputRef} tableRef={tableRef} below={below} />;
  return (
    <div className="lookup" data-testid="lookup" data-query={result?.query ?? ''} data-busy={busy}>
      <SearchBar
        inputRef={inputRef}
        query={search.query}
        dob={search.dob}
        busy={busy}
        onQueryChange={search.onQueryChange}
        onDobChange={search.onDobChange}
        onSubmit={search.submit}
        onEnter={search.enter}
        onClear={search.clear}
        onArrowDown={search.focusFirstPick}
        keysHint={order.numberTwoWays !== null ? 'number-two-ways' : order.allDiffer ? 'dob-differs' : 'default'}
      />
      <div className="lookup__status" aria-live="polite">
        {busy ? t('lookup.searching') : ''}
      </div>
      {note && (
        <p className="scan-note" role="status" data-testid="scan-note">
          {note}
        </p>
      )}
      {search.held && <DobHoldNote held={search.held} />}
      {typedAheadNote && (
        <p className="scan-note" role="status" data-testid="type-ahead-note">
          {typedAheadNote}
        </p>
      )}
      {result && !busy && <LiveLine live={live} timeZone={timeZone} />}
      {error && <ErrorAlert title={t('lookup.errorTitle')} error={error} />}
      <EditNoticeLine notice={correction.edit.notice} shownPatientId={ticket?.patient.id ?? result?.patient?.id ?? null} />
      <EditWhyNotLine whyNot={correction.whyNot} />
      <RegisteredTicket ticket={ticket} settings={settings} correction={correction} />
      {!result && !error && !ticket && !open && <p className="lookup__idle">{t('lookup.idle')}</p>}
      {result?.patient && <OwnPatientLine patient={result.patient} />}
      {!ticket && (editing?.target.origin === 'result' ? <CorrectionPanel correction={correction} /> : <CorrectionAction correction={correction} />)}
      {order.ownFirst && ownChoice(false)}
      {display && <VerdictBanner display={display} listCount={lists.status === 'ready' ? lists.lists.length : null} matches={result?.matches ?? []} timeZone={timeZone} unsearched={result?.unsearched} />}
      {!open && !editing && dobCheck && search.awaitingDob && <DobConfirm check={dobCheck} backRef={startRef} onBack={search.backFromDob} onConfirm={search.confirmDob} />}
      {!open && !editing && !search.awaitingDob && <RegisterBar startRef={startRef} toRegister={search.toRegister} onStart={registration.start} onNewPatient={search.newPatient} />}
      {open && (
        <RegisterPanel
          key={open.key}
          notice={dobCheck && <DobDiffersLine check={dobCheck} />}
          subject={open.subject}
          settings={settings}
          onWho={registration.setRegistering}
          onRegistered={(visit, patient) => registered(visit, patient, open.key)}
          onCancel={cancelRegistration}
        />
      )}
      {result && result.matches.length > 0 && !editing && (
        <MatchTable
          tableRef={tableRef}
          matches={result.matches}
          queryKind={result.kind}
          timeZone={timeZone}
          pickable={display !== null && isPickable(display) && !open}
          picked={search.picked}
          onPick={search.pickMatch}
          onLeaveTop={() => ((order.ownFirst ? document.querySelector<HTMLButtonElement>('button[data-own-pick]') : null) ?? inputRef.current)?.focus()}
          onLeaveBottom={order.ownFirst ? undefined : () => document.querySelector<HTMLButtonElement>('button[data-own-pick]')?.focus()}
        />
      )}
      {!order.ownFirst && ownChoice(true)}
    </div>
  );
}
