import type { FollowUp, Identity, Patient } from '../../../../shared/counter';
import { maskNik } from '../../../../shared/masking';
import { attachSourceOf, type AttachSource, type IdentityChoice } from './identity-choices';

/** What the clerk gave as the emergency's identity: a choice of the search ("Pakai"), or one typed by hand. */
export type AttachPick = { kind: 'choice'; choice: IdentityChoice } | { kind: 'typed'; identity: Identity };

/** A person as the question names them: enough to tell two people apart on paper, the NIK masked. */
export interface AttachPerson {
  name: string;
  /** The record number: the record the visit joins, or (a new identity) the emergency's temporary record, which takes the identity. */
  mrn: string;
  nikMasked: string | null;
  dob: string | null;
  /** The list the identity comes from (a list member), null otherwise. */
  list: string | null;
}

/**
 * Joining an unidentified emergency to a person is for good: the visit moves to a record already
 * here (`joins`), or its temporary record takes the identity. Neither can be undone, so the
 * clerk is asked first, with both named: the emergency (its number, temporary name and record)
 * and the person chosen.
 */
export interface AttachQuestion {
  /** The emergency's visit, which attachIdentity is for. */
  visitId: number;
  emergency: { queue: string; name: string; mrn: string };
  chosen: AttachPerson;
  joins: boolean;
  /** What attachIdentity is given once the clerk says yes. */
  source: AttachSource;
}

/** The identity a pick gives (null: a record of this facility, picked as it is). */
const identityOf = (pick: AttachPick): Identity | null => {
  if (pick.kind === 'typed') return pick.identity;
  const source = attachSourceOf(pick.choice);
  return 'identity' in source ? source.identity : null;
};

/**
 * The record look-ups to make before asking: an identity whose NIK (or else card) is already a
 * record here joins that record (the core does so), so the question must name that record.
 */
export function recordProbes(pick: AttachPick): ({ nik: string } | { card: string })[] {
  const identity = identityOf(pick);
  if (!identity) return [];
  return [...(identity.nik ? [{ nik: identity.nik }] : []), ...(identity.card ? [{ card: identity.card }] : [])];
}

const masked = (nik: string | null | undefined): string | null => (nik ? maskNik(nik) : null);
const recordPerson = (p: Pick<Patient, 'name' | 'mrn' | 'nik' | 'dob'>): AttachPerson => ({ name: p.name, mrn: p.mrn, nikMasked: masked(p.nik), dob: p.dob, list: null });

/** The question for a pick; `known`: the record found by `recordProbes` (null: none). */
export function attachQuestion(f: FollowUp, pick: AttachPick, known: Patient | null): AttachQuestion {
  const emergency = { queue: f.visit.queue, name: f.patient.name, mrn: f.patient.mrn };
  const source: AttachSource = pick.kind === 'choice' ? attachSourceOf(pick.choice) : { identity: pick.identity };
  const base = { visitId: f.visit.id, emergency, source };
  if (pick.kind === 'choice' && pick.choice.kind === 'own') return { ...base, chosen: recordPerson(pick.choice.patient), joins: true };
  if (known && known.id !== f.patient.id) return { ...base, chosen: recordPerson(known), joins: true };
  const identity = identityOf(pick)!;
  const list = pick.kind === 'choice' && pick.choice.kind === 'member' ? pick.choice.member.list.name : null;
  const name = identity.name.trim().replace(/\s+/g, ' ').toUpperCase();
  return { ...base, chosen: { name, mrn: f.patient.mrn, nikMasked: masked(identity.nik), dob: identity.dob ?? null, list }, joins: false };
}
