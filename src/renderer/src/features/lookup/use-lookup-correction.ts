import { useCallback, useRef } from 'react';
import type { Patient } from '../../../../shared/counter';
import type { OwnPatient } from '../../../../shared/lookup';
import type { PatientUpdate } from '../../../../shared/patient-changes';
import { editTargetOf, editWhyNot, unidentifiedOf, type EditOrigin, type EditTarget, type EditWhyNot, type ScreenPatients } from '../patient-edit/patient-edit-flow';
import { usePatientEdit, type PatientEdit } from '../patient-edit/use-patient-edit';
import { subjectName, type Subject } from '../register/subject';
import type { OnScreenRegistration } from './use-on-screen-registration';
import type { ScreenRefs } from './use-search-flow';

export interface LookupCorrection {
  edit: PatientEdit;
  /** The record "Ubah data pasien (F3)" would correct now; null while correcting or with none on screen. */
  editable: EditTarget | null;
  /** An emergency patient on screen without identity (corrected in the follow-ups instead). */
  unidentified: Patient | null;
  /** Why the last F3 corrected nothing, while the screen still shows what it was about; null: nothing to say. */
  whyNot: EditWhyNot | null;
  /** Esc in the panel: back to "Daftarkan" (or the search field). */
  cancel: () => void;
}

interface Options extends Pick<ScreenRefs, 'inputRef' | 'startRef'> {
  registration: OnScreenRegistration;
  /** The look-up's own record, and the own records listed (a name's, or those sharing a record number). */
  found: Patient | null;
  ownRecords: readonly Patient[];
  /** What "Daftarkan" would register now (the look-up's answer, a picked row); null: nothing yet. */
  toRegister: Subject | null;
  /** Rows are listed to pick from and none is picked. */
  candidates: boolean;
  /** A dialog has the keys: F3 does nothing. */
  paused: boolean;
  /** Looks a record up again by its record number (and id): the answer as the record is now. */
  lookUpAgain: (patient: OwnPatient) => void;
}

/** The patient's element with the focus in the own records' list, by its record number. */
const focusedMrn = (): string | null => document.activeElement?.closest('[data-testid="own-match"]')?.getAttribute('data-mrn') ?? null;

/**
 * The person on screen without a record here yet: whom the open registration is about (a new
 * patient typed or in the unit step), else its subject or the look-up's answer when that is not
 * a record here (a list member, a number on no list); null when there is none.
 */
function unregisteredOf(registration: OnScreenRegistration, toRegister: Subject | null): string | null {
  const { registering, open } = registration;
  if (registering) return registering.kind === 'new' ? registering.identity.name : null;
  const subject = open?.subject ?? toRegister;
  return subject && subject.kind !== 'patient' ? subjectName(subject) : null;
}

const sameWhyNot = (a: EditWhyNot | null, b: EditWhyNot | null): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The correction (F3) on the search screen: which record it corrects (the unit step's, the
 * ticket's, the look-up's, the focused own record), the registration not yet sent dropped when it
 * opens (nothing was written), and what a saved correction shows: the ticket's patient as it is now
 * with its slip shown again, or the look-up again by the record number.
 */
export function useLookupCorrection({ registration, found, ownRecords, toRegister, candidates, paused, lookUpAgain, inputRef, startRef }: Options): LookupCorrection {
  const { correctTicketPatient } = registration;
  const screen = useRef<ScreenPatients>({ registering: null, registrationOpen: false, ticket: null, found: null, ownMatches: [] });
  const saved = useCallback(
    (update: PatientUpdate, origin: EditOrigin) => {
      if (origin === 'ticket') {
        correctTicketPatient(update.patient);
        inputRef.current?.focus();
      } else lookUpAgain({ ...update.patient, lastVisit: null }); // the answer again, by the RM: as the record is now
    },
    [lookUpAgain, correctTicketPatient, inputRef],
  );
  const edit = usePatientEdit({
    target: () => editTargetOf({ ...screen.current, focusedMrn: focusedMrn() }),
    whyNot: () => editWhyNot({ ...screen.current, focusedMrn: focusedMrn() }),
    paused,
    onOpen: registration.dropOpen,
    onSaved: saved,
  });
  registration.whenSwitched(edit.close);
  const cancel = useCallback(() => {
    edit.close();
    requestAnimationFrame(() => (startRef.current ?? inputRef.current)?.focus());
  }, [edit, startRef, inputRef]);

  screen.current = {
    registering: registration.registering?.kind === 'record' ? registration.registering.patient : null,
    registrationOpen: registration.open !== null,
    ticket: registration.ticket?.patient ?? null,
    found,
    ownMatches: ownRecords,
    unregistered: unregisteredOf(registration, toRegister),
    candidates,
  };
  const editable = edit.state ? null : editTargetOf(screen.current);
  const unidentified = edit.state ? null : unidentifiedOf(screen.current);
  // Said only while the screen shows what it was about (another patient since: it goes).
  const whyNot = edit.whyNot && sameWhyNot(edit.whyNot, editWhyNot(screen.current)) ? edit.whyNot : null;
  return { edit, editable, unidentified, whyNot, cancel };
}
