import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient, RegisteredVisit } from '../../../../shared/counter';
import type { OwnPatient } from '../../../../shared/lookup';
import type { CounterSettings } from '../../../../shared/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LISTS_CHANGED, type ListsState } from '../../hooks/use-lists';
import type { EmergencyTarget } from '../emergency/emergency-flow';
import { targetOf } from '../emergency/target-of';
import { RegisterBar } from '../register/RegisterBar';
import { whoName, type Who } from '../register/register-flow';
import { RegisterPanel } from '../register/RegisterPanel';
import { subjectName, withVerdict, type Subject } from '../register/subject';
import { subjectOf } from '../register/subject-of';
import { Ticket } from '../register/Ticket';
import { SlipPanel } from '../slip/SlipPanel';
import { EditNoticeLine, EditPatientAction } from '../patient-edit/EditPatientAction';
import { PatientEditPanel } from '../patient-edit/PatientEditPanel';
import { editTargetOf, unidentifiedOf, type EditOrigin, type ScreenPatients } from '../patient-edit/patient-edit-flow';
import { usePatientEdit } from '../patient-edit/use-patient-edit';
import { MatchTable } from './MatchTable';
import { LiveLine } from './LiveLine';
import { OwnMatches, OwnPatientLine } from './OwnPatients';
import { isNameQuery, shouldAutoSearch } from './query-shape';
import { enterAction, sameSearch, type SearchAsked } from './search-keys';
import { SearchBar } from './SearchBar';
import { useLookup } from './use-lookup';
import { displayOf, isPickable } from './verdict';
import { VerdictBanner } from './VerdictBanner';
import './lookup.css';

/** Typing pauses shorter than this are one query; a scanner never pauses, it ends with Enter. */
const DEBOUNCE_MS = 250;

/** A scanned number to look up now; `n` tells two scans of the same card apart. */
export interface ScanRequest {
  digits: string;
  n: number;
}

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

/** The patient look-up and registration: one field, a verdict, the matches, then "Daftarkan". */
export function LookupScreen({ lists, settings, onTarget, onRegistered, paused, reset: resetToken, scan, onScanTaken }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [dob, setDob] = useState('');
  const [picked, setPicked] = useState<number | null>(null);
  /** `auto`: started from the shown answer (not F2), so a live answer arriving meanwhile updates its verdict. */
  const [subject, setSubject] = useState<{ key: number; subject: Subject; auto: boolean } | null>(null);
  const [registering, setRegistering] = useState<Who | null>(null);
  /** `corrected`: the patient's data was corrected (F3) since: the slip is shown again, not printed again. */
  const [ticket, setTicket] = useState<{ visit: RegisteredVisit; patient: Patient; corrected?: number } | null>(null);
  /** "Pendaftaran RUDI dibatalkan: kartu baru dipindai": a scan dropped a half-finished registration. */
  const [note, setNote] = useState<string | null>(null);
  const { state, search, reset } = useLookup();
  const inputRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSearched = useRef('');
  /** The birth date the last search ran with: the same name with another date is another search. */
  const lastDob = useRef('');
  /**
   * The search the clerk asked for (Enter, the Search button, a scan), as opposed to one run
   * by itself while typing: Enter registers only an answer the clerk asked for ("Enter: cari,
   * Enter lagi: daftarkan"), never one that appeared a moment before the clerk's Enter.
   */
  const askedFor = useRef<SearchAsked | null>(null);
  const failed = useRef(false);
  const subjectKey = useRef(0);
  /** The registration on screen (its key); 0 when none. A late answer for another one changes nothing. */
  const activeKey = useRef(0);
  const registrable = useRef<Subject | null>(null);
  /** An own record was picked from a name search: Enter registers it once its look-up is back. */
  const focusStart = useRef(false);
  /** Closes a correction (F3) on screen: a new search, a scan, Esc or another registration moves on from it. */
  const closeEdit = useRef<() => void>(() => undefined);

  const setActive = useCallback((next: { key: number; subject: Subject; auto: boolean } | null) => {
    activeKey.current = next?.key ?? 0;
    setSubject(next);
    if (!next) setRegistering(null);
    closeEdit.current();
  }, []);

  const startRegistration = useCallback(
    (s: Subject, auto = true) => {
      setTicket(null);
      setNote(null);
      setActive({ key: ++subjectKey.current, subject: s, auto });
    },
    [setActive],
  );

  const cancelRegistration = useCallback(() => {
    setActive(null);
    inputRef.current?.focus();
  }, [setActive]);

  const focusFirstPick = useCallback(() => {
    const first = document.querySelector<HTMLButtonElement>('button[data-own-pick]') ?? tableRef.current?.querySelector<HTMLButtonElement>('button[data-pick]');
    first?.focus();
  }, []);

  const run = useCallback(
    (q: string, d: string, enter = false, patientId?: number) => {
      clearTimeout(timer.current);
      if (!q.trim()) return;
      const now = { query: q, dob: d };
      const asked = askedFor.current !== null && sameSearch(askedFor.current, now);
      if (enter) {
        askedFor.current = now;
        const action = enterAction({
          now,
          last: lastSearched.current ? { query: lastSearched.current, dob: lastDob.current } : null,
          asked,
          busyElsewhere: subject !== null || failed.current,
          canRegister: registrable.current !== null,
          hasCandidates: document.querySelector('button[data-own-pick], button[data-pick]') !== null,
        });
        // Searched by itself while the clerk typed: this Enter is the clerk's "cari".
        if (action === 'ask') return;
        // Enter on the query already answered: register that patient (the "Daftarkan" button),
        // or, when the clerk must pick first, go to the candidates; otherwise search again.
        if (action === 'register' && registrable.current) return startRegistration(registrable.current);
        if (action === 'pick') return focusFirstPick();
      }
      lastSearched.current = q.trim();
      lastDob.current = d;
      setPicked(null);
      setActive(null);
      setTicket(null);
      void search(q, d, patientId);
    },
    [search, subject, startRegistration, setActive, focusFirstPick],
  );

  const schedule = useCallback(
    (q: string, d: string) => {
      clearTimeout(timer.current);
      if (shouldAutoSearch(q)) timer.current = setTimeout(() => run(q, d), DEBOUNCE_MS);
    },
    [run],
  );

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    setQuery('');
    setDob('');
    setPicked(null);
    setActive(null);
    setTicket(null);
    setNote(null);
    lastSearched.current = '';
    lastDob.current = '';
    askedFor.current = null;
    focusStart.current = false;
    reset();
    // Nobody on screen now, at once: an F9 right after Esc registers an unidentified patient.
    onTarget(null);
    inputRef.current?.focus();
  }, [reset, setActive, onTarget]);

  const seenReset = useRef(resetToken);
  useEffect(() => {
    if (seenReset.current === resetToken) return;
    seenReset.current = resetToken;
    clear();
  }, [resetToken, clear]);

  // A scan: whatever was on screen, a new search for the number. A registration not yet sent is
  // dropped (nothing is registered) and the clerk is told whose.
  useEffect(() => {
    if (!scan) return;
    onScanTaken();
    const dropped = subject ? (registering ? whoName(registering) : subjectName(subject.subject)) : null;
    clearTimeout(timer.current);
    setNote(dropped === null ? null : dropped ? t('register.droppedByScan', { name: dropped }) : t('register.droppedByScanNoName'));
    setQuery(scan.digits);
    setDob('');
    setPicked(null);
    setActive(null);
    setTicket(null);
    focusStart.current = false;
    lastSearched.current = scan.digits;
    lastDob.current = '';
    askedFor.current = { query: scan.digits, dob: '' };
    void search(scan.digits, '');
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [scan, onScanTaken, subject, registering, search, setActive, t]);

  const registered = useCallback(
    (visit: RegisteredVisit, patient: Patient, key: number) => {
      onRegistered(visit);
      // Sent before a scan or Esc dropped the panel: registered, but the screen stays on the new patient.
      if (key !== activeKey.current) return;
      clear();
      setTicket({ visit, patient });
      // Ready for the next patient at once: the number stays on screen until the next search.
      inputRef.current?.focus();
    },
    [clear, onRegistered],
  );

  const newPatient = useCallback(() => {
    const q = inputRef.current?.value.trim() ?? '';
    const named = q !== '' && isNameQuery(q);
    // A name searched with a birth date: both go into the form.
    startRegistration({ kind: 'new', nik: null, card: null, name: named ? q.toUpperCase() : '', dob: named && dob ? dob : null, verdict: null }, false);
  }, [startRegistration, dob]);

  const pickOwn = useCallback(
    (p: OwnPatient) => {
      // Looked up by its record number: the verdict then comes from the patient's own NIK or card.
      // With its id too: another patient may hold the same number (two counters gave it before the hub).
      setQuery(p.mrn);
      setDob('');
      focusStart.current = true;
      askedFor.current = { query: p.mrn, dob: '' };
      run(p.mrn, '', false, p.id);
    },
    [run],
  );

  // F3: correct the record on screen (the registration not yet sent, if any, is dropped: nothing was written).
  const editScreen = useRef<ScreenPatients>({ registering: null, registrationOpen: false, ticket: null, found: null, ownMatches: [] });
  const editSaved = useCallback(
    (update: { patient: Patient }, origin: EditOrigin) => {
      if (origin === 'ticket') {
        setTicket((t) => (t && t.patient.id === update.patient.id ? { ...t, patient: update.patient, corrected: (t.corrected ?? 0) + 1 } : t));
        inputRef.current?.focus();
      } else pickOwn({ ...update.patient, lastVisit: null }); // the answer again, by the RM: as the record is now
    },
    [pickOwn],
  );
  const edit = usePatientEdit({
    target: () => editTargetOf({ ...editScreen.current, focusedMrn: document.activeElement?.closest('[data-testid="own-match"]')?.getAttribute('data-mrn') ?? null }),
    paused,
    onOpen: () => {
      if (activeKey.current) setActive(null);
    },
    onSaved: editSaved,
  });
  closeEdit.current = edit.close;
  const cancelEdit = useCallback(() => {
    edit.close();
    requestAnimationFrame(() => (startRef.current ?? inputRef.current)?.focus());
  }, [edit]);

  // Esc anywhere on the screen: next patient. F2: a new patient without data.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (paused || event.defaultPrevented) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        clear();
      } else if (event.key === 'F2') {
        event.preventDefault();
        newPatient();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clear, newPatient, paused]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const { result, error, busy, live } = state;
  failed.current = error !== null;
  const selected = result && picked !== null ? (result.matches[picked] ?? null) : null;
  const display = result ? displayOf(result, selected) : null;
  const listCount = lists.status === 'ready' ? lists.lists.length : null;
  // A look-up that found a list unreadable (or readable again) and a header that says otherwise: the header's lists reload.
  const unsearchedNow = result ? (result.unsearched?.lists.length ?? 0) : null;
  const unreadableShown = lists.status === 'ready' ? lists.lists.filter((l) => l.unreadable).length : null;
  useEffect(() => {
    if (unsearchedNow !== null && unreadableShown !== null && unsearchedNow !== unreadableShown) window.dispatchEvent(new Event(LISTS_CHANGED));
  }, [unsearchedNow, unreadableShown]);
  const toRegister = result && display ? subjectOf(result, display, lastSearched.current, live, state.dob) : null;
  registrable.current = toRegister;
  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';
  // A name's own records, or the patients sharing the record number typed: the clerk picks one.
  const ownMatches = result?.kind === 'name' || result?.kind === 'mrn' ? (result.ownMatches ?? []) : [];
  const ownMatchesTitle = result?.kind === 'mrn' && ownMatches[0] ? t('lookup.sharedMrnList', { mrn: ownMatches[0].mrn }) : undefined;
  editScreen.current = {
    registering: registering?.kind === 'record' ? registering.patient : null,
    registrationOpen: subject !== null,
    ticket: ticket?.patient ?? null,
    found: result?.patient ?? null,
    ownMatches,
  };
  const editable = edit.state ? null : editTargetOf(editScreen.current);
  const unidentified = edit.state ? null : unidentifiedOf(editScreen.current);
  const editing = edit.state;
  const editAction = <EditPatientAction editable={editable?.patient ?? null} unidentified={unidentified} onEdit={(p) => edit.open({ patient: p, origin: editable?.origin ?? 'result' })} />;
  const editPanel = editing && <PatientEditPanel state={editing} onSave={(identity) => void edit.save(identity)} onCancel={cancelEdit} onEdited={edit.edited} />;

  const target = targetOf(registering, subject?.subject ?? null, result, display);
  const targetKey = target ? `${target.name}|${'patient' in target ? target.patient.id : (target.identity.nik ?? target.identity.card ?? '')}` : '';
  const targetRef = useRef(target);
  targetRef.current = target;
  useEffect(() => onTarget(targetRef.current), [targetKey, onTarget]);
  useEffect(() => () => onTarget(null), [onTarget]);

  useEffect(() => {
    if (!focusStart.current || !toRegister || busy) return;
    focusStart.current = false;
    requestAnimationFrame(() => startRef.current?.focus());
  }, [toRegister, busy]);

  // The live answer arrived while the clerk was already registering from the local one: the
  // registration takes the newer verdict (and its source); the patient and the pick stay.
  const nextVerdict = toRegister?.verdict ?? null;
  const nextSource = toRegister?.source;
  const nextBasis = toRegister?.basis;
  useEffect(() => {
    if (!nextVerdict) return;
    setSubject((s) =>
      s && s.auto && (s.subject.verdict !== nextVerdict || s.subject.source !== nextSource)
        ? { ...s, subject: withVerdict(s.subject, nextVerdict, nextSource, nextBasis) }
        : s,
    );
  }, [nextVerdict, nextSource, nextBasis]);

  return (
    <div className="lookup" data-testid="lookup" data-query={result?.query ?? ''} data-busy={busy}>
      <SearchBar
        inputRef={inputRef}
        query={query}
        dob={dob}
        busy={busy}
        onQueryChange={(value) => {
          setQuery(value);
          if (value.trim()) setTicket(null);
          if (!value.trim()) {
            clearTimeout(timer.current);
            setPicked(null);
            reset();
          } else schedule(value, dob);
        }}
        onDobChange={(value) => {
          setDob(value);
          if (isNameQuery(query)) schedule(query, value);
        }}
        onSubmit={(q) => {
          askedFor.current = { query: q, dob };
          run(q, dob);
        }}
        onEnter={(q) => run(q, dob, true)}
        onClear={clear}
        onArrowDown={focusFirstPick}
      />
      <div className="lookup__status" aria-live="polite">
        {busy ? t('lookup.searching') : ''}
      </div>
      {note && (
        <p className="scan-note" role="status" data-testid="scan-note">
          {note}
        </p>
      )}
      {result && !busy && <LiveLine live={live} timeZone={timeZone} />}
      {error && <ErrorAlert title={t('lookup.errorTitle')} error={error} />}
      <EditNoticeLine notice={edit.notice} shownPatientId={ticket?.patient.id ?? result?.patient?.id ?? null} />
      {editing?.target.origin === 'ticket' && editPanel}
      {ticket && <Ticket visit={ticket.visit} patient={ticket.patient} settings={settings} />}
      {ticket && !editing && editAction}
      {ticket && <SlipPanel key={`${ticket.visit.id}-${ticket.corrected ?? 0}`} visitId={ticket.visit.id} queue={ticket.visit.queue} autoPrint={!ticket.corrected} />}
      {!result && !error && !ticket && !subject && <p className="lookup__idle">{t('lookup.idle')}</p>}
      {result?.patient && <OwnPatientLine patient={result.patient} />}
      {!ticket && (editing?.target.origin === 'result' ? editPanel : editAction)}
      {ownMatches.length > 0 && !subject && !editing && (
        <OwnMatches patients={ownMatches} title={ownMatchesTitle} onPick={pickOwn} onLeaveTop={() => inputRef.current?.focus()} onLeaveBottom={() => tableRef.current?.querySelector<HTMLButtonElement>('button[data-pick]')?.focus()} />
      )}
      {display && <VerdictBanner display={display} listCount={listCount} matches={result?.matches ?? []} timeZone={timeZone} unsearched={result?.unsearched} />}
      {!subject && !editing && <RegisterBar startRef={startRef} toRegister={toRegister} onStart={startRegistration} onNewPatient={newPatient} />}
      {subject && (
        <RegisterPanel
          key={subject.key}
          subject={subject.subject}
          settings={settings}
          onWho={setRegistering}
          onRegistered={(visit, patient) => registered(visit, patient, subject.key)}
          onCancel={cancelRegistration}
        />
      )}
      {result && result.matches.length > 0 && !editing && (
        <MatchTable
          tableRef={tableRef}
          matches={result.matches}
          queryKind={result.kind}
          timeZone={timeZone}
          pickable={display !== null && isPickable(display) && !subject}
          picked={picked}
          onPick={(i) => {
            setPicked(i);
            // The clerk has compared the papers: the next Enter registers the picked patient.
            requestAnimationFrame(() => startRef.current?.focus());
          }}
          onLeaveTop={() => (document.querySelector<HTMLButtonElement>('button[data-own-pick]') ?? inputRef.current)?.focus()}
        />
      )}
    </div>
  );
}
