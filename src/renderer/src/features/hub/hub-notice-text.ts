/**
 * The hub's notices in words: each kind (and, for a possible duplicate, each reason) has its own
 * sentence filled from the notice's params. Pure, so the wording is tested in both languages
 * without a window; the screen passes its t() and how it writes dates, units and statuses.
 */
import type { HubNoticeView } from '../../../../shared/hub-link';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface NoticeWording {
  t: Translate;
  /** A birth date (yyyy-mm-dd) as the screens write it ("12 Mar 1985"). */
  date: (iso: string) => string;
  /** A unit code as the facility names it ("UMUM" → "Poli Umum"). */
  unit: (code: string) => string;
  /** A visit status in words ("served" → "selesai"). */
  status: (status: string) => string;
}

/** Every param a sentence uses, '?' for one the notice lacks (an older hub): never a raw {{placeholder}} on screen. */
const PARAMS = ['survivorMrn', 'mergedMrn', 'name', 'mergedName', 'mrn', 'otherMrns', 'otherNames', 'queue', 'count', 'hubMrn', 'ownMrn'] as const;

/** Comma-separated field names (the counter's: `address,oldMrn`) in words, as the correction screen names them. */
const fieldNames = (fields: string, w: NoticeWording): string =>
  fields
    .split(',')
    .map((f) => w.t(`patientEdit.fields.${f}`, { defaultValue: f }))
    .join(', ');

export function hubNoticeText(notice: HubNoticeView, w: NoticeWording): string {
  const given = notice.params;
  const p: Record<string, string> = { ...given };
  for (const key of PARAMS) p[key] = given[key] || '?';
  switch (notice.kind) {
    case 'patient-merged':
      // A late edit of the merged record: the fields carried to the survivor, then the ones not applied, in words.
      if (given.carried || given.changed) {
        const carried = given.carried ? w.t('hub.notices.mergedEditCarried', { ...p, fields: fieldNames(given.carried, w) }) : '';
        const kept = given.changed ? w.t('hub.notices.mergedEdit', { ...p, fields: fieldNames(given.changed, w) }) : '';
        return [carried, kept].filter(Boolean).join(' ');
      }
      {
        // The merged record's own name only when it differs (a typo fixed by the merge is worth seeing).
        const merged = given.mergedName && given.mergedName !== given.name ? w.t('hub.notices.mergedOtherName', p) : w.t('hub.notices.merged', p);
        // What the survivor took from the merged record, and what it did not (its own kept, or a number another record holds).
        const filled = given.filled ? w.t('hub.notices.mergedFilled', { ...p, fields: fieldNames(given.filled, w) }) : '';
        const notFilled = given.notFilled ? w.t('hub.notices.mergedNotFilled', { ...p, fields: fieldNames(given.notFilled, w) }) : '';
        return [merged, filled, notFilled].filter(Boolean).join(' ');
      }
    case 'possible-duplicate':
      if (given.reason === 'same-mrn') return w.t('hub.notices.duplicateSameMrn', p);
      return w.t('hub.notices.duplicateNameDob', { ...p, dob: given.dob ? w.date(given.dob) : '?' });
    case 'status-conflict':
      return w.t('hub.notices.conflict', {
        ...p,
        unit: given.unit ? w.unit(given.unit) : '?',
        kept: given.kept ? w.status(given.kept) : '?',
        refused: given.refused ? w.status(given.refused) : '?',
      });
    case 'same-queue-number':
      return w.t('hub.notices.sameNumber', { ...p, unit: given.unit ? w.unit(given.unit) : '?', date: given.date ? w.date(given.date) : '?' });
    case 'pull-stuck':
      return w.t('hub.notices.stuck', p);
    case 'register-resent':
      return w.t('hub.notices.resent', p);
    case 'merge-reversed':
      return w.t('hub.notices.mergeReversed', p);
    default:
      // A kind a newer hub sends that this screen does not know yet: still a sentence, never blank.
      return w.t('hub.notices.other', { kind: (notice as { kind: string }).kind });
  }
}
