import { num, obj, str } from './audit-input';
import type { AuditRule } from './audit-rules';

/**
 * `mergePatients`: two records of one person joined (an administrator's). Under the survivor's
 * RM: the merged record's RM and name, how many visits moved, which fields (NIK, card, birth
 * date, sex, address) the survivor took from it and which it did not (`notFilled`: its own kept,
 * or a number another record holds; the field names, never the values), and its old RM (RM lama, a record
 * number like the RMs): taken by the survivor, or kept as one that finds it. A refused merge changed nothing
 * and is recorded as a refusal with its code (someone tried).
 */
const namesOf = (value: unknown, key: 'filled' | 'notFilled'): string[] => {
  const names = obj(value, key);
  return Array.isArray(names) ? names.filter((f): f is string => typeof f === 'string') : [];
};

export const patientMerge: AuditRule = {
  notes(call) {
    if (!call.ok) return [{ action: 'refused', detail: { method: call.method, ok: false, error: call.errorCode ?? '' } }];
    const merged = obj(call.value, 'merged');
    return [
      {
        action: 'patient-merge',
        subject: str(obj(call.value, 'survivor'), 'mrn') ?? null,
        detail: { method: call.method, mergedMrn: str(merged, 'mrn') ?? '', mergedName: str(merged, 'name') ?? '', visitsMoved: num(call.value, 'visitsMoved') ?? 0, filled: namesOf(call.value, 'filled'), notFilled: namesOf(call.value, 'notFilled'),
          oldMrnTaken: str(call.value, 'taken') ?? null, oldMrnAlias: str(call.value, 'alias') ?? null },
      },
    ];
  },
};
