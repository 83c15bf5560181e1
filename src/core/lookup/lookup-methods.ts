import type { Patient, Payer } from '../../shared/counter';
import type { OwnPatient } from '../../shared/lookup';
import type { CoreContext } from '../core-context';
import type { CoreMethods } from '../core';
import { setPayer } from '../counter/follow-ups';
import { findPatient } from '../counter/patients.repo';
import { LoketError } from '../errors';
import { liveMatches } from '../bpjs/live-answers';
import { lookup, type LookupContext } from './lookup';

/** Record numbers are short and have no spaces; they are looked up exactly, so a NIK never matches one by accident. */
export const MRN_LIKE = /^[A-Za-z0-9][A-Za-z0-9/.-]{0,19}$/;

/** The look-up's view of the core now: current lists, today, the stored live answers. */
export function lookupContextOf(ctx: CoreContext): LookupContext {
  const view = { today: ctx.today(), timeZone: ctx.timeZone(), staleAfterDays: ctx.staleAfterDays() };
  return { catalog: ctx.catalog, today: view.today, staleAfterDays: view.staleAfterDays, lang: ctx.lang(), live: (by) => liveMatches(ctx.db, by, view) };
}

/** Look-up (lists, then this facility's patient record) and the re-check of a pending payer. */
export function lookupMethods(ctx: CoreContext): Pick<CoreMethods, 'lookup' | 'recheckPayer'> {
  const { db } = ctx;
  const lookupContext = (): LookupContext => lookupContextOf(ctx);
  // The last-visit date is filled in by the own-patient search (issue 9); null until then.
  const own = (p: Patient | undefined): OwnPatient | undefined => (p ? { ...p, lastVisit: null } : undefined);
  return {
    async lookup({ query, dob }) {
      // A record number of this facility: answer for the patient's own NIK (or card).
      const byMrn = own(MRN_LIKE.test(query.trim()) ? findPatient(db, { mrn: query }) : undefined);
      if (byMrn && (byMrn.nik || byMrn.card)) return { ...lookup(lookupContext(), byMrn.nik ?? byMrn.card!), query, kind: 'mrn', patient: byMrn };
      if (byMrn) return { query, kind: 'mrn', verdict: 'unknown', matches: [], problem: null, tookMs: 0, patient: byMrn };
      const result = lookup(lookupContext(), query, dob);
      const compact = query.replace(/[\s.-]/g, '');
      const known = own(result.kind === 'nik' ? findPatient(db, { nik: compact }) : result.kind === 'card' ? findPatient(db, { card: compact }) : undefined);
      return known ? { ...result, patient: known } : result;
    },
    async recheckPayer({ visitId }) {
      const visit = db.prepare('SELECT v.payer, p.nik, p.card FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?').get(visitId) as
        | { payer: Payer; nik: string | null; card: string | null }
        | undefined;
      if (!visit) throw new LoketError('visit/not-found', { id: visitId });
      const identifier = visit.nik ?? visit.card;
      const verdict = identifier ? lookup(lookupContext(), identifier).verdict : 'unknown';
      if (verdict === 'eligible' && visit.payer === 'pending') {
        setPayer(db, visitId, 'jkn', ctx.now());
        return { verdict, payer: 'jkn' as const };
      }
      return { verdict, payer: visit.payer };
    },
  };
}
