import type { MethodOutput } from '../../../../shared/contract';
import type { FollowUp } from '../../../../shared/counter';
import { lowerWords, words, type Words } from '../../i18n/words';

/**
 * What the clerk's re-check (C) on a payer task says: the payer it set (`changed`, offered for
 * Undo), or why the payer stays. A record without NIK or card was not looked up at all: it says
 * so and how to add one (F3), never "not on the lists" (the person may well be on them).
 */
export function recheckWords(f: Pick<FollowUp, 'patient' | 'visit'>, answer: MethodOutput<'recheckPayer'>): { changed: boolean; words: Words } {
  if (answer.noNumber) return { changed: false, words: words('followUps.recheckNoNumber', { name: f.patient.name, mrn: f.patient.mrn }) };
  if (answer.payer !== f.visit.payer) return { changed: true, words: words('followUps.recheckChanged', { name: f.patient.name, payer: words(`register.payer.${answer.payer}`) }) };
  return { changed: false, words: words('followUps.recheckSame', { name: f.patient.name, payer: lowerWords(`register.payer.${f.visit.payer}`) }) };
}
