import { num, obj, str } from './audit-input';
import type { AuditRule } from './audit-rules';

/**
 * `mergePatients`: two records of one person joined (an administrator's). Under the survivor's
 * RM: the merged record's RM and name, how many visits moved, and which of NIK or card the
 * survivor took from it (the field names, never the numbers), and its old RM (RM lama, a record
 * number like the RMs): taken by the survivor, or kept as one that finds it. A refused merge changed nothing
 * and is recorded as a refusal with its code (someone tried).
 */
const filledOf = (value: unknown): string[] => {
  const filled = obj(value, 'filled');
  return Array.isArray(filled) ? filled.filter((f): f is string => typeof f === 'string') : [];
};

export const patientMerge: AuditRule = {
  notes(call) {
    if (!call.ok) return [{ action: 'refused', detail: { method: call.method, ok: false, error: call.errorCode ?? '' } }];
    const merged = obj(call.value, 'merged');
    return [
      {
        action: 'patient-merge',
        subject: str(obj(call.value, 'survivor'), 'mrn') ?? null,
        detail: { method: call.method, mergedMrn: str(merged, 'mrn') ?? '', mergedName: str(merged, 'name') ?? '', visitsMoved: num(call.value, 'visitsMoved') ?? 0, filled: filledOf(call.value),
          oldMrnTaken: str(call.value, 'taken') ?? null, oldMrnAlias: str(call.value, 'alias') ?? null },
      },
    ];
  },
};
