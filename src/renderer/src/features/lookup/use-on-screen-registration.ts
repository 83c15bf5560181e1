import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { Patient } from '../../../../shared/counter';
import type { Who } from '../register/register-flow';
import type { Subject } from '../register/subject';
import { correctTicket, followLiveVerdict, type OpenRegistration, type ShownTicket } from './on-screen-registration';

export interface OnScreenRegistration {
  /** The registration open on screen (its unit step, the form…); null: none. */
  open: OpenRegistration | null;
  /** Whom its unit step would register (RegisterPanel's onWho). */
  registering: Who | null;
  setRegistering: Dispatch<SetStateAction<Who | null>>;
  /** The visit just registered: its number, its slip. */
  ticket: ShownTicket | null;
  setTicket: Dispatch<SetStateAction<ShownTicket | null>>;
  /** "Pendaftaran RUDI dibatalkan: kartu baru dipindai": a scan dropped a half-finished registration. */
  note: string | null;
  setNote: Dispatch<SetStateAction<string | null>>;
  /** Opens a registration (the ticket and the note go). `auto`: from the shown answer, not F2. */
  start: (subject: Subject, auto?: boolean) => void;
  /** Drops the open registration, if any: nothing was registered. */
  drop: () => void;
  /** Drops it only when one is open (a correction opening over its unit step). */
  dropOpen: () => void;
  /** What else closes when the registration changes or goes (the correction on screen: the screen moved on). */
  whenSwitched: (close: () => void) => void;
  /** Whether `key` is still the registration on screen (an answer for one dropped meanwhile is not). */
  isOpen: (key: number) => boolean;
  /** The ticket's patient was corrected (F3): its data, and its slip shown again. */
  correctTicketPatient: (patient: Patient) => void;
  /** The shown answer's verdict changed: the open registration follows it (followLiveVerdict). */
  follow: (shown: Subject | null) => void;
}

/** The registration on the search screen and the ticket of the last one. */
export function useOnScreenRegistration(): OnScreenRegistration {
  const [open, setOpen] = useState<OpenRegistration | null>(null);
  const [registering, setRegistering] = useState<Who | null>(null);
  const [ticket, setTicket] = useState<ShownTicket | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const lastKey = useRef(0);
  /** The registration on screen (its key); 0 when none. Read by late answers, so kept at once, not at the next render. */
  const openKey = useRef(0);
  const onSwitch = useRef<() => void>(() => undefined);

  const switchTo = useCallback((next: OpenRegistration | null) => {
    openKey.current = next?.key ?? 0;
    setOpen(next);
    if (!next) setRegistering(null);
    onSwitch.current();
  }, []);

  const start = useCallback(
    (subject: Subject, auto = true) => {
      setTicket(null);
      setNote(null);
      switchTo({ key: ++lastKey.current, subject, auto });
    },
    [switchTo],
  );
  const drop = useCallback(() => switchTo(null), [switchTo]);
  const dropOpen = useCallback(() => {
    if (openKey.current) switchTo(null);
  }, [switchTo]);
  const whenSwitched = useCallback((close: () => void) => {
    onSwitch.current = close;
  }, []);
  const isOpen = useCallback((key: number) => key !== 0 && key === openKey.current, []);
  const correctTicketPatient = useCallback((patient: Patient) => setTicket((t) => correctTicket(t, patient)), []);
  const follow = useCallback((shown: Subject | null) => setOpen((o) => followLiveVerdict(o, shown)), []);

  return { open, registering, setRegistering, ticket, setTicket, note, setNote, start, drop, dropOpen, whenSwitched, isOpen, correctTicketPatient, follow };
}

/**
 * The live answer arrived while the clerk was already registering from the local one: the open
 * registration takes the newer verdict of `shown` (what "Daftarkan" would register now).
 */
export function useFollowLiveVerdict(follow: OnScreenRegistration['follow'], shown: Subject | null): void {
  const verdict = shown?.verdict ?? null;
  const source = shown?.source;
  const basis = shown?.basis;
  const shownRef = useRef(shown);
  shownRef.current = shown;
  useEffect(() => {
    if (verdict) follow(shownRef.current);
  }, [follow, verdict, source, basis]);
}
