import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient, RegisteredVisit } from '../../../../shared/counter';
import type { LookupResult } from '../../../../shared/lookup';
import type { CounterSettings } from '../../../../shared/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ListsState } from '../../hooks/use-lists';
import { RegisterPanel } from '../register/RegisterPanel';
import { withVerdict, type Subject } from '../register/subject';
import { Ticket } from '../register/Ticket';
import { SlipPanel } from '../slip/SlipPanel';
import { MatchTable } from './MatchTable';
import { LiveLine } from './LiveLine';
import { isNameQuery, shouldAutoSearch } from './query-shape';
import { SearchBar } from './SearchBar';
import { useLookup, type LiveState } from './use-lookup';
import { displayOf, isPickable, type Display } from './verdict';
import { VerdictBanner } from './VerdictBanner';
import './lookup.css';

/** Typing pauses shorter than this are one query; a scanner never pauses, it ends with Enter. */
const DEBOUNCE_MS = 250;

/**
 * What "Daftarkan" (or Enter on an unchanged query) registers; null when the clerk must pick first.
 * The verdict is BPJS's own when the shown result is the one refined by a live answer (and not a
 * list row the clerk picked); otherwise it comes from the lists and is re-checked later.
 */
export function subjectOf(result: LookupResult, display: Display, query: string, live: LiveState = null): Subject | null {
  if (display.kind !== 'verdict') return null;
  const source = live?.status === 'done' && live.online.status === 'answered' && !display.pickedByClerk ? 'bpjs-live' : 'lists';
  const member = display.basis[0];
  if (member) return { kind: 'member', member, verdict: display.verdict, source };
  const digits = query.replace(/[\s.\-\u00a0]/g, '');
  return {
    kind: 'new',
    nik: result.kind === 'nik' && /^\d{16}$/.test(digits) ? digits : null,
    card: result.kind === 'card' && /^\d{13}$/.test(digits) ? digits : null,
    name: result.kind === 'name' ? query.trim().toUpperCase() : '',
    verdict: display.verdict,
    source,
  };
}

interface Props {
  lists: ListsState;
  settings: CounterSettings | null;
  /** The patient record being registered, if any: the emergency button uses it. */
  onPatient: (patient: Patient | null) => void;
  onRegistered: () => void;
  /** A dialog over the screen (the emergency) has the keys. */
  paused: boolean;
  /** A change of this number clears the screen (the patient went to the emergency unit instead). */
  reset: number;
}

/** The patient look-up and registration: one field, a verdict, the matches, then "Daftarkan". */
export function LookupScreen({ lists, settings, onPatient, onRegistered, paused, reset: resetToken }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [dob, setDob] = useState('');
  const [picked, setPicked] = useState<number | null>(null);
  /** `auto`: started from the shown answer (not F2), so a live answer arriving meanwhile updates its verdict. */
  const [subject, setSubject] = useState<{ key: number; subject: Subject; auto: boolean } | null>(null);
  const [ticket, setTicket] = useState<{ visit: RegisteredVisit; patient: Patient } | null>(null);
  const { state, search, reset } = useLookup();
  const inputRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSearched = useRef('');
  const subjectKey = useRef(0);
  const registrable = useRef<Subject | null>(null);

  const startRegistration = useCallback((s: Subject, auto = true) => {
    setTicket(null);
    setSubject({ key: ++subjectKey.current, subject: s, auto });
  }, []);

  const cancelRegistration = useCallback(() => {
    setSubject(null);
    onPatient(null);
    inputRef.current?.focus();
  }, [onPatient]);

  const run = useCallback(
    (q: string, d: string, enter = false) => {
      clearTimeout(timer.current);
      if (!q.trim()) return;
      // Enter on the query already answered: register that patient (the "Daftarkan" button).
      if (enter && q.trim() === lastSearched.current && registrable.current && !subject) {
        startRegistration(registrable.current);
        return;
      }
      lastSearched.current = q.trim();
      setPicked(null);
      setSubject(null);
      setTicket(null);
      void search(q, d);
    },
    [search, subject, startRegistration],
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
    setSubject(null);
    setTicket(null);
    lastSearched.current = '';
    onPatient(null);
    reset();
    inputRef.current?.focus();
  }, [reset, onPatient]);

  const seenReset = useRef(resetToken);
  useEffect(() => {
    if (seenReset.current === resetToken) return;
    seenReset.current = resetToken;
    clear();
  }, [resetToken, clear]);

  const registered = useCallback(
    (visit: RegisteredVisit, patient: Patient) => {
      clear();
      setTicket({ visit, patient });
      onRegistered();
      // Ready for the next patient at once: the number stays on screen until the next search.
      inputRef.current?.focus();
    },
    [clear, onRegistered],
  );

  const newPatient = useCallback(() => {
    const q = inputRef.current?.value.trim() ?? '';
    startRegistration({ kind: 'new', nik: null, card: null, name: q && /\p{L}/u.test(q) ? q.toUpperCase() : '', verdict: null }, false);
  }, [startRegistration]);

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
  useEffect(() => () => onPatient(null), [onPatient]);

  const { result, error, busy, live } = state;
  const selected = result && picked !== null ? (result.matches[picked] ?? null) : null;
  const display = result ? displayOf(result, selected) : null;
  const listCount = lists.status === 'ready' ? lists.lists.length : null;
  const toRegister = result && display ? subjectOf(result, display, lastSearched.current, live) : null;
  registrable.current = toRegister;
  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';

  // The live answer arrived while the clerk was already registering from the local one: the
  // registration takes the newer verdict (and its source); the patient and the pick stay.
  const nextVerdict = toRegister?.verdict ?? null;
  const nextSource = toRegister?.source;
  useEffect(() => {
    if (!nextVerdict) return;
    setSubject((s) =>
      s && s.auto && (s.subject.verdict !== nextVerdict || s.subject.source !== nextSource)
        ? { ...s, subject: withVerdict(s.subject, nextVerdict, nextSource) }
        : s,
    );
  }, [nextVerdict, nextSource]);

  return (
    <div className="lookup">
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
        onSubmit={(q) => run(q, dob)}
        onEnter={(q) => run(q, dob, true)}
        onClear={clear}
        onArrowDown={() => tableRef.current?.querySelector<HTMLButtonElement>('button[data-pick]')?.focus()}
      />
      <div className="lookup__status" aria-live="polite">
        {busy ? t('lookup.searching') : ''}
      </div>
      {result && !busy && <LiveLine live={live} timeZone={timeZone} />}
      {error && <ErrorAlert title={t('lookup.errorTitle')} error={error} />}
      {ticket && <Ticket visit={ticket.visit} patient={ticket.patient} settings={settings} />}
      {ticket && <SlipPanel key={ticket.visit.id} visitId={ticket.visit.id} queue={ticket.visit.queue} autoPrint keys={!paused} />}
      {!result && !error && !ticket && !subject && <p className="lookup__idle">{t('lookup.idle')}</p>}
      {display && <VerdictBanner display={display} listCount={listCount} matches={result?.matches ?? []} timeZone={timeZone} />}
      {!subject && (
        <div className="register-bar">
          {toRegister && (
            <button
              ref={startRef}
              type="button"
              className="button button--primary button--big"
              data-testid="register-start"
              onClick={() => startRegistration(toRegister)}
            >
              {toRegister.kind === 'new' ? t('register.startNew') : t('register.start')} <kbd>Enter</kbd>
            </button>
          )}
          <button type="button" className="button" data-testid="new-patient" onClick={newPatient}>
            {t('register.newPatient')} <kbd>F2</kbd>
          </button>
        </div>
      )}
      {subject && (
        <RegisterPanel
          key={subject.key}
          subject={subject.subject}
          settings={settings}
          onPatient={onPatient}
          onRegistered={registered}
          onCancel={cancelRegistration}
        />
      )}
      {result && result.matches.length > 0 && (
        <MatchTable
          tableRef={tableRef}
          matches={result.matches}
          timeZone={timeZone}
          pickable={display !== null && isPickable(display) && !subject}
          picked={picked}
          onPick={(i) => {
            setPicked(i);
            // The clerk has compared the papers: the next Enter registers the picked patient.
            requestAnimationFrame(() => startRef.current?.focus());
          }}
          onLeaveTop={() => inputRef.current?.focus()}
        />
      )}
    </div>
  );
}
