import { PATIENT_EDIT_WORDS } from '../../shared/i18n/patient-edit-words';
import type { Core } from '../../core/core';
import type { Lang } from '../../shared/i18n/messages';
import type { PatientMergeSide } from '../../shared/patient-merge';
import { call } from '../contract-call';
import { maskCard, maskNik } from '../../shared/masking';
import { cliText } from '../messages';
import type { Output } from '../output';
import { UsageError } from '../usage-error';

/** One record as the preview shows it: RM, name, birth date, NIK masked, card, visits. */
function sideLine(lang: Lang, role: 'keep' | 'merge', side: PatientMergeSide): string {
  const p = side.patient;
  return cliText(lang, role === 'keep' ? 'gabung/keep' : 'gabung/merge', {
    mrn: p.mrn,
    name: p.name,
    dob: p.dob ?? '-',
    nik: p.nik ? maskNik(p.nik) : '-',
    card: p.card ? maskCard(p.card) : '-',
    visits: side.visits,
    last: side.lastVisit ?? '-',
  });
}

/**
 * `loket gabung RM_TETAP RM_GANDA [--yes]`: joins two records of one person, as the app's
 * Pengaturan › Gabung RM does (the same core methods: administrator, audited). Without --yes it
 * only shows both records side by side and what would happen, and changes nothing: the command
 * cannot ask, so the confirmation is a second run.
 */
export async function gabungCommand(core: Core, args: { rest: string[]; yes: boolean }, out: Output, lang: Lang): Promise<number> {
  const [survivorMrn, mergedMrn, extra] = args.rest;
  if (!survivorMrn || !mergedMrn) throw new UsageError('usage/gabung-needs-rms', {}, 'gabung');
  if (extra !== undefined) throw new UsageError('usage/unexpected-argument', { value: extra }, 'gabung');
  const preview = await call(core, 'previewMergePatients', { survivorMrn, mergedMrn });
  if (!args.yes) {
    if (out.json) out.data({ merged: false, preview });
    else {
      out.line(sideLine(lang, 'keep', preview.survivor));
      out.line(sideLine(lang, 'merge', preview.merged));
      const keep = preview.survivor.patient;
      const merge = preview.merged.patient;
      // Both old RMs (paper-era card numbers), when either has one: what happens to the duplicate's is said below.
      if (keep.oldMrn || merge.oldMrn) out.line(cliText(lang, 'gabung/old-mrn', { keep: keep.mrn, keepOld: keep.oldMrn ?? '-', merge: merge.mrn, mergeOld: merge.oldMrn ?? '-' }));
      const named = (f: string) => (f === 'nik' ? 'NIK' : f === 'card' ? 'No. JKN' : (PATIENT_EDIT_WORDS[lang].fields as Record<string, string>)[f] ?? f);
      const fields = [...preview.fills.map(named), ...(preview.taken ? [`${lang === 'en' ? 'old RM' : 'RM lama'} ${preview.taken}`] : [])];
      if (fields.length > 0) out.line(cliText(lang, 'gabung/fills', { fields: fields.join(', '), mrn: merge.mrn }));
      if (preview.notFilled.length > 0) out.line(cliText(lang, 'gabung/not-filled', { fields: preview.notFilled.map(named).join(', '), keep: keep.mrn }));
      if (preview.alias) out.line(cliText(lang, 'gabung/old-mrn-alias', { oldMrn: preview.alias, merge: merge.mrn, keep: keep.mrn }));
      out.line(cliText(lang, 'gabung/confirm', { keep: preview.survivor.patient.mrn, merge: preview.merged.patient.mrn }));
    }
    return 0;
  }
  const result = await call(core, 'mergePatients', { survivorId: preview.survivor.patient.id, mergedId: preview.merged.patient.id });
  if (out.json) out.data({ merged: true, result });
  else out.line(cliText(lang, 'gabung/done', { merge: result.merged.mrn, keep: result.survivor.mrn, visits: result.visitsMoved }));
  return 0;
}
