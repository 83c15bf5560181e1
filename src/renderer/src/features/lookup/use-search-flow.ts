import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnMatch } from '../../../../shared/lookup';
import type { Subject } from '../register/subject';
import { subjectOf } from '../register/subject-of';
import { awaitsConfirmation, candidateOrder, dobCheckOfOwn, dobCheckOfRow, type CandidateOrder, type DobCheck, type Hold } from './dob-pick';
import { useWords } from '../../i18n/use-words';
import type { Words } from '../../i18n/words';
import { nameWithDate } from '../../../../shared/name-with-date';
import { todayIso } from '../../facility-today';
import { droppedByScan, newPatientSubject } from './on-screen-registration';
import { beyondAnyNumber, isNameQuery, shouldAutoSearch } from './query-shape';
import { enterAction, sameSearch, type SearchAsked } from './search-keys';
import { typeAhead } from './type-ahead';
import { useLookup, type LookupState } from './use-lookup';
import type { OnScreenRegistration } from './use-on-screen-registration';
import { displayOf, type Display } from './verdict';

/** Typing pauses shorter than this are one query; a scanner never pauses, it ends with Enter. */
const DEBOUNCE_MS = 250;

/** A scanned number to look up now; `n` tells two scans of the same card apart. */
export interface ScanRequest {
  digits: string;
  n: number;
  /** A question another screen was asking that the scan dropped (scan/asking-now.ts). */
  dropped?: Words | null;
}

export interface ScreenRefs {
  inputRef: RefObject<HTMLInputElement | null>;
  tableRef: RefObject<HTMLTableElement | null>;
  startRef: RefObject<HTMLButtonElement | null>;
}

export interface SearchFlowOptions extends ScreenRefs {
  registration: OnScreenRegistration;
  /** The patient an emergency (F9) would go to: cleared at once by Esc. */
  onTarget: (target: null) => void;
  /** A change of this number clears the screen. */
  reset: number;
  /** A scanned number: whatever is on screen, a new search for it starts now. */
  scan: ScanRequest | null;
  onScanTaken: () => void;
}

export interface SearchFlow {
  query: string;
  dob: string;
  state: LookupState;
  /** The list match the clerk picked (its row), if any. */
  picked: number | null;
  display: Display | null;
  /** What "Daftarkan" would register now; null: nothing yet (pick first, or F2). */
  toRegister: Subject | null;
  /** Own records above or below the list matches, and whether every candidate was born another day (dob-pick.ts). */
  order: CandidateOrder;
  /** A candidate born on another day than the one searched was picked: both dates are said. */
  dobCheck: DobCheck | null;
  /** …and "Daftarkan" waits for the clerk's "Ya, orang yang sama" (confirmDob) or "Bukan" (backFromDob). */
  awaitingDob: boolean;
  /** Enter picked none of the candidates: why (the date searched, or the number two patients answer), to say so. */
  held: Hold | null;
  confirmDob: () => void;
  backFromDob: () => void;
  onQueryChange: (value: string) => void;
  onDobChange: (value: string) => void;
  /** The Search button: a search the clerk asked for. */
  submit: (query: string) => void;
  /** Enter in the search fields: "cari", then "daftarkan" (enterAction). */
  enter: (query: string) => void;
  /** Esc: the next patient. */
  clear: () => void;
  pickMatch: (index: number) => void;
  /** An own record picked (a name's, or one of those sharing a record number): its look-up, then Enter registers it. */
  pickOwn: (patient: OwnMatch) => void;
  /** F2: a new patient without data (a name searched goes into the form). */
  newPatient: () => void;
  focusFirstPick: () => void;
}

/**
 * The search field and its answer: typing searches after a pause, Enter searches then registers
 * ("Enter: cari, Enter lagi: daftarkan"), a scan is always a new search (dropping a registration
 * not yet sent, with a note), Esc clears the screen. Owns the look-up (useLookup) and what its
 * answer would register.
 */
export function useSearchFlow({ registration, onTarget, reset: resetToken, scan, onScanTaken, inputRef, tableRef, startRef }: SearchFlowOptions): SearchFlow {
  const { t } = useTranslation();
  const say = useWords();
  const [query, setQuery] = useState('');
  const [dob, setDob] = useState('');
  const [picked, setPicked] = useState<number | null>(null);
  const { state, search, reset } = useLookup();
  const { open, registering, start, drop, setTicket, setNote } = registration;
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
  const registrable = useRef<Subject | null>(null);
  /** An own record was picked from a name search: Enter registers it once its look-up is back. */
  const focusStart = useRef(false);
  const [dobCheck, setDobCheck] = useState<DobCheck | null>(null);
  const [held, setHeld] = useState<Hold | null>(null);
  const order = useRef<CandidateOrder>({ ownFirst: true, allDiffer: false, numberTwoWays: null });
  const confirming = useRef(false);

  // The first candidate in the screen's order: the own records or the list matches, whichever is shown first.
  const focusFirstPick = useCallback(() => {
    const own = document.querySelector<HTMLButtonElement>('button[data-own-pick]');
    const row = tableRef.current?.querySelector<HTMLButtonElement>('button[data-pick]');
    (order.current.ownFirst ? (own ?? row) : (row ?? own))?.focus();
  }, [tableRef]);

  /**
   * "siti aminah 12-03-1985" searched from the one field: the date moves to the birth-date field,
   * in sight, and the name stays (as the core reads it too, shared/name-with-date.ts). Otherwise
   * the form of a new patient opened with the date in the name (UI tester, finding 1).
   */
  const withDateApart = (q: string): { query: string; dob: string } => {
    const split = dob.trim() ? null : nameWithDate(q, todayIso());
    if (!split) return { query: q, dob };
    setQuery(split.name);
    setDob(split.iso); // the field's value is ISO; it shows it day first
    return { query: split.name, dob: split.iso };
  };

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
          busyElsewhere: open !== null || failed.current,
          canRegister: registrable.current !== null,
          hasCandidates: document.querySelector('button[data-own-pick], button[data-pick]') !== null,
          allDiffer: order.current.allDiffer,
          numberTwoWays: order.current.numberTwoWays !== null,
          confirming: confirming.current,
        });
        // Searched by itself while the clerk typed: this Enter is the clerk's "cari".
        if (action === 'ask') return;
        // Nobody born that day, or a number two patients answer: a reflex Enter picks nobody; the screen says what to do instead.
        if (action === 'hold') return setHeld(order.current.numberTwoWays !== null ? { by: 'number', number: order.current.numberTwoWays } : { by: 'dob', date: d });
        // A pick born on another day waits for its question: Enter goes there (on "Bukan"), never past it.
        if (action === 'confirm') return startRef.current?.focus();
        // Enter on the query already answered: register that patient (the "Daftarkan" button),
        // or, when the clerk must pick first, go to the candidates; otherwise search again.
        if (action === 'register' && registrable.current) return start(registrable.current);
        if (action === 'pick') return focusFirstPick();
      }
      lastSearched.current = q.trim();
      lastDob.current = d;
      // A search the clerk asked for: from now on no key reaches the previous answer (type-ahead.ts).
      if (askedFor.current !== null && sameSearch(askedFor.current, now)) typeAhead.begin();
      setPicked(null);
      setDobCheck(null);
      setHeld(null);
      drop();
      setTicket(null);
      void search(q, d, patientId);
    },
    [search, open, start, drop, setTicket, focusFirstPick, startRef],
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
    setDobCheck(null);
    setHeld(null);
    drop();
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
  }, [reset, drop, setTicket, setNote, onTarget, inputRef]);

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
    const dropped = droppedByScan(open, registering);
    clearTimeout(timer.current);
    const question = scan.dropped ? say(scan.dropped) : null;
    setNote(dropped === null ? question : dropped ? t('register.droppedByScan', { name: dropped }) : t('register.droppedByScanNoName'));
    setQuery(scan.digits);
    setDob('');
    setPicked(null);
    setDobCheck(null);
    setHeld(null);
    drop();
    setTicket(null);
    focusStart.current = false;
    lastSearched.current = scan.digits;
    lastDob.current = '';
    askedFor.current = { query: scan.digits, dob: '' };
    void search(scan.digits, '');
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [scan, onScanTaken, open, registering, search, drop, setTicket, setNote, inputRef, t, say]);

  const pickOwn = useCallback(
    (p: OwnMatch) => {
      // Picked from a name search with another birth date: the question keeps the date searched,
      // which the fields no longer show, and "Bukan" brings that search back.
      const check = dobCheckOfOwn(p, { query: lastSearched.current, dob: lastDob.current });
      // Looked up by its record number: the verdict then comes from the patient's own NIK or card.
      // With its id too: another patient may hold the same number (two counters gave it before the hub).
      // Picked among one's RM and another's old RM: by the number typed, so the line says which it matched.
      const number = order.current.numberTwoWays !== null && p.matchedBy !== undefined ? lastSearched.current : p.mrn;
      setQuery(number);
      setDob('');
      focusStart.current = true;
      askedFor.current = { query: number, dob: '' };
      run(number, '', false, p.id);
      setDobCheck(check);
    },
    [run],
  );

  // F2 on the question about an own record picked with another birth date (the field holds its
  // record number now): the new patient is the one searched, with the name and date typed.
  const searchedBack = dobCheck?.back ?? null;
  const newPatient = useCallback(() => {
    // The search typing scheduled must not run after the form opened: it would drop the form
    // (F2 within DEBOUNCE_MS of the last key typed opened it and took it away again).
    clearTimeout(timer.current);
    start(searchedBack ? newPatientSubject(searchedBack.query, searchedBack.dob) : newPatientSubject(inputRef.current?.value ?? '', dob), false);
  }, [start, dob, inputRef, searchedBack]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const { result, error, busy, live } = state;
  failed.current = error !== null;
  const selected = result && picked !== null ? (result.matches[picked] ?? null) : null;
  const display = result ? displayOf(result, selected) : null;
  const toRegister = result && display ? subjectOf(result, display, lastSearched.current, live, state.dob) : null;
  const awaitingDob = awaitsConfirmation(dobCheck, toRegister !== null);
  // Until the clerk confirms a pick born on another day, Enter has nobody to register.
  registrable.current = awaitingDob ? null : toRegister;
  confirming.current = awaitingDob;
  order.current = candidateOrder(result);

  // In the commit that shows "Daftarkan" (a layout effect, no frame later): an Enter pressed as
  // soon as the picked patient's answer shows registers them instead of going to the pick.
  useLayoutEffect(() => {
    if (!focusStart.current || !toRegister || busy) return;
    focusStart.current = false;
    startRef.current?.focus();
  }, [toRegister, busy, startRef]);

  return {
    query,
    dob,
    state,
    picked,
    display,
    toRegister,
    order: order.current,
    dobCheck,
    awaitingDob,
    held,
    confirmDob: () => {
      if (!dobCheck || !toRegister) return;
      // Asked once: "Ya, orang yang sama" registers (the unit step says the dates again).
      setDobCheck({ ...dobCheck, confirmed: true });
      start(toRegister);
    },
    backFromDob: () => {
      const back = dobCheck?.back;
      setDobCheck(null);
      inputRef.current?.focus();
      if (!back) return setPicked(null);
      // An own record was looked up by its number: the name search it was picked from, again.
      setQuery(back.query);
      setDob(back.dob);
      askedFor.current = back;
      run(back.query, back.dob);
    },    onQueryChange: (value) => {
      setQuery(value);
      if (value.trim()) setTicket(null);
      // Emptied, or a number grown past any NIK: the answer shown is not this field's, and must
      // not stay there ready to register (Daftarkan, F9) for the patient before.
      if (!value.trim() || beyondAnyNumber(value)) {
        clearTimeout(timer.current);
        setPicked(null);
        reset();
      } else schedule(value, dob);
    },
    onDobChange: (value) => {
      setDob(value);
      if (isNameQuery(query)) schedule(query, value);
    },
    submit: (q) => {
      const asked = withDateApart(q);
      askedFor.current = { query: asked.query, dob: asked.dob };
      run(asked.query, asked.dob);
    },
    enter: (q) => {
      const asked = withDateApart(q);
      run(asked.query, asked.dob, true);
    },
    clear,
    pickMatch: (i) => {
      // The clerk has compared the papers: the next Enter registers the picked patient ("Daftarkan"
      // takes the focus in the commit that shows it), or, born on another day, goes to its question.
      const row = result?.matches[i];
      focusStart.current = true;
      setDobCheck(row ? dobCheckOfRow(row, state.dob) : null);
      setHeld(null);
      setPicked(i);
    },
    pickOwn,
    newPatient,
    focusFirstPick,
  };
}
