import { useCallback, useRef } from 'react';
import type { Patient } from '../../../../shared/counter';
import type { OwnPatient } from '../../../../shared/lookup';
import type { PatientUpdate } from '../../../../shared/patient-changes';
import { editTargetOf, unidentifiedOf, type EditOrigin, type EditTarget, type ScreenPatients } from '../patient-edit/patient-edit-flow';
import { usePatientEdit, type PatientEdit } from '../patient-edit/use-patient-edit';
import type { OnScreenRegistration } from './use-on-screen-registration';
import type { ScreenRefs } from './use-search-flow';

export interface LookupCorrection {
  edit: PatientEdit;
  /** The record "Ubah data pasien (F3)" would correct now; null while correcting or with none on screen. */
  editable: EditTarget | null;
  /** An emergency patient on screen without identity (corrected in the follow-ups instead). */
  unidentified: Patient | null;
  /** Esc in the panel: back to "Daftarkan" (or the search field). */
  cancel: () => void;
}

interface Options extends Pick<ScreenRefs, 'inputRef' | 'startRef'> {
  registration: OnScreenRegistration;
  /** The look-up's own record, and the own records listed (a name's, or those sharing a record number). */
  found: Patient | null;
  ownRecords: readonly Patient[];
  /** A dialog has the keys: F3 does nothing. */
  paused: boolean;
  /** Looks a record up again by its record number (and id): the answer as the record is now. */
  lookUpAgain: (patient: OwnPatient) => void;
}

/** The patient's element with the focus in the own records' list, by its record number. */
const focusedMrn = (): string | null => document.activeElement?.closest('[data-testid="own-match"]')?.getAttribute('data-mrn') ?? null;

/**
 * The correction (F3) on the search screen: which record it corrects (the unit step's, the
 * ticket's, the look-up's, the focused own record), the registration not yet sent dropped when it
 * opens (nothing was written), and what a saved correction shows: the ticket's patient as it is now
 * with its slip shown again, or the look-up again by the record number.
 */
export function useLookupCorrection({ registration, found, ownRecords, paused, lookUpAgain, inputRef, startRef }: Options): LookupCorrection {
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
  };
  const editable = edit.state ? null : editTargetOf(screen.current);
  const unidentified = edit.state ? null : unidentifiedOf(screen.current);
  return { edit, editable, unidentified, cancel };
}
