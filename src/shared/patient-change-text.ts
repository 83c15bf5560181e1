import type { AuditDetail } from './audit';
import { maskQueryIdentifiers } from './audit-mask';
import type { DetailWording } from './audit-detail';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** One stored value as the screens write it: a date in words, the sex by name, identifiers masked (again), none as '–'. */
function shown(field: string, value: string | undefined, w: DetailWording): string {
  if (value === undefined || value === '') return '–';
  if (field === 'dob') return w.date(value);
  if (field === 'sex') return w.t(`sex.${value}`, { defaultValue: value });
  return maskQueryIdentifiers(value);
}

/**
 * A `patient-change` entry (updatePatient; `hubLateEdit`: what the hub carried from a late edit of a merged record) in words: "data pasien diubah: nama: SITI NURANI →
 * SITI NUR'AINI; NIK: 3671••••••••0035 → 3671••••••••0036", each field by its name in the
 * screen's language, the values before and after as stored (aligned with `fields`).
 */
export function patientChangeText(d: AuditDetail, w: DetailWording): string {
  const before = list(d.before);
  const after = list(d.after);
  const named = (fields: unknown): string => list(fields).map((f) => w.t(`patientEdit.fields.${f}`, { defaultValue: f })).join(', ');
  if (d.method === 'hubLateEdit') {
    const kept = list(d.notCarried).length > 0 ? w.t('patientEdit.auditLateEditKept', { fields: named(d.notCarried) }) : '';
    return [w.t('patientEdit.auditLateEdit', { merged: typeof d.mergedMrn === 'string' ? d.mergedMrn : '–', fields: named(d.fields) }), kept].filter(Boolean).join(' · ');
  }
  const changes = list(d.fields).map((field, i) =>
    w.t('patientEdit.auditChange', { field: w.t(`patientEdit.fields.${field}`, { defaultValue: field }), before: shown(field, before[i], w), after: shown(field, after[i], w) }),
  );
  if (d.method !== 'attachIdentity') return w.t('patientEdit.audit', { changes: changes.join('; ') });
  // An emergency's identity: typed onto the temporary record, or the visit moved onto a record that was there.
  const joined = d.joined === true ? w.t('patientEdit.auditJoined', { mrn: typeof d.temporaryRecord === 'string' ? d.temporaryRecord : '–' }) : '';
  return [w.t('patientEdit.auditIdentity', { changes: changes.join('; ') || '–' }), joined].filter(Boolean).join(' · ');
}
