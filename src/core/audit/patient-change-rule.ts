import { maskCard, maskNik } from '../../shared/masking';
import { PATIENT_FIELDS } from '../../shared/patient-changes';
import { bool, num, obj, str, type Loose } from './audit-input';
import type { AuditNote, AuditRule } from './audit-rules';

/** A field's value as the trail keeps it: NIK and card masked (maskNik, maskCard), none as ''. */
function kept(field: string, record: Loose): string {
  const value = str(record, field) ?? '';
  if (value === '') return '';
  return field === 'nik' ? maskNik(value) : field === 'card' ? maskCard(value) : value;
}

/**
 * `updatePatient`: a correction of a patient's record, under its RM. Which fields changed, with
 * the values before and after (aligned with `fields`): who changed a name or a birth date, and
 * from what, is on record; a NIK or card only masked, never in clear. A correction that changed
 * nothing, or was refused, wrote nothing and is not recorded.
 */
export const patientChange: AuditRule = {
  notes(call): AuditNote[] {
    const changed = obj(call.value, 'changed');
    const fields = Array.isArray(changed) ? PATIENT_FIELDS.filter((f) => changed.includes(f)) : [];
    if (!call.ok || fields.length === 0) return [];
    const previous = obj(call.value, 'previous');
    const patient = obj(call.value, 'patient');
    return [
      {
        action: 'patient-change',
        subject: str(patient, 'mrn') ?? null,
        detail: { method: call.method, fields, before: fields.map((f) => kept(f, previous)), after: fields.map((f) => kept(f, patient)) },
      },
    ];
  },
};

/**
 * `attachIdentity`: an emergency registered without identity (*TANPA IDENTITAS 10:21*) gets one,
 * typed (the temporary record becomes that person) or by joining an existing record (the visit
 * moves onto it). Recorded as a patient change of the record the visit is on afterwards: each
 * identity field before (the temporary record) and after, NIK and card masked, and, only when a
 * record was joined, which one and the temporary record it left (`joined`, `temporaryRecord`).
 */
export const identityAttached: AuditRule = {
  snapshot: (input, db) => db.patientOfVisit(num(input, 'visitId')),
  notes(call, db): AuditNote[] {
    const before = call.before as Loose | null | undefined;
    if (!call.ok || !before) return [];
    const after = db.patientOfVisit(num(call.input, 'visitId'));
    if (!after) return [];
    const fields = PATIENT_FIELDS.filter((f) => kept(f, before) !== kept(f, after));
    const joined = bool(call.value, 'joined') === true;
    return [
      {
        action: 'patient-change',
        subject: str(after, 'mrn') ?? null,
        detail: {
          method: call.method,
          visitId: num(call.input, 'visitId') ?? null,
          fields,
          before: fields.map((f) => kept(f, before)),
          after: fields.map((f) => kept(f, after)),
          joined,
          ...(joined ? { temporaryRecord: str(before, 'mrn') ?? null } : {}),
        },
      },
    ];
  },
};
